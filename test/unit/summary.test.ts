import { findCasualties } from '../../src/analyze/casualties';
import { splitSentences } from '../../src/analyze/sentences';
import { summarize } from '../../src/analyze/summary';

function summary(text: string) {
  const sentences = splitSentences(text);
  return summarize(sentences, findCasualties(sentences));
}

const lede =
  'A missile strike on a crowded market in the east of the country wrecked dozens of stalls on Saturday morning.';
const attributed =
  'The regional governor said the strike killed at least 17 people and wounded many others at the market.';
const bare = 'The strike killed 17 people and flattened the old market hall next to the station.';

describe('extractive summary', () => {
  it('returns 3 to 5 verbatim sentences in article order, favouring the lead', () => {
    const paras = [
      lede,
      attributed,
      'Emergency crews worked through the night to clear rubble from the building next to it.',
      'The city lies some distance from the front line and has been hit repeatedly since the war began.',
      'Officials have asked allies for more air-defence systems and renewed that appeal on Saturday evening.',
      'Local residents said the market had been busy with weekend shoppers buying food for the holidays.',
    ];
    const text = paras.join('\n\n');
    const out = summary(text);
    expect(out.length).toBeGreaterThanOrEqual(3);
    expect(out.length).toBeLessThanOrEqual(5);
    for (const s of out) expect(text).toContain(s);
    expect(out[0]).toBe(lede);
    const order = out.map((s) => text.indexOf(s));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('never states a number as fact when the article gives the sourced version', () => {
    const text = [
      lede,
      bare,
      attributed,
      'Crews searched the rubble through the night for anyone still trapped inside.',
    ].join('\n\n');
    const out = summary(text);
    expect(out).toContain(attributed);
    expect(out).not.toContain(bare);
  });

  it('skips extraction artefacts, bare quotations and update stamps', () => {
    const text = [
      '{mosads}Moscow began airstrikes in Syria on Wednesday after building up military equipment there.',
      '“Those aren’t precision weapons, those are dumb guided bombs,” he said to the assembled reporters.',
      lede,
      'Officials have asked allies for more air-defence systems and renewed that appeal on Saturday evening.',
      '— Updated at 4:54 p.m. ET',
    ].join('\n\n');
    const out = summary(text);
    expect(out.some((s) => s.includes('{'))).toBe(false);
    expect(out.some((s) => s.startsWith('“'))).toBe(false);
    expect(out.some((s) => s.includes('Updated'))).toBe(false);
    expect(out).toContain(lede);
  });
});
