// Finds the web links in a Slack message. Slack writes links as <url> or <url|label> with &, < and > escaped
// as entities; `/summarize` text may hold bare URLs; blocks and attachments carry links of their own.

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

interface BlockNode {
  type?: string;
  url?: string;
  text?: unknown;
  elements?: BlockNode[];
  fields?: BlockNode[];
}

/**
 * Links held in blocks: `link` elements of rich_text (what Slack clients send alongside `text`), and links in
 * the mrkdwn of section and context blocks (how feed and wire bots post headlines).
 */
export function findLinksInBlocks(blocks: unknown): string[] {
  const found: string[] = [];
  const add = (url: string) => {
    if (isWebUrl(url) && !found.includes(url)) found.push(url);
  };
  const walk = (nodes: unknown) => {
    if (!Array.isArray(nodes)) return;
    for (const n of nodes as BlockNode[]) {
      if (!n || typeof n !== 'object') continue;
      if (n.type === 'link' && typeof n.url === 'string') add(n.url);
      if (n.type === 'mrkdwn' && typeof n.text === 'string') findLinks(n.text).forEach(add);
      if (n.text && typeof n.text === 'object') walk([n.text]);
      walk(n.elements);
      walk(n.fields);
    }
  };
  walk(blocks);
  return found;
}

interface Attachment {
  from_url?: unknown;
  title_link?: unknown;
}

/** The story links of legacy attachments (link unfurls, RSS and news-feed apps). */
function findLinksInAttachments(attachments: unknown): string[] {
  if (!Array.isArray(attachments)) return [];
  return (attachments as Attachment[]).flatMap((a) =>
    [a?.from_url, a?.title_link].filter((u): u is string => typeof u === 'string' && isWebUrl(u)),
  );
}

/** All links of a message: text first (its order is what the user typed), then any only blocks or attachments carry. */
export function linksOfMessage(msg: { text?: string; blocks?: unknown; attachments?: unknown }): string[] {
  const links = findLinks(msg.text ?? '');
  for (const u of [...findLinksInBlocks(msg.blocks), ...findLinksInAttachments(msg.attachments)]) {
    if (!links.includes(u)) links.push(u);
  }
  return links;
}
