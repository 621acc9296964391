// Picks 3–5 verbatim sentences, weighted to the lead, that keep attributed figures attributed: a sentence
// stating a casualty number on the article's own authority loses to one that names the source.
import type { CasualtyFigure } from '../analysis';
import type { Sentence } from './sentences';

const MIN_WORDS = 8;
const MAX_WORDS = 60;

function usable(s: Sentence): boolean {
  // A piece of an overlong sentence is not a sentence, and may have left its attribution in the piece before.
  if (s.piece) return false;
  const words = s.text.split(/\s+/).length;
  if (words < MIN_WORDS || words > MAX_WORDS) return false;
  // Extraction artefacts ("{mosads}") and bare quotations without a speaker make poor bullets.
  if (/[{}]/.test(s.text)) return false;
  if (/^["“‘]/.test(s.text)) return false;
  if (!/[.!?]["”’)]?$/.test(s.text)) return false;
  if (/^[—–-]?\s*(?:Updated|Correction|Editor's note)\b/i.test(s.text)) return false;
  return true;
}

/** Up to `max` sentences in article order. */
export function summarize(sentences: Sentence[], figures: CasualtyFigure[], max = 4): string[] {
  const attributedExists = figures.some((f) => f.attributedTo);
  const byQuote = new Map<string, CasualtyFigure[]>();
  for (const f of figures) {
    const here = byQuote.get(f.quote);
    if (here) here.push(f);
    else byQuote.set(f.quote, [f]);
  }

  const scored = sentences
    .filter(usable)
    .map((s) => {
      const here = byQuote.get(s.text) ?? [];
      // Never state a number as fact when the article has a sourced one.
      if (attributedExists && here.some((f) => !f.attributedTo)) return null;
      let score = 1 / (1 + s.paragraph * 0.35) + (s.index === 0 ? 0.3 : 0);
      if (here.some((f) => f.partOf === null && f.attributedTo)) score += 0.6;
      if (/\b(?:said|says|told|according to)\b/.test(s.text)) score += 0.1;
      if (/[“”"]/.test(s.text)) score -= 0.2;
      return { s, score };
    })
    .filter((x): x is { s: Sentence; score: number } => x !== null);

  const picked = scored
    .sort((a, b) => b.score - a.score)
    .slice(0, max)
    .sort((a, b) => a.s.index - b.s.index)
    .map((x) => x.s.text);
  if (picked.length > 0) return picked;
  // A very short or odd article: fall back to its first clean sentences rather than nothing.
  return sentences
    .filter((s) => !s.continued && !/[{}]/.test(s.text))
    .slice(0, 3)
    .map((s) => s.text);
}
