// How much of a page the extractor will look at. Its cost grows with nesting, not with bytes: the parser,
// Readability and our own cleaning read an element's whole subtree for every block around it (textContent,
// scoring), and Readability's conditional cleaning, on every block with fewer than ten commas, queries the
// block's subtree nine times and reads the text of every block inside it. So an element costs in proportion
// to its depth (~2 µs per element and block around it on this machine) and to its depth squared (~20 ns),
// a text character to its depth squared; Readability runs all of it up to three times when the text it
// keeps is short, and costs ~12 µs per element and pass besides. 390 nested divs around 4,000 `<p>x</p>`,
// 37 KB, took 11 s. Pages are therefore cut, in source order, once they spend a budget above any real
// article's, keeping the top of the page, where the story is.
//
// Measured on the 181 pages of ../shared/bench/extraction (withinBudget's `spent`): at most 1,612 elements
// and comments, 91,334 characters of text, 18,446 element-levels, 305,884 element-levels² and 12.1M
// character-levels². The budgets are 1.6–8 times that; a page that spends any one of them whole costs a few
// hundred ms at most (bench:extraction's hostile pages, CPU time), where before they let through 10–40 s.
import { FLAT_TAGS, MAX_NESTING, VOID_TAGS } from './dom';

export interface PageBudget {
  /** Elements and comments (which split text nodes), outside scripts, styles and UNREAD subtrees. */
  elements: number;
  /** Characters of text outside tags, comments, scripts, styles and UNREAD subtrees. */
  textChars: number;
  /** Each element weighted by its depth: pairs of an element and a block around it. */
  elementLevels: number;
  /** Each element weighted by its depth squared: an element, a block around it, and one around that. */
  elementLevelsSquared: number;
  /** Each text character weighted by its depth squared. */
  textLevels: number;
}

export const PAGE_BUDGET: Readonly<PageBudget> = Object.freeze({
  elements: 3_000,
  textChars: 500_000,
  elementLevels: 30_000,
  elementLevelsSquared: 1_000_000,
  textLevels: 100_000_000,
});

// Raw text to the parser: their content is code, cheap to parse and removed before extraction.
const RAW_TEXT = new Set(['script', 'style']);
// Never article text (icons, formulas, inert templates, fallbacks for browsers without scripts), and removed
// whole before anything but the parser reads the page (dom-clean.ts), so their content is dropped here:
// a sprite of 2,000 icons before the story must neither use up the budget nor cost a parse.
const UNREAD = new Set(['svg', 'math', 'template', 'noscript']);
// Levels of the DOM an open tag stands for where its children's end tags are implied and so not counted:
// a table holds rows holding cells, a list holds items (the parser nests them as deep as the container).
const LEVELS: ReadonlyMap<string, number> = new Map([
  ['table', 3],
  ['ul', 2],
  ['ol', 2],
  ['dl', 2],
  ['menu', 2],
]);
const NAME = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/;

export interface BudgetCut {
  /**
   * The page without the content of UNREAD elements, cut where the budget ran out (the page as given when
   * neither happened).
   */
  html: string;
  truncated: boolean;
  /** What the part kept spends of each budget. */
  spent: PageBudget;
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
 * The open elements inside an UNREAD subtree, as the parser keeps them: an end tag closes the innermost
 * open element of its name and everything inside it; one that names no element open inside the subtree
 * closes an element around it, and so the subtree too.
 */
class UnreadSubtree {
  private readonly names: string[] = [];
  private readonly open = new Map<string, number>();

  constructor(root: string) {
    this.opened(root);
  }

  opened(name: string): void {
    this.names.push(name);
    this.open.set(name, (this.open.get(name) ?? 0) + 1);
  }

  /** Whether the subtree is still open after this end tag. */
  closed(name: string): boolean {
    if (!this.open.get(name)) return false;
    for (let popped = this.names.pop(); popped !== undefined; popped = this.names.pop()) {
      this.open.set(popped, (this.open.get(popped) ?? 1) - 1);
      if (popped === name) break;
    }
    return this.names.length > 0;
  }
}

/**
 * One linear pass over the source; nothing is parsed. Depth counts as limitNesting (dom.ts) will leave it,
 * so a page of 100,000 nested divs is weighed at MAX_NESTING levels, not at 100,000.
 */
export function withinBudget(html: string, budget: PageBudget = PAGE_BUDGET): BudgetCut {
  const spent: PageBudget = {
    elements: 0,
    textChars: 0,
    elementLevels: 0,
    elementLevelsSquared: 0,
    textLevels: 0,
  };
  // The DOM levels each open tag stands for (none past MAX_NESTING: limitNesting drops those tags).
  const levels: number[] = [];
  let depth = 0;
  // What is kept: `parts`, then the page from `from` on (UNREAD content is left out).
  const parts: string[] = [];
  let from = 0;
  let unread: UnreadSubtree | null = null;
  let i = 0;
  const kept = (at: number): string => parts.join('') + (unread ? '' : html.slice(from, at));
  const cut = (at: number): BudgetCut => ({
    html: kept(at) + structuredDataAfter(html, at),
    truncated: true,
    spent,
  });
  const overElement = (): boolean => {
    spent.elements++;
    spent.elementLevels += depth;
    spent.elementLevelsSquared += depth * depth;
    return (
      spent.elements > budget.elements ||
      spent.elementLevels > budget.elementLevels ||
      spent.elementLevelsSquared > budget.elementLevelsSquared
    );
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const stop = lt < 0 ? html.length : lt;
    if (stop > i && !unread) {
      const weight = Math.max(1, depth) ** 2;
      const room = Math.min(
        budget.textChars - spent.textChars,
        Math.floor((budget.textLevels - spent.textLevels) / weight),
      );
      if (stop - i > room) {
        // Cut at the last space that fits, so the last word kept is whole.
        const space = html.lastIndexOf(' ', i + room);
        const end = space > i ? space : i + Math.max(0, room);
        spent.textChars += end - i;
        spent.textLevels += (end - i) * weight;
        return cut(end);
      }
      spent.textChars += stop - i;
      spent.textLevels += (stop - i) * weight;
    }
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      if (!unread && overElement()) return cut(lt);
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
    const nests = !closing && !FLAT_TAGS.has(name) && html[tagEnd - 2] !== '/';
    if (unread) {
      if (!closing || unread.closed(name)) {
        if (!closing && !VOID_TAGS.has(name) && html[tagEnd - 2] !== '/') unread.opened(name);
        i = RAW_TEXT.has(name) && !closing ? closingTag(html, name, tagEnd) : tagEnd;
        continue;
      }
      // The subtree ends here; this end tag and what follows are read.
      unread = null;
      from = lt;
    }
    if (closing) {
      if (!FLAT_TAGS.has(name)) depth -= levels.pop() ?? 0;
      i = tagEnd;
      continue;
    }
    // limitNesting drops tags that would nest past MAX_NESTING (their text stays): they cost nothing later.
    const dropped = nests && levels.length >= MAX_NESTING;
    if (!dropped && overElement()) return cut(lt);
    if (RAW_TEXT.has(name)) {
      // Code and data are not text, and a '<' inside them is not a tag.
      i = closingTag(html, name, tagEnd);
      continue;
    }
    if (nests) {
      const level = dropped ? 0 : (LEVELS.get(name) ?? 1);
      levels.push(level);
      depth += level;
      if (UNREAD.has(name)) {
        unread = new UnreadSubtree(name);
        parts.push(html.slice(from, tagEnd));
      }
    }
    i = tagEnd;
  }
  return { html: parts.length > 0 ? kept(html.length) : html, truncated: false, spent };
}
