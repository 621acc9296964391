// PLACEHOLDER — to be replaced by the analyzer front (issue 4): LLM when configured, offline otherwise,
// grounding for both. Signature is the contract.
import type { AnalyzerInfo, Findings } from '../analysis';
import type { Article } from '../article/types';
import type { LlmSettings } from './settings';
import { analyzeOffline } from './offline';

export interface AnalyzeOptions {
  /** null/undefined: offline analyzer only. */
  llm?: LlmSettings | null;
  /** Why the LLM is not used when llm is null (shown in analyzer.fallbackReason), e.g. 'no OPENAI_API_KEY'. */
  offlineReason?: string;
}

export async function analyzeArticle(
  article: Article,
  opts: AnalyzeOptions = {},
): Promise<{ findings: Findings; analyzer: AnalyzerInfo }> {
  const started = Date.now();
  const findings = analyzeOffline(article);
  return {
    findings,
    analyzer: {
      kind: 'offline',
      model: null,
      fallbackReason: opts.offlineReason ?? null,
      droppedUngrounded: 0,
      promptTokens: null,
      completionTokens: null,
      ms: Date.now() - started,
    },
  };
}
