// Pages built to hurt the extractor, within the fetcher's 5 MB. test/unit/extract-hostile.test.ts asserts what
// a reader is told about each; `npm run bench:extraction` prints how long each takes. Several are small: cost
// grows with nesting, not bytes (390 nested divs around 4,000 `<p>x</p>` is 37 KB, and took 11 s).

/** What the reader gets: the story (not flagged as cut), the story flagged as cut, or a refusal by code. */
export type HostileOutcome = 'article' | 'cut' | 'no_article';

export interface HostilePage {
  name: string;
  html: string;
  /** Any of these is right. */
  outcomes: HostileOutcome[];
  /** Whether an article, when there is one, must hold the story that follows the hostile part. */
  keepsStory?: boolean;
}

export const HOSTILE_PARAGRAPH =
  '<p>Officials said the strikes hit several towns overnight, according to local reports and witnesses.</p>';
const STORY = HOSTILE_PARAGRAPH.repeat(5);
const page = (body: string): string => `<html><head><title>t</title></head><body>${body}</body></html>`;
const nested = (open: string, close: string, depth: number, inner: string): string =>
  open.repeat(depth) + inner + close.repeat(depth);
const icon = '<symbol id="i" viewBox="0 0 24 24"><path d="M0 0h24v24H0z"/><path d="M1 1h2"/></symbol>';
// Pages that are nothing but junk: a reader is told there is no article, or gets the junk flagged as cut.
const JUNK: HostileOutcome[] = ['cut', 'no_article'];

export function hostilePages(): HostilePage[] {
  return [
    {
      name: '4 MB single-line HTML',
      html: page(`<article>${HOSTILE_PARAGRAPH.repeat(38_000)}</article>`),
      outcomes: ['cut'],
    },
    {
      name: '100,000 nested divs',
      html: page(nested('<div>', '</div>', 100_000, STORY)),
      outcomes: ['article'],
      keepsStory: true,
    },
    {
      name: '100,000 nested custom tags',
      html: page(`${'<x-a>'.repeat(100_000)}${STORY}`),
      outcomes: ['article'],
      keepsStory: true,
    },
    {
      name: '50,000 one-word <p>',
      html: page(`<article>${'<p>word</p>'.repeat(50_000)}</article>`),
      outcomes: JUNK,
    },
    {
      name: '50,000 <p> before the story',
      html: page(`${'<p>word</p>'.repeat(50_000)}<article>${STORY}</article>`),
      outcomes: JUNK,
    },
    {
      name: '4 MB in one text block',
      html: page(`<article>${STORY}<div>${'word '.repeat(800_000)}</div></article>`),
      outcomes: ['cut'],
    },
    {
      name: '1 MB in 200 nested boxes',
      html: page(nested('<div class="share">', '</div>', 200, HOSTILE_PARAGRAPH.repeat(10_000))),
      outcomes: ['cut'],
    },
    { name: '5 MB of links', html: page('<a href="/x">x</a> '.repeat(260_000)), outcomes: ['no_article'] },
    {
      name: '390 divs around 4,000 <p>x</p>',
      html: page(nested('<div>', '</div>', 390, '<p>x</p>'.repeat(4_000)) + STORY),
      outcomes: JUNK,
    },
    {
      name: '390 divs around 4,000 spans',
      html: page(nested('<div>', '</div>', 390, '<span>x</span>'.repeat(4_000)) + STORY),
      outcomes: [...JUNK, 'article'],
    },
    {
      name: '10 divs around 40,000 spans',
      html: page(nested('<div>', '</div>', 10, '<span>x</span>'.repeat(40_000)) + STORY),
      outcomes: JUNK,
    },
    {
      name: '10 divs around 40,000 <p>x</p>',
      html: page(nested('<div>', '</div>', 10, '<p>x</p>'.repeat(40_000)) + STORY),
      outcomes: JUNK,
    },
    {
      name: '100 divs around x<br> lines',
      html: page(nested('<div>', '</div>', 100, 'x<br>'.repeat(100_000)) + STORY),
      outcomes: JUNK,
    },
    {
      name: '150 nested tables',
      html: page(nested('<table><tr><td>', '</td></tr></table>', 150, '<p>x</p>'.repeat(2_000)) + STORY),
      outcomes: JUNK,
    },
    {
      name: '100 nested lists',
      html: page(nested('<ul><li>', '</li></ul>', 100, '<li>x</li>'.repeat(20_000)) + STORY),
      outcomes: JUNK,
    },
    {
      name: '200 paragraphs in bold',
      html: page('<p><b>'.repeat(200) + '<p>x</p>'.repeat(20_000) + STORY),
      outcomes: JUNK,
    },
    {
      name: 'text split by 100,000 comments',
      html: page(nested('<div>', '</div>', 100, 'x<!---->'.repeat(100_000)) + STORY),
      outcomes: JUNK,
    },
    {
      name: 'sprite of 2,100 icons first',
      html: page(`<svg style="display:none">${icon.repeat(2_100)}</svg><article>${STORY}</article>`),
      outcomes: ['article'],
      keepsStory: true,
    },
    {
      name: 'sprite of 50,000 icons first',
      html: page(`<svg style="display:none">${icon.repeat(50_000)}</svg><article>${STORY}</article>`),
      outcomes: ['article'],
      keepsStory: true,
    },
    {
      name: '20,000 elements in templates',
      html: page(
        `${`<template>${'<div><b>t</b></div>'.repeat(1_000)}</template>`.repeat(10)}${`<noscript>${'<p>n</p>'.repeat(1_000)}</noscript>`.repeat(10)}<article>${STORY}</article>`,
      ),
      outcomes: ['article'],
      keepsStory: true,
    },
    {
      name: 'malformed tags',
      html: `<div><p>Open <b>bold <i>it</div></p></span>${STORY}<table><td>x</tr>>>`,
      outcomes: ['article'],
      keepsStory: true,
    },
    {
      name: 'NUL bytes',
      html: page(`\u0000${HOSTILE_PARAGRAPH.replace(/ /g, ' \u0000').repeat(5)}`),
      outcomes: ['article'],
    },
    {
      name: '1 MB binary junk',
      html: Buffer.from(Array.from({ length: 1_000_000 }, (_, i) => (i * 7919) % 256)).toString('latin1'),
      outcomes: ['no_article'],
    },
  ];
}
