// The embedded analyzer: deterministic, no network, no key. Every verbatim field is a slice of article.text.
import type { Findings } from '../analysis';
import type { Article } from '../article/types';
import { findCasualties } from './casualties';
import { findContested } from './contested';
import { splitSentences } from './sentences';
import { findSourcing } from './sourcing';
import { summarize } from './summary';

export function analyzeOffline(article: Article): Findings {
  const sentences = splitSentences(article.text);
  const casualties = findCasualties(sentences);
  const contested = findContested(sentences, casualties);
  const sourcing = findSourcing(sentences, casualties);
  const summary = summarize(sentences, casualties);
  return { summary, casualties, contested, sourcing };
}
