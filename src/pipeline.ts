// The one entry to the pipeline: fetch → extract → analyze. The Slack listeners (through the job queue) and
// the CLI both call it; nothing here knows about Slack.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Analysis, AnalyzerInfo, Findings } from './analysis';
import { analyzeArticle } from './analyze';
import { fetchPage } from './article/fetch';
import { articleFromPlainText } from './article/extract';
import { extractInWorker } from './article/extract-in-worker';
import type { Article } from './article/types';
import type { AnalysisConfig } from './config';
import { NewsdeskError } from './errors';

/** `partial` defaults to the article's own; the analyzer's is smaller when it read only the article's beginning. */
export function assembleAnalysis(
  article: Article,
  findings: Findings,
  analyzer: AnalyzerInfo,
  partial: Article['partial'] = article.partial,
): Analysis {
  return {
    url: article.url,
    finalUrl: article.finalUrl,
    title: article.title,
    site: article.site,
    byline: article.byline,
    published: article.published,
    updated: article.updated,
    language: article.language,
    wordCount: article.wordCount,
    ...findings,
    analyzer,
    partial,
  };
}

export async function analyzeArticleWith(article: Article, config: AnalysisConfig): Promise<Analysis> {
  const { findings, analyzer, partial } = await analyzeArticle(article, {
    llm: config.llm,
    offlineReason: config.offlineReason ?? undefined,
  });
  return assembleAnalysis(article, findings, analyzer, partial);
}

export async function analyzeUrl(
  url: string,
  config: AnalysisConfig,
  signal?: AbortSignal,
): Promise<Analysis> {
  const page = await fetchPage(url, { allowHosts: config.fetchAllowHosts, signal });
  const article = await extractInWorker({ html: page.html, url, finalUrl: page.finalUrl });
  return analyzeArticleWith(article, config);
}

/** A saved page or a plain-text article on disk (`newsdesk analyze story.html`). */
export async function analyzeFile(file: string, config: AnalysisConfig): Promise<Analysis> {
  let raw: Buffer;
  try {
    raw = await readFile(file);
  } catch (err) {
    throw new NewsdeskError('usage', 'file_unreadable', `I couldn't read the file ${file}.`, { cause: err });
  }
  const text = raw.toString('utf8');
  const ext = path.extname(file).toLowerCase();
  const looksHtml =
    ext === '.html' || ext === '.htm' || /^\s*(<!doctype html|<html)/i.test(text.slice(0, 512));
  const article = looksHtml
    ? await extractInWorker({ html: text, url: file, finalUrl: file })
    : articleFromPlainText(text, file);
  return analyzeArticleWith(article, config);
}
