import type { CasualtyFigure, Findings } from '../../src/analysis';
import { mergeCasualties, mergeFindings } from '../../src/analyze/merge';

const Q = 'The strikes had killed 30 civilians, including six children and six women.';
function fig(over: Partial<CasualtyFigure>): CasualtyFigure {
  return {
    countText: '30',
    min: 30,
    max: 30,
    qualifier: 'exact',
    kind: 'killed',
    who: 'civilians',
    attributedTo: null,
    partOf: null,
    quote: Q,
    ...over,
  };
}
const six = { countText: 'six', min: 6, max: 6 };

describe('mergeCasualties', () => {
  it('adds figures the offline analyzer found and the model missed, with subsets linked to their totals', () => {
    const model = [
      fig({ countText: '12', min: 12, max: 12, kind: 'injured', who: null, quote: '12 were hurt.' }),
    ];
    const offline = [fig({}), fig({ ...six, who: 'children', partOf: 0 })];
    const merged = mergeCasualties(model, offline);
    expect(merged.map((f) => [f.countText, f.kind, f.partOf])).toEqual([
      ['12', 'injured', null],
      ['30', 'killed', null],
      ['six', 'killed', 1],
    ]);
  });

  it('merges identical figures once, keeping the attribution either side has', () => {
    const model = [fig({ attributedTo: null })];
    const offline = [fig({ countText: '30 ', attributedTo: 'the Syrian Observatory for Human Rights' })];
    const merged = mergeCasualties(model, offline);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.attributedTo).toBe('the Syrian Observatory for Human Rights');
  });

  it('keeps "six children" and "six women" apart although count, kind and sentence agree', () => {
    const model = [fig({}), fig({ ...six, who: 'children', partOf: 0 })];
    const offline = [
      fig({}),
      fig({ ...six, who: 'children', partOf: 0 }),
      fig({ ...six, who: 'women', partOf: 0 }),
    ];
    const merged = mergeCasualties(model, offline);
    expect(merged.map((f) => [f.who, f.partOf])).toEqual([
      ['civilians', null],
      ['children', 0],
      ['women', 0],
    ]);
  });

  it('takes the offline subset link when the model left the subset unlinked', () => {
    const model = [fig({ ...six, who: 'children' }), fig({})];
    const offline = [fig({}), fig({ ...six, who: 'children', partOf: 0 })];
    const merged = mergeCasualties(model, offline);
    expect(merged.map((f) => [f.who, f.partOf])).toEqual([
      ['civilians', null],
      ['children', 0],
    ]);
  });
});

describe('mergeCasualties, one count at one place of one sentence', () => {
  const HAMAS = 'Hamas said 30 people were killed in the strike, a figure the Israeli military disputed.';

  it('is one figure whoever the two analyzers say the people were', () => {
    const merged = mergeCasualties(
      [fig({ who: 'people', quote: HAMAS, attributedTo: 'Hamas' })],
      [fig({ who: 'civilians', quote: HAMAS, attributedTo: 'Hamas' })],
    );
    expect(merged.map((f) => [f.countText, f.who])).toEqual([['30', 'people']]);
  });

  it('shows the source the offline analyzer ties to the count when the model names another in the sentence', () => {
    const merged = mergeCasualties(
      [fig({ quote: HAMAS, attributedTo: 'the Israeli military' })],
      [fig({ quote: HAMAS, attributedTo: 'Hamas' })],
    );
    expect(merged.map((f) => f.attributedTo)).toEqual(['Hamas']);
  });

  it('shows a source named in the figure’s own sentence over one carried from the sentence before', () => {
    const quote = 'Twelve people were injured, the hospital said.';
    const merged = mergeCasualties(
      [fig({ countText: 'Twelve', min: 12, max: 12, kind: 'injured', quote, attributedTo: 'police' })],
      [fig({ countText: 'Twelve', min: 12, max: 12, kind: 'injured', quote, attributedTo: 'the hospital' })],
    );
    expect(merged.map((f) => f.attributedTo)).toEqual(['the hospital']);
  });

  it('keeps the model’s wording when both name the same source', () => {
    const quote = 'Indonesian authorities on Tuesday revised the death toll down to 11.';
    const merged = mergeCasualties(
      [fig({ countText: '11', min: 11, max: 11, quote, attributedTo: 'Indonesian authorities' })],
      [fig({ countText: '11', min: 11, max: 11, quote, attributedTo: 'Indonesian authorities on Tuesday' })],
    );
    expect(merged.map((f) => f.attributedTo)).toEqual(['Indonesian authorities']);
  });
});

describe('mergeFindings', () => {
  const base: Findings = { summary: [], casualties: [], contested: [], sourcing: [] };
  it('keeps the model summary, falls back to the offline one, and adds notes and claims the model missed', () => {
    const note = {
      kind: 'anonymous_source' as const,
      note: 'Unnamed official.',
      quote: 'An official said so.',
    };
    const other = { kind: 'update' as const, note: 'Updated.', quote: 'Updated at 4:54 p.m. ET' };
    const claim = { claim: 'c', claimant: 'Moscow', disputedBy: 'Washington', quotes: ['Moscow says A.'] };
    const merged = mergeFindings(
      { ...base, summary: ['Model bullet.'], sourcing: [note], contested: [claim] },
      {
        ...base,
        summary: ['Offline bullet.'],
        sourcing: [note, other],
        contested: [{ ...claim, claim: 'same' }],
      },
    );
    expect(merged.summary).toEqual(['Model bullet.']);
    expect(merged.sourcing).toEqual([note, other]);
    expect(merged.contested).toEqual([claim]);
    expect(mergeFindings(base, { ...base, summary: ['Offline bullet.'] }).summary).toEqual([
      'Offline bullet.',
    ]);
  });
});
