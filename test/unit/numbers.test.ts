import {
  findCounts,
  measuredAfter,
  numberValue,
  parseCount,
  statedNumbers,
  vagueCeiling,
} from '../../src/analyze/numbers';

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
    // A negated comparison is a ceiling: "No more than 12" must never read as more than 12.
    ['No more than 12', null, 12, 'up_to'],
    ['Not more than 15', null, 15, 'up_to'],
    ['at most 12', null, 12, 'up_to'],
    ['no fewer than 30', 30, null, 'at_least'],
    ['not less than 40', 40, null, 'at_least'],
    ['as few as 12', 12, null, 'at_least'],
    ['in excess of 100', 101, null, 'more_than'],
    ['upwards of 100', 101, null, 'more_than'],
    ['upward of 100', 101, null, 'more_than'],
    ['well over 100', 101, null, 'more_than'],
    ['under 20', null, 19, 'fewer_than'],
    ['just under 50', null, 49, 'fewer_than'],
    ['close to 40', null, 40, 'about'],
    ['12 or more', 12, null, 'at_least'],
    ['1,000-plus', 1000, null, 'at_least'],
    ['1,000+', 1000, null, 'at_least'],
    ['30-odd', 30, null, 'at_least'],
    ['20 or so', 20, 20, 'about'],
    ['ten or fewer', null, 10, 'up_to'],
    ['20 or 30', 20, 30, 'range'],
    ['two or three', 2, 3, 'range'],
    ['dozens to hundreds', 24, 999, 'range'],
    ['Two hundred and fifty', 250, 250, 'exact'],
    ['One hundred and twelve', 112, 112, 'exact'],
    ['Thirty one', 31, 31, 'exact'],
    ['two hundred fifty', 250, 250, 'exact'],
    ['a hundred', 100, 100, 'exact'],
    ['a thousand', 1000, 1000, 'exact'],
    ['a million', 1_000_000, 1_000_000, 'exact'],
    ['twelve hundred', 1200, 1200, 'exact'],
    ['two thousand five hundred', 2500, 2500, 'exact'],
    ['one million two hundred thousand', 1_200_000, 1_200_000, 'exact'],
    ['half a dozen', 6, 6, 'exact'],
    ['3 million', 3_000_000, 3_000_000, 'exact'],
    ['11 000', 11_000, 11_000, 'exact'],
    ['11\u00a0000', 11_000, 11_000, 'exact'],
    ['11\u202f000', 11_000, 11_000, 'exact'],
    ['1\u2009234\u2009567', 1_234_567, 1_234_567, 'exact'],
    ['a handful', 2, null, 'vague'],
    ['a few hundred', 200, null, 'vague'],
    ['several thousand', 3000, null, 'vague'],
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

  it('keeps every qualifier word in the phrase, so countText says what the article says', () => {
    const s =
      'No more than 12 people had been arrested, though well over 100 were held, in excess of 50 hurt, ' +
      'as few as 12 freed and upward of 100 missing.';
    expect(findCounts(s).map((c) => c.text)).toEqual([
      'No more than 12',
      'well over 100',
      'in excess of 50',
      'as few as 12',
      'upward of 100',
    ]);
  });

  it('reads a number written in words as one number, never its last word', () => {
    const texts = (s: string): string[] => findCounts(s).map((c) => c.text);
    expect(texts('Two hundred and fifty people were injured.')).toEqual(['Two hundred and fifty']);
    expect(texts('One hundred and twelve people died.')).toEqual(['One hundred and twelve']);
    expect(texts('Thirty one people were killed.')).toEqual(['Thirty one']);
    expect(texts('A hundred people fled.')).toEqual(['A hundred']);
  });

  it('keeps "twenty one-year-olds" as twenty, and two separate figures as two', () => {
    expect(findCounts('twenty one-year-olds').map((c) => c.value)).toEqual([20]);
    expect(findCounts('In 2023 100 people died.').map((c) => c.value)).toEqual([2023, 100]);
    expect(findCounts('killed two hundred and wounded three').map((c) => c.text)).toEqual([
      'two hundred',
      'three',
    ]);
  });

  it('reads thousands grouped with spaces, no-break spaces or thin spaces as one number', () => {
    const s = 'The floods displaced 11\u202f000 people and killed 1\u00a0200, and 2 500 are missing.';
    const counts = findCounts(s);
    expect(counts.map((c) => [c.text, c.min])).toEqual([
      ['11\u202f000', 11_000],
      ['1\u00a0200', 1200],
      ['2 500', 2500],
    ]);
    for (const c of counts) expect(s.slice(c.start, c.end)).toBe(c.text);
  });

  it('reads "20 or 30" as a range, and "30 or 20" as the two numbers it is', () => {
    expect(findCounts('20 or 30 people').map((c) => [c.text, c.min, c.max, c.qualifier])).toEqual([
      ['20 or 30', 20, 30, 'range'],
    ]);
    expect(findCounts('at least 30 or 20 people').map((c) => [c.text, c.min, c.max])).toEqual([
      ['at least 30', 30, null],
      ['20', 20, 20],
    ]);
  });

  it('reads an abbreviated million only where no measurement or money can be meant', () => {
    expect(findCounts('The floods displaced 3m people.').map((c) => [c.text, c.min])).toEqual([
      ['3m', 3_000_000],
    ]);
    expect(findCounts('A 3m wall fell; water rose 3m high; it cost £3m and $1.2bn; a 3m-high wave.')).toEqual(
      [],
    );
  });

  it('does not match number words inside other words', () => {
    expect(findCounts('Someone often went to the seventh floor.')).toEqual([]);
  });
});

describe('numberValue', () => {
  it('rejects malformed compounds rather than guessing', () => {
    expect(numberValue('six-twenty')).toBeNull();
    expect(numberValue('seventy-three')).toBe(73);
    expect(numberValue('two thousand three thousand')).toBeNull();
    expect(numberValue('twenty thirty')).toBeNull();
    expect(numberValue('one hundred and')).toBeNull();
    expect(numberValue('hundred')).toBeNull();
  });
});

describe('vagueCeiling: the most a vague amount can mean', () => {
  it.each([
    ['dozens', 99],
    ['Hundreds', 999],
    ['scores', 199],
    ['a handful', 9],
    ['at least a few hundred', 999],
    ['several thousand', 9_999],
    ['tens of thousands', 99_999],
  ])('%s → %p', (text, ceiling) => {
    expect(vagueCeiling(text)).toBe(ceiling);
  });

  it('is null for a number that is not vague', () => {
    expect(vagueCeiling('two hundred')).toBeNull();
    expect(vagueCeiling('a dozen')).toBeNull();
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

  it('reads every way of writing a number whole', () => {
    expect(statedNumbers('Two hundred and fifty people')).toEqual(['250']);
    expect(statedNumbers('Thirty one people')).toEqual(['31']);
    expect(statedNumbers('11 000 displaced')).toEqual(['11000']);
    expect(statedNumbers('3m people fled')).toEqual(['3000000']);
    expect(statedNumbers('a hundred and twelve')).toEqual(['112']);
    expect(statedNumbers('tens of thousands fled; a few hundred stayed')).toEqual([
      'tens of thousands',
      'a few hundred',
    ]);
  });
});

describe('measuredAfter: a number that measures rather than counts', () => {
  it.each([
    ' metres.',
    ' m high',
    ' m,',
    ' feet into a ravine',
    ' km/h',
    ' km (600 miles)',
    ' degrees',
    '°C',
    ' per cent of the vote',
    ' hours of rain',
    ' minutes after the call',
    ' years of policing',
    ' rupees each',
    ' tonnes of grain',
    ' hectares of rice',
  ])('reads "N%s" as a measure', (after) => {
    expect(measuredAfter(after)).toBe(true);
  });

  it.each([' people', ' m people', ' were killed', ', police said', ' more', ' minors', ' men', ' guests'])(
    'reads "N%s" as a count',
    (after) => {
      expect(measuredAfter(after)).toBe(false);
    },
  );
});
