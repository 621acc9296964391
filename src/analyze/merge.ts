// The model is an aid, not the authority: figures, claims and notes the offline analyzer found and the model
// missed are added. Both inputs must already be grounded; the result keeps totals before their subsets.
import type { CasualtyFigure, ContestedClaim, Findings, SourcingNote } from '../analysis';
import { orderTotalsFirst } from './grounding';
import { normalizeForMatch } from './normalize';

/** Merges grounded model findings with grounded offline findings; the model's wording wins where both agree. */
export function mergeFindings(model: Findings, offline: Findings): Findings {
  return {
    summary: model.summary.length > 0 ? model.summary : offline.summary,
    casualties: mergeCasualties(model.casualties, offline.casualties),
    contested: mergeContested(model.contested, offline.contested),
    sourcing: mergeSourcing(model.sourcing, offline.sourcing),
  };
}

/** A figure with its text normalised for comparison once, not once per figure it is compared with. */
interface Keyed {
  figure: CasualtyFigure;
  countText: string;
  quote: string;
  /** Lower-cased too: "Civilians" and "civilians" are the same people. */
  who: string | null;
  /** Where in the quote the count is written, when that can be told: [start, end) of the normalised quote. */
  place: [number, number] | null;
}

function keyed(f: CasualtyFigure): Keyed {
  const countText = normalizeForMatch(f.countText);
  const quote = normalizeForMatch(f.quote);
  const who = f.who === null ? null : normalizeForMatch(f.who).toLowerCase();
  return { figure: f, countText, quote, who, place: placeOf(countText, quote, who) };
}

// "six children": the people a count names come within a few words after it.
const WHO_REACH = 60;

/**
 * The one place in the quote where the count is written as a whole token, or, of several ("six children and
 * six women"), the one its people follow most closely; null when that cannot be told.
 */
function placeOf(countText: string, quote: string, who: string | null): [number, number] | null {
  if (!countText) return null;
  const places: number[] = [];
  for (let at = quote.indexOf(countText); at >= 0; at = quote.indexOf(countText, at + 1)) {
    if (!isWordChar(quote[at - 1]) && !isWordChar(quote[at + countText.length])) places.push(at);
  }
  if (places.length === 1) return [places[0]!, places[0]! + countText.length];
  if (places.length === 0 || who === null) return null;
  const lower = quote.toLowerCase();
  let best: number | null = null;
  let gap = Infinity;
  for (const at of places) {
    const end = at + countText.length;
    const found = lower.slice(end, end + WHO_REACH).indexOf(who);
    if (found >= 0 && found < gap) [best, gap] = [at, found];
  }
  return best === null ? null : [best, best + countText.length];
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/**
 * Same figure told twice: same harm and sentence, and the same count at the same place of it. Where the place
 * cannot be told, the same count and, where both name them, the same people.
 */
function sameFigure(x: Keyed, y: Keyed): boolean {
  const a = x.figure;
  const b = y.figure;
  if (a.kind !== b.kind || x.quote !== y.quote) return false;
  // "30" and "30 civilians", or "people" and "civilians", at one place of one sentence are one count of people.
  if (x.place && y.place) return x.place[0] < y.place[1] && y.place[0] < x.place[1];
  // "six children and six women" share count, kind and sentence: `who` tells them apart when both have it.
  if (x.countText === y.countText) return x.who === null || y.who === null || x.who === y.who;
  // '30' and '30 civilians' from the same sentence are one figure when both say who they were.
  return a.min === b.min && a.max === b.max && x.who !== null && y.who !== null && x.who === y.who;
}

/**
 * The source to show when the model and the offline analyzer both name one: the one named in the figure's own
 * sentence over one carried from the sentence before; the model's wording when both name the same source
 * ("Indonesian authorities" / "Indonesian authorities on Tuesday"); otherwise the offline analyzer's, which ties
 * a source to the count by the clause it stands in, where the model's tie is unchecked (truth rule 4).
 */
function preferredSource(model: string | null, offline: string | null, quote: string): string | null {
  if (model === null || offline === null) return model ?? offline;
  const m = normalizeForMatch(model);
  const o = normalizeForMatch(offline);
  if (m === o) return model;
  const q = normalizeForMatch(quote);
  const inModel = wholeIn(m, q);
  const inOffline = wholeIn(o, q);
  if (inModel !== inOffline) return inModel ? model : offline;
  const lm = m.toLowerCase();
  const lo = o.toLowerCase();
  return lm.includes(lo) || lo.includes(lm) ? model : offline;
}

function wholeIn(needle: string, text: string): boolean {
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (!isWordChar(text[at - 1]) && !isWordChar(text[at + needle.length])) return true;
  }
  return false;
}

export function mergeCasualties(model: CasualtyFigure[], offline: CasualtyFigure[]): CasualtyFigure[] {
  const merged: CasualtyFigure[] = model.map((f) => ({ ...f }));
  // Offline partOf indices are rewritten into the merged index space as we go.
  const offlineTo = new Map<number, number>();
  const matched = new Set<number>();
  // The model's figures by sentence: a figure can only be the same as one from its own sentence.
  const modelKeys = model.map(keyed);
  const bySentence = new Map<string, number[]>();
  modelKeys.forEach((k, at) => {
    const list = bySentence.get(k.quote);
    if (list) list.push(at);
    else bySentence.set(k.quote, [at]);
  });
  offline.forEach((f, i) => {
    const k = keyed(f);
    const same =
      bySentence.get(k.quote)?.find((at) => !matched.has(at) && sameFigure(modelKeys[at]!, k)) ?? -1;
    if (same >= 0) {
      matched.add(same);
      const m = merged[same]!;
      m.attributedTo = preferredSource(m.attributedTo, f.attributedTo, m.quote);
      m.who ??= f.who;
      offlineTo.set(i, same);
      return;
    }
    offlineTo.set(i, merged.length);
    merged.push({ ...f, partOf: f.partOf === null ? null : -1 - f.partOf });
  });
  // Negative partOf marks an offline index still to be resolved.
  for (const m of merged) {
    if (m.partOf !== null && m.partOf < 0) m.partOf = offlineTo.get(-1 - m.partOf) ?? null;
  }
  // A subset the offline analyzer linked and the model left unlinked takes the offline link.
  offline.forEach((f, i) => {
    const at = offlineTo.get(i)!;
    const m = merged[at]!;
    if (m.partOf === null && f.partOf !== null) {
      const parent = offlineTo.get(f.partOf);
      if (parent !== undefined && parent !== at && merged[parent]!.partOf !== at) m.partOf = parent;
    }
  });
  return orderTotalsFirst(merged);
}

function mergeContested(model: ContestedClaim[], offline: ContestedClaim[]): ContestedClaim[] {
  const normal = normalizer();
  const seen = new Set(model.flatMap((c) => c.quotes.map(normal)));
  const added = offline.filter((c) => !c.quotes.some((q) => seen.has(normal(q))));
  return [...model, ...added];
}

function mergeSourcing(model: SourcingNote[], offline: SourcingNote[]): SourcingNote[] {
  const normal = normalizer();
  const seen = new Set(model.map((n) => `${n.kind}\u0000${normal(n.quote)}`));
  return [...model, ...offline.filter((n) => !seen.has(`${n.kind}\u0000${normal(n.quote)}`))];
}

/** normalizeForMatch, once per distinct quote: claims and notes quote the same sentences again and again. */
function normalizer(): (text: string) => string {
  const done = new Map<string, string>();
  return (text) => {
    let normal = done.get(text);
    if (normal === undefined) done.set(text, (normal = normalizeForMatch(text)));
    return normal;
  };
}
