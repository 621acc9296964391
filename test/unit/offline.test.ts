import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { labelledArticle, loadAllLabelled } from '../../bench/analysis';
import type { Analysis } from '../../src/analysis';
import { parseCount } from '../../src/analyze/numbers';
import { analyzeOffline } from '../../src/analyze/offline';

const SHARED = path.resolve(process.cwd(), '../shared');
const seedText = readFileSync(path.join(SHARED, 'fixtures/thehill-russia-syria.txt'), 'utf8');
const seed = labelledArticle(seedText, 'https://thehill.com/policy/defense/255658', false);
const findings = analyzeOffline(seed);

describe('offline analyzer on the seed article (The Hill, Russia/Syria)', () => {
  it('finds exactly the 30 civilians killed, with six children and six women as parts of it', () => {
    expect(findings.casualties).toEqual([
      expect.objectContaining({
        countText: '30',
        min: 30,
        max: 30,
        qualifier: 'exact',
        kind: 'killed',
        who: 'civilians',
        attributedTo: 'the Syrian Observatory for Human Rights',
        partOf: null,
      }),
      expect.objectContaining({
        countText: 'six',
        min: 6,
        max: 6,
        kind: 'killed',
        who: 'children',
        partOf: 0,
      }),
      expect.objectContaining({ countText: 'six', min: 6, max: 6, kind: 'killed', who: 'women', partOf: 0 }),
    ]);
    const totals = findings.casualties.filter((f) => f.partOf === null).map((f) => f.min);
    expect(totals).toEqual([30]);
  });

  it('finds the contested claim: Russian officials say they hit ISIS, U.S. defense officials dispute it', () => {
    expect(findings.contested).toHaveLength(1);
    const [c] = findings.contested;
    expect(c).toMatchObject({ claimant: 'Russian officials', disputedBy: 'U.S. defense officials' });
    expect(c!.claim).toMatch(/ISIS targets in Idlib, Hama and Homs/);
    expect(c!.quotes.some((q) => q.includes('said that was untrue'))).toBe(true);
  });

  it('notes the anonymous official, the New York Times relay, the single-source 30 and the update stamp', () => {
    const byKind = (k: string) => findings.sourcing.filter((n) => n.kind === k);
    expect(byKind('anonymous_source').map((n) => n.quote)).toEqual([
      expect.stringContaining('told The Hill on background'),
    ]);
    expect(byKind('secondhand').map((n) => n.quote)).toEqual([
      expect.stringContaining('according to The New York Times'),
    ]);
    expect(byKind('single_source')).toEqual([
      expect.objectContaining({ quote: expect.stringContaining('killed 30 civilians') }),
    ]);
    expect(byKind('update').map((n) => n.quote)).toEqual([
      expect.stringContaining('Updated at 4:54 p.m. ET'),
    ]);
  });

  it('summarises in 3–5 clean sentences, keeping the death toll attributed', () => {
    expect(findings.summary.length).toBeGreaterThanOrEqual(3);
    expect(findings.summary.length).toBeLessThanOrEqual(5);
    expect(findings.summary.some((s) => /[{}]/.test(s))).toBe(false);
    for (const s of findings.summary.filter((x) => x.includes('30'))) {
      expect(s).toContain('Syrian Observatory for Human Rights');
    }
  });

  it('produces findings that validate against the shared Analysis schema', () => {
    const schema = JSON.parse(readFileSync(path.join(SHARED, 'analysis.schema.json'), 'utf8')) as object;
    const validate = new Ajv2020({ strict: false }).compile(schema);
    const analysis: Analysis = {
      url: seed.url,
      title: seed.title,
      ...findings,
      analyzer: { kind: 'offline' },
    };
    expect(validate.errors ?? []).toEqual([]);
    expect(validate(analysis)).toBe(true);
  });
});

describe('offline analyzer on a story about a denied toll', () => {
  const article = labelledArticle(
    [
      'Police deny reports of deaths at Nairobi protest',
      'NAIROBI, Kenya (AP) — Kenyan police denied that 20 people were killed when officers broke up an anti-tax ' +
        'protest outside parliament, saying only two protesters had died.',
      'Rumors that 100 people had died were untrue, police spokeswoman Resila Onyango said. The Kenya National ' +
        'Commission on Human Rights said it had recorded 13 deaths and 56 injuries.',
      'Officials dismissed claims that 50 people had died at a second rally in Mombasa.',
    ].join('\n\n'),
    'https://example.test/denial',
    true,
  );
  const out = analyzeOffline(article);

  it('shows none of the denied tolls, and keeps the counts the parties state', () => {
    expect(out.casualties.map((f) => [f.countText, f.kind, f.attributedTo])).toEqual([
      ['two', 'killed', 'Kenyan police'],
      ['13', 'killed', 'The Kenya National Commission on Human Rights'],
      ['56', 'injured', 'The Kenya National Commission on Human Rights'],
    ]);
  });

  it('never notes a denied toll as resting on the source who denied it', () => {
    for (const note of out.sourcing) expect(note.note).not.toMatch(/\b(?:20|50|100)\b/);
  });
});

describe('offline analyzer invariants on every labelled article', () => {
  const set = loadAllLabelled();

  it('has the labelled articles to check (the seed and at least 25 of our own)', () => {
    expect(set.length).toBeGreaterThanOrEqual(26);
  });

  it.each(set.map((a) => [a.name, a] as const))(
    '%s: every verbatim field is an exact substring of the text',
    (_n, a) => {
      const out = analyzeOffline(a.article);
      const verbatim: string[] = [
        ...out.summary,
        ...out.casualties.flatMap((f) => [f.countText, f.quote, f.attributedTo ?? '', f.who ?? '']),
        ...out.contested.flatMap((c) => [c.claimant, c.disputedBy, ...c.quotes]),
        ...out.sourcing.map((n) => n.quote),
      ];
      for (const v of verbatim) expect(a.article.text).toContain(v);
      for (const f of out.casualties) expect(f.quote).toContain(f.countText);
    },
  );

  it.each(set.map((a) => [a.name, a] as const))(
    '%s: bounds agree with parseCount and subsets point backwards',
    (_n, a) => {
      const out = analyzeOffline(a.article);
      out.casualties.forEach((f, i) => {
        expect(parseCount(f.countText)).toEqual({ min: f.min, max: f.max, qualifier: f.qualifier });
        if (f.partOf !== null) {
          expect(f.partOf).toBeLessThan(i);
          expect(out.casualties[f.partOf]!.partOf).not.toBe(i);
          // A part is of the same harm as its total and no larger than it.
          const total = out.casualties[f.partOf]!;
          expect(f.kind).toBe(total.kind);
          expect(f.min ?? f.max ?? 0).toBeLessThanOrEqual(total.max ?? Infinity);
        }
      });
    },
  );

  it('is deterministic', () => {
    for (const a of set) expect(analyzeOffline(a.article)).toEqual(analyzeOffline(a.article));
  });
});
