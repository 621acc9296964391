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

describe('disputes the audit found missing', () => {
  it('reads rival counts set against each other with "while" in one sentence, and "the figure of N was false"', () => {
    const out = contested(
      'Police detained at least 79 protesters overnight in Tbilisi, the Interior Ministry said, while ' +
        'opposition leaders said more than 300 had been arrested. The ministry said the figure of 300 was false.',
    );
    // One dispute between the two parties, shown with both sentences.
    expect(out.map((c) => [c.claimant, c.disputedBy])).toEqual([['opposition leaders', 'The ministry']]);
    expect(out[0]!.quotes).toHaveLength(2);
    expect(out[0]!.claim).toContain('more than 300');
  });

  it('reads "X said … the health ministry\'s figure was inflated" as disputing the ministry\'s count', () => {
    expect(
      parties(
        "GAZA (Reuters) - An Israeli airstrike killed 14 people, including five children, the territory's health " +
          'ministry said. The Israeli military said it struck Hamas militants and that the health ministry’s ' +
          'figure was inflated.',
      ),
    ).toEqual([["the territory's health ministry", 'The Israeli military']]);
    expect(
      parties(
        'The airstrike killed 53 people, a spokesman for the local resistance force said. The junta said the ' +
          'toll reported by the resistance force was "grossly inflated".',
      ),
    ).toEqual([['a spokesman for the local resistance force', 'The junta']]);
  });

  it('reads a "However," sentence answering what another party insisted', () => {
    expect(
      parties(
        'The army insisted its troops did not fire on civilians. However, witnesses told The Associated Press ' +
          'that soldiers shot at the crowd.',
      ),
    ).toEqual([['The army', 'witnesses']]);
    expect(
      parties(
        "Home Minister Asaduzzaman Khan said no one had been killed in Saturday's violence. However, the BNP " +
          'said one of its activists had died after being beaten by police.',
      ),
    ).toEqual([['Home Minister Asaduzzaman Khan', 'the BNP']]);
  });

  it('does not read a "However," sentence that adds to a plain statement as a dispute', () => {
    expect(
      parties('Officials said 30 people died in the floods. However, rescuers said the toll could rise.'),
    ).toEqual([]);
  });

  it('reads "closer to N" against the latest official toll', () => {
    const out = contested(
      'A tanker explosion killed 98 people, emergency officials said. A further 35 people died in hospital on ' +
        'Monday, bringing the toll to 133. Residents said the toll was closer to 200.',
    );
    expect(out.map((c) => [c.claimant, c.disputedBy])).toEqual([['emergency officials', 'Residents']]);
    expect(out[0]!.claim).toContain('133');
    expect(out[0]!.claim).toContain('closer to 200');
  });

  it('reads a vague toll against a count it cannot mean ("Hundreds" vs 1,480), but not against one it can', () => {
    expect(
      parties(
        'Hundreds of people were killed in the earthquake, Taliban officials said, while the U.N. put the toll at 1,480.',
      ),
    ).toEqual([['Taliban officials', 'the U.N.']]);
    expect(parties('Dozens of people were killed, police said, while medics put the toll at 40.')).toEqual(
      [],
    );
  });

  it('reads a rebutted number with stray punctuation as text, not as a pattern', () => {
    expect(
      parties('Police detained 40 people, officials said. The opposition said the figure of 40) was false.'),
    ).toEqual([]);
  });

  it('matches a party to its abbreviation ("the BNP" is the Bangladesh Nationalist Party (BNP))', () => {
    const out = contested(
      'Police arrested at least 240 opposition supporters, the Dhaka Metropolitan Police said, while the ' +
        'opposition Bangladesh Nationalist Party (BNP) said more than 700 of its activists had been detained. ' +
        'The police said the BNP’s figure was "baseless".',
    );
    expect(out).toHaveLength(1);
    expect(out[0]!.quotes).toHaveLength(2);
  });
});

describe('contested claims the audit found wrong or missed', () => {
  it('never shows a party disputing itself under another name ("The RSF" … "The group")', () => {
    expect(
      parties('The RSF said fewer than 10 civilians had died. The group denied targeting civilians.'),
    ).toEqual([]);
    // "The ministry" is the Interior Ministry named earlier, a party other than the claimant.
    expect(
      parties(
        'Police detained at least 230 people, the Interior Ministry said. ' +
          'Protest organizers said dozens were beaten in custody. The ministry rejected the claim of beatings.',
      ),
    ).toEqual([['Protest organizers', 'The ministry']]);
  });

  it('quotes what a source told an outlet, not the outlet', () => {
    const [c] = contested(
      '"I saw at least 50 bodies being carried away," Ramesh Yadav, a pilgrim from Bihar, told AP. ' +
        'Officials said that account was exaggerated.',
    );
    expect(c).toMatchObject({ claimant: 'Ramesh Yadav', disputedBy: 'Officials' });
    expect(c!.claim).toBe('Ramesh Yadav says "I saw at least 50 bodies being carried away"');
  });

  it('answers the account a quoted witness gave as well as the witness', () => {
    expect(
      parties(
        'Witnesses said the toll appeared far higher. "I saw at least 50 bodies," Ramesh Yadav told AP. ' +
          'Officials said that account was exaggerated.',
      ),
    ).toEqual([
      ['Ramesh Yadav', 'Officials'],
      ['Witnesses', 'Officials'],
    ]);
  });

  it.each([
    [
      'The opposition Congress party said the real toll was far higher. The health ministry denied the accusation.',
      ['The opposition Congress party', 'The health ministry'],
    ],
    [
      'The company said the leak posed no danger to residents. Environmental groups disputed that.',
      ['The company', 'Environmental groups'],
    ],
    [
      'Police said the officers fired in self-defense. Witnesses contradicted that account, saying the crowd was unarmed.',
      ['Police', 'Witnesses'],
    ],
    [
      'The government claimed the rebels had fired first, which the rebels rejected.',
      ['The government', 'the rebels'],
    ],
    [
      'The health ministry said 40 people were killed. The army called the figure exaggerated.',
      ['The health ministry', 'The army'],
    ],
    [
      'Relatives of inmates gathered outside, and several told reporters that the toll was higher. ' +
        'The government dismissed those reports as rumors.',
      ['Relatives of inmates', 'The government'],
    ],
  ])('reads the rebuttal in %j', (text, pair) => {
    expect(parties(text)).toEqual([pair]);
  });

  it('reads a denied toll as a contested assertion, never with the denier as its source', () => {
    const [rumor] = contested(
      'Rumors that 100 people had died were untrue, police spokeswoman Resila Onyango said.',
    );
    expect(rumor).toMatchObject({
      claimant: 'Rumors',
      disputedBy: 'Resila Onyango',
      claim: 'Rumors that 100 people had died',
    });
    expect(
      parties('Officials dismissed claims that 50 people had died at a second rally in Mombasa.'),
    ).toEqual([['claims', 'Officials']]);
    // Whoever gave the toll earlier is the claimant.
    const [denied] = contested(
      'The opposition said 20 people were killed. Police denied that 20 people were killed.',
    );
    expect(denied).toMatchObject({ claimant: 'The opposition', disputedBy: 'Police' });
    // With no one written as giving the denied toll, there is no claimant to show.
    expect(
      parties(
        'Kenyan police on Wednesday denied that 20 people were killed when officers broke up a protest.',
      ),
    ).toEqual([]);
  });

  it('reads rival counts set against each other with "though", however far apart', () => {
    expect(
      parties(
        'No more than 12 people had been arrested, Onyango said, though rights groups said more than 100 had been detained.',
      ),
    ).toEqual([['Onyango', 'rights groups']]);
  });

  it('reads an authority and a challenger giving different counts of the same people as rivals', () => {
    expect(
      parties(
        'Police detained at least 230 people overnight, the Interior Ministry said. ' +
          'Protest organizers said more than 400 people had been detained.',
      ),
    ).toEqual([['the Interior Ministry', 'Protest organizers']]);
  });

  it('keeps rival counts apart from a rebuttal of something else between the same parties', () => {
    expect(
      parties(
        'Police detained at least 230 people overnight, the Interior Ministry said. ' +
          'Protest organizers said more than 400 people had been detained and that dozens were beaten in custody. ' +
          'The ministry rejected the claim of beatings as a lie.',
      ),
    ).toEqual([
      ['Protest organizers', 'The ministry'],
      ['the Interior Ministry', 'Protest organizers'],
    ]);
  });

  it('reads a person and the office that speaks for them as one side of a dispute', () => {
    const out = contested(
      'The death toll rose to 78, provincial governor Jean-Jacques Purusi said. ' +
        'Local civil society groups put the number of dead at more than 120. ' +
        "The governor's office dismissed those figures as inaccurate.",
    );
    expect(out.map((c) => [c.claimant, c.disputedBy])).toEqual([
      ['Local civil society groups', "The governor's office"],
    ]);
    expect(out[0]!.claim).toBe('Local civil society groups put the number of dead at more than 120');
  });

  it("reads counts far apart as rivals when one party denies the other's toll", () => {
    expect(
      parties(
        'Kenyan police denied that 20 people were killed, saying only two protesters had died. ' +
          'The Kenya National Commission on Human Rights said it had recorded 13 deaths.',
      ),
    ).toEqual([['Kenyan police', 'The Kenya National Commission on Human Rights']]);
  });

  it('reads an insistence answered by the other side, and an official answered by an armed group', () => {
    expect(
      parties(
        'President Aleksandar Vucic insisted that police had shown restraint. ' +
          'Witnesses told AP that officers fired tear gas into a crowd that included children.',
      ),
    ).toEqual([['President Aleksandar Vucic', 'Witnesses']]);
    expect(
      parties(
        'A U.S. defense official, speaking on condition of anonymity, said there was no indication of civilian casualties. ' +
          'The Houthis said all of the dead were civilians.',
      ),
    ).toEqual([['A U.S. defense official', 'The Houthis']]);
  });
});

describe('disputes the eighth labelled set found missed', () => {
  it('reads an army count of "terrorists" that denies civilian deaths as a rival to a count of civilians', () => {
    const out = contested(
      'A drone strike on a wedding killed at least 23 civilians, local officials said. ' +
        'The army said its strike had killed around 15 terrorists and that no civilians were harmed.',
    );
    expect(out.map((c) => [c.claimant, c.disputedBy])).toEqual([['local officials', 'The army']]);
    // Each side keeps its own words for the dead.
    expect(out[0]!.claim).toContain(
      'at least 23 civilians (local officials) vs around 15 terrorists (The army)',
    );
    // A raid elsewhere that spared civilians is no answer to a market bombing.
    expect(
      parties(
        'The army said it killed 15 militants in a raid in the north; no civilians were hurt.\n\n' +
          'Elsewhere, a bomb killed 20 people at a market in the capital, police said.',
      ),
    ).toEqual([]);
  });

  it('does not set a count from another occasion against the story’s toll', () => {
    expect(
      parties(
        'A drone strike killed at least 23 civilians on Sunday, local officials said. ' +
          'Radio France Internationale put the toll at 38. ' +
          'A coalition of rights groups said in a report in March that drone strikes had killed at least 60 civilians since the start of last year.',
      ),
    ).toEqual([['local officials', 'Radio France Internationale']]);
    // The first count sets the frame: "since January" does not make a later count another occasion.
    expect(
      parties(
        'A cholera outbreak has killed 112 people since January, the World Health Organization said. ' +
          "Congo's health ministry put the death toll at 97.",
      ),
    ).toEqual([['the World Health Organization', "Congo's health ministry"]]);
  });

  it('reads "said the army\'s figure was \\"a lie\\"", and "that was untrue" after the army spoke as "it"', () => {
    expect(
      parties(
        'In a statement, the army said its aircraft had struck a command post and killed 12 fighters. ' +
          'It said the building had not been used for medical purposes.\n\n' +
          'A surgeon at the hospital, who spoke on condition of anonymity, said that was untrue.\n\n' +
          'The NUG\'s health minister, Thet Naing Oo, said the army\'s figure was "a lie".',
      ),
    ).toEqual([
      ['the army', 'A surgeon at the hospital'],
      ['the army', 'Thet Naing Oo'],
    ]);
  });

  it('reads "rejected the army\'s account" as answering the military body that gave it', () => {
    expect(
      parties(
        'The armed forces general staff said a strike had hit a meeting of jihadist commanders. ' +
          'It accused "propagandists" of spreading false tolls.\n\n' +
          "A relative of the groom, reached in Mopti, rejected the army's account.",
      ),
    ).toEqual([['The armed forces general staff', 'A relative of the groom']]);
  });

  it('reads a minister calling a study "speculative" as disputing the researchers who made it', () => {
    expect(
      parties(
        'The heat caused about 2,000 excess deaths, researchers at the Iberian Climate and Health Observatory estimated. ' +
          '"Heat stroke is only the tip of the iceberg," said Marta Quintana, who led the study.\n\n' +
          'Spanish Health Minister Elena Ruiz said the study was "speculative".',
      ),
    ).toEqual([
      ['researchers at the Iberian Climate and Health Observatory', 'Spanish Health Minister Elena Ruiz'],
    ]);
    expect(
      parties(
        'Researchers at Oxford University estimated that 900 people died. The health minister called the study flawed.',
      ),
    ).toEqual([['Researchers at Oxford University', 'The health minister']]);
  });

  it('reads "said that was not credible" and "called the claim not credible"', () => {
    expect(
      parties(
        'Nordwerk said the job cuts would be made mostly through voluntary measures. ' +
          "IG Metall, Germany's largest union, said that was not credible.",
      ),
    ).toEqual([['Nordwerk', 'IG Metall']]);
    expect(parties('Nordwerk said no jobs would be cut. IG Metall called the claim "not credible."')).toEqual(
      [['Nordwerk', 'IG Metall']],
    );
  });

  it('reads a denial as answering the earlier statement about the same thing, even a paragraph before', () => {
    const text =
      'Several witnesses told AFP that police fired tear gas at fans pressing against a side gate. ' +
      '"They threw the gas and everyone ran back," said Joao Manuel, 19.\n\n' +
      'Police spokesman Mateus Rodrigues denied that officers had used tear gas, saying fans had forced a gate.';
    expect(parties(text)).toEqual([['Several witnesses', 'Police spokesman Mateus Rodrigues']]);
    // Sharing only who acted ("soldiers") is not the same matter.
    expect(
      parties(
        'Residents said soldiers fired into the air to disperse the crowd.\n\n' +
          'The army denied that its soldiers had killed anyone.',
      ),
    ).toEqual([]);
    expect(parties('Witnesses said police beat protesters with batons. Police deny it.')).toEqual([
      ['Witnesses', 'Police'],
    ]);
  });

  it('reads an accusation followed by the accused party’s denial', () => {
    const out = contested(
      'The talks had been frozen since the spring, when the government accused the ELN of bombing an oil pipeline. ' +
        'The ELN denied carrying out the pipeline attack.',
    );
    expect(out.map((c) => [c.claimant, c.disputedBy])).toEqual([['the government', 'The ELN']]);
    expect(out[0]!.claim).toBe('the government accused the ELN of bombing an oil pipeline');
    expect(
      parties(
        'Opposition leaders accused police of beating detainees. A police spokesman denied the allegations.',
      ),
    ).toEqual([['Opposition leaders', 'A police spokesman']]);
  });

  it('reads a party accusing the one that spoke just before it', () => {
    expect(
      parties(
        'Femi Osibona, the managing director of the developer, was among those killed, his company said.\n\n' +
          'The developer had approval for 15 floors, not 21, Lagos State Building Control Agency general manager Gbolahan Oki told reporters. ' +
          'The company said its permits covered the full height and accused the agency of looking for a scapegoat.',
      ),
    ).toEqual([['Lagos State Building Control Agency general manager Gbolahan Oki', 'The company']]);
  });

  it('reads the opposition answering a company it names', () => {
    expect(
      parties(
        'Narmada Agro Chemicals said in a statement that the leak had been fully contained within 90 minutes. ' +
          'Opposition legislator Ramesh Vasava said the company took more than four hours to alert the authorities and that villagers were woken by the smell, not by sirens.',
      ),
    ).toEqual([['Narmada Agro Chemicals', 'Opposition legislator Ramesh Vasava']]);
  });

  it('reads a party insisting on the opposite of what was just said about the same thing', () => {
    expect(
      parties(
        'A doctor at the hospital, who asked not to be identified, said the fire alarm had not worked for weeks. ' +
          "The hospital's management insisted the alarm system had been inspected in March.",
      ),
    ).toEqual([['A doctor at the hospital', "The hospital's management"]]);
    expect(
      parties('The police said the protest was peaceful. The mayor insisted the city would reopen schools.'),
    ).toEqual([]);
  });

  it('reads rival estimates of a crowd', () => {
    const out = contested(
      'The Archive of Public Gatherings, an independent monitoring group, estimated the crowd at between 275,000 and 300,000. ' +
        'Police put the crowd at 107,000.',
    );
    expect(out.map((c) => [c.claimant, c.disputedBy])).toEqual([
      ['The Archive of Public Gatherings', 'Police'],
    ]);
    expect(out[0]!.claim).toBe(
      'Conflicting estimates of the crowd: between 275,000 and 300,000 (The Archive of Public Gatherings) vs 107,000 (Police)',
    );
    expect(
      parties('Organisers said about 50,000 people took part. Police put the number at 12,000.'),
    ).toEqual([['Organisers', 'Police']]);
  });

  it('reads a party saying who the dead were, and a "no one was hurt" against a count', () => {
    expect(
      parties(
        'Local officials said the strike killed 30 villagers. The military said those killed were all insurgents.',
      ),
    ).toEqual([['Local officials', 'The military']]);
    expect(
      parties(
        'The police said the crowd was peaceful and no one was hurt. Hospital staff said they had treated 14 people for injuries.',
      ),
    ).toEqual([['The police', 'Hospital staff']]);
  });

  it('does not set what someone saw against a larger toll, and counts "inmates" and "prisoners" as one', () => {
    expect(
      parties(
        'Police spokeswoman Resila Onyango put the death toll at three. Reuters journalists saw at least two bodies on the street.',
      ),
    ).toEqual([]);
    expect(
      parties(
        "A riot left six prisoners dead, the prison agency said. The Committee for Prisoners' Rights put the toll at 15 inmates.",
      ),
    ).toEqual([['the prison agency', "The Committee for Prisoners' Rights"]]);
  });

  it('writes the claim in good English for a name ending in s and for plural parties', () => {
    const [vargas] = contested(
      'Ernesto Vargas said the group had made no commitment and accused the army of working with paramilitary groups. ' +
        'The army has repeatedly denied such links.',
    );
    expect(vargas!.claim).toBe('Ernesto Vargas accused the army of working with paramilitary groups');
    const [witnesses] = contested('Witnesses said police beat protesters with batons. Police deny it.');
    expect(witnesses!.claim).toMatch(/^Witnesses say /);
    const [committee] = contested(
      "The Committee for Prisoners' Rights said at least 15 inmates had been killed. The prison agency said that figure was false.",
    );
    expect(committee!.claim).toMatch(/^The Committee for Prisoners' Rights (?:says|reports) /);
  });
});

describe('disputes the ninth labelled set found missed or paired wrongly', () => {
  it("reads a rumour police call false after a live blog's time stamp", () => {
    const [c, ...rest] = contested(
      'Update, 4.10pm: Rumours on social media that a dozen climbers had been buried by a second avalanche were false, police said.',
    );
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ claimant: 'Rumours on social media', disputedBy: 'police' });
    expect(c!.claim).toMatch(/^Rumours on social media that a dozen climbers had been buried/);
  });

  it('reads "called that \\"pure fiction\\"" and "called the Islamic State claim \\"a lie\\""', () => {
    expect(
      parties(
        'Tajikistan\'s defence ministry said its forces had "neutralised upwards of 30 Kyrgyz servicemen". ' +
          'Kyrgyzstan\'s defence ministry called that "pure fiction".',
      ),
    ).toEqual([["Tajikistan's defence ministry", "Kyrgyzstan's defence ministry"]]);
    // The claim named is Islamic State's, not that of the police who spoke in the sentence before.
    expect(
      parties(
        "Islamic State's Khorasan branch (ISKP) claimed responsibility in a statement, saying its fighter had killed 40 people. " +
          'Police said the figure was exaggerated. ' +
          'Hours later, Jamaat-ul-Ahrar, a faction of the Pakistani Taliban, said its own fighter had carried out the bombing, and called the Islamic State claim "a lie".',
      ),
    ).toEqual([
      ["Islamic State's Khorasan branch (ISKP)", 'Police'],
      ["Islamic State's Khorasan branch (ISKP)", 'Jamaat-ul-Ahrar'],
    ]);
  });

  it('writes a claim of responsibility as claimed, and an "according to" claim from the words before it', () => {
    const [iskp] = contested(
      "Islamic State's Khorasan branch (ISKP) claimed responsibility in a statement. Police said that was false.",
    );
    expect(iskp!.claim).toMatch(/^Islamic State's Khorasan branch \(ISKP\) claims responsibility/);
    const [gambia] = contested(
      'The boat had left Gambia a week earlier, according to survivors. ' +
        'Fishermen found eight bodies on Wednesday. ' +
        "The Gambian government said the boat had not departed from its territory, contradicting the survivors' accounts.",
    );
    expect(gambia).toMatchObject({ claimant: 'survivors', disputedBy: 'The Gambian government' });
    expect(gambia!.claim).toBe('survivors say the boat had left Gambia a week earlier');
  });

  it('reads the party whose account is named even paragraphs later ("contradicting the survivors\' accounts")', () => {
    expect(
      parties(
        'The boat had left Gambia a week earlier, according to survivors.\n\n' +
          'Five survivors were in hospital, a doctor said.\n\n' +
          '"We were at sea for seven days," Lamin, a survivor, told AFP.\n\n' +
          "The Gambian government said the boat had not departed from its territory, contradicting the survivors' accounts.",
      ),
    ).toEqual([['survivors', 'The Gambian government']]);
  });

  it('reads ", a figure X said it did not recognise" and ", an accusation rejected by X"', () => {
    expect(
      parties(
        'Organisers of the vigil said at least 12 people had been hurt by police batons, a figure GMP said it did not recognise.',
      ),
    ).toEqual([['Organisers of the vigil', 'GMP']]);
    expect(
      parties(
        "Pakistan's interior ministry said the attack had been planned from Afghanistan, an accusation rejected by a spokesman for the Taliban administration in Kabul, who said Afghan soil was not used.",
      ),
    ).toEqual([["Pakistan's interior ministry", 'a spokesman for the Taliban administration in Kabul']]);
  });

  it('does not set officers injured against people hurt by the police', () => {
    expect(
      parties(
        'Sixteen police officers were injured in the disorder, Greater Manchester police said. ' +
          'Protest organisers said at least 12 people had been hurt by police batons.',
      ),
    ).toEqual([]);
  });

  it("does not set two countries' counts of their own side against each other", () => {
    expect(
      parties(
        "Kyrgyzstan's health ministry said 11 people had been killed on its side of the border and 46 injured. " +
          "Tajikistan's interior ministry said eight Tajik civilians had lost their lives and put the number of wounded at 27.",
      ),
    ).toEqual([]);
  });

  it('reads no rival count in "the lower edge of the debris" nor in a toll of "last winter"', () => {
    expect(
      parties(
        'The toll stands at five, according to Tyrol police, who raised it when rescuers reached the lower edge of the debris. ' +
          'Last winter, avalanches killed 18 people across Austria, according to the Austrian Board for Alpine Safety.',
      ),
    ).toEqual([]);
  });

  it('reads a party upholding the official toll as disputing the rival count, as one dispute', () => {
    const out = contested(
      'Nine more people died overnight, bringing the total to 34, the state health department said.\n\n' +
        'Ramesh Paswan, an opposition legislator, put the toll at upwards of 50. ' +
        'The district magistrate, Aman Samir, said the official toll of 34 was accurate.',
    );
    expect(out.map((c) => [c.claimant, c.disputedBy])).toEqual([['Ramesh Paswan', 'Aman Samir']]);
    expect(out[0]!.claim).toBe('Ramesh Paswan reports upwards of 50 people killed');
    // The body whose toll is upheld is quoted with the dispute, not shown as a second one.
    expect(out[0]!.quotes).toHaveLength(3);
  });

  it('names the accused party for a denial by "the company"', () => {
    expect(
      parties(
        'The Environment Agency told the court that Southern Vale had failed to report 1,642 spills. ' +
          'The company has always denied that any data was deliberately withheld.',
      ),
    ).toEqual([['The Environment Agency', 'Southern Vale']]);
  });

  it('reads "disputed that, pointing out …"', () => {
    expect(
      parties(
        'Southern Vale also said the fine would not be passed on to its customers. ' +
          'Clean Coasts Kent, a campaign group, disputed that, pointing out that bills rose by 24%.',
      ),
    ).toEqual([['Southern Vale', 'Clean Coasts Kent']]);
  });

  it('reads a body answering what people said about it, by a denial or in opposite words', () => {
    expect(
      parties(
        'Two parents told the Charlotte Observer that they had reported threatening posts by the gunman to the school. ' +
          'The Rock Hill school district said in a statement that it had "no record of any such report".',
      ),
    ).toEqual([['Two parents', 'The Rock Hill school district']]);
    const [gate] = contested(
      'Eleven survivors interviewed for this article said the gate at the foot of the east staircase was padlocked. ' +
        'Sunflower Group, the factory\'s owner, said in a statement that "all exits were open" and that the gate had been forced shut by the crush.',
    );
    expect(gate).toMatchObject({
      claimant: 'Eleven survivors interviewed for this article',
      disputedBy: 'Sunflower Group',
    });
    expect(gate!.claim).toMatch(/^Eleven survivors interviewed for this article say /);
    // People and a body adding facts about different things are no dispute.
    expect(
      parties(
        'Two parents said their children had been moved to the gym. The school district said classes would resume on Monday.',
      ),
    ).toEqual([]);
  });
});

describe('a party upholding a count', () => {
  it('is no dispute when it only confirms the count just given', () => {
    expect(
      parties(
        'The health ministry said 40 people had been injured. The mayor said the figure of 40 was accurate.',
      ),
    ).toEqual([]);
    expect(
      parties('Police said 12 people had died. The governor said the official toll of 12 was accurate.'),
    ).toEqual([]);
  });
});

describe('whose statement a rebuttal names', () => {
  it('reads no party in "the Monday statement", and writes an opening "According to" claim from what follows', () => {
    expect(
      parties(
        'The army said its troops had not fired on the crowd. Witnesses rejected the Monday statement as false.',
      ),
    ).toEqual([['The army', 'Witnesses']]);
    const [c] = contested(
      'According to the ministry, the strike hit an arms depot. Residents said that was untrue.',
    );
    expect(c).toMatchObject({ claimant: 'the ministry', disputedBy: 'Residents' });
    expect(c!.claim).toBe('the ministry says the strike hit an arms depot');
  });
});

describe('more forms of the disputes the ninth set taught', () => {
  it('reads rumours a party calls false in either order, and rumours denied by "the ministry"', () => {
    expect(
      parties('Police said rumours that a dozen climbers had been buried by a second avalanche were false.'),
    ).toEqual([['rumours', 'Police']]);
    expect(
      parties(
        'Claims circulating online that 12 people had died in the stampede were untrue, the ministry said.',
      ),
    ).toEqual([['Claims circulating online', 'the ministry']]);
  });

  it('reads ", a figure X said was inflated"', () => {
    expect(
      parties(
        'Organisers said at least 12 people had been hurt by police batons, a figure the police said was inflated.',
      ),
    ).toEqual([['Organisers', 'the police']]);
  });

  it('reads two groups claiming one attack, but not one group claiming it twice', () => {
    expect(
      parties(
        "Islamic State's Khorasan branch (ISKP) claimed responsibility in a statement. " +
          'Hours later, Jamaat-ul-Ahrar, a faction of the Pakistani Taliban, said in a message to journalists that its own fighter had carried out the bombing.',
      ),
    ).toEqual([["Islamic State's Khorasan branch (ISKP)", 'Jamaat-ul-Ahrar']]);
    expect(
      parties(
        'Al-Shabaab claimed responsibility for the attack in a statement. Al-Shabaab said its fighters had carried out the raid.',
      ),
    ).toEqual([]);
  });

  it("does not set a country's count of its own soldiers against another's, but does a count of the first's", () => {
    expect(
      parties(
        "Azerbaijan's defence ministry said 12 of its soldiers had been killed. " +
          "Armenia's defence ministry put the number of its troops killed at 30.",
      ),
    ).toEqual([]);
    expect(
      parties(
        "Ukraine's military said 20 of its soldiers had been killed. " +
          "Russia's defence ministry put the number of Ukrainian soldiers killed at 60.",
      ),
    ).toEqual([["Ukraine's military", "Russia's defence ministry"]]);
  });
});
