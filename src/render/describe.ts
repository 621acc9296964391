// Plain-language pieces shared by every renderer (Slack blocks, terminal text), so the two faces say the same
// thing in the same words. Nothing here escapes: each renderer escapes for its own medium.
import { modelWasUnavailable, type Analysis, type CasualtyFigure, type CasualtyKind } from '../analysis';

const KIND_WORD: Record<CasualtyKind, string> = {
  killed: 'killed',
  injured: 'injured',
  missing: 'missing',
  displaced: 'displaced',
  detained: 'detained',
  affected: 'affected',
  other: '',
};

export function kindWord(kind: CasualtyKind): string {
  return KIND_WORD[kind];
}

export interface PhraseStyle {
  /** How the count as written is shown (bold in Slack, plain in a terminal). */
  count: (countText: string) => string;
  /** How article words are made safe for the medium (escaping). */
  text: (s: string) => string;
}

/**
 * "30 civilians killed" for a total; "six children" for a sub-figure, whose kind its total already says.
 * Count, who and kind are the article's own words and the schema's kind, never a sum or a paraphrase.
 */
export function figurePhrase(fig: CasualtyFigure, style: PhraseStyle, isPart = false): string {
  const kind = kindWord(fig.kind);
  const words = isPart ? [fig.who ?? kind] : [fig.who ?? '', kind];
  return [style.count(fig.countText), ...words.filter(Boolean).map(style.text)].join(' ');
}

/** "per the Syrian Observatory for Human Rights" or "stated by the article". */
export function sourceOf(fig: CasualtyFigure): string {
  return fig.attributedTo ? `per ${fig.attributedTo}` : 'stated by the article';
}

/** Totals in article order, each with its sub-figures, so a subset is never shown as a total of its own. */
export function groupFigures(figs: CasualtyFigure[]): { total: CasualtyFigure; parts: CasualtyFigure[] }[] {
  const groups: { total: CasualtyFigure; parts: CasualtyFigure[] }[] = [];
  const byIndex = new Map<number, { total: CasualtyFigure; parts: CasualtyFigure[] }>();
  figs.forEach((fig, i) => {
    const parent = fig.partOf !== null && fig.partOf !== i ? byIndex.get(fig.partOf) : undefined;
    if (parent) {
      parent.parts.push(fig);
      byIndex.set(i, parent);
    } else {
      const g = { total: fig, parts: [] };
      groups.push(g);
      byIndex.set(i, g);
    }
  });
  return groups;
}

export function analyzerLine(a: Analysis): string {
  const info = a.analyzer;
  const parts: string[] = [];
  if (info.kind === 'llm') {
    parts.push(`Analysis by ${info.model ?? 'a language model'}, checked against the article text`);
  } else if (modelWasUnavailable(info)) {
    parts.push('Model unavailable — offline analysis');
  } else {
    parts.push(`Offline analyzer${info.fallbackReason ? ` (${info.fallbackReason})` : ''}`);
  }
  if (info.droppedUngrounded) {
    parts.push(
      `${info.droppedUngrounded} item${info.droppedUngrounded === 1 ? '' : 's'} dropped: not supported by the article`,
    );
  }
  parts.push('every quote is verbatim from the article');
  return parts.join(' · ');
}

/**
 * Outlet, byline and dates, each formatted by the caller: `text` for what came from the page (escaped or
 * cleaned for its medium), `date` for a date from the metadata.
 */
export function metaLine(
  a: Analysis,
  format: { text: (s: string) => string; date: (iso: string) => string },
): string[] {
  const parts: string[] = [];
  if (a.site) parts.push(format.text(a.site));
  if (a.byline) parts.push(format.text(a.byline));
  if (a.published) parts.push(`Published ${format.date(a.published)}`);
  if (a.updated && a.updated !== a.published) parts.push(`Updated ${format.date(a.updated)}`);
  return parts;
}

export function partialLine(a: Analysis): string | null {
  if (!a.partial) return null;
  // A paywall is our guess from the page, not a fact the site told us: say it as one.
  const why = a.partial.reason === 'paywall' ? 'paywall?' : a.partial.reason;
  const n = a.partial.wordsRead;
  return `I could only read the first ${n.toLocaleString('en-US')} word${n === 1 ? '' : 's'} (${why}), so this may miss part of the story.`;
}
