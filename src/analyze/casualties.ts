// Finds counts of people killed, injured, missing, displaced, detained or affected, each with who they were,
// who reported the number and, for "including six children", the total it belongs to. A number counts only
// when the sentence ties it to people and to harm; money, ages, years, distances and buildings never do.
import type { CasualtyFigure, CasualtyKind } from '../analysis';
import { DISPUTE_VERBS, sourceAt, sourcesOf, type Source } from './attribution';
import { isDeniedCount, mayDeny } from './denied';
import { findCounts, measuredAfter, type CountMatch } from './numbers';
import { EARLIER_COUNT_TEXT, earlierWordingStart, isBareEarlierCount } from './superseded';
import { personAt, type PersonPhrase } from './people';
import type { Sentence } from './sentences';

// "Of the dead, 11 were women": who they were, after the verb.
const AFTER_VERB = /^\s+(?:were|was)\s+(?:all\s+)?/;
// "two other railway employees", "43 injured people": who they are, not how they fared.
const NOT_WHO_MODIFIER = /^(?:(?:other|more|additional|further|injured|wounded|dead|missing)\s+)+/i;

const CUES: Array<[CasualtyKind, RegExp]> = [
  [
    'killed',
    /\b(?:killed|killing|kills|kill|dead|died|dies|die|dying|deaths?|fatalities|fatally|perished|drowned|slain|lost their lives|lives lost|bodies|succumbed)\b/i,
  ],
  [
    'injured',
    /\b(?:injured|injuring|injures|injuries|wounded|wounding|hurt|hurting|hospitali[sz]ed|(?:were|was|been|being) (?:badly |severely )?beaten|signs of (?:beatings?|torture|abuse)|in intensive care|treated for|(?:(?:taken|rushed|flown|airlifted|brought|sent|transported|admitted) to|treated (?:in|at)) (?:[\w-]+ ){0,3}?(?:hospitals?|clinics?|health (?:centres?|centers?)|medical (?:centres?|centers?|facilities))|(?:remained|remain|remains|still) in (?:a |the )?hospital|(?:needed|needing|required|requiring|received|receiving|given) (?:[\w-]+ )?(?:(?:hospital|medical|emergency) )?treatment|(?:needed|needing|required|requiring|received|receiving) intensive care|(?:were|was|been|being) admitted (?:with|for)|critical condition|serious condition)\b/i,
  ],
  ['missing', /\b(?:missing|unaccounted for|trapped|(?:believed|feared|thought)(?: to be)? buried)\b/i],
  [
    'displaced',
    /\b(?:displaced|displacing|homeless|evacuated|evacuating|evacuation|fled|fleeing|from their homes|uprooted|(?:sought|seeking|seek|taken|took|taking|found) (?:shelter|refuge)|sheltering (?:in|at)|lost (?:their|his|her) homes?|(?:forced|told|ordered) to (?:flee|leave|abandon|evacuate)|(?:housed|living|staying|sleeping|sheltering) in (?:[\w-]+ ){0,2}?(?:shelters|camps|tents|evacuation (?:centres|centers)|relief (?:centres|centers))|(?:moved|relocated|transferred|bused|bussed) to (?!(?:other|new|different) )(?:[\w-]+ ){0,3}?(?:schools?|shelters?|camps?|tents?|temples?|churches|mosques|monasteries|stadiums?|safer ground|higher ground|relief (?:camps?|centres?|centers?)|evacuation (?:centres?|centers?)))\b/i,
  ],
  // Bare "held" is too loose ("6,000 inmates are held in a jail built for 5,000").
  [
    'detained',
    /\b(?:detained|detaining|arrested|arresting|(?:were|was|being|been) held|held (?:hostage|captive|for questioning)|jailed|abducted|kidnapped|captured|(?:taken|seized) (?:hostage|captive)|in custody|taken into custody|apprehended)\b/i,
  ],
  [
    'affected',
    /\b(?:affected|affecting|sickened|sickening|infected|(?:fell|fallen|falling|become|became|been taken|were taken|was taken) ill|tested positive|contracted)\b/i,
  ],
];

/** A verb right before the number: "killing at least 46", "wounded 32 others", "evacuation of about 30,000". */
const LEFT_CUES: Array<[CasualtyKind, RegExp]> = [
  [
    'killed',
    /\b(?:killed|killing|kills|kill|shot dead|shooting dead|shot and killed|claimed the lives of|bodies of|deaths of)\s+(?:all\s+|another\s+|a total of\s+)?$/i,
  ],
  [
    'injured',
    /\b(?:wounded|wounding|injured|injuring|injures|hurt|hurting)\s+(?:another\s+|a total of\s+)?$/i,
  ],
  [
    'detained',
    /\b(?:detained|detaining|arrested|arresting|apprehended|apprehending|jailed|rounded up|abducted|abducting|kidnapped|kidnapping|captured|capturing|seized|seizing)\s+(?:another\s+|a total of\s+)?$/i,
  ],
  [
    'displaced',
    /\b(?:displaced|displacing|evacuated|evacuating|evacuation of|uprooted|forced)\s+(?:another\s+|a total of\s+)?$/i,
  ],
  [
    'affected',
    /\b(?:affected|affecting|sickened|sickening|infected|infecting)\s+(?:another\s+|a total of\s+)?$/i,
  ],
  // "rescuers were still searching for about 120 people": the people not yet found.
  ['missing', /\b(?:searching|search|looking|hunting)\s+for\s+(?:another\s+|the\s+remaining\s+)?$/i],
];
// Lower case only: "in May killed 19" names a month, not a possibility.
const HYPOTHETICAL = /\b(?:would|could|might|may|can|will|to)\s+(?:\w+\s+)?$/;
/** What may follow a bare number after a harm verb: "injuring more than 1,100, …", "killing scores." */
const BARE_FOLLOWER =
  /^(?:\s*(?:[,.;:)—–-]|$)|\s+(?:in|on|at|since|across|over|last|this|overnight|and|when|after|during|as|before|while|from|so|including|with|by|near|inside|outside|of whom)\b|\s+more(?=\s*(?:[,.;:)—–]|$)))/;
// "3,138 road deaths", "54 heat-related deaths": up to two words may say what kind of death.
const NOUN_MODIFIER =
  "(?:(?!(?:of|the|a|an|and|or|in|on|at|were|was|had|have|has|are|is|been|from|to|by|for|with|as|than|that|which|who|its|their)\\b)[A-Za-z][A-Za-z0-9'’-]*\\s+)";
const KIND_NOUN: Array<[CasualtyKind, RegExp]> = [
  // "Sixty people were wounded and 12 killed": a bare participle with no object after it.
  [
    'killed',
    new RegExp(
      `^\\s+(?:${NOUN_MODIFIER}{0,2}?(?:deaths|fatalities)|dead|lives|killed(?=\\s*(?:[,.;:)—–]|$|\\s+(?:and|in|on|at|when|after|during|by|as|while|since|across|over|including|so far|overall)\\b)))\\b`,
      'i',
    ),
  ],
  ['injured', new RegExp(`^\\s+(?:injured|wounded|${NOUN_MODIFIER}{0,2}?injuries)\\b`, 'i')],
  ['missing', /^\s+missing\b/i],
  // "54 cases had been confirmed", "120 confirmed cases": an outbreak counts the sick as cases.
  [
    'affected',
    /^\s+(?:(?:new\s+)?(?:(?:confirmed|suspected|probable)\s+)?(?:(?:cholera|coronavirus|covid(?:-19)?|measles|ebola|mpox|dengue|malaria|marburg|polio|diphtheria|influenza|flu|typhoid|meningitis)\s+)cases\b|(?:new\s+)?(?:confirmed|suspected|probable)\s+cases\b|(?:new\s+)?cases\s+(?:(?:had|have|has)\s+been\s+|were\s+|was\s+)?(?:confirmed|recorded|reported|detected)\b)/i,
  ],
];
// "The outbreak has grown to 159 cases": where the sentence is about illness, a count of cases it reached.
const CASES_REACHED =
  /\b(?:grown|grew|risen|rose|climbed|jumped|increased|reached|recorded|registered|reported|confirmed|total(?:led|ed|s)?|stands at|stood at)\s+(?:to\s+)?$/i;
const CASES_AFTER = /^\s+(?:new\s+)?cases\b/i;
// "Cases rose to 2,300 on Monday": the cases named before the count they reached.
const CASES_BEFORE =
  /\bcases\s+(?:have\s+|has\s+|had\s+)?(?:rose|risen|climbed|jumped|increased|reached|grew|grown|surged|soared|stood at|stand at|stands at|total(?:led|ed|s)?)\s+(?:to\s+)?$/i;
// "the hospital had treated 20 patients", "Hospitals … had admitted nearly 400 patients": the hurt or sick.
const TREATED_BEFORE = /\b(?:treated|treating|admitted|admitting|hospitali[sz]ed)\s+$/i;
const HOSPITAL =
  '(?:[\\w-]+\\s+){0,3}?(?:hospitals?|clinics?|health\\s+(?:centres?|centers?)|medical\\s+(?:centres?|centers?|facilities))\\b';
const SENT_BEFORE =
  /\b(?:sent|sending|sends|send|rushed|rushing|took|taking|brought|bringing|flew|airlifted|airlifting|ferried|ferrying|transported|transporting)\s+$/i;
const TO_HOSPITAL = new RegExp(`^\\s+to\\s+${HOSPITAL}`, 'i');
const TOOK_THEM_TO_HOSPITAL = new RegExp(
  `^[^,;:.!?]{0,160}?\\b(?:took|taken|taking|rushed|rushing|flew|flown|airlifted|ferried|carried|sent)\\s+(?:them|him|her)\\s+to\\s+${HOSPITAL}`,
  'i',
);
const MEDICAL = /\b(?:hospitals?|clinics?|medical|doctors?|patients|paramedics|wards?|health)\b/i;
const RATE =
  /^\s+(?:(?:a|per|each|every)\s+(?:day|night|week|month|year|hour)|daily|weekly|nightly|each)\b(?!\s+(?:earlier|later|before|after|ago)\b)/i;
// "Among the injured were two dozen women", "the dead included two children": the count is part of the group named
// before it.
const AMONG_BEFORE =
  /\b(?:among\s+(?:the\s+|those\s+)?(injured|wounded|hurt|dead|killed|victims|missing|detained|arrested)\s+(?:were|was|are|is)|\bthose\s+(injured|wounded|hurt|killed|missing|detained|arrested)\s+(?:included|include|includes)|\bthe\s+(dead|victims|injured|wounded|missing|detained|arrested)\s+(?:included|include|includes))\s+$/i;
// The group an "including" list is drawn from, named by its harm: "all of the dead were civilians, among them".
const LIST_GROUP =
  /\b(?:the|those)\s+(dead|killed|victims|injured|wounded|hurt|missing|detained|arrested|displaced)\b[^,;]*,?\s*$/i;
const OF_GROUP =
  /^\s+of\s+(?:the\s+|those\s+(?:who\s+were\s+)?)?(injured|wounded|dead|deaths|killed|victims|missing|detained|arrested|displaced|detainees)\b/i;
// "Of the dead, 11 were women", "Of the 150 arrested, 30 were minors", "Of the 412 people treated, 37 …": a group
// named by its harm, whose number (when given) is the total the later counts belong to.
// A doctor's "Of the 40 patients we received, fewer than ten arrived in time" names the group by its treatment.
const LEADING_OF_GROUP =
  /^\s*["“‘]?(?:of|among)\s+(?:the\s+)?(?:([\d,]+|[a-z]+(?:-[a-z]+)?)\s+)?(?:(?:people|persons|patients|children|adults|victims)\s+)?(?:(?:we|they|it|doctors|the\s+hospital)\s+(?:have\s+|had\s+)?)?(injured|wounded|hurt|dead|deaths|killed|victims|missing|detained|arrested|displaced|evacuated|treated|hospitali[sz]ed|admitted|received)\s*,/i;
// "Nine of the 450 workers", "Two of the 12 crew members": between a count and the group it is taken from.
const PARTITIVE_GAP = /^\s+of\s+(?:the|those|these|its|their|his|her|all)\s+$/i;
// A partitive group named by harm ("of the 15 killed were", "of the 40 people injured, 12 …") rather than a
// population; "Two of the 12 crew members died" ends in the sentence's own verb, so it must be followed by one.
const GROUP_HARM =
  /^\s+(?:(?:who|that)\s+(?:were|was|had been|have been)\s+)?(killed|injured|wounded|dead|deaths|hurt|arrested|detained|missing|displaced|evacuated|victims)\b(?=[^,.;]{0,80}?\b(?:were|was|are|is|had|have|has|remain(?:ed|s)?|included|include)\b|\s*,)/i;
// "Half of the 40 passengers were killed", "Most of the 300 workers were evacuated": the count is the group's
// size, and how many of them were harmed is not given as a number.
const SHARE_OF =
  /\b(?:half|(?:a|one|two)[- ]thirds?|thirds?|(?:a|one|three)[- ]quarters?|quarters?|(?:a|one|two|three|four)[- ]fifths?|tenth|most|majority|minority|many|some|several|much|part|a few|few|\d+(?:\.\d+)?\s*(?:%|percent|per cent))\s+of\s+(?:the|those|these|its|their|his|her)\s+$/i;
// "None of the 40 passengers", "no one among the crew of 12": the count is who was spared.
const NEGATED_GROUP =
  /\b(?:none|neither|no one|nobody|not one|not a single one)\s+(?:of|among)\s+(?:(?:the|its|their|those|these|his|her|all)\s+)?$/i;
// "three people initially reported dead were found alive": people who turned out not to be victims at all.
// The words before "dead" describe those people; "after", "when" and the like would start another clause.
const FOUND_ALIVE =
  /^\s+(?:(?!(?:after|when|as|because|since|while|before|but|and|until)\b)[\w'’-]+\s+){0,6}?(?:dead|killed|missing|victims)\b[^;,.]{0,120}?\b(?:found|turned up|discovered|located|rescued|were|was|are|is)\s+(?:later\s+|still\s+)?alive\b/i;
// Phrases read right before a count are looked for only this far back, so a sentence with thousands of counts
// is still read in linear time.
const NEAR = 40;
// How far before a count its verb and other left-hand wording ("killing at least", "the number of injured at")
// are looked for: the longest such phrase is under 100 characters, so this changes nothing in real prose, and
// reading the whole sentence before every count would make a sentence of thousands of counts cost n².
const LEFT_REACH = 200;
// The same for the wording after a count: rightCue reads at most a dozen words of it.
const RIGHT_REACH = 300;
// "eight students and one teacher were taken to hospitals": counts joined by "and" share the verb after the last.
// A real list joins a few; past this many the verb is not read back to the first (a chain of thousands would
// otherwise be followed from every count in it).
const MAX_COORDINATED = 8;
// How far an "earlier"/"wrong" marker is looked for on either side of a count within its clause.
const CLAUSE_REACH = 300;
// "killed a family of five": the family is who; the count is how many.
const FAMILY_OF = /\b(?:a|an|one|the)\s+family\s+of\s+$/i;
// A harm cue under "not", "never" or a negative subject ("none was hurt") names no harm.
const NEGATED_BEFORE_CUE = /\b(?:not|never|no longer|none|no one|nobody|neither)\b(?:\s+[\w'’-]+){0,2}\s*$/i;
const OF_THEM = /^\s+of\s+(?:them|whom)\b/i;
const OF_THEM_AFTER = /^\s+(?:of|among)\s+(?:them|whom)\b/i;
const OF_WHOM_BEFORE = /,\s*(?:of|among)\s+(?:whom|them|which)\s+$/i;
const AMONG_DEAD =
  /\b(?:among (?:the )?(?:dead|killed|victims|those killed|those who (?:died|were killed))|the (?:dead|victims|fatalities) (?:included|include)|(?:dead|victims) (?:were|included))\b/i;
const INCLUDING = /\b(?:including|among them|among whom|among those)\b/gi;
// An infectious disease, as opposed to the hurt of a blast, a crash or a leak of gas: those treated for one are
// affected, not injured. Heat stroke and breathing in gas or smoke are injuries by the same rule as burns.
const DISEASE =
  /\b(?:outbreak|epidemic|pandemic|virus|viral|infections?|infected|cholera|ebola|measles|mpox|dengue|malaria|covid(?:-19)?|coronavirus|flu|influenza|diphtheria|polio|typhoid|meningitis|tuberculosis|hepatitis|plague|anthrax|lassa|marburg|diseases?)\b/i;
const FORCE =
  '(?:injur\\w*|wound\\w*|hurt|burns?|burned|burnt|fractur\\w*|broken bones?|bruis\\w*|gunshot|shot|shrapnel|stab\\w*|beaten|beatings?|trauma\\w*|crush\\w*|blast|explosion|bomb\\w*|strike|attack\\w*|crash\\w*|collision|fire|smoke|gas|fumes|heat|drown\\w*)';
const INJURY = new RegExp(`\\b(?:${FORCE}|poison\\w*)\\b`, 'i');
// Harm done by force or by what was breathed in, without poisoning by mouth.
const PHYSICAL = new RegExp(`\\b${FORCE}\\b`, 'i');
// Poisoning by what was swallowed (toxic liquor, tainted food): an illness, so those treated are affected, like the
// patients of an outbreak, and unlike people who breathed in gas.
const SWALLOWED =
  /\b(?:methanol|food poisoning|(?:toxic|tainted|contaminated|adulterated|spurious|bootleg|illicit|poisoned|home-?brewed)\s+(?:[\w-]+\s+)?(?:liquor|alcohol|drinks?|spirits?|hooch|moonshine|food|meals?|water|milk|flour|meat)|(?:liquor|alcohol|hooch|moonshine)\s+(?:poisoning|tragedy|deaths)|(?:drank|drinking|ate|eaten|eating|consumed|consuming|swallowed|ingest\w*)\s+(?:the\s+|some\s+|a\s+)?(?:[\w-]+\s+){0,2}?(?:liquor|alcohol|spirits?|hooch|moonshine|toxic|tainted|contaminated|poison\w*))\b/i;
const ILLNESS =
  /\b(?:outbreak|virus|disease|infect\w*|epidemic|pandemic|cholera|ebola|measles|mpox|dengue|malaria|covid(?:-19)?|coronavirus|flu|influenza|patients|symptoms|health)\b/i;
// "the number of people killed in the floods across three provinces climbed to 54", "the number of miners killed
// … rose to nine", "The number of missing was revised down from 52": who they are may stand before the harm.
const NUMBER_OF =
  /\b(?:(?:number|count|tally|toll) of|(?:figure|toll|tally|count|number) for) (?:the |those )?(?:[A-Za-z-]+ ){0,2}?(dead|deaths|killed|died|drowned|perished|injured|injuries|wounded|missing|detained|arrested|displaced|cases)\b[^,;.]{0,100}?\b(?:at|to|reached|was|is|stood at|rose to|climbed to|(?:up|down) from)\s+$/i;
const PUT_AT = /\bput\s+(?:the|its|their|that)\s+(?:number|figure|count|tally|total)\s+at\s+$/i;
const REPORTING = new Set(['said', 'says', 'say', 'told', 'according to', 'reported']);
// The end of a sentence that introduces a quotation: "the committee said:", "told reporters:".
// 'the ministry said: "Twelve people were killed.' opens one too, when the quotation does not close.
const QUOTE_INTRO = /^[a-z]+(?:\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)?\s*:\s*(?:["“][^"”]*)?$/i;
const AUX_START = /^\s+(?:were|was|are|is|have|had|has|remain|remained|remains)\b/i;
// "and 14 died in the cold": a bare count whose own verb is a death.
const DIED_START = /^\s+(?:died|perished|drowned)\b/i;
// "of whom 5 later died".
const LATER_DIED = /^\s+(?:(?:later|since|subsequently|then)\s+)?(?:died|perished|succumbed)\b/i;
const TOOK_BEFORE =
  /\b(?:took|take|takes|taken|taking|seized|seizing|held|hold|holds|holding|kept|keep|keeps|keeping)\s+$/i;
// "holding at least 57 guards and administrative workers hostage", "taken 12 civilians from a nearby village
// hostage": the hostages may be a list of people, or said where they were taken from.
const HOSTAGE_AFTER =
  /^(?:\s+(?:and|or)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+)?(?:\s+(?:from|in|at|of|near|on)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+)?\s+(?:hostages?|captives?|into custody|prisoners?|for ransom)\b/i;
// Military statements count the enemy dead in euphemisms: "neutralised around 15 terrorists".
const EUPHEMISM = '(?:neutrali[sz](?:ed|ing|es?)|eliminat(?:ed|ing|es?)|liquidat(?:ed|ing|es?))';
const EUPHEMISM_BEFORE = new RegExp(`\\b${EUPHEMISM}["”’]?\\s+["“‘]?(?:another\\s+|a total of\\s+)?$`, 'i');
// "The army said 18 insurgents had been neutralised."
const EUPHEMISM_AFTER = new RegExp(
  `^\\s+(?:had|have|has|were|was)?\\s*(?:been\\s+)?(?:[a-z]+ly\\s+)?["“‘]?${EUPHEMISM}\\b`,
  'i',
);
// Only the armed are "neutralised" in that sense: "eliminated three players" is sport.
const ARMED =
  /\b(?:terrorists|militants|insurgents|fighters|rebels|jihadists|gunmen|bandits|extremists|attackers|assailants|combatants|soldiers|troops|servicemen|service members|militiamen|guerrillas|separatists|criminals|suspects|pirates|mercenaries|enemies|enemy \w+)$/i;
// A part with a verb of its own ("37 remained in hospital …, including six") is a group the list can be drawn
// from; one in apposition ("20 people, 15 of them soldiers, including five children") is not.
const OWN_VERB = /\b(?:were|was|are|is|had|have|has|remain(?:ed|s)?|died|included)\b/i;
// "More than 700,000 Sudanese refugees have crossed into eastern Chad": people in flight, counted as they arrive.
const REFUGEES = /\b(?:refugees|asylum seekers|evacuees)$/i;
// The sentence's own verb, not a relative clause: "The 300 refugees who arrived last year have found jobs".
const ARRIVED =
  /^\s+(?:(?:have|has|had|were|are|was|is|have been|had been)\s+(?:now\s+|already\s+|since\s+)?)?(?:crossed|crossing|arrived|arriving|poured|pouring|streamed|streaming|entered|entering|reached)\b(?![^,;:.!?]{0,60}?\b(?:a|per|each|every)\s+(?:day|week|month)\b)/i;
// "Spain's Health Ministry has confirmed 38 deaths, and Portugal's … has reported 12.": the second count leaves out
// the noun of the first.
const ELLIPTIC_VERB = /\b(?:reported|recorded|confirmed|registered|counted|listed|logged)\s+$/i;
// A place or origin after who the people are, up to the sentence's own verb: " of three villages within 3 km
// (2 miles) of the plant", " from the village of Ghatbesi".
const WHERE_FROM =
  /^\s+(?:of|from|in|at|near|around|living in|who live in)\s+(?:[^,;:.!?()—–]|\([^()]{0,40}\)){1,120}?(?=\s+(?:were|was|are|is|had|have|has)\s)/i;
// A settlement named right before "and N others", so that the others are settlements too. Only settlements: at
// "a soldier at the checkpoint and two others" the others are people.
const OTHER_PLACES =
  /\b(?:the|a|an|one|this|that|another)\s+(?:[\w'’-]+\s+)?(?:village|town|city|district|province|region|county|municipality|camp|neighbou?rhood|settlement|island|country)(?:\s+of\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?\s+and\s+$/;
// "3 people from the village where 12 were killed": a clause of its own, whose verb is not theirs.
const RELATIVE = /\b(?:where|who|whom|whose|which|that|when|after|before|while|because|but)\b/i;
// Singular nouns for a group of people: after "one" they name which group, not a person harmed.
const COLLECTIVE =
  /\b(?:family|household|clan|tribe|group|couple|team|crew|unit|class|gang|community|congregation|village|neighbou?rhood)$/i;
const CUSTOMERS =
  /\b(?:customers|subscribers|users|clients|consumers|account holders|policyholders|investors|shareholders|viewers|listeners|readers|taxpayers|borrowers)$/i;

function kindOfWord(word: string): CasualtyKind {
  const w = word.toLowerCase();
  if (/injur|wound|hurt|treated|hospitali|admitted|received/.test(w)) return 'injured';
  if (w === 'missing') return 'missing';
  if (w.startsWith('detain') || w === 'arrested') return 'detained';
  if (w === 'displaced' || w === 'evacuated') return 'displaced';
  if (w === 'cases') return 'affected';
  return 'killed';
}

/** The first harm cue in the clause after the number (stops at punctuation, at most a dozen words). */
function rightCue(after: string, coordinated = 0): CasualtyKind | null {
  // "Twenty inmates, 5 detainees and 12 migrants were injured": a list of counts of people shares the verb after it.
  const comma = /^\s*,\s*/.exec(after);
  if (comma) {
    const next = findCounts(after.slice(0, NEAR))[0];
    const who = next?.start === comma[0].length ? personAt(after.slice(next.end)) : null;
    if (!next || !who) return null;
    if (coordinated >= MAX_COORDINATED) return null;
    return rightCue(after.slice(next.end + who.length), coordinated + 1);
  }
  const clause = /^[^,;:!?()—–]*/.exec(after.slice(0, RIGHT_REACH))![0];
  let window = clause.split(/\s+/).slice(0, 13).join(' ');
  // "10 people and was treating 28 wounded": a cue after the next number belongs to that number.
  const next = findCounts(window)[0];
  // "eight students and one teacher were taken to hospitals": coordinated counts share the verb after them.
  if (next && /^\s*,?\s*(?:and|or)\s+$/.test(window.slice(0, next.start))) {
    if (coordinated >= MAX_COORDINATED) return null;
    // The window is a prefix of `after` (the text is whitespace-normalised), so offsets carry over.
    const tail = after.slice(next.end);
    const who = personAt(tail);
    return rightCue(who ? tail.slice(who.length) : tail, coordinated + 1);
  }
  if (next && !countsThings(window.slice(next.end))) window = window.slice(0, next.start);
  let best: { kind: CasualtyKind; at: number; end: number } | null = null;
  for (const [kind, re] of CUES) {
    const m = re.exec(window);
    if (m && (!best || m.index < best.at)) best = { kind, at: m.index, end: m.index + m[0].length };
  }
  if (!best || NEGATED_BEFORE_CUE.test(window.slice(0, best.at))) return null;
  // "Two gunmen killed 30 people", "Two soldiers wounded a policeman": the count is who did the harm, and the
  // harm is done to the object after the verb.
  if (ACTIVE_VERB.test(window.slice(best.at, best.end)) && !PASSIVE_BEFORE.test(window.slice(0, best.at))) {
    const object = window.slice(best.end);
    if ((next && /^\s*$/.test(object)) || OBJECT_START.test(object)) return null;
  }
  return best.kind;
}

// The words after a number that still leave it a count of people (or of no one named): "and 28 wounded", "and 12
// were hurt", "and 40 more".
const PEOPLE_COUNT_FOLLOWER =
  /^\s+(?:were|was|are|is|had|have|has|been|of|in|on|at|and|or|more|others?|other|further|additional|to|from|for|with|by|as|who|which|that|than|remain\w*|died|perished|drowned)\b/i;

/**
 * Whether the words after a number make it a count of things: "were being treated in three hospitals", "within
 * 3 km". The harm cue after such a number is still the count's before it.
 */
function countsThings(after: string): boolean {
  if (!/^\s+[a-z]/.test(after) || PEOPLE_COUNT_FOLLOWER.test(after) || personAt(after)) return false;
  const word = /^\s+[a-z][\w-]*/.exec(after)![0];
  return !CUES.some(([, re]) => re.test(word));
}

// A harm verb that takes an object, and what shows it is used actively: no auxiliary before it, an object after.
const ACTIVE_VERB =
  /^(?:kill(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es)|hurt(?:ing|s)?|detain(?:ed|ing|s)?|arrest(?:ed|ing|s)?|abduct(?:ed|ing|s)?|kidnap(?:ped|ping|s)?|captur(?:ed|ing|es)|evacuat(?:ed|ing|es)|displac(?:ed|ing|es)|affect(?:ed|ing|s)|sicken(?:ed|ing|s)|infect(?:ed|ing|s))$/i;
const PASSIVE_BEFORE = /\b(?:were|was|been|being|be|is|are|got|get|gets|left)\s+(?:\w+\s+)?$/i;
const OBJECT_START =
  /^\s+(?:the|a|an|his|her|their|its|several|many|dozens|scores|hundreds|thousands|everyone|others|another|all)\b/i;

function leftCue(text: string): CasualtyKind | null {
  // 'had killed "hundreds" of RSF fighters': a quoted count is still the verb's object.
  const before = text.replace(/["“‘]$/, '');
  // "Police detained the mine's manager and two safety supervisors": the verb reaches past a named person.
  const np = /\b(?:the|a|an|his|her|their|its)\s+[A-Za-z'’-]+(?:\s+[A-Za-z'’-]+){0,2}\s+and\s+$/.exec(before);
  if (np && !/\band\b/.test(before.slice(np.index, -5))) {
    const k = leftCueAt(before.slice(0, np.index));
    if (k) return k;
  }
  return leftCueAt(before);
}

function leftCueAt(before: string): CasualtyKind | null {
  for (const [kind, re] of LEFT_CUES) {
    const m = re.exec(before);
    if (m) {
      if (HYPOTHETICAL.test(before.slice(0, m.index))) return null;
      return kind;
    }
  }
  return null;
}

// Between a count of people and a later count in a list naming them: "three people, the factory's production
// manager and two floor supervisors".
const APPOSED = /^,\s+(?:the|a|an|his|her|their|its)\s+[^,;:.()—–]{1,60}?\s+and\s+$/i;
const CLAUSE_ENDS = /^\s*(?:[,.;:)—–]|$)/;

function apposedList(s: string, previousEnd: number, start: number): boolean {
  const gap = s.slice(previousEnd, start);
  const who = personAt(gap);
  return who !== null && APPOSED.test(gap.slice(who.length));
}

const LATER_CLAUSE = /[,;:—–]|\b(?:who|which|when|where|while|after|as)\b/i;

// "forced more than 130,000 to flee".
const FLEE_AFTER = /^\s+to\s+(?:flee|leave|abandon|evacuate|seek\s+(?:shelter|refuge))\b/i;
// "bringing the total to 77", "taking the overall number to 27": no noun of its own, so of the harm just counted.
const BROUGHT_TO =
  /\b(?:bringing|taking|pushing|raising)\s+(?:the\s+|its\s+|their\s+)?(?:overall\s+|total\s+|cumulative\s+|final\s+)*(?:toll|total|number|tally|count|figure)\s+to\s+$/i;

// "in Valencia", "in 2024": where or when, between a count and the next in a list.
const PLACE = /^\s+(?:in|at|on|near|from|across|during|since)\s+[^,;]{1,40}?(?=\s*,?\s*(?:and|or)\s+$)/i;
const PLACE_AFTER = /^\s+(?:in|at|on|near|from|across|during|since)\s/i;

/**
 * Whether a count shares the verb of the count before it in a list: "killing two students and two teachers",
 * "killed 6 miners, 4 sailors and 2 cyclists", "killed 14 people in Valencia and 3 in Albacete". A count with a
 * verb of its own ("killed 12 people, 40 others were injured") shares none.
 */
function sharesVerb(
  s: string,
  previousEnd: number,
  count: CountMatch,
  hasWho: boolean,
  after: string,
  rest: string,
): boolean {
  const gap = s.slice(previousEnd, count.start);
  const gapWho = personAt(gap);
  let joint = gapWho ? gap.slice(gapWho.length) : gap;
  const place = PLACE.exec(joint);
  if (place) joint = joint.slice(place[0].length);
  let shares: boolean;
  if (/^\s*,?\s*(?:and|or)\s+$/.test(joint)) {
    // Without who they are, the count must be set in a place or time as the one before was ("3 in Albacete").
    shares = hasWho ? gapWho !== null : place !== null && PLACE_AFTER.test(after);
  } else {
    shares = hasWho && gapWho !== null && !place && /^\s*,\s*$/.test(joint);
  }
  return (
    shares &&
    !OF_THEM_AFTER.test(rest) &&
    !((AUX_START.test(rest) || DIED_START.test(rest)) && rightCue(rest) !== null)
  );
}

/** Offsets in the sentence covered by "including …" lists: the list runs to the next clause. */
function includingRanges(s: string): Array<[number, number]> {
  const lists: Array<[number, number]> = [];
  INCLUDING.lastIndex = 0;
  for (let m = INCLUDING.exec(s); m; m = INCLUDING.exec(s)) lists.push([m.index, m.index + m[0].length]);
  if (lists.length === 0) return [];
  // Where a list can end, read once for all the lists in the sentence: a ";" or "." before a space, or a comma
  // that does not go on with the list. The list goes on through ", seven women" and ", and a pilot";
  // ", and wounded 54 others" is a new clause.
  const stops: number[] = [];
  const stop = /[;.](?=\s|$)|,/g;
  stop.lastIndex = lists[0]![1];
  for (let e = stop.exec(s); e; e = stop.exec(s)) {
    if (e[0] === ',') {
      const next = s.slice(e.index + 1, e.index + 1 + RIGHT_REACH).replace(/^\s*(?:and\s+)?/, '');
      if (/^(?:a|an)\s/i.test(next) || findCounts(next.slice(0, 40))[0]?.start === 0) continue;
    }
    stops.push(e.index);
  }
  let k = 0;
  return lists.map(([from, listStart]) => {
    while (k < stops.length && stops[k]! < listStart) k++;
    return [from, k < stops.length ? stops[k]! : s.length];
  });
}

interface Working extends CasualtyFigure {
  sentence: number;
  paragraph: number;
  value: number;
  /** An earlier or corrected count ("up from 72", "had told reporters that 90 had died"). */
  superseded: boolean;
  /** A running total ("bringing the death toll from the war to 43,000"), not the count of the event reported. */
  cumulative: boolean;
  /** Offset just after the count in its sentence. */
  end: number;
}

const SUPERSEDED =
  /\b(?:earlier|initially|previously|had told|had said|wrong|incorrect|mistaken)\b|\b(?:up|down) from\s+$/i;

// Where the clause holding a count ends: "had initially reported 20 deaths but later said 35 people had died"
// marks only the 20 as earlier.
const CLAUSE_WORD = /\b(?:but|while|whereas|though|although)\b/gi;
const CLAUSE_BREAK = /[,;]|\b(?:but|while|whereas|though|although)\b/i;

const RUNNING_TOTAL =
  /\b(?:bringing|taking|pushing|raising)\s+(?:the\s+|its\s+|their\s+)?(?:overall\s+|total\s+|death\s+|cumulative\s+)*(?:toll|total|number|tally|count)\b[^,;]{0,80}?\bto\s+$/i;

const supersededMemo = new WeakMap<CasualtyFigure, boolean>();

/** Whether a figure's wording or its own sentence marks it as an old or corrected count. */
export function supersededFigure(f: CasualtyFigure): boolean {
  // Asked of every pair of figures when looking for rival counts: read each figure once.
  let known = supersededMemo.get(f);
  if (known === undefined) {
    const at = f.quote.indexOf(f.countText);
    known =
      EARLIER_COUNT_TEXT.test(f.countText) ||
      (at >= 0 && isSuperseded(f.quote, { start: at, end: at + f.countText.length }));
    supersededMemo.set(f, known);
  }
  return known;
}

/** Whether the clause holding the count marks it as an old or corrected figure. */
function isSuperseded(s: string, count: { start: number; end: number }): boolean {
  const reach = Math.max(0, count.start - CLAUSE_REACH);
  const before = s.slice(reach, count.start);
  // The last break before the count: a comma or semicolon, else a conjunction after the last of those.
  let from = reach + Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), 0);
  CLAUSE_WORD.lastIndex = from - reach;
  for (let m = CLAUSE_WORD.exec(before); m; m = CLAUSE_WORD.exec(before)) from = reach + m.index;
  const next = s.slice(count.end, count.end + CLAUSE_REACH).search(CLAUSE_BREAK);
  const to = next < 0 ? Math.min(s.length, count.end + CLAUSE_REACH) : count.end + next;
  return SUPERSEDED.test(s.slice(from, count.start)) || SUPERSEDED.test(s.slice(from, to));
}

interface Candidate {
  count: CountMatch;
  kind: CasualtyKind | null;
  who: string | null;
  subset: 'of-them' | 'group' | 'including' | 'apposed' | null;
  groupKind: CasualtyKind | null;
  /** For an "including" subset, where its list starts. */
  listAt?: number;
  /** For an "of-them" subset, whether it was "of which": things, unless the count right before is a figure. */
  which?: boolean;
}

/** "N of the M <people> …": the group a count is taken from, and what the sentence says happened to it. */
interface Partitive {
  /** The group's own count (M). */
  total: CountMatch;
  /** Set when the group is named by its harm ("of the 15 killed"): M is then a total and N part of it. */
  harm: CasualtyKind | null;
  who: string | null;
  /** The sentence after the group's name. */
  rest: string;
}

function partitiveOf(s: string, count: CountMatch, next: CountMatch | undefined): Partitive | null {
  if (!next || !PARTITIVE_GAP.test(s.slice(count.end, next.start))) return null;
  const after = s.slice(next.end);
  const whoMatch = personAt(after);
  const who = whoMatch ? whoMatch.who.replace(NOT_WHO_MODIFIER, '') : null;
  const rest = whoMatch ? after.slice(whoMatch.length) : after;
  const harm = groupHarm(rest);
  return { total: next, harm: harm?.kind ?? null, who, rest: harm ? rest.slice(harm.end) : rest };
}

// The sentence's own verb after a partitive group: what comes before it describes the group.
const FINITE_VERB = /\b(?:were|was|are|is|had|have|has|remain(?:ed|s)?|included|include)\b/i;

/** The harm that defines a group ("killed", "taken to hospital") and where its description ends. */
function groupHarm(rest: string): { kind: CasualtyKind; end: number } | null {
  const word = GROUP_HARM.exec(rest);
  if (word) return { kind: kindOfWord(word[1]!), end: word[0].length };
  const verb = FINITE_VERB.exec(rest.slice(0, 80));
  const phrase = verb ? rest.slice(0, verb.index) : '';
  if (!verb || /[,;:]/.test(phrase) || phrase.trim().split(/\s+/).length > 6) return null;
  const cue = CUES.find(([, re]) => re.test(phrase));
  return cue ? { kind: cue[0], end: verb.index } : null;
}

// "Twelve of them escaped", "five of the 30 taken to hospital had been discharged": people who have left the
// harm are no count of it.
const LEFT_THE_HARM =
  /^\s*(?:[\w'’-]+\s+){0,3}?(?:escaped|survived|recovered|walked free|returned home|sent home|made it (?:out|to)|reached safety|got out|(?:were|was|been|later)\s+(?:later\s+)?(?:released|freed|discharged|rescued)|released|freed|discharged)\b/i;
// "25 of the dead had been identified": the paperwork done on some of the victims, not a count of them.
const PROCESSED =
  /^\s*(?:(?:had|have|has)\s+)?(?:(?:been|were|was|are|is)\s+)?(?:(?:since|now|so far|already)\s+)?(?:identified|named|buried|claimed|handed over|repatriated)\b(?!\s+as\b)/i;

/** "Nine of the 450 workers underground were hurt": the first count is who was harmed, the group says who. */
function partitiveCandidate(count: CountMatch, p: Partitive): Candidate | null {
  if (p.harm) {
    if (LEFT_THE_HARM.test(p.rest) || PROCESSED.test(p.rest)) return null;
    const who = personAt(p.rest, AFTER_VERB);
    return {
      count,
      // "Two of the 48 detained were injured": the part's own harm, when the sentence gives it one.
      kind: rightCue(p.rest) ?? p.harm,
      who: who ? who.who.replace(NOT_WHO_MODIFIER, '') : null,
      subset: 'group',
      groupKind: p.harm,
    };
  }
  // A population ("of the 63 miners pulled out alive") harmed only if the rest of the clause says so.
  const kind = p.who ? rightCue(p.rest) : null;
  return kind ? { count, kind, who: p.who, subset: null, groupKind: null } : null;
}

/**
 * Counts that are never figures whatever follows: ages, the spared, the found alive, the old side of a change,
 * what a denial or a rumour says.
 */
function notAFigure(s: string, counts: CountMatch[], i: number, denial: boolean): boolean {
  const count = counts[i]!;
  const after = s.slice(count.end);
  // "revised down to 14 after three people … were found alive": only the three were alive.
  const alive = FOUND_ALIVE.exec(after);
  const next = counts[i + 1];
  return (
    /-year-old/.test(after.slice(0, 10)) ||
    measuredAfter(after) ||
    (/^one$/i.test(count.text) &&
      ONE_OF.test(after) &&
      COPULA_BEFORE.test(s.slice(nearFrom(count), count.start))) ||
    withdrawn(s, count.start) ||
    NEGATED_GROUP.test(s.slice(Math.max(0, count.start - NEAR), count.start)) ||
    (alive !== null && (!next || next.start >= count.end + alive[0].length)) ||
    isBareEarlierCount(s, count.start, count.end, counts[i - 1] ?? null) ||
    (denial && isDeniedCount(s, count.start, count.end))
  );
}

// "Shilpi, 19, was one of the women who died", "He is one of the 12 injured": a named person placed in a group
// already counted, not a count of one. "the BNP said one of its activists had died" does count a death.
const ONE_OF = /^\s+of\s+(?:the|those|these|its|their|his|her|our|my|your)\b/i;
const COPULA_BEFORE =
  /\b(?:was|is|were|are|be|been|being|became|becomes|remains|remained)\s+(?:also\s+|among\s+)?$/i;
const nearFrom = (count: CountMatch): number => Math.max(0, count.start - NEAR);
// A correction's withdrawn figure: "An earlier version said five people had died", "This article previously
// reported that 12 were killed". Like someone "initially reported dead" who was found alive, it was never a toll.
const WITHDRAWN =
  /\b(?:(?:an?|the)\s+(?:earlier|previous|original|initial|prior)\s+version(?:\s+of\s+(?:this|the)\s+[a-z]+)?|this\s+(?:article|story|report|item|piece|headline)\s+(?:has\s+been\s+(?:corrected|amended|updated)\s+to\s+remove\b|(?:previously|originally|initially|earlier|incorrectly|wrongly|mistakenly|erroneously)))\b[^;]*$/i;

/** Whether the count at `start` is in a clause that reports what an earlier, corrected version of the copy said. */
function withdrawn(s: string, start: number): boolean {
  const before = s.slice(Math.max(0, start - LEFT_REACH), start);
  return /\bversion\b|\b(?:previously|originally|initially|earlier|incorrectly|wrongly|mistakenly|erroneously|remove)\b/i.test(
    before,
  )
    ? WITHDRAWN.test(before)
    : false;
}

/** Offset in `s` where a "…, including … ," list starting right at `from` ends, or null. */
function listAfter(s: string, from: number, including: Array<[number, number]>): number | null {
  // Only the first list at or after `from` can start right there: any later one has this one's words between.
  const list = including.find(([a]) => a >= from);
  return list && /^\s*,\s*$/.test(s.slice(from, list[0])) ? list[1] : null;
}

/** "Of the dead, …" at the start of a sentence; only patients are a group by being "received". */
function leadingGroup(s: string): RegExpExecArray | null {
  const m = LEADING_OF_GROUP.exec(s);
  return m && (m[2]!.toLowerCase() !== 'received' || /\bpatients\s/i.test(m[0])) ? m : null;
}

/** What is read once per sentence rather than once per count in it. */
interface SentenceFacts {
  including: Array<[number, number]>;
  /** "Of the dead, …" at the start of the sentence. */
  leading: RegExpExecArray | null;
  /** Offset of the first "toll" in the sentence, or -1. */
  tollAt: number;
  amongDead: boolean;
  illness: boolean;
  /**
   * Whether people treated here are sick rather than hurt: the sentence, or the story's opening paragraph, is
   * about a disease, and the sentence names no injury.
   */
  sick: boolean;
  /** Whether the sentence has a word a denial or a rumour needs: most have none, and need not be read for one. */
  denial: boolean;
}

function sentenceFacts(s: string, diseaseStory: boolean, swallowedStory: boolean): SentenceFacts {
  // "the WHO said": the agency's name is a sign of illness only as written in capitals.
  const illness = ILLNESS.test(s) || /\bWHO\b/.test(s);
  return {
    including: includingRanges(s),
    leading: leadingGroup(s),
    tollAt: s.search(/\btoll\b/i),
    amongDead: AMONG_DEAD.test(s),
    illness: illness || diseaseStory,
    sick:
      ((diseaseStory || DISEASE.test(s)) && !INJURY.test(s)) ||
      ((swallowedStory || SWALLOWED.test(s)) && !PHYSICAL.test(s)),
    denial: mayDeny(s),
  };
}

function candidate(
  s: string,
  count: CountMatch,
  facts: SentenceFacts,
  previous: { kind: CasualtyKind; end: number; value: number } | null,
  replaced: (count: CountMatch, rising: boolean) => CasualtyKind | null,
  tollEnd: number | null,
): Candidate | null {
  const { including, leading } = facts;
  const previousKind = previous?.kind ?? null;
  const nearFrom = Math.max(0, count.start - NEAR);
  const family = FAMILY_OF.exec(s.slice(nearFrom, count.start));
  // "killed a family of five": the verb reaches the count across the family.
  const beforeEnd = family ? nearFrom + family.index : count.start;
  // Only the end of what comes before is read (LEFT_REACH); "toll" anywhere before is in facts.tollAt.
  const before = s.slice(Math.max(0, beforeEnd - LEFT_REACH), beforeEnd);
  const tollBefore = facts.tollAt >= 0 && facts.tollAt + 'toll'.length <= beforeEnd;
  const after = s.slice(count.end);
  const whoMatch: PersonPhrase | null = family ? null : personAt(after);
  const whoAfterVerb = whoMatch ? null : personAt(after, AFTER_VERB);
  const who = (whoMatch ?? whoAfterVerb)?.who.replace(NOT_WHO_MODIFIER, '') ?? null;
  // "Nineteen of those rescued were being treated": the partitive names no victims of its own.
  const partitive = whoMatch ? null : /^\s+of\s+(?:those|the)\s+[a-z]+/.exec(after);
  let rest = whoMatch ? after.slice(whoMatch.length) : partitive ? after.slice(partitive[0].length) : after;
  // "At least 12 people, including three children, were killed": the verb is past the list.
  const listEnd = listAfter(s, s.length - rest.length, including);
  if (listEnd !== null) rest = ' ' + s.slice(listEnd).replace(/^[,\s]+/, '');
  // "Nearly 300 people, most of them young men, were arrested": an aside about the same people.
  rest = rest.replace(
    /^,\s+(?:most|many|all|some|several|half|nearly all|almost all)\s+of\s+(?:them|whom)\b[^,]*,/i,
    '',
  );
  // "about 3,500 families, or roughly 17,500 people, had fled": the restatement does not end the clause.
  rest = rest.replace(/^,\s+or\s+(?:[^,]|,\d)+,/, '');
  if (/,\s+or\s+(?:\S+\s+)?$/.test(before)) rest = rest.replace(/^,/, '');
  // "About 5,000 residents of three villages within 3 km (2 miles) of the plant were evacuated": where the people
  // live or come from says who they are, and the verb after it is still theirs.
  if (whoMatch) {
    const where = WHERE_FROM.exec(rest.slice(0, RIGHT_REACH));
    if (where && !RELATIVE.test(where[0])) rest = rest.slice(where[0].length);
  }

  // "Half of the 40 people killed were children": the group is a toll when it is named by its harm; "Half of
  // the 40 passengers were killed" gives no toll as a number at all.
  if (
    /\bof\s+[a-z]+\s+$/i.test(s.slice(Math.max(0, count.start - 16), count.start)) &&
    SHARE_OF.test(s.slice(nearFrom, count.start))
  ) {
    const harm = groupHarm(whoMatch ? after.slice(whoMatch.length) : after);
    return harm ? { count, kind: harm.kind, who, subset: null, groupKind: null } : null;
  }
  // "killed 98 people, of whom 17 were children": a subset of the count just given.
  const ofWhom = OF_WHOM_BEFORE.exec(before.slice(-NEAR));
  if (ofWhom && (who || AUX_START.test(after) || LATER_DIED.test(after))) {
    // "The Houthis said all of the dead were civilians, among them three children": "them" are the dead, whose
    // total an earlier sentence gave.
    const group = previous ? null : LIST_GROUP.exec(before.slice(0, before.length - ofWhom[0].length));
    if (group) {
      const k = kindOfWord(group[1]!);
      return { count, kind: k, who, subset: 'group', groupKind: k };
    }
    // "arrested 50 people, of whom 10 were later released": no longer held.
    if (LEFT_THE_HARM.test(after)) return null;
    // "infected at least 1,800 people, of whom 90 have died": the part's own harm, when it has one.
    const own = who ? null : rightCue(after);
    return { count, kind: own, who, subset: 'of-them', groupKind: null, which: /which\s+$/i.test(ofWhom[0]) };
  }
  if (OF_THEM.test(after)) {
    // "killing at least 68 of them": the verb before the number names the harm.
    const left = leftCue(before);
    const rest = after.replace(OF_THEM, '');
    if (!left && LEFT_THE_HARM.test(rest)) return null;
    return { count, kind: left ?? rightCue(rest), who: null, subset: 'of-them', groupKind: null };
  }
  const ofGroup = OF_GROUP.exec(after);
  if (ofGroup) {
    const groupRest = after.slice(ofGroup[0].length);
    if (PROCESSED.test(groupRest) || LEFT_THE_HARM.test(groupRest)) return null;
    const k = kindOfWord(ofGroup[1]!);
    // "12 of the detainees showed signs of beatings": hurt, and among the detained.
    return { count, kind: rightCue(groupRest) ?? k, who: null, subset: 'group', groupKind: k };
  }
  if (leading && count.end <= leading[0].length) return null;
  const among = AMONG_BEFORE.exec(before.slice(-NEAR));
  if (among) {
    const k = kindOfWord((among[1] ?? among[2] ?? among[3])!);
    return { count, kind: k, who, subset: 'group', groupKind: k };
  }
  // "Of the dead, 112 were women and seven were children": every count in the sentence is part of the group.
  if (
    leading &&
    count.start >= leading[0].length &&
    !leftCue(before) &&
    (who ||
      AUX_START.test(after) ||
      DIED_START.test(after) ||
      // "Of the 40 patients we received, fewer than ten arrived within six hours": the subject right after it.
      (/^\s*$/.test(s.slice(leading[0].length, count.start)) && /^\s+[a-z]+/.test(after)) ||
      // "22 were from Mashrakh block and 12 from Ishupur": the verb left out after the first part.
      (previous !== null &&
        previous.end > leading[0].length &&
        /^[^;:]{0,80}\band\s+$/.test(s.slice(previous.end, count.start))))
  ) {
    const k = kindOfWord(leading[2]!);
    // "Of the 200 people treated, 150 were sent home": the group is still a count of the hurt, the part none.
    if (LEFT_THE_HARM.test(rest) || PROCESSED.test(rest))
      return { count, kind: null, who, subset: 'group', groupKind: k };
    // "Of those arrested, 12 were injured": the part's own harm, when the sentence gives it one.
    return { count, kind: rightCue(rest) ?? k, who, subset: 'group', groupKind: k };
  }
  // "from the village of Ghatbesi and two others nearby": "others" are more of the place named before them.
  if (who === 'others' && OTHER_PLACES.test(before.slice(-NEAR * 2))) return null;
  const list = including.find(([a, b]) => count.start > a && count.start < b);
  const inIncluding = list !== undefined;

  let kind: CasualtyKind | null = null;
  const left = leftCue(before);
  if (
    left &&
    (who ||
      family ||
      BARE_FOLLOWER.test(after) ||
      /\bremaining\s+$/.test(before) ||
      (left === 'displaced' && FLEE_AFTER.test(after)))
  )
    kind = left;
  if (!kind && who && ARMED.test(who) && (EUPHEMISM_BEFORE.test(before) || EUPHEMISM_AFTER.test(rest)))
    kind = 'killed';
  // "Police were searching for two suspects": the hunted are not the missing.
  if (kind === 'missing' && who && /suspect|gunm[ae]n|attacker|fugitive|escape/i.test(who)) kind = null;
  // "killing two students and two teachers": the second count shares the first one's verb.
  if (!kind && previous && sharesVerb(s, previous.end, count, whoMatch !== null, after, rest))
    kind = previous.kind;
  // "put the number of injured at 74", "the number of deaths rose to 23", "the toll of injured rose to 300".
  const numberOf = kind ? null : NUMBER_OF.exec(before);
  if (numberOf) kind = kindOfWord(numberOf[1]!);
  // "The number of confirmed cases rose to 1,250" counts the sick only where the sentence is about illness.
  if (numberOf && kind === 'affected' && !facts.illness) return null;
  // "…had been killed, while the state government put the number at about 800": the same harm, another count.
  if (!kind && previousKind && PUT_AT.test(before.slice(-NEAR))) kind = previousKind;
  // "killed 245 people in 2022, down from nearly 7,000 in 2002", "revising down its earlier estimate of 45":
  // the earlier count is of the same harm as the toll it was replaced by, the nearest one that can have risen or
  // fallen from it ("At least 21 people were killed, … and dozens were injured …, up from 17" is 17 killed).
  const earlier = !kind && previousKind ? earlierWordingStart(s, count.start) : null;
  if (earlier !== null) kind = replaced(count, !/^down\b/i.test(s.slice(earlier))) ?? previousKind;
  // "The toll stands at five, according to police, … when rescuers reached a hut at 2,759": once the toll has
  // its count, a number in a later clause is not it ("rose to 54 in Gaza and to 12 in the West Bank" still is).
  // An earlier count is not the toll's own: "The toll, initially put at 20, rose to 35".
  const tollTaken = tollEnd !== null && LATER_CLAUSE.test(s.slice(tollEnd, count.start));
  if (!kind && tollBefore && !tollTaken && /\b(?:to|at|from|of|reached|hit|was|is)\s+$/i.test(before))
    kind = 'killed';
  // "A further four people … were arrested, bringing the total to 27": the running total of the harm just counted,
  // which can only have grown.
  if (
    !kind &&
    previous &&
    count.value >= previous.value &&
    BROUGHT_TO.test(before.slice(-NEAR * 2)) &&
    BARE_FOLLOWER.test(after)
  )
    kind = previous.kind;
  // "…has confirmed 38 deaths, and Portugal's Directorate-General of Health has reported 12."
  if (
    !kind &&
    previous &&
    !who &&
    /^\s*(?:[.;]|,\s|$)/.test(after) &&
    ELLIPTIC_VERB.test(before) &&
    /\band\b/.test(s.slice(previous.end, count.start))
  )
    kind = previous.kind;
  if (!kind) {
    for (const [k, re] of KIND_NOUN) if (re.test(after)) kind = k;
    if (!kind && CASES_AFTER.test(after) && CASES_REACHED.test(before)) kind = 'affected';
    if (!kind && CASES_BEFORE.test(before) && BARE_FOLLOWER.test(after)) kind = 'affected';
    // "54 cases had been reported" is an outbreak count only where the sentence is about illness; "23 deaths,
    // including four probable cases" are deaths that were cases.
    if (kind === 'affected' && (!facts.illness || inIncluding)) kind = null;
  }
  if (!kind && who && TREATED_BEFORE.test(before) && MEDICAL.test(s)) kind = 'injured';
  // "sent more than 400 people to hospitals", "brought two men to the surface … and took them to a hospital": the
  // people taken for treatment are the hurt.
  if (!kind && who && SENT_BEFORE.test(before) && TO_HOSPITAL.test(rest)) kind = 'injured';
  if (!kind && who && TOOK_THEM_TO_HOSPITAL.test(rest.slice(0, RIGHT_REACH))) kind = 'injured';
  if (!kind && who && REFUGEES.test(who) && ARRIVED.test(rest.slice(0, RIGHT_REACH))) kind = 'displaced';
  // "treating up to 60 patients a day": a rate, not a count of anyone.
  if (RATE.test(rest)) return null;
  if (
    !kind &&
    (who || family || AUX_START.test(after) || DIED_START.test(after) || (partitive && AUX_START.test(rest)))
  )
    kind = rightCue(rest);
  // "Gunmen took 20 students hostage".
  if (!kind && who && TOOK_BEFORE.test(before) && HOSTAGE_AFTER.test(rest)) kind = 'detained';
  // "The outage affected 2 million customers": a count of custom, not of people harmed.
  if (kind === 'affected' && who && CUSTOMERS.test(who) && !facts.illness) return null;
  // "recovered 68 bodies" counts the dead; "identified 24 of the bodies" counts paperwork.
  // "12 bodies were taken to a hospital morgue" are still the dead.
  if (who === 'bodies' && !/^\s+of\b/.test(after) && (!kind || kind === 'injured')) kind = 'killed';
  // "arrested three people, the factory's production manager and two floor supervisors": the list after a count
  // of people says who they were, so its counts are parts of it.
  if (!kind && who && previous && apposedList(s, previous.end, count.start) && CLAUSE_ENDS.test(rest))
    return { count, kind: previous.kind, who, subset: 'apposed', groupKind: null };
  if (!kind && !who && !inIncluding) return null;
  // A bare "One was treated…" is a pronoun for someone already counted, not a new figure.
  if (!who && /^one$/i.test(count.text)) return null;
  // "four members of one family", "two people from one household": "one" before a group picks the group out, and
  // counts nobody.
  if (who && /^one$/i.test(count.text) && COLLECTIVE.test(who)) return null;

  if (facts.amongDead && who && (kind === null || kind === 'killed')) {
    return { count, kind: 'killed', who, subset: 'group', groupKind: 'killed' };
  }
  if (list) return { count, kind, who, subset: 'including', groupKind: null, listAt: list[0] };
  if (!kind) return null;
  return { count, kind, who, subset: null, groupKind: null };
}

/** Whether a count of `kind` can be a part of `total`: the same harm, and not more people than the total. */
function partFits(count: CountMatch, kind: CasualtyKind | null, total: Working): boolean {
  return kind === total.kind && (count.min ?? count.value) <= (total.max ?? Infinity);
}

/**
 * Whether "of them" after counts[i] means the last figure: "There were 123 workers in the shaft …, and 110 of
 * them made it to the surface" takes them from the 123, a count of people that is no figure. The group of a
 * partitive ("14 of the 63 miners …, three of them") is not who "them" are.
 */
function themIsFigure(s: string, counts: CountMatch[], i: number, last: Working, sentence: number): boolean {
  const from = last.sentence === sentence ? last.end : 0;
  for (let j = i - 1; j >= 0 && j >= i - MAX_COORDINATED && counts[j]!.start >= from; j--) {
    const group = j > 0 && PARTITIVE_GAP.test(s.slice(counts[j - 1]!.end, counts[j]!.start));
    if (!group && personAt(s.slice(counts[j]!.end)) !== null) return false;
  }
  return true;
}

// Between the items of a breakdown list: a few words saying where or who ("from the plane", "in Kyiv"), no verb.
const LIST_ITEM = /^(?:\s+[^\s,;:.—–]+){0,5}?\s*(?:,\s*(?:and\s+)?|\s+and\s+)$/;
const LIST_END = /^(?:\s+[^\s,;:.—–]+){0,5}?\s*(?:[,;:.—–]|$)/;
const ITEM_VERB = /\b(?:were|was|are|is|had|have|has|been|remain\w*)\b/i;

/** The index of the first count starting at or after `at` (counts are in order): a binary search. */
function firstAtOrAfter(counts: CountMatch[], at: number): number {
  let lo = 0;
  let hi = counts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (counts[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The counts of a list right after a total's clause ("28 bodies …: 27 from the plane and one from the
 * helicopter", "Thirty-nine people were killed, 20 in Kyiv and 19 in Kharkiv") when they add up exactly to it.
 */
function listAfterTotal(s: string, counts: CountMatch[], total: Working): CountMatch[] | null {
  const sep = /^[^.;:—–,]*?[:—–,]\s*/.exec(s.slice(total.end, total.end + RIGHT_REACH));
  if (!sep) return null;
  const listStart = total.end + sep[0].length;
  let j = firstAtOrAfter(counts, total.end);
  if (j >= counts.length || counts[j]!.start !== listStart) return null;
  const list: CountMatch[] = [];
  let sum = 0;
  for (; j < counts.length && list.length < MAX_COORDINATED; j++) {
    const c = counts[j]!;
    if (c.qualifier !== 'exact') return null;
    list.push(c);
    sum += c.value;
    const next = counts[j + 1];
    const between = next ? s.slice(c.end, next.start) : '';
    if (next && LIST_ITEM.test(between) && !ITEM_VERB.test(between)) continue;
    const end = LIST_END.exec(s.slice(c.end, c.end + RIGHT_REACH));
    if (!end || ITEM_VERB.test(end[0])) return null;
    break;
  }
  return list.length >= 2 && sum === total.value ? list : null;
}

/**
 * The figures found so far that stand as totals (partOf null), by harm and by harm and number, newest last, so
 * that the total a later subset belongs to is found without rereading every figure before it (a long run of
 * subsets would otherwise cost n²). A figure stops being a total only when linkBreakdown makes it a part, and
 * that happens to the newest figures alone, so `unlinked` can drop them from the ends of the lists.
 */
class Totals {
  /** Totals not marked as earlier or wrong, by harm. */
  private readonly current = new Map<CasualtyKind, Ranked>();
  /** Every total, by harm. */
  private readonly any = new Map<CasualtyKind, Ranked>();
  /** Totals not marked as earlier or wrong, by harm and number. */
  private readonly byValue = new Map<string, number[]>();

  constructor(private readonly found: Working[]) {}

  /** Records found[i] if it is a total. */
  add(i: number): void {
    const f = this.found[i]!;
    if (f.partOf !== null) return;
    this.ranked(this.any, f.kind).push(i);
    if (f.superseded) return;
    listOf(this.byValue, `${f.kind}:${f.value}`).push(i);
    // "Among the dead were 12 children" after "…, bringing the toll from the war to 43,000": the children are
    // among the day's dead, so a running total is a group's total only when there is no other.
    if (f.cumulative) return;
    this.ranked(this.current, f.kind).push(i);
  }

  /** Forgets the newest totals that have just been made parts of another figure. */
  unlinked(figures: Working[]): void {
    const isPart = (i: number): boolean => this.found[i]!.partOf !== null;
    for (const f of figures) {
      this.current.get(f.kind)?.dropNewest(isPart);
      this.any.get(f.kind)?.dropNewest(isPart);
      const list = this.byValue.get(`${f.kind}:${f.value}`);
      while (list && list.length > 0 && isPart(list[list.length - 1]!)) list.pop();
    }
  }

  /**
   * The total a group subset ("of the injured", "among the dead") belongs to: the largest so far, the story's
   * toll rather than one place's share of it ("Uttar Pradesh alone reported 54 deaths … Some 33 polling staff
   * were among the dead" are among the more than 100 across India).
   */
  groupParent(kind: CasualtyKind): number | null {
    // Prefer the current toll: skip counts the article marks as earlier or wrong, unless nothing else is left.
    return this.current.get(kind)?.largest() ?? this.any.get(kind)?.largest() ?? null;
  }

  /** An earlier current total of the same harm and number that a group ("of the 150 arrested") restates. */
  restated(kind: CasualtyKind, value: number): number | null {
    const list = this.byValue.get(`${kind}:${value}`);
    return list && list.length > 0 ? list[list.length - 1]! : null;
  }

  private ranked(map: Map<CasualtyKind, Ranked>, kind: CasualtyKind): Ranked {
    let r = map.get(kind);
    if (!r) map.set(kind, (r = new Ranked(this.found)));
    return r;
  }
}

/** Figure indices, newest last, with the largest so far kept beside each so it is known in constant time. */
class Ranked {
  private readonly items: number[] = [];
  /** best[k]: the largest of items[0..k]; on a tie the earlier figure. */
  private readonly best: number[] = [];

  constructor(private readonly found: Working[]) {}

  push(i: number): void {
    const prev = this.best[this.best.length - 1];
    this.items.push(i);
    this.best.push(prev !== undefined && this.found[prev]!.value >= this.found[i]!.value ? prev : i);
  }

  dropNewest(drop: (i: number) => boolean): void {
    while (this.items.length > 0 && drop(this.items[this.items.length - 1]!)) {
      this.items.pop();
      this.best.pop();
    }
  }

  largest(): number | null {
    return this.best[this.best.length - 1] ?? null;
  }
}

function listOf<K>(map: Map<K, number[]>, key: K): number[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

// A count that opens its sentence, or what a source said: "Four remain …", "The hospital said four remain …".
const SUBJECT_START = /^(?:[^,;:.]{0,80}\b(?:said|says|added)\s+(?:that\s+)?)?["“‘]?$/i;
// The state the hurt are in now: "remain in critical condition", "are in intensive care", "still in hospital".
const STILL_HURT =
  /^\s+(?:(?:remain|remains|remained|are|were|is|was)\s+(?:still\s+|now\s+)?|still\s+)?(?:in\s+(?:a\s+)?(?:critical|serious|stable|grave|life-threatening)\b|in\s+intensive\s+care\b|in\s+hospital\b|on\s+(?:life\s+support|ventilators?)\b)/i;
// "Two of the officers": people named again with a definite article.
const BACK_OF = /^\s+of\s+(?:the|these|those)\s/i;

function headNoun(who: string): string {
  return who.slice(who.lastIndexOf(' ') + 1).toLowerCase();
}

/**
 * The source every figure of a sentence with no source of its own took from the sentence before: "…, according
 * to the fire service. Nine of them were women. A further 38 were hurt": the 38 go on with the fire service too.
 */
function sharedSource(found: Working[], first: number): string | null {
  const source = found[first]?.attributedTo ?? null;
  for (let k = first + 1; k < found.length && source !== null; k++) {
    if (found[k]!.attributedTo !== source) return null;
  }
  return source;
}

/** The quotation a sentence such as "the committee said:" introduces, or null. */
function quotationOpened(sentence: Sentence): Quotation | null {
  if (!sentence.text.includes(':')) return null;
  const sources = sourcesOf(sentence);
  const last = sources[sources.length - 1];
  return last && !last.pronoun && REPORTING.has(last.verb) && QUOTE_INTRO.test(sentence.text.slice(last.cue))
    ? { speaker: last.text, paragraph: sentence.paragraph }
    : null;
}

/** A quotation that runs over paragraphs: who is speaking, and the paragraph it has reached. */
interface Quotation {
  speaker: string;
  paragraph: number;
}

/** Whether a part is an aside to its total ("At least nine people were hurt, six of them with gunshot wounds"). */
function isAside(f: Working): boolean {
  return f.partOf !== null && /,\s*$/.test(f.quote.slice(0, f.end - f.countText.length));
}

// "the four soldiers", "the official toll of 34": a definite count, which may refer back to one already given.
const DEFINITE_BEFORE =
  /\b(?:the|these|those)\s+(?:(?:official|confirmed|reported|government'?s?|final|latest|overall|total|revised|same|death|known)\s+){0,2}(?:(?:toll|figure|count|tally|number|total)\s+of\s+)?$/i;

// "Kenyan police denied that 20 people were killed …, saying only two protesters had died": the participle
// goes on with the subject of the verb it hangs from, and a party that denies one count states another.
const SAYING = /,\s*(?:saying|adding|insisting|and said|and says)\b[^;]*$/i;

function sayingAfter(disputers: readonly Source[], s: string, at: number): Source | null {
  for (let k = disputers.length - 1; k >= 0; k--) {
    const d = disputers[k]!;
    if (d.cue < at) return SAYING.test(s.slice(d.cue, at)) ? d : null;
  }
  return null;
}

// "…, police said. Two others were detained.": a sentence that adds to what the last source said ("others",
// "another", "a further", "of them") carries on that source; one with its own subject and a speech verb the
// attribution patterns could not read ("the airline said") does not, nor does a fresh statement of fact.
const CONTINUATION =
  /\b(?:others?|another|a further|further|more|also|too|remaining|the rest|of (?:them|whom)|among them|in addition|as well|bringing)\b/i;
const SPEECH_CUE = /\b(?:said|says|say|told|tells|according to|reported|reports|per)\b/i;

function continuesSource(sentence: string): boolean {
  return !SPEECH_CUE.test(sentence) && CONTINUATION.test(sentence);
}

/**
 * "…wounding nine others." then "Eight students and one teacher were taken to hospitals": two or more exact
 * counts of one harm in a sentence that add up exactly to an exact total given just before break that total
 * down, so they become its parts rather than new victims.
 */
function linkBreakdown(found: Working[], first: number, sentence: number, totals: Totals): void {
  const here = found.slice(first).filter((f) => f.partOf === null);
  // Only this sentence's and the one before's figures can be the total: they are the last before `first`.
  let from = first;
  while (from > 0 && found[from - 1]!.sentence >= sentence - 1) from--;
  for (const kind of new Set(here.map((f) => f.kind))) {
    const parts = here.filter((f) => f.kind === kind);
    if (parts.length < 2 || parts.some((f) => f.qualifier !== 'exact')) continue;
    const sum = parts.reduce((n, f) => n + f.value, 0);
    let parent = -1;
    for (let i = from; i < first && parent < 0; i++) {
      const f = found[i]!;
      if (f.kind === kind && f.partOf === null && f.qualifier === 'exact' && f.value === sum) parent = i;
    }
    if (parent >= 0) {
      for (const f of parts) f.partOf = parent;
      totals.unlinked(parts);
    }
  }
}

/**
 * Every casualty figure in the sentences, in order. Sub-figures carry partOf (an index into the result) and
 * are never added to their total.
 */
export function findCasualties(sentences: Sentence[]): CasualtyFigure[] {
  const found: Working[] = [];
  // A story whose opening paragraph is about an outbreak, and not about a blast or a fire in a COVID ward: its
  // hospital admissions are of the sick.
  const opening = sentences.filter((x, k) => k < MAX_COORDINATED && x.paragraph === sentences[0]!.paragraph);
  const diseaseStory = opening.some((x) => DISEASE.test(x.text)) && !opening.some((x) => INJURY.test(x.text));
  // The same for a story of poisoning by toxic drink or food.
  const swallowedStory =
    opening.some((x) => SWALLOWED.test(x.text)) && !opening.some((x) => PHYSICAL.test(x.text));
  const totals = new Totals(found);
  // The sentence that last stated a figure of each harm and number, for restatements of it.
  const statedAt = new Map<string, number>();
  let lastSpeaker: string | null = null;
  // The sentence before: its paragraph, the source it carries on to the next, and whether it quoted someone.
  let previous: { paragraph: number; source: string | null; quoting: boolean } | null = null;
  let quotation = null as Quotation | null;

  for (const sentence of sentences) {
    const s = sentence.text;
    // A headline or kicker left in the body repeats the lede's figure without its full attribution.
    if (!/[.!?]["”’)]?$/.test(s) && s.split(/\s+/).length < 25) {
      // "In a statement issued on Tuesday, the committee said:" ends in no full stop, and opens a quotation.
      quotation = quotationOpened(sentence);
      continue;
    }
    const stated = sourcesOf(sentence);
    const sources = stated.filter((src) => !DISPUTE_VERBS.has(src.verb));
    const disputers = stated.filter((src) => DISPUTE_VERBS.has(src.verb));
    const resolve = (src: Source | null): string | null => {
      if (!src) return null;
      return src.pronoun ? lastSpeaker : src.text;
    };
    const facts = sentenceFacts(s, diseaseStory, swallowedStory);
    const leading = facts.leading;
    const firstInSentence = found.length;
    const counts = findCounts(s);
    const leadingTotal = leading?.[1] ? counts.find((c) => c.end <= leading[0].length) : undefined;
    // Counts already dealt with as a partitive's group, by offset in the sentence: the index of the figure that
    // stands for the group, or null for a population ("of the 450 workers"), which is no figure.
    const groupTotals = new Map<number, number | null>();
    // Where the toll's own current count ends, once one is read after the word "toll".
    let tollEnd: number | null = null;

    // A piece of an overlong sentence with no source of its own passes on the source it carried on with.
    const carriedSource = (): string | null => previous?.source ?? null;
    // A quotation introduced by "X said:" runs on through the paragraphs that open with a quotation mark.
    const open: Quotation | null = quotation;
    const opensParagraph: boolean = previous === null || previous.paragraph !== sentence.paragraph;
    const quoted: Quotation | null =
      open === null || open.paragraph === sentence.paragraph
        ? open
        : opensParagraph && /^["“]/.test(s)
          ? { speaker: open.speaker, paragraph: sentence.paragraph }
          : null;
    const attribution = (at: number): string | null => {
      const own = resolve(sourceAt(sources, s, at)) ?? resolve(sayingAfter(disputers, s, at));
      if (!own && sources.length === 0 && quoted) return quoted.speaker;
      if (own || sources.length > 0 || !previous || previous.paragraph !== sentence.paragraph) return own;
      // A piece of an overlong sentence goes on with the source of the piece before it.
      // "'…the brain,' said Dr Kumari. 'Of the 40 patients we received, …'": a quotation that opens right after
      // a quoted speaker in the same paragraph is still that speaker's.
      const quoteGoesOn = previous.quoting && /^["“]/.test(s);
      return sentence.continued || continuesSource(s) || quoteGoesOn ? previous.source : null;
    };
    // "The strike killed 30 people, the ministry said. Six children … were among the dead.": a part of the total
    // just given, in a sentence that names no source of its own, is the total's source's count.
    const inherited = (partOf: number | null): string | null => {
      if (partOf === null || sources.length > 0) return null;
      const total = found[partOf]!;
      return total.sentence >= sentence.index - 1 ? total.attributedTo : null;
    };
    // "the ward had admitted 1,240 children" in a measles story: the treated are sick, not hurt.
    const sickOrHurt = (kind: CasualtyKind): CasualtyKind =>
      kind === 'injured' && facts.sick ? 'affected' : kind;
    const push = (count: CountMatch, harm: CasualtyKind, who: string | null, partOf: number | null): void => {
      const kind = sickOrHurt(harm);
      const earlier = earlierWordingStart(s, count.start);
      found.push({
        countText: earlier === null ? count.text : s.slice(earlier, count.end),
        min: count.min,
        max: count.max,
        qualifier: count.qualifier,
        kind,
        who,
        attributedTo: attribution(count.start) ?? inherited(partOf),
        partOf,
        quote: s,
        sentence: sentence.index,
        paragraph: sentence.paragraph,
        value: count.value,
        superseded: earlier !== null || isSuperseded(s, count),
        cumulative:
          /\bto\s+$/.test(s.slice(Math.max(0, count.start - 6), count.start)) &&
          RUNNING_TOTAL.test(s.slice(Math.max(0, count.start - LEFT_REACH), count.start)),
        end: count.end,
      });
      totals.add(found.length - 1);
      const pushed = found[found.length - 1]!;
      if (tollEnd === null && facts.tollAt >= 0 && count.start > facts.tollAt && !pushed.superseded)
        tollEnd = count.end;
      statedAt.set(`${kind}:${count.value}`, sentence.index);
    };
    /**
     * The figure of the sentence before that a count refers back to: "Four remain in critical condition" (some of
     * the hurt just counted, in the state they are in now), "Two of the officers were taken to hospital" (some of
     * the officers counted). The latest one of the same harm that can hold them, skipping an aside ("At least
     * nine people were hurt, six of them with gunshot wounds. Two remain in critical condition": the two are of the
     * nine, as the six are not said to include them).
     */
    const referredGroup = (count: CountMatch, kind: CasualtyKind, who: string | null): number | null => {
      const after = s.slice(count.end);
      const stillHurt =
        who === null &&
        found.length === firstInSentence &&
        SUBJECT_START.test(s.slice(0, count.start)) &&
        STILL_HURT.test(after);
      const ofThose = who !== null && BACK_OF.test(after) ? headNoun(who) : null;
      if (!stillHurt && ofThose === null) return null;
      for (let j = found.length - 1; j >= 0 && j >= found.length - MAX_COORDINATED; j--) {
        const f = found[j]!;
        if (f.sentence < sentence.index - 1) break;
        if (f.kind !== kind || f.superseded || !partFits(count, kind, f)) continue;
        if (ofThose !== null) {
          if (f.who !== null && headNoun(f.who) === ofThose) return j;
        } else if (!isAside(f)) {
          return j;
        }
      }
      return null;
    };
    const restatesEarlier = (text: string, count: CountMatch, kind: CasualtyKind): boolean => {
      const last = statedAt.get(`${kind}:${count.value}`);
      return (
        last !== undefined &&
        last < sentence.index &&
        DEFINITE_BEFORE.test(text.slice(Math.max(0, count.start - NEAR), count.start))
      );
    };
    /** The index of a group's total: an earlier figure it restates, else the total itself, placed now. */
    const groupTotal = (total: CountMatch, kind: CasualtyKind, who: string | null): number | null => {
      if (!groupTotals.has(total.start)) {
        const restated = totals.restated(kind, total.value);
        if (restated === null) push(total, kind, who, null);
        groupTotals.set(total.start, restated ?? found.length - 1);
      }
      return groupTotals.get(total.start)!;
    };

    /**
     * The harm of the toll an earlier count ("up from 17") was replaced by: the nearest total of this sentence that
     * can have risen from it (or fallen, for "down from"). A vague amount ("dozens were injured") is no revised toll.
     */
    const replaced = (count: CountMatch, rising: boolean): CasualtyKind | null => {
      for (let j = found.length - 1; j >= firstInSentence && j >= found.length - MAX_COORDINATED; j--) {
        const f = found[j]!;
        if (f.partOf !== null || f.superseded || f.qualifier === 'vague') continue;
        if (rising ? f.value > count.value : f.value < count.value) return f.kind;
      }
      return null;
    };

    counts.forEach((count, i) => {
      if (groupTotals.has(count.start) || notAFigure(s, counts, i, facts.denial)) return;
      const part = partitiveOf(s, count, counts[i + 1]);
      if (part) groupTotals.set(part.total.start, null);
      const lastHere = found.length > firstInSentence ? found[found.length - 1]! : null;
      const c = part
        ? partitiveCandidate(count, part)
        : candidate(
            s,
            count,
            facts,
            lastHere ? { kind: lastHere.kind, end: lastHere.end, value: lastHere.value } : null,
            replaced,
            tollEnd,
          );
      // "five of the 30 people taken to hospital had been discharged": the 30 are still a count of the injured.
      if (!c && part?.harm) groupTotals.delete(part.total.start);
      if (!c) return;
      let partOf: number | null = null;
      let kind = c.kind;
      if (part?.harm) {
        groupTotals.delete(part.total.start);
        partOf = groupTotal(part.total, part.harm, part.who);
      } else if (c.subset === 'of-them') {
        const last = found[found.length - 1];
        // "3,412 suspected cases had been recorded …, of which 611": "which" are the cases only when they are the
        // count right before ("killed 12 people in four attacks, of which two …" are attacks).
        const whichFits =
          !c.which || (i > 0 && last?.sentence === sentence.index && last.end === counts[i - 1]!.end);
        if (!whichFits) return;
        // "Nineteen of them were in intensive care, and 27 of them had reported blurred vision": a second "of
        // them" in the sentence is of the same people as the first, not of the first's part.
        const sameThem =
          last && last.sentence === sentence.index && last.partOf !== null && OF_THEM.test(s.slice(last.end));
        partOf =
          last && last.sentence >= sentence.index - 1 && themIsFigure(s, counts, i, last, sentence.index)
            ? sameThem
              ? last.partOf
              : found.length - 1
            : null;
        if (partOf !== null) kind = kind ?? found[partOf]!.kind;
      } else if (c.subset === 'apposed') {
        partOf = found.length - 1;
      } else if (c.subset === 'group' && c.groupKind) {
        partOf =
          leadingTotal && count.start >= leading![0].length
            ? groupTotal(leadingTotal, c.groupKind, null)
            : totals.groupParent(c.groupKind);
      } else if (c.subset === 'including') {
        // The sentence's latest total; or its latest figure, a part itself, when the list follows it in its
        // clause ("37 remained in hospital …, including six in intensive care").
        let parentIdx: number | undefined;
        const latest = found.length > firstInSentence ? found.length - 1 : -1;
        if (
          latest >= 0 &&
          c.listAt !== undefined &&
          found[latest]!.partOf !== null &&
          found[latest]!.end <= c.listAt
        ) {
          const between = s.slice(found[latest]!.end, c.listAt);
          if (
            !/[;:—–]/.test(between) &&
            !/,(?!\s*$)/.test(between) &&
            OWN_VERB.test(between) &&
            partFits(count, kind ?? found[latest]!.kind, found[latest]!)
          )
            parentIdx = latest;
        }
        for (let j = found.length - 1; j >= firstInSentence && parentIdx === undefined; j--) {
          if (found[j]!.partOf === null) parentIdx = j;
        }
        // "The Houthis said all of the dead were civilians, among them three children": the group the list is
        // drawn from is named by its harm, and its total was given before.
        const group =
          parentIdx === undefined && c.listAt !== undefined
            ? LIST_GROUP.exec(s.slice(Math.max(0, c.listAt - NEAR * 2), c.listAt))
            : null;
        if (group) parentIdx = totals.groupParent(kindOfWord(group[1]!)) ?? undefined;
        if (parentIdx !== undefined) {
          partOf = parentIdx;
          kind = kind ?? found[parentIdx]!.kind;
        }
      }
      if (kind) kind = sickOrHurt(kind);
      // A part is of a total of the same harm and no smaller ("52 had been evacuated, … eight of whom were taken
      // to hospitals" is eight injured, not a part of the evacuated).
      if (partOf !== null && !partFits(count, kind, found[partOf]!)) {
        partOf = null;
        if (c.subset === 'of-them' && !c.kind) kind = null;
      }
      if (!kind) return;
      if (partOf === null && !part && c.subset === null) partOf = referredGroup(count, kind, c.who);
      // "said the four soldiers named … were its only military dead", "said the official toll of 34 was
      // accurate": a definite reference back to people an earlier sentence counted restates that figure.
      if (partOf === null && !part && c.subset === null && restatesEarlier(s, count, kind)) return;
      push(count, kind, c.who, partOf);
    });

    // "recovered 28 bodies …: 27 from the plane and one from the helicopter": a list that adds up to the total.
    for (let t = firstInSentence; t < found.length; t++) {
      const total = found[t]!;
      if (total.partOf !== null || total.qualifier !== 'exact' || total.superseded) continue;
      const list = listAfterTotal(s, counts, total);
      if (!list || found.some((f, k) => k >= firstInSentence && f.end > list[0]!.start)) continue;
      for (const c of list) push(c, total.kind, personAt(s.slice(c.end))?.who ?? null, t);
      break;
    }
    linkBreakdown(found, firstInSentence, sentence.index, totals);
    // "according to a resident … He said": an unnamed source is still the one "he" refers to.
    const named = sources.filter((src) => !src.pronoun);
    if (named.length > 0) lastSpeaker = named[named.length - 1]!.text;
    // Only plain reporting carries over to the next sentence ("…, police said. Two others were detained.").
    const first = sources.find((src) => REPORTING.has(src.verb));
    const source = first
      ? resolve(first)
      : sentence.continued && sources.length === 0
        ? carriedSource()
        : sources.length === 0
          ? sharedSource(found, firstInSentence)
          : null;
    // A closing quotation mark ends the quotation.
    quotation = quotationOpened(sentence) ?? (quoted && /["”]$/.test(s) ? null : quoted);
    previous = { paragraph: sentence.paragraph, source, quoting: /["“”]/.test(s) };
  }

  return found.map(
    ({ sentence: _s, paragraph: _p, value: _v, superseded, cumulative: _c, end: _e, ...figure }) => {
      // Known already: supersededFigure need not read the sentence again for each pair of rival counts.
      supersededMemo.set(figure, superseded || EARLIER_COUNT_TEXT.test(figure.countText));
      return figure;
    },
  );
}
