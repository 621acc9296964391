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

// gpt-tokenizer's byte-pair merge is quadratic in the length of one unbroken run of characters: 40,000
// characters of Chinese (written without spaces), of no-break spaces or of one long "word" took 1 to 11 s,
// on the bot's event loop. Such runs are counted and encoded in pieces of RUN_PIECE characters. No English word
// comes near that length, so English text counts exactly as before; a long run's count is off by at most a
// token at each cut, which a budget does not notice (the server counts the tokens it bills).
const RUN_PIECE = 100;
const LONG_RUN = new RegExp(`\\S{${RUN_PIECE + 1},}|\\s{${RUN_PIECE + 1},}`, 'g');

/** The text in the pieces it is tokenized in: as it is, with runs longer than RUN_PIECE cut up. */
function pieces(text: string): string[] {
  const out: string[] = [];
  let at = 0;
  for (const run of text.matchAll(LONG_RUN)) {
    if (run.index > at) out.push(text.slice(at, run.index));
    for (let i = 0; i < run[0].length; i += RUN_PIECE) out.push(run[0].slice(i, i + RUN_PIECE));
    at = run.index + run[0].length;
  }
  if (at < text.length || out.length === 0) out.push(text.slice(at));
  return out;
}

/** countTokens, in bounded time (see RUN_PIECE). */
export function tokenCount(text: string): number {
  let n = 0;
  for (const piece of pieces(text)) n += countTokens(piece);
  return n;
}

/** encode, in bounded time (see RUN_PIECE); decoding the tokens gives the text back. */
function tokensOf(text: string): number[] {
  return pieces(text).flatMap((piece) => encode(piece));
}
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
  const wholeTokens = tokenCount(whole);
  if (wholeTokens <= budget)
    return { text: whole, tokens: wholeTokens, droppedParagraphs: 0, truncated: false };

  const cost = all.map((p) => tokenCount(p) + 1); // +1: the blank line between paragraphs
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
  return { text, tokens: tokenCount(text), droppedParagraphs: all.length - keep.size, truncated: true };
}

/** The lead's beginning, cut at a token boundary; every other paragraph is left out. */
function cutLead(lead: string, budget: number, paragraphs: number): BudgetedText {
  const tokens = tokensOf(lead);
  let n = Math.max(0, budget);
  let text = decode(tokens.slice(0, n));
  // Decoding a cut can merge tokens differently; trim until the text itself fits, by as much as it is over.
  for (let over = tokenCount(text) - budget; n > 0 && over > 0; over = tokenCount(text) - budget) {
    n = Math.max(0, n - over);
    text = decode(tokens.slice(0, n));
  }
  return { text, tokens: tokenCount(text), droppedParagraphs: paragraphs - 1, truncated: true };
}
