// Long articles are cut to the prompt budget. What the analysis needs most survives: the lead, and every
// paragraph that holds a number or an attribution (casualty figures and who said what live there).
import { countTokens, decode, encode } from 'gpt-tokenizer';

export interface BudgetedText {
  /** The paragraphs kept, in their original order, joined with blank lines. */
  text: string;
  tokens: number;
  /** How many paragraphs were left out (0 when the article fitted). */
  droppedParagraphs: number;
  truncated: boolean;
}

const SEPARATOR = '\n\n';
const NUMBER =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|dozens?|scores)\b/i;
const ATTRIBUTION =
  /\b(?:said|says|say|told|according to|reported|reports|claimed|claims|claim|denied|denies|disputed|insisted|stated|announced|confirmed|alleged)\b/i;

/** A paragraph that likely carries a figure or who said what. */
export function isKeyParagraph(paragraph: string): boolean {
  return NUMBER.test(paragraph) || ATTRIBUTION.test(paragraph);
}

/**
 * Keeps paragraphs within `budget` tokens: the lead first, then key paragraphs (numbers, attribution), then
 * the rest, each group in article order; the result is always in the article's own order.
 */
export function fitToBudget(paragraphs: readonly string[], budget: number): BudgetedText {
  const all = paragraphs.filter((p) => p.trim() !== '');
  const whole = all.join(SEPARATOR);
  const wholeTokens = countTokens(whole);
  if (wholeTokens <= budget)
    return { text: whole, tokens: wholeTokens, droppedParagraphs: 0, truncated: false };

  const cost = all.map((p) => countTokens(p) + 1); // +1: the blank line between paragraphs
  const keep = new Set<number>();
  let used = 0;
  const tryAdd = (i: number): void => {
    if (!keep.has(i) && used + cost[i]! <= budget) {
      keep.add(i);
      used += cost[i]!;
    }
  };
  if (all.length > 0) tryAdd(0);
  all.forEach((p, i) => isKeyParagraph(p) && tryAdd(i));
  all.forEach((_, i) => tryAdd(i));

  let text = all.filter((_, i) => keep.has(i)).join(SEPARATOR);
  if (keep.size === 0 && all.length > 0) {
    // Even the lead is over budget: keep its beginning, cut at a token boundary.
    text = decode(encode(all[0]!).slice(0, Math.max(0, budget)));
  }
  return { text, tokens: countTokens(text), droppedParagraphs: all.length - keep.size, truncated: true };
}
