// Who a count is of: "12 fans", "two safety supervisors", "13 U.S. service members". Wire copy names victims with
// an open set of nouns (hikers, spectators, commuters, worshipers …), so a closed list always misses some and the
// toll vanishes. A head noun is therefore a person when it is listed, or when it is an agent noun (-ers, -ors,
// -ists, -ians, -ees, -men) that is not a known thing: a harm verb must still tie the count to it.

// Plurals, and the collective nouns wire copy counts people with ("seven crew", "12 staff").
const PEOPLE = [
  'people',
  'persons',
  'folk',
  'civilians',
  'children',
  'kids',
  'babies',
  'infants',
  'toddlers',
  'girls',
  'boys',
  'women',
  'men',
  'adults',
  'youths',
  'teens',
  'teenagers',
  'adolescents',
  'minors',
  'juveniles',
  'students',
  'pupils',
  'schoolchildren',
  'schoolgirls',
  'schoolboys',
  'parents',
  'grandparents',
  'families',
  'family members',
  'relatives',
  'siblings',
  'brothers',
  'sisters',
  'sons',
  'daughters',
  'wives',
  'husbands',
  'couples',
  'individuals',
  'others',
  'victims',
  'survivors',
  'casualties',
  'bodies',
  'residents',
  'inhabitants',
  'villagers',
  'locals',
  'citizens',
  'nationals',
  'foreigners',
  'expatriates',
  'migrants',
  'immigrants',
  'emigrants',
  'refugees',
  'asylum seekers',
  'evacuees',
  'tourists',
  'visitors',
  'guests',
  'pilgrims',
  'worshipers',
  'worshippers',
  'faithful',
  'fans',
  'spectators',
  'supporters',
  'attendees',
  'participants',
  'revelers',
  'revellers',
  'concertgoers',
  'festivalgoers',
  'partygoers',
  'shoppers',
  'customers',
  'diners',
  'commuters',
  'passengers',
  'travelers',
  'travellers',
  'pedestrians',
  'motorists',
  'drivers',
  'cyclists',
  'bikers',
  'riders',
  'hikers',
  'climbers',
  'trekkers',
  'skiers',
  'swimmers',
  'surfers',
  'divers',
  'campers',
  'mountaineers',
  'players',
  'athletes',
  'footballers',
  'runners',
  'crew',
  'crew members',
  'crewmembers',
  'staff',
  'staffers',
  'staff members',
  'personnel',
  'employees',
  'workers',
  'laborers',
  'labourers',
  'contractors',
  'miners',
  'farmers',
  'fishermen',
  'herders',
  'traders',
  'merchants',
  'vendors',
  'shopkeepers',
  'engineers',
  'technicians',
  'managers',
  'supervisors',
  'executives',
  'officials',
  'lawmakers',
  'politicians',
  'candidates',
  'voters',
  'pilots',
  'sailors',
  'seafarers',
  'fishers',
  'seamen',
  'crewmen',
  'doctors',
  'physicians',
  'surgeons',
  'nurses',
  'medics',
  'paramedics',
  'health workers',
  'aid workers',
  'patients',
  'teachers',
  'professors',
  'priests',
  'monks',
  'nuns',
  'clerics',
  'imams',
  'journalists',
  'reporters',
  'photographers',
  'cameramen',
  'activists',
  'protesters',
  'protestors',
  'demonstrators',
  'marchers',
  'strikers',
  'rioters',
  'opponents',
  'dissidents',
  'members',
  'rescuers',
  'firefighters',
  'volunteers',
  'peacekeepers',
  'police',
  'police officers',
  'officers',
  'policemen',
  'policewomen',
  'guards',
  'bodyguards',
  'soldiers',
  'troops',
  'servicemen',
  'servicewomen',
  'service members',
  'airmen',
  'marines',
  'fighters',
  'militants',
  'militiamen',
  'combatants',
  'rebels',
  'insurgents',
  'gunmen',
  'bandits',
  'guerrillas',
  'guerillas',
  'criminals',
  'pirates',
  'mercenaries',
  'jihadis',
  'commandos',
  'cadets',
  'recruits',
  'conscripts',
  'attackers',
  'assailants',
  // How armed groups' claims name those they killed: "killed more than 40 apostates".
  'apostates',
  'infidels',
  'heretics',
  'crusaders',
  'spies',
  'enemies',
  'hostages',
  'captives',
  'prisoners',
  'inmates',
  'detainees',
  'convicts',
  'suspects',
  'defendants',
  'informants',
  'agents',
  'diplomats',
  'envoys',
  'tenants',
  'occupants',
  'homeowners',
  'peasants',
  'settlers',
  'tribesmen',
  'elders',
  'passers-by',
  'bystanders',
  'onlookers',
  'Britons',
];
const PEOPLE_SET = new Set(PEOPLE);
// The first words of the two-word heads ("crew members"), so a pair is looked up only when it can be one.
const PAIR_FIRST = new Set(PEOPLE.filter((p) => p.includes(' ')).map((p) => p.split(' ')[0]!));

// "one teacher", "one police officer": the singular of each plural, for counts of one.
const SINGULAR_EXCEPTIONS: Record<string, string> = {
  people: 'person',
  children: 'child',
  women: 'woman',
  men: 'man',
  wives: 'wife',
  police: 'police officer',
};
function singular(plural: string): string | null {
  if (plural in SINGULAR_EXCEPTIONS) return SINGULAR_EXCEPTIONS[plural]!;
  if (/men$/.test(plural)) return plural.replace(/men$/, 'man');
  if (/ies$/.test(plural)) return plural.replace(/ies$/, 'y');
  if (/[^s]s$/.test(plural) && plural !== 'others' && plural !== 'persons') return plural.slice(0, -1);
  return null;
}
const SINGULAR_SET = new Set(PEOPLE.map(singular).filter((s): s is string => s !== null));

// Agent nouns that name things, not people: vehicles, machines, places, measures, animals.
const NOT_PEOPLE = new Set(
  (
    'containers helicopters choppers tankers trawlers freighters steamers carriers bombers trailers scooters ' +
    'cruisers destroyers minesweepers liners airliners jetliners boosters thrusters propellers launchers ' +
    'transformers computers servers routers printers scanners chargers heaters coolers boilers burners lighters ' +
    'towers shelters bunkers centers centres theaters theatres chambers quarters headquarters skyscrapers ' +
    'waters rivers borders corners meters metres kilometers kilometres centimeters millimeters liters litres ' +
    'numbers letters papers orders matters chapters layers powers flowers showers answers offers covers filters ' +
    'posters banners stickers lockers ladders hammers markers lasers stretchers cylinders canisters barriers ' +
    'silencers revolvers holsters dumpsters sneakers trousers slippers diapers peppers cucumbers embers fibers ' +
    'fibres timbers craters clusters folders binders ledgers vouchers waivers feathers thrillers blockbusters ' +
    'tigers panthers otters lobsters oysters hamsters roosters vipers spiders beavers heifers steers plovers ' +
    'warblers badgers gliders sliders rollers rockers blenders tenders dinners burgers beers weathers ' +
    'floors doors errors mirrors colors colours flavors flavours odors sectors factors motors vectors rotors ' +
    'tractors reactors generators ventilators elevators escalators incubators detectors sensors indicators ' +
    'processors accelerators radiators transistors calculators corridors interiors exteriors meteors predators ' +
    'alligators raptors condors rumors rumours tumors humors honors honours favors favours harbors harbours ' +
    'armors anchors manors monitors ' +
    'trees fees degrees knees committees guarantees decrees bees tees coffees levees jamborees ' +
    'lists wrists fists mists twists cysts ' +
    'specimens abdomens regimens omens omen amen stamen semen abdomen lumen hymen'
  ).split(/\s+/),
);
const AGENT_NOUN = /^[a-z][a-z-]*(?:ers|ors|ists|ians|ees|men|children|people|folk)$/;
// "Ukrainians", "Israelis", "Marines": capitalised nationals and forces.
const DEMONYM = /^[A-Z][a-z]+(?:ians|ans|eans|ese|is|ers)$/;
const CAPITALISED = new Set(['Marines', 'Marine', 'Guardsmen', 'Airmen', 'Rangers', 'SEALs']);

function isPersonHead(word: string): boolean {
  if (PEOPLE_SET.has(word) || SINGULAR_SET.has(word) || CAPITALISED.has(word) || DEMONYM.test(word))
    return true;
  return AGENT_NOUN.test(word) && !NOT_PEOPLE.has(word);
}

// Adjectives and noun modifiers ("railway employees"), never function words ("after some victims").
const FUNCTION_WORDS = new Set(
  (
    'after before in on at of for with from to by some the a an and or but were was had have has are is been being ' +
    'as when while since during into than that which who its their his her our many most all those these this'
  ).split(' '),
);
// "Syrian refugees", "Hamas fighters", "U.N. workers": a capitalised modifier is a nationality or a group.
const MODIFIER = /^(?:[A-Za-z][A-Za-z'’-]*|U\.S\.|U\.N\.)$/;
// A word, with the whitespace before it.
const TOKEN = /(\s*)(U\.S\.|U\.N\.|[A-Za-z][\w'’-]*)/y;
const MAX_MODIFIERS = 2;
const SCALE_ABBREVIATION = /^(?:m|mn|bn|k)$/i;
// A closing quotation mark may come first: 'that "fewer than 10" civilians had died'.
const OF_THE = /^["”’]?\s+(?:of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?)?/;

export interface PersonPhrase {
  /** Who the count is of, as written: "safety supervisors". */
  who: string;
  /** Length of the text read, from the start of the text given to the end of `who`. */
  length: number;
}

/**
 * The people named at the start of `text`, after what `lead` matches (by default a space and an optional "of
 * the"), with up to two modifiers before the head noun: " fans were hurt" → "fans", " safety supervisors" →
 * "safety supervisors".
 */
export function personAt(text: string, lead: RegExp = OF_THE): PersonPhrase | null {
  const opening = lead.exec(text);
  if (!opening) return null;
  const start = opening[0].length;
  // Most counts are followed by no word at all ("1,200,", "2023."): nothing to read.
  if (!/[A-Za-z]/.test(text.charAt(start))) return null;
  TOKEN.lastIndex = start;
  let here = nextWord(text, true);
  for (let j = 0; here && j <= MAX_MODIFIERS; j++) {
    const next = nextWord(text, false);
    // "crew members", "police officers": a two-word head wins over its first word.
    if (
      next &&
      PAIR_FIRST.has(here.word) &&
      isPersonPair(`${here.word} ${next.word}`) &&
      followsCleanly(text, next.end)
    ) {
      return { who: text.slice(start, next.end), length: next.end };
    }
    const head = possessiveBase(here.word);
    const end = here.end - head.cut;
    if (isPersonHead(head.word) && followsCleanly(text, end)) {
      // "700,000 Sudanese refugees": a nationality that is also a plural still describes the noun after it.
      if (
        head.cut === 0 &&
        next &&
        DEMONYM.test(head.word) &&
        isPersonHead(next.word) &&
        followsCleanly(text, next.end)
      )
        return { who: text.slice(start, next.end), length: next.end };
      return { who: text.slice(start, end), length: end };
    }
    // Every word before the head must be a modifier: "railway employees", never "after some victims".
    if (!MODIFIER.test(here.word) || FUNCTION_WORDS.has(here.word)) return null;
    // "2 m people", "1.5 bn people": a scale set apart from its number, so the number alone would be a
    // millionth of the count.
    if (j === 0 && SCALE_ABBREVIATION.test(here.word)) return null;
    here = next;
  }
  return null;
}

/** The word at TOKEN.lastIndex; after the first, only one with whitespace before it. */
function nextWord(text: string, first: boolean): { word: string; end: number } | null {
  const m = TOKEN.exec(text);
  if (!m || first !== (m[1] === '')) return null;
  return { word: m[2]!, end: TOKEN.lastIndex };
}

function isPersonPair(pair: string): boolean {
  return PEOPLE_SET.has(pair) || SINGULAR_SET.has(pair);
}

/** "people's" is read as "people", the possessive left after it. */
function possessiveBase(word: string): { word: string; cut: number } {
  if (!word.includes("'") && !word.includes('’')) return { word, cut: 0 };
  const m = /['’]s?$/.exec(word);
  return m ? { word: word.slice(0, m.index), cut: m[0].length } : { word, cut: 0 };
}

function followsCleanly(text: string, end: number): boolean {
  return !/^[\w-]/.test(text.slice(end, end + 1));
}
