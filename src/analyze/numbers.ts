// Reads counts of people as newsrooms write them: digits, number words, "dozens", qualifiers and ranges.
// Table-driven rather than a library: we need the exact span of each phrase inside a sentence (countText must
// be a verbatim slice), vague plurals with a lower bound ("dozens" → 24..), and qualifiers mapped to the
// schema's enum; the npm number-word readers return only a value for a whole string.
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

/** Vague plurals: the smallest number the wording can honestly mean ("dozens" is at least two dozen). */
const VAGUE: Record<string, number> = {
  'hundreds of thousands': 200_000,
  'tens of thousands': 20_000,
  dozens: 24,
  scores: 40,
  hundreds: 200,
  thousands: 2_000,
  millions: 2_000_000,
};

/** The largest number each vague plural can honestly mean: "hundreds" stops short of a thousand. */
const VAGUE_CEILING: Record<string, number> = {
  'hundreds of thousands': 999_999,
  'tens of thousands': 99_999,
  dozens: 99,
  scores: 199,
  hundreds: 999,
  thousands: 9_999,
  millions: 999_999_999,
};

const VAGUE_LONGEST_FIRST = Object.keys(VAGUE_CEILING).sort((a, b) => b.length - a.length);

/** The largest number a phrase built on a vague plural can mean ("Hundreds" → 999), or null for other phrases. */
export function vagueCeiling(countText: string): number | null {
  const text = countText.toLowerCase().replace(/\s+/g, ' ');
  const word = VAGUE_LONGEST_FIRST.find((w) => text === w || text.endsWith(` ${w}`));
  return word === undefined ? null : VAGUE_CEILING[word]!;
}

const QUALIFIERS: Record<string, Qualifier> = {
  'at least': 'at_least',
  'no fewer than': 'at_least',
  'more than': 'more_than',
  over: 'more_than',
  'just over': 'more_than',
  'upwards of': 'more_than',
  about: 'about',
  around: 'about',
  roughly: 'about',
  approximately: 'about',
  nearly: 'about',
  almost: 'about',
  'just under': 'about',
  some: 'about',
  'an estimated': 'about',
  'close to': 'about',
  'closer to': 'about',
  'up to': 'up_to',
  'as many as': 'up_to',
  'fewer than': 'fewer_than',
  'less than': 'fewer_than',
};

const UNIT_WORDS = Object.keys(UNITS).join('|');
const TEN_WORDS = Object.keys(TENS).join('|');
const WORD_NUMBER = `(?:(?:${TEN_WORDS})(?:-(?:${UNIT_WORDS}))?|${UNIT_WORDS})(?:\\s+(?:hundred|thousand|million))?`;
// 1,200 | 1.7 | 30 ; a digit glued to a hyphen, colon, % or $ is an age, time, score, share or price.
const DIGIT_NUMBER = `(?<![\\d$£€.,:\\-])(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?:\\s+(?:million|billion|thousand))?(?![\\d%:\\-]|[.,]\\d)`;
const DOZEN = `(?:a|${UNIT_WORDS}|\\d+)\\s+dozen`;
const VAGUE_WORDS = Object.keys(VAGUE).join('|');
const NUMBER = `(?:${DOZEN}|${DIGIT_NUMBER}|${VAGUE_WORDS}|${WORD_NUMBER})`;
const QUALIFIER_WORDS = Object.keys(QUALIFIERS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const RANGE = `(?:between\\s+(${NUMBER})\\s+and\\s+(${NUMBER})|(${NUMBER})\\s+to\\s+(${NUMBER}))`;
// The trailing guard stops "six-storey", "9-year-old" and "1960s" reading as counts.
const PHRASE = new RegExp(`(?<![\\w-])(?:(${QUALIFIER_WORDS})\\s+)?(?:${RANGE}|(${NUMBER}))(?![\\w-])`, 'gi');

/** The value of one number (no qualifier): '1,200', 'thirty-nine', '1.7 million', 'two dozen', 'dozens'. */
export function numberValue(raw: string): number | null {
  const text = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  const vague = VAGUE[text];
  if (vague !== undefined) return vague;
  const dozen = /^(.+) dozen$/.exec(text);
  if (dozen) {
    const n = dozen[1] === 'a' ? 1 : numberValue(dozen[1]!);
    return n === null ? null : n * 12;
  }
  const digits = /^(\d[\d,]*(?:\.\d+)?)(?: (million|billion|thousand))?$/.exec(text);
  if (digits) {
    const n = Number(digits[1]!.replace(/,/g, ''));
    const scale = digits[2] ? SCALES[digits[2]]! : 1;
    return Math.round(n * scale);
  }
  const words = /^([a-z]+)(?:-([a-z]+))?(?: (hundred|thousand|million))?$/.exec(text);
  if (!words) return null;
  const first = words[1]!;
  let n = UNITS[first] ?? TENS[first];
  if (n === undefined) return null;
  if (words[2] !== undefined) {
    const unit = UNITS[words[2]];
    if (TENS[first] === undefined || unit === undefined || unit > 9) return null;
    n += unit;
  }
  return words[3] ? n * SCALES[words[3]]! : n;
}

// "Nearly 100" and "almost 40" fall short of the number: it is a ceiling, and how far short is not said.
const SHORT_OF = new Set(['nearly', 'almost', 'just under']);

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

function toMatch(m: RegExpExecArray): CountMatch | null {
  const [text, qualWord, betweenLo, betweenHi, toLo, toHi, single] = m;
  const qualifierWord = qualWord?.toLowerCase().replace(/\s+/g, ' ');
  // Built field by field: object spread here was most of the cost of reading a text dense with numbers.
  const match = (value: number, parsed: ParsedCount): CountMatch => ({
    text,
    start: m.index,
    end: m.index + text.length,
    value,
    min: parsed.min,
    max: parsed.max,
    qualifier: parsed.qualifier,
  });
  const lo = betweenLo ?? toLo;
  const hi = betweenHi ?? toHi;
  if (lo !== undefined && hi !== undefined) {
    const a = numberValue(lo);
    const b = numberValue(hi);
    if (a === null || b === null || b <= a) return null;
    return match(a, { min: a, max: b, qualifier: 'range' });
  }
  if (single === undefined) return null;
  const value = numberValue(single);
  if (value === null) return null;
  if (VAGUE[single.toLowerCase().replace(/\s+/g, ' ')] !== undefined) {
    return match(value, bounds(qualifierWord ? QUALIFIERS[qualifierWord]! : 'vague', value));
  }
  const qualifier: Qualifier = qualifierWord ? QUALIFIERS[qualifierWord]! : 'exact';
  return match(value, bounds(qualifier, value, qualifierWord));
}

const SCALE_WORDS = Object.keys(SCALES).join('|');
// A number as written, its scale word included, so '1.7 million' is one value and never '1.7' and 'million'.
const STATED_NUMBER = new RegExp(
  `(?:\\d+(?:[.,:]\\d+)*|(?:(?:${TEN_WORDS})-(?:${UNIT_WORDS})|${TEN_WORDS}|${UNIT_WORDS})(?![a-z]))(?:\\s+(?:${SCALE_WORDS}|dozen)(?![a-z]))?|[a-z]+`,
  'gi',
);

/** One token's value: '1,200' → '1200', 'thirty' → '30', 'dozens' → 'dozens'; times stay as written. */
function tokenValue(token: string): string | null {
  if (/^\d/.test(token)) {
    const n = Number(token.replace(/,/g, ''));
    return token.includes(':') || Number.isNaN(n) ? token : String(n);
  }
  const word = token.toLowerCase();
  // 'one' is mostly a pronoun ("one of the officials").
  if (word === 'one') return null;
  if (VAGUE[word] !== undefined) return word;
  const n = UNITS[word] ?? TENS[word] ?? SCALES[word] ?? (word === 'dozen' ? 12 : undefined);
  return n === undefined ? null : String(n);
}

/**
 * Every number a text states, as comparable values, for checking that a paraphrase uses only the article's
 * numbers: '30' and 'thirty' agree; 'thirty-nine' is 39 (not 30 and 9), '1.7 million' is 1700000 and
 * 'two dozen' 24, so no part of a number passes for a number of its own. Vague plurals stay words.
 * Broader than findCounts on purpose: ages, times and percentages are numbers a paraphrase may not invent.
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

/** Every count phrase in a string, in order, with offsets; "from 72 to 129" is two counts, not a range. */
export function findCounts(text: string): CountMatch[] {
  const found: CountMatch[] = [];
  PHRASE.lastIndex = 0;
  for (let m = PHRASE.exec(text); m; m = PHRASE.exec(text)) {
    const match = toMatch(m);
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
 * 'more than 1,000' → 1001..null more_than, 'six' → 6..6, 'dozens' → 24..null vague,
 * 'between 20 and 30' → 20..30 range. null when the phrase holds no count.
 */
export function parseCount(text: string): ParsedCount | null {
  const first = findCounts(text)[0];
  if (!first) return null;
  return { min: first.min, max: first.max, qualifier: first.qualifier };
}
