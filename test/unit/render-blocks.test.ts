import type { Analysis, CasualtyFigure } from '../../src/analysis';
import {
  blockTextLength,
  LIMITS,
  renderAnalysisMessage,
  type Block,
  type TextObject,
} from '../../src/render/blocks';
import { escapeMrkdwn, mrkdwnLink } from '../../src/render/mrkdwn';
import { renderText } from '../../src/render/text';
import { mrkdwnOf } from '../support/slack-text';

const quote =
  'A monitoring group said the strikes had killed 30 civilians, including six children and six women.';
const fig = (over: Partial<CasualtyFigure>): CasualtyFigure => ({
  countText: '30',
  min: 30,
  max: 30,
  qualifier: 'exact',
  kind: 'killed',
  who: 'civilians',
  attributedTo: 'the monitoring group',
  partOf: null,
  quote,
  ...over,
});

function base(over: Partial<Analysis> = {}): Analysis {
  return {
    url: 'https://news.example/story',
    finalUrl: 'https://news.example/story',
    title: 'Strikes hit city',
    site: 'Example News',
    byline: 'A. Reporter',
    published: '2015-10-01T14:30:00-04:00',
    summary: ['One.', 'Two.', 'Three.'],
    casualties: [
      fig({}),
      fig({ countText: 'six', min: 6, max: 6, who: 'children', partOf: 0 }),
      fig({ countText: 'six', min: 6, max: 6, who: 'women', partOf: 0 }),
    ],
    contested: [
      {
        claim: 'Strikes hit militants',
        claimant: 'Officials',
        disputedBy: 'Others',
        quotes: ['Officials said so.'],
      },
    ],
    sourcing: [
      { kind: 'anonymous_source', note: 'An unnamed official is quoted.', quote: 'An official said.' },
    ],
    analyzer: { kind: 'offline', fallbackReason: 'no OPENAI_API_KEY set' },
    ...over,
  };
}

const allText = (blocks: Block[]) => JSON.stringify(blocks);

describe('Block Kit rendering', () => {
  it('shows sub-figures under their total, never as separate totals', () => {
    const { blocks } = renderAnalysisMessage(base());
    const figures = blocks.find((b) => b.text?.text.startsWith('*Casualty figures*'))!.text!.text;
    expect(figures).toContain('• *30* civilians killed — per the monitoring group');
    expect(figures).toContain('◦ *six* children (part of the 30)');
    expect(figures).toContain('◦ *six* women (part of the 30)');
    expect(figures.match(/^• /gm)).toHaveLength(1);
    // the shared quote is shown once
    expect(figures.split('killed 30 civilians').length - 1).toBe(1);
  });

  it('says "stated by the article" when a figure has no source', () => {
    const { blocks } = renderAnalysisMessage(base({ casualties: [fig({ attributedTo: null })] }));
    expect(allText(blocks)).toContain('stated by the article');
  });

  it('puts the title in a plain_text header of at most 150 characters', () => {
    const { blocks } = renderAnalysisMessage(base({ title: 'x'.repeat(400) }));
    expect(blocks[0]!.type).toBe('header');
    expect(blocks[0]!.text!.type).toBe('plain_text');
    expect(Array.from(blocks[0]!.text!.text).length).toBeLessThanOrEqual(150);
  });

  it('defuses mentions and forged links coming from the article or the model', () => {
    const hostile = '<!channel> <!here> <@U999> <https://evil.example|Official statement> & more';
    const { blocks, text } = renderAnalysisMessage(
      base({
        title: hostile,
        site: hostile,
        summary: [hostile],
        contested: [
          { claim: hostile, claimant: '<!everyone>', disputedBy: '<!subteam^S1>', quotes: [hostile] },
        ],
        sourcing: [{ kind: 'other', note: hostile, quote: hostile }],
        casualties: [fig({ who: '<@U1>', attributedTo: '<!channel>', quote: hostile })],
      }),
    );
    expect(blocks[0]!.text!.type).toBe('plain_text');
    const json = mrkdwnOf({ text, blocks });
    expect(json).not.toMatch(/<!(channel|here|everyone|subteam)/);
    expect(json).not.toContain('<@U');
    expect(json).not.toContain('<https://evil.example');
    expect(json).toContain('&lt;!channel&gt;');
  });

  it('shows dates as an editor reads them: in the reader’s own time zone in Slack, as the site gave them in the terminal', () => {
    const a = base({ updated: '2015-10-01T16:54:00-04:00' });
    const context = JSON.stringify(renderAnalysisMessage(a).blocks[1]);
    // 14:30 at UTC-4 is 18:30 UTC
    expect(context).toContain(
      `Published <!date^${Date.UTC(2015, 9, 1, 18, 30) / 1000}^{date_short_pretty} {time}|1 Oct 2015, 14:30 UTC-04:00>`,
    );
    expect(context).toContain('Updated <!date^');
    const text = renderText(a);
    expect(text).toContain('Published 1 Oct 2015, 14:30 UTC-04:00 · Updated 1 Oct 2015, 16:54 UTC-04:00');
    // a date alone, or a time without a zone, is shown as written, never moved to another day or hour
    expect(renderText(base({ published: '2024-05-02' }))).toContain('Published 2 May 2024');
    expect(renderText(base({ published: '2024-05-02T09:15' }))).toContain('Published 2 May 2024, 09:15');
    expect(JSON.stringify(renderAnalysisMessage(base({ published: '2024-05-02' })).blocks[1])).not.toContain(
      '<!date',
    );
  });

  it('escapes a published date that is not a date', () => {
    const { blocks } = renderAnalysisMessage(base({ published: '<!channel> yesterday' }));
    const context = JSON.stringify(blocks[1]);
    expect(context).toContain('Published &lt;!channel&gt; yesterday');
    expect(context).not.toContain('<!date');
  });

  it('keeps bare @here, #channel names and URLs in article text from being turned live', () => {
    const { blocks } = renderAnalysisMessage(
      base({ summary: ['Officials told @here and @channel in #general to read https://evil.example now.'] }),
    );
    const textObjects = blocks.flatMap((b) => [b.text, ...((b.elements ?? []) as TextObject[])]);
    const mrkdwnObjects = textObjects.filter((t) => t?.type === 'mrkdwn');
    expect(mrkdwnObjects.length).toBeGreaterThan(2);
    for (const t of mrkdwnObjects) expect(t).toMatchObject({ verbatim: true });
  });

  it('only links to the source, with markup characters in its URL neutralised', () => {
    expect(mrkdwnLink('https://x.example/a|b<c>', 'Open')).toBe('<https://x.example/a%7Cb%3Cc%3E|Open>');
    expect(mrkdwnLink('javascript:alert(1)', 'Open')).toBe('Open');
    expect(mrkdwnLink('https://x.example/?a=1&lt=2', 'Open')).toBe('<https://x.example/?a=1&amp;lt=2|Open>');
  });

  it('strips invisible and bidi control characters before escaping', () => {
    expect(escapeMrkdwn('a\u202eb\u200bc<')).toBe('abc&lt;');
  });

  it('stays inside Slack limits however much the article holds', () => {
    const long = 'word '.repeat(1200);
    const huge = base({
      title: long,
      summary: Array.from({ length: 7 }, () => long),
      casualties: Array.from({ length: 120 }, (_, i) => fig({ countText: String(i + 1), quote: long })),
      contested: Array.from({ length: 40 }, () => ({
        claim: long,
        claimant: long,
        disputedBy: long,
        quotes: [long, long],
      })),
      sourcing: Array.from({ length: 40 }, () => ({ kind: 'other' as const, note: long, quote: long })),
    });
    const { blocks, text } = renderAnalysisMessage(huge);
    expect(blocks.length).toBeLessThanOrEqual(LIMITS.maxBlocks - LIMITS.reservedBlocks);
    for (const b of blocks) if (b.type === 'section') expect(b.text!.text.length).toBeLessThanOrEqual(3000);
    expect(blockTextLength(blocks)).toBeLessThanOrEqual(LIMITS.totalChars);
    expect(text.length).toBeLessThan(4000);
    expect(allText(blocks)).toMatch(/and \d+ more/);
  });

  it('names the analyzer in the footer and says quotes are verbatim', () => {
    const footer = (a: Analysis) => {
      const { blocks } = renderAnalysisMessage(a);
      return allText(blocks.slice(-1));
    };
    expect(footer(base())).toContain('Offline analyzer (no OPENAI_API_KEY set)');
    expect(footer(base())).toContain('every quote is verbatim from the article');
    expect(
      footer(
        base({ analyzer: { kind: 'offline', fallbackReason: 'model unavailable: rate limited (429)' } }),
      ),
    ).toContain('Model unavailable — offline analysis');
    expect(footer(base({ analyzer: { kind: 'llm', model: 'gpt-x', droppedUngrounded: 2 } }))).toContain(
      '2 items dropped: not supported by the article',
    );
  });

  it('warns when only part of the article could be read', () => {
    const { blocks } = renderAnalysisMessage(base({ partial: { wordsRead: 120, reason: 'paywall' } }));
    expect(allText(blocks)).toContain('I could only read the first 120 words (paywall?)');
    const long = renderAnalysisMessage(base({ partial: { wordsRead: 19987, reason: 'very long article' } }));
    expect(allText(long.blocks)).toContain('the first 19,987 words (very long article)');
  });

  it('gives a plain fallback text for notifications', () => {
    expect(renderAnalysisMessage(base()).text).toBe(
      'Strikes hit city — 3 casualty figures, 1 contested claim, 1 sourcing note',
    );
  });
});

describe('terminal rendering', () => {
  it('shows the same structure as Slack, without markup', () => {
    const out = renderText(base());
    expect(out).toContain('CASUALTY FIGURES');
    expect(out).toContain('• 30 civilians killed — per the monitoring group');
    expect(out).toContain('◦ six children (part of the 30)');
    expect(out).toContain('Officials vs. Others');
    expect(out).not.toContain('*');
  });
});
