import { findSources } from '../../src/analyze/attribution';
import { findContested } from '../../src/analyze/contested';
import { splitSentences } from '../../src/analyze/sentences';
import { finishes } from './finishes';

describe('findSources', () => {
  it('still reads plain, inverted and appositive attributions', () => {
    const sources = (s: string) => findSources(s).map((x) => x.text);
    expect(sources('At least 30 died, according to the Syrian Observatory for Human Rights.')).toEqual([
      'the Syrian Observatory for Human Rights',
    ]);
    expect(sources('"We are leaving," said Ivan Petrov, who runs the port.')).toEqual(['Ivan Petrov']);
    expect(sources('Ten died, according to the relief commissioner, Naveen Doda.')).toEqual(['Naveen Doda']);
  });

  // Hostile or garbled copy (a run of capitals or dots after a cue) must not stall the analyzer.
  const hostile = {
    'inverted said': `"No," said ${'A'.repeat(60)}!`,
    'titled said': `"No," said the ${'A'.repeat(60)}!`,
    'appositive name': `Ten died, according to the spokesman, ${'A'.repeat(60)}!`,
    'according to': `Ten died, according to ${'.'.repeat(60)}"x`,
  };
  it.each(Object.entries(hostile))('returns promptly on a hostile %s', (_label, sentence) => {
    expect(finishes(() => findSources(sentence))).toBe(true);
  });
});

describe('findContested on hostile text', () => {
  it('returns promptly on "as X claims" followed by a run of capitals', () => {
    const sentences = splitSentences(`Officials denied the report, as ${'A'.repeat(60)} x`);
    expect(finishes(() => findContested(sentences, []))).toBe(true);
  });
});
