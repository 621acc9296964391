// Finds assertions one party makes and another disputes: "X insisted …, but Y said that was untrue",
// "Y rejected that account" after X's statement, "…, a claim Y rejected", "not … as X claims", and counts of
// the same harm that different sources put at different numbers.
import type { CasualtyFigure, CasualtyKind, ContestedClaim } from '../analysis';
import { DISPUTE_VERBS, sourcesOf, speakerBefore, type Source } from './attribution';
import { supersededFigure } from './casualties';
import { vagueCeiling } from './numbers';
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
  'deny',
]);
const DISPUTE_WORDS =
  /\b(?:untrue|not true|false|wrong|incorrect|baseless|inaccurate|inflated|exaggerated|misleading|denied|disputed|rejected|dismissed|not the case)\b/i;
const CONTRAST = /,?\s+\b(?:but|however|while)\b\s+/;
// What a party calls another's statement when it rejects it: "was false", "was not credible", "was \"a lie\"".
const FALSE_WORDS = String.raw`untrue|false|not true|not credible|wrong|incorrect|baseless|unfounded|inaccurate|inflated|exaggerated|misleading|fabricated|speculative|flawed|unreliable|groundless|absurd|(?:an?\s+)?(?:lie|lies|fabrication|propaganda|nonsense|fiction)`;
const SAID_UNTRUE = new RegExp(
  String.raw`\b(?:said|says)\s+(?:(?:that|this|the)\s+(?:claim|figure|account|report|number|estimate|toll|study)|that|this|it)\s+(?:was|is|were)\s+["“]?(?:wildly\s+|completely\s+|simply\s+)?["“]?(?:${FALSE_WORDS})\b`,
  'i',
);
// "denied the accusation", "contradicted that account", "disputed that.", "contradicting the survivors' accounts": a
// rebuttal of what was said before.
const REJECTED_THAT =
  /\b(?:rejected|rejects?|rejecting|dismissed|dismisses|dismissing|disputed|disputes?|disputing|denied|denies|deny|denying|contradicted|contradicts?|contradicting|contested|contesting|refuted|refutes?|refuting|challenged|challenging)\s+(?:(?:that|this|the|those|these|such|its|their)\s+(?:[\w’'-]+\s+)?(?:accounts?|claims?|assertions?|assurances?|statements?|figures?|reports?|allegations?|accusations?|charges?|criticism|rumou?rs|suggestions?|numbers?|tolls?|tally|count|estimates?|narrative|description|characteri[sz]ation|version|stud(?:y|ies)|findings)\b|(?:that|this|it)\s*(?:[.;]|,\s*(?:saying|adding|calling|pointing|arguing|noting|insisting|citing)\b|$))/i;
// "…, a claim the transport ministry rejected", "…, which the rebels rejected", "…, a figure GMP said it did not
// recognise".
const A_CLAIM_REJECTED =
  /,\s+(?:(?:an?|the)\s+(?:claim|figure|charge|allegation|accusation|assertion|account|characteri[sz]ation|number)\s+(?:that\s+)?|which\s+)(.+?)\s+(?:(?:has\s+|have\s+|had\s+)?(?:rejected|disputed|denied|dismissed|contested|contradicted|refuted)\b|(?:said|says)\s+(?:it|they|he|she)\s+(?:did|does|do)\s+not\s+(?:recogni[sz]e|accept|believe)\b|(?:said|says|called)\s+(?:was\s+|is\s+|were\s+)?["“]?(?:wildly\s+|grossly\s+)?(?:false|untrue|inflated|exaggerated|baseless|wrong|inaccurate|misleading|fabricated|a lie)\b)/i;
// "…, an accusation rejected by a spokesman for the Taliban administration in Kabul, who said …".
const A_CLAIM_REJECTED_BY =
  /,\s+(?:an?|the)\s+(?:claim|figure|charge|allegation|accusation|assertion|account|characteri[sz]ation|number|version)\s+(?:(?:swiftly|quickly|flatly|strongly|firmly|promptly|later|since)\s+)?(?:rejected|disputed|denied|dismissed|contested|contradicted|refuted)\s+by\s+([^,;.]+?)(?=\s*(?:[,;.]|$))/i;
// "Officials called the figure exaggerated", "dismissed the report as propaganda", "called that \"pure fiction\"",
// "called the Islamic State claim \"a lie\"".
const CALLED_FALSE =
  /\b(?:called|described|dismissed|branded|labell?ed)\s+(?:(?:the|that|this|those|these|such|its|their)\s+(?:[\w’'-]+\s+){0,3}?(?:figures?|claims?|account|reports?|tolls?|numbers?|allegations?|accusations?|estimates?|count|tally|version|statements?|stud(?:y|ies)|findings|research|rumou?rs)|that|this|it|them)\s+(?:as\s+)?["“]?(?:an?\s+)?["“]?(?:(?:wildly|grossly|completely|totally|greatly|vastly|hugely|highly|simply|an|deeply|seriously|pure|sheer|utter|complete)\s+)?(?:exaggerated|exaggeration|false|untrue|inflated|baseless|inaccurate|wrong|misleading|fabricated|fabrication|lies?|propaganda|nonsense|fake|rumou?rs|flawed|unreliable|speculat(?:ive|ion)|groundless|not credible|fantasy|fiction|guesswork)\b/i;
const AS_X_CLAIMS =
  /\bas\s+([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*?)\s+(?:claims|claimed|says|said|has claimed|asserts)\b/;
// "lower" and "higher" of a count ("a lower toll", "put it higher"), not of a place ("the lower edge of the debris").
const RIVAL_CUE =
  /\b(?:but|however|only|(?:lower|higher)(?=\s+(?:than|toll|figure|number|count|tally|estimate)\b|\s*(?:[.,;]|$))|put the (?:death toll|toll|number|figure|count|tally)|revised|own (?:count|tally|figures?)|disputed|contradict\w*|differ\w*|instead|closer to|(?:real|actual|true) (?:toll|figure|number|count)|not \d[\d,]*|not (?:one|two|three|four|five|six|seven|eight|nine|ten)\b)/i;
// "…, the Interior Ministry said, while opposition leaders said more than 300": two sources set against each
// other inside one sentence.
const CONTRAST_BETWEEN = /,\s*(?:while|whereas|but|though|although|even though)\b|;\s*(?:but|however)\b/i;
const NEGATION = /\b(?:not|no|never|none|nothing|only)\b|n[’']t\b/i;
// Verbs of a plain statement that another party's plain statement can contradict.
const PLAIN_SAY = new Set([
  'said',
  'says',
  'told',
  'tells',
  'insisted',
  'insists',
  'maintained',
  'claimed',
  'claims',
]);
const AUTHORITY =
  /\b(?:government|ministry|minister|president|police|army|military|defen[cs]e|officials?|authorities|spokes(?:man|woman|person)|forces|troops|governor|mayor|Kremlin|White House|Pentagon)\b/i;
const CHALLENGER =
  /\b(?:opposition|rebels?|insurgents?|gangs?|militants?|protesters?|demonstrators?|students?|organi[sz]ers|activists?|rights groups?|human rights|lawyers?|residents|witnesses|survivors|relatives|families|unions?|villagers|critics)\b/i;
const NATION = /\b([A-Z][a-z]+)(?:['’]s\b|(?:ian|an|ese|ish|i)\b)/;

/**
 * Parties whose plain statements can contradict each other without a cue word: an authority and a challenger
 * (government and opposition, officials and a gang) or two countries' sides. Two officials adding facts, or a
 * company and its regulator, are not read as a dispute.
 */
function opposedParties(a: string, b: string): boolean {
  const ca = CHALLENGER.test(a);
  const cb = CHALLENGER.test(b);
  if (ca !== cb && (AUTHORITY.test(a) || AUTHORITY.test(b))) return true;
  const na = NATION.exec(a)?.[1];
  const nb = NATION.exec(b)?.[1];
  return !!na && !!nb && !na.startsWith(nb.slice(0, 4)) && !nb.startsWith(na.slice(0, 4));
}
/**
 * An authority and a party that is neither an authority nor an onlooker: "A U.S. defense official" and "The
 * Houthis". Weaker than opposedParties, so their statements must also be about the same thing.
 */
function authorityAndOther(a: string, b: string): boolean {
  const side = (x: string): number => (AUTHORITY.test(x) ? 1 : 0) - (CHALLENGER.test(x) ? 1 : 0);
  return side(a) !== side(b) && (side(a) === 1 || side(b) === 1) && !OBSERVER.test(a) && !OBSERVER.test(b);
}

// A company as a party: by its legal form, or as the challenger's statement calls it.
const COMPANY_NAME = /\b(?:Inc|Corp|Co|Ltd|LLC|plc|AG|SA|GmbH|NV|Group|Holdings)\b\.?/;
const THE_COMPANY =
  /\b(?:the|its)\s+(?:company|firm|operator|employer|management|carrier|airline|manufacturer)\b/i;

/**
 * A challenger answering a company's statement: "Narmada Agro Chemicals said … it had been fully contained" and
 * "Opposition legislator Ramesh Vasava said the company took more than four hours": a union, the opposition or
 * activists against the company whose conduct is at issue, which their statement names.
 */
function challengesCompany(company: string, challenger: string, says: string): boolean {
  if (!CHALLENGER.test(challenger) || AUTHORITY.test(challenger) || OBSERVER.test(challenger)) return false;
  if (!/[A-Z]/.test(company) || AUTHORITY.test(company) || CHALLENGER.test(company)) return false;
  return COMPANY_NAME.test(company) || THE_COMPANY.test(says);
}

/**
 * "The governor's office" (or "the governor's spokesman") speaks for a person the quotes introduce as governor:
 * "…, provincial governor Jean-Jacques Purusi said".
 */
function speaksFor(party: string, person: string, quotes: readonly string[]): boolean {
  const role =
    /^(?:the\s+)?([a-z]+)['’]s\s+(?:office|spokes(?:man|woman|person)|staff|aides?|camp|press office)$/i.exec(
      party,
    )?.[1];
  if (!role || !/^[A-Z]/.test(person)) return false;
  return quotes.some((q) => {
    const at = q.indexOf(person);
    return (
      at > 0 &&
      new RegExp(`\\b${role}\\s+(?:[A-Z][\\w.'’-]*\\s+){0,3}$`, 'i').test(q.slice(Math.max(0, at - 80), at))
    );
  });
}

// People speaking for themselves, and bodies that answer for what happened to them.
const PERSONS =
  /\b(?:parents|mothers|fathers|pupils|students|teachers|employees|workers|staff members|passengers|patients|customers|tenants|residents|witnesses|survivors|relatives|families|family|villagers|neighbou?rs|victims|former (?:employees|workers|staff))\b/i;
const INSTITUTION =
  /\b(?:school|district|university|college|hospital|clinic|company|firm|operator|airline|council|board|agency|department|authority|trust|club|federation|league|church|diocese|landlord|employer|manufacturer|police|ministry|government|army|military|prison)\b/i;

/**
 * "Two parents told the Charlotte Observer that they had reported threatening posts … The Rock Hill school district
 * said it had \"no record of any such report\"": a body answering, with a denial, what people said about it.
 */
function personsAndInstitution(a: string, b: string): boolean {
  const person = (x: string): boolean => PERSONS.test(x) && !INSTITUTION.test(x);
  const body = (x: string): boolean => (INSTITUTION.test(x) || COMPANY_NAME.test(x)) && !PERSONS.test(x);
  return (person(a) && body(b)) || (body(a) && person(b));
}

// Words of opposite states, for statements that contradict each other without a negation.
const OPPOSITES: ReadonlyArray<[RegExp, RegExp]> = [
  // "were open", not "will open a new gate".
  [
    /\b(?:locked|padlocked|chained|bolted|barred|blocked)\b/i,
    /\b(?:(?:was|were|is|are|been|be|remained|remain|stayed|left|kept)\s+(?:wide\s+)?open|unlocked|accessible|unobstructed)\b/i,
  ],
  [/\b(?:unarmed|peaceful)\b/i, /\b(?:armed|violent)\b/i],
  [/\b(?:ignored|refused|rejected)\b/i, /\b(?:acted on|responded to|followed up)\b/i],
];

/** One statement has a word of a state, the other the opposite state's and the first does not. */
function contrary(a: string, b: string): boolean {
  return OPPOSITES.some(
    ([x, y]) => (x.test(a) && !y.test(a) && y.test(b)) || (y.test(a) && !x.test(a) && x.test(b)),
  );
}

/** One side an authority only, the other a challenger only: "the Interior Ministry" and "Protest organizers". */
function authorityAndChallenger(a: string, b: string): boolean {
  const side = (x: string): number => (AUTHORITY.test(x) ? 1 : 0) - (CHALLENGER.test(x) ? 1 : 0);
  return side(a) * side(b) === -1;
}
const GENERIC_WHO = /^(?:people|others|persons|individuals)$/i;

// Caps on what is compared, for text that is not an article: a real story sets a handful of parties against each
// other (at most ten disputes and eleven attributed totals of one harm in the labelled set). Comparing every pair
// of a list of thousands of attributed counts would cost n², and the reply could not show such a list anyway.
/** Disputes reported; a claim past this many is left out (merging into one already kept still happens). */
const MAX_CONTESTED = 50;
/** Attributed current totals of one harm compared pairwise for rival counts: the first this many. */
const MAX_RIVAL_TOTALS = 50;
/** A rebuttal ("the ministry's figure was inflated") answers one of the latest this many attributed totals. */
const REBUTTAL_REACH = 50;

const FUNCTION_WORDS = new Set(
  'that this there their they them were was have had has been being with from into after before about would could should which while where when what said says told added also than then only some more most other such very'.split(
    ' ',
  ),
);

/** Rough stems of the content words of a statement ("fired", "firing" → "fir"), for a topic-overlap test. */
function contentStems(text: string): Set<string> {
  const stems = new Set<string>();
  for (const w of text.toLowerCase().match(/[a-z]{4,}/g) ?? []) {
    // "fire" and "fired" are one stem, as are "use" and "used".
    if (!FUNCTION_WORDS.has(w)) stems.add(w.replace(/(?:ing|ed|es|s|e)$/, ''));
  }
  return stems;
}

// People who saw what happened rather than a side in it: their statements usually add facts, so a cue-less
// pair with them counts as a dispute only when both statements are about the same thing.
const OBSERVER = /\b(?:witnesses|residents|survivors|relatives|families|villagers|bystanders|neighbou?rs)\b/i;

/**
 * Two statements only contradict each other when they are about the same thing: "no shots were fired" and
 * "officers fired live rounds" share "fire"; "no one had been arrested" and "the crowd dispersed peacefully"
 * share nothing and are two facts, not a dispute.
 */
function sharesSubjectMatter(a: string, b: string): boolean {
  const stemsA = contentStems(a);
  for (const stem of contentStems(b)) if (stemsA.has(stem)) return true;
  return false;
}

function norm(source: string): string {
  return source
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/^(?:the|other)\s+/, '')
    .trim();
}

/** "bnp" for "opposition bangladesh nationalist party (bnp)": the short name a party is later called by. */
function abbreviation(normed: string): string | null {
  return /\(([^()]+)\)$/.exec(normed)?.[1] ?? null;
}

/** A source as it is compared with others: normalised once, since it is compared with many. */
interface Party {
  norm: string;
  abbreviation: string | null;
}

function party(source: string): Party {
  const x = norm(source);
  return { norm: x, abbreviation: abbreviation(x) };
}

function sameParty(a: Party, b: Party): boolean {
  const x = a.norm;
  const y = b.norm;
  if (x === y || x.endsWith(' ' + y) || y.endsWith(' ' + x)) return true;
  return a.abbreviation === y || b.abbreviation === x;
}

/** Two source strings naming the same party ("the ministry" and "the interior ministry", "the RSF"). */
export function sameSource(a: string, b: string): boolean {
  return sameParty(party(a), party(b));
}

// Words of a party name looked at from its end: a rebutted phrase ("the ministry's figure") has at most ten.
const PARTY_WORDS = 10;

/**
 * The parties named so far, so that the first one a rebuttal names can be found without comparing it with every
 * source before it (thousands of sources in a hostile text). Finds exactly what sameSource would, for queries of
 * up to PARTY_WORDS words.
 */
class Parties {
  private readonly texts: string[] = [];
  /** '=' + a name, '>' + a word-final part of a name after a space, '(' + a name's abbreviation: first index. */
  private readonly first = new Map<string, number>();

  add(source: string): void {
    const p = party(source);
    const i = this.texts.length;
    this.texts.push(source);
    const keys = [`=${p.norm}`, ...wordEnds(p.norm).map((end) => `>${end}`)];
    if (p.abbreviation !== null) keys.push(`(${p.abbreviation}`);
    for (const key of keys) if (!this.first.has(key)) this.first.set(key, i);
  }

  /** The first party added that sameSource takes for `source`, or undefined. */
  find(source: string): string | undefined {
    // x is the same party as p when x = p, x ends in " " + p, p ends in " " + x, or either abbreviates the other.
    const p = party(source);
    const keys = [`=${p.norm}`, `>${p.norm}`, `(${p.norm}`, ...wordEnds(p.norm).map((end) => `=${end}`)];
    if (p.abbreviation !== null) keys.push(`=${p.abbreviation}`);
    let best = Infinity;
    for (const key of keys) best = Math.min(best, this.first.get(key) ?? Infinity);
    return this.texts[best];
  }
}

/** "interior ministry", "ministry" for "the interior ministry": what follows each space, up to PARTY_WORDS words. */
function wordEnds(normed: string): string[] {
  const ends: string[] = [];
  let at = normed.lastIndexOf(' ');
  while (at >= 0 && ends.length < PARTY_WORDS) {
    ends.push(normed.slice(at + 1));
    at = at === 0 ? -1 : normed.lastIndexOf(' ', at - 1);
  }
  return ends;
}

// A party named again by its kind or a pronoun: "the group", "the ministry", "it". "The army", "the police" or
// "the rebels" name one party each in a story and are left out: they are seldom the claimant said again.
const ANAPHOR =
  /^(?:(?:the|its|this|that)\s+(?:group|ministry|agency|company|organi[sz]ation|department|office|commission|militia|party|movement|council|committee|firm|administration|spokes(?:man|woman|person)|official|network|observatory|service|monitor|statement|body|outfit)|it|he|she|they)$/i;

// "claimed responsibility", "said in a message to journalists that its own fighter had carried out the bombing".
const RESPONSIBILITY =
  /\b(?:claimed|claims|claiming)\s+(?:responsibility|credit)\b|\b(?:said|says)\b[^.;]{0,60}?\bthat\s+(?:its|their)\s+(?:own\s+)?(?:fighters?|members?|men|militants?|operatives?|(?:suicide\s+)?bombers?)\s+(?:had\s+)?(?:carried out|conducted|staged|launched|mounted)\b/i;

const HEARSAY = /^(?:the\s+)?(?:reports?|claims?|rumou?rs|allegations?|suggestions?|accounts?|posts?)\b/i;

/**
 * Whether a dispute has two parties: "The RSF said fewer than 10 civilians had died. The group denied targeting
 * civilians." is the RSF speaking twice. A party named only by its kind ("the group", "the ministry") is the one
 * named earlier by that kind ("the Interior Ministry"); when none was, it is most likely the claimant again, so it
 * is never shown disputing.
 */
function twoParties(claimant: string, disputer: string, speakers: Parties): boolean {
  if (sameSource(claimant, disputer)) return false;
  // "Claims circulating online that … were untrue, the ministry said": rumours are no party to be named again.
  if (!ANAPHOR.test(disputer.trim()) || HEARSAY.test(claimant)) return true;
  const named = speakers.find(disputer);
  return named !== undefined && !ANAPHOR.test(named.trim()) && !sameSource(named, claimant);
}

/**
 * "Police say", "officials say", "the Houthis say", but "Hamas says", "Ernesto Vargas says", "The Committee for
 * Prisoners' Rights says".
 */
function plural(subject: string): boolean {
  // The head of "researchers at the observatory" or "The Committee for Prisoners' Rights" is before the preposition.
  // "Eleven survivors interviewed for this article": the head is before the participle that describes it.
  const head = subject
    .split(/\s+(?:of|for|at|in|on|from|with)\s+|\s+[a-z]+ed\s+(?:by|for|in|at|on)\s/)[0]!
    .trim();
  if (/\b(?:police|people|staff|media)$/i.test(head)) return true;
  if (!/s$/i.test(head) || /(?:ss|us)$/i.test(head)) return false;
  const words = head.split(/\s+/);
  // "Witnesses", "the Houthis": one word, or one after "the". "Hamas", "Vargas": a name ending in -as, -is, -os.
  if (words.length === 1 || (words.length === 2 && /^the$/i.test(words[0]!)))
    return !/(?:as|is|os)$/i.test(head);
  // A name in capitals is one person or body ("Ernesto Vargas", "Medecins Sans Frontieres").
  return !/^[A-Z]/.test(words[words.length - 1]!);
}

/** "Health officials report", "the ministry reports". */
function reports(subject: string): string {
  return plural(subject) ? 'report' : 'reports';
}

function stripEnd(s: string): string {
  return s.replace(/[\s.,;:]+$/, '');
}

/** The text after a source's own verb ("said", past any "has also flatly"), up to `until`. */
function afterVerb(claimant: Source, sentence: string, until: number): string {
  const from = sentence.slice(claimant.cue, until);
  const verb = /^[a-z]+$/.test(claimant.verb)
    ? new RegExp(`\\b${claimant.verb}\\b\\s*`, 'i').exec(from)
    : null;
  return verb && verb.index < 200 ? from.slice(verb.index + verb[0].length) : from.replace(/^\S+\s*/, '');
}

const KEPT_VERBS = new Set([
  'put',
  'gave',
  'estimated',
  'counted',
  'recorded',
  'revised',
  'raised',
  'lowered',
]);

// What can follow a verb without being what was said: a time, or the listener of "told".
const NOTHING_SAID =
  /^(?:(?:on|late|early|last)\s+)?(?:\w+day|yesterday|today|tonight|overnight)?(?:\s+(?:night|morning|afternoon|evening))?$/i;
// A claim's first word that is no name and reads better in lower case after "X says".
const PLAIN_START =
  /^(?:The|A|An|At|About|More|Nearly|Some|All|No|None|Only|Most|Many|Several|Dozens|Hundreds|Thousands|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Fourteen|Fifteen|Twenty|Thirty|Forty|Fifty)\b/;

function claimFrom(claimant: Source, sentence: string, until: number): string {
  // "The boat … was carrying some 200 people, according to survivors.": what they said comes before the cue, or
  // after the source when the sentence opens with "According to police, …".
  if (claimant.verb === 'according to') {
    const said = stripEnd(
      claimant.cue > 0
        ? sentence.slice(0, claimant.cue)
        : sentence.slice(claimant.start + claimant.text.length, until).replace(/^[\s,]+/, ''),
    );
    const body = PLAIN_START.test(said) ? said.charAt(0).toLowerCase() + said.slice(1) : said;
    return clipped(`${claimant.text} ${plural(claimant.text) ? 'say' : 'says'} ${body}`);
  }
  const after = afterVerb(claimant, sentence, until);
  // "told reporters on Saturday night that 90 people had died": the claim is what follows "that".
  const telling = /^(?:told|tells)$/.test(claimant.verb);
  const told = telling ? /^[^,;]{0,60}?\bthat\s+/.exec(after) : null;
  let body = stripEnd((told ? after.slice(told[0].length) : after).replace(/^that\s+/i, ''));
  // "“I saw at least 50 bodies,” Ramesh Yadav told AP.", "Fourteen died, the mayor said Tuesday.": after the
  // verb stands only whom or when it was said; the claim is what comes before the source.
  if ((telling && !told) || NOTHING_SAID.test(body)) {
    const before = sentence
      .slice(0, claimant.start)
      .replace(/[\s,]+$/, '')
      .replace(/,(["”’])$/, '$1');
    if (before) body = PLAIN_START.test(before) ? before.charAt(0).toLowerCase() + before.slice(1) : before;
  }
  // "Local civil society groups put the number of dead at more than 120": a verb that is not "say" is kept.
  const verb =
    claimant.verb === 'denied' || claimant.verb === 'denies' || claimant.verb === 'deny'
      ? 'denies'
      : /^claim/.test(claimant.verb) && /^(?:responsibility|credit)\b/i.test(body)
        ? plural(claimant.text)
          ? 'claim'
          : 'claims'
        : KEPT_VERBS.has(claimant.verb)
          ? claimant.verb
          : plural(claimant.text)
            ? 'say'
            : 'says';
  return clipped(`${claimant.text} ${verb} ${body}`);
}

function clipped(text: string): string {
  return text.length > 220 ? text.slice(0, 217).replace(/\s+\S*$/, '') + '…' : text;
}

function firstNamed(
  sources: readonly Source[],
  pred: (s: Source) => boolean = () => true,
): Source | undefined {
  return sources.find((s) => !s.pronoun && pred(s));
}

/**
 * Whether two totals look like rival counts of one event: same harm, same people, different sources, different
 * but comparable numbers. Different events in one story differ by orders of magnitude; rival counts do not.
 * A vague "scores" or "dozens" is too loose to contradict a count. `b` is the later of the two in the article.
 */
export function rivalCounts(
  a: CasualtyFigure,
  b: CasualtyFigure,
  requireCue = true,
  paragraphs?: ReadonlyMap<string, number>,
): boolean {
  if (a.partOf !== null || b.partOf !== null || !a.attributedTo || !b.attributedTo) return false;
  const x = figureFacts(a);
  const y = figureFacts(b);
  // A source revising its own count ("down from 26", "had told reporters that 90 had died") is not a rival.
  if (x.superseded || y.superseded) return false;
  if (a.kind !== b.kind || sameParty(x.source!, y.source!)) return false;
  // "Reuters journalists saw at least two bodies": what someone saw is a floor, which a toll of three does not
  // contradict; a toll below it does.
  if (seenFloor(a, x, y) || seenFloor(b, y, x)) return false;
  const vague = a.qualifier === 'vague' || b.qualifier === 'vague';
  // Two sources set against each other in one sentence count the same people, whatever each calls them and
  // however far apart ("79 protesters" … "while opposition leaders said more than 300"; "No more than 12 …,
  // though rights groups said more than 100").
  if (contrastedInOneSentence(a, b)) return differentButComparable(x.span, y.span, vague, Infinity);
  const close = differentButComparable(x.span, y.span, vague, CLOSE);
  // Further apart, counts are rivals only where one party denies another's toll ("Police denied that 20 people
  // were killed, saying only two protesters had died" against a commission's 13).
  if (!close && !(requireCue && differentButComparable(x.span, y.span, vague, APART) && denies(a, b)))
    return false;
  // "A coalition of rights groups said in a report in March that drone strikes had killed at least 60 civilians
  // since the start of last year" counts another occasion than Sunday's strike. Only the later count is read so:
  // the first sets the frame ("has killed 112 people since January" and then "put the death toll at 97").
  if (otherOccasion(b.quote, a.quote)) return false;
  // Without a cue, "three people dead in Quang Ngai and Binh Dinh provinces" and "two people lost their lives in
  // landslides in Benguet province" are two places' tolls, not two counts of one.
  if (!requireCue && otherPlace(a.quote, b.quote)) return false;
  // "Killed at least 23 civilians" against "neutralised around 15 terrorists … no civilian casualties": the
  // parties dispute who the dead were, which is the dispute itself.
  const together =
    paragraphs !== undefined &&
    paragraphs.get(a.quote) !== undefined &&
    paragraphs.get(a.quote) === paragraphs.get(b.quote);
  const identity = disputedIdentity(a, b, together) || disputedIdentity(b, a, together);
  if (!identity && a.who && b.who && !samePeople(a.who, b.who)) return false;
  if (eachOwnSide(a, b) || harmedByOther(a, b) || harmedByOther(b, a)) return false;
  // Wire copy signals a rival count ("put the toll at", "not 41", "its own count", "but … only two"), and so do
  // the parties themselves when they are opposed (a ministry and the protest's organizers); without either, two
  // numbers are more likely two places or two events (Spain's toll, Portugal's).
  return (
    !requireCue ||
    identity ||
    cued(x, a, y, b) ||
    (close && authorityAndChallenger(a.attributedTo, b.attributedTo))
  );
}

// "11 people had been killed on its side of the border", "eight Tajik civilians": a government counting its own
// side's dead. Two countries that each count their own are not giving rival counts of the same people; a count of
// the other side's people ("upwards of 30 Kyrgyz servicemen") can still be one.
const OWN_SIDE =
  /\b(?:on|from)\s+(?:its|their|our)\s+(?:own\s+)?side\b|\b(?:of\s+)?(?:its|their|our)\s+(?:own\s+)?(?:citizens|nationals|soldiers|troops|servicem[ae]n|service members)\b/i;

// The country a source speaks for, from how its name opens: "Kyrgyzstan's health ministry", "Tajik officials".
const SOURCE_NATION =
  /^(?:the\s+)?([A-Z][a-z]+)(?:['’]s\b|(?:ian|an|ese|ish|i)\b|(?=\s+(?:officials|forces|troops|army|military|government|authorities)\b))/;

function nationOf(source: string): string | null {
  return SOURCE_NATION.exec(source)?.[1] ?? null;
}

/**
 * Whether a count is of people of `nation` ("eight Tajik civilians" for Tajikistan), by the first letters of the
 * name: in who they are, or, when that was not read, just before the count ("the number of Ukrainian soldiers
 * killed at 60").
 */
function namesNation(f: CasualtyFigure, nation: string): boolean {
  const stem = nation.slice(0, 4);
  const at = f.who ? -1 : f.quote.indexOf(f.countText);
  const words = f.who ?? (at > 0 ? f.quote.slice(Math.max(0, at - 60), at) : '');
  return words.split(/\s+/).some((w) => /^[A-Z]/.test(w) && w.startsWith(stem));
}

function ownSide(f: CasualtyFigure, nation: string): boolean {
  const facts = figureFacts(f);
  return namesNation(f, nation) || (facts.ownSide ??= OWN_SIDE.test(f.quote));
}

/** Sources of two countries, at least one counting its own side and the other not counting that side. */
function eachOwnSide(a: CasualtyFigure, b: CasualtyFigure): boolean {
  const na = nationOf(a.attributedTo!);
  const nb = nationOf(b.attributedTo!);
  if (!na || !nb || na.slice(0, 4) === nb.slice(0, 4)) return false;
  return (ownSide(a, na) && !namesNation(b, na)) || (ownSide(b, nb) && !namesNation(a, nb));
}

// "Sixteen police officers were injured" against "at least 12 people had been hurt by police batons": people hurt
// by the police are not the police hurt.
const BY_FORCE =
  /\b(?:by|from)\s+(?:the\s+)?(?:police|officers|soldiers|troops|security forces|the army|army|guards)\b/i;
const FORCE_WHO = /\b(?:police|officers?|policemen|soldiers|troops|servicem[ae]n|guards|firefighters)\b/i;

/**
 * Whether two counts of one harm can be of the same people, as far as who they are tells: not "police officers"
 * and "people … hurt by police batons", nor each country's own side.
 */
export function samePeopleCounted(a: CasualtyFigure, b: CasualtyFigure): boolean {
  if (a.who && b.who && !samePeople(a.who, b.who)) return false;
  if (harmedByOther(a, b) || harmedByOther(b, a)) return false;
  return !(a.attributedTo && b.attributedTo && eachOwnSide(a, b));
}

/** `a` counts members of a force, and `b` people its sentence says that force harmed. */
function harmedByOther(a: CasualtyFigure, b: CasualtyFigure): boolean {
  if (!a.who || !FORCE_WHO.test(a.who) || (b.who && FORCE_WHO.test(b.who))) return false;
  const facts = figureFacts(b);
  if (facts.byForce === undefined) {
    const at = b.quote.indexOf(b.countText);
    facts.byForce = at >= 0 && BY_FORCE.test(b.quote.slice(at, at + 120));
  }
  return facts.byForce;
}

const TIME_MARK =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:19|20)\d\d)\b|\b(?:since (?:the (?:start|beginning) of )?(?:last|this) year|(?:last|this|so far this|earlier this) year|(?:last|previous|past) (?:winter|summer|spring|autumn|season|decade)|in the past (?:\w+ )?(?:years?|decades?)|(?:a|one|two|three|four|five|ten|\d+) (?:years?|decades?) ago)\b/gi;
const occasionMemo = new Map<string, Set<string>>();

function occasionMarks(quote: string): Set<string> {
  let marks = occasionMemo.get(quote);
  if (!marks) {
    if (occasionMemo.size > 10_000) occasionMemo.clear();
    marks = new Set((quote.match(TIME_MARK) ?? []).map((m) => m.toLowerCase()));
    occasionMemo.set(quote, marks);
  }
  return marks;
}

/**
 * "In October, a blast in Jigawa state killed more than 150": a sentence dated to a month, a year or a period the
 * other sentence does not mention is about another occasion, so its count is background, not a rival total.
 */
function otherOccasion(quote: string, otherQuote: string): boolean {
  if (quote === otherQuote) return false;
  const other = occasionMarks(otherQuote);
  for (const m of occasionMarks(quote)) if (!other.has(m)) return true;
  return false;
}

const PLACE_MARK =
  /\b(?:in|across|near|outside)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|north|south|east|west)\s+)?([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2})/g;
const NOT_A_PLACE =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|A|An)$/;

const placeMemo = new Map<string, Set<string>>();

function placeWords(quote: string): Set<string> {
  let words = placeMemo.get(quote);
  if (!words) {
    if (placeMemo.size > 10_000) placeMemo.clear();
    words = new Set<string>();
    for (const m of quote.matchAll(PLACE_MARK)) {
      for (const w of m[1]!.split(/\s+/)) if (!NOT_A_PLACE.test(w)) words.add(w);
    }
    placeMemo.set(quote, words);
  }
  return words;
}

/** Both sentences name where, and no place of one is a place of the other. */
function otherPlace(a: string, b: string): boolean {
  if (a === b) return false;
  const x = placeWords(a);
  const y = placeWords(b);
  if (x.size === 0 || y.size === 0) return false;
  for (const w of x) if (y.has(w)) return false;
  return true;
}

// Who the dead were said to be by a side that fought: its count of them answers a count of civilians.
const COMBATANTS =
  /\b(?:terrorists?|militants?|fighters?|insurgents?|jihadists?|rebels?|gunmen|bandits|extremists?|combatants?)\b/i;
const NO_CIVILIANS =
  /\b(?:no|not|never|none of (?:them|the dead) (?:were|was))\s+(?:(?:a|any)\s+)?civilians?\b/i;

/**
 * `a` counts combatants in a sentence that denies civilians were harmed, `b` counts other people, and the two
 * sentences tell of the same attack: one paragraph, or the same words ("a drone strike on a wedding" and "a
 * high-precision strike"). A raid elsewhere that spared civilians answers no count of a market bombing.
 */
function disputedIdentity(a: CasualtyFigure, b: CasualtyFigure, together: boolean): boolean {
  return (
    !!a.who &&
    COMBATANTS.test(a.who) &&
    !(b.who && COMBATANTS.test(b.who)) &&
    NO_CIVILIANS.test(a.quote) &&
    (together || sameEvent(a.quote, b.quote))
  );
}

// Words any two casualty sentences share: the harm, the people, the telling, the day.
const COMMON_STEMS = contentStems(
  'killed died dead deaths people civilians casualties told officials statement according monday tuesday wednesday thursday friday saturday sunday night morning evening afternoon',
);

/** Two sentences about the same thing beyond the harm and the telling of it. */
function sameEvent(a: string, b: string): boolean {
  const stemsA = contentStems(a);
  for (const stem of contentStems(b)) if (stemsA.has(stem) && !COMMON_STEMS.has(stem)) return true;
  return false;
}

// Words for the same people: "inmates" and "prisoners" of one riot are one count.
const PEOPLE_SYNONYMS: ReadonlyArray<RegExp> = [
  /^(?:inmates?|prisoners?|detainees?|convicts?)$/,
  /^(?:soldiers?|troops|servicem[ae]n|service members?)$/,
];

/** Two groups of people that can be one count: the same words, or words for the same people. */
export function samePeople(a: string, b: string): boolean {
  if (GENERIC_WHO.test(a) || GENERIC_WHO.test(b) || a === b) return true;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return PEOPLE_SYNONYMS.some((re) => re.test(x) && re.test(y));
}

const SAW = /\b(?:saw|witnessed)\b/i;

/** `f` is a count someone saw, and the other count (span `other`) is at least as large. */
function seenFloor(f: CasualtyFigure, facts: FigureFacts, other: FigureFacts): boolean {
  return SAW.test(f.quote) && !!facts.span && !!other.span && facts.span[0] <= other.span[1];
}

/** Rival counts of one event differ by at most this factor without a cue, by at most APART with one. */
const CLOSE = 4;
const APART = 10;

const DENIES = /\b(?:denied|denies|deny|dismissed|rejected|disputed|refuted)\b/i;

function denies(a: CasualtyFigure, b: CasualtyFigure): boolean {
  return DENIES.test(a.quote) || DENIES.test(b.quote);
}

function cued(x: FigureFacts, a: CasualtyFigure, y: FigureFacts, b: CasualtyFigure): boolean {
  return hasRivalCue(x, a) || hasRivalCue(y, b);
}

/** What rivalCounts reads of one figure, read once per figure: it is asked about every pair of them. */
interface FigureFacts {
  superseded: boolean;
  source: Party | null;
  span: [number, number] | null;
  /** Whether the figure's sentence has a rival-count cue; read only when asked. */
  cue?: boolean;
  /** Whether its sentence says the people were harmed by a force ("hurt by police batons"); read when asked. */
  byForce?: boolean;
  /** Whether its sentence counts a country's own side ("on its side of the border"); read when asked. */
  ownSide?: boolean;
}

const factsMemo = new WeakMap<CasualtyFigure, FigureFacts>();

function figureFacts(f: CasualtyFigure): FigureFacts {
  let facts = factsMemo.get(f);
  if (!facts) {
    facts = {
      superseded: supersededFigure(f),
      source: f.attributedTo ? party(f.attributedTo) : null,
      span: span(f),
    };
    factsMemo.set(f, facts);
  }
  return facts;
}

function hasRivalCue(facts: FigureFacts, f: CasualtyFigure): boolean {
  return (facts.cue ??= RIVAL_CUE.test(f.quote));
}

/** The numbers a count can mean: "Hundreds" → 200..999, "at least 12" → 12..12, "nearly 100" → 100..100. */
function span(f: CasualtyFigure): [number, number] | null {
  const lo = f.min ?? f.max;
  if (lo === null) return null;
  if (f.qualifier !== 'vague') return [lo, f.max ?? lo];
  const hi = vagueCeiling(f.countText);
  return hi === null ? null : [lo, hi];
}

/**
 * Different counts of one size: different events in one story differ by orders of magnitude, rival counts do
 * not. A vague "dozens" or "hundreds" contradicts only a count it cannot mean ("hundreds" vs 1,480).
 */
function differentButComparable(
  x: [number, number] | null,
  y: [number, number] | null,
  vague: boolean,
  ratio: number,
): boolean {
  if (!x || !y || (x[0] === y[0] && x[1] === y[1])) return false;
  const overlap = Math.max(x[0], y[0]) <= Math.min(x[1], y[1]);
  if (vague && overlap) return false;
  const lo = Math.min(x[1], y[1]);
  return lo > 0 && Math.max(x[0], y[0]) / lo <= ratio;
}

/** Both counts in one sentence with "while", "whereas" or "but" between them. */
function contrastedInOneSentence(a: CasualtyFigure, b: CasualtyFigure): boolean {
  if (a.quote !== b.quote) return false;
  const [first, second] = a.quote.indexOf(a.countText) <= a.quote.indexOf(b.countText) ? [a, b] : [b, a];
  const i = a.quote.indexOf(first.countText);
  const j = a.quote.indexOf(second.countText, i + first.countText.length);
  return i >= 0 && j > i && CONTRAST_BETWEEN.test(a.quote.slice(i, j));
}

/**
 * Counts of the same harm that two sources report differently ("129" vs "at least 40"), one claim per pair of
 * sources, showing the latest count each gave: "98", then "bringing the toll to 133", against "closer to 200"
 * is a dispute with 133.
 */
function conflictingFigures(
  figures: CasualtyFigure[],
  paragraphs: ReadonlyMap<string, number>,
): ContestedClaim[] {
  // Only current, attributed totals can be rivals; the first MAX_RIVAL_TOTALS of each harm are compared.
  const perKind = new Map<CasualtyKind, number>();
  const totals = figures.filter((f) => {
    if (f.partOf !== null || !f.attributedTo || figureFacts(f).superseded) return false;
    const n = perKind.get(f.kind) ?? 0;
    perKind.set(f.kind, n + 1);
    return n < MAX_RIVAL_TOTALS;
  });
  const out: Array<{ claim: ContestedClaim; claimant: Party; disputedBy: Party }> = [];
  for (let i = 0; i < totals.length; i++) {
    for (let j = i + 1; j < totals.length; j++) {
      const a = totals[i]!;
      const b = totals[j]!;
      if (a.kind !== b.kind || !rivalCounts(a, b, true, paragraphs)) continue;
      const pa = figureFacts(a).source!;
      const pb = figureFacts(b).source!;
      const at = out.findIndex(
        (c) =>
          (sameParty(c.claimant, pa) && sameParty(c.disputedBy, pb)) ||
          (sameParty(c.claimant, pb) && sameParty(c.disputedBy, pa)),
      );
      const claim = { claim: rivalClaim(a, b), claimant: pa, disputedBy: pb };
      if (at >= 0) out[at] = claim;
      else if (out.length < MAX_CONTESTED) out.push(claim);
    }
  }
  return out.map((c) => c.claim);
}

function rivalClaim(a: CasualtyFigure, b: CasualtyFigure): ContestedClaim {
  // "around 15 terrorists" is not a count of the civilians the other side counts: each keeps its own words.
  const own =
    (a.who && b.who && !samePeople(a.who, b.who)) ||
    COMBATANTS.test(a.who ?? '') !== COMBATANTS.test(b.who ?? '');
  const count = (f: CasualtyFigure): string => (own && f.who ? `${f.countText} ${f.who}` : f.countText);
  const people = own ? 'people' : (a.who ?? b.who ?? 'people');
  return {
    claim: `Conflicting counts of ${people} ${a.kind}: ${count(a)} (${a.attributedTo}) vs ${count(b)} (${b.attributedTo})`,
    claimant: a.attributedTo!,
    disputedBy: b.attributedTo!,
    quotes: a.quote === b.quote ? [a.quote] : [a.quote, b.quote],
  };
}

const OPENER_VERB =
  /^\s*(?:,[^,]{1,160},\s*)?(?:\w+\s+){0,4}?(?:said|says|told|tells|insisted|insists|maintained|claimed|claims)\b/;

/**
 * The party a sentence opens with, when the sentence is that party's plain statement ("Opposition lawmakers said
 * …"): a named source as the subject of "said", whose statement is not itself a figure's attribution.
 */
function sentenceSubject(sentence: Sentence, sources: readonly Source[]): Source | null {
  const first = sources[0];
  if (!first || first.pronoun || !PLAIN_SAY.has(first.verb) || !/[A-Z]/.test(first.text)) return null;
  if (sentence.text.slice(0, first.start).trim() !== '') return null;
  // "A U.S. defense official, speaking on condition of anonymity …, said": an aside may stand before the verb.
  const rest = sentence.text.slice(first.start + first.text.length, first.cue + 40);
  if (!OPENER_VERB.test(rest)) return null;
  return first;
}

// "… was false", "were grossly inflated": a rebuttal of something another party put out.
const REBUTTAL = new RegExp(
  String.raw`\b(?:was|were|is|are|had been|has been)\s+["“]?(?:(?:wildly|grossly|completely|simply|totally|greatly|vastly|hugely|highly)\s+)?["“]?(?:${FALSE_WORDS})\b`,
  'i',
);
const REBUTTED_HEAD =
  /\b(?:figures?|toll|tally|count|numbers?|estimates?|claims?|account|version|reports?|allegations?|stud(?:y|ies)|findings|research|survey|analysis)$/i;
// Where the rebutted phrase begins: after the speech verb, "that" or a clause break.
const PHRASE_START = /(?:\b(?:that|said|says|saying|insisted|insisting|added|adding|stated)\b|[,;:])\s*/gi;
// Words that describe a count rather than name whose it is ("the death toll", "the official figure").
const NOT_A_PARTY =
  /^(?:death|casualty|official|initial|earlier|latest|new|reported|final|actual|real|true|same|previous|whole|overall)$/i;

/** What a rebuttal sentence rejects: the phrase itself, and the party or number it names, if any. */
interface Rebutted {
  phrase: string;
  /** "the health ministry" in "the health ministry's figure", "the resistance force" in "reported by …". */
  party: string | null;
  /** "300" in "the figure of 300". */
  number: string | null;
}

function rebuttedPhrase(s: string, at: number): Rebutted | null {
  const before = s.slice(0, at);
  let start = 0;
  for (const m of before.matchAll(PHRASE_START)) start = m.index + m[0].length;
  const phrase = before.slice(start).trim();
  if (phrase.split(/\s+/).length > 10) return null;
  const byParty =
    /^(.*?)\s+(?:reported|given|released|issued|circulated|cited|published|put out)\s+by\s+(.+)$/i.exec(
      phrase,
    );
  const head = byParty ? byParty[1]! : phrase;
  const numbered = /^(.*?)\s+of\s+(\S+)$/i.exec(head);
  const noun = numbered ? numbered[1]! : head;
  if (!REBUTTED_HEAD.test(noun)) return null;
  const possessive = /^(.+?)['’]s?\s+(?:[a-z]+\s+)?\S+$/.exec(noun);
  const modifier = /^the\s+([a-z]+)\s+\S+$/.exec(noun);
  const party =
    byParty?.[2] ?? possessive?.[1] ?? (modifier && !NOT_A_PARTY.test(modifier[1]!) ? modifier[1]! : null);
  return { phrase, party, number: numbered ? numbered[2]! : null };
}

/**
 * The latest figure from the party a rebuttal names: "the ministry's figure" is the ministry's; "the group's
 * figures" is the figure whose sentence introduced its source as a group ("…, a rights group that keeps a tally").
 */
function partyFigure(figures: CasualtyFigure[], named: string, disputer: string): CasualtyFigure | undefined {
  const by = party(disputer);
  const of = party(named);
  const latest = [...figures].reverse().filter((f) => !sameParty(figureFacts(f).source!, by));
  const given = latest.find((f) => sameParty(figureFacts(f).source!, of));
  if (given) return given;
  const noun = /^the\s+([a-z]+)$/i.exec(named)?.[1];
  return noun ? latest.find((f) => new RegExp(`\\b${noun}\\b`, 'i').test(f.quote)) : undefined;
}

/** The figure a rebuttal names by its number ("the figure of 300"), given by someone other than the rebutter. */
function figureNumbered(
  figures: CasualtyFigure[],
  number: string,
  disputer: string,
): CasualtyFigure | undefined {
  const escaped = number.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const token = new RegExp(`(?:^|[^\\d,.])${escaped}(?![\\d,.]\\d)`);
  const by = party(disputer);
  return figures.find((f) => token.test(f.countText) && !sameParty(figureFacts(f).source!, by));
}

/**
 * "The ministry said the figure of 300 was false", "…said the health ministry's figure was inflated",
 * "saying the army's figures were wrong": who said what is rejected, from the number or party the rebuttal
 * names. A rebuttal naming neither ("said that was untrue") is read against the sentence before instead.
 */
function namedRebuttal(
  sentence: Sentence,
  sources: readonly Source[],
  figures: CasualtyFigure[],
  speakers: Parties,
  statements: Statements,
): ContestedClaim | null {
  const s = sentence.text;
  const predicate = REBUTTAL.exec(s);
  if (!predicate) return null;
  const rebutted = rebuttedPhrase(s, predicate.index);
  if (!rebutted) return null;
  const phraseAt = predicate.index - rebutted.phrase.length;
  const disputer = sources.filter((x) => !x.pronoun && x.cue < phraseAt).pop();
  if (!disputer) return null;
  // "said the study was speculative": a study names no party, but researchers put it out.
  const study =
    !rebutted.party && !rebutted.number && STUDY_NOUN.test(rebutted.phrase)
      ? statements.latest((x) => RESEARCHERS.test(x.source.text) && !sameSource(x.source.text, disputer.text))
      : undefined;
  const named = rebutted.party ?? study?.source.text ?? null;
  if (!named && !rebutted.number) return null;
  const figure = rebutted.number
    ? figureNumbered(figures, rebutted.number, disputer.text)
    : partyFigure(figures, named!, disputer.text);
  const claimant =
    figure?.attributedTo ??
    (named ? (speakers.find(named) ?? statements.by(named, disputer.text)?.source.text ?? named) : null);
  if (!claimant || sameSource(claimant, disputer.text)) return null;
  // The claimant's own sentence is quoted with the rebuttal, so an editor sees who said what was rejected.
  const said = figure ? null : (study ?? statements.by(claimant, disputer.text));
  const from = figure?.quote ?? said?.sentence.text;
  const quotes = from && from !== s ? [from, s] : [s];
  return {
    claim: figure
      ? `${claimant} ${reports(claimant)} ${figure.countText} ${figure.who ?? 'people'} ${figure.kind}`
      : rebutted.phrase.charAt(0).toUpperCase() + rebutted.phrase.slice(1),
    claimant,
    disputedBy: disputer.text,
    quotes,
  };
}

// "The army insisted its troops did not fire on civilians. However, witnesses told The Associated Press that
// soldiers shot at the crowd."
const HOWEVER_START = /^(?:However|But|Yet|Nevertheless)\b,?\s+/;
const FIRM_CLAIM = new Set([
  'insisted',
  'insists',
  'claimed',
  'claims',
  'maintained',
  'maintains',
  'denied',
  'denies',
  'deny',
]);

/**
 * A sentence opening with "However," whose own source answers the source of the sentence before: a dispute when
 * the first party insisted or claimed, or when one of the two statements denies what the other affirms.
 */
function howeverReply(
  sentence: Sentence,
  sources: readonly Source[],
  previous: Previous | null,
): ContestedClaim | null {
  const s = sentence.text;
  if (!HOWEVER_START.test(s) || !previous || previous.sentence.paragraph !== sentence.paragraph) return null;
  const claimant = firstNamed(previous.sources, (x) => CLAIM_VERBS.has(x.verb));
  const replier = firstNamed(sources, (x) => !DISPUTE_VERBS.has(x.verb));
  if (!claimant || !replier || sameSource(claimant.text, replier.text)) return null;
  const claimed = previous.sentence.text.slice(claimant.cue);
  const replied = s.slice(replier.cue);
  if (!FIRM_CLAIM.has(claimant.verb) && NEGATION.test(claimed) === NEGATION.test(replied)) return null;
  return {
    claim: claimFrom(claimant, previous.sentence.text, previous.sentence.text.length),
    claimant: claimant.text,
    disputedBy: replier.text,
    quotes: [previous.sentence.text, s],
  };
}

const DENIAL_VERBS = new Set(['denied', 'denies', 'deny']);
// A sentence about a count: a rebuttal in it is about the count, as a rival count is.
const COUNT_TALK =
  /\d|\b(?:figures?|toll|tally|count|numbers?|estimates?|dead|deaths?|killed|injured|wounded|arrested|detained|missing)\b/i;
const QUOTE_START = /^\s*["“]/;

// "Kenyan police denied that 20 people were killed", "Officials dismissed claims that 50 people had died".
const TOLL_DENIAL =
  /\b(?:denied|denies|deny|dismissed|rejected|disputed|refuted)\s+(?:(?:the\s+)?(reports?|claims?|rumou?rs|allegations?|accounts?|suggestions?)\s+)?that\s+([^;]{1,200}?\b(?:killed|died|dead|deaths|wounded|injured|hurt|missing|arrested|detained)\b[^,;.]*)/i;
// "Rumors that 100 people had died were untrue, police spokeswoman Resila Onyango said.", "Update, 4.10pm: Rumours on
// social media that a dozen climbers had been buried … were false, police said." (a live blog's time stamp first).
const FALSE_TOLL_BODY = String.raw`(?:the\s+)?((?:reports?|claims?|rumou?rs|allegations?|suggestions?|accounts?|posts?)(?:\s+(?:(?:circulating|shared|spread(?:ing)?|posted)\s+)?(?:online|(?:on|in|across)\s+(?:the\s+)?[\w-]+(?:\s+media)?))?)\s+that\s+(.{1,200}?\b(?:killed|died|dead|deaths|wounded|injured|hurt|missing|arrested|detained|buried|trapped|drowned|shot|kidnapped|abducted)\b.{0,80}?)\s+(?:were|was|are|is)\s+["“]?(?:(?:wildly|completely|simply|totally|grossly)\s+)?(?:untrue|false|baseless|unfounded|wrong|incorrect|not true|fabricated|exaggerated|inflated)\b`;
const FALSE_TOLL = new RegExp(String.raw`^(?:[^:]{1,40}:\s+)?${FALSE_TOLL_BODY}`, 'i');
// "Police said rumours that a dozen climbers had been buried were false."
const SAID_FALSE_TOLL = new RegExp(
  String.raw`\b(?:said|says|insisted|insists|added|stressed)\s+(?:that\s+)?${FALSE_TOLL_BODY}`,
  'i',
);
const A_COUNT =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|dozens?|scores|hundreds|thousands)\b/i;

/**
 * A toll one party denies: a contested assertion, not a figure. The claimant is whoever gave that toll — named
 * in the sentence, or an earlier figure of the same number from another party — else the reports, rumours or
 * claims as the article calls them; with none of these written there is no claimant to show.
 */
function deniedToll(
  sentence: Sentence,
  sources: readonly Source[],
  figures: CasualtyFigure[],
): ContestedClaim | null {
  const s = sentence.text;
  const denial = TOLL_DENIAL.exec(s);
  const falseToll = denial ? null : FALSE_TOLL.exec(s);
  const saidFalse = denial || falseToll ? null : SAID_FALSE_TOLL.exec(s);
  const m = denial ?? falseToll ?? saidFalse;
  if (!m || !A_COUNT.test(m[2]!)) return null;
  const denier = denial
    ? sources.filter((x) => !x.pronoun && x.cue <= denial.index).pop()
    : saidFalse
      ? sources.filter((x) => !x.pronoun && x.cue <= saidFalse.index).pop()
      : firstNamed(sources, (x) => x.start > falseToll![0].length);
  if (!denier) return null;
  const body = stripEnd(m[2]!);
  const number = /\d[\d,.]*/.exec(body)?.[0];
  const by = party(denier.text);
  const earlier = number
    ? figures.find(
        (f) => f.quote !== s && f.countText.includes(number) && !sameParty(figureFacts(f).source!, by),
      )
    : undefined;
  const noun = m[1];
  const claimant = earlier?.attributedTo ?? noun;
  if (!claimant) return null;
  const claim = earlier?.attributedTo
    ? `${claimant} ${reports(claimant)} that ${body}`
    : `${noun!.charAt(0).toUpperCase()}${noun!.slice(1)} that ${body}`;
  return {
    claim,
    claimant,
    disputedBy: denier.text,
    quotes: earlier ? [earlier.quote, s] : [s],
  };
}

// "…, when the government accused the ELN of bombing an oil pipeline": the accuser and the accused.
const ACCUSED = /\baccused\s+((?:the\s+)?[^,;]{1,60}?)\s+of\s+([^;]{1,200}?)(?=[,;.]|$)/i;
const ACTOR_STEMS = contentStems(
  'people police officers soldiers troops army forces military government officials authorities civilians residents',
);
// Words of the denier's own statement that say nothing of what is denied.
const DENIAL_TAIL = /,\s*(?:saying|adding|insisting|arguing)\b|;/i;

/** Whether two names are one party: the same name, or one institution ("police" and "A police spokesman"). */
function oneParty(a: string, b: string): boolean {
  return sameSource(a, b) || INSTITUTIONS.some((re) => re.test(a) && re.test(b));
}

/**
 * "The government accused the rebels of shelling the town. The rebels denied the charge.": the accusation in the
 * sentence before is what is denied, whether or not the accuser said more in that sentence.
 */
function accusationOf(before: Previous, by: string, s: string): ContestedClaim | null {
  const p = before.sentence.text;
  const accusation = ACCUSED.exec(p);
  if (!accusation || !oneParty(accusation[1]!, by)) return null;
  const subject = speakerBefore(p, accusation.index, 'accused');
  const accuser =
    subject && !subject.pronoun ? subject : firstNamed(before.sources, (x) => !DISPUTE_VERBS.has(x.verb));
  if (!accuser || oneParty(accuser.text, by)) return null;
  return {
    claim: `${accuser.text} accused ${accusation[1]!} of ${stripEnd(accusation[2]!)}`,
    claimant: accuser.text,
    disputedBy: by,
    quotes: [p, s],
  };
}

// "told the court that Southern Vale had failed to report 1,642 spills": the named party a statement accuses.
const ACCUSED_SUBJECT =
  /\bthat\s+((?:the\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4})\s+(?:had|has|have|was|were|is|are|did|knew|failed|deliberately|repeatedly)\b/;

/**
 * "The Environment Agency told the court that Southern Vale had failed to report spills … The company has always
 * denied that …": a denier named only by its kind is the party the statement it answers accused.
 */
function accusedIn(said: string, claimant: string): string | null {
  const name = ACCUSED_SUBJECT.exec(said)?.[1];
  return name && !sameSource(name, claimant) ? name : null;
}

/**
 * What a denial opening its sentence answers ("Police spokesman Mateus Rodrigues denied that officers had used
 * tear gas"): the statement just before it in the same paragraph; else an accusation there against the denier
 * ("…the government accused the ELN of bombing an oil pipeline … The ELN denied carrying out the attack"); else
 * the latest statement of the last paragraphs about the same thing ("Several witnesses told AFP that police
 * fired tear gas"), from another party.
 */
function deniedStatement(
  sentence: Sentence,
  denial: Source,
  previous: Previous | null,
  statements: Statements,
): ContestedClaim | null {
  const s = sentence.text;
  const by = denial.text;
  const adjoining = previous && previous.sentence.paragraph === sentence.paragraph ? previous : null;
  const p = adjoining?.sentence.text ?? '';
  const claimant = adjoining ? firstNamed(adjoining.sources, (x) => !DISPUTE_VERBS.has(x.verb)) : undefined;
  const accused = adjoining ? accusationOf(adjoining, by, s) : null;
  if (accused) return accused;
  if (claimant) {
    if (sameSource(claimant.text, by)) return null;
    return {
      claim: claimFrom(claimant, p, p.length),
      claimant: claimant.text,
      disputedBy: ANAPHOR.test(by.trim()) ? (accusedIn(p.slice(claimant.cue), claimant.text) ?? by) : by,
      quotes: [p, s],
    };
  }
  const after = s.slice(denial.cue);
  const tail = DENIAL_TAIL.exec(after);
  const what = contentStems(tail ? after.slice(0, tail.index) : after);
  // What was done is the evidence, not who did it: "soldiers fired into the air" and "denied that its soldiers had
  // killed anyone" are not one matter.
  for (const stem of contentStems(by)) what.delete(stem);
  for (const stem of ACTOR_STEMS) what.delete(stem);
  if (what.size === 0) return null;
  const answered = statements.latest(
    (x) =>
      x.sentence.paragraph >= sentence.paragraph - 2 &&
      !sameSource(x.source.text, by) &&
      [...contentStems(x.sentence.text.slice(x.source.cue))].some((stem) => what.has(stem)),
  );
  if (!answered) return null;
  const q = answered.sentence.text;
  return {
    claim: claimFrom(answered.source, q, q.length),
    claimant: answered.source.text,
    disputedBy: by,
    quotes: [q, s],
  };
}

// "Police denied using live ammunition and said no one had died": a count of none, of the harm it names.
const NO_ONE =
  /\b(?:no one|nobody|none)\s+(?:had\s+|was\s+|were\s+|has\s+)?(?:been\s+)?(died|killed|dead|hurt|injured|wounded|arrested|detained)\b|\bno\s+(deaths|casualties|fatalities|injuries|arrests)\b/i;
const KIND_OF_WORD: ReadonlyArray<[RegExp, CasualtyKind]> = [
  [/^(?:died|killed|dead|deaths|casualties|fatalities)$/i, 'killed'],
  [/^(?:hurt|injured|wounded|injuries)$/i, 'injured'],
  [/^(?:arrested|detained|arrests)$/i, 'detained'],
];

/** The harm a sentence says nobody suffered ("no one was hurt" → injured), or null. */
export function noneCounted(text: string): CasualtyKind | null {
  const m = NO_ONE.exec(text);
  if (!m) return null;
  const word = (m[1] ?? m[2])!;
  return KIND_OF_WORD.find(([re]) => re.test(word))?.[1] ?? null;
}

/**
 * "The police said the crowd was peaceful and no one was hurt. Hospital staff said they had treated 14 people for
 * injuries.": one party's none against another's count of the same harm, in adjoining sentences of a paragraph.
 */
function noneAgainstCount(
  sentence: Sentence,
  sources: readonly Source[],
  previous: Previous | null,
  byQuote: ReadonlyMap<string, CasualtyFigure[]>,
): ContestedClaim | null {
  if (!previous || previous.sentence.paragraph !== sentence.paragraph) return null;
  const pairs: Array<[Sentence, readonly Source[], Sentence]> = [
    [sentence, sources, previous.sentence],
    [previous.sentence, previous.sources, sentence],
  ];
  for (const [none, noneSources, counted] of pairs) {
    const kind = noneCounted(none.text);
    const speaker = kind ? firstNamed(noneSources) : undefined;
    if (!speaker) continue;
    const by = party(speaker.text);
    const count = byQuote
      .get(counted.text)
      ?.find(
        (f) =>
          f.kind === kind && f.partOf === null && f.attributedTo && !sameParty(figureFacts(f).source!, by),
      );
    if (!count) continue;
    const them = count.attributedTo!;
    const claim = `${them} ${reports(them)} ${count.countText} ${count.who ?? 'people'} ${count.kind}`;
    // Shown in article order: whoever spoke first is the claimant.
    return none === sentence
      ? { claim, claimant: them, disputedBy: speaker.text, quotes: [counted.text, none.text] }
      : {
          claim: claimFrom(speaker, none.text, none.text.length),
          claimant: speaker.text,
          disputedBy: them,
          quotes: [none.text, counted.text],
        };
  }
  return null;
}

// "The district magistrate said the official toll of 34 was accurate", "the ministry stood by its count": a party
// upholding a count, against whoever just gave another.
const UPHELD =
  /\b(?:(?:said|says|insisted|insists|maintained|maintains)\s+(?:that\s+)?(?:the|its|their)\s+(?:(?:official|government['’]?s?|confirmed|reported|current|published|district|state)\s+)*(toll|figure|count|tally|number)(?:\s+of\s+(\d[\d,]*|[a-z-]+))?\s+(?:was|is|remained|remains|had been|has been)\s+(?:(?:entirely|completely|fully|still)\s+)?(?:accurate|correct|right|true|reliable|credible)|st(?:ood|ands)\s+by\s+(?:its|their|the)\s+(?:official\s+)?(toll|figure|count|tally)(?:\s+of\s+(\d[\d,]*|[a-z-]+))?)\b/i;

/**
 * A party upholding a count it names against a different count another party gave in the same or the paragraph
 * before: the other party's count is disputed by it. Returns the claim and the source of the count upheld.
 */
function defendedCount(
  sentence: Sentence,
  sources: readonly Source[],
  figures: CasualtyFigure[],
  paragraphOf: ReadonlyMap<string, number>,
): { claim: ContestedClaim; defended: string } | null {
  const s = sentence.text;
  const m = UPHELD.exec(s);
  if (!m) return null;
  const defender = sources.filter((x) => !x.pronoun && x.cue <= m.index + 1).pop();
  if (!defender) return null;
  const noun = (m[1] ?? m[3])!.toLowerCase();
  const number = m[2] ?? m[4];
  const value = number && /^\d/.test(number) ? Number(number.replace(/,/g, '')) : null;
  const by = party(defender.text);
  const fits = (f: CasualtyFigure): boolean =>
    f.partOf === null && !!f.attributedTo && (noun !== 'toll' || f.kind === 'killed');
  // "said the figure was accurate" with no number may only confirm the count just given: the count upheld must be
  // named, and another party must have given a different one.
  const upheld = value === null ? undefined : figures.find((f) => fits(f) && (f.min ?? f.max) === value);
  if (!upheld) return null;
  const challenged = [...figures]
    .reverse()
    .find(
      (f) =>
        fits(f) &&
        f.quote !== s &&
        f.kind === upheld.kind &&
        (f.min ?? f.max) !== value &&
        !sameParty(figureFacts(f).source!, by) &&
        !sameParty(figureFacts(f).source!, figureFacts(upheld).source!) &&
        (paragraphOf.get(f.quote) ?? -1) >= sentence.paragraph - 1,
    );
  if (!challenged) return null;
  const them = challenged.attributedTo!;
  return {
    claim: {
      claim: `${them} ${reports(them)} ${challenged.countText} ${challenged.who ?? 'people'} ${challenged.kind}`,
      claimant: them,
      disputedBy: defender.text,
      quotes: [challenged.quote, s],
    },
    defended: upheld.attributedTo!,
  };
}

// People the dead are said to have been when a side says they were not fighters.
const NOT_COMBATANTS = String.raw`civilians|farmers|villagers|herders|fishermen|students|children|women|worshippers|worshipers|guests|mourners|patients`;
// "The military said those killed were all insurgents" after "the strike killed 30 villagers".
const DEAD_WERE = new RegExp(
  String.raw`\b(?:those (?:killed|who died)|the (?:dead|victims|people killed)|all (?:of )?(?:the dead|those killed|the victims))\s+(?:were|had been)\s+(?:all\s+)?(?:(?:armed|foreign|suspected|unarmed|local)\s+)?(${COMBATANTS.source}|${NOT_COMBATANTS})`,
  'i',
);

/**
 * A party saying who the dead were, against another party's count of other people: "those killed were all
 * insurgents" answers "the strike killed 30 villagers"; "all the dead were civilians" answers "killed 12
 * militants".
 */
function deadWere(s: string, sources: readonly Source[], figures: CasualtyFigure[]): ContestedClaim | null {
  const m = DEAD_WERE.exec(s);
  if (!m) return null;
  const speaker = firstNamed(sources);
  if (!speaker) return null;
  const combatants = COMBATANTS.test(m[1]!);
  const by = party(speaker.text);
  const answered = [...figures]
    .reverse()
    .find(
      (f) =>
        f.kind === 'killed' &&
        f.quote !== s &&
        !!f.who &&
        COMBATANTS.test(f.who) !== combatants &&
        !sameParty(figureFacts(f).source!, by),
    );
  if (!answered?.attributedTo) return null;
  return {
    claim: `${answered.attributedTo} ${reports(answered.attributedTo)} ${answered.countText} ${answered.who} killed`,
    claimant: answered.attributedTo,
    disputedBy: speaker.text,
    quotes: [answered.quote, s],
  };
}

// "estimated the crowd at between 275,000 and 300,000", "Police put the crowd at 107,000": a crowd is no
// casualty figure, but rival estimates of its size are a dispute an editor wants shown.
const CROWD_COUNT = String.raw`(?:between\s+)?(?:(?:about|around|some|roughly|nearly|more than|at least|up to|over)\s+)?\d(?:[\d,.]*\d)?(?:\s+(?:million|thousand))?(?:\s+(?:and|to)\s+\d(?:[\d,.]*\d)?(?:\s+(?:million|thousand))?)?`;
const CROWD_AT = new RegExp(
  String.raw`\b(?:estimated|put|placed|gave)\s+(?:the\s+)?(?:size of the\s+)?(crowd|turnout|attendance|number)(?:\s+size)?\s+at\s+(${CROWD_COUNT})`,
  'i',
);
// "Organisers said about 50,000 people took part": a crowd counted by its speaker.
const CROWD_JOINED = new RegExp(
  String.raw`\b(${CROWD_COUNT})\s+(?:people|protesters|demonstrators|marchers|supporters|participants)\s+(?:had\s+)?(?:took part|taken part|attended|joined|marched|rallied|turned out|gathered)\b`,
  'i',
);

interface CrowdEstimate {
  noun: string;
  count: string;
  by: string;
  quote: string;
}

/**
 * A party's estimate of a crowd in a sentence. "put the number at 12,000" is one only after a crowd was counted:
 * elsewhere the number is of the dead or the detained, which the figures compare.
 */
function crowdEstimate(
  s: string,
  sources: readonly Source[],
  counted: readonly CrowdEstimate[],
): CrowdEstimate | null {
  const at = CROWD_AT.exec(s);
  const m = at && (at[1]!.toLowerCase() !== 'number' || counted.length > 0) ? at : CROWD_JOINED.exec(s);
  if (!m) return null;
  const by = at === m ? sources.filter((x) => !x.pronoun && x.cue <= m.index + 1).pop() : firstNamed(sources);
  if (!by) return null;
  const noun = at === m && m[1]!.toLowerCase() !== 'number' ? m[1]!.toLowerCase() : 'crowd';
  return { noun, count: at === m ? m[2]! : m[1]!, by: by.text, quote: s };
}

/**
 * A party accusing one that spoke just before it, in the same paragraph: the accused's statement is disputed.
 * "the agency" is the party whose name holds the word ("Lagos State Building Control Agency general manager
 * Gbolahan Oki").
 */
function accusedSpeaker(
  sentence: Sentence,
  sources: readonly Source[],
  statements: Statements,
): ContestedClaim | null {
  const s = sentence.text;
  const accusation = ACCUSED.exec(s);
  if (!accusation) return null;
  const accuser = firstNamed(sources, (x) => x.cue < accusation.index && !DISPUTE_VERBS.has(x.verb));
  if (!accuser) return null;
  const target = accusation[1]!.trim();
  const noun = /^the\s+([a-z]+)$/i.exec(target)?.[1];
  const word = noun ? new RegExp(`\\b${noun}\\b`, 'i') : null;
  const answered = statements.latest(
    (x) =>
      x.sentence.paragraph === sentence.paragraph &&
      x.sentence.index >= sentence.index - 2 &&
      !sameSource(x.source.text, accuser.text) &&
      (sameSource(x.source.text, target) || (word !== null && word.test(x.source.text))),
  );
  if (!answered) return null;
  const q = answered.sentence.text;
  return {
    claim: claimFrom(answered.source, q, q.length),
    claimant: answered.source.text,
    disputedBy: accuser.text,
    quotes: [q, s],
  };
}

/** The party a rebuttal sentence speaks for: the nearest source at or before the rebutting verb. */
function rebuttalSubject(
  s: string,
  sources: readonly Source[],
  rebuttal: RegExpExecArray,
): Source | undefined {
  return (
    sources.filter((x) => !x.pronoun && x.cue <= rebuttal.index + 1).pop() ??
    speakerBefore(s, rebuttal.index, rebuttal[0].split(/\s/)[0]!.toLowerCase()) ??
    undefined
  );
}

/** "the army" in "rejected the army's account", or null when the rebuttal names no one's statement. */
function possessor(rebuttal: string): string | null {
  const m = /^\S+\s+((?:the\s+)?[\w.-]+(?:\s+[\w.-]+){0,3}?)['’]s?\s+(?:[\w’'-]+\s+)?[\w-]+$/i.exec(rebuttal);
  return m && !/^(?:that|this|those|these|such|its|their)\b/i.test(m[1]!) ? m[1]! : null;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// "the Monday statement", "the January figures": a time, not whose statement.
const TIME_WORD =
  /^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|October|November|December|New|Last|First|Latest|Official|Initial|Earlier)$/;

/** "Islamic State" in "called the Islamic State claim", "ISKP" in "rejected the ISKP figure": a name before the noun. */
function namedOwner(rebuttal: string): string | null {
  const name =
    /^\S+\s+(?:the|that|this)\s+((?:[A-Z][\w.&-]*\s+){1,3}?)(?:[a-z]+\s+)?(?:figures?|claims?|account|reports?|tolls?|numbers?|allegations?|accusations?|estimates?|count|tally|version|statements?)\b/
      .exec(rebuttal)?.[1]
      ?.trim();
  return name && !name.split(/\s+/).some((w) => TIME_WORD.test(w)) ? name : null;
}

/**
 * Who speaks in a sentence: its first named source, else the party its "it" or "he" stands for, the last one
 * named in the same paragraph.
 */
function speakerOf(sentence: Sentence, sources: readonly Source[], last: Statement | null): Statement | null {
  const said = firstNamed(sources, (x) => !DISPUTE_VERBS.has(x.verb));
  if (said) return { sentence, source: said };
  return sources.some((x) => x.pronoun) && last?.sentence.paragraph === sentence.paragraph ? last : null;
}

interface Previous {
  sentence: Sentence;
  sources: readonly Source[];
  /** Who spoke in it: its first named source, or the party its "it"/"he"/"they" stands for. */
  speaker: Statement | null;
}

/** A named party's statement: the party as written and the sentence it speaks in. */
interface Statement {
  sentence: Sentence;
  source: Source;
}

// One institution is called by several names in one story: "the armed forces general staff" gives the
// statement, a relative rejects "the army's account".
const INSTITUTIONS: ReadonlyArray<RegExp> = [
  /\b(?:army|military|armed forces|general staff|junta|troops|soldiers)\b/i,
  /\b(?:police|policemen|officers)\b/i,
];
// Who puts out a study: "said the study was speculative" answers the researchers' estimate.
const STUDY_NOUN = /\b(?:stud(?:y|ies)|research|findings|survey|analysis)$/i;
const RESEARCHERS =
  /\b(?:researchers?|scientists?|academics?|epidemiologists?|statisticians?|stud(?:y|ies)|survey|universit(?:y|ies)|institute|observatory|think tank)\b/i;
/** Statements looked back over for the party a rebuttal or a denial answers. */
const STATEMENT_REACH = 30;

/** The named parties' statements so far, latest last, for rebuttals that name whose statement they reject. */
class Statements {
  private readonly list: Statement[] = [];

  add(sentence: Sentence, sources: readonly Source[]): void {
    for (const source of sources) {
      if (!source.pronoun && !source.onward && !DISPUTE_VERBS.has(source.verb)) {
        this.list.push({ sentence, source });
      }
    }
    if (this.list.length > 4 * STATEMENT_REACH) this.list.splice(0, this.list.length - STATEMENT_REACH);
  }

  /** The latest of the last STATEMENT_REACH statements that `pred` accepts. */
  latest(pred: (x: Statement) => boolean): Statement | undefined {
    const stop = Math.max(0, this.list.length - STATEMENT_REACH);
    for (let i = this.list.length - 1; i >= stop; i--) if (pred(this.list[i]!)) return this.list[i];
    return undefined;
  }

  /** The latest statement by a party whose name holds `name` as whole words ("Islamic State's Khorasan branch"). */
  naming(name: string, not: string): Statement | undefined {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const word = new RegExp(`(?:^|[^\\w])${escaped}(?![\\w])`, 'i');
    return this.latest((x) => word.test(x.source.text) && !sameSource(x.source.text, not));
  }

  /** The latest statement by `party` ("the army"), or by the institution it names under another name. */
  by(party: string, not: string): Statement | undefined {
    const p = party.trim();
    return (
      this.latest((x) => sameSource(x.source.text, p) && !sameSource(x.source.text, not)) ??
      INSTITUTIONS.filter((re) => re.test(p))
        .map((re) => this.latest((x) => re.test(x.source.text) && !sameSource(x.source.text, not)))
        .find((x) => x !== undefined)
    );
  }
}

// The offline analyzer asks for the disputes, and the sourcing notes ask again whether the headline figure is
// disputed: both ask about the same sentences and figures, which are read once.
const contestedMemo = new WeakMap<Sentence[], { figures: CasualtyFigure[]; found: ContestedClaim[] }>();

/** Contested assertions, in article order, at most one per pair of parties. */
export function findContested(sentences: Sentence[], figures: CasualtyFigure[]): ContestedClaim[] {
  const memo = contestedMemo.get(sentences);
  if (memo?.figures === figures) return memo.found;
  const found = readContested(sentences, figures);
  contestedMemo.set(sentences, { figures, found });
  return found;
}

function readContested(sentences: Sentence[], figures: CasualtyFigure[]): ContestedClaim[] {
  const strong: ContestedClaim[] = [];
  const weak: ContestedClaim[] = [];
  let previous: Previous | null = null;
  let earlier: Previous | null = null;
  let lastStatement: { sentence: Sentence; subject: Source } | null = null;
  /** The latest sentence with a named party speaking, for the "it" or "he" of the sentences after it. */
  let lastSpeaker: Statement | null = null;
  /** The first party to claim an attack, for a rival claim of it. */
  let responsible: Statement | null = null;
  const speakers = new Parties();
  const statements = new Statements();
  const crowds: CrowdEstimate[] = [];
  const stated = new StatedTotals(figures);
  const byWho = figuresByWho(figures);
  const figuresByQuote = new Map<string, CasualtyFigure[]>();
  for (const f of figures) listFor(figuresByQuote, f.quote).push(f);
  const paragraphOf = new Map(sentences.map((x) => [x.text, x.paragraph]));
  /** A defence of a count ("said the official toll of 34 was accurate"): whose count it upholds. */
  const defended = new Map<ContestedClaim, string>();

  for (const sentence of sentences) {
    const s = sentence.text;
    const sources = sourcesOf(sentence);
    for (const x of sources) if (!x.pronoun) speakers.add(x.text);

    // "X insisted …, but Y said that was untrue."
    const contrast = CONTRAST.exec(s);
    let found = false;
    stated.read(s);
    const denied = deniedToll(sentence, sources, stated.latest());
    if (denied) {
      strong.push(denied);
      found = true;
    }
    // A rebuttal answers what was said before it, never a figure further down.
    const named =
      !found && REBUTTAL.test(s)
        ? namedRebuttal(sentence, sources, stated.latest(), speakers, statements)
        : null;
    if (named) {
      strong.push(named);
      found = true;
    }
    const reply = found ? null : howeverReply(sentence, sources, previous);
    if (reply) {
      strong.push(reply);
      found = true;
    }
    if (!found && contrast && DISPUTE_WORDS.test(s.slice(contrast.index))) {
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

    // "…, a claim the transport ministry rejected.", "…, an accusation rejected by a spokesman for …".
    const aClaim = A_CLAIM_REJECTED_BY.exec(s) ?? A_CLAIM_REJECTED.exec(s);
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
    const rebuttal = SAID_UNTRUE.exec(s) ?? REJECTED_THAT.exec(s) ?? CALLED_FALSE.exec(s);
    // "Police denied using live ammunition …" right after another party's account in the same paragraph.
    const denial = sources.find(
      (x) => !x.pronoun && DENIAL_VERBS.has(x.verb) && s.slice(0, x.start).trim() === '',
    );
    const answered =
      !found && !rebuttal && denial ? deniedStatement(sentence, denial, previous, statements) : null;
    if (answered) {
      strong.push(answered);
      found = true;
    }
    const defence = found ? null : defendedCount(sentence, sources, stated.latest(), paragraphOf);
    if (defence) {
      strong.push(defence.claim);
      defended.set(defence.claim, defence.defended);
      found = true;
    }
    const identity = found ? null : deadWere(s, sources, stated.latest());
    if (identity) {
      strong.push(identity);
      found = true;
    }
    const none = found ? null : noneAgainstCount(sentence, sources, previous, figuresByQuote);
    if (none) {
      weak.push(none);
      found = true;
    }
    const crowd = crowdEstimate(s, sources, crowds);
    if (crowd) {
      const rival = crowds.find((c) => !sameSource(c.by, crowd.by) && c.count !== crowd.count);
      if (rival) {
        strong.push({
          claim: `Conflicting estimates of the ${rival.noun}: ${rival.count} (${rival.by}) vs ${crowd.count} (${crowd.by})`,
          claimant: rival.by,
          disputedBy: crowd.by,
          quotes: rival.quote === s ? [s] : [rival.quote, s],
        });
      }
      if (crowds.length < MAX_RIVAL_TOTALS) crowds.push(crowd);
    }
    // "The company said its permits covered the full height … and accused the agency of looking for a scapegoat",
    // after the agency's official said the developer had approval for 15 floors.
    const accused = found || denial ? null : accusedSpeaker(sentence, sources, statements);
    if (accused) {
      strong.push(accused);
      found = true;
    }
    // The rebuttal's own subject: the nearest source at or before the rebutting verb.
    const rebutter = !found && rebuttal ? rebuttalSubject(s, sources, rebuttal) : undefined;
    // "rejected the army's account", "called the Islamic State claim \"a lie\"": whose account is named, and that
    // party's statement may be further back.
    const owner = rebutter ? (possessor(rebuttal![0]) ?? namedOwner(rebuttal![0])) : null;
    const owned = owner
      ? (statements.by(owner, rebutter!.text) ?? statements.naming(owner, rebutter!.text))
      : undefined;
    const accusation =
      rebutter && previous && previous.sentence.paragraph === sentence.paragraph
        ? accusationOf(previous, rebutter.text, s)
        : null;
    if (accusation) {
      strong.push(accusation);
    } else if (rebutter && owned) {
      strong.push({
        claim: claimFrom(owned.source, owned.sentence.text, owned.sentence.text.length),
        claimant: owned.source.text,
        disputedBy: rebutter.text,
        quotes: [owned.sentence.text, s],
      });
    } else if (rebutter && owner) {
      // The rebuttal names whose account it rejects, and that party said nothing the patterns read: it is still
      // the claimant, never the speaker of the sentence before.
      if (!sameSource(owner, rebutter.text)) {
        strong.push({
          claim: capitalized(rebuttal![0].replace(/^\S+\s+/, '')),
          claimant: owner,
          disputedBy: rebutter.text,
          quotes: [s],
        });
      }
    } else if (
      rebutter &&
      previous &&
      !firstNamed(previous.sources) &&
      previous.speaker &&
      previous.sentence.paragraph >= sentence.paragraph - 1 &&
      !sameSource(previous.speaker.source.text, rebutter.text)
    ) {
      // "In a statement, the army said … It said the building had not been used … A surgeon said that was
      // untrue.": "it" is the army, whose statement the two sentences give.
      const { sentence: said, source } = previous.speaker;
      strong.push({
        claim: claimFrom(source, said.text, said.text.length),
        claimant: source.text,
        disputedBy: rebutter.text,
        quotes: [said.text, previous.sentence.text, s],
      });
    } else if (rebutter && previous && previous.sentence.paragraph >= sentence.paragraph - 1) {
      const disputer = rebutter;
      const claimant = firstNamed(previous.sources);
      if (claimant && !sameSource(claimant.text, disputer.text)) {
        strong.push({
          claim: claimFrom(claimant, previous.sentence.text, previous.sentence.text.length),
          claimant: claimant.text,
          disputedBy: disputer.text,
          quotes: [previous.sentence.text, s],
        });
        // "Witnesses said the toll appeared far higher. “I saw at least 50 bodies,” Ramesh Yadav told AP.
        // Officials said that account was exaggerated.": the quote is one witness's instance of the account the
        // sentence before gave, and both are rejected.
        const speaker =
          QUOTE_START.test(previous.sentence.text) && earlier ? firstNamed(earlier.sources) : undefined;
        if (
          speaker &&
          earlier!.sentence.paragraph === previous.sentence.paragraph &&
          !sameSource(speaker.text, claimant.text) &&
          !sameSource(speaker.text, disputer.text)
        ) {
          strong.push({
            claim: claimFrom(speaker, earlier!.sentence.text, earlier!.sentence.text.length),
            claimant: speaker.text,
            disputedBy: disputer.text,
            quotes: [earlier!.sentence.text, s],
          });
        }
      }
    }

    // "ISKP claimed responsibility …" and, hours later, "Jamaat-ul-Ahrar said … its own fighter had carried out the
    // bombing": two groups claiming one attack contradict each other.
    const claiming = RESPONSIBILITY.exec(s);
    const claimer = claiming
      ? sources.filter((x) => !x.pronoun && x.cue <= claiming.index + 1).pop()
      : undefined;
    if (claimer) {
      if (
        responsible &&
        !sameSource(responsible.source.text, claimer.text) &&
        sentence.paragraph - responsible.sentence.paragraph <= 1
      ) {
        const first = responsible.sentence.text;
        strong.push({
          claim: claimFrom(responsible.source, first, first.length),
          claimant: responsible.source.text,
          disputedBy: claimer.text,
          quotes: [first, s],
        });
      } else if (!responsible || sentence.paragraph - responsible.sentence.paragraph > 1) {
        responsible = { sentence, source: claimer };
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

    // "Russia's Defense Ministry said all targets had been hit. Ukrainian officials said there were no military
    // facilities near the block." Statements by two parties in one paragraph, one negating, with no cue word;
    // one sentence without a named source of its own ("It made no mention of casualties.") may sit between.
    const opener = sentenceSubject(sentence, sources);
    const prior = lastStatement;
    if (
      !found &&
      !rebuttal &&
      !denial &&
      opener &&
      prior &&
      prior.sentence.paragraph === sentence.paragraph &&
      sentence.index - prior.sentence.index <= 2 &&
      !sameSource(prior.subject.text, opener.text)
    ) {
      const priorSays = prior.sentence.text.slice(prior.subject.cue);
      const says = s.slice(opener.cue);
      const shared = sharesSubjectMatter(priorSays, says);
      // "President Vucic insisted that police had shown restraint. Witnesses told AP that officers fired tear gas":
      // an authority's insistence answered by the other side is a dispute even with no negation between them.
      const firm = FIRM_CLAIM.has(prior.subject.verb);
      const negates = NEGATION.test(priorSays) !== NEGATION.test(says);
      // "A doctor said the fire alarm had not worked for weeks. The hospital's management insisted the alarm
      // system had been inspected in March.": insisting on the opposite of what was just said about the same thing
      // answers it, whoever the two parties are.
      const insistsOtherwise = FIRM_CLAIM.has(opener.verb) && shared && negates;
      // "Eleven survivors … said the gate … was padlocked. Sunflower Group … said … \"all exits were open\"": a body
      // answering what people said about it with the contrary, in denial or in opposite words.
      const answersPeople =
        shared &&
        (negates || contrary(priorSays, says)) &&
        personsAndInstitution(prior.subject.text, opener.text);
      if (
        (answersPeople ||
          ((insistsOtherwise ||
            opposedParties(prior.subject.text, opener.text) ||
            challengesCompany(prior.subject.text, opener.text, says) ||
            (shared && authorityAndOther(prior.subject.text, opener.text))) &&
            (firm || negates))) &&
        !CONTRAST.test(priorSays) &&
        !CONTRAST.test(says) &&
        (shared || firm || !(OBSERVER.test(prior.subject.text) || OBSERVER.test(opener.text)))
      ) {
        weak.push({
          claim: claimFrom(prior.subject, prior.sentence.text, prior.sentence.text.length),
          claimant: prior.subject.text,
          disputedBy: opener.text,
          quotes: [prior.sentence.text, s],
        });
      }
    }
    // "…said the strike had targeted a vehicle carrying militants, not children" answers a count of children
    // that another source gave.
    const notWho = /,\s+not\s+(?:the\s+)?([a-z]+)\b/i.exec(s);
    const speaker = notWho ? firstNamed(sources, (x) => !DISPUTE_VERBS.has(x.verb)) : undefined;
    if (notWho && speaker) {
      const by = party(speaker.text);
      const answered = byWho
        .get(notWho[1]!.toLowerCase())
        ?.find((f) => f.quote !== s && !sameParty(figureFacts(f).source!, by));
      if (answered?.attributedTo) {
        weak.push({
          claim: `${answered.attributedTo} ${reports(answered.attributedTo)} ${answered.countText} ${answered.who} ${answered.kind}`,
          claimant: answered.attributedTo,
          disputedBy: speaker.text,
          quotes: [answered.quote, s],
        });
      }
    }
    if (opener) lastStatement = { sentence, subject: opener };
    else if (sources.some((x) => !x.pronoun)) lastStatement = null;

    const spoke = speakerOf(sentence, sources, lastSpeaker);
    if (spoke?.sentence === sentence) lastSpeaker = spoke;
    statements.add(sentence, sources);
    earlier = previous;
    previous = { sentence, sources, speaker: spoke };
  }

  const out: Array<{
    claim: ContestedClaim;
    claimant: Party;
    disputedBy: Party;
    quotes: Set<string>;
    rival: boolean;
    defended: Party | null;
  }> = [];
  const add = (c: ContestedClaim, mergeOnDisputer: boolean, rival = false): void => {
    if (!twoParties(c.claimant, c.disputedBy, speakers)) return;
    const claimant = party(c.claimant);
    const disputedBy = party(c.disputedBy);
    // "B rejects A's figure" and "A and B give rival counts" are one dispute between the same two parties; "B
    // rejects A's claim of beatings" and their rival counts of arrests are two.
    // "The governor's office" speaks for "provincial governor Jean-Jacques Purusi" in a rival count's sentence.
    const side = (p: Party, text: string, q: Party, other: string): boolean =>
      sameParty(p, q) || (rival && (speaksFor(text, other, c.quotes) || speaksFor(other, text, c.quotes)));
    const same = out.find(
      (o) =>
        ((side(o.claimant, o.claim.claimant, claimant, c.claimant) &&
          side(o.disputedBy, o.claim.disputedBy, disputedBy, c.disputedBy)) ||
          (side(o.claimant, o.claim.claimant, disputedBy, c.disputedBy) &&
            side(o.disputedBy, o.claim.disputedBy, claimant, c.claimant)) ||
          (mergeOnDisputer && sameParty(o.disputedBy, disputedBy)) ||
          // "X put the toll at upwards of 50 … Y said the official toll of 34 was accurate": the rival counts of X
          // and of the body whose toll Y upholds are that one dispute.
          (rival &&
            o.defended !== null &&
            ((sameParty(o.defended, claimant) && sameParty(o.claimant, disputedBy)) ||
              (sameParty(o.defended, disputedBy) && sameParty(o.claimant, claimant))))) &&
        (!rival || o.rival || o.claim.quotes.some((q) => !c.quotes.includes(q) && COUNT_TALK.test(q))),
    );
    if (same) {
      for (const q of c.quotes) {
        if (same.quotes.has(q)) continue;
        same.quotes.add(q);
        same.claim.quotes.push(q);
      }
      return;
    }
    if (out.length >= MAX_CONTESTED) return;
    out.push({
      claim: { ...c, quotes: [...c.quotes] },
      claimant,
      disputedBy,
      quotes: new Set(c.quotes),
      rival,
      defended: defended.has(c) ? party(defended.get(c)!) : null,
    });
  };
  for (const c of strong) add(c, false);
  for (const c of weak) add(c, true);
  for (const c of conflictingFigures(figures, paragraphOf)) add(c, false, true);
  return out.map((o) => o.claim);
}

/**
 * The attributed totals stated in the sentences read so far, in figure order, for rebuttals to answer. Kept as
 * the sentences are read rather than refiltered at each rebuttal, which cost sentences × figures.
 */
class StatedTotals {
  private readonly byQuote = new Map<string, number[]>();
  private readonly seen = new Set<string>();
  private readonly stated: number[] = [];

  constructor(private readonly figures: CasualtyFigure[]) {
    figures.forEach((f, i) => {
      if (f.partOf === null && f.attributedTo) listFor(this.byQuote, f.quote).push(i);
    });
  }

  /** Marks a sentence as read: the figures it states can now be answered. */
  read(sentence: string): void {
    if (this.seen.has(sentence)) return;
    this.seen.add(sentence);
    const added = this.byQuote.get(sentence);
    if (!added) return;
    const last = this.stated[this.stated.length - 1] ?? -1;
    this.stated.push(...added);
    if (added[0]! < last) this.stated.sort((a, b) => a - b);
  }

  /** The latest REBUTTAL_REACH of them, in figure order. */
  latest(): CasualtyFigure[] {
    return this.stated.slice(-REBUTTAL_REACH).map((i) => this.figures[i]!);
  }
}

/** Attributed figures by each word of who they were ("children" for "six children"), in figure order. */
function figuresByWho(figures: CasualtyFigure[]): Map<string, CasualtyFigure[]> {
  const byWho = new Map<string, CasualtyFigure[]>();
  for (const f of figures) {
    if (!f.attributedTo || !f.who) continue;
    for (const word of new Set(f.who.toLowerCase().split(/\s+/))) listFor(byWho, word).push(f);
  }
  return byWho;
}

function listFor<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}
