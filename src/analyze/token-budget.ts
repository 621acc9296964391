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
// Not "one": it is mostly a pronoun ("one of the officials") and would make nearly every paragraph key.
const NUMBER =
  /\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|dozens?|scores)\b/i;
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
  // The lead is never left out: when it alone is over budget, its beginning is what fits.
  if (all.length > 0 && cost[0]! > budget) return cutLead(all[0]!, budget, all.length);
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

  const text = all.filter((_, i) => keep.has(i)).join(SEPARATOR);
  return { text, tokens: countTokens(text), droppedParagraphs: all.length - keep.size, truncated: true };
}

/** The lead's beginning, cut at a token boundary; every other paragraph is left out. */
function cutLead(lead: string, budget: number, paragraphs: number): BudgetedText {
  const tokens = encode(lead);
  let text = decode(tokens.slice(0, Math.max(0, budget)));
  // Decoding a cut can merge tokens differently; trim until the text itself fits.
  for (let n = budget - 1; n > 0 && countTokens(text) > budget; n--) text = decode(tokens.slice(0, n));
  return { text, tokens: countTokens(text), droppedParagraphs: paragraphs - 1, truncated: true };
}
