// Turns the body bytes into text. Order: BOM > Content-Type charset > <meta> prescan > "is it valid UTF-8"
// > statistical detector > windows-1252. A declared UTF-8 that the bytes contradict is not trusted: the
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

/** Share of the non-ASCII words of `text` that are mojibake; 1 when the text holds controls or U+FFFD. */
function implausibility(text: string): number {
  // C1 controls (bytes 0x80-0x9F read as ISO-8859) and U+FFFD: no text contains them
  if (/[\uFFFD\u0080-\u009F]/.test(text)) return 1;
  const tokens = text.split(/[\s\p{P}]+/u).filter((w) => /[^\p{ASCII}]/u.test(w));
  if (tokens.length === 0) return 0;
  const odd = tokens.filter(
    (t) =>
      // a Latin-1 sign between two letters ("og³osi³", "Rz¹d"): Central European letters read as windows-1252
      /\p{L}[\u00A0-\u00BF\u00D7\u00F7]\p{L}/u.test(t) || (t.match(/\p{L}+/gu) ?? []).some(isImplausibleWord),
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

function detectEncoding(bytes: Uint8Array): string | null {
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

/** Decodes an HTML body. `headerCharset` is the raw charset parameter of Content-Type, if any. */
export function decodeHtml(bytes: Uint8Array, headerCharset?: string | null): DecodedText {
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
  const detected = detectEncoding(bytes);
  if (detected) return decode(bytes, detected, 'detector');
  return decode(bytes, 'windows-1252', 'default');
}
