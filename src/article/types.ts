// What the fetcher hands the extractor, and what the extractor hands the analyzers.

export interface FetchedPage {
  /** The URL as the user gave it. */
  url: string;
  /** The URL of the response that was read, after redirects. */
  finalUrl: string;
  status: number;
  /** The media type without parameters, lower-cased, e.g. 'text/html'; '' when the server sent none. */
  contentType: string;
  /** The charset the bytes were decoded with, e.g. 'utf-8', 'windows-1251'. */
  charset: string;
  /** The decoded document. */
  html: string;
  /** Decoded body size in bytes. */
  bytes: number;
}

export interface Article {
  /** The URL as the user gave it. */
  url: string;
  /** The page's canonical URL if it declares one on the same registrable domain, else the final URL. */
  finalUrl: string;
  title: string;
  site: string | null;
  byline: string | null;
  /** ISO 8601 when known. */
  published: string | null;
  /** ISO 8601, or the article's own wording ('Updated at 4:54 p.m. ET'). */
  updated: string | null;
  /** BCP 47, e.g. 'en'. */
  language: string | null;
  /** Body paragraphs in order, whitespace-normalised, invisible/bidi characters removed. */
  paragraphs: string[];
  /** paragraphs joined with blank lines: the text every verbatim quote is grounded against. */
  text: string;
  wordCount: number;
  /** Set when only part of the article is readable (paywall, consent wall, very short body). */
  partial: { wordsRead: number; reason: string } | null;
}
