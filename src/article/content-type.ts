// Decides from the Content-Type header (and, when it is missing, the first bytes) whether a response is a
// web page we can read. Declared types are trusted: a server that says binary is treated as binary.

export interface ParsedContentType {
  /** Lower-cased media type without parameters; '' when the header is missing or unparseable. */
  mediaType: string;
  /** The charset parameter as sent (unvalidated), or null. */
  charset: string | null;
}

export type ContentKind = 'html' | 'pdf' | 'image' | 'media' | 'binary' | 'other' | 'unknown';

export function parseContentType(header: string | null): ParsedContentType {
  if (!header) return { mediaType: '', charset: null };
  const [type = '', ...params] = header.split(';');
  const mediaType = /^[\w!#$&^.+-]+\/[\w!#$&^.+-]+$/.test(type.trim()) ? type.trim().toLowerCase() : '';
  let charset: string | null = null;
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq < 0 || param.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    charset =
      param
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1') || null;
  }
  return { mediaType, charset };
}

const BINARY_TYPES = new Set([
  'application/octet-stream',
  'application/zip',
  'application/gzip',
  'application/x-gzip',
  'application/x-tar',
  'application/x-7z-compressed',
  'application/x-rar-compressed',
  'application/vnd.rar',
  'application/x-msdownload',
  'application/x-executable',
  'application/wasm',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/postscript',
  'font/woff',
  'font/woff2',
]);

/** Classifies a declared media type. '' (no header) is 'unknown' and must be sniffed. */
export function classifyMediaType(mediaType: string): ContentKind {
  if (mediaType === '') return 'unknown';
  if (mediaType === 'text/html' || mediaType === 'application/xhtml+xml') return 'html';
  if (mediaType === 'application/pdf' || mediaType === 'application/x-pdf') return 'pdf';
  if (mediaType.startsWith('image/')) return 'image';
  if (mediaType.startsWith('video/') || mediaType.startsWith('audio/')) return 'media';
  if (BINARY_TYPES.has(mediaType) || mediaType.startsWith('application/vnd.openxmlformats')) return 'binary';
  return 'other';
}

// WHATWG MIME sniffing: the HTML tag patterns, after leading whitespace, followed by a space or '>'.
const HTML_OPENERS = [
  '<!doctype html',
  '<html',
  '<head',
  '<script',
  '<iframe',
  '<h1',
  '<div',
  '<font',
  '<table',
  '<a',
  '<style',
  '<title',
  '<b',
  '<body',
  '<br',
  '<p',
  '<!--',
];

const MAGIC: [number[], ContentKind][] = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'pdf'], // %PDF-
  [[0x89, 0x50, 0x4e, 0x47], 'image'],
  [[0xff, 0xd8, 0xff], 'image'],
  [[0x47, 0x49, 0x46, 0x38], 'image'], // GIF8
  [[0x52, 0x49, 0x46, 0x46], 'media'], // RIFF (webp, wav, avi)
  [[0x50, 0x4b, 0x03, 0x04], 'binary'], // zip, docx
  [[0x1f, 0x8b], 'binary'],
  [[0x7f, 0x45, 0x4c, 0x46], 'binary'], // ELF
  [[0x4d, 0x5a], 'binary'], // MZ
];

/** Sniffs the first bytes of a body that came without a Content-Type. */
export function sniffContent(head: Uint8Array): ContentKind {
  for (const [magic, kind] of MAGIC) {
    if (magic.every((b, i) => head[i] === b)) return kind;
  }
  let start = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) start = 3;
  else if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return 'html';
  while (start < head.length && [0x09, 0x0a, 0x0c, 0x0d, 0x20].includes(head[start]!)) start++;
  const text = Buffer.from(head.subarray(start, start + 32))
    .toString('latin1')
    .toLowerCase();
  for (const opener of HTML_OPENERS) {
    if (!text.startsWith(opener)) continue;
    const next = text.charAt(opener.length);
    if (opener === '<!--' || next === '' || next === ' ' || next === '>') return 'html';
  }
  return 'other';
}
