// The article as grounding reads it: normalised once, split into the sentences the offline analyzer reads, with
// text addressed to AI tools set apart, and every lookup bounded and remembered so that grounding thousands of
// items never costs a pass over the whole article per item.
import type { CasualtyKind } from '../analysis';
import { findInjections, injectionTouching, isTainted, type InjectionScan } from './injection';
import { NormalizedText, normalizeForMatch, sentenceSpans, type SentenceSpan, type Span } from './normalize';
import { statedNumbers } from './numbers';

/** A figure the offline analyzer reads in a sentence, at offsets of that sentence. */
export interface ReadFigure {
  start: number;
  end: number;
  kind: CasualtyKind;
  /** How many at least, or at most when that is all the wording says ("nearly 400"). */
  size: number | null;
  attributedTo: string | null;
}

/** The article text prepared once for grounding any number of candidate lists. */
export interface GroundingContext {
  text: NormalizedText;
  injections: InjectionScan;
  /** Sentences not addressed to AI tools, in article order. */
  sentences: SentenceSpan[];
  /** Sentences addressed to AI tools, and what follows them in their paragraph. */
  taintedSentences: Span[];
  /** Number values the article states outside text addressed to AI tools. */
  numbers: Set<string>;
  /** What grounding has already looked up or read in this text, so that no item costs a pass over all of it. */
  memo: GroundingMemo;
}

interface GroundingMemo {
  /** findClean's answer for each needle. */
  found: Map<string, Span | null>;
  /** findWholeIn's answer for each needle in each sentence-sized range. */
  wholeIn: Map<string, Span | null>;
  /** Every whole sentence in `sentences` (not a piece of an overlong one), normalised. */
  wholeSentences?: Set<string>;
  /** Number values and content words of each sentence (and tainted sentence), by its text. */
  numbers: Map<string, string[]>;
  words: Map<string, Set<string>>;
  /** Sentences (by position in `sentences`) holding each number value. */
  sentencesWith?: Map<string, number[]>;
  /** What the offline analyzer reads in each sentence read so far, by position in `sentences`. */
  readings: Map<number, ReadFigure[]>;
}

export function groundingContext(
  articleText: string,
  injections = findInjections(articleText),
): GroundingContext {
  const all = sentenceSpans(articleText);
  const sentences = all.filter((s) => !isTainted(injections, s.start, s.end));
  const taintedSentences = all.filter((s) => isTainted(injections, s.start, s.end));
  // Each sentence's numbers are read once, here: summary bullets look them up again by sentence.
  const bySentence = new Map<string, string[]>();
  for (const s of sentences) if (!bySentence.has(s.text)) bySentence.set(s.text, numberValues(s.text));
  const numbers = new Set([...bySentence.values()].flat());
  return {
    text: new NormalizedText(articleText),
    injections,
    sentences,
    taintedSentences,
    numbers,
    memo: {
      found: new Map(),
      wholeIn: new Map(),
      numbers: bySentence,
      words: new Map(),
      readings: new Map(),
    },
  };
}

/**
 * The first occurrence of `needle` that shares nothing with text addressed to AI tools, as the article's
 * verbatim span: a quote running from a real sentence into a planted one would smuggle the plant through.
 */
export function findClean(ctx: GroundingContext, needle: string): Span | null {
  if (!needle || !needle.trim()) return null;
  // Figures repeat their source and sentence: each is looked up once.
  let found = ctx.memo.found.get(needle);
  if (found === undefined) {
    // Past planted text as a whole: nothing starting inside it can be clean.
    found = ctx.text.findFirst(needle, (s) => injectionTouching(ctx.injections, s.start, s.end)?.end ?? true);
    ctx.memo.found.set(needle, found);
  }
  return found;
}

/** The first clean occurrence of `needle` starting at or after `from` (a sentence the article repeats). */
export function findCleanFrom(ctx: GroundingContext, needle: string, from: number): Span | null {
  if (!needle || !needle.trim()) return null;
  return ctx.text.findFirst(
    needle,
    (s) => injectionTouching(ctx.injections, s.start, s.end)?.end ?? true,
    from,
  );
}

/**
 * The first occurrence of `needle` inside `range` (a sentence or a quote) as whole words: "men" is not in
 * "women", "UN" not in "Sunday", "Witness" not in "Witnesses". Ranges are sentences of the article, clean of
 * text addressed to AI tools, so the answer is too.
 */
export function findWholeIn(
  ctx: GroundingContext,
  needle: string,
  range: Pick<Span, 'start' | 'end'>,
): Span | null {
  const trimmed = needle.trim();
  if (!trimmed) return null;
  const key = `${range.start}:${range.end}:${trimmed}`;
  let found = ctx.memo.wholeIn.get(key);
  if (found === undefined) {
    const original = ctx.text.original;
    found = ctx.text.findFirst(
      trimmed,
      (s) => !isWordChar(original, s.start - 1) && !isWordChar(original, s.end),
      range.start,
      range.end,
    );
    ctx.memo.wholeIn.set(key, found);
  }
  return found;
}

/** A letter or digit at `at` (of any script): what a whole-word match may not touch. */
function isWordChar(text: string, at: number): boolean {
  return at >= 0 && at < text.length && /[\p{L}\p{N}]/u.test(text[at]!);
}

/** The first position in ctx.sentences whose sentence `before` does not put ahead of what is sought. */
function firstSentence(ctx: GroundingContext, before: (s: SentenceSpan) => boolean): number {
  // Sentences are in order and do not overlap, and few next to the article's characters: a binary search.
  const sentences = ctx.sentences;
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(sentences[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The position in ctx.sentences of the sentence holding offset `at`, or -1. */
export function sentenceAt(ctx: GroundingContext, at: number): number {
  // Only the last sentence starting at or before `at` can hold it.
  const i = firstSentence(ctx, (s) => s.start <= at) - 1;
  return i >= 0 && at < ctx.sentences[i]!.end ? i : -1;
}

/** Positions of the sentences a verbatim span lies in (one, or more for a quote running over several). */
export function sentencesOf(ctx: GroundingContext, start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = firstSentence(ctx, (s) => s.end <= start); i < ctx.sentences.length; i++) {
    if (ctx.sentences[i]!.start >= end) break;
    out.push(i);
  }
  return out;
}

/** The numbers a text states, compared after quote/dash normalisation ("thirty–nine" is "thirty-nine"). */
export function numberValues(text: string): string[] {
  return statedNumbers(normalizeForMatch(text));
}

/** numberValues of a sentence of the article, read once per sentence however many items ask. */
export function sentenceNumbers(ctx: GroundingContext, text: string): string[] {
  let values = ctx.memo.numbers.get(text);
  if (!values) ctx.memo.numbers.set(text, (values = numberValues(text)));
  return values;
}

/** Positions in ctx.sentences of the sentences stating `value`, in article order. */
export function sentencesWith(ctx: GroundingContext, value: string): number[] {
  let index = ctx.memo.sentencesWith;
  if (!index) {
    index = new Map();
    ctx.sentences.forEach((s, i) => {
      for (const v of new Set(sentenceNumbers(ctx, s.text))) {
        const list = index!.get(v);
        if (list) list.push(i);
        else index!.set(v, [i]);
      }
    });
    ctx.memo.sentencesWith = index;
  }
  return index.get(value) ?? [];
}

export function numbersGrounded(text: string, ctx: GroundingContext): boolean {
  return numberValues(text).every((v) => ctx.numbers.has(v));
}

/** The words of a text that carry its content, lower-cased and stripped of inflection ("kills", "killed": kill). */
export function contentWords(text: string): Set<string> {
  return new Set(
    normalizeForMatch(text)
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length >= 3 && !STOP_WORDS.has(w))
      .map(stem),
  );
}

/** A crude stem, enough for a paraphrase to meet its sentence: "strikes", "striking", "strike"; "hitting", "hit". */
function stem(word: string): string {
  if (word.length <= 4) return word;
  return word
    .replace(/(?:ing|ed|es|s)$/, '')
    .replace(/([b-df-hj-np-tv-z])\1$/, '$1')
    .replace(/e$/, '');
}

const STOP_WORDS = new Set(
  'the and that this with from for was were are has have had its their they them not but'.split(' '),
);

/** contentWords of a text of the article (a sentence, a quote), read once however many items ask. */
export function wordsOf(ctx: GroundingContext, text: string): Set<string> {
  let words = ctx.memo.words.get(text);
  if (!words) ctx.memo.words.set(text, (words = contentWords(text)));
  return words;
}

/** The share of `words` that also occur in `text` (a sentence of the article, or a quote). */
export function overlap(words: Set<string>, text: string, ctx: GroundingContext): number {
  if (words.size === 0) return 0;
  const other = wordsOf(ctx, text);
  let shared = 0;
  for (const w of words) if (other.has(w)) shared++;
  return shared / words.size;
}
