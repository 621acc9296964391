import { findSources } from '../../src/analyze/attribution';
import { findCasualties } from '../../src/analyze/casualties';
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

const sources = (s: string) => findSources(s).map((x) => x.text);
/** Each figure of a short text as "count — source" (null: shown as stated by the article). */
const attributed = (text: string) =>
  findCasualties(splitSentences(text)).map((f) => [f.countText, f.attributedTo]);

describe('sources the audit found missed', () => {
  it('reads "According to …" and "Per …" at the start of a sentence', () => {
    expect(attributed('According to police, 12 people were killed in the attack.')).toEqual([
      ['12', 'police'],
    ]);
    expect(attributed('Per the health ministry, 40 people were wounded.')).toEqual([
      ['40', 'the health ministry'],
    ]);
    expect(sources('Per a medical official at the hospital, nine were in critical condition.')).toEqual([
      'a medical official at the hospital',
    ]);
    // "per cent" and "per day" name no source.
    expect(sources('Turnout rose 40 per cent, and prices rose per day of the strike.')).toEqual([]);
  });

  it.each([
    ['Fourteen people were killed, Governor Oleh Syniehubov wrote on Telegram.', 'Governor Oleh Syniehubov'],
    [
      'Governor Oleh Syniehubov wrote on Telegram that 14 people had been killed.',
      'Governor Oleh Syniehubov',
    ],
    ['The health ministry posted on Facebook that 14 people had died.', 'The health ministry'],
    ['Figures from the health ministry showed 14 people had died.', 'Figures from the health ministry'],
    ['Data compiled by the U.N. shows that 14 civilians were killed.', 'Data compiled by the U.N.'],
    ['State media quoted the governor as saying 14 people had died.', 'the governor'],
    ['Fourteen people were killed, the mayor noted.', 'the mayor'],
    ['The army put the death toll at 14.', 'The army'],
    ['Rescuers counted 14 bodies in the rubble.', 'Rescuers'],
  ])('reads the source of %j', (sentence, source) => {
    expect(attributed(sentence).map(([, by]) => by)).toEqual([source]);
  });

  it.each([
    'the coast guard',
    'the navy',
    'the air force',
    'the fire brigade',
    'paramedics',
    'firefighters',
    'emergency responders',
    'the sheriff',
    'rescue teams',
    'aid groups',
    'the airport',
    'the state broadcaster',
    'civil defence',
  ])('reads %j as a source without a capital letter', (source) => {
    expect(attributed(`Nine people were killed, ${source} said.`)).toEqual([['Nine', source]]);
    expect(sources(`Nine people were killed, said ${source}.`)).toEqual([source]);
  });

  it('does not read things, places or the harmed as sources', () => {
    expect(sources('Some of those reported dead were found alive.')).toEqual([]);
    expect(sources('The country has recorded 15,200 deaths since March.')).toEqual([]);
    expect(sources('The fire put 14 people in hospital.')).toEqual([]);
    expect(sources('Those who survived said 20 people drowned.')).toEqual([]);
    expect(sources('Forty people were killed and many others said they had lost relatives.')).toEqual([]);
    expect(
      attributed(
        'Peru recorded 3,138 road deaths in 2023, according to the National Road Safety Observatory.',
      ).map(([, by]) => by),
    ).toEqual(['the National Road Safety Observatory']);
    expect(
      attributed('Uttar Pradesh alone reported 54 deaths, a state health official told Reuters.'),
    ).toEqual([['54', 'a state health official']]);
  });

  it('keeps the time out of the source and the full stop of a final abbreviation in it', () => {
    expect(sources('Indonesian authorities on Tuesday revised the death toll down to 11.')).toEqual([
      'Indonesian authorities',
    ]);
    expect(sources('Police late Wednesday said 10 people were arrested.')).toEqual(['Police']);
    const sentence = 'More than 20,000 people have been killed, according to the U.N.';
    const [source] = findSources(sentence);
    expect(source!.text).toBe('the U.N.');
    expect(sentence.slice(source!.start, source!.start + source!.text.length)).toBe('the U.N.');
  });

  it('names the person, not the job, in "Jajarkot\'s chief district officer, Suresh Sunar, said"', () => {
    expect(
      sources("Jajarkot's chief district officer, Suresh Sunar, said rescuers were searching for 15 people."),
    ).toEqual(['Suresh Sunar']);
  });

  it('reads "several" after a party as some of that party', () => {
    expect(
      sources('Relatives of inmates gathered outside, and several told reporters that the toll was higher.'),
    ).toEqual(['Relatives of inmates']);
  });
});

describe('clauses that carry their own source', () => {
  it.each(['though', 'although', 'while', 'whereas'])('breaks at ", %s"', (word) => {
    expect(
      attributed(
        `No more than 12 people had been arrested, Onyango said, ${word} rights groups said more than 100 had been detained.`,
      ).map(([, by]) => by),
    ).toEqual(['Onyango', 'rights groups']);
  });

  it('reads ", saying" as the same party speaking, for what follows it only', () => {
    const figures = attributed(
      'Kenyan police on Wednesday denied that 20 people were killed, saying only two protesters had died.',
    );
    expect(figures).toContainEqual(['two', 'Kenyan police']);
    // The denied toll is never shown as the police's own figure.
    expect(figures.filter(([count]) => count === '20').map(([, by]) => by)).not.toContain('Kenyan police');
  });

  it('reads "X said it had recorded 13 deaths" as X, not as a pronoun for someone earlier', () => {
    expect(
      attributed(
        'Police said two people died. The commission said it had recorded 13 deaths and 56 injuries.',
      ).map(([, by]) => by),
    ).toEqual(['Police', 'The commission', 'The commission']);
  });
});

describe('findContested on hostile text', () => {
  it('returns promptly on "as X claims" followed by a run of capitals', () => {
    const sentences = splitSentences(`Officials denied the report, as ${'A'.repeat(60)} x`);
    expect(finishes(() => findContested(sentences, []))).toBe(true);
  });
});

describe('sources the eighth labelled set found missed', () => {
  it('reads the speaker, not the place in an aside on how the reporter reached them', () => {
    expect(sources("A relative of the groom, reached in Mopti, rejected the army's account.")).toEqual([
      'A relative of the groom',
    ]);
    expect(sources('Another local official, reached by phone, said two dozen people were wounded.')).toEqual([
      'Another local official',
    ]);
  });

  it('prefers the name to a job held by a party ("The NUG\'s health minister, Thet Naing Oo")', () => {
    expect(sources('The NUG\'s health minister, Thet Naing Oo, said the figure was "a lie".')).toEqual([
      'Thet Naing Oo',
    ]);
  });

  it('reads a study and a research body with "and" in its name as sources', () => {
    expect(
      attributed(
        'A study published last year estimated that heat killed more than 60,000 people across Europe.',
      ),
    ).toEqual([['more than 60,000', 'A study published last year']]);
    expect(
      attributed(
        'The heat probably caused 1,900 excess deaths, researchers at the Iberian Climate and Health Observatory estimated.',
      ).map(([, by]) => by),
    ).toEqual(['researchers at the Iberian Climate and Health Observatory']);
  });

  it('does not read an earlier count as the source of a later one ("up from five announced")', () => {
    expect(
      attributed(
        'The toll rose to nine, up from five announced in the morning, as rescuers tried to reach four others still trapped, the national mining agency said.',
      ).find(([count]) => count === 'four'),
    ).toEqual(['four', 'the national mining agency']);
  });

  it('reads the party after a passive "by" ("up from 17 given by police"), but not a test or a place', () => {
    expect(sources('Victims confirmed by the directorate were three farm workers.')).toEqual([
      'the directorate',
    ]);
    expect(sources('The toll rose to 21, the health ministry said, up from 17 given by police.')).toEqual([
      'the health ministry',
      'police',
    ]);
    expect(sources('Of the cases, 611 had been confirmed by laboratory tests.')).toEqual([]);
  });

  it('reads eyewitnesses ("Reuters journalists saw") but not a place that "saw" deaths', () => {
    expect(attributed('Reuters journalists saw at least two bodies on the street.')).toEqual([
      ['at least two', 'Reuters journalists'],
    ]);
    expect(sources('Spain saw 500 deaths last summer.')).toEqual([]);
  });

  it('reads a plural denial ("Police deny it")', () => {
    expect(findSources('Police deny it.').map((x) => [x.text, x.verb])).toEqual([['Police', 'deny']]);
  });
});

describe('sources the ninth labelled set found missed', () => {
  it('does not read a harm that "claimed the lives" of people as a party making a claim', () => {
    expect(
      attributed(
        'Last winter, avalanches claimed the lives of 18 people across Austria, according to the Austrian Board for Alpine Safety.',
      ),
    ).toEqual([['18', 'the Austrian Board for Alpine Safety']]);
    expect(sources('The typhoon claimed 40 lives.')).toEqual([]);
    expect(attributed('Landslides claimed at least 30 lives, according to the disaster agency.')).toEqual([
      ['at least 30', 'the disaster agency'],
    ]);
    // A group claiming an attack is still a party making a claim.
    expect(sources('The group claimed responsibility for the attack.')).toEqual(['The group']);
  });

  it('reads the ministry, not the agency that relayed it, in "X, quoted by the news agency Khovar, said"', () => {
    expect(
      attributed(
        "Tajikistan's interior ministry, quoted by the state news agency Khovar, said eight Tajik civilians had lost their lives and put the number of wounded at 27.",
      ).map(([, by]) => by),
    ).toEqual(["Tajikistan's interior ministry", "Tajikistan's interior ministry"]);
    expect(sources('The governor, cited by state media, said 12 people had died.')).toEqual(['The governor']);
    // The subject of a reported clause is its own: "reported that the interior ministry had put the number at".
    expect(
      attributed(
        'The state news agency Khovar reported that the interior ministry had put the number of dead at eight.',
      ),
    ).toEqual([['eight', 'the interior ministry']]);
  });

  it('reads a party that "has always denied" something', () => {
    expect(
      findSources('The company has always denied that any data was deliberately withheld.').map((x) => [
        x.text,
        x.verb,
      ]),
    ).toEqual([['The company', 'denied']]);
  });
});
