// What the offline analyzer reads in one sentence of the article: which counts in it are figures, and of what
// harm. Grounding holds every figure's kind, and every number a summary bullet restates, to this reading: the
// analyzer's harm vocabulary ties a harm word to its count ("injured 25 people" is 25 injured, "about 40
// kilometers" is no figure, "none of the 40 passengers was hurt" is none), so a model that calls the 25 killed
// is caught. The LLM is an aid, never the authority (truth rule 4).
import type { CasualtyFigure } from '../analysis';
import { findCasualties } from './casualties';
import type { GroundingContext, ReadFigure } from './grounding-context';
import type { Sentence } from './sentences';

/**
 * The figures the offline analyzer reads in ctx.sentences[at], read with the sentence before it (which "Twelve
 * of them were children" refers back to). Sentences are read once per context, in runs, so that reading every
 * sentence of an article costs one pass of the analyzer, not two per sentence.
 */
export function figuresIn(ctx: GroundingContext, at: number): ReadFigure[] {
  readSentences(ctx, [at]);
  return ctx.memo.readings.get(at) ?? [];
}

/** Reads, in as few runs of consecutive sentences as possible, every sentence in `positions` not yet read. */
export function readSentences(ctx: GroundingContext, positions: Iterable<number>): void {
  const readings = ctx.memo.readings;
  const wanted = [...new Set(positions)].filter((p) => p >= 0 && !readings.has(p)).sort((a, b) => a - b);
  let k = 0;
  while (k < wanted.length) {
    // A run: each wanted sentence with the one before it, joined while they touch.
    const first = Math.max(0, wanted[k]! - 1);
    const keep = [wanted[k]!];
    while (k + 1 < wanted.length && wanted[k + 1]! - 1 <= keep[keep.length - 1]! + 1) keep.push(wanted[++k]!);
    k++;
    readRun(ctx, first, keep[keep.length - 1]!, keep);
  }
}

function readRun(ctx: GroundingContext, first: number, last: number, keep: number[]): void {
  const run = ctx.sentences.slice(first, last + 1);
  const sentences: Sentence[] = run.map((s, i) => {
    const sentence: Sentence = { text: s.text, start: s.start, paragraph: s.paragraph, index: first + i };
    if (s.piece) sentence.piece = true;
    if (s.continued) sentence.continued = true;
    return sentence;
  });
  // Figures name their sentence by its text: a sentence the run repeats word for word ("…, 10 people died, …"
  // cut into identical pieces) shares the reading of its twins.
  const byText = new Map<string, { figures: ReadFigure[]; seen: Set<string> }>();
  for (const f of findCasualties(sentences)) {
    let into = byText.get(f.quote);
    if (!into) byText.set(f.quote, (into = { figures: [], seen: new Set() }));
    addPlaced(into, f);
  }
  for (const p of keep) ctx.memo.readings.set(p, byText.get(ctx.sentences[p]!.text)?.figures ?? []);
}

/** Adds a figure to its sentence's reading; figures alike in all that is kept here are placed once. */
function addPlaced(into: { figures: ReadFigure[]; seen: Set<string> }, f: CasualtyFigure): void {
  const key = `${f.countText}\u0000${f.kind}\u0000${f.min}\u0000${f.max}\u0000${f.attributedTo}`;
  if (into.seen.has(key)) return;
  into.seen.add(key);
  into.figures.push(...placed(f, f.quote));
}

/** The figure at every place its count is written in the sentence ("six children and six women": both). */
function placed(f: CasualtyFigure, sentence: string): ReadFigure[] {
  const out: ReadFigure[] = [];
  const size = f.min ?? f.max;
  const n = f.countText.length;
  for (let at = sentence.indexOf(f.countText); at >= 0; at = sentence.indexOf(f.countText, at + 1)) {
    // '3' of '30' is no place of a count of three.
    if (isWordChar(sentence[at - 1]) || isWordChar(sentence[at + n])) continue;
    out.push({ start: at, end: at + n, kind: f.kind, size, attributedTo: f.attributedTo });
  }
  return out;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/**
 * Takes the offline analyzer's figures for the whole article (findCasualties over the sentences of the text
 * `ctx` was made from) as the reading of the sentences they quote, so that grounding does not read those
 * sentences a second time. A sentence no figure quotes is still read when a candidate quotes it, so passing
 * fewer figures (or none, after a failure) costs time, never a figure.
 */
export function adoptReading(ctx: GroundingContext, figures: readonly CasualtyFigure[]): void {
  const byText = new Map<string, { figures: ReadFigure[]; seen: Set<string> }>();
  for (const f of figures) {
    let into = byText.get(f.quote);
    if (!into) byText.set(f.quote, (into = { figures: [], seen: new Set() }));
    addPlaced(into, f);
  }
  ctx.sentences.forEach((s, p) => {
    const read = byText.get(s.text);
    if (read && !ctx.memo.readings.has(p)) ctx.memo.readings.set(p, read.figures);
  });
}
