// The analyzer front: the LLM when configured, the offline analyzer otherwise or when the model is
// unavailable, and grounding for both. Never throws for a model failure: the reply then says why.
import type { AnalyzerInfo, Findings } from '../analysis';
import type { Article } from '../article/types';
import { groundFindings, groundingContext, type GroundedFindings, type GroundingContext } from './grounding';
import { injectionNotes } from './injection';
import { requestFindings } from './llm';
import { mergeFindings } from './merge';
import { analyzeOffline } from './offline';
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

export async function analyzeArticle(
  article: Article,
  opts: AnalyzeOptions = {},
): Promise<{ findings: Findings; analyzer: AnalyzerInfo }> {
  const now = opts.now ?? Date.now;
  const started = now();
  const ctx = groundingContext(article.text);
  const offline = groundOffline(article, ctx);

  const offlineResult = (fallbackReason: string | null) => ({
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
  });

  if (!opts.llm) return offlineResult(opts.offlineReason ?? null);
  const outcome = await requestFindings(article, opts.llm, { signal: opts.signal, now });
  if (!outcome.ok) return offlineResult(outcome.reason);

  const fromModel = groundFindings(outcome.reply, ctx);
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
  const first = ctx.sentences.find((s) => s.text.split(/\s+/).length >= 6) ?? ctx.sentences[0];
  return [first ? first.text : article.title || 'The article has no readable text.'];
}
