// The small slice of the DOM the extractor uses, typed here because the project compiles without the DOM lib.
// linkedom implements all of it; parsing lives here so every module sees the same well-formed document.
import { parseHTML } from 'linkedom';

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const COMMENT_NODE = 8;

export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly parentNode: DomNode | null;
  readonly isConnected: boolean;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
  readonly childNodes: ArrayLike<DomNode>;
  textContent: string | null;
  remove(): void;
}

export interface DomElement extends DomNode {
  readonly tagName: string;
  readonly localName: string;
  readonly parentElement: DomElement | null;
  readonly children: ArrayLike<DomElement>;
  readonly firstElementChild: DomElement | null;
  readonly nextElementSibling: DomElement | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  setAttribute(name: string, value: string): void;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  replaceWith(...nodes: DomNode[]): void;
  innerHTML: string;
}

export interface DomDocument {
  readonly documentElement: DomElement | null;
  readonly head: DomElement | null;
  readonly body: DomElement | null;
  readonly title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  createTreeWalker(root: DomNode, whatToShow: number): { nextNode(): DomNode | null };
  createElement(tag: string): DomElement;
}

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

/** Elements that have no content and no end tag. */
export const VOID_TAGS: ReadonlySet<string> = new Set(
  'area base br col embed hr img input link meta param source track wbr keygen'.split(' '),
);

// Tags that never nest: void elements, and those whose end tag browsers imply (pages often leave <p>, <li>
// and <td> open). Every other tag counts towards nesting depth, custom elements included.
export const FLAT_TAGS: ReadonlySet<string> = new Set([
  ...VOID_TAGS,
  ...'p li dt dd option optgroup tr td th thead tbody tfoot colgroup caption rb rt rp html head body'.split(
    ' ',
  ),
]);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g;

/**
 * The deepest of the 181 bench pages nests 48 levels; hostile ones nest 100,000 deep, which blows stacks, and
 * even 390 levels make every element cost 390 times over (page-budget.ts). Twice the deepest real page.
 */
export const MAX_NESTING = 100;

/**
 * Drops the open/close tags that would nest deeper than `max` (their text stays, one level up). Works on the
 * source string in one linear pass because the parser itself is what gets slow on deep input.
 */
export function limitNesting(html: string, max = MAX_NESTING): string {
  let depth = 0;
  let deepest = 0;
  for (const m of html.matchAll(TAG)) {
    const name = (m[2] as string).toLowerCase();
    if (FLAT_TAGS.has(name) || m[0].endsWith('/>')) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > deepest) deepest = depth;
  }
  if (deepest <= max) return html;
  depth = 0;
  const dropped = new Map<string, number>();
  return html.replace(TAG, (tag: string, slash: string, rawName: string) => {
    const name = rawName.toLowerCase();
    if (FLAT_TAGS.has(name) || tag.endsWith('/>')) return tag;
    if (!slash) {
      if (depth >= max) {
        dropped.set(name, (dropped.get(name) ?? 0) + 1);
        return '';
      }
      depth++;
      return tag;
    }
    const pending = dropped.get(name) ?? 0;
    if (pending > 0) {
      dropped.set(name, pending - 1);
      return '';
    }
    depth = Math.max(0, depth - 1);
    return tag;
  });
}

/**
 * Where the markup starts after what may precede <html>: whitespace, a byte-order mark, the doctype,
 * processing instructions and comments (a build banner or licence notice can run to many KB).
 */
function prologueEnd(html: string): number {
  let i = 0;
  while (i < html.length) {
    const code = html.charCodeAt(i);
    if (code === 0xfeff || code === 0x20 || (code >= 0x09 && code <= 0x0d)) {
      i++;
      continue;
    }
    if (html[i] !== '<') break;
    const comment = html.startsWith('<!--', i);
    if (!comment && html[i + 1] !== '!' && html[i + 1] !== '?') break;
    const end = comment ? html.indexOf('-->', i + 4) : html.indexOf('>', i);
    if (end < 0) break;
    i = end + (comment ? 3 : 1);
  }
  return i;
}

/** Parses HTML into a document that always has <html>, <head> and <body> (linkedom does not add them). */
export function parseDocument(rawHtml: string): DomDocument {
  const html = limitNesting(rawHtml);
  const start = prologueEnd(html);
  // Only near the top: an "<html" further down is a fragment page quoting markup, not its document element.
  const source = /<html[\s>]/i.test(html.slice(start, start + 5000))
    ? html
    : `<!DOCTYPE html><html><body>${html}</body></html>`;
  const doc = parseHTML(source).document as unknown as DomDocument;
  if (doc.body && doc.documentElement?.localName === 'html') return doc;
  return parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`).document as unknown as DomDocument;
}

export function toArray<T>(list: ArrayLike<T>): T[] {
  return Array.from(list);
}
