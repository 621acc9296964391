// Text hygiene for article paragraphs. Every verbatim quote downstream is grounded against this text, so it
// must hold the article's own words and nothing a reader could not see.

import { stripTemplateArtefacts } from './template-artefacts';

// Everything Unicode lets a renderer show as nothing (Default_Ignorable_Code_Point: zero-width and joiner
// characters, bidi controls, soft hyphens, variation selectors, Hangul and Mongolian fillers and selectors, the
// whole tag block U+E0000-E0FFF) and every other format character (hieroglyph and musical-beam controls,
// interlinear annotation marks). Tag characters and the 256 variation selectors can each carry a hidden byte
// ("emoji smuggling"): an instruction spelled in them survives copy and paste and is invisible in Slack.
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;
// Blank-looking letters and symbols that scammers use as spaces or as an "empty" title.
const BLANK = /[\u2800\u3164\uFFA0]/g;
// Format characters a reader does see: the Arabic and Syriac signs that span the digits after them.
const VISIBLE_FORMAT = /^[\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u{110BD}\u{110CD}]$/u;
const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;
const EMOJI = /^\p{Emoji}$/u;
const ZWJ = 0x200d;
const VS16 = 0xfe0f;
const KEYCAP = 0x20e3;

function codePointBefore(s: string, i: number): number | undefined {
  const low = s.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) return s.codePointAt(i - 2);
  return i >= 1 ? low : undefined;
}

const isPictograph = (cp: number | undefined): boolean =>
  cp !== undefined && PICTOGRAPH.test(String.fromCodePoint(cp));

/** The emoji a joiner or VS16 at `i` would attach to, past one VS16 or skin-tone modifier. */
function emojiBefore(s: string, i: number): number | undefined {
  let j = i;
  let cp = codePointBefore(s, j);
  if (cp === VS16 || (cp !== undefined && cp >= 0x1f3fb && cp <= 0x1f3ff)) {
    j -= cp > 0xffff ? 2 : 1;
    cp = codePointBefore(s, j);
  }
  return cp;
}

// ZWJ and VS16 are part of what an emoji looks like ("👩‍🚀", "❤️"), so they stay inside emoji sequences, one
// VS16 per emoji at most: a run of selectors after an emoji is the smuggling channel again.
function keepInvisible(ch: string, i: number, s: string): boolean {
  const cp = ch.codePointAt(0)!;
  if (cp === ZWJ) return isPictograph(emojiBefore(s, i)) && isPictograph(s.codePointAt(i + 1));
  if (cp === VS16) {
    const before = codePointBefore(s, i);
    if (before === undefined || !EMOJI.test(String.fromCodePoint(before))) return false;
    // Digits, '#' and '*' are Emoji too, but only as a keycap ("1️⃣")
    return before > 0x7f || s.charCodeAt(i + 1) === KEYCAP;
  }
  return VISIBLE_FORMAT.test(ch);
}

// C0/C1 controls other than tab and newlines (NUL bytes, escape sequences) carry no text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

export function stripInvisible(text: string): string {
  return text
    .replace(BLANK, ' ')
    .replace(INVISIBLE, (ch: string, i: number, s: string) => (keepInvisible(ch, i, s) ? ch : ''))
    .replace(CONTROL, '');
}

/** CMS placeholders and shortcodes left in the text; see template-artefacts.ts. */
export const stripTemplateTokens = stripTemplateArtefacts;

/** One paragraph as the analyzer should see it: visible characters only, single spaces, trimmed. */
export function cleanParagraph(text: string): string {
  return stripTemplateTokens(stripInvisible(text))
    .replace(/[\s\u00A0\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g, ' ')
    .trim();
}

// "U.S.", "didn't", "1,200" and "well-known" are one word each.
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+|(?<=\p{N}),\p{N}+)*/gu;

export function countWords(text: string): number {
  // Counted, not collected: an array of every word of a multi-megabyte page outlives several young-generation
  // collections and made garbage collection most of the extraction time on hostile pages.
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}

/** True when a string is mostly replacement or control characters: bytes that were never text. */
export function looksBinary(raw: string): boolean {
  const sample = raw.slice(0, 20000);
  if (sample.length === 0) return false;
  // eslint-disable-next-line no-control-regex -- counting control characters is the point
  const junk = sample.match(/[\uFFFD\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g)?.length ?? 0;
  return junk / sample.length > 0.1;
}

/**
 * Exactly what /\s/ matches (NBSP, figure space and narrow NBSP included), by character code: code that walks
 * a whole page character by character cannot afford a regex test per character.
 */
export function isSpaceCode(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
