import { findCounts, numberValue, parseCount, statedNumbers } from '../../src/analyze/numbers';

describe('parseCount: the bounds a count phrase states', () => {
  it.each([
    ['30', 30, 30, 'exact'],
    ['1,200', 1200, 1200, 'exact'],
    ['six', 6, 6, 'exact'],
    ['thirty-nine', 39, 39, 'exact'],
    ['a dozen', 12, 12, 'exact'],
    ['two dozen', 24, 24, 'exact'],
    ['1.7 million', 1_700_000, 1_700_000, 'exact'],
    ['at least 12', 12, null, 'at_least'],
    ['more than 1,000', 1001, null, 'more_than'],
    ['over 300', 301, null, 'more_than'],
    ['about 50', 50, 50, 'about'],
    ['nearly 2 million', null, 2_000_000, 'about'],
    ['almost 40', null, 40, 'about'],
    ['Nearly 100', null, 100, 'about'],
    ['closer to 200', 200, 200, 'about'],
    ['around 15', 15, 15, 'about'],
    ['roughly 17,500', 17_500, 17_500, 'about'],
    ['some 150,000', 150_000, 150_000, 'about'],
    ['up to 60', null, 60, 'up_to'],
    ['fewer than 10', null, 9, 'fewer_than'],
    ['dozens', 24, null, 'vague'],
    ['hundreds', 200, null, 'vague'],
    ['scores', 40, null, 'vague'],
    ['tens of thousands', 20_000, null, 'vague'],
    ['between 20 and 30', 20, 30, 'range'],
    ['Between 50 and 100', 50, 100, 'range'],
    ['20 to 30', 20, 30, 'range'],
  ])('%s → %p..%p %s', (text, min, max, qualifier) => {
    expect(parseCount(text)).toEqual({ min, max, qualifier });
  });

  it('returns null when the phrase holds no count', () => {
    expect(parseCount('civilians')).toBeNull();
    expect(parseCount('')).toBeNull();
    expect(parseCount('no deaths were reported')).toBeNull();
  });

  it('reads a count inside a longer phrase, as the grounding step passes it', () => {
    expect(parseCount('at least 46 people')).toEqual({ min: 46, max: null, qualifier: 'at_least' });
  });
});

describe('findCounts: count phrases with their exact spans', () => {
  it('gives spans that slice back to the phrase as written', () => {
    const s = 'The strike killed at least 17 people and wounded 32 others, including six children.';
    const counts = findCounts(s);
    expect(counts.map((c) => c.text)).toEqual(['at least 17', '32', 'six']);
    for (const c of counts) expect(s.slice(c.start, c.end)).toBe(c.text);
  });

  it('does not read ages, times, money, percentages, scores or ordinals as counts', () => {
    const s =
      'A 34-year-old man, at 6:30 p.m., paid $4.5 billion, 5% more, in a 3-1 win, the 199th time, in a six-storey block.';
    expect(findCounts(s)).toEqual([]);
  });

  it('reads "from 72 to 129" as two figures, not a range', () => {
    const counts = findCounts('The toll rose from 72 to 129 on Sunday.');
    expect(counts.map((c) => [c.text, c.qualifier])).toEqual([
      ['72', 'exact'],
      ['129', 'exact'],
    ]);
  });

  it('does not match number words inside other words', () => {
    expect(findCounts('Someone often went to the seventh floor.')).toEqual([]);
  });
});

describe('numberValue', () => {
  it('rejects malformed compounds rather than guessing', () => {
    expect(numberValue('six-twenty')).toBeNull();
    expect(numberValue('seventy-three')).toBe(73);
  });
});

describe('statedNumbers: the numbers a paraphrase may use', () => {
  it('reads a compound number as one value, never as its parts', () => {
    expect(statedNumbers('thirty-nine people')).toEqual(['39']);
    expect(statedNumbers('1.7 million displaced')).toEqual(['1700000']);
    expect(statedNumbers('two dozen wounded')).toEqual(['24']);
    expect(statedNumbers('twenty-one of them')).toEqual(['21']);
  });

  it('keeps digits, number words, times and vague plurals comparable', () => {
    expect(statedNumbers('1,200 or thirty, at 4:54, dozens; a six-storey 9-year-old')).toEqual([
      '1200',
      '30',
      '4:54',
      'dozens',
      '6',
      '9',
    ]);
    expect(statedNumbers('one of the officials said so often')).toEqual([]);
    expect(statedNumbers('seventeen and a million')).toEqual(['17', '1000000']);
  });
});
