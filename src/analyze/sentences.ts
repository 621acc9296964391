// Splits article text into sentences that are exact slices of it, so anything quoted from a sentence can be
// found again with Ctrl-F. Newsroom abbreviations (U.S., Lt. Gen., p.m. ET, Nov. 28) must not end a sentence.

export interface Sentence {
  /** The sentence, verbatim (trimmed). */
  text: string;
  /** Offset of text in the article text. */
  start: number;
  /** Index of the paragraph (blank-line separated block) it belongs to. */
  paragraph: number;
  /** Index of the sentence in the article. */
  index: number;
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

/** Sentences of one paragraph as [start, end) offsets within it. */
function splitParagraph(para: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  // A terminator, then closing quotes/brackets, then whitespace, then something that can open a sentence.
  const boundary = /([.!?])(["”’')\]]*)(\s+)(?=["“‘'([]?[A-Z0-9{—–-])/g;
  for (let m = boundary.exec(para); m; m = boundary.exec(para)) {
    const dot = m.index;
    const nextStart = m.index + m[0].length;
    if (!endsSentence(para, dot, nextStart)) continue;
    const end = dot + 1 + m[2]!.length;
    spans.push([start, end]);
    start = nextStart;
  }
  if (start < para.length) spans.push([start, para.length]);
  return spans;
}

/** All sentences of the text, in order. Paragraphs are separated by blank lines, as in Article.text. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const paragraphRe = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  let paragraph = 0;
  for (let p = paragraphRe.exec(text); p; p = paragraphRe.exec(text)) {
    const para = p[0];
    if (para.trim() === '') continue;
    for (const [s, e] of splitParagraph(para)) {
      const raw = para.slice(s, e);
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      if (trimmed === '') continue;
      out.push({ text: trimmed, start: p.index + s + lead, paragraph, index: out.length });
    }
    paragraph++;
  }
  return out;
}
