// Finds the web links in a Slack message. Slack writes links as <url> or <url|label> with &, < and > escaped
// as entities; `/summarize` text may hold bare URLs; blocks and attachments carry links of their own.

const ENTITY: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

export function unescapeSlack(s: string): string {
  return s.replace(/&(amp|lt|gt);/g, (m) => ENTITY[m] ?? m);
}

function isWebUrl(s: string): boolean {
  return /^https?:\/\/[^\s]/i.test(s);
}

/** Two links to the same page: the fragment never changes what the server sends. */
export function withoutFragment(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url;
  }
}

/** Adds links to a list once per page (`…/a` and `…/a#comments` are one story, and one of the message's links). */
function collector(): { found: string[]; add: (url: string) => void } {
  const found: string[] = [];
  const seen = new Set<string>();
  const add = (url: string): void => {
    if (!isWebUrl(url)) return;
    const key = withoutFragment(url);
    if (seen.has(key)) return;
    seen.add(key);
    found.push(url);
  };
  return { found, add };
}

// Trailing punctuation belongs to the sentence, not the URL ("see https://x.com/a." → https://x.com/a),
// but a closing parenthesis stays when the URL itself opened one (Wikipedia-style paths).
function trimBareUrl(url: string): string {
  let u = url.replace(/[.,;:!?'"’”»…]+$/u, '');
  while (u.endsWith(')') && (u.match(/\(/g) ?? []).length < (u.match(/\)/g) ?? []).length) u = u.slice(0, -1);
  return u.replace(/[.,;:!?'"’”»…]+$/u, '');
}

/** Links in message text, in order of appearance, once per page. */
export function findLinks(text: string): string[] {
  const { found, add } = collector();
  // Bracketed Slack links first; then whatever bare URLs remain outside them.
  const rest = text.replace(/<([^<>]+)>/g, (_m, inner: string) => {
    const url = inner.split('|')[0] ?? '';
    add(unescapeSlack(url));
    return ' ';
  });
  // Unescaped before matching: someone who types "/summarize <https://x.com/a>" sends "&lt;https://x.com/a&gt;"
  // (the command does not escape), and the "&gt;" must end the URL, not become part of it.
  for (const m of unescapeSlack(rest).matchAll(/https?:\/\/[^\s<>]+/gi)) add(trimBareUrl(m[0]));
  return found;
}

interface BlockNode {
  type?: string;
  url?: string;
  text?: unknown;
  elements?: BlockNode[];
  fields?: BlockNode[];
}

/**
 * Links held in blocks: `link` elements of rich_text (what Slack clients send alongside `text`), and links in
 * the mrkdwn of section blocks (how feed and wire bots post headlines). Context blocks hold a post's furniture
 * ("via <feed|Wire>", a source page): their links count only when the message has no other link.
 */
export function findLinksInBlocks(blocks: unknown): string[] {
  const main = collector();
  const furniture = collector();
  const walk = (nodes: unknown, add: (url: string) => void) => {
    if (!Array.isArray(nodes)) return;
    for (const n of nodes as BlockNode[]) {
      if (!n || typeof n !== 'object') continue;
      const into = n.type === 'context' ? furniture.add : add;
      if (n.type === 'link' && typeof n.url === 'string') into(n.url);
      if (n.type === 'mrkdwn' && typeof n.text === 'string') findLinks(n.text).forEach(into);
      if (n.text && typeof n.text === 'object') walk([n.text], into);
      walk(n.elements, into);
      walk(n.fields, into);
    }
  };
  walk(blocks, main.add);
  return main.found.length > 0 ? main.found : furniture.found;
}

interface Attachment {
  from_url?: unknown;
  title_link?: unknown;
}

/**
 * The story links of legacy attachments. An unfurl names the link that was pasted in `from_url` and the page's
 * own (canonical) address in `title_link`: the two are one story, so only `from_url` counts. RSS and news-feed
 * apps give only `title_link`.
 */
function findLinksInAttachments(attachments: unknown): string[] {
  if (!Array.isArray(attachments)) return [];
  return (attachments as Attachment[]).flatMap((a) => {
    const url = typeof a?.from_url === 'string' ? a.from_url : a?.title_link;
    return typeof url === 'string' && isWebUrl(url) ? [url] : [];
  });
}

/** All links of a message: text first (its order is what the user typed), then any only blocks or attachments carry. */
export function linksOfMessage(msg: { text?: string; blocks?: unknown; attachments?: unknown }): string[] {
  const { found, add } = collector();
  findLinks(msg.text ?? '').forEach(add);
  [...findLinksInBlocks(msg.blocks), ...findLinksInAttachments(msg.attachments)].forEach(add);
  return found;
}
