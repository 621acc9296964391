// Truth rule 1: nothing reaches the reader that is not in the article. Every verbatim field of every item,
// from either analyzer, is looked up in the article text (after whitespace / quote-mark / dash
// normalisation) and rewritten to the article's own span; counts are re-read from countText, and a figure's
// harm must be the one its sentence ties to that count; sources, people and parties must be whole words of the
// sentences they are taken from; summary bullets, claims and notes may only restate numbers as their sentence
// states them, attribution kept. Whatever fails is dropped and counted. Text addressed to AI tools
// (injection.ts) cannot ground anything on its own.
import type { CasualtyFigure, CasualtyKind, ContestedClaim, Findings, SourcingNote } from '../analysis';
import { sourceAt, sourcesOf } from './attribution';
import {
  contentWords,
  findClean,
  findCleanFrom,
  findWholeIn,
  numberValues,
  overlap,
  sentenceAt,
  sentencesOf,
  wordsOf,
  type GroundingContext,
  type ReadFigure,
} from './grounding-context';
import { normalizeForMatch, type SentenceSpan, type Span } from './normalize';
import { findCounts, parseCount, type CountMatch, type ParsedCount } from './numbers';
import { numberedBullet, restatesNumbers } from './paraphrase';
import { figuresIn, readSentences } from './sentence-figures';
import { earlierWordingStart, isBareEarlierCount } from './superseded';

export { groundingContext, type GroundingContext } from './grounding-context';

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

const MAX_SUMMARY = 7;
const SUBSET_CUE = /\b(?:including|among them|among whom|of whom|of them|among those|of those)\b/i;

/** Checks candidate findings against the article; returns what survives, verbatim, and how much did not. */
export function groundFindings(candidate: CandidateFindings, ctx: GroundingContext): GroundedFindings {
  const casualties = groundCasualties(candidate.casualties, ctx);
  const contested = groundContested(candidate.contested, ctx);
  const sourcing = groundSourcing(candidate.sourcing, ctx);
  const summary = groundSummary(candidate.summary, ctx);
  return {
    findings: {
      summary: summary.bullets,
      casualties: casualties.figures,
      contested: contested.claims,
      sourcing: sourcing.notes,
    },
    dropped: casualties.dropped + contested.dropped + sourcing.dropped + summary.dropped,
  };
}

/**
 * A claim is shown only with its quotes found, its claimant and disputer each a whole-word party of one of
 * them, and its own wording drawn from them: mostly their words, their numbers with their harm.
 */
function groundContested(
  candidates: ContestedClaim[],
  ctx: GroundingContext,
): { claims: ContestedClaim[]; dropped: number } {
  let dropped = 0;
  const claims: ContestedClaim[] = [];
  for (const c of candidates) {
    const quotes = c.quotes.map((q) => findClean(ctx, q)).filter((s): s is Span => s !== null);
    const party = (name: string): Span | null => {
      for (const q of quotes) {
        const found = findWholeIn(ctx, name, q);
        if (found) return found;
      }
      // "He said 41 others were taken to hospital": the speaker named in the sentence before.
      for (const q of quotes) {
        const first = sentencesOf(ctx, q.start, q.end)[0];
        if (first === undefined || first === 0) continue;
        const sources = sourcesOf(ctx.sentences[first]!);
        if (sources.length > 0 && !sources.some((src) => src.pronoun)) continue;
        const found = findWholeIn(ctx, name, ctx.sentences[first - 1]!);
        if (found) return found;
      }
      return null;
    };
    const claimant = quotes.length > 0 ? party(c.claimant) : null;
    const disputedBy = claimant ? party(c.disputedBy) : null;
    if (!claimant || !disputedBy || !claimDrawnFrom(c.claim, quotes, ctx)) {
      dropped++;
      continue;
    }
    dropped += c.quotes.length - quotes.length;
    claims.push({
      claim: c.claim.trim(),
      claimant: claimant.text,
      disputedBy: disputedBy.text,
      quotes: unique(quotes.map((s) => s.text)),
    });
  }
  return { claims, dropped };
}

// Words a claim is framed with rather than drawn from its quotes: "Conflicting counts of people killed: 30 (X)
// vs 12 (Y)", "X says …".
const FRAMING = new Set(
  contentWords(
    'conflicting counts count figure figures toll says say said claims claim disputes dispute denies deny reports report accuses insists vs killed injured missing displaced detained affected people',
  ),
);
const MIN_CLAIM_SHARE = 0.6;

function claimDrawnFrom(claim: string, quotes: Span[], ctx: GroundingContext): boolean {
  const words = new Set([...contentWords(claim)].filter((w) => !FRAMING.has(w)));
  if (words.size > 0) {
    const quoted = quotes.map((q) => wordsOf(ctx, q.text));
    let shared = 0;
    for (const w of words) if (quoted.some((q) => q.has(w))) shared++;
    if (shared / words.size < MIN_CLAIM_SHARE) return false;
  }
  return restatesNumbers(ctx, claim, unique(quotes.flatMap((q) => sentencesOf(ctx, q.start, q.end))));
}

function groundSourcing(
  candidates: SourcingNote[],
  ctx: GroundingContext,
): { notes: SourcingNote[]; dropped: number } {
  let dropped = 0;
  const notes: SourcingNote[] = [];
  for (const n of candidates) {
    const quote = findClean(ctx, n.quote);
    // A note's numbers are those of the sentence it quotes, with that sentence's harm.
    if (!quote || !restatesNumbers(ctx, n.note, sentencesOf(ctx, quote.start, quote.end))) {
      dropped++;
      continue;
    }
    notes.push({ kind: n.kind, note: n.note.trim(), quote: quote.text });
  }
  return { notes, dropped };
}

/** A figure that passed grounding, with where it stands in the article. */
interface Placed {
  figure: CasualtyFigure;
  /** Index in the candidate list, which the candidates' partOf refers to. */
  from: number;
  /** The sentence stating it, and its position in ctx.sentences. */
  quoteSpan: Span;
  sentence: number;
  countAt: number;
  countEnd: number;
}

/** A candidate whose quote and count were found: what is left to check of it. */
interface Located {
  c: CandidateCasualty;
  from: number;
  sentence: number;
  count: Span;
}

/**
 * Grounds figures, repairs nothing it cannot verify, and orders totals before their subsets. A figure is kept
 * only when its count is written in its quote as a whole token, its quote is one sentence of the article (a
 * longer or shorter quote becomes the sentence holding the count), its harm is the one the sentence ties to
 * that count, and its source is a whole-word name in that sentence (or the one before, for a sentence that
 * names no source of its own: "…, police said. Two others were detained.").
 */
function groundCasualties(
  candidates: CandidateCasualty[],
  ctx: GroundingContext,
): { figures: CasualtyFigure[]; dropped: number } {
  // Many figures share one sentence; reading its count phrases once keeps a long sentence with many figures
  // from costing n².
  const phrases = new Map<number, CountMatch[]>();
  const phrasesIn = (sentence: number): CountMatch[] => {
    let found = phrases.get(sentence);
    if (!found) phrases.set(sentence, (found = findCounts(ctx.sentences[sentence]!.text)));
    return found;
  };

  const located: Located[] = [];
  const taken = new Set<string>();
  const quotes = new QuotePlaces(ctx);
  candidates.forEach((c, from) => {
    const at = locateCount(c, quotes, taken);
    if (at) located.push({ c, from, ...at });
  });
  // The sentences' own reading of their figures, in one pass over the runs of sentences quoted.
  readSentences(
    ctx,
    located.map((l) => l.sentence),
  );

  let earlier = 0;
  const kept: Placed[] = [];
  for (const { c, from, sentence, count: found } of located) {
    const quoteSpan = ctx.sentences[sentence]!;
    const read = readCount(found, quoteSpan, ctx, phrasesIn(sentence));
    if (!read) continue;
    if (read.earlierUnworded) {
      // True to the article but not a toll to show ("climbed to 63 from 51"): left out, not counted as invented.
      earlier++;
      continue;
    }
    const { count, parsed } = read;
    const reading = readingOf(ctx, sentence, count, c.kind);
    if (!reading) continue;
    // A source the analyzer left out is the sentence's own (truth rule 3): "Hamas said 30 people were killed"
    // is never shown as the article's statement.
    let attributedTo: string | null = reading.attributedTo;
    if (c.attributedTo !== null && c.attributedTo.trim() !== '') {
      // An attribution we cannot verify is not replaced by none: that would turn a claim into a fact.
      const source = sourceFor(ctx, c.attributedTo, sentence, count.start);
      if (!source) continue;
      attributedTo = source.text;
    }
    const who = c.who ? (findWholeIn(ctx, c.who, quoteSpan)?.text ?? null) : null;
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
      sentence,
      countAt: count.start,
      countEnd: count.end,
    });
  }

  const distinct = withoutRepeats(kept);

  // A link the article does not bear out is cut, and the figure kept: the figure itself was found. A wrong link
  // would add one count's people to another's, or put a separate event's victims inside this one's total.
  const links = new SubsetLinks(distinct, ctx);
  for (const k of distinct) if (k.figure.partOf !== null && !links.valid(k)) k.figure.partOf = null;

  // Analyzers often miss "30 civilians, including six children": link such unlinked subsets to their total.
  linkSubsets(distinct, ctx.text.original);

  const figures = orderTotalsFirst(
    distinct.map((k) => k.figure),
    distinct.map((k) => k.from),
  );
  // A figure given twice is shown once; the repeat was in the article, so it is not counted as dropped.
  return { figures, dropped: candidates.length - kept.length - earlier };
}

/**
 * One figure per count, harm and place: "six children" given twice (once linked to an invented total) would
 * read as twelve. The first is kept, with the link of a repeat when it had none, and links to a repeat are
 * pointed at it.
 */
function withoutRepeats(kept: Placed[]): Placed[] {
  const first = new Map<string, Placed>();
  const canonical = new Map<number, number>();
  const unique: Placed[] = [];
  for (const k of kept) {
    const key = `${k.countAt}:${k.figure.kind}`;
    const seen = first.get(key);
    if (!seen) {
      first.set(key, k);
      unique.push(k);
      continue;
    }
    canonical.set(k.from, seen.from);
    seen.figure.partOf ??= k.figure.partOf;
  }
  if (canonical.size > 0) {
    for (const k of unique) {
      const to = k.figure.partOf === null ? undefined : canonical.get(k.figure.partOf);
      if (to !== undefined) k.figure.partOf = to;
    }
  }
  return unique;
}

/**
 * Where the candidate's count is written inside its quote, as a whole token ('30' is not in '300', 'ten' not
 * in 'often'), and the sentence holding it. Of several places, the one followed most closely by the
 * candidate's people ("six children and six women"); of places alike in that, the first not already taken by
 * an earlier figure of the same harm ("six were killed in the north and six in the south"), so that two
 * figures told alike at two places stay two. A sentence the article repeats word for word is looked for again
 * further on when its places are all taken.
 */
function locateCount(
  c: CandidateCasualty,
  quotes: QuotePlaces,
  taken: Set<string>,
): { sentence: number; count: Span } | null {
  let first: Span | undefined;
  for (let i = 0; i < MAX_QUOTE_REPEATS; i++) {
    const quote = quotes.occurrence(c.quote, i);
    if (!quote) break;
    const places = quotes.places(quote, c.countText, c.who);
    first ??= places[0];
    const free = places.find((p) => !taken.has(`${p.start}:${c.kind}`));
    if (free) return placed(free, c, quotes.ctx, taken);
  }
  // Every place taken: the figure repeats one already given.
  return first ? placed(first, c, quotes.ctx, taken) : null;
}

function placed(
  count: Span,
  c: CandidateCasualty,
  ctx: GroundingContext,
  taken: Set<string>,
): { sentence: number; count: Span } | null {
  taken.add(`${count.start}:${c.kind}`);
  const sentence = sentenceAt(ctx, count.start);
  if (sentence < 0 || count.end > ctx.sentences[sentence]!.end) return null;
  return { sentence, count };
}

const MAX_QUOTE_REPEATS = 100;

/** Quotes found in the article and the places of counts in them, each looked up once. */
class QuotePlaces {
  private readonly occurrences = new Map<string, Array<Span | null>>();
  private readonly placesOf = new Map<string, Span[]>();

  constructor(readonly ctx: GroundingContext) {}

  /** The i-th clean occurrence of the quote in the article, or null. */
  occurrence(quote: string, i: number): Span | null {
    let list = this.occurrences.get(quote);
    if (!list) this.occurrences.set(quote, (list = [findClean(this.ctx, quote)]));
    while (list.length <= i) {
      const last = list[list.length - 1];
      if (!last) return null;
      list.push(findCleanFrom(this.ctx, quote, last.end));
    }
    return list[i]!;
  }

  /** Where the count is written in the quote as a whole token, nearest its people first when there are several. */
  places(quote: Span, countText: string, who: string | null): Span[] {
    const key = `${quote.start}:${quote.end}:${countText}\u0000${who ?? ''}`;
    let found = this.placesOf.get(key);
    if (!found) this.placesOf.set(key, (found = this.read(quote, countText, who)));
    return found;
  }

  private read(quote: Span, countText: string, who: string | null): Span[] {
    const ctx = this.ctx;
    const original = ctx.text.original;
    const isBoundary = (at: number, step: number): boolean => {
      const ch = original[at] ?? '';
      if (/[\p{L}\p{N}]/u.test(ch)) return false;
      // '1' of '1,000' or '2' of '2.5' is part of a bigger number.
      return !(/[.,]/.test(ch) && /\d/.test(original[at + step] ?? ''));
    };
    const places: Span[] = [];
    ctx.text.findFirst(
      countText,
      (s) => {
        if (isBoundary(s.start - 1, -1) && isBoundary(s.end, 1)) places.push(s);
        // A quote of thousands of places is read up to a bound: a figure's quote is one sentence.
        return places.length >= MAX_PLACES;
      },
      quote.start,
      quote.end,
    );
    if (places.length < 2 || !who) return places;
    const gaps = places.map((p) => {
      const sentence = sentenceAt(ctx, p.start);
      if (sentence < 0) return Infinity;
      const end = Math.min(ctx.sentences[sentence]!.end, p.end + WHO_REACH);
      const found = findWholeIn(ctx, who, { start: p.end, end });
      return found ? found.start - p.end : Infinity;
    });
    const closest = Math.min(...gaps);
    return closest < Infinity ? places.filter((_, i) => gaps[i] === closest) : places;
  }
}

const MAX_PLACES = 500;

// "six children", "12 of the injured Palestinian children": the people named just after their count.
const WHO_REACH = 60;

/**
 * The offline reading of the count as a figure of this harm, if the sentence ties the count to it: "injured 25
 * people" is not 25 killed, "about 40 kilometers" and "Police arrested three men" are not deaths.
 */
function readingOf(
  ctx: GroundingContext,
  sentence: number,
  count: Span,
  kind: CasualtyKind,
): ReadFigure | undefined {
  const from = count.start - ctx.sentences[sentence]!.start;
  const to = count.end - ctx.sentences[sentence]!.start;
  return figuresIn(ctx, sentence).find((r) => r.kind === kind && r.start < to && from < r.end);
}

/**
 * The candidate's source as a whole-word name in the figure's sentence, or in the sentence before when the
 * count's own source here is no name ("He said 212 of the injured remained in hospital": the minister named
 * before). A source named only elsewhere ("The Israeli military" for Hamas's figure) is not its source.
 */
function sourceFor(ctx: GroundingContext, name: string, sentence: number, countAt: number): Span | null {
  const here = ctx.sentences[sentence]!;
  // A piece of an overlong sentence carries on the source that opened the sentence.
  let first = sentence;
  while (first > 0 && ctx.sentences[first]!.continued) first--;
  const whole = { start: ctx.sentences[first]!.start, end: here.end };
  const found = findWholeIn(ctx, name, whole);
  if (found || first === 0) return found;
  const own = sourceAt([...sourcesOf(here)], here.text, countAt - here.start);
  if (own && !own.pronoun) return null;
  return findWholeIn(ctx, name, ctx.sentences[first - 1]!);
}

// A sentence going on about a total given before it: "Among the dead were…", "Of the injured, 25…", "Six of the
// dead…", "the dead included…", "… of them".
const GROUP_REFERENCE =
  /\b(?:(?:of|among)\s+(?:the|those)\s+(?:[\d,]+\s+|[a-z]+(?:-[a-z]+)?\s+)?(?:dead|deaths|killed|injured|wounded|hurt|victims|missing|detained|arrested|detainees|displaced|evacuated|casualties|fatalities|bodies|who\s+(?:died|were\s+killed|were\s+injured|were\s+wounded))|(?:dead|victims|fatalities|casualties|injured|wounded)\s+(?:included|include|were)|(?:of|among)\s+(?:them|whom))\b/i;

/** Which proposed subset links the article bears out. */
class SubsetLinks {
  private readonly byFrom: Map<number, Placed>;

  constructor(
    private readonly kept: Placed[],
    private readonly ctx: GroundingContext,
  ) {
    this.byFrom = new Map(kept.map((k) => [k.from, k]));
  }

  /**
   * A subset belongs to a larger figure of the same harm stated before it: in its own sentence; in the sentence
   * before, when its sentence goes on about that total (a subset cue, or a breakdown adding up to it exactly);
   * or further back, when its sentence refers to a group of people already counted ("Of the injured, 25 were
   * seriously hurt", "Six of the dead…"). "In a separate crash, four children were killed" is part of no
   * earlier toll.
   */
  valid(child: Placed): boolean {
    const parent = this.byFrom.get(child.figure.partOf!);
    if (!parent || parent === child || !isValidParent(parent.figure, parent.from, child.figure, child.from)) {
      return false;
    }
    if (parent.sentence === child.sentence) return true;
    if (parent.sentence > child.sentence) return false;
    const text = this.ctx.sentences[child.sentence]!.text;
    if (GROUP_REFERENCE.test(text)) return true;
    return parent.sentence === child.sentence - 1 && (SUBSET_CUE.test(text) || this.breakdown(child, parent));
  }

  /** "…wounding nine others." then "Eight students and one teacher were taken to hospitals": 8 + 1 = 9. */
  private breakdown(child: Placed, parent: Placed): boolean {
    const parts = this.kept.filter((k) => k.sentence === child.sentence && k.figure.partOf === parent.from);
    const exact = (f: CasualtyFigure): boolean => f.qualifier === 'exact' && f.min !== null;
    if (parts.length < 2 || !exact(parent.figure) || !parts.every((k) => exact(k.figure))) return false;
    return parts.reduce((n, k) => n + k.figure.min!, 0) === parent.figure.min;
  }
}

// What ends the list a subset cue opens: "…, four of them seriously, and that 13 protesters had been treated"
// puts the 13 in a clause of its own, not among the four.
const CLAUSE_BREAK =
  /[;:—–]|,\s*(?:and|but|while|whereas|although|as|who|which|that)\b|\b(?:that|said|says|told|saying)\b/i;

/**
 * Links a figure its analyzer left unlinked to the nearest earlier figure of its sentence that is a larger one
 * of the same harm, when a subset cue governs the figure: right after its count ("four of them") or before it
 * in the same list ("including six children and six women", "of whom 17 were children"). Each sentence is read
 * for its cues once.
 */
function linkSubsets(live: Placed[], original: string): void {
  const bySentence = new Map<Span, Placed[]>();
  for (const k of live) {
    let group = bySentence.get(k.quoteSpan);
    if (!group) bySentence.set(k.quoteSpan, (group = []));
    group.push(k);
  }
  for (const [sentence, group] of bySentence) {
    if (group.length < 2 || group.every((k) => k.figure.partOf !== null)) continue;
    // Cues as [start, end] offsets of the article, in order.
    const cues: Array<[number, number]> = [];
    const cue = new RegExp(SUBSET_CUE.source, 'gi');
    for (let m = cue.exec(sentence.text); m; m = cue.exec(sentence.text)) {
      cues.push([sentence.start + m.index, sentence.start + m.index + m[0].length]);
    }
    if (cues.length === 0) continue;
    // Nearest first; figures at the same place stay in their order.
    const nearestFirst = [...group].sort((x, y) => y.countAt - x.countAt);
    for (const k of group) {
      if (k.figure.partOf !== null) continue;
      const limit = governingCue(k, cues, original);
      if (limit === null) continue;
      const parent = nearestFirst.find(
        (p) =>
          p !== k &&
          p.countAt < limit &&
          p.figure.kind === k.figure.kind &&
          p.figure.partOf !== k.from &&
          isValidParent(p.figure, -1, k.figure, 0),
      );
      if (parent) k.figure.partOf = parent.from;
    }
  }
}

/** Where the total of a subset cue governing the figure must lie before, or null when no cue governs it. */
function governingCue(k: Placed, cues: Array<[number, number]>, original: string): number | null {
  let before: [number, number] | null = null;
  for (const c of cues) {
    if (c[0] >= k.countEnd) {
      // "four of them": the cue right after the count.
      if (/^\s*$/.test(original.slice(k.countEnd, c[0]))) return k.countAt;
      break;
    }
    if (c[1] <= k.countAt) before = c;
  }
  if (!before || CLAUSE_BREAK.test(original.slice(before[1], k.countAt))) return null;
  return before[0];
}

interface ReadCount {
  count: Span;
  parsed: ParsedCount;
  /** The old side of a change with no wording of its own to say so ("climbed to 63 from 51"). */
  earlierUnworded: boolean;
}

/**
 * Reads the count found in the sentence; when the sentence words it with a qualifier the analyzer left out
 * ('at least 30'), the count is widened to the whole phrase, so an open-ended figure is never shown as exact,
 * and an earlier toll keeps the words that say so ('up from 87'), so it never reads as a current one. A count
 * given with words around it ('30 civilians') is narrowed to its phrase.
 */
function readCount(found: Span, quote: Span, ctx: GroundingContext, phrases: CountMatch[]): ReadCount | null {
  const read = readPhrase(found, quote, ctx, phrases);
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
  count: Span,
  quote: Span,
  ctx: GroundingContext,
  phrases: CountMatch[],
): { count: Span; parsed: ParsedCount } | null {
  const original = ctx.text.original;
  const from = count.start - quote.start;
  const to = count.end - quote.start;
  // The phrase holding the count, or else the one phrase inside it.
  const holding = phrases.find((m) => m.start <= from && m.end >= to);
  const inside = phrases.filter((m) => m.start >= from && m.end <= to);
  const phrase = holding ?? (inside.length === 1 ? inside[0] : undefined);
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

/**
 * Keeps the bullets the article bears out. A whole sentence of the article is its own statement. A bullet
 * stating numbers must restate one sentence (paraphrase.ts); one that does not gives way to that sentence,
 * verbatim, when the bullet was plainly about it and the summary does not already restate it, and is otherwise
 * dropped: the reader gets the article's words rather than the model's distortion of them.
 */
function groundSummary(candidates: string[], ctx: GroundingContext): { bullets: string[]; dropped: number } {
  let dropped = 0;
  const verdicts: Array<{ bullet: string; grounded: boolean; basis: number | null }> = [];
  let grounded = 0;
  for (const raw of candidates) {
    const bullet = raw.trim();
    // Bullets past the schema's maximum are cut, not counted: they are surplus, not ungrounded.
    if (!bullet || grounded >= MAX_SUMMARY) continue;
    const verdict = judgeBullet(bullet, ctx);
    if (verdict.grounded) grounded++;
    else dropped++;
    verdicts.push({ bullet, ...verdict });
  }
  const restated = new Set(verdicts.filter((v) => v.grounded && v.basis !== null).map((v) => v.basis));
  const bullets: string[] = [];
  for (const v of verdicts) {
    if (bullets.length >= MAX_SUMMARY) break;
    if (v.grounded) {
      bullets.push(v.bullet);
    } else if (v.basis !== null && !restated.has(v.basis) && usableBullet(ctx.sentences[v.basis]!)) {
      restated.add(v.basis);
      bullets.push(ctx.sentences[v.basis]!.text);
    }
  }
  return { bullets: unique(bullets), dropped };
}

function judgeBullet(bullet: string, ctx: GroundingContext): { grounded: boolean; basis: number | null } {
  // Text found only where it was addressed to AI tools is not grounded in the article.
  if (!findClean(ctx, bullet) && ctx.text.find(bullet)) return { grounded: false, basis: null };
  // A whole sentence is the article's own statement. A fragment ("30 people died." out of "Officials said 30
  // people died.") can drop the attribution, so it is checked like any paraphrase (truth rule 3), and so is a
  // piece of an overlong sentence. Sentences outside text addressed to AI tools share no character with it,
  // so being one of them is the same as being found verbatim, clean, as a whole sentence.
  const whole = (ctx.memo.wholeSentences ??= new Set(
    ctx.sentences.filter((x) => !x.piece).map((x) => normalizeForMatch(x.text)),
  ));
  if (whole.has(normalizeForMatch(bullet))) return { grounded: true, basis: null };
  if (echoesInjection(bullet, ctx)) return { grounded: false, basis: null };
  const values = numberValues(bullet);
  if (values.length === 0) return { grounded: true, basis: null };
  return numberedBullet(ctx, bullet, values);
}

/** A sentence fit to stand as a bullet on its own: whole, of a readable length, ending as a sentence does. */
function usableBullet(s: SentenceSpan): boolean {
  const words = s.text.split(/\s+/).length;
  return !s.piece && words >= 6 && words <= 60 && /[.!?]["”’)]?$/.test(s.text);
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

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
