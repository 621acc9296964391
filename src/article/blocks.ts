// Turns an article element into paragraphs: one per block (p, heading, list item, quote…), so the analyzer
// can quote sentences and words of adjacent blocks never run together. Iterative: pages can nest deeply.
import { cleanParagraph } from './clean-text';
import type { DomElement, DomNode } from './dom';
import { TEXT_NODE, isElement } from './dom';

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'td',
  'th',
  'ul',
  'br',
]);

// Captions and credits describe pictures, not events; the article's own text never needs them.
const SKIP_TAGS = new Set([
  'figcaption',
  'caption',
  'script',
  'style',
  'noscript',
  'template',
  'button',
  'select',
]);

export interface Block {
  text: string;
  /** The tag of the innermost block element the text came from, e.g. 'p', 'h2', 'li'. */
  tag: string;
  /** Share of the block's letters that sit inside links: 1 for a teaser headline in a list of links. */
  linkDensity: number;
}

function letters(text: string): number {
  return text.replace(/\s+/g, '').length;
}

export function blocksOf(root: DomElement): Block[] {
  const blocks: Block[] = [];
  let buffer: string[] = [];
  let bufferTag = 'p';
  let linkLetters = 0;
  let linkDepth = 0;
  const flush = (): void => {
    const raw = buffer.join('');
    const text = cleanParagraph(raw);
    if (text)
      blocks.push({
        text,
        tag: bufferTag,
        linkDensity: Math.min(1, linkLetters / Math.max(1, letters(raw))),
      });
    buffer = [];
    bufferTag = 'p';
    linkLetters = 0;
  };
  // Each entry is a node to enter, or an element being left (the end of a block is a boundary too, and the
  // end of a link closes the link).
  const stack: Array<{ node: DomNode; leaving: boolean }> = [{ node: root, leaving: false }];
  while (stack.length > 0) {
    const { node, leaving } = stack.pop() as { node: DomNode; leaving: boolean };
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent ?? '';
      buffer.push(text);
      if (linkDepth > 0) linkLetters += letters(text);
      continue;
    }
    if (!isElement(node)) continue;
    const tag = node.localName;
    if (SKIP_TAGS.has(tag) || tag === 'img') continue;
    const isBlock = BLOCK_TAGS.has(tag);
    if (leaving) {
      if (isBlock) flush();
      if (tag === 'a') linkDepth--;
      continue;
    }
    if (isBlock) {
      flush();
      bufferTag = tag;
    }
    if (tag === 'a') linkDepth++;
    if (isBlock || tag === 'a') stack.push({ node, leaving: true });
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push({ node: child, leaving: false });
    }
  }
  flush();
  return blocks;
}
