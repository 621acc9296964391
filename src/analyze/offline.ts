// PLACEHOLDER — to be replaced by the offline analyzer (issue 4). Signature is the contract.
import type { Findings } from '../analysis';
import type { Article } from '../article/types';

export function analyzeOffline(article: Article): Findings {
  return { summary: article.paragraphs.slice(0, 3), casualties: [], contested: [], sourcing: [] };
}
