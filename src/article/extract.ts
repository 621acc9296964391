// PLACEHOLDER — to be replaced by the real extractor (issue 3). Signatures are the contract.
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { Article } from './types';
import { ExtractError } from '../errors';

export interface ExtractInput {
  html: string;
  /** The URL as the user gave it. */
  url: string;
  /** The URL actually read, after redirects. */
  finalUrl: string;
}

function finish(url: string, finalUrl: string, title: string, paragraphs: string[]): Article {
  const text = paragraphs.join('\n\n');
  const wordCount = text.split(/\s+/).filter(Boolean).length;
  if (wordCount < 30) throw new ExtractError('no_article', "I couldn't find an article on that page.");
  return {
    url,
    finalUrl,
    title,
    site: null,
    byline: null,
    published: null,
    updated: null,
    language: null,
    paragraphs,
    text,
    wordCount,
    partial: null,
  };
}

export function extractArticle(input: ExtractInput): Article {
  const { document } = parseHTML(input.html);
  const parsed = new Readability(document as never).parse();
  if (!parsed?.textContent) throw new ExtractError('no_article', "I couldn't find an article on that page.");
  const paragraphs = parsed.textContent
    .split(/\n\s*\n|(?<=\.)\s{2,}/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return finish(input.url, input.finalUrl, parsed.title ?? '', paragraphs);
}

/** A plain-text article (as published, e.g. a .txt file): paragraphs separated by blank lines. */
export function articleFromPlainText(text: string, url: string): Article {
  const blocks = text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const title = blocks.find((b) => b.split(' ').length >= 4) ?? blocks[0] ?? '';
  return finish(url, url, title, blocks.slice(blocks.indexOf(title) + 1));
}
