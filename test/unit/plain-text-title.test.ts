import { articleFromPlainText } from '../../src/article/extract';

const body =
  'MANILA (AP) - Typhoon Kai killed 20 to 30 people, the disaster agency said, revising down its earlier ' +
  'estimate of 45. It said 6 others were missing and hundreds of thousands had been evacuated.';

describe('the title of a plain-text article', () => {
  it.each(['Storm', 'Mine collapse', 'Strike on market', 'Ghana mine collapse kills nine'])(
    'takes a short first line such as %j as the headline and keeps it out of the body',
    (headline) => {
      const article = articleFromPlainText(`${headline}\n\n${body}`, 'a.txt');
      expect(article.title).toBe(headline);
      expect(article.paragraphs).toEqual([body]);
    },
  );

  it('skips blank lines before the headline', () => {
    expect(articleFromPlainText(`\n\n  \nStorm\n\n${body}`, 'a.txt').title).toBe('Storm');
  });

  it('reads a one-word section label above a longer headline as a label', () => {
    const article = articleFromPlainText(
      `Defense\n\nUS officials: Russia is not striking ISIS targets in Syria\n\n${body}`,
      'a.txt',
    );
    expect(article.title).toBe('US officials: Russia is not striking ISIS targets in Syria');
    expect(article.paragraphs).toEqual([body]);
  });

  it('gives no title, and keeps every paragraph, when the text starts straight with the story', () => {
    const article = articleFromPlainText(`${body}\n\n${body}`, 'a.txt');
    expect(article.title).toBe('');
    expect(article.paragraphs).toEqual([body, body]);
  });
});
