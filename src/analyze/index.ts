// The analyzer front: the LLM when configured, the offline analyzer otherwise or when the model is
// unavailable, and grounding for both. Never throws for a model failure: the reply then says why.
import type { AnalyzerInfo, Findings } from '../analysis';
import type { Article } from '../article/types';
import {
  groundFindings,
  groundingContext,
  type CandidateFindings,
  type GroundedFindings,
  type GroundingContext,
} from './grounding';
import { injectionNotes } from './injection';
import { MAX_MODEL_ITEMS, MAX_MODEL_QUOTES } from './limits';
import { requestFindings } from './llm';
import { mergeFindings } from './merge';
import { analyzeOffline } from './offline';
import { readablePart } from './readable';
import { adoptReading } from './sentence-figures';
import type { LlmSettings } from './settings';

export interface AnalyzeOptions {
  /** null/undefined: offline analyzer only. */
  llm?: LlmSettings | null;
  /** Why the LLM is not used when llm is null (shown in analyzer.fallbackReason), e.g. 'no OPENAI_API_KEY'. */
  offlineReason?: string;
  /** Cancels a model call in flight; the offline analyzer then answers. */
  signal?: AbortSignal;
  /** Clock for analyzer.ms (tests). */
  now?: () => number;
}

export interface ArticleAnalysis {
  findings: Findings;
  analyzer: AnalyzerInfo;
  /**
   * What of the article the findings cover: the article's own partial read (paywall, consent wall…), or,
   * when the article is longer than the analyzers read (limits.ts), how many words they read.
   */
  partial: Article['partial'];
}

export async function analyzeArticle(whole: Article, opts: AnalyzeOptions = {}): Promise<ArticleAnalysis> {
  const now = opts.now ?? Date.now;
  const started = now();
  // Both analyzers and grounding read the same beginning of the article, so the cost of a reply is bounded
  // whatever the page holds, and what the model quotes is grounded in exactly what it was shown.
  const { article, partial } = readablePart(whole);
  const ctx = groundingContext(article.text);
  const offline = groundOffline(article, ctx);

  const offlineResult = (fallbackReason: string | null): ArticleAnalysis => ({
    findings: finish(offline.findings, article, ctx),
    analyzer: {
      kind: 'offline' as const,
      model: null,
      fallbackReason,
      droppedUngrounded: offline.dropped,
      promptTokens: null,
      completionTokens: null,
      ms: now() - started,
    },
    partial,
  });

  if (!opts.llm) return offlineResult(opts.offlineReason ?? null);
  const outcome = await requestFindings(article, opts.llm, { signal: opts.signal, now });
  if (!outcome.ok) return offlineResult(outcome.reason);

  const fromModel = groundFindings(withinReadingLimits(outcome.reply), ctx);
  return {
    findings: finish(mergeFindings(fromModel.findings, offline.findings), article, ctx),
    analyzer: {
      kind: 'llm',
      model: outcome.model,
      fallbackReason: null,
      droppedUngrounded: fromModel.dropped,
      promptTokens: outcome.promptTokens,
      completionTokens: outcome.completionTokens,
      ms: now() - started,
    },
    partial,
  };
}

/** The model's reply up to MAX_MODEL_ITEMS items per list and MAX_MODEL_QUOTES quotes per claim. */
function withinReadingLimits(reply: CandidateFindings): CandidateFindings {
  return {
    summary: reply.summary.slice(0, MAX_MODEL_ITEMS),
    casualties: reply.casualties.slice(0, MAX_MODEL_ITEMS),
    contested: reply.contested
      .slice(0, MAX_MODEL_ITEMS)
      .map((c) => ({ ...c, quotes: c.quotes.slice(0, MAX_MODEL_QUOTES) })),
    sourcing: reply.sourcing.slice(0, MAX_MODEL_ITEMS),
  };
}

function groundOffline(article: Article, ctx: GroundingContext): GroundedFindings {
  let raw: Findings;
  try {
    raw = analyzeOffline(article);
  } catch (err) {
    // The last line of defence must not take the reply down with it.
    console.error('offline analyzer failed', err);
    raw = { summary: [], casualties: [], contested: [], sourcing: [] };
  }
  // Grounding checks each figure against its sentence's own reading: the offline analyzer's is that reading,
  // so the sentences need not be read twice.
  adoptReading(ctx, raw.casualties);
  return groundFindings(raw, ctx);
}

/** Adds the note on text addressed to AI tools and makes sure the summary is never empty. */
function finish(findings: Findings, article: Article, ctx: GroundingContext): Findings {
  const notes = injectionNotes(ctx.injections);
  const summary = findings.summary.length > 0 ? findings.summary : leadSentence(article, ctx);
  return { ...findings, summary, sourcing: [...notes, ...findings.sourcing] };
}

/** The article's first real sentence not addressed to AI tools, verbatim; the summary of last resort. */
function leadSentence(article: Article, ctx: GroundingContext): string[] {
  // Section labels and datelines ("Defense", "WASHINGTON —") are sentences too short to summarise anything.
  // A later piece of an overlong sentence may have left its attribution in the piece before.
  const whole = ctx.sentences.filter((s) => !s.continued);
  const first = whole.find((s) => s.text.split(/\s+/).length >= 6) ?? whole[0];
  return [first ? first.text : article.title || 'The article has no readable text.'];
}
