// Which leading block of a plain-text article is its headline. A headline is a short line that does not end
// like a sentence: "Storm" and "Mine collapse" are headlines as much as "Ghana mine collapse kills nine". A
// one- or two-word line directly above a longer headline is a section label ("Defense"), not the title.
import { countWords } from './clean-text';

const MAX_HEADLINE_WORDS = 30;
/** How far down a headline may sit: a section label and a kicker can come first. */
const HEADLINE_WITHIN = 3;

function looksLikeHeadline(block: string): boolean {
  const words = countWords(block);
  return words >= 1 && words <= MAX_HEADLINE_WORDS && !/[.!?]["”’]?$/.test(block);
}

/** Index of the headline among the blocks, or -1 when the text starts straight with the story. */
export function plainTextTitleIndex(blocks: readonly string[]): number {
  const first = blocks.findIndex((b, i) => i < HEADLINE_WITHIN && looksLikeHeadline(b));
  if (first < 0) return -1;
  const next = blocks[first + 1];
  const isLabel = countWords(blocks[first]!) <= 2 && next !== undefined && looksLikeHeadline(next);
  return isLabel && countWords(next) > countWords(blocks[first]!) ? first + 1 : first;
}
