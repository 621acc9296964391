// Analysis → readable terminal text for `newsdesk analyze`.
import type { Analysis } from '../analysis';
import {
  analyzerLine,
  figurePhrase,
  groupFigures,
  metaLine,
  partialLine,
  sourceOf,
  type PhraseStyle,
} from './describe';
import { stripInvisible } from '../article/clean-text';
import { readArticleDate } from './dates';

const TEXT_STYLE: PhraseStyle = { count: stripInvisible, text: stripInvisible };

const quote = (q: string) => `      “${stripInvisible(q.replace(/\s+/g, ' ').trim())}”`;

export function renderText(a: Analysis): string {
  const out: string[] = [];
  const clean = stripInvisible;
  out.push(clean(a.title || 'Untitled article'));
  const meta = metaLine(a, { text: clean, date: (iso) => clean(readArticleDate(iso).text) });
  if (meta.length) out.push(meta.join(' · '));
  out.push(a.finalUrl || a.url);
  const partial = partialLine(a);
  if (partial) out.push('', `! ${partial}`);

  out.push('', 'SUMMARY');
  for (const s of a.summary) out.push(`  • ${clean(s)}`);

  out.push('', 'CONTESTED');
  if (!a.contested.length) out.push('  (none found)');
  for (const c of a.contested) {
    out.push(`  • ${clean(c.claim)} — ${clean(c.claimant)} vs. ${clean(c.disputedBy)}`);
    for (const q of c.quotes) out.push(quote(q));
  }

  out.push('', 'CASUALTY FIGURES');
  if (!a.casualties.length) out.push('  (none found)');
  for (const { total, parts } of groupFigures(a.casualties)) {
    out.push(`  • ${figurePhrase(total, TEXT_STYLE)} — ${clean(sourceOf(total))}`);
    for (const p of parts) {
      out.push(`      ◦ ${figurePhrase(p, TEXT_STYLE, true)} (part of the ${clean(total.countText)})`);
    }
    for (const q of new Set([total.quote, ...parts.map((p) => p.quote)])) out.push(quote(q));
  }

  out.push('', 'SOURCING');
  if (!a.sourcing.length) out.push('  (none found)');
  for (const s of a.sourcing) {
    out.push(`  • ${clean(s.note)}`);
    out.push(quote(s.quote));
  }
  // The model name is whatever the model server reported: a control sequence there would reach the terminal.
  out.push('', `— ${clean(analyzerLine(a))}`);
  return out.join('\n') + '\n';
}
