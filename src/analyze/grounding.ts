// Truth rule 1: nothing reaches the reader that is not in the article. Every verbatim field of every item,
// from either analyzer, is looked up in the article text (after whitespace / quote-mark / dash
// normalisation) and rewritten to the article's own span; counts are re-read from countText; summary
// bullets may only use numbers the article uses and must keep attribution. Whatever fails is dropped and
// counted. Text addressed to AI tools (injection.ts) cannot ground anything on its own.
import type { CasualtyFigure, CasualtyKind, ContestedClaim, Findings, SourcingNote } from '../analysis';
import { findInjections, injectionTouching, isTainted, type InjectionScan } from './injection';
import { NormalizedText, normalizeForMatch, sentenceSpans, type SentenceSpan, type Span } from './normalize';
import { findCounts, parseCount, statedNumbers, type CountMatch, type ParsedCount } from './numbers';
import { earlierWordingStart, isBareEarlierCount } from './superseded';

/** A casualty figure as an analyzer proposes it; min/max/qualifier are recomputed, so they are optional. */
export interface CandidateCasualty {
  countText: string;
  kind: CasualtyKind;
  who: string | null;
  attributedTo: string | null;
  partOf: number | null;
  quote: string;
  min?: number | null;
  max?: number | null;
  qualifier?: CasualtyFigure['qualifier'];
}

export interface CandidateFindings {
  summary: string[];
  casualties: CandidateCasualty[];
  contested: ContestedClaim[];
  sourcing: SourcingNote[];
}

export interface GroundedFindings {
  findings: Findings;
  /** Items (bullets, figures, claims, quotes, notes) removed because the article does not support them. */
  dropped: number;
}

/** The article text prepared once for grounding any number of candidate lists. */
export interface GroundingContext {
  text: NormalizedText;
  injections: InjectionScan;
  /** Sentences not addressed to AI tools. */
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
  /** Every whole sentence in `sentences` (not a piece of an overlong one), normalised. */
  wholeSentences?: Set<string>;
  /** Number values and content words of each sentence (and tainted sentence), by its text. */
  numbers: Map<string, string[]>;
  words: Map<string, Set<string>>;
}

export function groundingContext(
  articleText: string,
  injections = findInjections(articleText),
): GroundingContext {
  const all = sentenceSpans(articleText);
  const sentences = all.filter((s) => !isTainted(injections, s.start, s.end));
  const taintedSentences = all.filter((s) => isTainted(injections, s.start, s.end));
  const numbers = new Set(sentences.flatMap((s) => numberValues(s.text)));
  return {
    text: new NormalizedText(articleText),
    injections,
    sentences,
    taintedSentences,
    numbers,
    memo: { found: new Map(), numbers: new Map(), words: new Map() },
  };
}

const MAX_SUMMARY = 7;
const ATTRIBUTION_CUE =
  /\b(?:said|says|say|saying|told|tells|according to|reported|reports|report|claimed|claims|claim|alleged|alleges|estimated|estimates|stated|states|announced|insisted|insists|accused|denied|denies|per)\b/i;
const SUBSET_CUE = /\b(?:including|among them|among whom|of whom|of them|among those|of those)\b/i;

/** Checks candidate findings against the article; returns what survives, verbatim, and how much did not. */
export function groundFindings(candidate: CandidateFindings, ctx: GroundingContext): GroundedFindings {
  let dropped = 0;
  const casualties = groundCasualties(candidate.casualties, ctx);
  dropped += casualties.dropped;

  const contested: ContestedClaim[] = [];
  for (const c of candidate.contested) {
    const claimant = findClean(ctx, c.claimant);
    const disputedBy = findClean(ctx, c.disputedBy);
    const quotes = c.quotes.map((q) => findClean(ctx, q)).filter((s): s is Span => s !== null);
    if (!claimant || !disputedBy || quotes.length === 0 || !numbersGrounded(c.claim, ctx)) {
      dropped++;
      continue;
    }
    dropped += c.quotes.length - quotes.length;
    contested.push({
      claim: c.claim.trim(),
      claimant: claimant.text,
      disputedBy: disputedBy.text,
      quotes: unique(quotes.map((s) => s.text)),
    });
  }

  const sourcing: SourcingNote[] = [];
  for (const n of candidate.sourcing) {
    const quote = findClean(ctx, n.quote);
    if (!quote || !numbersGrounded(n.note, ctx)) {
      dropped++;
      continue;
    }
    sourcing.push({ kind: n.kind, note: n.note.trim(), quote: quote.text });
  }

  const summary: string[] = [];
  for (const raw of candidate.summary) {
    const bullet = raw.trim();
    // Bullets past the schema's maximum are cut, not counted: they are surplus, not ungrounded.
    if (!bullet || summary.length >= MAX_SUMMARY) continue;
    if (!summaryBulletGrounded(bullet, ctx, casualties.figures)) {
      dropped++;
      continue;
    }
    summary.push(bullet);
  }

  return { findings: { summary, casualties: casualties.figures, contested, sourcing }, dropped };
}

/** Grounds figures, repairs nothing it cannot verify, and orders totals before their subsets. */
function groundCasualties(
  candidates: CandidateCasualty[],
  ctx: GroundingContext,
): { figures: CasualtyFigure[]; dropped: number } {
  interface Kept {
    figure: CasualtyFigure;
    /** Index in the candidate list, which the candidates' partOf refers to. */
    from: number;
    quoteSpan: Span;
    countAt: number;
  }
  const kept: Kept[] = [];
  // Many figures share one sentence; finding it and reading its count phrases once each keeps a long
  // sentence with many figures from costing n².
  const phrases = new Map<string, CountMatch[]>();
  const phrasesIn = (quote: Span): CountMatch[] => {
    const key = `${quote.start}:${quote.end}`;
    let found = phrases.get(key);
    if (!found) phrases.set(key, (found = findCounts(quote.text)));
    return found;
  };
  const quotes = new Map<string, Span | null>();
  const quoteOf = (quote: string): Span | null => {
    if (!quotes.has(quote)) quotes.set(quote, findClean(ctx, quote));
    return quotes.get(quote)!;
  };
  let earlier = 0;
  candidates.forEach((c, from) => {
    const found = quoteOf(c.quote);
    if (!found) return;
    const quoteSpan = widenToSentence(found, ctx);
    const read = readCount(c.countText, quoteSpan, ctx, phrasesIn(quoteSpan));
    if (!read) return;
    if (read.earlierUnworded) {
      // True to the article but not a toll to show ("climbed to 63 from 51"): left out, not counted as invented.
      earlier++;
      return;
    }
    const { count, parsed } = read;
    let attributedTo: string | null = null;
    if (c.attributedTo !== null && c.attributedTo.trim() !== '') {
      // An attribution we cannot verify is not replaced by none: that would turn a claim into a fact.
      const source = findClean(ctx, c.attributedTo);
      if (!source) return;
      attributedTo = source.text;
    }
    const who = c.who ? (findClean(ctx, c.who)?.text ?? null) : null;
    kept.push({
      figure: {
        countText: count.text,
        ...parsed,
        kind: c.kind,
        who,
        attributedTo,
        partOf: c.partOf,
        quote: quoteSpan.text,
      },
      from,
      quoteSpan,
      countAt: count.start,
    });
  });

  // A figure the analyzer calls a subset is shown only while linked to a verifiable total of the same kind;
  // shown alone it would read as one more total and invite adding (truth rule 2), so it is dropped instead,
  // and so is a subset of it. Equal counts may only point backwards, so valid links can never form a cycle.
  const byFrom = new Map(kept.map((k) => [k.from, k]));
  const verdict = new Map<Kept, boolean>();
  const linkedToTotal = (start: Kept): boolean => {
    // Up the chain of totals to a known verdict, then the same verdict for the whole chain.
    const chain: Kept[] = [];
    let k: Kept = start;
    let ok: boolean;
    for (;;) {
      const known = verdict.get(k);
      if (known !== undefined) {
        ok = known;
        break;
      }
      chain.push(k);
      if (k.figure.partOf === null) {
        ok = true;
        break;
      }
      const parent = byFrom.get(k.figure.partOf);
      if (!parent || chain.includes(parent) || !isValidParent(parent.figure, parent.from, k.figure, k.from)) {
        ok = false;
        break;
      }
      k = parent;
    }
    for (const c of chain) verdict.set(c, ok);
    return ok;
  };
  const live = kept.filter(linkedToTotal);

  // Analyzers often miss "30 civilians, including six children": link such unlinked subsets to their total.
  linkSubsets(live, ctx.text.original);

  const figures = orderTotalsFirst(
    live.map((k) => k.figure),
    live.map((k) => k.from),
  );
  return { figures, dropped: candidates.length - live.length - earlier };
}

interface Placed {
  figure: CasualtyFigure;
  from: number;
  quoteSpan: Span;
  countAt: number;
}

/**
 * Links a figure to the nearest earlier figure of its sentence that is a total of the same harm with a subset cue
 * ("including", "of whom") between them. Each sentence is read for its cues once, so a sentence with thousands
 * of figures does not read the text between every pair of them.
 */
function linkSubsets(live: Placed[], original: string): void {
  const bySentence = new Map<number, Placed[]>();
  for (const k of live) {
    let group = bySentence.get(k.quoteSpan.start);
    if (!group) bySentence.set(k.quoteSpan.start, (group = []));
    group.push(k);
  }
  const cuesOf = new Map<number, number[]>();
  /** The start of the last subset cue between `from` and `to` (whole), or -1. */
  const lastCueStart = (group: Placed[], sentence: number, to: number): number => {
    let cues = cuesOf.get(sentence);
    if (!cues) {
      const from = Math.min(...group.map((p) => p.countAt));
      const end = Math.max(...group.map((p) => p.countAt));
      const cue = new RegExp(SUBSET_CUE.source, 'gi');
      cues = [];
      const region = original.slice(from, end);
      for (let m = cue.exec(region); m; m = cue.exec(region))
        cues.push(from + m.index, from + m.index + m[0].length);
      cuesOf.set(sentence, cues);
    }
    let last = -1;
    for (let i = 0; i < cues.length && cues[i + 1]! <= to; i += 2) last = cues[i]!;
    return last;
  };
  // Nearest first; figures at the same place stay in their order.
  const nearestFirst = new Map<number, Placed[]>();
  for (const [sentence, group] of bySentence) {
    nearestFirst.set(
      sentence,
      [...group].sort((a, b) => b.countAt - a.countAt),
    );
  }
  for (const k of live) {
    if (k.figure.partOf !== null) continue;
    const group = nearestFirst.get(k.quoteSpan.start)!;
    if (group.length < 2) continue;
    const cueAt = lastCueStart(group, k.quoteSpan.start, k.countAt);
    if (cueAt < 0) continue;
    const parent = group.find(
      (p) =>
        p !== k &&
        p.countAt <= cueAt &&
        p.figure.kind === k.figure.kind &&
        p.figure.partOf !== k.from &&
        isValidParent(p.figure, -1, k.figure, 0),
    );
    if (parent) k.figure.partOf = parent.from;
  }
}

interface ReadCount {
  count: Span;
  parsed: ParsedCount;
  /** The old side of a change with no wording of its own to say so ("climbed to 63 from 51"). */
  earlierUnworded: boolean;
}

/**
 * Finds countText inside the quote as a whole token ('30' is not in '300', 'ten' not in 'often') and reads
 * it; when the sentence words it with a qualifier the analyzer left out ('at least 30'), the count is widened
 * to the whole phrase, so an open-ended figure is never shown as exact, and an earlier toll keeps the words
 * that say so ('up from 87'), so it never reads as a current one.
 */
function readCount(
  countText: string,
  quote: Span,
  ctx: GroundingContext,
  phrases: CountMatch[],
): ReadCount | null {
  const read = readPhrase(countText, quote, ctx, phrases);
  if (!read) return null;
  const original = ctx.text.original;
  const at = read.count.start - quote.start;
  const end = read.count.end - quote.start;
  const index = phrases.findIndex((m) => m.start === at);
  const previous = index > 0 ? phrases[index - 1]! : null;
  const earlierUnworded = isBareEarlierCount(quote.text, at, end, previous);
  const wording = earlierWordingStart(quote.text, at);
  if (wording === null) return { ...read, earlierUnworded };
  const start = quote.start + wording;
  return {
    count: { start, end: read.count.end, text: original.slice(start, read.count.end) },
    parsed: read.parsed,
    earlierUnworded,
  };
}

function readPhrase(
  countText: string,
  quote: Span,
  ctx: GroundingContext,
  phrases: CountMatch[],
): { count: Span; parsed: ParsedCount } | null {
  const original = ctx.text.original;
  const isBoundary = (at: number, step: number): boolean => {
    const ch = original[at] ?? '';
    if (/[A-Za-z0-9]/.test(ch)) return false;
    // '1' of '1,000' or '2' of '2.5' is part of a bigger number.
    return !(/[.,]/.test(ch) && /\d/.test(original[at + step] ?? ''));
  };
  const count = ctx.text.findFirst(
    countText,
    (s) => isBoundary(s.start - 1, -1) && isBoundary(s.end, 1),
    quote.start,
    quote.end,
  );
  if (!count) return null;
  const phrase = phrases.find(
    (m) => quote.start + m.start <= count.start && quote.start + m.end >= count.end,
  );
  if (phrase) {
    const start = quote.start + phrase.start;
    const end = quote.start + phrase.end;
    const { min, max, qualifier } = phrase;
    return { count: { start, end, text: original.slice(start, end) }, parsed: { min, max, qualifier } };
  }
  const parsed = parseCount(count.text);
  return parsed ? { count, parsed } : null;
}

function isValidParent(
  parent: CasualtyFigure,
  parentFrom: number,
  child: CasualtyFigure,
  childFrom: number,
): boolean {
  const whole = size(parent);
  const part = size(child);
  if (parent.kind !== child.kind || whole === null || part === null) return false;
  return whole > part || (whole === part && parentFrom < childFrom);
}

/** How many a figure counts at least, or at most when that is all it says ("nearly 400", "up to 60"). */
function size(f: CasualtyFigure): number | null {
  return f.min ?? f.max;
}

/**
 * Puts every total before its subsets (partOf always points backwards) and rewrites partOf from the ids in
 * `ids` (the index space partOf uses now) to indices of the returned array. Keeps the given order otherwise.
 */
export function orderTotalsFirst(
  figures: CasualtyFigure[],
  ids: number[] = figures.map((_, i) => i),
): CasualtyFigure[] {
  const position = new Map(ids.map((id, i) => [id, i]));
  const out: CasualtyFigure[] = [];
  const placed = new Map<number, number>();
  // Each figure after its chain of totals, topmost first; a loop in the chain is cut where it closes. Walked,
  // not recursed: a chain can be thousands of subsets long.
  const place = (i: number): void => {
    const chain: number[] = [];
    const seen = new Set<number>();
    for (let at: number | undefined = i; at !== undefined && !placed.has(at) && !seen.has(at);) {
      seen.add(at);
      chain.push(at);
      const parentId: number | null = figures[at]!.partOf;
      at = parentId === null ? undefined : position.get(parentId);
    }
    for (let k = chain.length - 1; k >= 0; k--) {
      placed.set(chain[k]!, out.length);
      out.push({ ...figures[chain[k]!]! });
    }
  };
  figures.forEach((_, i) => place(i));
  return out.map((f) => {
    const parent = f.partOf === null ? undefined : position.get(f.partOf);
    const at = parent === undefined ? undefined : placed.get(parent);
    return { ...f, partOf: at ?? null };
  });
}

function summaryBulletGrounded(bullet: string, ctx: GroundingContext, figures: CasualtyFigure[]): boolean {
  // Text found only where it was addressed to AI tools is not grounded in the article.
  if (!findClean(ctx, bullet) && ctx.text.find(bullet)) return false;
  // A whole sentence is the article's own statement. A fragment ("30 people died." out of "Officials said 30
  // people died.") can drop the attribution, so it is checked like any paraphrase (truth rule 3), and so is a
  // piece of an overlong sentence. Sentences outside text addressed to AI tools share no character with it,
  // so being one of them is the same as being found verbatim, clean, as a whole sentence.
  const whole = (ctx.memo.wholeSentences ??= new Set(
    ctx.sentences.filter((x) => !x.piece).map((x) => normalizeForMatch(x.text)),
  ));
  if (whole.has(normalizeForMatch(bullet))) return true;
  if (!numbersGrounded(bullet, ctx) || echoesInjection(bullet, ctx)) return false;
  if (ATTRIBUTION_CUE.test(bullet)) return true;
  // A paraphrase stating a number the article attributes must say so too (truth rule 3). The sentence the
  // bullet draws the number from is taken to be the one sharing most of its words.
  const words = contentWords(bullet);
  return !numberValues(bullet).some((v) => {
    const source = bestMatch(
      ctx.sentences.filter((s) => sentenceNumbers(ctx, s.text).includes(v)),
      words,
      ctx,
    );
    if (!source) return false;
    return (
      ATTRIBUTION_CUE.test(source.text) ||
      figures.some(
        (f) => f.attributedTo !== null && f.quote === source.text && numberValues(f.countText).includes(v),
      )
    );
  });
}

function bestMatch(sentences: Span[], words: Set<string>, ctx: GroundingContext): Span | undefined {
  let best: Span | undefined;
  let bestShare = -1;
  for (const s of sentences) {
    const share = overlap(words, s.text, ctx);
    if (share > bestShare) [best, bestShare] = [s, share];
  }
  return best;
}

/** The share of `words` that also occur in `text` (a sentence of the article). */
function overlap(words: Set<string>, text: string, ctx: GroundingContext): number {
  if (words.size === 0) return 0;
  let other = ctx.memo.words.get(text);
  if (!other) ctx.memo.words.set(text, (other = contentWords(text)));
  return [...words].filter((w) => other.has(w)).length / words.size;
}

/** numberValues of a sentence of the article, read once per sentence however many bullets ask. */
function sentenceNumbers(ctx: GroundingContext, text: string): string[] {
  let values = ctx.memo.numbers.get(text);
  if (!values) ctx.memo.numbers.set(text, (values = numberValues(text)));
  return values;
}

/** A paraphrase whose words come mostly from text addressed to AI tools, and more than from any other sentence. */
function echoesInjection(bullet: string, ctx: GroundingContext): boolean {
  if (ctx.taintedSentences.length === 0) return false;
  const words = contentWords(bullet);
  if (words.size === 0) return false;
  let tainted = -Infinity;
  for (const s of ctx.taintedSentences) tainted = Math.max(tainted, overlap(words, s.text, ctx));
  let clean = 0;
  for (const s of ctx.sentences) clean = Math.max(clean, overlap(words, s.text, ctx));
  return tainted >= 0.5 && tainted > clean;
}

function contentWords(text: string): Set<string> {
  return new Set(
    normalizeForMatch(text)
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length >= 3 && !STOP_WORDS.has(w)),
  );
}

const STOP_WORDS = new Set(
  'the and that this with from for was were are has have had its their they them not but'.split(' '),
);

function numbersGrounded(text: string, ctx: GroundingContext): boolean {
  return numberValues(text).every((v) => ctx.numbers.has(v));
}

/**
 * The first occurrence of `needle` that shares nothing with text addressed to AI tools, as the article's
 * verbatim span: a quote running from a real sentence into a planted one would smuggle the plant through.
 */
function findClean(ctx: GroundingContext, needle: string): Span | null {
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

/** A figure's quote is the whole sentence that states it, even when the analyzer quoted less. */
function widenToSentence(span: Span, ctx: GroundingContext): Span {
  // Sentences are in order and do not overlap: only the last one starting at or before the span can hold it.
  const sentences = ctx.sentences;
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sentences[mid]!.start <= span.start) lo = mid + 1;
    else hi = mid;
  }
  const sentence = sentences[lo - 1];
  return sentence && span.end <= sentence.end ? sentence : span;
}

/** The numbers a text states, compared after quote/dash normalisation ("thirty–nine" is "thirty-nine"). */
function numberValues(text: string): string[] {
  return statedNumbers(normalizeForMatch(text));
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
