// A model's own wording — a summary bullet, a contested claim, a sourcing note — is held to the sentence it
// restates. A number it states must be that sentence's number with that sentence's harm ("25 people were
// killed" does not restate "injured 25 people"), and an attributed number stays attributed to its source
// (truth rule 3). The offline analyzer's reading of both texts (sentence-figures.ts) decides what harm a number
// is tied to, so the model's paraphrase is never the authority on it.
import { findCasualties } from './casualties';
import { sourcesOf } from './attribution';
import {
  contentWords,
  numberValues,
  overlap,
  sentenceNumbers,
  sentencesWith,
  type GroundingContext,
  type ReadFigure,
  wordsOf,
} from './grounding-context';
import { normalizeForMatch } from './normalize';
import { figuresIn, readSentences } from './sentence-figures';

export const ATTRIBUTION_CUE =
  /\b(?:said|says|say|saying|told|tells|according to|reported|reports|report|claimed|claims|claim|alleged|alleges|estimated|estimates|stated|states|announced|insisted|insists|accused|denied|denies|per)\b/i;

/** A figure read in a text, with the number values its count states. */
interface Stated {
  values: string[];
  kind: ReadFigure['kind'];
  size: number | null;
}

/** The figures the offline analyzer reads in text that is not the article's (a bullet, a claim, a note). */
function readOwnWording(text: string): Stated[] {
  // Read as a sentence of its own: the analyzer passes over headline-like lines with no closing stop.
  const trimmed = normalizeForMatch(text);
  const sentence = /[.!?]["”’)]?$/.test(trimmed) ? trimmed : `${trimmed}.`;
  return findCasualties([{ text: sentence, start: 0, paragraph: 0, index: 0 }]).map((f) => ({
    values: numberValues(f.countText),
    kind: f.kind,
    size: f.min ?? f.max,
  }));
}

function readArticle(ctx: GroundingContext, positions: number[]): Stated[] {
  readSentences(ctx, positions);
  return positions.flatMap((p) => {
    const text = ctx.sentences[p]!.text;
    return figuresIn(ctx, p).map((r) => ({
      values: numberValues(text.slice(r.start, r.end)),
      kind: r.kind,
      size: r.size,
    }));
  });
}

/**
 * Whether every number `text` states is stated in the sentences at `positions`, and no harm it ties to one of
 * them differs from the harm those sentences tie to it, at that size ("25 people were killed" against "injured
 * 25 people"). A number those sentences read as no figure (a denied or rumoured toll, which a claim restates
 * on purpose) may be told with any words. With `strict`, as for a summary bullet that stands with no quote
 * beside it, every harm `text` states must be one the sentences state, and a number they read as a count of
 * harm must be read so in `text` too: "In Kano, 25 died" reads as no figure, and would otherwise slip a
 * different harm past the check.
 */
export function restatesNumbers(
  ctx: GroundingContext,
  text: string,
  positions: number[],
  strict = false,
): boolean {
  const values = numberValues(text);
  if (values.length === 0) return true;
  const stated = new Set(positions.flatMap((p) => sentenceNumbers(ctx, ctx.sentences[p]!.text)));
  if (!values.every((v) => stated.has(v))) return false;
  const own = readOwnWording(text);
  const article = readArticle(ctx, positions);
  const same = (a: Stated, b: Stated): boolean =>
    a.kind === b.kind && a.size === b.size && a.values.some((v) => b.values.includes(v));
  const read = (f: Stated): boolean => article.some((g) => g.values.some((v) => f.values.includes(v)));
  if (!own.every((f) => article.some((g) => same(f, g)) || (!strict && !read(f)))) return false;
  if (!strict) return true;
  return article.every((g) => !g.values.some((v) => values.includes(v)) || own.some((f) => same(f, g)));
}

export interface BulletVerdict {
  grounded: boolean;
  /**
   * The position of the sentence the bullet restates (for a grounded bullet with numbers), or would have
   * restated (for one that failed): a failed bullet may give way to that sentence, verbatim.
   */
  basis: number | null;
}

const MIN_SHARE = 0.5;

/**
 * A summary bullet stating numbers is grounded only in ONE sentence of the article that it paraphrases (shares
 * at least half its content words), that states all its numbers with the same harm, and whose source it names
 * when the sentence is attributed. Numbers picked from different sentences, or a sentence's number told with
 * another harm, are not a summary of the article.
 */
export function numberedBullet(ctx: GroundingContext, bullet: string, values: string[]): BulletVerdict {
  const words = contentWords(bullet);
  // Sentences holding every number of the bullet; the most similar first.
  let holding: number[] | null = null;
  for (const v of new Set(values)) {
    const here = sentencesWith(ctx, v);
    holding = holding === null ? here : holding.filter((p) => here.includes(p));
  }
  const ranked = (holding ?? [])
    .map((p) => ({ p, share: overlap(words, ctx.sentences[p]!.text, ctx) }))
    .filter((x) => x.share >= MIN_SHARE)
    .sort((a, b) => b.share - a.share);
  for (const { p } of ranked) {
    if (restatesNumbers(ctx, bullet, [p], true) && keepsAttribution(ctx, bullet, p, values)) {
      return { grounded: true, basis: p };
    }
  }
  return { grounded: false, basis: closestSentence(ctx, words, values) };
}

/**
 * The sentence most like a bullet among those stating any of its numbers and holding half its words: most alike
 * by the share of the two texts' words they have in common, so that of two sentences holding the same words
 * the one about little else wins.
 */
function closestSentence(ctx: GroundingContext, words: Set<string>, values: string[]): number | null {
  let best: number | null = null;
  let bestScore = -1;
  const seen = new Set<number>();
  for (const v of values) {
    for (const p of sentencesWith(ctx, v)) {
      if (seen.has(p)) continue;
      seen.add(p);
      const text = ctx.sentences[p]!.text;
      const share = overlap(words, text, ctx);
      if (share < MIN_SHARE) continue;
      const shared = share * words.size;
      const score = shared / (words.size + wordsOf(ctx, text).size - shared);
      if (score > bestScore) [best, bestScore] = [p, score];
    }
  }
  return best;
}

/**
 * A bullet restating an attributed sentence says who said it: an attribution word, and the source by one of its
 * distinctive words or its initials ("the observatory", "the UN" for "the United Nations").
 */
function keepsAttribution(ctx: GroundingContext, bullet: string, at: number, values: string[]): boolean {
  const sentence = ctx.sentences[at]!;
  const sources = new Set<string>();
  for (const r of figuresIn(ctx, at)) {
    const states = numberValues(sentence.text.slice(r.start, r.end));
    if (r.attributedTo && states.some((v) => values.includes(v))) sources.add(r.attributedTo);
  }
  for (const s of sourcesOf(sentence)) if (!s.pronoun) sources.add(s.text);
  if (sources.size === 0 && !ATTRIBUTION_CUE.test(sentence.text)) return true;
  if (!ATTRIBUTION_CUE.test(bullet)) return false;
  if (sources.size === 0) return true;
  const said = nameWords(bullet);
  return [...sources].some((source) => namesSource(said, source));
}

const NAME_STOP = new Set(['the', 'a', 'an', 'of', 'for', 'and', 'in', 'on', 'at', 'to', 's']);

/** The words of a text as names are compared: "U.S." is "us", "Observatory" is "observatory". */
function nameWords(text: string): string[] {
  return (normalizeForMatch(text).match(/[\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+)*\.?/gu) ?? []).map((w) =>
    w.replace(/\./g, ''),
  );
}

function namesSource(said: string[], source: string): boolean {
  const lower = new Set(said.map((w) => w.toLowerCase()));
  const words = nameWords(source).filter((w) => !NAME_STOP.has(w.toLowerCase()));
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w));
  const initials = capitalised.map((w) => w[0]!).join('');
  if (initials.length >= 2 && said.includes(initials)) return true;
  // A named source is named by one of its capitalised words; "police" or "officials" by the word itself.
  const keys = capitalised.length > 0 ? capitalised : words;
  return keys.some((w) => lower.has(w.toLowerCase()));
}
