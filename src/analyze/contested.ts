// Finds assertions one party makes and another disputes: "X insisted …, but Y said that was untrue",
// "Y rejected that account" after X's statement, "…, a claim Y rejected", "not … as X claims", and counts of
// the same harm that different sources put at different numbers.
import type { CasualtyFigure, ContestedClaim } from '../analysis';
import { findSources, type Source } from './attribution';
import { supersededFigure } from './casualties';
import type { Sentence } from './sentences';

const CLAIM_VERBS = new Set([
  'told',
  'insisted',
  'insists',
  'claimed',
  'claims',
  'said',
  'says',
  'say',
  'maintained',
  'denied',
  'denies',
]);
const DENIAL_VERBS = new Set(['denied', 'denies', 'rejected', 'disputed', 'dismissed']);
const DISPUTE_WORDS =
  /\b(?:untrue|not true|false|wrong|incorrect|baseless|inaccurate|inflated|exaggerated|misleading|denied|disputed|rejected|dismissed|not the case)\b/i;
const CONTRAST = /,?\s+\b(?:but|however|while)\b\s+/;
const SAID_UNTRUE =
  /\b(?:said|says)\s+(?:(?:that|this|the)\s+(?:claim|figure|account|report|number|estimate|toll)|that|this|it)\s+(?:was|is|were)\s+["“]?(?:wildly\s+|completely\s+|simply\s+)?(?:untrue|false|not true|wrong|incorrect|baseless|inaccurate|inflated|exaggerated|misleading)/i;
const REJECTED_THAT =
  /\b(?:rejected|dismissed|disputed|denied)\s+(?:that|this|the|those|these|such)\s+(?:\w+\s+)?(?:account|claims?|assertions?|assurances?|statements?|figures?|reports?|allegations?|characteri[sz]ation|version)\b/i;
const A_CLAIM_REJECTED =
  /,\s+(?:a|the)\s+(?:claim|figure|charge|allegation|assertion|account|characteri[sz]ation|number)\s+(?:that\s+)?(.+?)\s+(?:has\s+|have\s+)?(?:rejected|disputed|denied|dismissed)\b/i;
const AS_X_CLAIMS = /\bas\s+((?:[A-Z][\w.’'-]*\s*)+?)\s+(?:claims|claimed|says|said|has claimed|asserts)\b/;
const RIVAL_CUE =
  /\b(?:but|however|only|lower|higher|put the (?:death )?toll|revised|own (?:count|tally|figures?)|disputed|contradict\w*|differ\w*|instead|not \d[\d,]*|not (?:one|two|three|four|five|six|seven|eight|nine|ten)\b)/i;
const DENIAL_START =
  /^((?:[A-Z][\w.'’-]*|the|of)(?:\s+(?:[A-Z][\w.'’-]*|the|of|[a-z]+(?=\s+denied)))*)\s+(?:flatly\s+)?denied\b/;
const GENERIC_WHO = /^(?:people|others|persons|individuals)$/i;

function norm(source: string): string {
  return source
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/^(?:the|other)\s+/, '')
    .trim();
}

/** Two source strings naming the same party ("the ministry" and "the interior ministry"). */
export function sameSource(a: string, b: string): boolean {
  const x = norm(a);
  const y = norm(b);
  return x === y || x.endsWith(' ' + y) || y.endsWith(' ' + x);
}

function stripEnd(s: string): string {
  return s.replace(/[\s.,;:]+$/, '');
}

function claimFrom(claimant: Source, sentence: string, until: number): string {
  const afterVerb = sentence.slice(claimant.cue, until).replace(/^\S+\s+/, '');
  const body = stripEnd(afterVerb.replace(/^that\s+/i, ''));
  const verb =
    claimant.verb === 'denied' || claimant.verb === 'denies'
      ? 'denies'
      : /s$/i.test(claimant.text)
        ? 'say'
        : 'says';
  const text = `${claimant.text} ${verb} ${body}`;
  return text.length > 220 ? text.slice(0, 217).replace(/\s+\S*$/, '') + '…' : text;
}

function firstNamed(sources: Source[], pred: (s: Source) => boolean = () => true): Source | undefined {
  return sources.find((s) => !s.pronoun && pred(s));
}

/**
 * Whether two totals look like rival counts of one event: same harm, same people, different sources, different
 * but comparable numbers. Different events in one story differ by orders of magnitude; rival counts do not.
 * A vague "scores" or "dozens" is too loose to contradict a count.
 */
export function rivalCounts(a: CasualtyFigure, b: CasualtyFigure, requireCue = true): boolean {
  if (a.partOf !== null || b.partOf !== null || !a.attributedTo || !b.attributedTo) return false;
  // A source revising its own count ("down from 26", "had told reporters that 90 had died") is not a rival.
  if (supersededFigure(a) || supersededFigure(b)) return false;
  if (a.min === null || b.min === null || a.qualifier === 'vague' || b.qualifier === 'vague') return false;
  if (a.kind !== b.kind || sameSource(a.attributedTo, b.attributedTo)) return false;
  if (a.who && b.who && !GENERIC_WHO.test(a.who) && !GENERIC_WHO.test(b.who) && a.who !== b.who) return false;
  const lo = Math.min(a.min, b.min);
  const hi = Math.max(a.min, b.min);
  if (lo === hi || lo === 0 || hi / lo > 4) return false;
  // Wire copy signals a rival count ("put the toll at", "not 41", "its own count", "but … only two");
  // without such a cue two numbers are more likely two places or two events (Spain's toll, Portugal's).
  return !requireCue || RIVAL_CUE.test(a.quote) || RIVAL_CUE.test(b.quote);
}

/** Counts of the same harm that two sources report differently ("129" vs "at least 40"). */
function conflictingFigures(figures: CasualtyFigure[]): ContestedClaim[] {
  const out: ContestedClaim[] = [];
  for (let i = 0; i < figures.length; i++) {
    for (let j = i + 1; j < figures.length; j++) {
      const a = figures[i]!;
      const b = figures[j]!;
      if (!rivalCounts(a, b) || !a.attributedTo || !b.attributedTo) continue;
      if (
        out.some(
          (c) =>
            (sameSource(c.claimant, a.attributedTo!) && sameSource(c.disputedBy, b.attributedTo!)) ||
            (sameSource(c.claimant, b.attributedTo!) && sameSource(c.disputedBy, a.attributedTo!)),
        )
      )
        continue;
      const people = a.who ?? b.who ?? 'people';
      out.push({
        claim: `Conflicting counts of ${people} ${a.kind}: ${a.countText} (${a.attributedTo}) vs ${b.countText} (${b.attributedTo})`,
        claimant: a.attributedTo!,
        disputedBy: b.attributedTo!,
        quotes: a.quote === b.quote ? [a.quote] : [a.quote, b.quote],
      });
    }
  }
  return out;
}

/** Contested assertions, in article order, at most one per pair of parties. */
export function findContested(sentences: Sentence[], figures: CasualtyFigure[]): ContestedClaim[] {
  const strong: ContestedClaim[] = [];
  const weak: ContestedClaim[] = [];
  let previous: { sentence: Sentence; sources: Source[] } | null = null;

  for (const sentence of sentences) {
    const s = sentence.text;
    const sources = findSources(s);

    // "X insisted …, but Y said that was untrue."
    const contrast = CONTRAST.exec(s);
    let found = false;
    if (contrast && DISPUTE_WORDS.test(s.slice(contrast.index))) {
      const claimant = firstNamed(sources, (x) => x.cue < contrast.index && CLAIM_VERBS.has(x.verb));
      const disputer = firstNamed(sources, (x) => x.cue > contrast.index);
      if (claimant && disputer && !sameSource(claimant.text, disputer.text)) {
        strong.push({
          claim: claimFrom(claimant, s, contrast.index),
          claimant: claimant.text,
          disputedBy: disputer.text,
          quotes: [s],
        });
        found = true;
      }
    }

    // "…, a claim the transport ministry rejected."
    const aClaim = A_CLAIM_REJECTED.exec(s);
    if (aClaim) {
      const claimant = firstNamed(sources, (x) => x.cue < aClaim.index);
      const disputedBy = aClaim[1]!.trim();
      if (claimant && disputedBy.split(/\s+/).length <= 8 && !sameSource(claimant.text, disputedBy)) {
        strong.push({
          claim: claimFrom(claimant, s, aClaim.index),
          claimant: claimant.text,
          disputedBy,
          quotes: [s],
        });
        found = true;
      }
    }

    // "Ukrainian officials rejected that account." following "Russia's Defense Ministry said …".
    const rebuttal = SAID_UNTRUE.exec(s) ?? REJECTED_THAT.exec(s);
    // "Police denied using live ammunition …" right after another party's account in the same paragraph.
    const denial = DENIAL_START.exec(s);
    if (!found && !rebuttal && denial && previous && previous.sentence.paragraph === sentence.paragraph) {
      const claimant = firstNamed(previous.sources, (x) => !DENIAL_VERBS.has(x.verb));
      const disputedBy = denial[1]!;
      if (claimant && !sameSource(claimant.text, disputedBy)) {
        strong.push({
          claim: claimFrom(claimant, previous.sentence.text, previous.sentence.text.length),
          claimant: claimant.text,
          disputedBy,
          quotes: [previous.sentence.text, s],
        });
        found = true;
      }
    }
    if (!found && rebuttal && previous && previous.sentence.paragraph >= sentence.paragraph - 1) {
      // The rebuttal's own subject: the nearest source at or before the rebutting verb.
      const disputer = sources.filter((x) => !x.pronoun && x.cue <= rebuttal.index + 1).pop();
      const claimant = firstNamed(previous.sources);
      if (disputer && claimant && !sameSource(claimant.text, disputer.text)) {
        strong.push({
          claim: claimFrom(claimant, previous.sentence.text, previous.sentence.text.length),
          claimant: claimant.text,
          disputedBy: disputer.text,
          quotes: [previous.sentence.text, s],
        });
      }
    }

    // "… are not hitting ISIS targets as Moscow claims, U.S. defense officials said."
    const asClaims = AS_X_CLAIMS.exec(s);
    if (asClaims && /\b(?:not|no|never)\b/i.test(s.slice(0, asClaims.index))) {
      const disputer = firstNamed(sources, (x) => x.cue >= asClaims.index + asClaims[0].length);
      const claimant = asClaims[1]!.trim();
      if (disputer && !sameSource(claimant, disputer.text)) {
        const body = stripEnd(s.slice(0, asClaims.index)).replace(
          /\s+(?:are|is|were|was)\s+not\s+/i,
          ' are ',
        );
        weak.push({
          claim: `${claimant} says ${body.charAt(0).toLowerCase()}${body.slice(1)}`,
          claimant,
          disputedBy: disputer.text,
          quotes: [s],
        });
      }
    }

    previous = { sentence, sources };
  }

  const out: ContestedClaim[] = [];
  const add = (c: ContestedClaim, mergeOnDisputer: boolean): void => {
    const same = out.find(
      (o) =>
        (sameSource(o.claimant, c.claimant) && sameSource(o.disputedBy, c.disputedBy)) ||
        (mergeOnDisputer && sameSource(o.disputedBy, c.disputedBy)),
    );
    if (same) {
      for (const q of c.quotes) if (!same.quotes.includes(q)) same.quotes.push(q);
      return;
    }
    out.push({ ...c, quotes: [...c.quotes] });
  };
  for (const c of strong) add(c, false);
  for (const c of weak) add(c, true);
  for (const c of conflictingFigures(figures)) add(c, false);
  return out;
}
