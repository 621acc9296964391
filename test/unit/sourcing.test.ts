import { findCasualties } from '../../src/analyze/casualties';
import { splitSentences } from '../../src/analyze/sentences';
import { findSourcing } from '../../src/analyze/sourcing';
import { finishes } from './finishes';

function notes(text: string) {
  const sentences = splitSentences(text);
  return findSourcing(sentences, findCasualties(sentences));
}
const kinds = (text: string) => notes(text).map((n) => n.kind);

describe('sourcing notes', () => {
  it('flags unnamed sources', () => {
    expect(
      kinds(
        'A U.S. official also told The Hill on background, "They appear to be targeting the opposition."',
      ),
    ).toEqual(['anonymous_source']);
    expect(
      kinds('Two officials, who spoke on condition of anonymity, said the rifle was bought legally.'),
    ).toEqual(['anonymous_source']);
  });

  it('flags second-hand reports but not the outlet’s own reporting', () => {
    const [n] = notes('A news channel said the strikes hit insurgents, according to The New York Times.');
    expect(n).toMatchObject({ kind: 'secondhand' });
    expect(n!.note).toBe('Second-hand: relayed from The New York Times, not reported first-hand.');
    const [us] = notes('The strikes hit a depot, according to The Times of the U.S.');
    expect(us!.note).toBe('Second-hand: relayed from The Times of the U.S., not reported first-hand.');
    expect(
      kinds('LAGOS, Nigeria (Reuters) - Buildings collapse often, according to a count by Reuters.'),
    ).toEqual([]);
    expect(kinds('Protests spread to eight cities, local media reported.')).toEqual(['secondhand']);
    expect(kinds('Local media reported that villagers were digging with shovels.')).toEqual(['secondhand']);
    expect(kinds('State media quoted the governor as saying the roads were closed.')).toEqual(['secondhand']);
  });

  it('flags an unnamed official however described', () => {
    expect(kinds('Uttar Pradesh reported deaths, a state health official told Reuters.')).toContain(
      'anonymous_source',
    );
  });

  it('flags unverified claims and updated copy', () => {
    expect(kinds('The Associated Press could not independently verify the figures.')).toEqual(['unverified']);
    expect(kinds('He offered no evidence.')).toEqual(['unverified']);
    expect(kinds('Body text here.\n\n— Updated at 4:54 p.m. ET')).toEqual(['update']);
    expect(kinds('This story has been updated to correct the number of homes.')).toEqual(['update']);
  });

  it('notes when the headline figure rests on one source, with the figure in the note and the sentence quoted', () => {
    const text = 'The group said the strikes had killed 30 civilians, including six children.';
    const single = notes(text).filter((n) => n.kind === 'single_source');
    expect(single).toHaveLength(1);
    expect(single[0]!.note).toContain('30 civilians killed');
    expect(single[0]!.quote).toBe(text);
  });

  it('does not call a figure single-source when another source gives a rival count', () => {
    expect(
      kinds(
        'The outbreak has killed 112 people, the WHO said. The health ministry put the death toll at 97.',
      ),
    ).not.toContain('single_source');
  });

  it('quotes verbatim from the text', () => {
    const text = 'Officials said five people died.\n\nThe claims could not be independently verified.';
    for (const n of notes(text)) expect(text).toContain(n.quote);
  });

  it('does not count a toll from another occasion as a rival to the headline figure', () => {
    const text =
      'The explosion killed at least 98 people, the road safety agency said. ' +
      'In October, a blast in another state killed more than 150 people, according to police.';
    expect(kinds(text)).toEqual(['single_source']);
  });
});

describe('single-source notes the audit found wrong', () => {
  it('gives no note about a count of people who were not hurt', () => {
    const out = notes(
      'KATHMANDU (Reuters) - None of the 40 passengers aboard the plane were hurt, airport officials said.',
    );
    expect(out).toEqual([]);
  });

  it('does not call a vague toll single-source when another source gives a count it cannot mean', () => {
    expect(
      kinds(
        'Hundreds of people were killed in the earthquake, Taliban officials said, while the U.N. put the toll at 1,480.',
      ),
    ).not.toContain('single_source');
  });

  it('counts "nine" as backing "at least nine", so the figure is not single-source', () => {
    expect(
      kinds(
        'At least nine miners were killed, police said. The death toll rose to nine on Wednesday, a spokesman said.',
      ),
    ).not.toContain('single_source');
  });
});

describe('sourcing notes the eighth labelled set found missed', () => {
  it("flags the wire's own update line, an outlet unable to verify, and people familiar with the matter", () => {
    expect(kinds('(Updates toll, adds rescue of two miners, union comment in paragraphs 3 and 6)')).toEqual([
      'update',
    ]);
    expect(kinds("AFP was unable to independently verify the witnesses' accounts.")).toEqual(['unverified']);
    expect(
      kinds('Nordwerk is in talks to sell the unit, two people familiar with the matter told Reuters.'),
    ).toEqual(['anonymous_source']);
  });

  it('flags a sentence-initial "According to" an outlet and an outlet citing someone else', () => {
    expect(
      kinds("According to Cuban state media, the session was attended by Cuba's foreign minister."),
    ).toEqual(['secondhand']);
    const [n] = notes('Radio France Internationale, citing a local youth association, put the toll at 38.');
    expect(n).toMatchObject({ kind: 'secondhand' });
    expect(n!.note).toContain('Radio France Internationale');
  });

  it('does not call a headline figure single-source when another party answers it with a count', () => {
    // An earlier count from the other party, rejected: the toll is contested, not resting on one source.
    expect(
      kinds(
        "The death toll rose to 82 on Sunday, Iraq's Interior Ministry said. " +
          'Health Ministry officials had told reporters on Saturday that 90 people had died, but the Interior Ministry said that figure was wrong.',
      ),
    ).not.toContain('single_source');
    expect(
      kinds(
        'Chadema said at least three of its supporters were killed when police fired on a rally. ' +
          'Police denied using live ammunition and said no one had died.',
      ),
    ).not.toContain('single_source');
    // A dispute over something other than the count leaves it resting on one source.
    expect(
      kinds(
        'The heat caused about 2,000 excess deaths, researchers at the Iberian Climate and Health Observatory estimated. ' +
          'Spanish Health Minister Elena Ruiz said the study was "speculative".',
      ),
    ).toContain('single_source');
  });
});

describe('sourcing notes on hostile text', () => {
  // Scans that restart at every character of a long stretch took tens of seconds on these.
  it('reads a very long "according to" tail of capitalised words promptly', () => {
    const text = `Ten died, according to ${'Aa '.repeat(60000)}.`;
    let found: string[] = [];
    expect(finishes(() => (found = kinds(text)))).toBe(true);
    expect(found).toEqual([]);
  });

  it('reads a very long stretch before ", citing" promptly', () => {
    const text = `${'Aa '.repeat(60000)}, citing officials, Reuters said.`;
    expect(finishes(() => kinds(text))).toBe(true);
  });

  it('still finds the outlet after a very long stretch with no reporting verb', () => {
    const text = `${'x '.repeat(90000)}, Reuters said.`;
    let found: string[] = [];
    expect(finishes(() => (found = kinds(text)))).toBe(true);
    expect(found).toEqual(['secondhand']);
  });
});

describe('sourcing notes the ninth labelled set found missed', () => {
  it("flags a live blog's update stamp, a last-updated line and a correction of an earlier version", () => {
    expect(kinds('Update, 4.10pm: Police said there had been no second avalanche.')).toEqual(['update']);
    expect(kinds('This article was last updated at 4.30pm ET on Tuesday.')).toEqual(['update']);
    expect(kinds('An earlier version said five people had died.')).toEqual(['update']);
    // A sentence that merely opens with the word is no update note.
    expect(kinds('Update your phone before travelling.')).toEqual([]);
  });

  it('flags an outlet that quoted, carried or reported what a party said', () => {
    const [khovar] = notes(
      "Tajikistan's interior ministry, quoted by the state news agency Khovar, said the border was calm.",
    );
    expect(khovar).toMatchObject({ kind: 'secondhand' });
    expect(khovar!.note).toContain('the state news agency Khovar');
    expect(kinds('The group claimed the attack in a statement carried by its Amaq news agency.')).toEqual([
      'secondhand',
    ]);
    expect(kinds('Two people died in landslides, the Philippine News Agency reported.')).toContain(
      'secondhand',
    );
  });

  it("flags what people told another outlet, but not what they told the story's own outlet or a wire", () => {
    expect(kinds('Two parents told the Charlotte Observer that they had reported the posts.')).toEqual([
      'secondhand',
    ]);
    expect(
      kinds(
        'A resident told the BBC that her street had been hit. The BBC could not independently verify either side’s figures.',
      ),
    ).toEqual(['unverified']);
    expect(kinds('"Entire blocks are gone," the coroner told The Associated Press. She said more.')).toEqual(
      [],
    );
  });

  it('flags a source passing on what it hears from people it is in touch with', () => {
    const [n] = notes(
      'Around 110 people are still missing, according to the Spanish NGO Caminando Fronteras, which is in contact with the families of passengers.',
    );
    expect(n).toMatchObject({ kind: 'secondhand' });
    expect(n!.note).toMatch(/^Second-hand: the Spanish NGO Caminando Fronteras passes on/);
    expect(n!.note).toContain('the families of passengers');
  });

  it('flags "neither claim could be independently verified" and "has not been able to verify"', () => {
    expect(kinds('Neither claim could be independently verified.')).toEqual(['unverified']);
    expect(kinds('The Guardian has not been able to verify where it was filmed.')).toEqual(['unverified']);
  });

  it('takes the running total as the headline figure, and a later running total as no rival', () => {
    const bulletin = notes(
      'Nine more people died overnight, bringing the total to 34, the state health department said. ' +
        'An opposition legislator, Ramesh Paswan, put the toll at upwards of 50.',
    );
    expect(bulletin.map((n) => n.kind)).toEqual([]);
    const wreck = notes(
      'At least 69 people died when the boat capsized, a security source told AFP. ' +
        'Fishermen found a further eight bodies on Wednesday, bringing the total to 77, according to the interior ministry.',
    ).filter((n) => n.kind === 'single_source');
    expect(wreck).toHaveLength(1);
    expect(wreck[0]!.note).toContain('At least 69 people killed');
  });

  it("keeps a toll single-source against people hurt by the police, or another place's toll", () => {
    expect(
      kinds(
        'Sixteen police officers were injured in the disorder, Greater Manchester police said. ' +
          'Organisers of the vigil said at least 12 people had been hurt by police batons, a figure GMP said it did not recognise.',
      ),
    ).toContain('single_source');
    expect(
      kinds(
        'The storm has left three people dead in Quang Ngai and Binh Dinh provinces, the committee said. ' +
          'Two people lost their lives in landslides in Benguet province, the Philippine News Agency reported.',
      ),
    ).toContain('single_source');
  });
});

describe('an outlet the story relays', () => {
  it('stays second-hand when the story also says that outlet could not verify', () => {
    expect(
      kinds(
        'Fighting spread to the north, according to Reuters. Reuters could not independently verify the reports.',
      ),
    ).toEqual(['secondhand', 'unverified']);
  });

  it('reads broadcasters and "… News" outlets as media', () => {
    expect(kinds('A survivor told Sky News that the water rose in minutes.')).toEqual(['secondhand']);
  });
});
