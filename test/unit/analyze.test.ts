import * as fs from 'node:fs';
import * as path from 'node:path';
import { once } from 'node:events';
import { analyzeArticle } from '../../src/analyze';
import { normalizeForMatch } from '../../src/analyze/normalize';
import * as offlineModule from '../../src/analyze/offline';
import type { Findings } from '../../src/analysis';
import Ajv2020 from 'ajv/dist/2020';
import { FakeOpenAIServer } from '../fakes/openai-server';
import { articleFromText, seedArticle, SOHR_SENTENCE, SOHR_TOTAL_FROM_MODEL } from '../support/articles';

const seed = seedArticle({ title: 'Title' });

function verbatimFields(f: Findings): string[] {
  return [
    ...f.casualties.flatMap((c) => [c.quote, c.countText, c.attributedTo ?? c.quote]),
    ...f.contested.flatMap((c) => [c.claimant, c.disputedBy, ...c.quotes]),
    ...f.sourcing.map((n) => n.quote),
  ];
}

afterEach(() => jest.restoreAllMocks());

const validateAnalysis = new Ajv2020({ strict: false }).compile(
  JSON.parse(
    fs.readFileSync(path.resolve(process.cwd(), '../shared/analysis.schema.json'), 'utf8'),
  ) as object,
);
function expectValidAnalysis(result: Awaited<ReturnType<typeof analyzeArticle>>): void {
  const analysis = { url: seed.url, title: seed.title, ...result.findings, analyzer: result.analyzer };
  expect(validateAnalysis(analysis) ? [] : validateAnalysis.errors).toEqual([]);
}

describe('analyzeArticle without a model', () => {
  it('answers for the seed article with only verbatim, article-backed fields and a summary', async () => {
    const result = await analyzeArticle(seed, { offlineReason: 'no OPENAI_API_KEY' });
    const { findings, analyzer } = result;
    expectValidAnalysis(result);
    expect(analyzer).toMatchObject({ kind: 'offline', fallbackReason: 'no OPENAI_API_KEY', model: null });
    expect(findings.summary.length).toBeGreaterThan(0);
    const text = normalizeForMatch(seed.text);
    for (const field of verbatimFields(findings)) expect(text).toContain(normalizeForMatch(field));
  });

  it('drops and counts what the offline analyzer gets wrong too', async () => {
    jest.spyOn(offlineModule, 'analyzeOffline').mockReturnValue({
      summary: ['Russian strikes killed 300 civilians.'],
      casualties: [
        {
          countText: '300',
          min: 300,
          max: 300,
          qualifier: 'exact',
          kind: 'killed',
          who: null,
          attributedTo: null,
          partOf: null,
          quote: 'The strikes killed 300 civilians.',
        },
      ],
      contested: [],
      sourcing: [],
    });
    const { findings, analyzer } = await analyzeArticle(seed, {});
    expect(analyzer.droppedUngrounded).toBe(2);
    expect(findings.casualties).toEqual([]);
    // Never an empty reply: the article's own first sentence stands in.
    expect(findings.summary).toEqual(['US officials: Russia is not striking ISIS targets in Syria']);
  });

  it('still answers when the offline analyzer throws', async () => {
    jest.spyOn(offlineModule, 'analyzeOffline').mockImplementation(() => {
      throw new Error('boom');
    });
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { findings, analyzer } = await analyzeArticle(seed, { offlineReason: 'no OPENAI_API_KEY' });
    expect(analyzer.kind).toBe('offline');
    expect(findings.summary.length).toBe(1);
  });
});

describe('analyzeArticle with a model', () => {
  let server: FakeOpenAIServer;
  beforeEach(async () => {
    server = await FakeOpenAIServer.start();
  });
  afterEach(async () => {
    await server.close();
  });
  const llm = () => ({
    apiKey: 'sk-test',
    baseURL: server.baseURL,
    model: 'm',
    timeoutMs: 5_000,
    tokenBudget: 6_000,
  });

  it('adds figures the offline analyzer found and the model missed', async () => {
    const subset = {
      min: 6,
      max: 6,
      qualifier: 'exact' as const,
      kind: 'killed' as const,
      attributedTo: null,
      quote: SOHR_SENTENCE,
    };
    jest.spyOn(offlineModule, 'analyzeOffline').mockReturnValue({
      summary: [],
      casualties: [
        { ...subset, countText: '30', min: 30, max: 30, who: 'civilians', partOf: null },
        { ...subset, countText: 'six', who: 'children', partOf: 0 },
      ],
      contested: [],
      sourcing: [],
    });
    server.reply({
      type: 'completion',
      content: {
        summary: ['U.S. defense officials said the Russian strikes did not hit ISIS targets.'],
        casualties: [SOHR_TOTAL_FROM_MODEL],
        contested: [],
        sourcing: [],
      },
    });
    const result = await analyzeArticle(seed, { llm: llm() });
    const { findings, analyzer } = result;
    expectValidAnalysis(result);
    expect(analyzer.kind).toBe('llm');
    expect(findings.casualties.map((c) => [c.countText, c.who, c.attributedTo, c.partOf])).toEqual([
      ['30', 'civilians', 'the Syrian Observatory for Human Rights', null],
      ['six', 'children', null, 0],
    ]);
  });

  it('answers offline as soon as the caller cancels a call in flight', async () => {
    server.otherwise({ type: 'hang' });
    const controller = new AbortController();
    const pending = analyzeArticle(seed, { llm: llm(), signal: controller.signal });
    await once(server, 'request');
    controller.abort();
    const { analyzer } = await pending;
    expect(analyzer).toMatchObject({ kind: 'offline', fallbackReason: 'model unavailable: cancelled' });
  });

  it('sends a long article cut to the token budget, keeping the figures', async () => {
    const filler = 'Background paragraph about the region and its long history of conflict. '.repeat(30);
    const long = articleFromText([seed.text, ...Array.from({ length: 20 }, () => filler)].join('\n\n'));
    server.reply({
      type: 'completion',
      content: { summary: [], casualties: [], contested: [], sourcing: [] },
    });
    await analyzeArticle(long, { llm: { ...llm(), tokenBudget: 600 } });
    const user = server.requests[0]!.body.messages!.find((m) => m.role === 'user')!.content;
    expect(user).toContain(SOHR_SENTENCE);
    expect(user).not.toContain(filler.trim());
    expect(user).toMatch(/shortened/);
  });
});
