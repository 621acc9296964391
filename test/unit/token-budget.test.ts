import { countTokens } from 'gpt-tokenizer';
import { fitToBudget, isKeyParagraph } from '../../src/analyze/token-budget';
import { finishes } from './finishes';

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

  it('keeps the beginning of an oversized lead even when later paragraphs would fit', () => {
    const lead = filler(1);
    const fitted = fitToBudget(
      [lead, 'Officials said 12 people were killed.', 'Police said two were held.'],
      40,
    );
    expect(fitted.tokens).toBeLessThanOrEqual(40);
    expect(fitted.text.length).toBeGreaterThan(0);
    expect(lead.startsWith(fitted.text)).toBe(true);
    expect(fitted.droppedParagraphs).toBe(2);
    expect(fitted.truncated).toBe(true);
  });

  it('does not take "one" as a number that makes a paragraph key', () => {
    expect(isKeyParagraph('The square is one of the oldest in the city and hosts a weekly market.')).toBe(
      false,
    );
    expect(isKeyParagraph('Two protesters were detained.')).toBe(true);
    expect(isKeyParagraph('The bridge opened in 1932.')).toBe(true);
    expect(isKeyParagraph('Officials said the bridge would reopen.')).toBe(true);
  });

  it('leaves out a paragraph whose only "number" is the pronoun "one" when the budget is tight', () => {
    // Room for the lead and one more paragraph of this size: the figure must win it.
    const lead = 'Floods swept through the valley overnight.';
    const pronoun = 'It was one of the worst floods.';
    const figures = 'The floods killed 30 people.';
    const budget = countTokens(lead) + countTokens(pronoun) + 2;
    const fitted = fitToBudget([lead, pronoun, figures], budget);
    expect(countTokens([lead, pronoun, figures].join('\n\n'))).toBeGreaterThan(budget);
    expect(fitted.text).toBe(`${lead}\n\n${figures}`);
  });
});

describe('fitToBudget on text with long unbroken runs', () => {
  // The tokenizer's merge step is quadratic in one unbroken run: 40,000 characters of Chinese took 11 s.
  const runs = {
    'Chinese, written without spaces': '日本語のニュース記事'.repeat(20_000),
    'one 200,000-character word': 'x'.repeat(200_000),
    'a run of no-break spaces inside a paragraph': `Officials said${'\u00a0'.repeat(100_000)}12 people died.`,
  };
  it.each(Object.entries(runs))('fits %s to the budget promptly', (_label, paragraph) => {
    let fitted: ReturnType<typeof fitToBudget> | undefined;
    expect(finishes(() => (fitted = fitToBudget([paragraph, 'Officials said 12 people died.'], 6_000)))).toBe(
      true,
    );
    expect(fitted!.tokens).toBeLessThanOrEqual(6_000);
    expect(paragraph.startsWith(fitted!.text)).toBe(true);
  });

  it('counts ordinary prose exactly as the tokenizer does', () => {
    const prose = 'Russian airstrikes hit Syria for a second day on Thursday, officials said. '.repeat(200);
    expect(fitToBudget([prose], 100_000).tokens).toBe(countTokens(prose));
  });
});
