// Earlier tolls. "rose to 112 on Tuesday, up from 87 a day earlier" states 87 only as the count it replaced:
// shown as "87 killed" it would read as a second current toll. The schema has no field for "earlier", so the
// words that say so travel inside countText ("up from 87", "earlier estimate of 45"), where every renderer
// shows them; an earlier count with no such words of its own ("climbed to 63 from 51") is not shown at all.
// Both analyzers' figures pass through here (offline directly, the model's through grounding).

/** Words right before a count that mark it as the count a newer one replaced; group 1 is what countText keeps. */
const EARLIER_WORDING =
  /(?:\b((?:up|down)\s+from)|(?:\b(?:its|an|the|their|his|her|this)\s+)?\b((?:earlier|previous|initial|original|prior|first)\s+(?:death\s+)?(?:estimate|toll|figure|count|tally|number)\s+of)|\b((?:initially|originally|earlier|previously|first)\s+(?:put|estimated|given|set|reported|placed|stood)\s+(?:at|as)))\s+$/i;

/** A count phrase whose own wording marks it as an earlier count: "up from 87", "earlier estimate of 45". */
export const EARLIER_COUNT_TEXT =
  /^(?:(?:up|down)\s+from|(?:earlier|previous|initial|original|prior|first)\s+(?:death\s+)?(?:estimate|toll|figure|count|tally|number)\s+of|(?:initially|originally|earlier|previously|first)\s+(?:put|estimated|given|set|reported|placed|stood)\s+(?:at|as))\s/i;

// "rose to 112", "was revised down to 14", "climbed to 63": a toll that changed, so a count after "from" is the
// old one. Only verbs of change: "ranged from 20 to 30" is a range, not an update.
const CHANGE_VERB =
  /\b(?:rose|risen|rising|climbed|climbing|jumped|increased|grew|grown|soared|surged|fell|fallen|dropped|declined|decreased|revised|revising|raised|lowered|lowering|cut|went|gone|brought|bringing|taking|took|pushing|pushed|updated|corrected|adjusted)\b/i;
// How far before the new count its verb of change is looked for: "revised the death toll from the eruption of
// Mount Marapi down to 11" puts the verb far from the count, but within its clause.
const CHANGE_REACH = 160;

/**
 * Where the earlier-count wording before offset `start` of `sentence` begins, or null when there is none.
 * The wording kept starts at the marker itself ("up from", "earlier estimate of"), never at a determiner.
 */
export function earlierWordingStart(sentence: string, start: number): number | null {
  // Every wording ends in one of these words; most counts follow none, and need not be read further.
  if (!/\b(?:from|of|at|as)\s+$/i.test(sentence.slice(Math.max(0, start - 8), start))) return null;
  const before = sentence.slice(Math.max(0, start - 60), start);
  const m = EARLIER_WORDING.exec(before);
  if (!m) return null;
  const kept = m[1] ?? m[2] ?? m[3]!;
  return start - before.length + m.index + m[0].indexOf(kept);
}

/** Whether the text before a count, up to its clause, changes a toll: "revised the death toll … down to". */
function changesTo(sentence: string, start: number): boolean {
  const before = sentence.slice(Math.max(0, start - CHANGE_REACH), start);
  if (/\b(?:up|down)\s+to\s+$/i.test(before)) return true;
  if (!/\b(?:to|at)\s+$/i.test(before)) return false;
  // Only the clause the count is in: "…, and the toll rose to 54" — not a verb before a semicolon or sentence.
  const clause = before.slice(Math.max(before.lastIndexOf(';'), before.lastIndexOf(':')) + 1);
  return CHANGE_VERB.test(clause);
}

// A date or time may stand by each side of a change: "climbed to 54 by Tuesday from 31 on Monday", "rose from 31
// on Monday to 54 on Tuesday".
const WHEN = '(?:\\s+(?:on|by|as of|late|early|at|in|overnight)\\b[^,;\\d]{0,30}?)?';
const BETWEEN_NEW_AND_OLD = new RegExp(`^${WHEN}\\s*,?\\s+from\\s+$`, 'i');
const OLD_THEN_NEW = new RegExp(`^${WHEN}\\s+to\\s+\\S`, 'i');

/**
 * Whether the count at [start, end) is the old side of a change worded without a marker of its own:
 * "climbed to 63 from 51" (51), "rose to 54, from 31" (31), "rose from 72 to 129" (72). `previous` is the count
 * before it.
 */
export function isBareEarlierCount(
  sentence: string,
  start: number,
  end: number,
  previous: { start: number; end: number } | null,
): boolean {
  const before = sentence.slice(Math.max(0, start - 60), start);
  // "to 63 from 51", "to 9, from 12 reported earlier": the new count comes first.
  if (
    previous &&
    BETWEEN_NEW_AND_OLD.test(sentence.slice(previous.end, start)) &&
    changesTo(sentence, previous.start)
  ) {
    return true;
  }
  // "rose from 72 to 129": the old count comes first.
  return (
    /\bfrom\s+$/i.test(before) &&
    !/\b(?:up|down)\s+from\s+$/i.test(before) &&
    OLD_THEN_NEW.test(sentence.slice(end, end + 60)) &&
    CHANGE_VERB.test(before)
  );
}
