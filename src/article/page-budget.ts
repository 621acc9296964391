// How much of a page the extractor will look at. The parser, Readability and our own cleaning each visit an
// element's whole subtree for every ancestor of it (textContent, scoring), so their cost grows with text ×
// nesting depth, not with bytes: a 1 MB page of paragraphs inside 200 nested divs took 24 s, and the
// extractor runs on the bot's event loop. Readability also costs 0.1–0.2 ms per element on link-only pages
// (it retries up to four times when it finds no article). Pages are therefore cut, in source order, once
// they spend a budget far above any real article's, keeping the top of the page, where the story is.
//
// Measured on the 181 pages of ../shared/bench/extraction: at most 1,596 elements, 91,334 characters of text
// and 813,722 character-levels (text characters × nesting depth); the budgets below are 4–5 times that.
import { FLAT_TAGS, MAX_NESTING } from './dom';

export interface PageBudget {
  /** Elements (start tags outside scripts, styles and comments). */
  elements: number;
  /** Characters of text outside tags, scripts, styles and comments. */
  textChars: number;
  /** Each text character and each element weighted by how deeply it is nested. */
  depthWeighted: number;
}

export const PAGE_BUDGET: Readonly<PageBudget> = Object.freeze({
  elements: 6_000,
  textChars: 500_000,
  depthWeighted: 4_000_000,
});

// Raw text to the parser: their content is code, cheap to parse and removed before extraction.
const RAW_TEXT = new Set(['script', 'style']);
const NAME = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/;

export interface BudgetCut {
  /** The page, cut where the budget ran out (the whole page when it did not). */
  html: string;
  truncated: boolean;
}

const JSON_LD_OPEN = /<script\b[^<>]{0,200}?type\s*=\s*["']?application\/ld\+json[^<>]{0,200}>/gi;
const MAX_STRUCTURED_DATA_CHARS = 256 * 1024;

/**
 * The JSON-LD blocks after the cut, for metadata and the publisher's own articleBody: many sites put them
 * at the end of the body, and they cost the parser next to nothing.
 */
function structuredDataAfter(html: string, from: number): string {
  JSON_LD_OPEN.lastIndex = from;
  let out = '';
  for (let m = JSON_LD_OPEN.exec(html); m; m = JSON_LD_OPEN.exec(html)) {
    const close = closingTag(html, 'script', m.index + m[0].length);
    if (close >= html.length) break;
    const end = html.indexOf('>', close);
    const block = html.slice(m.index, end < 0 ? html.length : end + 1);
    if (out.length + block.length > MAX_STRUCTURED_DATA_CHARS) break;
    out += block;
    JSON_LD_OPEN.lastIndex = m.index + block.length;
  }
  return out;
}

/** Where `</name` next starts at or after `from` (case-insensitive), or the end of the page. */
function closingTag(html: string, name: string, from: number): number {
  for (let at = html.indexOf('</', from); at >= 0; at = html.indexOf('</', at + 2)) {
    if (html.slice(at + 2, at + 2 + name.length).toLowerCase() === name) return at;
  }
  return html.length;
}

/**
 * One linear pass over the source; nothing is parsed. Depth counts as limitNesting (dom.ts) will leave it,
 * so a page of 100,000 nested divs is weighed at MAX_NESTING levels, not at 100,000.
 */
export function withinBudget(html: string, budget: PageBudget = PAGE_BUDGET): BudgetCut {
  let elements = 0;
  let text = 0;
  let weighted = 0;
  let openTags = 0;
  let depth = 0;
  let i = 0;
  const cut = (at: number): BudgetCut => ({
    html: html.slice(0, at) + structuredDataAfter(html, at),
    truncated: true,
  });
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const stop = lt < 0 ? html.length : lt;
    if (stop > i) {
      const room = Math.min(
        budget.textChars - text,
        Math.floor((budget.depthWeighted - weighted) / Math.max(1, depth)),
      );
      if (stop - i > room) {
        // Cut at the last space that fits, so the last word kept is whole.
        const end = html.lastIndexOf(' ', i + room);
        return cut(end > i ? end : i + Math.max(0, room));
      }
      text += stop - i;
      weighted += (stop - i) * Math.max(1, depth);
    }
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const m = NAME.exec(html.slice(lt, lt + 64));
    if (!m) {
      i = lt + 1;
      continue;
    }
    const gt = html.indexOf('>', lt);
    const tagEnd = gt < 0 ? html.length : gt + 1;
    const closing = m[1] === '/';
    const name = (m[2] as string).toLowerCase();
    if (closing) {
      if (!FLAT_TAGS.has(name)) openTags = Math.max(0, openTags - 1);
      depth = Math.min(openTags, MAX_NESTING);
      i = tagEnd;
      continue;
    }
    const nests = !FLAT_TAGS.has(name) && html[tagEnd - 2] !== '/';
    // limitNesting drops tags that would nest past MAX_NESTING (their text stays): they cost nothing later.
    if (!nests || openTags < MAX_NESTING) {
      elements++;
      weighted += depth;
      if (elements > budget.elements || weighted > budget.depthWeighted) return cut(lt);
    }
    if (RAW_TEXT.has(name)) {
      // Code and data are not text, and a '<' inside them is not a tag.
      i = closingTag(html, name, tagEnd);
      continue;
    }
    if (nests) openTags++;
    depth = Math.min(openTags, MAX_NESTING);
    i = tagEnd;
  }
  return { html, truncated: false };
}
