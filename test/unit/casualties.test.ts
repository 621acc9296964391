import { findCasualties } from '../../src/analyze/casualties';
import { splitSentences } from '../../src/analyze/sentences';

const figures = (text: string) => findCasualties(splitSentences(text));
const brief = (text: string) =>
  figures(text).map((f) => ({ countText: f.countText, kind: f.kind, who: f.who, partOf: f.partOf }));

describe('casualty figures', () => {
  it('keeps subsets as sub-figures of the total, never adding them up', () => {
    const out = figures(
      'Shelling killed 30 civilians, including six children and six women, officials said.',
    );
    expect(out.map((f) => [f.countText, f.who, f.partOf])).toEqual([
      ['30', 'civilians', null],
      ['six', 'children', 0],
      ['six', 'women', 0],
    ]);
    expect(out.map((f) => f.min)).not.toContain(42);
  });

  it('reads each kind of harm from its verb or noun', () => {
    expect(
      brief(
        'Police detained more than 300 people. Seven people were wounded. Another five people were missing. ' +
          'More than 8,000 people were left homeless. The outbreak has sickened more than 4,300, officials said. ' +
          'Local media reported only two deaths.',
      ).map((f) => [f.countText, f.kind]),
    ).toEqual([
      ['more than 300', 'detained'],
      ['Seven', 'injured'],
      ['five', 'missing'],
      ['More than 8,000', 'displaced'],
      ['more than 4,300', 'affected'],
      ['two', 'killed'],
    ]);
  });

  it('ignores numbers that are not people harmed', () => {
    const text =
      'A 34-year-old gunman fired at 3:36 p.m. on Nov. 28, 2023, from 260 kilometers away. ' +
      'The government spent $15.5 million on 1,200 shelters and 14 helicopters. ' +
      'About 200 shoppers sheltered in stores, and roughly 4,500 people live in the town. ' +
      'The train was carrying about 350 passengers, including three children, when it crashed. ' +
      'Lawmakers killed the proposal by a 52-48 vote. The plan would hurt millions of families. ' +
      'The strikes risk killing civilians.';
    expect(figures(text)).toEqual([]);
  });

  it('attributes to the named organisation in an appositive, not its description', () => {
    const [f] = figures(
      'A British-based monitoring group, the Syrian Observatory for Human Rights, said the strikes had killed 30 civilians.',
    );
    expect(f?.attributedTo).toBe('the Syrian Observatory for Human Rights');
    const [g] = figures('Ibrahim Farinloye, a spokesman for the agency, said nine people were injured.');
    expect(g?.attributedTo).toBe('Ibrahim Farinloye');
  });

  it('reads "according to X", "X said", "said X" and resolves "he said" to the last named speaker', () => {
    const out = figures(
      'Road accidents killed more than 4,600 people last year, according to the National Transport and Safety Authority. ' +
        'Police commander Peter Maina said the bus crashed. He said 41 others were taken to hospital. ' +
        '"It was terrible," said Jane Chebet, adding that 12 children had been injured.',
    );
    expect(out.map((f) => [f.countText, f.attributedTo])).toEqual([
      ['more than 4,600', 'the National Transport and Safety Authority'],
      ['41', 'Police commander Peter Maina'],
      ['12', 'Jane Chebet'],
    ]);
  });

  it('gives each clause its own source when two sources disagree in one sentence', () => {
    const out = figures(
      'Local media reported that four people died in landslides, but the state disaster authority has confirmed only two deaths.',
    );
    expect(out.map((f) => [f.countText, f.attributedTo])).toEqual([
      ['four', 'Local media'],
      ['two', 'the state disaster authority'],
    ]);
  });

  it('leaves attributedTo null when the article states the number on its own authority', () => {
    const [f] = figures('Twin earthquakes in February 2023 killed more than 50,000 people.');
    expect(f).toMatchObject({ countText: 'more than 50,000', attributedTo: null, min: 50001, max: null });
  });

  it('links "of them", "of the injured" and "among the dead" to the right total', () => {
    const out = brief(
      'The quake killed at least 46 people and injured more than 1,100, the agency said. ' +
        'Among the dead were 11 children, the minister said. ' +
        'He said 212 of the injured remained in hospital, 19 of them in intensive care.',
    );
    expect(out).toEqual([
      { countText: 'at least 46', kind: 'killed', who: 'people', partOf: null },
      { countText: 'more than 1,100', kind: 'injured', who: null, partOf: null },
      { countText: '11', kind: 'killed', who: 'children', partOf: 0 },
      { countText: '212', kind: 'injured', who: null, partOf: 1 },
      { countText: '19', kind: 'injured', who: null, partOf: 3 },
    ]);
  });

  it('keeps revised tolls with their wording and picks the current toll as the total for subsets', () => {
    const out = figures(
      'The death toll rose to 129 on Sunday, the Sudan Doctors Network said, up from 72 reported a day earlier. ' +
        'The group said the dead included 23 children. An army spokesman said the toll had been revised down to 98.',
    );
    expect(out.map((f) => [f.countText, f.kind, f.partOf])).toEqual([
      ['129', 'killed', null],
      ['up from 72', 'killed', null],
      ['23', 'killed', 0],
      ['98', 'killed', null],
    ]);
    expect(out[0]!.quote).toContain('rose to 129');
    expect(out[3]!.quote).toContain('revised down to 98');
  });

  it('reads "shot dead", abductions and a toll that "had reached" a number', () => {
    expect(
      brief(
        'Security forces shot dead at least 12 protesters, the commission said. ' +
          'It said 21 others had been abducted. The opposition said the death toll had reached 133.',
      ).map((f) => [f.countText, f.kind]),
    ).toEqual([
      ['at least 12', 'killed'],
      ['21', 'detained'],
      ['133', 'killed'],
    ]);
  });

  it('reads vague and ranged counts with their bounds', () => {
    const out = figures(
      'The opposition said dozens of demonstrators were hurt. Between 50 and 100 people are still missing.',
    );
    expect(out.map((f) => [f.countText, f.min, f.max, f.qualifier, f.who])).toEqual([
      ['dozens', 24, null, 'vague', 'demonstrators'],
      ['Between 50 and 100', 50, 100, 'range', 'people'],
    ]);
  });

  it('quotes the whole sentence verbatim', () => {
    const text =
      'Intro line.\n\nTwo firefighters were injured battling the blaze, officials said. Later text.';
    const [f] = figures(text);
    expect(f?.quote).toBe('Two firefighters were injured battling the blaze, officials said.');
    expect(text).toContain(f!.quote);
  });

  it('gives a coordinated count the verb it shares with its neighbour', () => {
    expect(
      brief(
        'A gunman opened fire at a depot, killing three drivers and two guards and wounding five others, police said.',
      ).map((f) => [f.countText, f.kind, f.who]),
    ).toEqual([
      ['three', 'killed', 'drivers'],
      ['two', 'killed', 'guards'],
      ['five', 'injured', 'others'],
    ]);
    expect(
      brief('Four guards and one nurse were taken to hospitals with burns.').map((f) => [
        f.countText,
        f.kind,
      ]),
    ).toEqual([
      ['Four', 'injured'],
      ['one', 'injured'],
    ]);
  });

  it('links a breakdown that adds up exactly to the total given just before it', () => {
    expect(
      brief(
        'The blast wounded 12 others, the mayor said. Nine workers and three firefighters were treated in hospital.',
      ).map((f) => [f.countText, f.partOf]),
    ).toEqual([
      ['12', null],
      ['Nine', 0],
      ['three', 0],
    ]);
    // Counts that do not add up to the earlier total stay totals of their own.
    expect(
      brief(
        'The blast wounded 12 others, the mayor said. Nine workers and two firefighters were treated in hospital.',
      ).map((f) => f.partOf),
    ).toEqual([null, null, null]);
  });

  it('ends an "including" list where a new harm clause starts', () => {
    expect(
      brief(
        'The shelling killed at least 14 people, including three children, and wounded 40 others, officials said.',
      ).map((f) => [f.countText, f.kind, f.partOf]),
    ).toEqual([
      ['at least 14', 'killed', null],
      ['three', 'killed', 0],
      ['40', 'injured', null],
    ]);
  });

  it('reads "Of the 19 deaths, 11 were women" as a subset without repeating the 19', () => {
    const out = brief(
      'The virus has killed 19 people, the ministry said. Of the 19 deaths, 11 were women, it said.',
    );
    expect(out).toEqual([
      { countText: '19', kind: 'killed', who: 'people', partOf: null },
      { countText: '11', kind: 'killed', who: 'women', partOf: 0 },
    ]);
  });

  it('reads tolls put through "the number of injured at" and people still searched for', () => {
    expect(
      brief(
        'A police spokesman put the number of injured at 74. Rescuers were still searching for about 120 people. ' +
          'Crews resumed the search for the remaining four.',
      ).map((f) => [f.countText, f.kind]),
    ).toEqual([
      ['74', 'injured'],
      ['about 120', 'missing'],
      ['four', 'missing'],
    ]);
  });

  it('counts confirmed cases in an outbreak and those detained among a group', () => {
    expect(
      brief(
        'Police detained 60 people on Saturday. At least five of those detained were still in custody on Monday. ' +
          'Health officials said 54 cases had been confirmed.',
      ).map((f) => [f.countText, f.kind, f.partOf]),
    ).toEqual([
      ['60', 'detained', null],
      ['At least five', 'detained', 0],
      ['54', 'affected', null],
    ]);
  });

  it('does not mistake the month of May for a hypothetical', () => {
    expect(
      brief('A strike on the market in May 2023 killed 19 people, officials said.').map((f) => f.countText),
    ).toEqual(['19']);
    expect(brief('Officials warned the storm may kill 19 people.')).toEqual([]);
  });

  it('attributes through "said" followed by a lower-case title and a name', () => {
    const [f] = figures(
      'Among the dead were 11 children, said state police spokesman Ade Bello, who gave no details.',
    );
    expect(f).toMatchObject({ countText: '11', attributedTo: 'state police spokesman Ade Bello' });
  });

  it('attributes through "attributed N deaths to"', () => {
    const [f] = figures(
      'Police said the road was closed. The road agency has attributed 1,531 deaths to truck crashes.',
    );
    expect(f).toMatchObject({ countText: '1,531', kind: 'killed', attributedTo: 'The road agency' });
  });
});

describe('partitives: "N of the M people"', () => {
  const shown = (text: string) =>
    figures(text).map((f) => [f.countText, f.kind, f.who, f.attributedTo, f.partOf]);

  it('counts the N harmed, not the M they were taken from', () => {
    expect(shown('Nine of the 450 workers underground were hurt.')).toEqual([
      ['Nine', 'injured', 'workers', null, null],
    ]);
    expect(shown('Two of the 12 crew members died, the airline said.')).toEqual([
      ['Two', 'killed', 'crew members', 'the airline', null],
    ]);
    expect(shown('Police said 14 of the 63 miners pulled out alive had been taken to hospital.')).toEqual([
      ['14', 'injured', 'miners', 'Police', null],
    ]);
  });

  it('counts a group defined by its harm, not the part of it that has since left it', () => {
    expect(
      shown(
        'Police spokesman Alabo Alfred said five of the 30 people taken to hospital had been discharged.',
      ),
    ).toEqual([['30', 'injured', 'people', 'Police spokesman Alabo Alfred', null]]);
    expect(
      shown('A community leader said 40 women had been abducted. Twelve of them escaped on Monday.').map(
        (f) => f[0],
      ),
    ).toEqual(['40']);
  });

  it('shows nothing when the group was only counted, not harmed', () => {
    expect(figures('Rescuers said 87 of the 112 workers on the shift had been accounted for.')).toEqual([]);
  });

  it('makes a group named by its harm the total the N belong to', () => {
    expect(shown('Three of the 15 people killed were children, the governor said.')).toEqual([
      ['15', 'killed', 'people', 'the governor', null],
      ['Three', 'killed', 'children', 'the governor', 0],
    ]);
  });

  it('links "Of the 150 arrested, 30 were minors" and "of whom 17 were children" to their totals', () => {
    expect(
      shown(
        'French police arrested 150 people on Thursday, Interior Minister Gerald Darmanin said. ' +
          "Of the 150 arrested, 30 were minors, according to the Paris prosecutor's office.",
      ),
    ).toEqual([
      ['150', 'detained', 'people', 'Interior Minister Gerald Darmanin', null],
      ['30', 'detained', 'minors', "the Paris prosecutor's office", 0],
    ]);
    expect(
      shown('A tanker explosion killed 98 people, of whom 17 were children, and injured 70, officials said.'),
    ).toEqual([
      ['98', 'killed', 'people', 'officials', null],
      ['17', 'killed', 'children', 'officials', 0],
      ['70', 'injured', null, 'officials', null],
    ]);
  });
});

describe('counts of people who were not harmed', () => {
  it('shows no figure for "none of the 40", "no one", "nobody" or "were not hurt"', () => {
    const text =
      'None of the 40 passengers aboard the plane were hurt, airport officials said. No one was hurt in the ' +
      'second blast. Nobody was killed when gunmen attacked a second village. Twelve guards were not injured. ' +
      'Some 30 passengers were on board and none was hurt.';
    expect(figures(text)).toEqual([]);
  });

  it('does not count people first reported dead who were found alive, but keeps the revised toll', () => {
    expect(
      brief(
        'The toll was later revised down to 14 after three people initially reported dead were found alive, ' +
          'Syniehubov said.',
      ).map((f) => [f.countText, f.kind]),
    ).toEqual([['14', 'killed']]);
    expect(
      brief(
        'The spokesman said four people initially listed among the dead were found alive in a monastery.',
      ),
    ).toEqual([]);
  });
});

describe('earlier tolls', () => {
  it('keeps "up from" / "earlier estimate of" in the count so it never reads as a current toll', () => {
    expect(
      figures(
        'The death toll from floods rose to 112 on Tuesday, up from 87 a day earlier, the authority said. ' +
          'Typhoon Kai killed 20 to 30 people, the agency said, revising down its earlier estimate of 45.',
      ).map((f) => [f.countText, f.min, f.max, f.kind]),
    ).toEqual([
      ['112', 112, 112, 'killed'],
      ['up from 87', 87, 87, 'killed'],
      ['20 to 30', 20, 30, 'killed'],
      ['earlier estimate of 45', 45, 45, 'killed'],
    ]);
  });

  it('drops an earlier count that has no wording of its own ("climbed to 63 from 51", "rose from 72 to 129")', () => {
    expect(
      brief('The death toll climbed to 63 from 51, Health Minister Firass Abiad told Reuters.').map(
        (f) => f.countText,
      ),
    ).toEqual(['63']);
    expect(brief('The death toll rose from 72 to 129 on Sunday.').map((f) => f.countText)).toEqual(['129']);
  });
});

describe('totals with a list between the count and the verb', () => {
  it('reads "At least 12 people, including three children and a police officer, were killed"', () => {
    expect(
      figures(
        'KHARTOUM (AP) - At least 12 people, including three children and a police officer, were killed in ' +
          'clashes on Saturday, medics said.',
      ).map((f) => [f.countText, f.min, f.max, f.kind, f.who, f.attributedTo, f.partOf]),
    ).toEqual([
      ['At least 12', 12, null, 'killed', 'people', 'medics', null],
      ['three', 3, 3, 'killed', 'children', 'medics', 0],
    ]);
  });

  it('reads "among them" lists and "most of them" asides the same way', () => {
    expect(
      brief(
        'At least 34 people, among them four children and a local chief, have been killed since Saturday. ' +
          'Nearly 300 people, most of them young men, were arrested last month.',
      ).map((f) => [f.countText, f.kind, f.partOf]),
    ).toEqual([
      ['At least 34', 'killed', null],
      ['four', 'killed', 0],
      ['Nearly 300', 'detained', null],
    ]);
  });

  it('reads "killed a family of five"', () => {
    expect(
      brief("An Israeli strike killed a family of five in southern Lebanon, Lebanon's health ministry said."),
    ).toEqual([{ countText: 'five', kind: 'killed', who: null, partOf: null }]);
  });
});

describe('attribution', () => {
  it('keeps an unnamed source as described, never null', () => {
    expect(
      figures(
        'A government official, speaking on condition of anonymity, said 12 police officers were hurt. ' +
          'A dozen people were abducted, a local official who asked not to be named said.',
      ).map((f) => [f.countText, f.attributedTo]),
    ).toEqual([
      ['12', 'A government official'],
      ['A dozen', 'a local official'],
    ]);
  });

  it('inherits the previous sentence’s source only for a sentence that continues it', () => {
    expect(
      figures(
        "The agency's spokesperson said five people were killed. Two soldiers who were helping in the rescue " +
          'drowned. Police said 10 people were detained. Two others were detained later.',
      ).map((f) => [f.countText, f.attributedTo]),
    ).toEqual([
      ['five', "The agency's spokesperson"],
      ['Two', null],
      ['10', 'Police'],
      ['Two', 'Police'],
    ]);
  });

  it('resolves "He said" to an unnamed source and "It said" to the organisation', () => {
    expect(
      figures(
        'Bombs fell on the village, according to a resident who asked not to be named. He said he had helped ' +
          'to bury 56 bodies. Typhoon Kai killed 20 people, the disaster agency said. It said 6 others were missing.',
      ).map((f) => [f.countText, f.attributedTo]),
    ).toEqual([
      ['56', 'a resident'],
      ['20', 'the disaster agency'],
      ['6', 'the disaster agency'],
    ]);
  });
});

describe('a rival count put "at" a number', () => {
  it('gives "put the number at about 800" the harm of the count it answers', () => {
    expect(
      figures(
        'Amnesty International said more than 1,300 people had been killed in Plateau in the past year, while ' +
          'the state government put the number at about 800.',
      ).map((f) => [f.countText, f.kind, f.attributedTo]),
    ).toEqual([
      ['more than 1,300', 'killed', 'Amnesty International'],
      ['about 800', 'killed', 'the state government'],
    ]);
  });
});

describe('approximate counts', () => {
  it('reads "Nearly 100" as at most 100 and "closer to 200" as about 200, never exact', () => {
    const out = figures(
      'Nearly 100 people have died of heatstroke, an official said. Residents said the toll was closer to 200.',
    );
    expect(out.map((f) => [f.countText, f.min, f.max, f.qualifier])).toEqual([
      ['Nearly 100', null, 100, 'about'],
      ['closer to 200', 200, 200, 'about'],
    ]);
  });
});

describe('denied, false and rumoured counts', () => {
  const counts = (text: string) => figures(text).map((f) => [f.countText, f.kind, f.attributedTo]);

  it('shows no toll that a party denies, calls untrue or has no evidence of', () => {
    expect(
      counts(
        'Kenyan police denied that 20 people were killed when officers broke up the protest. ' +
          'Rumors that 100 people had died were untrue, police spokeswoman Resila Onyango said. ' +
          'Officials dismissed claims that 50 people had died at a second rally in Mombasa. ' +
          'The ministry said it had no evidence that 40 civilians were killed. ' +
          'Police said reports that 25 people were killed were false. ' +
          'The army denied killing 18 civilians in the raid.',
      ),
    ).toEqual([]);
  });

  it('keeps the count the denying party states instead, credited to it', () => {
    expect(
      counts(
        'Kenyan police denied that 20 people were killed, saying only two protesters had died. ' +
          'The army denied that its forces killed civilians, but health officials said 30 were killed.',
      ),
    ).toEqual([
      ['two', 'killed', 'Kenyan police'],
      ['30', 'killed', 'health officials'],
    ]);
  });

  it('reads denials of a figure, a toll called exaggerated, "no truth to reports" and rumours on social media', () => {
    expect(
      counts(
        'Police denied reports of 20 deaths at the rally. The army rejected the figure of 300 dead given by ' +
          'activists. The government called the toll of 500 exaggerated. A spokesman said there was no truth to ' +
          'reports that 50 people had died. Rumours circulated on social media that 100 people had died, but ' +
          'police said 12 were killed.',
      ),
    ).toEqual([['12', 'killed', 'police']]);
  });

  it('shows no toll from claims or posts called false, however they are described', () => {
    expect(
      counts(
        'Claims circulating online that 12 people had died in a stampede at a relief camp were untrue, the ' +
          'ministry said. Social media posts claiming 200 were dead are fake, the governor said. Videos shared ' +
          'widely on Sunday showing 40 bodies were fabricated, the army said.',
      ),
    ).toEqual([]);
    // what is only being looked into is still what the source reported
    expect(counts('Police said posts claiming 12 people had died were being investigated.')).toHaveLength(1);
  });

  it('keeps a count that is called accurate, not false, and one another party disputes afterwards', () => {
    expect(
      counts(
        'Officials said reports that 20 people were killed were accurate. The toll of 50 was not exaggerated, ' +
          'the monitor said. Opposition leader Nika Gvaramia said more than 150 demonstrators had been hurt, a ' +
          'figure the ministry disputed.',
      ),
    ).toEqual([
      ['20', 'killed', 'Officials'],
      ['50', 'killed', 'the monitor'],
      ['more than 150', 'injured', 'Opposition leader Nika Gvaramia'],
    ]);
  });
});

describe('a share of a group', () => {
  it('never gives the group size as the toll when only a fraction of it was harmed', () => {
    expect(
      brief(
        'Half of the 40 passengers were killed, police said. About a third of the 90 people on board died, ' +
          'the airline said. Most of the 300 workers were evacuated, and 12 were killed, the company said.',
      ).map((f) => [f.countText, f.kind]),
    ).toEqual([['12', 'killed']]);
  });

  it('keeps the group when it is named by its harm, and all of a group', () => {
    expect(
      brief(
        'Half of the 40 people killed were children, police said. All of the 12 passengers were killed, the airline said.',
      ).map((f) => [f.countText, f.kind]),
    ).toEqual([
      ['40', 'killed'],
      ['12', 'killed'],
    ]);
  });
});

describe('revised tolls', () => {
  const texts = (text: string) => figures(text).map((f) => f.countText);

  it('finds the current toll and never shows the old one as a bare count', () => {
    expect(
      texts(
        'Indonesian authorities revised the death toll from the eruption of Mount Marapi down to 11 from 14 after ' +
          'three climbers who had been reported dead were found alive.',
      ),
    ).toEqual(['11']);
    expect(texts('The toll, initially put at 20, rose to 35 on Tuesday, officials said.')).toEqual([
      'initially put at 20',
      '35',
    ]);
    expect(
      texts(
        "The death toll from Sunday's explosion at the fireworks warehouse in the port city rose to 54, from 31, officials said.",
      ),
    ).toEqual(['54']);
    expect(
      texts(
        'The number of people killed in the floods across three provinces climbed to 54 from 31, officials said.',
      ),
    ).toEqual(['54']);
    expect(
      texts(
        "Officials lowered the death toll from the bridge collapse in the capital's northern suburbs to 9, from 12 reported earlier.",
      ),
    ).toEqual(['9']);
    expect(
      texts('The ministry revised its count of the dead from 45 to 32 after some bodies were counted twice.'),
    ).toEqual(['32']);
    expect(texts('The toll had climbed to 54 by Tuesday from 31 on Monday, officials said.')).toEqual(['54']);
    expect(texts('The toll rose from 31 on Monday to 54 on Tuesday, officials said.')).toEqual(['54']);
    expect(texts('Officials revised the toll to 32; it had earlier stood at 45.')).toEqual([
      '32',
      'earlier stood at 45',
    ]);
  });
});

describe('who the victims were', () => {
  it('reads the people wire copy counts, not only a fixed list', () => {
    expect(
      brief(
        'The stampede killed 12 fans, police said. A bomb killed 13 U.S. service members and wounded 18 Marines. ' +
          'The avalanche killed four hikers and injured two skiers. Seven crew were missing after the trawler sank. ' +
          'At least 20 worshipers died when the roof collapsed. Two jets collided, killing one pilot. ' +
          'Twelve climbers remained missing. Six guards had been taken hostage. Gunmen took 20 students hostage.',
      ).map((f) => [f.countText, f.kind, f.who]),
    ).toEqual([
      ['12', 'killed', 'fans'],
      ['13', 'killed', 'U.S. service members'],
      ['18', 'injured', 'Marines'],
      ['four', 'killed', 'hikers'],
      ['two', 'injured', 'skiers'],
      ['Seven', 'missing', 'crew'],
      ['At least 20', 'killed', 'worshipers'],
      ['one', 'killed', 'pilot'],
      ['Twelve', 'missing', 'climbers'],
      ['Six', 'detained', 'guards'],
      ['20', 'detained', 'students'],
    ]);
  });

  it('reads a list of counts of people as sharing one verb', () => {
    expect(
      brief(
        'The crash injured 9 spectators, 4 shoppers and 12 commuters. Twenty inmates, 5 detainees and 30 refugees ' +
          'were hurt. The floods killed 14 people in Valencia and 3 in Albacete. The quake killed 12 people, 40 ' +
          'others were injured.',
      ).map((f) => [f.countText, f.kind]),
    ).toEqual([
      ['9', 'injured'],
      ['4', 'injured'],
      ['12', 'injured'],
      ['Twenty', 'injured'],
      ['5', 'injured'],
      ['30', 'injured'],
      ['14', 'killed'],
      ['3', 'killed'],
      ['12', 'killed'],
      ['40', 'injured'],
    ]);
  });

  it('never counts those who did the harm as its victims', () => {
    expect(
      brief(
        'Two gunmen killed 30 people at a market. Three attackers wounded 12 others. Two soldiers killed in the ' +
          'blast were buried on Friday.',
      ).map((f) => [f.countText, f.kind, f.who]),
    ).toEqual([
      ['30', 'killed', 'people'],
      ['12', 'injured', 'others'],
      ['Two', 'killed', 'soldiers'],
    ]);
  });

  it('still takes no things, animals or custom for people', () => {
    expect(
      figures(
        'The fire killed 300 cattle and 12 tigers. Three boats were missing and 12 buildings were evacuated. ' +
          'Hackers infected 300 computers. The outage affected 2 million customers. The airline cancelled 40 flights. ' +
          'Staff were treating up to 60 patients a day at the clinic.',
      ),
    ).toEqual([]);
  });
});

describe('parts of a total', () => {
  it('links a part only to a total of the same harm that is no smaller', () => {
    expect(
      brief(
        'Of the 75 climbers who started the trek, 52 had been evacuated, Malik said, eight of whom were taken to ' +
          'hospitals with burns. There were 123 workers in the shaft, and 110 of them made it to the surface.',
      ),
    ).toEqual([
      { countText: '52', kind: 'displaced', who: null, partOf: null },
      { countText: 'eight', kind: 'injured', who: null, partOf: null },
    ]);
  });

  it('gives a part in the next sentence its total’s source', () => {
    expect(
      figures(
        'The strike killed 30 people, the ministry said. Six children and six women were among the dead.',
      ).map((f) => [f.countText, f.attributedTo, f.partOf]),
    ).toEqual([
      ['30', 'the ministry', null],
      ['Six', 'the ministry', 0],
      ['six', 'the ministry', 0],
    ]);
  });

  it('reads "Among the injured were", "all of the dead …, among them" and a list that adds up to the total', () => {
    expect(
      brief(
        'A stampede killed 30 people and injured 60, police said. Among the injured were two dozen women, he said. ' +
          'The Houthis said all of the dead were civilians, among them three children. ' +
          'Divers recovered 28 bodies from the river: 27 from the plane and one from the helicopter.',
      ).map((f) => [f.countText, f.kind, f.partOf]),
    ).toEqual([
      ['30', 'killed', null],
      ['60', 'injured', null],
      ['two dozen', 'injured', 1],
      ['three', 'killed', 0],
      ['28', 'killed', null],
      ['27', 'killed', 4],
      ['one', 'killed', 4],
    ]);
  });

  it('links "among the dead" to the day’s toll, not the running total it brings the war to', () => {
    expect(
      brief(
        'At least 40 people were killed in Gaza on Tuesday, bringing the toll from the war to 43,000, the ministry ' +
          'said. Among the dead were 12 children.',
      ).map((f) => [f.countText, f.partOf]),
    ).toEqual([
      ['At least 40', null],
      ['43,000', null],
      ['12', 0],
    ]);
  });

  it('counts no victims that were only identified, and links "among the dead" to the story’s toll', () => {
    expect(
      brief(
        'More than 100 people have died of heatstroke across India, according to a tally. Uttar Pradesh alone ' +
          'reported 54 deaths. Police said 25 of the dead had been identified. Some 33 polling staff were among the dead.',
      ).map((f) => [f.countText, f.partOf]),
    ).toEqual([
      ['More than 100', null],
      ['54', null],
      ['Some 33', 0],
    ]);
  });
});

describe('counts named by a noun of their own', () => {
  it('reads road deaths, outbreak cases, patients treated and people in intensive care', () => {
    // Treated after a crash, the patients are hurt; in a measles outbreak they are sick (affected), not injured.
    const treated =
      'Dr. Ron Cook said two other children were in intensive care. He said the hospital had treated 20 patients ' +
      'since February and that 16 of them had since been sent home.';
    expect(
      brief(`Peru recorded 3,138 road deaths in 2023.\n\nA bus crash shook the town. ${treated}`).map((f) => [
        f.countText,
        f.kind,
      ]),
    ).toEqual([
      ['3,138', 'killed'],
      ['two', 'injured'],
      ['20', 'injured'],
    ]);
    expect(
      brief(`The measles outbreak has grown to 159 cases since late January. ${treated}`).map((f) => [
        f.countText,
        f.kind,
      ]),
    ).toEqual([
      ['159', 'affected'],
      ['two', 'affected'],
      ['20', 'affected'],
    ]);
  });
});

describe('harm told in the words of treatment', () => {
  const kinds = (text: string) =>
    brief(text).map((f) => [f.countText, f.kind, f.partOf] as [string, string, number | null]);

  it('counts people sent or taken to hospital, treated in hospitals or still in hospital as injured', () => {
    expect(
      kinds(
        'A leak of ammonia killed two workers and sent more than 400 people to hospitals with breathing ' +
          'difficulties, officials said. Rescuers brought two more men to the surface alive in the early afternoon ' +
          'and took them to a hospital in nearby Ubate with burns and broken bones, said Hernan Rojas.',
      ),
    ).toEqual([
      ['two', 'killed', null],
      ['more than 400', 'injured', null],
      ['two', 'injured', null],
    ]);
  });

  it('keeps a count of hospitals out, and its part "11 of them in serious condition" under the total', () => {
    expect(
      kinds(
        'Sixty-four people were being treated in three hospitals, 11 of them in serious condition, said Teresa ' +
          'Domingos, a spokeswoman for the ministry.',
      ),
    ).toEqual([
      ['Sixty-four', 'injured', null],
      ['11', 'injured', 0],
    ]);
  });

  it('nests "Of the 412 people treated, 37 remained in hospital …, including six in intensive care"', () => {
    expect(
      kinds(
        'Of the 412 people treated, 37 remained in hospital on Sunday evening, including six in intensive care, ' +
          'per a bulletin issued by Bharuch Civil Hospital.',
      ),
    ).toEqual([
      ['412', 'injured', null],
      ['37', 'injured', 0],
      ['six', 'injured', 1],
    ]);
    // Those sent home have left the harm; the group treated is still a count of the hurt.
    expect(kinds('Of the 200 people treated, 150 were sent home, a doctor said.')).toEqual([
      ['200', 'injured', null],
    ]);
  });

  it('reads patients admitted with an illness, "injured dozens more" and a part that later died', () => {
    expect(
      kinds(
        'An explosion at a depot killed 12 people on Wednesday and injured dozens more, officials said. The bomb ' +
          'wounded 40 people, of whom 5 later died, doctors said. Police arrested 50 people, of whom 10 were ' +
          'later released, a spokesman said.',
      ),
    ).toEqual([
      ['12', 'killed', null],
      ['dozens', 'injured', null],
      ['40', 'injured', null],
      ['5', 'killed', null],
      ['50', 'detained', null],
    ]);
  });

  it('reads people given hospital treatment, and no count given "each"', () => {
    expect(kinds('At least 40 people needed hospital treatment after the crash, police said.')).toEqual([
      ['At least 40', 'injured', null],
    ]);
    expect(kinds('Two of the three hospitals were treating 50 patients each, officials said.')).toEqual([]);
  });
});

describe('harm told in the words of shelter and flight', () => {
  const kinds = (text: string) => brief(text).map((f) => [f.countText, f.kind]);

  it('reads evacuated people whose origin comes between the count and the verb', () => {
    expect(
      kinds(
        'About 5,000 residents of three villages within 3 km (2 miles) of the plant were evacuated to schools and ' +
          'a temple before dawn, Mehta said.',
      ),
    ).toEqual([['About 5,000', 'displaced']]);
  });

  it('reads families moved to schools and tents and their restatement, not "two others" villages', () => {
    expect(
      kinds(
        'More than 300 families, or nearly 1,500 people, from the village of Ghatbesi and two others nearby were ' +
          'moved to schools and tents on safer ground, said Krishna Bahadur Thapa.',
      ),
    ).toEqual([
      ['More than 300', 'displaced'],
      ['nearly 1,500', 'displaced'],
    ]);
  });

  it('reads lost homes, sought shelter, forced to flee and refugees crossing a border', () => {
    expect(
      kinds(
        'The authority said 42 others were missing and more than 1,200 families had lost their homes. The United ' +
          'Nations says about 35,000 people from surrounding villages have sought shelter inside the town. The ' +
          'flood forced 3,000 people to flee their homes, officials said. More than 700,000 Sudanese refugees have ' +
          'crossed into eastern Chad since the war began, according to the U.N. refugee agency.',
      ),
    ).toEqual([
      ['42', 'missing'],
      ['more than 1,200', 'displaced'],
      ['about 35,000', 'displaced'],
      ['3,000', 'displaced'],
      ['More than 700,000', 'displaced'],
    ]);
  });

  it('does not count refugees settled long ago, arrivals per day or people moved for work', () => {
    expect(
      kinds(
        'The 300 refugees who arrived last year have found jobs, the mayor said. Officials said 40 refugees were ' +
          'registered at the border post every day. The company said it would move 300 employees to its new ' +
          'headquarters in Berlin. About 2,900 workers will be relocated to other plants, the union said.',
      ),
    ).toEqual([]);
  });

  it('reads residents told to leave their homes, and keeps "two others" people beside a checkpoint', () => {
    expect(
      kinds(
        'About 2,000 residents of the Ijegun neighbourhood were told to leave their homes, residents said. A ' +
          'suicide bomber killed 3 soldiers at the checkpoint and two others, the army said.',
      ),
    ).toEqual([
      ['About 2,000', 'displaced'],
      ['3', 'killed'],
      ['two', 'killed'],
    ]);
  });
});

describe('outbreak cases and the sick', () => {
  const kinds = (text: string) =>
    brief(text).map((f) => [f.countText, f.kind, f.partOf] as [string, string, number | null]);

  it('reads suspected cases "of which" some were confirmed, and the earlier count of cases', () => {
    expect(
      kinds(
        'A measles outbreak in eastern Chad has killed 48 children, the WHO said. The WHO said 3,412 suspected ' +
          'cases had been recorded in Ouaddai province, of which 611 had been confirmed by laboratory tests, up ' +
          'from about 1,900 suspected cases a month earlier.',
      ),
    ).toEqual([
      ['48', 'killed', null],
      ['3,412', 'affected', null],
      ['611', 'affected', 1],
      ['up from about 1,900', 'affected', null],
    ]);
  });

  it('counts admissions in an outbreak as affected, and a part that died as killed', () => {
    expect(
      kinds(
        'A measles outbreak in camps for refugees has killed 48 children since January.\n\nIdriss said the ward ' +
          'had admitted 1,240 children since February, of whom 210 had severe complications. The outbreak has ' +
          'infected at least 1,800 people, of whom 90 have died.',
      ),
    ).toEqual([
      ['48', 'killed', null],
      ['1,240', 'affected', null],
      ['210', 'affected', 1],
      ['at least 1,800', 'affected', null],
      ['90', 'killed', null],
    ]);
  });

  it('takes "of which" for things when the count before it is of things', () => {
    expect(kinds('Police killed 12 people in four raids, of which two took place at night.')).toEqual([
      ['12', 'killed', null],
    ]);
  });

  it('reads cases that rose to a number, cases named with their disease, and people who fell ill', () => {
    expect(
      kinds(
        'Cases rose to 2,300 on Monday in the cholera outbreak, the health ministry said. The ministry recorded ' +
          '4,100 suspected cholera cases and 62 deaths. More than 500 people have fallen ill with typhoid, doctors said.',
      ).map(([t, k]) => [t, k]),
    ).toEqual([
      ['2,300', 'affected'],
      ['4,100', 'affected'],
      ['62', 'killed'],
      ['More than 500', 'affected'],
    ]);
  });
});

describe('hostages and military euphemisms', () => {
  const kinds = (text: string) => brief(text).map((f) => [f.countText, f.kind]);

  it('reads people held hostage, taken into custody or seized as detained', () => {
    expect(
      kinds(
        'Inmates were holding at least 57 guards and administrative workers hostage on Tuesday, the agency said. ' +
          'Police took 14 people into custody, a spokesman said. Gunmen seized 40 passengers from a bus, police said. ' +
          'The militants had also taken 12 civilians from a nearby village hostage, an official said.',
      ),
    ).toEqual([
      ['at least 57', 'detained'],
      ['14', 'detained'],
      ['40', 'detained'],
      ['12', 'detained'],
    ]);
  });

  it('reads armed men "neutralised" or "eliminated" as killed, and the negation of another clause as no cancel', () => {
    expect(
      kinds(
        'The general staff said a strike had "neutralised around 15 terrorists" at a meeting. The army said 18 ' +
          'insurgents had been neutralised. The army said its aircraft had struck a command post and killed 12 ' +
          'fighters, and that no civilians had been harmed.',
      ),
    ).toEqual([
      ['around 15', 'killed'],
      ['18', 'killed'],
      ['12', 'killed'],
    ]);
  });

  it('does not read sport or squads as euphemisms', () => {
    expect(kinds('The coach eliminated 3 players from the squad before the final.')).toEqual([]);
  });
});

describe('revised tolls worded "rose to N … up from M"', () => {
  const kinds = (text: string) => brief(text).map((f) => [f.countText, f.kind]);

  it('reads the current toll of "the number of miners killed" and the earlier toll it replaced', () => {
    expect(
      kinds(
        'The number of miners killed in an explosion and collapse at an underground coal mine in central Colombia ' +
          'rose to nine on Wednesday, up from five announced in the morning, the national mining agency said.',
      ),
    ).toEqual([
      ['nine', 'killed'],
      ['up from five', 'killed'],
    ]);
  });

  it('gives an earlier toll the harm of the nearest toll that can have risen from it, never a vague one', () => {
    expect(
      kinds(
        'At least 21 people were killed, among them eight children, and dozens were injured in a crush at a ' +
          'stadium on Saturday, the health ministry said, up from 17 given by police in the afternoon.',
      ),
    ).toEqual([
      ['At least 21', 'killed'],
      ['eight', 'killed'],
      ['dozens', 'injured'],
      ['up from 17', 'killed'],
    ]);
    expect(
      kinds('The toll of injured rose to 300, up from 240 reported in the morning, the ministry said.'),
    ).toEqual([
      ['300', 'injured'],
      ['up from 240', 'injured'],
    ]);
  });

  it('reads a count of the missing revised down from a number, and "who drowned"', () => {
    expect(
      kinds(
        'The number of missing was revised down from 52 after several villagers turned up in a neighbouring ' +
          'village, the police chief said. The number of migrants who drowned rose to 23, up from 17, the coast ' +
          'guard said.',
      ),
    ).toEqual([
      ['down from 52', 'missing'],
      ['23', 'killed'],
      ['up from 17', 'killed'],
    ]);
  });

  it('reads "wounded and 12 killed" and a second count whose noun is left out', () => {
    expect(
      kinds(
        "Spain's Health Ministry has confirmed 38 deaths directly caused by heat stroke, and Portugal's " +
          'Directorate-General of Health has reported 12. Sixty people were wounded and 12 killed, police said.',
      ),
    ).toEqual([
      ['38', 'killed'],
      ['12', 'killed'],
      ['Sixty', 'injured'],
      ['12', 'killed'],
    ]);
  });
});

describe('"one" before a group, and the dead "included"', () => {
  it('counts four members of one family once, and the children the dead included as part of the toll', () => {
    expect(
      brief(
        'A landslide killed at least nine people, police said. Among the dead were four members of one family, ' +
          'including a 3-month-old baby, Gurung said.',
      ).map((f) => [f.countText, f.kind, f.partOf]),
    ).toEqual([
      ['at least nine', 'killed', null],
      ['four', 'killed', 0],
    ]);
    expect(
      brief(
        'An air strike killed at least 34 people, the ministry said. The minister said the dead included two ' +
          'children who were being treated for malaria.',
      ).map((f) => [f.countText, f.kind, f.partOf]),
    ).toEqual([
      ['at least 34', 'killed', null],
      ['two', 'killed', 0],
    ]);
  });
});

describe('a count in quotation marks', () => {
  it('reads the verb before a quoted count', () => {
    expect(
      brief('The army said its air strikes had killed "hundreds" of RSF fighters.').map((f) => [
        f.countText,
        f.kind,
        f.who,
      ]),
    ).toEqual([['hundreds', 'killed', 'RSF fighters']]);
  });
});

describe('measurements, individuals, corrections and restatements are no tolls', () => {
  const kinds = (text: string) =>
    brief(text).map((f) => [f.countText, f.kind, f.partOf] as [string, string, number | null]);

  it('never reads a height, distance, speed, temperature, time or price as a toll, whatever cue is near', () => {
    expect(
      kinds(
        'The toll stands at five, according to police, who raised it, up from three, when rescue teams reached a ' +
          'hut at 2,759 metres. The toll rose to nine after the bus fell at 5,000 feet. The toll reached 14 as ' +
          'winds hit 120 km/h and temperatures 45 degrees. The toll stood at 30 after 12 hours of rain. The death ' +
          'toll was put at 40, with pouches sold at 20 rupees each.',
      ),
    ).toEqual([
      ['five', 'killed', null],
      ['up from three', 'killed', null],
      ['nine', 'killed', null],
      ['14', 'killed', null],
      ['30', 'killed', null],
      ['40', 'killed', null],
    ]);
  });

  it('gives a toll only the count of its own clause, not a number in a later clause', () => {
    expect(
      kinds(
        'The toll stands at five, according to police, who found the last bodies near a hut at an altitude of ' +
          '2,759. The toll stands at six, police said, up from three, when rescuers reached a hut at 2,759. The ' +
          'death toll in Gaza rose to 54 and in the West Bank to 12, officials said.',
      ),
    ).toEqual([
      ['five', 'killed', null],
      ['six', 'killed', null],
      ['up from three', 'killed', null],
      ['54', 'killed', null],
      ['12', 'killed', null],
    ]);
  });

  it('reads "2m people" as two million, and gives no figure for a scale set apart ("2 m people")', () => {
    expect(kinds('Floods displaced 2 m people. A later flood displaced 2m people.')).toEqual([
      ['2m', 'displaced', null],
    ]);
  });

  it('reads "was one of the women who died" as a person picked out of a group, but "one of its activists had died" as a death', () => {
    expect(
      kinds(
        'The fire killed 17 workers, the fire service said. Rokeya’s cousin Shilpi, 19, was one of the women who ' +
          'died. Her brother is one of the injured.',
      ),
    ).toEqual([['17', 'killed', null]]);
    expect(kinds('The BNP said one of its activists had died after being beaten by police.')).toEqual([
      ['one', 'killed', null],
    ]);
  });

  it('shows no figure that a correction withdrew, and keeps the figure that replaced it', () => {
    expect(
      kinds(
        'Four people were killed, police said. An earlier version said five people had died, based on an initial ' +
          'police statement; police later said one victim first reported dead was alive. This story previously ' +
          'reported that 40 people were injured. An earlier version of this article said 12 people were detained; ' +
          'police said 9 people were detained.',
      ),
    ).toEqual([
      ['Four', 'killed', null],
      ['9', 'detained', null],
    ]);
  });

  it('shows a toll once when a later sentence refers back to it with "the"', () => {
    expect(
      kinds(
        'Nine more people died overnight, bringing the total to 34, the health department said. The district ' +
          'magistrate said the official toll of 34 was accurate. The health ministry said 11 people had been ' +
          'killed, four of them soldiers. The defence ministry said the four soldiers named by the health ' +
          'ministry were its only military dead.',
      ),
    ).toEqual([
      ['Nine', 'killed', null],
      ['34', 'killed', null],
      ['11', 'killed', null],
      ['four', 'killed', 2],
    ]);
  });

  it('keeps a group introduced with "the" when nothing before counted it', () => {
    expect(kinds('Doctors said the 30 people taken to hospital were in stable condition.')).toEqual([
      ['30', 'injured', null],
    ]);
  });
});

describe('parts that refer back to the people just counted', () => {
  const kinds = (text: string) =>
    brief(text).map((f) => [f.countText, f.kind, f.partOf] as [string, string, number | null]);

  it('makes "Four remain in critical condition" a part of the hurt counted just before', () => {
    expect(
      kinds(
        'At least 14 people were hurt, police said. Nine of the injured were taken to hospital, the ambulance ' +
          'service said. Four remain in critical condition, said a spokeswoman.',
      ),
    ).toEqual([
      ['At least 14', 'injured', null],
      ['Nine', 'injured', 0],
      ['Four', 'injured', 1],
    ]);
    expect(
      kinds(
        'A further 38 were hurt in the crush, the fire service said.\n\nThe hospital said six are in intensive care.',
      ),
    ).toEqual([
      ['38', 'injured', null],
      ['six', 'injured', 0],
    ]);
  });

  it('skips an aside ("six of them with gunshot wounds") when looking for the group', () => {
    expect(
      kinds(
        'At least nine people were hurt, six of them with gunshot wounds, the chief said. Two remain in critical ' +
          'condition at the medical center.',
      ),
    ).toEqual([
      ['At least nine', 'injured', null],
      ['six', 'injured', 0],
      ['Two', 'injured', 0],
    ]);
    const [, , two] = figures(
      'At least nine people were hurt, six of them with gunshot wounds, the chief said. Two remain in critical ' +
        'condition at the medical center.',
    );
    expect(two?.attributedTo).toBe('the chief');
  });

  it('makes no part of a count of another harm, another day, or a count that is not of people still hurt', () => {
    expect(
      kinds(
        'Twelve people were killed in the crash, police said. Three remain in critical condition. Thirty people ' +
          'were injured on Monday. Twenty were injured on Tuesday.',
      ),
    ).toEqual([
      ['Twelve', 'killed', null],
      ['Three', 'injured', null],
      ['Thirty', 'injured', null],
      ['Twenty', 'injured', null],
    ]);
  });

  it('makes "Two of the officers were taken to hospital" a part of the officers counted, across a paragraph', () => {
    expect(
      kinds(
        'Sixteen police officers were injured and 23 people arrested, police said.\n\nTwo of the officers were ' +
          'taken to hospital, the force said. Two of the protesters were taken to hospital too. Two of the ' +
          'officers have since died.',
      ),
    ).toEqual([
      ['Sixteen', 'injured', null],
      ['23', 'detained', null],
      ['Two', 'injured', 0],
      ['Two', 'injured', null],
      ['Two', 'killed', null],
    ]);
  });

  it('reads a second "of them" in a sentence as of the same people as the first', () => {
    expect(
      kinds(
        'The department said 112 people were being treated in hospitals. Nineteen of them were in intensive ' +
          'care, and 27 of them had reported blurred vision.',
      ),
    ).toEqual([
      ['112', 'injured', null],
      ['Nineteen', 'injured', 0],
      ['27', 'injured', 0],
    ]);
  });

  it('makes the counts of a list naming who a count of people were its parts', () => {
    expect(
      kinds(
        'Police have arrested three people, the factory’s production manager and two floor supervisors, police ' +
          'said. Gunmen killed five people, a teacher and four students, officials said.',
      ),
    ).toEqual([
      ['three', 'detained', null],
      ['two', 'detained', 0],
      ['five', 'killed', null],
      ['four', 'killed', 2],
    ]);
  });

  it('reads "Of the 34 dead, 22 were from one block and 12 from another" and a doctor’s patients', () => {
    expect(
      kinds(
        'Nine more people died, bringing the total to 34, officials said. Of the 34 dead, 22 were from Mashrakh ' +
          'block and 12 from the neighbouring Ishupur block.',
      ),
    ).toEqual([
      ['Nine', 'killed', null],
      ['34', 'killed', null],
      ['22', 'killed', 1],
      ['12', 'killed', 1],
    ]);
    expect(
      kinds(
        '"Of the 40 patients we received, fewer than ten arrived within the first six hours," said a doctor. Of ' +
          'the 300 people we received, 40 were children.',
      ),
    ).toEqual([
      ['40', 'injured', null],
      ['fewer than ten', 'injured', 0],
    ]);
  });
});

describe('poisoning', () => {
  const kinds = (text: string) =>
    brief(text).map((f) => [f.countText, f.kind, f.partOf] as [string, string, number | null]);

  it('counts people treated after toxic drink or food as affected, and those who breathed in gas as injured', () => {
    expect(
      kinds(
        'Nine more people died overnight after drinking toxic bootleg liquor, officials said. The department said ' +
          '112 people were being treated in hospitals. Nineteen of them were in intensive care, a hallmark of ' +
          'methanol poisoning.',
      ),
    ).toEqual([
      ['Nine', 'killed', null],
      ['112', 'affected', null],
      ['Nineteen', 'affected', 1],
    ]);
    expect(
      kinds(
        'Forty people who ate at a wedding were treated in hospital for food poisoning, doctors said. Thirty ' +
          'people were treated in hospital after inhaling gas from a leak. A drunk driver hit a bus, and 14 people ' +
          'were taken to hospital.',
      ),
    ).toEqual([
      ['Forty', 'affected', null],
      ['Thirty', 'injured', null],
      ['14', 'injured', null],
    ]);
    expect(
      kinds('Twelve people were treated in hospital after a brawl at a drinking den, police said.'),
    ).toEqual([['Twelve', 'injured', null]]);
  });
});

describe('running totals, flight, evacuations and claims', () => {
  const kinds = (text: string) =>
    brief(text).map((f) => [f.countText, f.kind, f.partOf] as [string, string, number | null]);

  it('gives "bringing the total to N" the harm just counted, and only a total that has grown', () => {
    expect(
      kinds(
        'Fishermen found a further eight bodies on a beach, bringing the total to 77, the ministry said. A further ' +
          'four people were arrested on Sunday, bringing the total to 27. Six people were killed, bringing the ' +
          'total number of flights cancelled to 300. Two more bodies were found, bringing the total to 1.',
      ),
    ).toEqual([
      ['eight', 'killed', null],
      ['77', 'killed', null],
      ['four', 'detained', null],
      ['27', 'detained', null],
      ['Six', 'killed', null],
      ['Two', 'killed', null],
    ]);
  });

  it('reads people forced to flee, evacuated "a total of", and the missing "down from" a number', () => {
    expect(
      kinds(
        'The flare-up forced more than 130,000 to flee. Authorities evacuated a total of 312,450 people from ' +
          '78,600 households. The committee’s figure for the missing is down from 30 on Monday night.',
      ),
    ).toEqual([
      ['more than 130,000', 'displaced', null],
      ['312,450', 'displaced', null],
      ['down from 30', 'missing', null],
    ]);
  });

  it('reads an army’s "neutralised" servicemen and a militant claim of "apostates" killed', () => {
    expect(
      kinds(
        'The defence ministry said its forces had "neutralised upwards of 30 Kyrgyz servicemen". The group said ' +
          'its fighter had killed "more than 40 apostates".',
      ),
    ).toEqual([
      ['upwards of 30', 'killed', null],
      ['more than 40', 'killed', null],
    ]);
  });
});

describe('sources carried on by quotations and continuations', () => {
  const sources = (text: string) => figures(text).map((f) => [f.countText, f.attributedTo]);

  it('keeps the source of a quotation introduced by "said:" through the paragraphs it runs over', () => {
    expect(
      sources(
        'In a statement issued on Tuesday, the National Steering Committee said:\n\n"The storm has left three ' +
          'people dead and injured 41 others. Local authorities evacuated 312,450 people.\n\n"Twenty-six ' +
          'fishermen remain missing at sea."\n\nTwo people were killed in the Philippines.',
      ),
    ).toEqual([
      ['three', 'the National Steering Committee'],
      ['41', 'the National Steering Committee'],
      ['312,450', 'the National Steering Committee'],
      ['Twenty-six', 'the National Steering Committee'],
      ['Two', null],
    ]);
    expect(
      sources(
        'The ministry said: "Twelve people were killed.\n\n"Thirty were injured."\n\nFour people were arrested.',
      ),
    ).toEqual([
      ['Twelve', 'The ministry'],
      ['Thirty', 'The ministry'],
      ['Four', null],
    ]);
  });

  it('gives a quotation that goes on after a quoted speaker that speaker, and "a further" the source of the part before it', () => {
    expect(
      sources(
        '"Methanol attacks the optic nerve," said Dr Sunita Kumari, who heads the medicine department. "Of the ' +
          '40 patients we received, fewer than ' +
          'ten arrived in time."',
      ),
    ).toEqual([
      ['40', 'Dr Sunita Kumari'],
      ['fewer than ten', 'Dr Sunita Kumari'],
    ]);
    expect(
      sources(
        'The fire claimed the lives of 17 workers, according to the fire service. Nine of them were women. A ' +
          'further 38 were hurt.',
      ),
    ).toEqual([
      ['17', 'the fire service'],
      ['Nine', 'the fire service'],
      ['38', 'the fire service'],
    ]);
  });
});
