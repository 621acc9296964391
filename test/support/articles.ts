// Articles for analyzer tests, built straight from text the way the extractor would hand them over.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../../src/article/types';

/** ../shared beside the repository (npm scripts and jest run from the repository root; CI has it there too). */
export const SHARED = path.resolve(process.cwd(), '../shared');
export const SEED_TXT = path.join(SHARED, 'fixtures/thehill-russia-syria.txt');
export const SEED_TITLE = 'US officials: Russia is not striking ISIS targets in Syria';

/** Paragraphs split on blank lines, whitespace normalised, joined as the extractor joins them. */
export function articleFromText(raw: string, over: Partial<Article> = {}): Article {
  const paragraphs = raw
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
  const text = paragraphs.join('\n\n');
  return {
    url: 'https://example.test/a',
    finalUrl: 'https://example.test/a',
    title: 'Title',
    site: null,
    byline: null,
    published: null,
    updated: null,
    language: 'en',
    paragraphs,
    text,
    wordCount: text.split(/\s+/).filter(Boolean).length,
    partial: null,
    ...over,
  };
}

/** The reference article, as its plain text is published. */
export function seedArticle(over: Partial<Article> = {}): Article {
  return articleFromText(readFileSync(SEED_TXT, 'utf8'), { title: SEED_TITLE, ...over });
}

/** The seed article's casualty sentence: 30 civilians killed, six children and six women among them. */
export const SOHR_SENTENCE =
  'A British-based monitoring group, the Syrian Observatory for Human Rights, said the Russian strikes had killed 30 civilians, including six children and six women.';

/** The seed's total as a careful model reports it (the model is never asked for min/max; grounding reads them). */
export const SOHR_TOTAL_FROM_MODEL = {
  countText: '30',
  kind: 'killed',
  who: 'civilians',
  attributedTo: 'the Syrian Observatory for Human Rights',
  partOf: null,
  quote: SOHR_SENTENCE,
} as const;
