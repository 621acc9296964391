// Analysis → Block Kit message. Slack's limits are hard (50 blocks, 3,000 chars a section, 150 a header, and
// an undocumented ~12k total before msg_blocks_too_long), so long lists are cut with "and N more" and quotes
// are shortened until the whole message fits a budget well under those limits.
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
import { slackDate } from './dates';
import { escapeMrkdwn, escapeWithin, mrkdwnLink, truncate } from './mrkdwn';

export interface TextObject {
  type: 'mrkdwn' | 'plain_text';
  text: string;
  emoji?: boolean;
  verbatim?: boolean;
}
export interface Block {
  type: string;
  text?: TextObject;
  elements?: unknown[];
  block_id?: string;
}
export interface SlackMessage {
  /** Notification / accessibility fallback; mrkdwn, already escaped. */
  text: string;
  blocks: Block[];
}

export const LIMITS = {
  maxBlocks: 50,
  sectionChars: 3000,
  headerChars: 150,
  /** Our own budget for all block text, well under Slack's ~12k msg_blocks_too_long threshold. */
  totalChars: 10_000,
  /** Blocks kept free for the caller (e.g. the "Post to channel" button). */
  reservedBlocks: 2,
  itemsPerList: { summary: 5, contested: 6, casualties: 12, sourcing: 8 },
} as const;

const SECTION_SOFT_LIMIT = LIMITS.sectionChars - 100;
/** Site, byline and dates come from the page unbounded (a wire story can list fifty authors). */
const META_PART_CHARS = 400;
/** Past this the link is left out rather than cut: a cut URL would open the wrong page. */
const LINK_URL_CHARS = 1000;
/** The footer carries the model name the server reported. */
const FOOTER_CHARS = 600;

const SLACK_STYLE: PhraseStyle = { count: (c) => `*${escapeMrkdwn(c)}*`, text: escapeMrkdwn };

// verbatim: Slack would otherwise turn bare "@here", "#channel" names and URLs in article text into live
// mentions and links; escaping covers the <…> forms, verbatim the bare ones.
const mrkdwn = (text: string): TextObject => ({ type: 'mrkdwn', text, verbatim: true });
const section = (text: string): Block => ({ type: 'section', text: mrkdwn(text) });
const context = (text: string): Block => ({ type: 'context', elements: [mrkdwn(text)] });

function quoteLine(q: string, max: number): string {
  return `> _“${escapeMrkdwn(truncate(q.replace(/\s+/g, ' ').trim(), max))}”_`;
}

/** Packs a titled list into as few sections as the per-section limit allows, cutting past `maxItems`. */
function listSections(title: string, items: string[], maxItems: number): Block[] {
  if (items.length === 0) return [];
  const shown = items.slice(0, maxItems).map((i) => truncate(i, SECTION_SOFT_LIMIT - title.length - 2));
  if (items.length > maxItems) shown.push(`_…and ${items.length - maxItems} more_`);
  const blocks: Block[] = [];
  let current = `*${title}*`;
  for (const item of shown) {
    if (current.length + item.length + 1 > SECTION_SOFT_LIMIT) {
      blocks.push(section(current));
      current = item;
    } else {
      current += `\n${item}`;
    }
  }
  blocks.push(section(current));
  return blocks;
}

function buildBlocks(a: Analysis, quoteMax: number, listScale: number): Block[] {
  const n = (k: keyof typeof LIMITS.itemsPerList) =>
    Math.max(1, Math.floor(LIMITS.itemsPerList[k] * listScale));
  const blocks: Block[] = [];
  blocks.push({
    type: 'header',
    text: {
      type: 'plain_text',
      text: truncate(stripInvisible(a.title || 'Untitled article'), LIMITS.headerChars),
    },
  });
  // Together at most 4 × 400 + 1,000 characters, inside the 3,000 of a context element.
  const escapePart = (m: string) => escapeWithin(m, META_PART_CHARS);
  const meta = metaLine(a, { text: escapePart, date: (iso) => slackDate(iso, escapePart) });
  const link = a.finalUrl || a.url;
  meta.push(link.length <= LINK_URL_CHARS ? mrkdwnLink(link, 'Open article') : 'link too long to show');
  blocks.push(context(meta.join(' · ')));

  const partial = partialLine(a);
  if (partial) blocks.push(section(`:warning: ${escapeMrkdwn(partial)}`));

  blocks.push(
    ...listSections(
      'Summary',
      a.summary.map((s) => `• ${escapeMrkdwn(truncate(s, quoteMax * 2))}`),
      n('summary'),
    ),
  );

  blocks.push(
    ...listSections(
      'Contested',
      a.contested.map(
        (c) =>
          `• ${escapeMrkdwn(c.claim)} — *${escapeMrkdwn(c.claimant)}* vs. *${escapeMrkdwn(c.disputedBy)}*\n` +
          c.quotes
            .slice(0, 2)
            .map((q) => quoteLine(q, quoteMax))
            .join('\n'),
      ),
      n('contested'),
    ),
  );

  const figureItems = groupFigures(a.casualties).map(({ total, parts }) => {
    const lines = [`• ${figurePhrase(total, SLACK_STYLE)} — ${escapeMrkdwn(sourceOf(total))}`];
    for (const p of parts) {
      lines.push(
        `    ◦ ${figurePhrase(p, SLACK_STYLE, true)} (part of the ${escapeMrkdwn(total.countText)})`,
      );
    }
    const quotes = [...new Set([total.quote, ...parts.map((p) => p.quote)])];
    lines.push(...quotes.slice(0, 2).map((q) => quoteLine(q, quoteMax)));
    return lines.join('\n');
  });
  blocks.push(...listSections('Casualty figures', figureItems, n('casualties')));

  blocks.push(
    ...listSections(
      'Sourcing',
      a.sourcing.map((s) => `• ${escapeMrkdwn(s.note)}\n${quoteLine(s.quote, quoteMax)}`),
      n('sourcing'),
    ),
  );

  if (a.summary.length + a.casualties.length + a.contested.length + a.sourcing.length === 0) {
    blocks.push(section('_I found nothing to flag in this article._'));
  }
  blocks.push({ type: 'divider' });
  blocks.push(context(escapeWithin(analyzerLine(a), FOOTER_CHARS)));
  return blocks;
}

export function blockTextLength(blocks: Block[]): number {
  let total = 0;
  for (const b of blocks) {
    total += b.text?.text.length ?? 0;
    for (const e of (b.elements ?? []) as { text?: unknown }[]) {
      if (typeof e.text === 'string') total += e.text.length;
      else if (e.text && typeof e.text === 'object' && typeof (e.text as TextObject).text === 'string') {
        total += (e.text as TextObject).text.length;
      }
    }
  }
  return total;
}

export function fallbackText(a: Analysis): string {
  const bits: string[] = [];
  if (a.casualties.length)
    bits.push(`${a.casualties.length} casualty figure${a.casualties.length === 1 ? '' : 's'}`);
  if (a.contested.length)
    bits.push(`${a.contested.length} contested claim${a.contested.length === 1 ? '' : 's'}`);
  if (a.sourcing.length) bits.push(`${a.sourcing.length} sourcing note${a.sourcing.length === 1 ? '' : 's'}`);
  const title = escapeMrkdwn(truncate(a.title || 'Untitled article', 200));
  return bits.length ? `${title} — ${bits.join(', ')}` : `${title} — summary`;
}

/** The whole reply, guaranteed inside Slack's limits whatever the article holds. */
export function renderAnalysisMessage(a: Analysis): SlackMessage {
  const maxBlocks = LIMITS.maxBlocks - LIMITS.reservedBlocks;
  for (const listScale of [1, 0.5, 0.25]) {
    for (const quoteMax of [400, 240, 140, 80]) {
      const blocks = buildBlocks(a, quoteMax, listScale);
      if (blocks.length <= maxBlocks && blockTextLength(blocks) <= LIMITS.totalChars) {
        return { text: fallbackText(a), blocks };
      }
    }
  }
  // Unreachable with the caps above (every list is capped and every item truncated), but never post
  // something Slack would reject: fall back to the headline and footer only.
  const minimal = buildBlocks(
    { ...a, summary: a.summary.slice(0, 1), casualties: [], contested: [], sourcing: [] },
    80,
    0.25,
  );
  return { text: fallbackText(a), blocks: minimal.slice(0, maxBlocks) };
}
