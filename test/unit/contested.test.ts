import { findCasualties } from '../../src/analyze/casualties';
import { findContested } from '../../src/analyze/contested';
import { splitSentences } from '../../src/analyze/sentences';

function contested(text: string) {
  const sentences = splitSentences(text);
  return findContested(sentences, findCasualties(sentences));
}
const parties = (text: string) => contested(text).map((c) => [c.claimant, c.disputedBy]);

describe('contested assertions', () => {
  it('reads "X insisted …, but Y said that was untrue" with a neutral claim and the sentence quoted', () => {
    const text =
      'Russian officials insisted they hit ISIS targets in Idlib, Hama and Homs, but other U.S. defense officials said that was untrue.';
    const [c, ...rest] = contested(text);
    expect(rest).toEqual([]);
    expect(c).toMatchObject({
      claimant: 'Russian officials',
      disputedBy: 'U.S. defense officials',
      quotes: [text],
    });
    expect(c!.claim).toContain('hit ISIS targets in Idlib, Hama and Homs');
  });

  it('reads a rebuttal in the next sentence ("rejected that account")', () => {
    expect(
      parties(
        "Russia's Defense Ministry said its forces had struck a military site. " +
          'Ukrainian officials rejected that account, saying there were no soldiers there.',
      ),
    ).toEqual([["Russia's Defense Ministry", 'Ukrainian officials']]);
  });

  it('reads ", a claim Y rejected" and ", a figure Y disputed"', () => {
    expect(
      parties(
        'Rail unions said the safety systems had not worked for years, a claim the transport ministry rejected.',
      ),
    ).toEqual([['Rail unions', 'the transport ministry']]);
  });

  it('merges "not … as X claims" into the explicit claim the same officials dispute', () => {
    const out = contested(
      'Russian airstrikes are not hitting ISIS targets as Moscow claims, U.S. defense officials said Thursday. ' +
        'Russian officials insisted they hit ISIS targets, but other U.S. defense officials said that was untrue.',
    );
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ claimant: 'Russian officials', disputedBy: 'U.S. defense officials' });
    expect(out[0]!.quotes).toHaveLength(2);
  });

  it('flags rival counts of the same deaths from different sources', () => {
    const out = contested(
      'A cholera outbreak has killed 112 people, the World Health Organization said. ' +
        "Congo's health ministry put the death toll at 97.",
    );
    expect(out.map((c) => [c.claimant, c.disputedBy])).toEqual([
      ['the World Health Organization', "Congo's health ministry"],
    ]);
    expect(out[0]!.claim).toMatch(/112.*97/);
  });

  it('does not treat figures for different events or groups as a dispute', () => {
    expect(
      parties(
        'The crash killed 19 people, police said. Road accidents killed more than 4,600 people last year, according to the safety authority. ' +
          'The ministry said 32 police officers were injured. The opposition said 40 demonstrators were hurt.',
      ),
    ).toEqual([]);
  });

  it('finds nothing in agreement or plain reporting', () => {
    expect(
      parties('Officials said the bridge would reopen on Monday, and residents welcomed the news.'),
    ).toEqual([]);
  });

  it('reads back-to-back statements by two parties, one negating the other, with no cue word', () => {
    expect(
      parties(
        'The interior minister said police had not used tear gas against the crowd. ' +
          'Opposition lawmakers said officers fired tear gas at students outside the building.',
      ),
    ).toEqual([['The interior minister', 'Opposition lawmakers']]);
    // A company and its regulator speaking in turn are not read as rivals, even with a negation.
    expect(
      parties(
        'The company said it had not received any complaints. Regulators said they were reviewing the case.',
      ),
    ).toEqual([]);
    // Two parties adding facts without either negating is not a dispute.
    expect(
      parties(
        'The interior minister said 300 officers were deployed. Opposition lawmakers said the rally would continue.',
      ),
    ).toEqual([]);
  });

  it('does not read two facts from police and witnesses as a dispute when they are about different things', () => {
    expect(
      parties(
        'Police said no one had been arrested. Witnesses said the crowd dispersed peacefully after nightfall.',
      ),
    ).toEqual([]);
  });

  it('reads police and residents contradicting each other about the same thing', () => {
    expect(
      parties(
        'Police said no shots had been fired at the march. Residents said officers fired live rounds into the crowd.',
      ),
    ).toEqual([['Police', 'Residents']]);
  });

  it('reads ", not children" as answering another source\'s count of children', () => {
    expect(
      parties(
        'The strike killed 14 people, including nine children, the health ministry said. ' +
          'A coalition spokesman, Col. Ahmed Saleh, said the strike had targeted militants, not children.',
      ),
    ).toEqual([['the health ministry', 'Col. Ahmed Saleh']]);
  });

  it('reads "put the number of injured at" as a rival count', () => {
    expect(
      parties(
        'The fire service said 69 people were taken to hospitals with burns. ' +
          'A police spokesman, Ali Musa, put the number of injured at 74.',
      ),
    ).toEqual([['The fire service', 'Ali Musa']]);
  });
});
