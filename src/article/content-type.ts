// Decides from the Content-Type header (and, when it is missing, the first bytes) whether a response is a
// web page we can read. Declared types are trusted: a server that says binary is treated as binary, and only
// its first bytes are looked at, to tell a PDF served as a download from other files.

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

// Types that say "no idea" (WHATWG MIME sniffing treats them as a missing type).
const UNKNOWN_TYPES = new Set([
  'unknown/unknown',
  'application/unknown',
  'application/x-unknown-content-type',
]);

// Generic download types: servers send PDFs (and everything else) as these. Still binary, never a page, but
// a PDF among them deserves the PDF sentence rather than "a file download".
const DOWNLOAD_TYPES = new Set([
  'application/octet-stream',
  'binary/octet-stream',
  'application/x-octet-stream',
  'application/force-download',
  'application/x-download',
  'application/download',
  'application/binary',
]);

/** True for a declared generic download type, whose first bytes say whether it is a PDF. */
export function isDownloadType(mediaType: string): boolean {
  return DOWNLOAD_TYPES.has(mediaType);
}

/** Classifies a declared media type. '' (no header) is 'unknown' and must be sniffed. */
export function classifyMediaType(mediaType: string): ContentKind {
  if (mediaType === '' || UNKNOWN_TYPES.has(mediaType)) return 'unknown';
  if (DOWNLOAD_TYPES.has(mediaType)) return 'binary';
  if (mediaType === 'text/html' || mediaType === 'application/xhtml+xml') return 'html';
  if (mediaType === 'application/pdf' || mediaType === 'application/x-pdf') return 'pdf';
  if (mediaType.startsWith('image/')) return 'image';
  if (mediaType.startsWith('video/') || mediaType.startsWith('audio/')) return 'media';
  if (BINARY_TYPES.has(mediaType) || mediaType.startsWith('application/vnd.openxmlformats')) return 'binary';
  return 'other';
}

// WHATWG MIME sniffing: the HTML tag patterns, after leading whitespace, followed by a space or '>'; and a
// few more that only HTML starts with, seen on pages sent without a type ("<meta charset=utf-8>", "<link").
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
  '<meta',
  '<link',
  '<base',
  '<header',
  '<main',
  '<article',
  '<section',
  '<nav',
  '<h2',
  '<h3',
  '<center',
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

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
// Acrobat accepts the header anywhere in the first 1,024 bytes, and download servers sometimes prepend junk.
const PDF_WITHIN = 1024;

function isSpaceByte(b: number | undefined): boolean {
  return b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d || b === 0x20;
}

/** Index past `<?xml …?>`, comments and whitespace, or -1 when the markup ends first. */
function skipXmlProlog(text: string): number {
  let i = 0;
  for (;;) {
    while (i < text.length && isSpaceByte(text.charCodeAt(i))) i++;
    if (text.startsWith('<?', i) || text.startsWith('<!--', i)) {
      const end = text.indexOf(text.startsWith('<?', i) ? '?>' : '-->', i);
      if (end < 0) return -1;
      i = end + (text.startsWith('<?', i) ? 2 : 3);
      continue;
    }
    return i;
  }
}

// XHTML sent without a type: an XML declaration, then the XHTML doctype or the XHTML namespace.
function isXhtml(text: string): boolean {
  const start = skipXmlProlog(text);
  if (start < 0) return false;
  const rest = text.slice(start, start + 400);
  return (
    /^<!doctype html[\s>]/.test(rest) ||
    /^<html\b[^>]*xmlns\s*=\s*["']http:\/\/www\.w3\.org\/1999\/xhtml["']/.test(rest)
  );
}

// WHATWG "binary data bytes": control characters that no text file holds.
function hasBinaryBytes(head: Uint8Array): boolean {
  for (const b of head) {
    if (b <= 0x08 || b === 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f)) return true;
  }
  return false;
}

/**
 * Sniffs the first bytes of a body. Without a declared type (`declared` ''), HTML is recognised as browsers
 * do; a body declared as a generic download is a PDF or a file, never a page we read (H-34: a server that
 * says binary is taken at its word).
 */
export function sniffContent(head: Uint8Array, declared = ''): ContentKind {
  if (isDownloadType(declared)) {
    const start = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, PDF_WITHIN));
    return start.indexOf(PDF_MAGIC) >= 0 ? 'pdf' : 'binary';
  }
  for (const [magic, kind] of MAGIC) {
    if (magic.every((b, i) => head[i] === b)) return kind;
  }
  let start = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) start = 3;
  else if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return 'html';
  while (start < head.length && isSpaceByte(head[start])) start++;
  const text = Buffer.from(head.subarray(start, start + 1024))
    .toString('latin1')
    .toLowerCase();
  for (const opener of HTML_OPENERS) {
    if (!text.startsWith(opener)) continue;
    const next = text.charAt(opener.length);
    if (
      opener === '<!--' ||
      next === '' ||
      next === ' ' ||
      next === '>' ||
      next === '\t' ||
      next === '\n' ||
      next === '\r' ||
      next === '\f' ||
      next === '/'
    )
      return 'html';
  }
  if (text.startsWith('<?xml') && isXhtml(text)) return 'html';
  return hasBinaryBytes(head.subarray(0, 1024)) ? 'binary' : 'other';
}
