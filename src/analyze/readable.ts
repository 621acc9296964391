// The part of an article the analyzers read (see limits.ts for the caps and why).
import type { Article } from '../article/types';
import { MAX_ANALYZED_CHARS, MAX_ANALYZED_WORDS, TOO_LONG_REASON } from './limits';
import { splitSentences } from './sentences';

export interface ReadablePart {
  /** The article as the analyzers read it: the whole of it, or its beginning up to the caps. */
  article: Article;
  /** The article's own partial read (paywall…), or the analyzer's cut when that is what limits the read. */
  partial: Article['partial'];
}

/**
 * The beginning of the article that the analyzers read: at most MAX_ANALYZED_WORDS words and MAX_ANALYZED_CHARS
 * characters, ending at a sentence end where there is one, so no sentence is read cut in half (its attribution
 * could be the half left out). The text read is a prefix of article.text, so whatever is quoted from it is in
 * the article.
 */
export function readablePart(article: Article): ReadablePart {
  const cut = cutOffset(article.text);
  if (cut === null) return { article, partial: article.partial };
  const text = article.text.slice(0, cut);
  const wordsRead = countWords(text);
  return {
    article: {
      ...article,
      text,
      paragraphs: text.split(/\n\s*\n/).filter((p) => p.trim() !== ''),
      wordCount: wordsRead,
    },
    partial: { wordsRead, reason: TOO_LONG_REASON },
  };
}

/** Where the text read ends, or null when the whole text is within the caps. */
function cutOffset(text: string): number | null {
  let limit = Math.min(text.length, MAX_ANALYZED_CHARS);
  // Words are looked for within the cap only: a backtracking regex over a multi-megabyte run of letters can
  // exhaust V8's regexp stack (seen under jest with a 5 MB word), and nothing past the cap is read anyway.
  const within = text.slice(0, limit + 1);
  const word = /\S+/g;
  let words = 0;
  for (let m = word.exec(within); m && m.index < limit; m = word.exec(within)) {
    if (++words === MAX_ANALYZED_WORDS) {
      limit = Math.min(limit, m.index + m[0].length);
      break;
    }
  }
  const more = /\S/g;
  more.lastIndex = limit;
  if (!more.test(text)) return null;
  // Not inside a word, unless the text is one word longer than the cap.
  let end = limit;
  while (end > 0 && /\S/.test(text[end - 1]!) && /\S/.test(text[end] ?? ' ')) end--;
  if (end === 0) end = limit;
  const head = text.slice(0, end).trimEnd();
  // The last sentence read must be whole: when the cut goes through it, it is left out.
  const sentences = splitSentences(head);
  const last = sentences[sentences.length - 1];
  if (!last || sentences.length === 1 || endsWhole(last.text)) return head.length;
  return text.slice(0, last.start).trimEnd().length;
}

function endsWhole(sentence: string): boolean {
  return /[.!?]["”’')\]]*$/.test(sentence);
}

/** Words as the extractor counts them: runs of non-space characters. */
export function countWords(text: string): number {
  let n = 0;
  const word = /\S+/g;
  while (word.exec(text)) n++;
  return n;
}
