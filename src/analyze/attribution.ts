// Finds who a sentence attributes its statements to ("according to X", "X said", "said X"), as verbatim
// slices of the sentence trimmed to the source's name: in "A British-based monitoring group, the Syrian
// Observatory for Human Rights, said" the source is the named organisation, not the description.

export interface Source {
  /** The source as written in the sentence. */
  text: string;
  /** Offset of text in the sentence. */
  start: number;
  /** Offset of the attribution cue (the verb or "according to"); figures are matched to the nearest clause. */
  cue: number;
  /** "he", "she", "they": the caller resolves it to the last named speaker. */
  pronoun: boolean;
  /** The cue word, lower-cased: 'said', 'according to', 'denied' … */
  verb: string;
}

/** Verbs that dispute rather than report; a figure is never attributed through them. */
export const DISPUTE_VERBS = new Set(['denied', 'denies', 'rejected', 'disputed', 'dismissed']);

// Names are written as words joined by required whitespace, never as `(?:Word\s*)+`: a run of capitals
// would then split into 2^n ways and a hostile sentence could stall the analyzer for minutes.
const SPEECH_VERBS =
  'said|says|say|told|tells|reported|reports|estimated|estimates|confirmed|confirms|announced|added|stated|put|gave|revised|raised|lowered|attributed|attributes|insisted|insists|claimed|claims|maintained|denied|denies|rejected|disputed|dismissed';
const AUX = '(?:(?:has|have|had|also|later|earlier|previously)\\s+)*';
const SUBJECT_VERB = new RegExp(`(?<![\\w-])${AUX}(?:${SPEECH_VERBS})\\b`, 'g');
const ACCORDING_TO =
  /\b(?:according to|per)\s+([^,;“”"]+?)(?=\s*(?:[,;]|\.?["”’]?\s*$|\s(?:who|which|that|and said|on (?:\w+day|condition)|in a statement)\b))/g;
const INVERTED =
  /(?:[,”"’]\s*)(?:said|says)\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*?)(?=\s*(?:,|\.?$|;|\s(?:who|of)\b))/g;
// ", said Niger state police spokesman Wasiu Abiodun, who …": a lower-case title before the name.
const INVERTED_TITLED =
  /(?:[,”"’]\s*)(?:said|says)\s+((?:[A-Z][\w.'’-]*\s+)?(?:[a-z][\w'’-]*\s+){1,4}[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*?)(?=\s*(?:,|\.?$|;|\s(?:who|of)\b))/g;
const SPEAKER_NOUN =
  /\b(?:officials?|diplomats?|residents?|workers?|witness(?:es)?|survivors?|doctors?|nurses?|medics?|airlines?|carriers?|operators?|firms?|hospitals?|clinics?|morgues?|police|authorit(?:y|ies)|ministry|agency|service|group|company|government|army|military|spokes(?:man|woman|person)|officers?|media|sources?|office|department|council|committee|network|organi[sz]ation|association|unions?|commission|court|prosecutors?|investigators|rescuers|relatives|famil(?:y|ies)|lawyers|activists|observers|analysts|experts|researchers|scientists|monitors?|opposition|rebels|militants|forces|troops|party|administration|coroner|governor|mayor|minister|commander|chief|director|president|bureau|cent(?:er|re)|institute|services)\b/i;
const PRONOUNS = /^(?:he|she|they|it)$/i;
const CLAUSE_BREAK =
  /(?:[,;—”"]|\b(?:but|while|whereas|as|when|after|because|since|although|though|where|if)\b|\band\b(?= (?:the|a|an|[A-Z])))\s*/g;

/** Descriptions ("a spokesman for …", "the top Democrat on …") lose to a name in an appositive. */
function isDescription(segment: string): boolean {
  return /^(?:a|an|one)\s/i.test(segment) || !/[A-Z]/.test(segment.replace(/^the\s/i, ''));
}

function plausibleSubject(s: string): boolean {
  const words = s.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 10) return false;
  if (/\d/.test(s)) return false;
  if (/^(?:and|but|or|that|which|who|when|as|if|we|I|you|We|You)$/.test(words[0]!)) return false;
  // "It said 6 others were missing" is the agency speaking again; "it" inside a longer subject is not.
  if (/^it$/i.test(words[0]!) && words.length > 1) return false;
  if (/[“”"]/.test(s)) return false;
  // Without a capital letter a source must still be a party that speaks: "police", "the ministry", not "some
  // of those" (in "some of those reported dead").
  if (!/[A-Z]/.test(s) && !PRONOUNS.test(s) && !SPEAKER_NOUN.test(s)) return false;
  // A clause that already has its own verb is not a name: "protesters threw fireworks".
  if (/\b(?:was|were|is|are|been|be|had|have|has|did|do|does|would|could|will|not)\b/i.test(s)) return false;
  return true;
}

// How far back from a speech verb its subject is looked for. A subject is at most ten words and an appositive
// two short segments, all well inside this; reading the whole sentence before every "said" would make a
// sentence of thousands of them cost n².
const SUBJECT_REACH = 400;

/** The subject before a speech verb at `verbAt`, or null. */
function subjectBefore(sentence: string, verbAt: number): { text: string; start: number } | null {
  // `before` is the text from `offset` (a word start, or the sentence start) to the verb.
  let offset = Math.max(0, verbAt - SUBJECT_REACH);
  while (offset > 0 && offset < verbAt && !/\s/.test(sentence[offset - 1]!)) offset++;
  const reached = offset > 0;
  const before = sentence.slice(offset, verbAt);
  const trimmedEnd = before.replace(/\s+$/, '');
  if (trimmedEnd.endsWith(',')) {
    // Appositive: "Name, a spokesman for X, said" or "A group, the Named Org, said".
    const head = trimmedEnd.slice(0, -1);
    const clauseStart = lastBreakBefore(head, true);
    const segments: Array<{ text: string; start: number }> = [];
    const re = /[^,]+/g;
    const region = head.slice(clauseStart);
    for (let m = re.exec(region); m; m = re.exec(region)) {
      const lead = m[0].length - m[0].trimStart().length;
      const text = m[0].trim();
      // A segment cut by the reach is no whole name or description.
      if (text && !(reached && clauseStart === 0 && m.index === 0)) {
        segments.push({ text, start: offset + clauseStart + m.index + lead });
      }
    }
    const tail = segments.slice(-2);
    if (tail.length === 0) return null;
    const named = tail.find((s) => !isDescription(s.text) && plausibleSubject(s.text));
    return named ?? unnamedSpeaker(tail);
  }
  const start = lastBreakBefore(trimmedEnd, false);
  // A clause longer than the reach is no subject.
  if (reached && start === 0) return null;
  const raw = trimmedEnd.slice(start);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (plausibleSubject(text)) return { text, start: offset + start + lead };
  // "a local official who asked not to be named said": the source is the official; the clause says why unnamed.
  const relative = /\s+(?:who|whom)\s/.exec(text);
  const speaker = relative ? text.slice(0, relative.index) : '';
  return speaker && SPEAKER_NOUN.test(speaker) && plausibleSubject(speaker)
    ? { text: speaker, start: offset + start + lead }
    : null;
}

// "speaking on condition of anonymity", "who asked not to be named": an aside on why a source is not named.
const ASIDE =
  /^(?:speaking|who|citing|requesting|asking|declining|on condition|because|not authori[sz]ed)\b/i;

/**
 * "A government official, speaking on condition of anonymity, said": with no name to prefer, the description
 * before the aside is the source. Shown as null it would read as the article's own statement.
 */
function unnamedSpeaker(
  tail: Array<{ text: string; start: number }>,
): { text: string; start: number } | null {
  if (tail.length < 2 || !ASIDE.test(tail[1]!.text)) return null;
  const speaker = tail[0]!;
  return SPEAKER_NOUN.test(speaker.text) && plausibleSubject(speaker.text) ? speaker : null;
}

/** Offset just after the last clause break in `text` (0 when none). Commas are skipped for appositives. */
function lastBreakBefore(text: string, appositive: boolean): number {
  let at = 0;
  const re = appositive ? /(?:;|—|\bbut\b|\bwhile\b|[”"])\s*/g : CLAUSE_BREAK;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) at = m.index + m[0].length;
  return at;
}

function clean(text: string, start: number): { text: string; start: number } {
  // "the California Department of Forestry and Fire Protection, known as Cal Fire" keeps the full name;
  // leading "other" in "other U.S. defense officials" is the article's contrast, not the source's name.
  const m = /^(?:other|another|two|three|several)\s+/i.exec(text);
  if (m && /[A-Z]/.test(text.slice(m[0].length, m[0].length + 1))) {
    return { text: text.slice(m[0].length), start: start + m[0].length };
  }
  // "the country's disaster management agency AFAD", "regional governor Vadym Filashkin": a description in
  // lower case, then the name. The name is the source.
  const named = /^((?:[a-z][\w'’-]*\s+){2,})((?:[A-Z][\w.'’-]*)(?:\s+[A-Z][\w.'’-]*)*)$/.exec(text);
  if (named && !/\b(?:of|for|by|and|at|in)\s+$/.test(named[1]!)) {
    return { text: named[2]!, start: start + named[1]!.length };
  }
  return { text, start };
}

const sourcesMemo = new WeakMap<{ text: string }, readonly Source[]>();

/** findSources of one sentence of the article, read once for every stage that asks (figures, disputes). */
export function sourcesOf(sentence: { text: string }): readonly Source[] {
  let sources = sourcesMemo.get(sentence);
  if (!sources) sourcesMemo.set(sentence, (sources = findSources(sentence.text)));
  return sources;
}

/** Every attribution in a sentence, in order of appearance. */
export function findSources(sentence: string): Source[] {
  const out: Source[] = [];
  ACCORDING_TO.lastIndex = 0;
  for (let m = ACCORDING_TO.exec(sentence); m; m = ACCORDING_TO.exec(sentence)) {
    const raw = m[1]!;
    const start = m.index + m[0].indexOf(raw);
    const text = raw.trim();
    if (text.split(/\s+/).length > 12) continue;
    // "according to the state's relief commissioner, Naveen Doda": the name beats the job description.
    const tail = sentence.slice(start + raw.length);
    const name = /^,\s+([A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)*?)\s*(?:[,;]|\.?$)/.exec(tail);
    if (name && isDescription(text)) {
      const nameStart = start + raw.length + tail.indexOf(name[1]!);
      const nameText = name[1]!.trim().replace(/\.$/, '');
      out.push({ text: nameText, start: nameStart, cue: m.index, pronoun: false, verb: 'according to' });
      continue;
    }
    out.push({ ...clean(text, start), cue: m.index, pronoun: false, verb: 'according to' });
  }
  INVERTED.lastIndex = 0;
  for (let m = INVERTED.exec(sentence); m; m = INVERTED.exec(sentence)) {
    const text = m[1]!.trim();
    const start = m.index + m[0].indexOf(text);
    out.push({ text, start, cue: m.index, pronoun: false, verb: 'said' });
  }
  INVERTED_TITLED.lastIndex = 0;
  for (let m = INVERTED_TITLED.exec(sentence); m; m = INVERTED_TITLED.exec(sentence)) {
    const text = m[1]!.trim();
    const start = m.index + m[0].indexOf(text);
    if (out.some((s) => s.cue === m!.index) || !plausibleSubject(text) || !SPEAKER_NOUN.test(text)) continue;
    out.push({ text, start, cue: m.index, pronoun: false, verb: 'said' });
  }
  SUBJECT_VERB.lastIndex = 0;
  for (let m = SUBJECT_VERB.exec(sentence); m; m = SUBJECT_VERB.exec(sentence)) {
    if (out.some((s) => m!.index >= s.start && m!.index < s.start + s.text.length)) continue;
    const subject = subjectBefore(sentence, m.index);
    if (!subject) continue;
    if (out.some((s) => s.start === subject.start)) continue;
    const verb = /(\w+)$/.exec(m[0])![1]!.toLowerCase();
    out.push({
      ...clean(subject.text, subject.start),
      cue: m.index,
      pronoun: PRONOUNS.test(subject.text),
      verb,
    });
  }
  return out.sort((a, b) => a.cue - b.cue);
}

// The clause breaks of the last sentence asked about: every count in a sentence asks about the same one.
let breaksOf: { sentence: string; breaks: number[] } | null = null;

function clauseBreaks(sentence: string): number[] {
  if (breaksOf?.sentence !== sentence) {
    const breaks = [0];
    const re = /(?:,\s*but\b|;|\bbut\b|,\s*while\b|\bwhereas\b)/g;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) breaks.push(m.index);
    breaks.push(sentence.length);
    breaksOf = { sentence, breaks };
  }
  return breaksOf.breaks;
}

/** Segments of a sentence that can carry different sources: "X reported four died, but Y confirmed two". */
export function clauseOf(sentence: string, at: number): [number, number] {
  const breaks = clauseBreaks(sentence);
  // The first segment [breaks[i], breaks[i + 1]) holding `at` (a break can repeat, giving an empty segment).
  const i = firstAbove(breaks, (b) => b > at) - 1;
  if (i >= 0 && i < breaks.length - 1) return [breaks[i]!, breaks[i + 1]!];
  return [0, sentence.length];
}

/** The source that covers position `at` of the sentence: same clause first, else the sentence's first. */
export function sourceAt(sources: Source[], sentence: string, at: number): Source | null {
  if (sources.length === 0) return null;
  const [from, to] = clauseOf(sentence, at);
  // Sources are in order of their cues, so the clause's are a run [lo, hi) of them, and the nearest to `at` is
  // the last before it or the first at or after it; on a tie, the earlier (the first found).
  const lo = firstAbove(sources, (s) => s.cue >= from);
  const hi = firstAbove(sources, (s) => s.cue >= to);
  if (lo >= hi) return sources[0]!;
  const k = Math.min(
    Math.max(
      firstAbove(sources, (s) => s.cue >= at),
      lo,
    ),
    hi,
  );
  const after = k < hi ? sources[k]! : null;
  if (k === lo) return after;
  const cueBefore = sources[k - 1]!.cue;
  const before =
    sources[
      Math.max(
        lo,
        firstAbove(sources, (s) => s.cue >= cueBefore),
      )
    ]!;
  return after && Math.abs(after.cue - at) < Math.abs(before.cue - at) ? after : before;
}

/** The first index at which `pred` holds, for a predicate false then true along the array (binary search). */
function firstAbove<T>(items: readonly T[], pred: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(items[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
