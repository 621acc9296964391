// Finds the web links in a Slack message. Slack writes links as <url> or <url|label> with &, < and > escaped
// as entities; `/summarize` text may hold bare URLs; rich_text blocks carry `link` elements.

const ENTITY: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

export function unescapeSlack(s: string): string {
  return s.replace(/&(amp|lt|gt);/g, (m) => ENTITY[m] ?? m);
}

function isWebUrl(s: string): boolean {
  return /^https?:\/\/[^\s]/i.test(s);
}

// Trailing punctuation belongs to the sentence, not the URL ("see https://x.com/a." → https://x.com/a),
// but a closing parenthesis stays when the URL itself opened one (Wikipedia-style paths).
function trimBareUrl(url: string): string {
  let u = url.replace(/[.,;:!?'"’”»]+$/u, '');
  while (u.endsWith(')') && (u.match(/\(/g) ?? []).length < (u.match(/\)/g) ?? []).length) u = u.slice(0, -1);
  return u.replace(/[.,;:!?'"’”»]+$/u, '');
}

/** Links in message text, in order of appearance, without duplicates. */
export function findLinks(text: string): string[] {
  const found: string[] = [];
  const add = (u: string) => {
    if (isWebUrl(u) && !found.includes(u)) found.push(u);
  };
  // Bracketed Slack links first; then whatever bare URLs remain outside them.
  const rest = text.replace(/<([^<>]+)>/g, (_m, inner: string) => {
    const url = inner.split('|')[0] ?? '';
    add(unescapeSlack(url));
    return ' ';
  });
  for (const m of rest.matchAll(/https?:\/\/[^\s<>]+/gi)) add(trimBareUrl(unescapeSlack(m[0])));
  return found;
}

interface RichElement {
  type?: string;
  url?: string;
  elements?: RichElement[];
}

/** Links held as `link` elements in rich_text blocks (what Slack clients send alongside `text`). */
export function findLinksInBlocks(blocks: unknown): string[] {
  const found: string[] = [];
  const walk = (nodes: unknown) => {
    if (!Array.isArray(nodes)) return;
    for (const n of nodes as RichElement[]) {
      if (n && typeof n === 'object') {
        if (n.type === 'link' && typeof n.url === 'string' && isWebUrl(n.url) && !found.includes(n.url)) {
          found.push(n.url);
        }
        walk(n.elements);
      }
    }
  };
  walk(blocks);
  return found;
}

/** All links of a message: text first (its order is what the user typed), then any only the blocks carry. */
export function linksOfMessage(msg: { text?: string; blocks?: unknown }): string[] {
  const links = findLinks(msg.text ?? '');
  for (const u of findLinksInBlocks(msg.blocks)) if (!links.includes(u)) links.push(u);
  return links;
}
