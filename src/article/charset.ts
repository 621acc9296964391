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
// Below this chardet is guessing; a wrong guess is worse than the windows-1252 default.
const MIN_DETECTOR_CONFIDENCE = 10;

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

/** Removes markup bytes so the detector judges prose, not ASCII tag soup. */
function stripTags(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.min(bytes.length, DETECTOR_BYTES));
  let n = 0;
  let inTag = false;
  for (let i = 0; i < bytes.length && n < out.length; i++) {
    const b = bytes[i]!;
    if (b === 0x3c) inTag = true;
    else if (b === 0x3e && inTag) inTag = false;
    else if (!inTag) out[n++] = b;
  }
  return out.subarray(0, n);
}

function detectEncoding(bytes: Uint8Array): string | null {
  const sample = stripTags(bytes);
  if (sample.length === 0) return null;
  for (const match of chardet.analyse(sample)) {
    if (match.confidence < MIN_DETECTOR_CONFIDENCE) break;
    const encoding = canonicalEncoding(match.name);
    if (encoding && decodesCleanly(bytes, encoding)) return encoding;
  }
  return null;
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
