// Reads counts of people as newsrooms write them: digits, number words, "dozens", qualifiers and ranges.
// Table-driven rather than a library: we need the exact span of each phrase inside a sentence (countText must
// be a verbatim slice), vague amounts with an honest floor and ceiling ("dozens": 24 to 99), and qualifiers
// mapped to the schema's enum; the npm number-word readers (words-to-numbers and the like) return only a value
// for a whole string, and know neither spans, qualifiers nor vague amounts.
import type { Qualifier } from '../analysis';

export interface ParsedCount {
  min: number | null;
  max: number | null;
  qualifier: Qualifier;
}

/** A count phrase found inside a longer string, with its offsets in that string. */
export interface CountMatch extends ParsedCount {
  /** The phrase as written, qualifier included: 'at least 12', 'Between 50 and 100'. */
  text: string;
  start: number;
  end: number;
  /** The number itself, without the qualifier (the lower number of a range). */
  value: number;
}

const UNITS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  billion: 1_000_000_000,
};
/** "3m people", "1.2bn": the abbreviations newsrooms put right after the digits. */
const ABBREVIATED_SCALES: Record<string, number> = { m: 1_000_000, mn: 1_000_000, bn: 1_000_000_000 };

/**
 * Vague amounts, each with the smallest and the largest number the wording can honestly mean: "dozens" is at
 * least two dozen and stops short of a hundred, "several hundred" at least three hundred.
 */
const VAGUE_BOUNDS: Record<string, readonly [number, number]> = {
  'hundreds of millions': [200_000_000, 999_999_999],
  'tens of millions': [20_000_000, 99_999_999],
  'hundreds of thousands': [200_000, 999_999],
  'tens of thousands': [20_000, 99_999],
  dozens: [24, 99],
  scores: [40, 199],
  hundreds: [200, 999],
  thousands: [2_000, 9_999],
  millions: [2_000_000, 999_999_999],
  // More than one, and a number in double figures is no handful.
  'a handful': [2, 9],
  ...fewAndSeveral(),
};

/** "a few hundred" is at least two hundred, "several hundred" at least three; both stop where the plural does. */
function fewAndSeveral(): Record<string, readonly [number, number]> {
  const out: Record<string, readonly [number, number]> = {};
  for (const [base, size, ceiling] of [
    ['dozen', 12, 99],
    ['hundred', 100, 999],
    ['thousand', 1_000, 9_999],
    ['million', 1_000_000, 999_999_999],
  ] as const) {
    out[`a few ${base}`] = [2 * size, ceiling];
    out[`several ${base}`] = [3 * size, ceiling];
  }
  return out;
}

const VAGUE_LONGEST_FIRST = Object.keys(VAGUE_BOUNDS).sort((a, b) => b.length - a.length);

/** The lowercased phrase with its runs of whitespace (NBSP and thin spaces included) as single spaces. */
function squash(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The largest number a phrase built on a vague amount can mean ("Hundreds" → 999), or null for other phrases. */
export function vagueCeiling(countText: string): number | null {
  const text = squash(countText);
  const word = VAGUE_LONGEST_FIRST.find((w) => text === w || text.endsWith(` ${w}`));
  return word === undefined ? null : VAGUE_BOUNDS[word]![1];
}

const QUALIFIERS: Record<string, Qualifier> = {
  'at least': 'at_least',
  'no fewer than': 'at_least',
  'not fewer than': 'at_least',
  'no less than': 'at_least',
  'not less than': 'at_least',
  'a minimum of': 'at_least',
  // The low end of what is feared or estimated: a floor, however small it is said to be.
  'as few as': 'at_least',
  'more than': 'more_than',
  over: 'more_than',
  'in excess of': 'more_than',
  // Dictionaries give "upwards of" as "more than".
  'upwards of': 'more_than',
  'upward of': 'more_than',
  about: 'about',
  around: 'about',
  roughly: 'about',
  approximately: 'about',
  nearly: 'about',
  almost: 'about',
  some: 'about',
  'an estimated': 'about',
  'close to': 'about',
  'closer to': 'about',
  'up to': 'up_to',
  'as many as': 'up_to',
  'at most': 'up_to',
  'no more than': 'up_to',
  'not more than': 'up_to',
  'a maximum of': 'up_to',
  'fewer than': 'fewer_than',
  'less than': 'fewer_than',
  under: 'fewer_than',
};
// "well over 100", "just under 50": a word of degree before a comparison keeps its direction.
const DEGREE = /^(?:just|well|slightly|a little|far|much) /;
const COMPARISONS = ['more than', 'over', 'fewer than', 'less than', 'under'];

// "Nearly 100", "almost 40" and "close to 60" fall short of the number: it is a ceiling, and how far short is
// not said.
const SHORT_OF = new Set(['nearly', 'almost', 'close to']);

/** After the number: "12 or more", "1,000-plus", "30-odd", "20 or so", "ten or fewer". */
const AFTERWORDS: Record<string, Qualifier> = {
  'or more': 'at_least',
  '+': 'at_least',
  '-plus': 'at_least',
  // "Somewhat more than": thirty at the least.
  '-odd': 'at_least',
  'or so': 'about',
  'or fewer': 'up_to',
  'or less': 'up_to',
};

/** Alternatives longest first, so "seventeen" is never read as "seven" plus a stray "teen". */
function alternatives(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[+]/g, '\\+').replace(/ /g, '\\s+'))
    .join('|');
}

// The grammar of English cardinals: "nine", "thirty-one" or "thirty one", "two hundred and fifty",
// "a hundred", "one million two hundred thousand".
const UNIT_WORDS = alternatives(Object.keys(UNITS));
const DIGIT_WORDS = alternatives(Object.keys(UNITS).filter((w) => UNITS[w]! < 10));
const TEN_WORDS = alternatives(Object.keys(TENS));
const BELOW_100 = `(?:(?:${TEN_WORDS})(?:(?:-|\\s+)(?:${DIGIT_WORDS}))?|${UNIT_WORDS})`;
// "two hundred and fifty", "a hundred and twelve": BELOW_100 is written once, so a word that starts no number
// is tried against each list once.
const BELOW_1000 = `(?:${BELOW_100}|a(?=\\s+hundred))(?:\\s+hundred(?:\\s+(?:and\\s+)?${BELOW_100})?)?`;
const SCALE_3 = 'thousand|million|billion';
// Groups in any order here; wordsValue turns down any whose scales do not go down ("two thousand one million").
const WORD_NUMBER = `(?:${BELOW_1000}|a(?=\\s+(?:${SCALE_3})))(?:\\s+(?:${SCALE_3})(?:\\s+(?:and\\s+)?${BELOW_1000}(?:\\s+(?:${SCALE_3}))?)*)?`;

// Thousands grouped with commas or with spaces ("11 000", NBSP and thin spaces too), or no grouping at all.
const GROUP_GAP = '[,\\u0020\\u00a0\\u2009\\u202f]';
const DIGITS = `(?:\\d{1,3}(?:${GROUP_GAP}\\d{3})+(?!\\d)|\\d+(?:\\.\\d+)?)`;
// "3m people", but not "a 3m wall", "3m high" or "3m of rain": an abbreviated million is read only where no
// measurement can be meant.
const ABBREVIATION = `(?:${alternatives(Object.keys(ABBREVIATED_SCALES))})(?=\\s+[a-z])(?!\\s+(?:high|tall|long|wide|deep|thick|away|from|of|in|on|above|below|under|across|into|square|cubic|per|metres|meters|feet|wall|walls|waves|fence|drop|hole)\\b)`;
// A digit glued to a hyphen, colon, % or $ is an age, time, score, share or price ("1,000-plus" is a count).
const NOT_A_COUNT_AFTER = `(?![\\d%:]|-(?!(?:plus|odd)\\b)|[.,]\\d)`;
const DIGIT_NUMBER =
  `(?<![\\d$£€.,:\\-])${DIGITS}(?:\\s+(?:million|billion|thousand))?${NOT_A_COUNT_AFTER}` +
  `|(?<![\\d$£€.,:\\-]|\\ban?\\s)${DIGITS}${ABBREVIATION}`;
const DOZEN = `(?:half\\s+a|a|${BELOW_100}|\\d+)\\s+dozen`;
const VAGUE_WORDS = alternatives(Object.keys(VAGUE_BOUNDS));
const NUMBER = `(?:${VAGUE_WORDS}|${DOZEN}|${DIGIT_NUMBER}|${WORD_NUMBER})`;
const QUALIFIER_WORDS = `(?:just|well|slightly|a\\s+little|far|much)\\s+(?:${alternatives(COMPARISONS)})|${alternatives(Object.keys(QUALIFIERS))}`;
const AFTERWORD = `\\s+or\\s+(?:more|so|fewer|less)|-(?:plus|odd)|\\+`;
// Groups: 1 qualifier, 2-3 "between X and Y", 4 the number (or a range's first number), 5 "to"/"or",
// 6 a range's second number, 7 the words after a single number. The trailing guard stops "six-storey",
// "9-year-old" and "1960s" reading as counts.
const PHRASE = new RegExp(
  `(?<![\\w-])(?:(${QUALIFIER_WORDS})\\s+)?(?:between\\s+(${NUMBER})\\s+and\\s+(${NUMBER})|(${NUMBER})(?:\\s+(to|or)\\s+(${NUMBER})|(${AFTERWORD}))?)(?![\\w-])`,
  'gi',
);

/** The value of words such as "two hundred and fifty" or "thirty one", or null when they break the grammar. */
function wordsValue(text: string): number | null {
  const words = text.split(' ');
  let total = 0;
  let group = 0;
  // What the group has so far: nothing, hundreds, a tens word (a unit may follow), or its last word.
  let state: 'empty' | 'hundreds' | 'tens' | 'closed' = 'empty';
  let lastScale = Infinity;
  let any = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1];
    if (word === 'and') {
      // Only after a scale word, and only before more number: "two hundred and fifty".
      if (!/^(?:hundred|thousand|million|billion)$/.test(words[i - 1] ?? '') || next === undefined)
        return null;
      continue;
    }
    if (word === 'a') {
      if (state !== 'empty' || group !== 0 || next === undefined || SCALES[next] === undefined) return null;
      group = 1;
      state = 'closed';
      continue;
    }
    const hyphen = /^([a-z]+)-([a-z]+)$/.exec(word);
    if (hyphen) {
      const tens = TENS[hyphen[1]!];
      const unit = UNITS[hyphen[2]!];
      if (tens === undefined || unit === undefined || unit > 9) return null;
      if (state !== 'empty' && state !== 'hundreds') return null;
      group += tens + unit;
      state = 'closed';
      any = true;
      continue;
    }
    const unit = UNITS[word];
    const tens = TENS[word];
    const scale = SCALES[word];
    if (unit !== undefined) {
      if (state === 'closed' || (state === 'tens' && unit > 9)) return null;
      group += unit;
      state = 'closed';
    } else if (tens !== undefined) {
      if (state !== 'empty' && state !== 'hundreds') return null;
      group += tens;
      state = 'tens';
    } else if (scale === 100) {
      // "two hundred", and "twelve hundred" as people also say it; never "two hundred hundred".
      if (group < 1 || group > 99 || state === 'hundreds') return null;
      group *= 100;
      state = 'hundreds';
    } else if (scale !== undefined) {
      if (group < 1 || scale >= lastScale) return null;
      total += group * scale;
      lastScale = scale;
      group = 0;
      state = 'empty';
    } else {
      return null;
    }
    any = true;
  }
  if (!any || group >= lastScale) return null;
  return total + group;
}

/** The value of one number (no qualifier): '1,200', '11 000', 'thirty-nine', '1.7 million', 'two dozen', 'dozens'. */
export function numberValue(raw: string): number | null {
  const text = squash(raw);
  const vague = VAGUE_BOUNDS[text];
  if (vague !== undefined) return vague[0];
  if (text === 'half a dozen') return 6;
  const dozen = /^(.+) dozen$/.exec(text);
  if (dozen) {
    const n = dozen[1] === 'a' ? 1 : numberValue(dozen[1]!);
    return n === null ? null : n * 12;
  }
  const digits = /^(\d+(?:[, \u2009\u202f]\d{3})*(?:\.\d+)?)(?: ?(million|billion|thousand|m|mn|bn))?$/.exec(
    text,
  );
  if (digits) {
    const n = Number(digits[1]!.replace(/[, \u2009\u202f]/g, ''));
    const scale = digits[2] ? (SCALES[digits[2]] ?? ABBREVIATED_SCALES[digits[2]]!) : 1;
    return Math.round(n * scale);
  }
  return /^[a-z -]+$/.test(text) ? wordsValue(text) : null;
}

function bounds(qualifier: Qualifier, value: number, word?: string): ParsedCount {
  if (word !== undefined && SHORT_OF.has(word)) return { min: null, max: value, qualifier };
  switch (qualifier) {
    case 'at_least':
      return { min: value, max: null, qualifier };
    case 'more_than':
      return { min: value + 1, max: null, qualifier };
    case 'up_to':
      return { min: null, max: value, qualifier };
    case 'fewer_than':
      return { min: null, max: Math.max(0, value - 1), qualifier };
    case 'vague':
      return { min: value, max: null, qualifier };
    default:
      return { min: value, max: value, qualifier };
  }
}

/** The schema's qualifier for the words before a number ("well over" is "more_than"), or undefined. */
function qualifierOf(word: string | undefined): Qualifier | undefined {
  if (word === undefined) return undefined;
  return QUALIFIERS[word] ?? QUALIFIERS[word.replace(DEGREE, '')];
}

/** The largest value a range's upper end can mean: "dozens to hundreds" runs to 999, not to 200. */
function upperValue(raw: string, value: number): number {
  const vague = VAGUE_BOUNDS[squash(raw)];
  return vague === undefined ? value : vague[1];
}

/** A single number and its qualifier (before or after it) as a count. */
function singleCount(
  text: string,
  start: number,
  raw: string,
  qualWord: string | undefined,
  afterWord: string | undefined,
): CountMatch | null {
  const value = numberValue(raw);
  if (value === null) return null;
  const word = qualWord === undefined ? undefined : squash(qualWord);
  const after = afterWord === undefined ? undefined : AFTERWORDS[squash(afterWord)];
  const isVague = VAGUE_BOUNDS[squash(raw)] !== undefined;
  const qualifier = qualifierOf(word) ?? after ?? (isVague ? 'vague' : 'exact');
  const parsed = bounds(qualifier, value, isVague ? undefined : word);
  // Built field by field: object spread here was most of the cost of reading a text dense with numbers.
  return {
    text,
    start,
    end: start + text.length,
    value,
    min: parsed.min,
    max: parsed.max,
    qualifier: parsed.qualifier,
  };
}

/** The count a PHRASE match states, or null; sets `resume.at` when only the start of the match was a count. */
function toMatch(m: RegExpExecArray, resume: { at: number | null }): CountMatch | null {
  const [text, qualWord, betweenLo, betweenHi, lo, joiner, hi, afterWord] = m;
  const rangeLo = betweenLo ?? lo;
  const rangeHi = betweenHi ?? hi;
  if (rangeLo !== undefined && rangeHi !== undefined) {
    const a = numberValue(rangeLo);
    const b = numberValue(rangeHi);
    if (a !== null && b !== null && b > a) {
      return {
        text,
        start: m.index,
        end: m.index + text.length,
        value: a,
        min: a,
        max: upperValue(rangeHi, b),
        qualifier: 'range',
      };
    }
    // "30 or 20", "5 to 3": not a range. Read the first number on its own and go on from there.
    if (joiner === undefined || lo === undefined) return null;
    // The qualifier and its spaces come first, so the first occurrence after the qualifier is the number.
    const loEnd = text.indexOf(lo, qualWord?.length ?? 0) + lo.length;
    resume.at = m.index + loEnd;
    return singleCount(text.slice(0, loEnd), m.index, lo, qualWord, undefined);
  }
  if (lo === undefined) return null;
  return singleCount(text, m.index, lo, qualWord, afterWord);
}

const SCALE_WORDS = alternatives(Object.keys(SCALES));
// A number as written, its scale word included, so '1.7 million' is one value and never '1.7' and 'million';
// a vague amount as a whole, so "tens of thousands" is not "thousands" and "a few hundred" not 100.
const STATED_NUMBER = new RegExp(
  `(?:${VAGUE_WORDS})(?![a-z])|(?:\\d{1,3}(?: \\d{3})+(?![\\d.,:])|(?<!\\ban?\\s)\\d+(?:\\.\\d+)?${ABBREVIATION}|\\d+(?:[.,:]\\d+)*|(?:${WORD_NUMBER})(?![a-z]))(?:\\s+(?:${SCALE_WORDS}|dozen)(?![a-z]))?|[a-z]+`,
  'gi',
);

/** One token's value: '1,200' → '1200', 'thirty' → '30', 'dozens' → 'dozens'; times stay as written. */
function tokenValue(token: string): string | null {
  if (/^\d/.test(token)) {
    const scaled = /^([\d.,]+?)(m|mn|bn)$/i.exec(token);
    const n = scaled
      ? Number(scaled[1]!.replace(/,/g, '')) * ABBREVIATED_SCALES[scaled[2]!.toLowerCase()]!
      : Number(token.replace(/,/g, ''));
    return token.includes(':') || Number.isNaN(n) ? token : String(Math.round(n));
  }
  const word = token.toLowerCase();
  // 'one' is mostly a pronoun ("one of the officials").
  if (word === 'one') return null;
  if (VAGUE_BOUNDS[word] !== undefined) return word;
  const n = UNITS[word] ?? TENS[word] ?? SCALES[word] ?? (word === 'dozen' ? 12 : undefined);
  return n === undefined ? null : String(n);
}

/**
 * Every number a text states, as comparable values, for checking that a paraphrase uses only the article's
 * numbers: '30' and 'thirty' agree; 'thirty-nine' is 39 (not 30 and 9), 'two hundred and fifty' 250,
 * '1.7 million' 1700000, '11 000' 11000 and 'two dozen' 24, so no part of a number passes for a number of its
 * own. Vague amounts stay words ("tens of thousands"). Broader than findCounts on purpose: ages, times and
 * percentages are numbers a paraphrase may not invent.
 */
export function statedNumbers(text: string): string[] {
  const values: string[] = [];
  for (const [phrase] of text.matchAll(STATED_NUMBER)) {
    // Most phrases are one word or one number: read it as the one token it is (the common case by far, so
    // no per-phrase token scan).
    if (!/[\s-]/.test(phrase)) {
      const v = tokenValue(phrase);
      if (v !== null) values.push(v);
      continue;
    }
    const vague = squash(phrase);
    if (VAGUE_BOUNDS[vague] !== undefined) {
      values.push(vague);
      continue;
    }
    const whole = numberValue(phrase);
    if (whole !== null) {
      values.push(String(whole));
      continue;
    }
    for (const [token] of phrase.matchAll(/\d+(?:[.,:]\d+)*|[a-z]+/gi)) {
      const v = tokenValue(token);
      if (v !== null) values.push(v);
    }
  }
  return values;
}

// Units a number measures in: length, height, weight, volume, area, speed, temperature, shares, time and money.
// "a mountain hut at 2,759 metres", "25 years of policing", "20 rupees each": none of them counts anyone, so no
// cue elsewhere in the sentence ("The toll stands at five …") can make one a toll. Scales of counting ("lakh",
// "crore") are not units: "2 lakh people" are people.
const MEASURE_UNIT =
  /^\s*°|^\s*[mg](?=\s*(?:[,.;:)]|$)|\s+(?:high|tall|long|wide|deep|above|below|away|from|of|up|down|into|under)\b)|^\s*(?:(?:sq(?:uare)?|cubic)\s+)?(?:(?:kilo|centi|milli)?(?:metres?|meters?)|km|kms|cm|mm|mi|miles?|feet|foot|ft|inch(?:es)?|yards?|metric\s+tons|tonnes?|tons?|kilo(?:gram)?s?|kg|grams?|pounds|lbs?|ounces?|oz|(?:kilo|milli)?lit(?:re|er)s?|gallons?|barrels?|hectares?|acres?|degrees?|mph|km\/h|kph|knots?|per\s*cent|percent|pc|%|hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|weeks?|months?|years?|yrs?|decades?|centuries|storeys?|stories|votes|seats|points|goals|runs|wickets|dollars?|euros?|rupees?|taka|yuan|yen|roubles?|rubles?|naira|shillings?|pesos?|dinars?|riyals?|dirhams?|lira|francs?|cents?|pence|kwacha|rand|cedis?|birr|afghanis?|hryvnias?|rials?)(?![\w-])/i;

/** Whether the text right after a number names a unit of measure, time or money: the number counts no one. */
export function measuredAfter(after: string): boolean {
  return MEASURE_UNIT.test(after.slice(0, 32));
}

/** Every count phrase in a string, in order, with offsets; "from 72 to 129" is two counts, not a range. */
export function findCounts(text: string): CountMatch[] {
  const found: CountMatch[] = [];
  const resume: { at: number | null } = { at: null };
  PHRASE.lastIndex = 0;
  for (let m = PHRASE.exec(text); m; m = PHRASE.exec(text)) {
    resume.at = null;
    const match = toMatch(m, resume);
    if (resume.at !== null) PHRASE.lastIndex = resume.at;
    if (!match) continue;
    const before = text.slice(Math.max(0, m.index - 6), m.index);
    if (match.qualifier === 'range' && /\bfrom\s+$/i.test(before) && !/^between/i.test(match.text)) {
      // A change "from X to Y" reports two figures; re-read the phrase as separate numbers.
      const inner = /^(.+?)\s+to\s+(.+)$/i.exec(match.text);
      if (inner) {
        const loText = inner[1]!;
        const hiText = inner[2]!;
        const hiStart = match.start + match.text.length - hiText.length;
        for (const [t, s] of [
          [loText, match.start],
          [hiText, hiStart],
        ] as const) {
          const v = numberValue(t);
          if (v !== null)
            found.push({
              text: t,
              start: s,
              end: s + t.length,
              value: v,
              min: v,
              max: v,
              qualifier: 'exact',
            });
        }
        continue;
      }
    }
    found.push(match);
  }
  return found;
}

/**
 * Reads the count a verbatim phrase states: '30' → 30..30 exact, 'at least 12' → 12..null at_least,
 * 'more than 1,000' → 1001..null more_than, 'No more than 12' → null..12 up_to, 'six' → 6..6,
 * 'dozens' → 24..null vague, 'between 20 and 30' and '20 or 30' → 20..30 range. null when the phrase holds
 * no count.
 */
export function parseCount(text: string): ParsedCount | null {
  const first = findCounts(text)[0];
  if (!first) return null;
  return { min: first.min, max: first.max, qualifier: first.qualifier };
}
