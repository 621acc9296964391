// Text hygiene for article paragraphs. Every verbatim quote downstream is grounded against this text, so it
// must hold the article's own words and nothing a reader could not see.

// Zero-width and joiner characters, bidi embeddings/overrides/isolates, the BOM, soft hyphens, word joiner and
// other invisible format characters. Unicode tag characters (U+E0000–E007F) can smuggle hidden instructions.
// (U+034F and U+17B4/5 are combining marks, so they sit outside the class.)
const INVISIBLE =
  /[\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB\u{E0000}-\u{E007F}]|\u034F|\u17B4|\u17B5/gu;

// C0/C1 controls other than tab and newlines (NUL bytes, escape sequences) carry no text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

// CMS template artefacts such as "{mosads}" glued to the text: a lone lower-case word in braces. Real prose
// almost never puts a bare word in curly braces.
const TEMPLATE_TOKEN = /\{[a-z][a-z0-9_-]{1,30}\}/gi;

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '').replace(CONTROL, '');
}

// Joomla/Mambo plugin placeholders that take arguments ("{loadposition user1}", "{mosloadposition banner}",
// "{module Latest News}", "{loadmodule mod_custom,Promo}"): left in the text when the plugin is off. Only
// these known names are stripped, so "{1, 2, 3}" or a brace in a quoted code sample survives. Paired
// tokens that wrap content ("{youtube}id{/youtube}") are not listed: stripping them would leave the id.
const CMS_PLACEHOLDER = new RegExp(
  '\\{/?(?:' +
    [
      'loadposition',
      'loadmodule',
      'loadmoduleid',
      'loadcomponent',
      'mosloadposition',
      'mospagebreak',
      'mosimage',
      'mosads',
      'mosgoogle',
      'module',
      'jcomments',
      'jumi',
    ].join('|') +
    ')(?:[\\s=][^{}\\n]{0,200})?\\}',
  'gi',
);

export function stripTemplateTokens(text: string): string {
  return text.replace(CMS_PLACEHOLDER, '').replace(TEMPLATE_TOKEN, '');
}

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
