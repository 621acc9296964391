// Text normalisation for grounding: the model (or a reporter) may retype curly quotes as straight ones,
// en dashes as hyphens and collapse line breaks, and that must not make a genuine quote look invented.
// Everything else — letters, digits, case — has to match exactly.
import { isSpaceCode } from '../article/clean-text';
import { splitSentences } from './sentences';

/** The normalised form of one character, or null when it stays as it is. */
function mapChar(c: number): string | null {
  switch (c) {
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0x201f:
    case 0x2033:
    case 0xab:
    case 0xbb:
      return '"';
    case 0x2018:
    case 0x2019:
    case 0x201a:
    case 0x201b:
    case 0x2032:
      return "'";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
      return '-';
    case 0x2026:
      return '...';
    default:
      return null;
  }
}

/** Where each normalised character came from: offsets into the original, never decreasing. */
class Origins {
  offsets: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.offsets = new Int32Array(Math.max(16, capacity));
  }

  push(at: number): void {
    if (this.length === this.offsets.length) {
      const grown = new Int32Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.offsets[this.length++] = at;
  }
}

/**
 * Normalises `text`; with `origin`, also records for every normalised character the offset of the character
 * it came from. Runs of whitespace become one space; leading and trailing whitespace go. Text that needs no
 * change (a single space between words, letters, digits) is copied in runs, not character by character.
 */
function normalize(text: string, origin: Origins | null): string {
  const parts: string[] = [];
  // Start of the run of characters copied unchanged since the last change.
  let runStart = 0;
  let length = 0;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      c === 32 &&
      length > 0 &&
      !pendingSpace &&
      i + 1 < text.length &&
      !isSpaceCode(text.charCodeAt(i + 1))
    ) {
      // One plain space between two non-spaces is already normal: it stays in the run.
      origin?.push(i);
      length++;
      continue;
    }
    if (isSpaceCode(c)) {
      if (runStart < i) parts.push(text.slice(runStart, i));
      runStart = i + 1;
      pendingSpace = length > 0;
      continue;
    }
    if (pendingSpace) {
      parts.push(' ');
      origin?.push(i - 1);
      length++;
      pendingSpace = false;
    }
    const mapped = mapChar(c);
    if (mapped !== null) {
      if (runStart < i) parts.push(text.slice(runStart, i));
      runStart = i + 1;
      parts.push(mapped);
    }
    const n = mapped === null ? 1 : mapped.length;
    if (origin) for (let k = 0; k < n; k++) origin.push(i);
    length += n;
  }
  if (runStart < text.length) parts.push(text.slice(runStart));
  return parts.length === 1 ? parts[0]! : parts.join('');
}

/** The normalised form used for every verbatim comparison. */
export function normalizeForMatch(text: string): string {
  return normalize(text, null);
}

/** A verbatim span of the original text. */
export interface Span {
  start: number;
  end: number;
  /** The original text between start and end, exactly as the article has it. */
  text: string;
}

/**
 * The normalised text plus, for every normalised character, where it came from, so that a match
 * found in normalised space can be handed back as the article's own verbatim span.
 */
export class NormalizedText {
  readonly normalized: string;
  /** Offsets into the original, one per normalised character; never decreasing. */
  private readonly origin: Int32Array;

  constructor(readonly original: string) {
    const origins = new Origins(original.length);
    this.normalized = normalize(original, origins);
    this.origin = origins.offsets.subarray(0, origins.length);
  }

  /** Every verbatim occurrence of `needle` (compared after normalisation), optionally inside [from, to). */
  findAll(needle: string, from = 0, to = this.original.length): Span[] {
    const spans: Span[] = [];
    this.scan(needle, from, to, (span) => {
      spans.push(span);
      return false;
    });
    return spans;
  }

  /**
   * The first verbatim occurrence of `needle` (inside [from, to) when given) that `accept` takes, or null.
   * `accept` may answer with an offset of the original instead of false: no occurrence starting before it is
   * wanted, and the search resumes there (a needle repeated through a passage that is ruled out as a whole
   * is then not looked at once per character of it).
   */
  findFirst(
    needle: string,
    accept: (span: Span) => boolean | number = () => true,
    from = 0,
    to = this.original.length,
  ): Span | null {
    let found: Span | null = null;
    this.scan(needle, from, to, (span) => {
      const verdict = accept(span);
      if (verdict === true) found = span;
      return verdict;
    });
    return found;
  }

  /** The first verbatim occurrence of `needle`, or null when the text does not contain it. */
  find(needle: string, from?: number, to?: number): Span | null {
    return this.findFirst(needle, undefined, from, to);
  }

  /**
   * Hands each occurrence inside [from, to) to `visit` in order until it returns true; a number resumes the
   * search at that offset of the original. The search starts at `from` and stops past `to`, so looking for a
   * count inside one sentence never reads the whole article.
   */
  private scan(needle: string, from: number, to: number, visit: (span: Span) => boolean | number): void {
    const n = normalizeForMatch(needle);
    if (!n) return;
    // An occurrence ends by `to` exactly when it ends by the first normalised character from `to` on. Searching
    // a copy of just that window keeps a lookup inside one sentence from reading the rest of the article when
    // the needle is not there (a claimant looked for in each of a claim's quotes).
    const base = this.firstAtOrAfter(from);
    const bounded = to < this.original.length;
    const window = bounded ? this.normalized.slice(base, this.firstAtOrAfter(to)) : this.normalized;
    const offset = bounded ? base : 0;
    for (let at = window.indexOf(n, base - offset); at >= 0;) {
      const span = this.spanOf(offset + at, offset + at + n.length);
      // Occurrences only move right, and so do their ends: past `to`, none can fit any more.
      if (span.end > to) return;
      const next = visit(span);
      if (next === true) return;
      at = window.indexOf(n, next === false ? at + 1 : Math.max(at + 1, this.firstAtOrAfter(next) - offset));
    }
  }

  /** The first normalised offset whose character comes from `from` or later in the original. */
  private firstAtOrAfter(from: number): number {
    let lo = 0;
    let hi = this.origin.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.origin[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private spanOf(normStart: number, normEnd: number): Span {
    const start = this.origin[normStart]!;
    const end = this.origin[normEnd - 1]! + 1;
    return { start, end, text: this.original.slice(start, end) };
  }
}

/** A sentence as a verbatim span; `paragraph`, `piece` and `continued` as in Sentence. */
export interface SentenceSpan extends Span {
  paragraph: number;
  piece?: boolean;
  continued?: boolean;
}

/** Sentences of `text` as verbatim spans; the offline analyzer's splitter, so both analyzers and grounding agree. */
export function sentenceSpans(text: string): SentenceSpan[] {
  return splitSentences(text).map((s) => {
    const span: SentenceSpan = {
      start: s.start,
      end: s.start + s.text.length,
      text: s.text,
      paragraph: s.paragraph,
    };
    if (s.piece) span.piece = true;
    if (s.continued) span.continued = true;
    return span;
  });
}
