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

// Where a single <br> falls inside a sentence ("the council said<br>it would appeal"), the line goes on: the
// sentence stays one paragraph, so a quote of it stays verbatim. Elsewhere a line break ends a paragraph.
const ENDS_SENTENCE = /[.!?…:;。！？]["”’»)\]]*\s*$/u;
const GOES_ON = /^\s*\p{Ll}/u;

/** One line of a block: text between <br>s, with how many <br>s came before it. */
interface Line {
  parts: string[];
  linkLetters: number;
  breaks: number;
}

export function blocksOf(root: DomElement): Block[] {
  const blocks: Block[] = [];
  let lines: Line[] = [{ parts: [], linkLetters: 0, breaks: 0 }];
  let bufferTag = 'p';
  let linkDepth = 0;
  const emit = (raw: string, linkLetters: number): void => {
    const text = cleanParagraph(raw);
    if (text)
      blocks.push({
        text,
        tag: bufferTag,
        linkDensity: Math.min(1, linkLetters / Math.max(1, letters(raw))),
      });
  };
  const flush = (): void => {
    if (lines.length === 1) {
      const only = lines[0] as Line;
      emit(only.parts.join(''), only.linkLetters);
      only.parts = [];
      only.linkLetters = 0;
      bufferTag = 'p';
      return;
    }
    let raw = '';
    let linkLetters = 0;
    lines.forEach((line, i) => {
      const lineText = line.parts.join('');
      const joins = line.breaks === 1 && !ENDS_SENTENCE.test(raw) && GOES_ON.test(lineText) && /\S/.test(raw);
      if (i > 0 && !joins) {
        emit(raw, linkLetters);
        raw = '';
        linkLetters = 0;
      }
      raw += i > 0 && joins ? ` ${lineText}` : lineText;
      linkLetters += line.linkLetters;
    });
    emit(raw, linkLetters);
    lines = [{ parts: [], linkLetters: 0, breaks: 0 }];
    bufferTag = 'p';
  };
  // Each entry is a node to enter, or an element being left (the end of a block is a boundary too, and the
  // end of a link closes the link).
  const stack: Array<{ node: DomNode; leaving: boolean }> = [{ node: root, leaving: false }];
  while (stack.length > 0) {
    const { node, leaving } = stack.pop() as { node: DomNode; leaving: boolean };
    const line = lines[lines.length - 1] as Line;
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent ?? '';
      line.parts.push(text);
      if (linkDepth > 0) line.linkLetters += letters(text);
      continue;
    }
    if (!isElement(node)) continue;
    const tag = node.localName;
    if (SKIP_TAGS.has(tag) || tag === 'img') continue;
    if (tag === 'br') {
      // <br><br> is a paragraph break however the text around it reads.
      if (line.breaks > 0 && !/\S/.test(line.parts.join(''))) line.breaks++;
      else lines.push({ parts: [], linkLetters: 0, breaks: 1 });
      continue;
    }
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
