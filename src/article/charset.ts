// Turns the body bytes into text. Order: BOM > Content-Type charset > <meta> prescan > "is it valid UTF-8"
// > statistical detector (or, when the bytes are too few for it, the page's language and domain) >
// windows-1252. A declared UTF-8 that the bytes contradict is not trusted: the
// HTML spec would honour it and show U+FFFD runs, and a quote full of U+FFFD is useless to an editor.
import chardet from 'chardet';

export interface DecodedText {
  text: string;
  /** WHATWG canonical name of the encoding used, e.g. 'utf-8', 'windows-1251', 'shift_jis'. */
  charset: string;
  /** Which rule picked it, for logs and tests. */
  source: 'bom' | 'header' | 'meta' | 'utf8-valid' | 'detector' | 'default';
}

const PRESCAN_BYTES = 1024;
const DETECTOR_BYTES = 64 * 1024;
// Below this chardet is guessing on a sample long enough to judge; a wrong guess is worse than the
// windows-1252 default. Shorter samples (a one-line brief) get low scores even when the guess is right.
const MIN_DETECTOR_CONFIDENCE = 10;
const SHORT_SAMPLE_BYTES = 256;
// Names and loanwords make a few odd-looking words normal; a wrong charset makes most of them odd.
const MAX_IMPLAUSIBLE = 0.2;

/** The canonical encoding name for a label, or null if this runtime cannot decode it. */
export function canonicalEncoding(label: string | null | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function decodesCleanly(bytes: Uint8Array, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The charset a `<meta>` in the first 1,024 bytes declares (both `charset=` and `http-equiv` forms). */
export function prescanMetaCharset(bytes: Uint8Array): string | null {
  // latin1 maps every byte to one char, so ASCII markup is readable whatever the real encoding is.
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1');
  const metaTags = head.match(/<meta\b[^>]{0,512}>/gi) ?? [];
  for (const tag of metaTags) {
    const m = /charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    const encoding = canonicalEncoding(m?.[1]);
    if (!encoding) continue;
    // A page cannot declare UTF-16 in ASCII markup and mean it (HTML spec: treat as UTF-8).
    return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  }
  return null;
}

const LT = 0x3c;
const GT = 0x3e;
// Elements whose content is code or data, not prose: inline scripts are mostly ASCII and can fill any fixed
// window on their own (a 30 KB config blob), and their strings need not be in the page's charset.
const RAW_TEXT = ['script', 'style', 'noscript', 'template', 'textarea', 'xmp', 'svg'];

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The raw-text element a tag at `i` opens ('script', …), or null. */
function rawTextElement(buf: Buffer, i: number): string | null {
  for (const name of RAW_TEXT) {
    const after = buf[i + 1 + name.length];
    if (after !== undefined && !/[\s/>]/.test(String.fromCharCode(after))) continue;
    if (buf.toString('latin1', i + 1, i + 1 + name.length).toLowerCase() === name) return name;
  }
  return null;
}

/** Index just past the `</name ...>` that closes a raw-text element opened before `from` (or the end). */
function skipRawText(buf: Buffer, name: string, from: number): number {
  for (let i = buf.indexOf('</', from, 'latin1'); i >= 0; i = buf.indexOf('</', i + 2, 'latin1')) {
    if (buf.toString('latin1', i + 2, i + 2 + name.length).toLowerCase() !== name) continue;
    const end = buf.indexOf(GT, i);
    return end < 0 ? buf.length : end + 1;
  }
  return buf.length;
}

function hasHighByte(buf: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (buf[i]! >= 0x80) return true;
  return false;
}

/**
 * What the detector should judge: the page's visible text runs that hold non-ASCII bytes, joined by spaces,
 * from anywhere in the page (up to DETECTOR_BYTES of them). Markup, comments, scripts and styles are left
 * out, and so are pure-ASCII runs (navigation, "Copyright 2026"): they say nothing about the charset and
 * dilute the few words that do.
 */
export function detectorSample(bytes: Uint8Array): Uint8Array {
  const buf = asBuffer(bytes);
  const out = Buffer.alloc(Math.min(buf.length, DETECTOR_BYTES));
  let n = 0;
  let i = 0;
  while (i < buf.length && n < out.length) {
    if (buf[i] === LT) {
      if (buf.toString('latin1', i, i + 4) === '<!--') {
        const end = buf.indexOf('-->', i + 4, 'latin1');
        i = end < 0 ? buf.length : end + 3;
        continue;
      }
      const raw = rawTextElement(buf, i);
      if (raw) {
        i = skipRawText(buf, raw, i + 1 + raw.length);
        continue;
      }
      const end = buf.indexOf(GT, i + 1);
      i = end < 0 ? buf.length : end + 1;
      continue;
    }
    const next = buf.indexOf(LT, i);
    const stop = next < 0 ? buf.length : next;
    if (hasHighByte(buf, i, stop)) {
      n += buf.copy(out, n, i, Math.min(stop, i + out.length - n));
      if (n < out.length) out[n++] = 0x20;
    }
    i = stop;
  }
  return out.subarray(0, n);
}

// Letters of the scripts whose legacy encodings we meet. Half-width katakana is listed apart: it is what
// other multi-byte encodings look like when read as Shift_JIS, and real text almost never uses it.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const HALFWIDTH_KANA = /[\uFF61-\uFF9F]/u;
const SCRIPTS = [
  /\p{Script=Latin}/u,
  /\p{Script=Cyrillic}/u,
  /\p{Script=Greek}/u,
  /\p{Script=Arabic}/u,
  /\p{Script=Hebrew}/u,
];

/** True for a word no language writes: mojibake is what reading bytes in the wrong charset produces. */
function isImplausibleWord(word: string): boolean {
  if (HALFWIDTH_KANA.test(word)) return true;
  const letters = [...word];
  const scripts = SCRIPTS.filter((re) => letters.some((ch) => re.test(ch))).length;
  if (CJK.test(word)) return scripts > 0;
  if (scripts > 1) return true;
  // "ЩњЕи": capitals after small letters inside a word
  if (/\p{Ll}\p{Lu}/u.test(word)) return true;
  // "Ìîñêâà": Latin words made mostly of accented letters (Cyrillic or Greek bytes read as windows-1252)
  if (/\p{Script=Latin}/u.test(word) && letters.length >= 3) {
    const accented = letters.filter((ch) => ch.charCodeAt(0) >= 0x80).length;
    if (accented * 2 > letters.length) return true;
  }
  return false;
}

const SIGN = /[^\p{ASCII}\p{L}\p{M}\p{Nd}\p{P}\s]/gu;

/** Share of the non-ASCII words of `text` that are mojibake; 1 when the text holds controls or U+FFFD. */
function implausibility(text: string): number {
  // C1 controls (bytes 0x80-0x9F read as ISO-8859) and U+FFFD: no text contains them
  if (/[\uFFFD\u0080-\u009F]/.test(text)) return 1;
  const tokens = text.split(/[\s\p{P}]+/u).filter((w) => /[^\p{ASCII}]/u.test(w));
  if (tokens.length === 0) return 0;
  const odd = tokens.filter(
    (t) =>
      // "±±¾©": signs where letters should be (CJK bytes read as windows-1252)
      (t.match(SIGN)?.length ?? 0) > Math.max(1, t.match(/\p{L}/gu)?.length ?? 0) ||
      // "ЦР№ъ": a sign inside a word
      /\p{L}[^\p{ASCII}\p{L}\p{M}\p{Nd}\p{P}]\p{L}/u.test(t) ||
      // a Latin-1 sign between two letters ("og³osi³", "Rz¹d"): Central European letters read as windows-1252
      /\p{L}[\u00A0-\u00BF\u00D7\u00F7]\p{L}/u.test(t) ||
      (t.match(/\p{L}+/gu) ?? []).some(isImplausibleWord),
  );
  return odd.length / tokens.length;
}

// chardet names the ISO-8859 member of a family; pages in those scripts are far more often in the Windows
// code page, which differs in the 0x80-0x9F range (where ISO-8859 has only control characters).
const WINDOWS_SIBLING: Record<string, string> = {
  'iso-8859-2': 'windows-1250',
  'iso-8859-6': 'windows-1256',
  'iso-8859-7': 'windows-1253',
  'iso-8859-8': 'windows-1255',
  'iso-8859-13': 'windows-1257',
};

// When chardet cannot tell (equal low confidences), the more common encoding of each family first.
const TIE_ORDER = ['windows-1251', 'gb18030', 'gbk', 'shift_jis', 'euc-kr', 'big5', 'euc-jp', 'windows-1252'];

function decodeSample(sample: Uint8Array, encoding: string): string | null {
  try {
    return encoding === 'windows-1252'
      ? decodeWindows1252(sample)
      : new TextDecoder(encoding, { fatal: true }).decode(sample);
  } catch {
    return null;
  }
}

// The encodings a page's language or country suggests when its bytes alone cannot tell (WHATWG lets the
// fallback follow the locale; Firefox follows the top-level domain). First is the commoner.
const BY_LANGUAGE: Record<string, string[]> = {
  ru: ['windows-1251', 'koi8-r'],
  uk: ['windows-1251', 'koi8-u'],
  be: ['windows-1251'],
  bg: ['windows-1251'],
  mk: ['windows-1251'],
  sr: ['windows-1251', 'windows-1250'],
  kk: ['windows-1251'],
  ky: ['windows-1251'],
  tg: ['windows-1251'],
  mn: ['windows-1251'],
  pl: ['windows-1250'],
  cs: ['windows-1250'],
  sk: ['windows-1250'],
  hu: ['windows-1250'],
  sl: ['windows-1250'],
  hr: ['windows-1250'],
  bs: ['windows-1250'],
  ro: ['windows-1250'],
  sq: ['windows-1250'],
  el: ['windows-1253'],
  tr: ['windows-1254'],
  az: ['windows-1254'],
  he: ['windows-1255'],
  iw: ['windows-1255'],
  yi: ['windows-1255'],
  ar: ['windows-1256'],
  fa: ['windows-1256'],
  ur: ['windows-1256'],
  lt: ['windows-1257'],
  lv: ['windows-1257'],
  et: ['windows-1257'],
  vi: ['windows-1258'],
  th: ['windows-874'],
  ja: ['shift_jis', 'euc-jp'],
  zh: ['gb18030', 'big5'],
  'zh-tw': ['big5', 'gb18030'],
  'zh-hk': ['big5', 'gb18030'],
  'zh-hant': ['big5', 'gb18030'],
  ko: ['euc-kr'],
};

const BY_COUNTRY: Record<string, string> = {
  ru: 'ru',
  su: 'ru',
  by: 'be',
  ua: 'uk',
  bg: 'bg',
  mk: 'mk',
  rs: 'sr',
  kz: 'kk',
  kg: 'ky',
  tj: 'tg',
  mn: 'mn',
  pl: 'pl',
  cz: 'cs',
  sk: 'sk',
  hu: 'hu',
  si: 'sl',
  hr: 'hr',
  ba: 'bs',
  ro: 'ro',
  al: 'sq',
  gr: 'el',
  cy: 'el',
  tr: 'tr',
  az: 'az',
  il: 'he',
  sa: 'ar',
  ae: 'ar',
  eg: 'ar',
  iq: 'ar',
  jo: 'ar',
  kw: 'ar',
  lb: 'ar',
  ly: 'ar',
  ma: 'ar',
  dz: 'ar',
  tn: 'ar',
  sy: 'ar',
  qa: 'ar',
  om: 'ar',
  bh: 'ar',
  ye: 'ar',
  ir: 'fa',
  pk: 'ur',
  lt: 'lt',
  lv: 'lv',
  ee: 'et',
  vn: 'vi',
  th: 'th',
  jp: 'ja',
  cn: 'zh',
  tw: 'zh-tw',
  hk: 'zh-hk',
  mo: 'zh-hk',
  kr: 'ko',
};

const HINT_BYTES = 4096;

/** The page's declared language (`<html lang>`, Content-Language, og:locale), lower-cased, or null. */
export function declaredLanguage(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, HINT_BYTES)).toString('latin1');
  const m =
    /<html\b[^>]*?\s(?:xml:)?lang\s*=\s*["']?([a-z]{2,3}(?:[-_][a-z0-9]{2,8})?)/i.exec(head) ??
    /<meta\b[^>]*?(?:http-equiv\s*=\s*["']?content-language|property\s*=\s*["']?og:locale)[^>]*?content\s*=\s*["']?([a-z]{2,3}(?:[-_][a-z0-9]{2,8})?)/i.exec(
      head,
    ) ??
    /<meta\b[^>]*?content\s*=\s*["']?([a-z]{2,3}(?:[-_][a-z0-9]{2,8})?)["']?[^>]*?(?:http-equiv\s*=\s*["']?content-language|property\s*=\s*["']?og:locale)/i.exec(
      head,
    );
  return m?.[1] ? m[1].toLowerCase().replace('_', '-') : null;
}

function hintedEncodings(bytes: Uint8Array, url: string | undefined): string[] {
  const out: string[] = [];
  const lang = declaredLanguage(bytes);
  if (lang) out.push(...(BY_LANGUAGE[lang] ?? BY_LANGUAGE[lang.split('-')[0]!] ?? ['windows-1252']));
  if (url) {
    try {
      const tld = new URL(url).hostname.split('.').pop() ?? '';
      const country = BY_COUNTRY[tld];
      if (country) out.push(...(BY_LANGUAGE[country] ?? []));
    } catch {
      // not a URL: no hint from it
    }
  }
  return out;
}

// Where each CJK encoding keeps its everyday characters, by lead byte: GB2312 level-1 hanzi, JIS level-1
// kanji and kana, Big5's frequent characters, KS X 1001 hangul (and each one's punctuation rows). Real text
// is almost all of these; other bytes read as CJK land mostly in the rare rows ("Москва" in windows-1251 is
// 填耜忄 in gb18030: two of three characters from level 2).
const COMMON_CJK: Record<string, (lead: number) => boolean> = {
  gb18030: (b) => (b >= 0xa1 && b <= 0xa3) || (b >= 0xb0 && b <= 0xd7),
  gbk: (b) => (b >= 0xa1 && b <= 0xa3) || (b >= 0xb0 && b <= 0xd7),
  big5: (b) => (b >= 0xa1 && b <= 0xa3) || (b >= 0xa4 && b <= 0xc6),
  'euc-kr': (b) => (b >= 0xa1 && b <= 0xac) || (b >= 0xb0 && b <= 0xc8),
  'euc-jp': (b) => (b >= 0xa1 && b <= 0xa5) || (b >= 0xb0 && b <= 0xcf),
  shift_jis: (b) => (b >= 0x81 && b <= 0x83) || (b >= 0x88 && b <= 0x98),
};
const MIN_COMMON_SHARE = 0.75;

/** Share of the sample's multi-byte characters, read in `encoding`, that sit in its everyday rows. */
function commonShare(sample: Uint8Array, encoding: string): number {
  const isCommon = COMMON_CJK[encoding];
  if (!isCommon) return 0;
  let common = 0;
  let total = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b < 0x80) continue;
    total++;
    if (isCommon(b)) common++;
    // Shift_JIS half-width katakana is one byte; everything else here is a lead byte and its trail.
    if (!(encoding === 'shift_jis' && b >= 0xa1 && b <= 0xdf)) i++;
  }
  return total === 0 ? 0 : common / total;
}

// chardet gives each multi-byte encoding a floor of 10 for any bytes that are valid in it: at or below that
// it has found nothing (one Cyrillic word, "Москва", comes out as three Chinese characters in gb18030).
const NO_SIGNAL_CONFIDENCE = 10;
// With no signal: what the page's language or domain suggests, then the commonest single-byte encodings,
// each only if the text it gives is made of words a language has.
const NO_SIGNAL_ORDER = ['windows-1252', 'windows-1251', 'windows-1250', 'windows-1253'];

function detectEncoding(bytes: Uint8Array, url?: string): string | null {
  const sample = detectorSample(bytes);
  if (sample.length === 0) return null;
  const ranked = chardet
    .analyse(sample)
    .map((m, order) => ({ encoding: canonicalEncoding(m.name), confidence: m.confidence, order }))
    .filter((m): m is { encoding: string; confidence: number; order: number } => m.encoding !== null);
  const tie = (e: string): number => (TIE_ORDER.includes(e) ? TIE_ORDER.indexOf(e) : TIE_ORDER.length);
  ranked.sort(
    (a, b) => b.confidence - a.confidence || tie(a.encoding) - tie(b.encoding) || a.order - b.order,
  );
  if ((ranked[0]?.confidence ?? 0) <= NO_SIGNAL_CONFIDENCE) {
    const reads = (encoding: string): boolean => {
      const text = decodeSample(sample, encoding);
      return text !== null && implausibility(text) <= MAX_IMPLAUSIBLE && decodesCleanly(bytes, encoding);
    };
    const hinted = hintedEncodings(bytes, url).find(reads);
    if (hinted) return hinted;
    const cjk = ranked
      .map((m) => m.encoding)
      .filter((e) => e in COMMON_CJK && commonShare(sample, e) >= MIN_COMMON_SHARE)
      .find(reads);
    if (cjk) return cjk;
    const single = NO_SIGNAL_ORDER.find(reads);
    if (single) return single;
  }
  const candidates = ranked.flatMap((m) => {
    const sibling = WINDOWS_SIBLING[m.encoding];
    return sibling ? [{ ...m, encoding: sibling }, m] : [m];
  });
  // Short samples get low confidences even when chardet's first guess is right, so a guess is only taken
  // if reading the sample with it gives words a language could have; the first such guess wins.
  let best: { encoding: string; score: number } | null = null;
  for (const { encoding, confidence } of candidates) {
    if (confidence < MIN_DETECTOR_CONFIDENCE && sample.length >= SHORT_SAMPLE_BYTES) break;
    const text = decodeSample(sample, encoding);
    if (text === null || !decodesCleanly(bytes, encoding)) continue;
    const score = implausibility(text);
    if (score <= MAX_IMPLAUSIBLE) return encoding;
    if (!best || score < best.score) best = { encoding, score };
  }
  return best && best.score < 0.5 ? best.encoding : null;
}

// WHATWG windows-1252 for bytes 0x80-0x9F. Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1
// (those bytes come out as C1 control characters), so curly quotes and dashes would be lost.
const WINDOWS_1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]!));
}

function decode(bytes: Uint8Array, charset: string, source: DecodedText['source']): DecodedText {
  if (charset === 'windows-1252') return { text: decodeWindows1252(bytes), charset, source };
  // ignoreBOM:false (the default) drops a leading BOM that matches the encoding.
  return { text: new TextDecoder(charset).decode(bytes), charset, source };
}

/**
 * Decodes an HTML body. `headerCharset` is the raw charset parameter of Content-Type, if any; `url` (where the
 * page came from) lets the domain hint at the encoding when the bytes are too few to tell.
 */
export function decodeHtml(bytes: Uint8Array, headerCharset?: string | null, url?: string): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) return decode(bytes, bom, 'bom');

  const declared = canonicalEncoding(headerCharset);
  if (declared && (declared !== 'utf-8' || decodesCleanly(bytes, 'utf-8'))) {
    return decode(bytes, declared, 'header');
  }
  const meta = prescanMetaCharset(bytes);
  if (meta && (meta !== 'utf-8' || decodesCleanly(bytes, 'utf-8'))) return decode(bytes, meta, 'meta');

  // Valid UTF-8 with non-ASCII bytes is almost never another encoding by accident; pure ASCII decodes the
  // same either way.
  if (decodesCleanly(bytes, 'utf-8')) return decode(bytes, 'utf-8', 'utf8-valid');
  const detected = detectEncoding(bytes, url);
  if (detected) return decode(bytes, detected, 'detector');
  return decode(bytes, 'windows-1252', 'default');
}
