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

function key(f: CasualtyFigure): string {
  return [normalizeForMatch(f.countText), f.kind, normalizeForMatch(f.quote)].join('\u0000');
}

/** Same figure told twice: same count, kind and sentence, and, where both name them, the same people. */
function sameFigure(a: CasualtyFigure, b: CasualtyFigure): boolean {
  // "six children and six women" share count, kind and sentence: `who` tells them apart when both have it.
  if (key(a) === key(b)) return a.who === null || b.who === null || sameWords(a.who, b.who);
  // '30' and '30 civilians' from the same sentence are one figure when both say who they were.
  return (
    a.kind === b.kind &&
    normalizeForMatch(a.quote) === normalizeForMatch(b.quote) &&
    a.min === b.min &&
    a.max === b.max &&
    a.who !== null &&
    b.who !== null &&
    sameWords(a.who, b.who)
  );
}

function sameWords(a: string, b: string): boolean {
  return normalizeForMatch(a).toLowerCase() === normalizeForMatch(b).toLowerCase();
}

export function mergeCasualties(model: CasualtyFigure[], offline: CasualtyFigure[]): CasualtyFigure[] {
  const merged: CasualtyFigure[] = model.map((f) => ({ ...f }));
  // Offline partOf indices are rewritten into the merged index space as we go.
  const offlineTo = new Map<number, number>();
  const matched = new Set<number>();
  offline.forEach((f, i) => {
    const same = merged.findIndex((m, at) => at < model.length && !matched.has(at) && sameFigure(m, f));
    if (same >= 0) {
      matched.add(same);
      const m = merged[same]!;
      m.attributedTo ??= f.attributedTo;
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
  const seen = new Set(model.flatMap((c) => c.quotes.map(normalizeForMatch)));
  const added = offline.filter((c) => !c.quotes.some((q) => seen.has(normalizeForMatch(q))));
  return [...model, ...added];
}

function mergeSourcing(model: SourcingNote[], offline: SourcingNote[]): SourcingNote[] {
  const seen = new Set(model.map((n) => `${n.kind}\u0000${normalizeForMatch(n.quote)}`));
  return [...model, ...offline.filter((n) => !seen.has(`${n.kind}\u0000${normalizeForMatch(n.quote)}`))];
}
