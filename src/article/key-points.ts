// A story's key-points box ("Key points", "Highlights", a live blog's summary) sits above the body, and
// Readability, which scores paragraphs, leaves its short bullets behind. They are the newsroom's own summary of
// the story, so they are read before content selection and put back at the top when selection dropped them.
import type { Block } from './blocks';
import { blocksOf } from './blocks';
import { countWords } from './clean-text';
import type { DomDocument, DomElement } from './dom';
import { toArray } from './dom';
import { linkDensity } from './dom-clean';

const KEY_POINTS_WORDS =
  /(^|[\s_-])(key-?points?|key-?facts|highlights|key-?takeaways|takeaways|summary|at-?a-?glance|tl-?dr)(?=$|[\s_-])/i;
const KEY_POINTS_HEADING =
  /^(key (points|facts|takeaways)|highlights|takeaways|what we know|at a glance|in brief|summary)\b/i;

const MIN_ITEMS = 2;
const MAX_ITEMS = 10;
const MIN_ITEM_WORDS = 3;
const MAX_ITEM_WORDS = 60;
const LONG_PARAGRAPH = 80;

function named(el: DomElement): boolean {
  return KEY_POINTS_WORDS.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`);
}

function previousElement(el: DomElement): DomElement | null {
  let previous: DomElement | null = null;
  for (let c = el.parentElement?.firstElementChild ?? null; c && c !== el; c = c.nextElementSibling)
    previous = c;
  return previous;
}

/** Under a heading (or a heading-like line) that says "Key points". */
function headed(el: DomElement): boolean {
  const heading = previousElement(el);
  return heading !== null && KEY_POINTS_HEADING.test((heading.textContent ?? '').trim());
}

function isKeyPoints(list: DomElement): boolean {
  let marked = false;
  for (let el: DomElement | null = list, up = 0; el && up < 3 && !marked; el = el.parentElement, up++)
    marked = named(el) || headed(el);
  if (!marked) return false;
  const items = toArray(list.children).filter((c) => c.localName === 'li');
  if (items.length > MAX_ITEMS) return false;
  // Points are statements ("At least 12 people dead"), not a byline-and-date strip or a row of icons.
  const words = items.map((li) => countWords(li.textContent ?? '')).filter((n) => n > 0);
  if (words.length < MIN_ITEMS || words.some((n) => n < MIN_ITEM_WORDS || n > MAX_ITEM_WORDS)) return false;
  return linkDensity(list) < 0.3;
}

/**
 * The items of key-points lists that come before the story's first paragraph, as blocks. Call before content
 * selection (which moves and rebuilds the page's nodes).
 */
export function keyPointsBeforeBody(doc: DomDocument): Block[] {
  const lists = toArray(doc.querySelectorAll('ul, ol')).filter(isKeyPoints);
  if (lists.length === 0) return [];
  const out: Block[] = [];
  for (const el of toArray(doc.querySelectorAll('p, ul, ol'))) {
    if (el.localName === 'p') {
      if ((el.textContent ?? '').replace(/\s+/g, ' ').trim().length >= LONG_PARAGRAPH) break;
    } else if (lists.includes(el)) {
      out.push(...blocksOf(el).filter((b) => b.tag === 'li'));
    }
  }
  return out;
}
