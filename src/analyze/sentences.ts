// Splits article text into sentences that are exact slices of it, so anything quoted from a sentence can be
// found again with Ctrl-F. Newsroom abbreviations (U.S., Lt. Gen., p.m. ET, Nov. 28) must not end a sentence.
import { MAX_SENTENCE_CHARS } from './limits';

export interface Sentence {
  /** The sentence, verbatim (trimmed). */
  text: string;
  /** Offset of text in the article text. */
  start: number;
  /** Index of the paragraph (blank-line separated block) it belongs to. */
  paragraph: number;
  /** Index of the sentence in the article. */
  index: number;
  /**
   * Set on every piece of a run too long to be one sentence (see MAX_SENTENCE_CHARS): a piece is not a whole
   * sentence, so it is never taken as the article's own full statement.
   */
  piece?: boolean;
  /** Set on the second and later pieces: the piece before is the same sentence, and its source carries on. */
  continued?: boolean;
}

// Words that end in a period without ending the sentence when a capitalised word follows.
const ABBREVIATIONS = new Set(
  [
    'mr',
    'mrs',
    'ms',
    'dr',
    'prof',
    'gen',
    'lt',
    'col',
    'maj',
    'sgt',
    'capt',
    'cmdr',
    'adm',
    'brig',
    'gov',
    'sen',
    'rep',
    'rev',
    'st',
    'mt',
    'ft',
    'jr',
    'sr',
    'inc',
    'corp',
    'co',
    'ltd',
    'no',
    'vs',
    'jan',
    'feb',
    'aug',
    'sept',
    'sep',
    'oct',
    'nov',
    'dec',
    'u.s',
    'u.n',
    'u.k',
    'e.u',
  ].map((w) => w.toLowerCase()),
);

function endsSentence(para: string, dot: number, nextStart: number): boolean {
  const ch = para[dot];
  if (ch === '!' || ch === '?') return true;
  const wordMatch = /([A-Za-z][A-Za-z.]*)$/.exec(para.slice(Math.max(0, dot - 12), dot));
  const word = wordMatch?.[1] ?? '';
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return false;
  // A single initial ("John F. Kennedy") does not end a sentence.
  if (/^[A-Z]$/.test(word)) return false;
  const next = para.slice(nextStart, nextStart + 8);
  if (lower === 'a.m' || lower === 'p.m') {
    // "4:54 p.m. ET" continues; "at 6:30 p.m. He said" ends.
    return !/^[A-Z]{2,4}\b/.test(next) && /^["“‘'(]?[A-Z]/.test(next);
  }
  return true;
}

/** A sentence of one paragraph as [start, end) offsets within it, and which piece of a long one it is. */
type ParagraphSpan = [start: number, end: number, piece: 'whole' | 'first' | 'continued'];

/** Sentences of one paragraph. */
function splitParagraph(para: string): ParagraphSpan[] {
  const spans: ParagraphSpan[] = [];
  let start = 0;
  // A terminator, then closing quotes/brackets, then whitespace, then something that can open a sentence.
  const boundary = /([.!?])(["”’')\]]*)(\s+)(?=["“‘'([]?[A-Z0-9{—–-])/g;
  for (let m = boundary.exec(para); m; m = boundary.exec(para)) {
    const dot = m.index;
    const nextStart = m.index + m[0].length;
    if (!endsSentence(para, dot, nextStart)) continue;
    const end = dot + 1 + m[2]!.length;
    pushPieces(spans, para, start, end);
    start = nextStart;
  }
  if (start < para.length) pushPieces(spans, para, start, para.length);
  return spans;
}

/**
 * Adds [start, end) to spans, in pieces of at most MAX_SENTENCE_CHARS when it is longer: each piece ends after a
 * clause break (", ", "; ") in its second half where there is one, else at a space, else at the cap.
 */
function pushPieces(spans: ParagraphSpan[], para: string, start: number, end: number): void {
  let from = start;
  let piece: ParagraphSpan[2] = end - start > MAX_SENTENCE_CHARS ? 'first' : 'whole';
  while (end - from > MAX_SENTENCE_CHARS) {
    const cap = from + MAX_SENTENCE_CHARS;
    let cut = -1;
    for (let i = cap - 1; i > from + MAX_SENTENCE_CHARS / 2 && cut < 0; i--) {
      if (/[,;:]/.test(para[i - 1]!) && /\s/.test(para[i]!)) cut = i;
    }
    for (let i = cap; i > from && cut < 0; i--) if (/\s/.test(para[i]!)) cut = i;
    if (cut < 0) {
      cut = cap;
      // Never between the halves of a surrogate pair.
      if (/[\uD800-\uDBFF]/.test(para[cut - 1]!)) cut--;
    }
    spans.push([from, cut, piece]);
    from = cut;
    while (from < end && /\s/.test(para[from]!)) from++;
    piece = 'continued';
  }
  if (from < end) spans.push([from, end, piece]);
}

/** All sentences of the text, in order. Paragraphs are separated by blank lines, as in Article.text. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const paragraphRe = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  let paragraph = 0;
  for (let p = paragraphRe.exec(text); p; p = paragraphRe.exec(text)) {
    const para = p[0];
    if (para.trim() === '') continue;
    for (const [s, e, piece] of splitParagraph(para)) {
      const raw = para.slice(s, e);
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      if (trimmed === '') continue;
      const sentence: Sentence = { text: trimmed, start: p.index + s + lead, paragraph, index: out.length };
      if (piece !== 'whole') sentence.piece = true;
      if (piece === 'continued') sentence.continued = true;
      out.push(sentence);
    }
    paragraph++;
  }
  return out;
}
