// Text normalisation for grounding: the model (or a reporter) may retype curly quotes as straight ones,
// en dashes as hyphens and collapse line breaks, and that must not make a genuine quote look invented.
// Everything else — letters, digits, case — has to match exactly.
import { splitSentences } from './sentences';

const QUOTE_DOUBLE = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/;
const QUOTE_SINGLE = /[\u2018\u2019\u201A\u201B\u2032]/;
const DASH = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/;
const SPACE = /[\s\u00A0\u2007\u202F]/;

function mapChar(ch: string): string {
  if (QUOTE_DOUBLE.test(ch)) return '"';
  if (QUOTE_SINGLE.test(ch)) return "'";
  if (DASH.test(ch)) return '-';
  if (ch === '\u2026') return '...';
  return ch;
}

/** The normalised form used for every verbatim comparison. */
export function normalizeForMatch(text: string): string {
  return new NormalizedText(text).normalized;
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
  private readonly origin: number[] = [];

  constructor(readonly original: string) {
    let out = '';
    let pendingSpace = false;
    for (let i = 0; i < original.length; i++) {
      const ch = original[i]!;
      if (SPACE.test(ch)) {
        pendingSpace = out.length > 0;
        continue;
      }
      if (pendingSpace) {
        out += ' ';
        this.origin.push(i - 1);
        pendingSpace = false;
      }
      const mapped = mapChar(ch);
      for (const m of mapped) {
        out += m;
        this.origin.push(i);
      }
    }
    this.normalized = out;
  }

  /** Every verbatim occurrence of `needle` (compared after normalisation), optionally inside [from, to). */
  findAll(needle: string, from = 0, to = this.original.length): Span[] {
    const n = normalizeForMatch(needle);
    if (!n) return [];
    const spans: Span[] = [];
    let at = this.normalized.indexOf(n);
    while (at >= 0) {
      const span = this.spanOf(at, at + n.length);
      if (span.start >= from && span.end <= to) spans.push(span);
      at = this.normalized.indexOf(n, at + 1);
    }
    return spans;
  }

  /** The first verbatim occurrence of `needle`, or null when the text does not contain it. */
  find(needle: string, from?: number, to?: number): Span | null {
    return this.findAll(needle, from, to)[0] ?? null;
  }

  private spanOf(normStart: number, normEnd: number): Span {
    const start = this.origin[normStart]!;
    const end = this.origin[normEnd - 1]! + 1;
    return { start, end, text: this.original.slice(start, end) };
  }
}

/** Sentences of `text` as verbatim spans; the offline analyzer's splitter, so both analyzers and grounding agree. */
export function sentenceSpans(text: string): Span[] {
  return splitSentences(text).map((s) => ({ start: s.start, end: s.start + s.text.length, text: s.text }));
}
