// Text as a reader sees it, for matching phrases someone may have disguised: "Nоte to AI" with a Cyrillic о,
// "to\u200bAI" with a zero-width space, "𝐍𝐨𝐭𝐞" in mathematical bold. Compatibility forms fold by NFKD, accents
// drop, and the letters of other scripts that look like Latin ones (Unicode's confusables for Cyrillic, Greek
// and Armenian, the scripts such disguises use) map to the Latin letter. Every character of the result keeps the
// offset it came from, so a match found in the skeleton is placed in the original text.

// Look-alikes of Latin letters that NFKD leaves alone (from Unicode's confusables.txt).
const LOOKALIKES: Record<string, string> = {
  // Cyrillic
  а: 'a',
  с: 'c',
  ԁ: 'd',
  е: 'e',
  һ: 'h',
  і: 'i',
  ј: 'j',
  ӏ: 'l',
  о: 'o',
  р: 'p',
  ԛ: 'q',
  ѕ: 's',
  у: 'y',
  ԝ: 'w',
  х: 'x',
  ү: 'y',
  А: 'A',
  В: 'B',
  С: 'C',
  Е: 'E',
  Н: 'H',
  І: 'I',
  Ӏ: 'I',
  Ј: 'J',
  К: 'K',
  М: 'M',
  О: 'O',
  Р: 'P',
  Ԛ: 'Q',
  Ѕ: 'S',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  Ү: 'Y',
  Ԝ: 'W',
  // Greek
  α: 'a',
  γ: 'y',
  ι: 'i',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  υ: 'u',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  // Armenian and Latin extensions
  օ: 'o',
  ս: 'u',
  հ: 'h',
  ո: 'n',
  ı: 'i',
  ȷ: 'j',
  ɑ: 'a',
  ɡ: 'g',
  ɩ: 'i',
  ʏ: 'y',
};

// Characters that show nothing: zero-width spaces and joiners, soft hyphens, direction marks, variation
// selectors, the byte-order mark.
const INVISIBLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0xad, 0xad],
  [0x34f, 0x34f],
  [0x61c, 0x61c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
];

function invisible(code: number): boolean {
  return INVISIBLE_RANGES.some(([lo, hi]) => code >= lo && code <= hi);
}

// Nothing to fold: ASCII and the typographic punctuation of ordinary copy (curly quotes, dashes, ellipses).
const PLAIN = /^[\t\n\r\x20-\x7e\u00a0-\u00ac\u00ae-\u00bf\u2010-\u2027\u2030-\u205e]*$/;

export interface Skeleton {
  text: string;
  /** For each character of text, the offset in the original it came from. */
  from: number[];
}

/**
 * The skeletons a phrase is looked for in: one with invisible characters dropped ("A\u200bI" is "AI"), and, when
 * there are any, one with them read as spaces ("to\u200bAI" is "to AI"). Plain ASCII text is its own skeleton.
 */
export function skeletons(original: string): Skeleton[] {
  if (PLAIN.test(original)) return [{ text: original, from: [] }];
  const dropped = skeleton(original, '');
  return dropped.hadInvisible ? [dropped, skeleton(original, ' ')] : [dropped];
}

/** The original offset of offset `at` of a skeleton. */
export function originalOffset(s: Skeleton, at: number): number {
  return s.from.length === 0 ? at : (s.from[at] ?? s.from[s.from.length - 1]! + 1);
}

function skeleton(original: string, shownAs: string): Skeleton & { hadInvisible: boolean } {
  let text = '';
  const from: number[] = [];
  let at = 0;
  let hadInvisible = false;
  for (const ch of original) {
    let out = ch;
    const code = ch.codePointAt(0)!;
    if (code > 0x7f) {
      if (invisible(code)) {
        hadInvisible = true;
        out = shownAs;
      } else {
        out = LOOKALIKES[ch] ?? ch.normalize('NFKD').replace(/\p{M}/gu, '');
      }
    }
    for (let i = 0; i < out.length; i++) from.push(at);
    text += out;
    at += ch.length;
  }
  return { text, from, hadInvisible };
}
