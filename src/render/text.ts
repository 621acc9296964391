// Analysis → readable terminal text for `newsdesk analyze`.
import type { Analysis } from '../analysis';
import { analyzerLine, groupFigures, kindWord, metaLine, partialLine, sourceOf } from './describe';
import { stripInvisible } from '../article/clean-text';

const quote = (q: string) => `      “${stripInvisible(q.replace(/\s+/g, ' ').trim())}”`;

export function renderText(a: Analysis): string {
  const out: string[] = [];
  const clean = stripInvisible;
  out.push(clean(a.title || 'Untitled article'));
  const meta = metaLine(a).map(clean);
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
    const head = [total.countText, kindWord(total.kind), total.who ?? '']
      .filter(Boolean)
      .map(clean)
      .join(' ');
    out.push(`  • ${head} — ${clean(sourceOf(total))}`);
    for (const p of parts) {
      out.push(
        `      ◦ ${clean(p.countText)} ${clean(p.who ?? kindWord(p.kind))} (part of the ${clean(total.countText)})`,
      );
    }
    for (const q of new Set([total.quote, ...parts.map((p) => p.quote)])) out.push(quote(q));
  }

  out.push('', 'SOURCING');
  if (!a.sourcing.length) out.push('  (none found)');
  for (const s of a.sourcing) {
    out.push(`  • ${clean(s.note)}`);
    out.push(quote(s.quote));
  }
  out.push('', `— ${analyzerLine(a)}`);
  return out.join('\n') + '\n';
}
