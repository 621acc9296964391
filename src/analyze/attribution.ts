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
  /** ", saying …" after the party's main verb: it speaks for what follows the cue only (see sourceAt). */
  onward?: true;
}

/** Verbs that dispute rather than report; a figure is never attributed through them. */
export const DISPUTE_VERBS = new Set([
  'denied',
  'denies',
  'deny',
  'rejected',
  'disputed',
  'dismissed',
  'contradicted',
  'contested',
  'refuted',
]);

// Names are written as words joined by required whitespace, never as `(?:Word\s*)+`: a run of capitals
// would then split into 2^n ways and a hostile sentence could stall the analyzer for minutes.
const SPEECH_VERBS =
  'said|says|say|told|tells|reported|reports|estimated|estimates|confirmed|confirms|announced|added|stated|noted|notes|wrote|writes|posted|posts|tweeted|counted|tallied|recorded|documented|verified|put|gave|revised|raised|lowered|attributed|attributes|insisted|insists|claimed|claims|maintained|showed|shows|show|indicated|indicates|denied|denies|deny|rejected|disputed|dismissed|contradicted|contested|refuted|saw|witnessed';
// Auxiliaries and adverbs between a subject and its verb: "Police have also flatly denied".
const AUX =
  '(?:(?:has|have|had|also|always|consistently|long|still|now|later|earlier|previously|then|again|already|flatly|strongly|categorically|firmly|vehemently|quickly|swiftly|repeatedly|publicly|initially|originally|officially|separately|subsequently)\\s+)*';
const SUBJECT_VERB = new RegExp(`(?<![\\w-])${AUX}(?:${SPEECH_VERBS})\\b`, 'g');
// "According to police, …" opens a sentence as often as "…, according to police" closes one. "per" needs a
// party after it ("per the ministry", "per a medical official"): "per cent" and "per day" are not sources.
const ACCORDING_TO =
  /\b(?:[Aa]ccording to|[Pp]er(?=\s+(?:(?:[Tt]he|[Aa]n?)\s|[A-Z])))\s+([^,;“”"]+?)(?=\s*(?:[,;]|\.?["”’]?\s*$|\s(?:who|which|that|and said|on (?:\w+day|condition)|in a statement)\b))/g;
// "up from 17 given by police", "victims confirmed by the directorate": the party after "by" gave the count. Its
// name is a run of capitalized words ("the Civil Defence Agency") or one noun ("police", "the ministry").
const PASSIVE_BY =
  /\b(?:given|reported|released|announced|issued|provided|confirmed|compiled|published|counted|recorded)\s+by\s+((?:the\s+)?(?:[A-Z][\w.'’-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w.'’-]*)*|[a-z][\w'’-]*))/g;
const INVERTED =
  /(?:[,”"’]\s*)(?:said|says)\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*?)(?=\s*(?:,|\.?$|;|\s(?:who|of)\b))/g;
// ", said Niger state police spokesman Wasiu Abiodun, who …": a lower-case title before the name.
const INVERTED_TITLED =
  /(?:[,”"’]\s*)(?:said|says)\s+((?:[A-Z][\w.'’-]*\s+)?(?:[a-z][\w'’-]*\s+){1,4}[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*?)(?=\s*(?:,|\.?$|;|\s(?:who|of)\b))/g;
// ", said the coast guard.": a party with no capital letter after an inverted "said".
const INVERTED_PLAIN =
  /(?:[,”"’]\s*)(?:said|says)\s+((?:the\s+)?[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3})(?=\s*(?:,|\.?$|;))/g;
// "State media quoted the governor as saying …": the governor is the source; the outlet only relays.
const QUOTED_AS =
  /\b(?:quoted|cited)\s+((?:[\w.'’-]+\s+){0,7}?[\w.'’-]+)\s+as\s+(?:saying|telling|stating|confirming|reporting)\b/g;
const SPEAKER_NOUN =
  /\b(?:officials?|diplomats?|residents?|workers?|witness(?:es)?|survivors?|doctors?|nurses?|medics?|paramedics?|airlines?|carriers?|operators?|firms?|hospitals?|clinics?|morgues?|police|authorit(?:y|ies)|ministry|ministries|agency|agencies|service|group|groups|company|companies|government|army|military|navy|air force|coast ?guard|guards?|brigade|sheriff|spokes(?:man|woman|person)|officers?|media|broadcaster|sources?|office|department|council|committee|network|organi[sz]ations?|association|unions?|commission|court|prosecutors?|investigators|rescuers|firefighters|responders|teams|crews|staff|relatives|famil(?:y|ies)|lawyers|activists|observers|analysts|experts|researchers|scientists|journalists?|reporters?|correspondents?|photographers?|stud(?:y|ies)|surveys?|analys[ie]s|monitors?|opposition|rebels|militants|forces|troops|party|administration|coroner|governor|mayor|minister|commander|chief|director|president|bureau|cent(?:er|re)|institute|services|defen[cs]e|directorate|inspectorate)\b/i;
const PRONOUNS = /^(?:he|she|they|it)$/i;
// "and" inside a name ("the Iberian Climate and Health Observatory", "Department of Forestry and Fire Protection")
// joins its words; only an "and" after at most one capitalized word can start a new clause.
// "Khovar reported that the interior ministry had put the number at eight": the reported clause has its own subject.
const CLAUSE_BREAK =
  /(?:[,;—”"]|\b(?:but|while|whereas|as|when|after|because|since|although|though|where|if)\b|(?<=\b(?:said|says|reported|reports|announced|stated|added|noted|confirmed|wrote|told\s+[\w.'’-]+(?:\s+[\w.'’-]+)?)\s+)that\b|(?<!\b(?:[A-Z][\w'’.-]*|of|for)\s+[A-Z][\w'’.-]*\s+)\band\b(?= (?:the|a|an|[A-Z])))\s*/g;

/** Descriptions ("a spokesman for …", "the top Democrat on …") lose to a name in an appositive. */
function isDescription(segment: string): boolean {
  if (/^(?:a|an|one)\s/i.test(segment) || !/[A-Z]/.test(segment.replace(/^the\s/i, ''))) return true;
  // "Jajarkot's chief district officer", "The NUG's health minister": a possessive, then a job in lower case.
  return /^(?:The\s+)?[A-Z][\w.-]*['’]s?\s+(?:[a-z][\w-]*\s+)*[a-z][\w-]*$/.test(segment);
}

// Verbs whose subject can only be a party that speaks or publishes: "the coast guard said", "paramedics told
// AP". "put", "gave", "recorded" or "showed" can have a thing or place as subject ("the fire put 14 people in
// hospital", "the country has recorded 15,200 deaths"), so their subject must be named, or a speaker by its noun
// (SPEAKER_NOUN), or data ("figures from …").
const SAYING_VERBS = new Set(
  'said says say told tells reported reports estimated estimates confirmed confirms announced added stated noted notes wrote writes posted posts tweeted insisted insists claimed claims maintained denied denies deny rejected disputed dismissed contradicted contested refuted'.split(
    ' ',
  ),
);
const REPORTING_WORD = /\b(?:said|says|told|tells|stated|added|noted|insisted|claimed|announced)\b/i;
const SHOW_VERBS = new Set(['showed', 'shows', 'show', 'indicated', 'indicates']);
const DATA_NOUN =
  /\b(?:figures|data|statistics|records|numbers|tall(?:y|ies)|counts?|estimates?|reports?|documents?|statements?|notices?|records)\b/i;

// What a lower-case subject is not, even before "said": a share of a group ("some of those reported dead"), a
// demonstrative, the harmed themselves, or an event ("the blast").
const NOT_A_PARTY_START =
  /^(?:those|these|this|that|there|here|what|which|whom?|whose|nobody|everyone|everybody|anyone|someone|none|no one|such|it|its|(?:some|many|most|all|few|several|both|each|any|half|more|much|none|one|two|three)\s+of)\b/i;
const NOT_A_PARTY_HEAD =
  /^(?:dead|killed|injured|wounded|hurt|missing|victims?|bod(?:y|ies)|casualt(?:y|ies)|deaths?|tolls?|numbers?|figures?|counts?|cases|temperatures?|rains?|floods?|flooding|fires?|wildfires?|blaze|storms?|typhoons?|hurricanes?|cyclones?|tornado(?:e?s)?|avalanches?|landslides?|mudslides?|waves?|heatwaves?|heat|quakes?|earthquakes?|eruptions?|explosions?|blasts?|bombings?|shelling|attacks?|strikes?|clashes|fighting|violence|crash(?:es)?|collisions?|accidents?|derailments?|collapses?|outbreaks?|epidemics?|diseases?|virus(?:es)?|others|rest|number|total|more|less|too|well|also|then|now|again|later|soon|there|here)$/i;
const CLAUSE_WORD =
  /\b(?:that|which|when|where|if|because|than|so|to|would|could|should|may|might|can|must|not|no|never|also)\b/i;

/**
 * A subject in lower case is a source when it reads as a party, not as a clause: "the coast guard", "rights
 * groups", "emergency responders", "the state broadcaster". The cues that it is not are few and closed; the
 * parties that speak in news copy are many and open.
 */
function lowerCaseParty(s: string): boolean {
  const words = s.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 6) return false;
  if (!words.every((w) => /^[a-z][a-z'’-]*$/i.test(w))) return false;
  if (NOT_A_PARTY_START.test(s) || CLAUSE_WORD.test(s)) return false;
  const head = words[words.length - 1]!;
  if (NOT_A_PARTY_HEAD.test(head)) return false;
  // "the wounded", "those fleeing": a participle as head names the harmed, not a speaker.
  return !/(?:ed|ing)$/i.test(head) || SPEAKER_NOUN.test(head);
}

/** A capital letter past a leading article: "The fire" is not a name, "The Associated Press" is. */
function named(s: string): boolean {
  return /[A-Z]/.test(s.replace(/^(?:the|a|an)\s+/i, ''));
}

function plausibleSubject(s: string, verb?: string): boolean {
  const words = s.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 10) return false;
  if (/\d/.test(s)) return false;
  if (/^(?:and|but|or|that|which|who|when|as|if|we|I|you|We|You)$/.test(words[0]!)) return false;
  // "up from five announced in the morning": an earlier count, not a party; "Among the victims confirmed by …": a
  // place in the sentence, not a party.
  if (/^(?:(?:up|down)\s+(?:from|to)|from|than|among|amongst)\b/i.test(s)) return false;
  // "It said 6 others were missing" is the agency speaking again; "it" inside a longer subject is not.
  if (/^it$/i.test(words[0]!) && words.length > 1) return false;
  if (/[“”"]/.test(s)) return false;
  // A clause that already has its own verb is not a name: "protesters threw fireworks".
  if (/\b(?:was|were|is|are|been|be|had|have|has|did|do|does|would|could|will|not)\b/i.test(s)) return false;
  // "…, said its own count showed 37": the subject of the inner verb is inside what the outer source said.
  if (REPORTING_WORD.test(s)) return false;
  // "Uttar Pradesh alone reported 54 deaths, a state health official told Reuters": a place, not a speaker.
  if (/\balone$/i.test(s)) return false;
  // "Figures from the health ministry showed": only data shows; "the storm showed" names no source.
  if (verb !== undefined && SHOW_VERBS.has(verb)) return DATA_NOUN.test(s);
  // "Reuters journalists saw at least two bodies": an eyewitness; "Spain saw 500 deaths" names a place.
  if (verb === 'saw' || verb === 'witnessed') return SPEAKER_NOUN.test(s);
  // "Those who survived said", "Some of the injured told": a share of the harmed, whatever the capital letter.
  if (NOT_A_PARTY_START.test(s) && !named(s.replace(/^\S+\s*/, ''))) return PRONOUNS.test(s);
  if (named(s) || PRONOUNS.test(s) || SPEAKER_NOUN.test(s)) return true;
  // Without a name a source must still be a party that speaks: "the coast guard said", not "some of those" (in
  // "some of those reported dead") nor "the fire put 14 people in hospital".
  return (verb === undefined || SAYING_VERBS.has(verb)) && lowerCaseParty(s);
}

// "Indonesian authorities on Tuesday said", "Police late Wednesday said": the time is when, not who.
const WEEKDAY = '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day';
const TRAILING_TIME = new RegExp(
  String.raw`(?:\s+(?:(?:on|late|early|earlier|later|last|this|late on|early on|on the night of)\s+)?(?:${WEEKDAY}|yesterday|today|tonight|overnight)(?:\s+(?:night|morning|afternoon|evening))?|\s+(?:earlier|later|last|this)\s+(?:week|month|year|morning|afternoon|evening)|\s+(?:in|on)\s+(?:a|an|its|his|her|their)\s+(?:statement|post|tweet|update|briefing|interview|report|news release|press release)(?:\s+on\s+[A-Z][\w]*)?|\s+(?:at|during)\s+an?\s+(?:news|press)\s+(?:conference|briefing))+$`,
);
const LEADING_TIME = new RegExp(
  String.raw`^(?:(?:on|late|early|late on|early on|last|this)\s+)?(?:${WEEKDAY}|yesterday|today|tonight|overnight)(?:\s+(?:night|morning|afternoon|evening))?,?\s+`,
  'i',
);

const DATED_BY = /\b(?:published|released|issued|conducted|completed|presented)$/i;

/** The subject without the time or occasion around it ("Kenyan police on Wednesday" → "Kenyan police"). */
function withoutTime(text: string, start: number): { text: string; start: number } {
  const trailing = TRAILING_TIME.exec(text);
  // "A study published last year": the time says which study, so it stays with the name.
  const cut = trailing && trailing.index > 0 && !DATED_BY.test(text.slice(0, trailing.index));
  const t = cut ? text.slice(0, trailing!.index) : text;
  const leading = LEADING_TIME.exec(t);
  if (leading && leading[0].length < t.length) {
    return { text: t.slice(leading[0].length), start: start + leading[0].length };
  }
  return { text: t, start };
}

// "the U.N." at the end of a sentence: the lazy matches above stop before the sentence's full stop, which is
// also the abbreviation's own.
const ABBREVIATION_END =
  /(?:\b[A-Z]\.[A-Z]|\b[A-Z]\.(?:[A-Z]\.)+[A-Z]|\b(?:Inc|Corp|Co|Ltd|Jr|Sr|Bros|Gen|Col|Dr|St))$/;

/** `text` (a slice of `sentence` at `start`) with the period of a final abbreviation kept. */
function keepAbbreviationPeriod(sentence: string, start: number, text: string): string {
  return ABBREVIATION_END.test(text) && sentence[start + text.length] === '.' ? text + '.' : text;
}

// How far back from a speech verb its subject is looked for. A subject is at most ten words and an appositive
// two short segments, all well inside this; reading the whole sentence before every "said" would make a
// sentence of thousands of them cost n².
const SUBJECT_REACH = 400;

/** The subject before a speech verb at `verbAt`, or null. */
function subjectBefore(
  sentence: string,
  verbAt: number,
  verb: string,
): { text: string; start: number } | null {
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
    // "A relative of the groom, reached in Mopti, rejected …": the aside's capital is a place, not a name.
    const name = tail.find(
      (s) => !isDescription(s.text) && !ASIDE.test(s.text) && plausibleSubject(s.text, verb),
    );
    return name ?? unnamedSpeaker(tail, verb);
  }
  const start = lastBreakBefore(trimmedEnd, false);
  // A clause longer than the reach is no subject.
  if (reached && start === 0) return null;
  const raw = trimmedEnd.slice(start);
  const lead = raw.length - raw.trimStart().length;
  const subject = withoutTime(raw.trim(), offset + start + lead);
  if (plausibleSubject(subject.text, verb)) return subject;
  // "Relatives of inmates gathered outside, and several told reporters …": "several" are some of the relatives.
  if (!reached && SHARE_OF.test(subject.text)) {
    const antecedent = LEADING_PARTY.exec(sentence);
    if (antecedent && plausibleSubject(antecedent[1]!, verb)) return { text: antecedent[1]!, start: 0 };
  }
  // "a local official who asked not to be named said": the source is the official; the clause says why unnamed.
  const relative = /\s+(?:who|whom)\s/.exec(subject.text);
  // "three climbers who had been reported dead": the verb belongs to the relative clause, which has no source.
  const passive = /\b(?:been|be|being|was|were|is|are)$/i.test(subject.text);
  const speaker = relative && !passive ? subject.text.slice(0, relative.index) : '';
  return speaker && plausibleSubject(speaker, verb) ? { text: speaker, start: subject.start } : null;
}

const SHARE_OF = /^(?:and\s+)?(?:several|some|many|most|others|a few|one|two|three|all)(?:\s+of\s+them)?$/i;
// The party a sentence opens with, up to its verb in the past tense: "Relatives of inmates gathered".
const LEADING_PARTY = /^((?:[A-Z][\w'’.-]*)(?:\s+(?:of|the|[A-Za-z][\w'’.-]*)){0,5}?)\s+[a-z]+ed\b/;

// "speaking on condition of anonymity", "who asked not to be named": an aside on why a source is not named;
// "reached by phone", "contacted in Mopti": on how the reporter reached it.
// "quoted by the state news agency Khovar": on which outlet relayed it, so the ministry before it is the source.
const ASIDE =
  /^(?:speaking|who|citing|requesting|asking|declining|on condition|because|not authori[sz]ed|reached|contacted|interviewed|(?:as\s+)?(?:quoted|cited|relayed|carried|reported)\s+(?:by|in|on)|writing|via)\b/i;

// "the health ministry, which runs the hospitals, said": an aside that tells what the party is.
const PARTY_ASIDE = /^(?:which|whose|that|a|an|the|one|known|based|run|itself)\b/i;

/**
 * "A government official, speaking on condition of anonymity, said": with no name to prefer, the description
 * before the aside is the source. Shown as null it would read as the article's own statement.
 */
function unnamedSpeaker(
  tail: Array<{ text: string; start: number }>,
  verb: string,
): { text: string; start: number } | null {
  if (tail.length < 2 || !(ASIDE.test(tail[1]!.text) || PARTY_ASIDE.test(tail[1]!.text))) return null;
  const speaker = tail[0]!;
  return plausibleSubject(speaker.text, verb) ? speaker : null;
}

/** Offset just after the last clause break in `text` (0 when none). Commas are skipped for appositives. */
function lastBreakBefore(text: string, appositive: boolean): number {
  let at = 0;
  const re = appositive ? /(?:;|—|\bbut\b|\bwhile\b|[”"])\s*/g : CLAUSE_BREAK;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) at = m.index + m[0].length;
  return at;
}

function clean(whole: string, wholeStart: number): { text: string; start: number } {
  const { text, start } = withoutTime(whole, wholeStart);
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

/**
 * The party before a verb this module does not read as a source ("The army called the figure exaggerated"), as
 * a Source cued at `at`, or null.
 */
export function speakerBefore(sentence: string, at: number, verb: string): Source | null {
  const subject = subjectBefore(sentence, at, 'said');
  if (!subject) return null;
  return { ...clean(subject.text, subject.start), cue: at, pronoun: PRONOUNS.test(subject.text), verb };
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
    const text = keepAbbreviationPeriod(sentence, start, raw.trim());
    if (text.split(/\s+/).length > 12) continue;
    // "according to the state's relief commissioner, Naveen Doda": the name beats the job description.
    const tail = sentence.slice(start + raw.length);
    const name = /^,\s+([A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)*?)\s*(?:[,;]|\.?$)/.exec(tail);
    if (name && isDescription(text)) {
      const nameStart = start + raw.length + tail.indexOf(name[1]!);
      const nameText = keepAbbreviationPeriod(sentence, nameStart, name[1]!.trim().replace(/\.$/, ''));
      out.push({ text: nameText, start: nameStart, cue: m.index, pronoun: false, verb: 'according to' });
      continue;
    }
    out.push({ ...clean(text, start), cue: m.index, pronoun: false, verb: 'according to' });
  }
  PASSIVE_BY.lastIndex = 0;
  for (let m = PASSIVE_BY.exec(sentence); m; m = PASSIVE_BY.exec(sentence)) {
    const text = keepAbbreviationPeriod(sentence, m.index + m[0].length - m[1]!.length, m[1]!);
    // "confirmed by laboratory tests" names no party; "given by police", "confirmed by the directorate" do.
    if (!named(text) && !SPEAKER_NOUN.test(text)) continue;
    const start = m.index + m[0].length - m[1]!.length;
    if (out.some((s) => s.start === start)) continue;
    out.push({ text, start, cue: m.index, pronoun: false, verb: m[0].split(/\s/)[0]!.toLowerCase() });
  }
  INVERTED.lastIndex = 0;
  for (let m = INVERTED.exec(sentence); m; m = INVERTED.exec(sentence)) {
    const start = m.index + m[0].indexOf(m[1]!);
    const text = keepAbbreviationPeriod(sentence, start, m[1]!.trim());
    out.push({ text, start, cue: m.index, pronoun: false, verb: 'said' });
  }
  INVERTED_TITLED.lastIndex = 0;
  for (let m = INVERTED_TITLED.exec(sentence); m; m = INVERTED_TITLED.exec(sentence)) {
    const text = m[1]!.trim();
    const start = m.index + m[0].indexOf(text);
    if (out.some((s) => s.cue === m!.index) || !plausibleSubject(text) || !SPEAKER_NOUN.test(text)) continue;
    out.push({ text, start, cue: m.index, pronoun: false, verb: 'said' });
  }
  INVERTED_PLAIN.lastIndex = 0;
  for (let m = INVERTED_PLAIN.exec(sentence); m; m = INVERTED_PLAIN.exec(sentence)) {
    const text = m[1]!.trim();
    const start = m.index + m[0].indexOf(text);
    if (out.some((s) => s.cue === m!.index) || PRONOUNS.test(text) || !plausibleSubject(text, 'said'))
      continue;
    out.push({ text, start, cue: m.index, pronoun: false, verb: 'said' });
  }
  QUOTED_AS.lastIndex = 0;
  for (let m = QUOTED_AS.exec(sentence); m; m = QUOTED_AS.exec(sentence)) {
    const text = m[1]!;
    const start = m.index + m[0].indexOf(text);
    if (!plausibleSubject(text, 'said')) continue;
    // The cue is "saying": what the source said follows it.
    const cue = m.index + m[0].lastIndexOf(' ') + 1;
    out.push({ ...clean(text, start), cue, pronoun: PRONOUNS.test(text), verb: 'said' });
  }
  SUBJECT_VERB.lastIndex = 0;
  for (let m = SUBJECT_VERB.exec(sentence); m; m = SUBJECT_VERB.exec(sentence)) {
    if (out.some((s) => m!.index >= s.start && m!.index < s.start + s.text.length)) continue;
    // "confirmed by the directorate" is passive: its party is after "by" (PASSIVE_BY).
    if (/^\s+by\b/.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 4))) continue;
    const verb = /(\w+)$/.exec(m[0])![1]!.toLowerCase();
    // "avalanches claimed the lives of 18 people": a harm that took lives, not a party making a claim.
    if (
      (verb === 'claimed' || verb === 'claims') &&
      LIVES_AFTER.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 40))
    )
      continue;
    const subject = subjectBefore(sentence, m.index, verb);
    if (!subject) continue;
    if (out.some((s) => s.start === subject.start)) continue;
    const pronoun = PRONOUNS.test(subject.text);
    // "The commission said it had recorded 13 deaths": "it" is the commission, already the source here.
    if (
      pronoun &&
      out.length > 0 &&
      REPORTED_CLAUSE.test(sentence.slice(Math.max(0, subject.start - 80), subject.start))
    )
      continue;
    out.push({ ...clean(subject.text, subject.start), cue: m.index, pronoun, verb });
  }
  out.sort((a, b) => a.cue - b.cue);
  return withParticiples(sentence, withoutRecorders(out));
}

const LIVES_AFTER = /^\s+(?:the\s+)?(?:[\w,-]+\s+){0,4}?lives\b/i;

// Verbs a place or a count can be the subject of: "Peru recorded 3,138 road deaths in 2023, according to the
// National Road Safety Observatory" is the observatory's figure, not Peru's.
const RECORDING_VERBS = new Set(['recorded', 'documented', 'counted', 'tallied', 'verified']);

/** `sources` without a recording verb's subject that is no speaker, when someone else is the source. */
function withoutRecorders(sources: Source[]): Source[] {
  const place = (s: Source): boolean => RECORDING_VERBS.has(s.verb) && !SPEAKER_NOUN.test(s.text);
  if (!sources.some(place) || !sources.some((s) => !RECORDING_VERBS.has(s.verb))) return sources;
  return sources.filter((s) => !place(s));
}

// "Kenyan police denied that 20 people were killed, saying only two protesters had died": what follows
// "saying" is the same party's own statement, reported, not disputed.
const PARTICIPLE = /,\s*(?:saying|adding|noting|insisting|stating)\b/g;

/** `sources` (in cue order) with each ", saying" after a source read as that source saying it. */
function withParticiples(sentence: string, sources: Source[]): Source[] {
  if (sources.length === 0 || !sentence.includes('ing')) return sources;
  const added: Source[] = [];
  let i = 0;
  PARTICIPLE.lastIndex = 0;
  for (let m = PARTICIPLE.exec(sentence); m; m = PARTICIPLE.exec(sentence)) {
    while (i < sources.length && sources[i]!.cue < m.index) i++;
    const owner = sources[i - 1];
    if (!owner) continue;
    const cue = m.index + m[0].search(/\w/);
    added.push({ ...owner, cue, verb: 'said', onward: true });
  }
  return added.length === 0 ? sources : [...sources, ...added].sort((a, b) => a.cue - b.cue);
}

// What ends the text before the subject of a reported clause: "X said (that) it …", "X told AP that they …".
const REPORTED_CLAUSE =
  /\b(?:said|says|say|told\s+(?:[\w.'’-]+\s+){0,3}?|added|stated|noted|insisted|claimed|confirmed|announced|reported|estimated|wrote|posted)\s*,?\s*(?:that\s+)?$/i;

// The clause breaks of the last sentence asked about: every count in a sentence asks about the same one.
let breaksOf: { sentence: string; breaks: number[] } | null = null;

function clauseBreaks(sentence: string): number[] {
  if (breaksOf?.sentence !== sentence) {
    const breaks = [0];
    // "…, Onyango said, though rights groups said more than 100": each side of the contrast has its own source.
    const re =
      /(?:,\s*but\b|;|\bbut\b|,\s*(?:while|though|although|even though|even as)\b|\bwhereas\b|\balthough\b)/g;
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
  // "Police denied that 20 people were killed, saying only two had died": "saying" vouches for the two, never
  // for the 20 before it.
  if (hasOnward(sources))
    return nearestSource(
      sources.filter((s) => !(s.onward && s.cue > at)),
      sentence,
      at,
    );
  return nearestSource(sources, sentence, at);
}

const onwardMemo = new WeakMap<readonly Source[], boolean>();

function hasOnward(sources: readonly Source[]): boolean {
  let has = onwardMemo.get(sources);
  if (has === undefined) onwardMemo.set(sources, (has = sources.some((s) => s.onward)));
  return has;
}

function nearestSource(sources: Source[], sentence: string, at: number): Source | null {
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
