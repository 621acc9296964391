import { countTokens } from 'gpt-tokenizer';
import { fitToBudget } from '../../src/analyze/token-budget';

const filler = (n: number): string =>
  `Background paragraph ${'lorem ipsum dolor sit amet '.repeat(40)}end ${'x'.repeat(n)}.`.replace(/\d/g, '');

describe('fitToBudget', () => {
  it('leaves an article within budget untouched', () => {
    const paragraphs = ['Lead.', 'Second paragraph.'];
    expect(fitToBudget(paragraphs, 1000)).toMatchObject({
      text: 'Lead.\n\nSecond paragraph.',
      truncated: false,
    });
  });

  it('keeps the lead and every paragraph with numbers or attribution, in order, within budget', () => {
    const lead = 'Russian airstrikes hit Syria for a second day on Thursday.';
    const figures = 'The strikes killed 30 civilians.';
    const quote = 'Col. Steve Warren said the targets were not ISIL.';
    const paragraphs = [lead, filler(1), figures, filler(2), filler(3), quote, filler(4)];
    const budget = 80;
    const fitted = fitToBudget(paragraphs, budget);

    expect(countTokens(paragraphs.join('\n\n'))).toBeGreaterThan(budget);
    expect(fitted.truncated).toBe(true);
    expect(fitted.tokens).toBeLessThanOrEqual(budget);
    expect(fitted.text).toBe([lead, figures, quote].join('\n\n'));
    expect(fitted.droppedParagraphs).toBe(4);
  });

  it('fills leftover budget with other paragraphs, still in article order', () => {
    const paragraphs = ['Lead paragraph.', 'Short background.', filler(1), 'Officials said 12 were hurt.'];
    const fitted = fitToBudget(paragraphs, 30);
    expect(fitted.text).toBe('Lead paragraph.\n\nShort background.\n\nOfficials said 12 were hurt.');
  });

  it('cuts an oversized lead to the budget rather than sending nothing', () => {
    const fitted = fitToBudget([filler(1)], 20);
    expect(fitted.tokens).toBeLessThanOrEqual(20);
    expect(fitted.text.length).toBeGreaterThan(0);
    expect(filler(1).startsWith(fitted.text)).toBe(true);
  });
});
