import * as fs from 'node:fs';
import * as path from 'node:path';
import { once } from 'node:events';
import { analyzeArticle } from '../../src/analyze';
import { normalizeForMatch } from '../../src/analyze/normalize';
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
    // The model gives only the total; the real offline analyzer also read the two parts of it.
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
    expect(findings.casualties.map((c) => [c.countText, c.who, c.partOf])).toEqual([
      ['30', 'civilians', null],
      ['six', 'children', 0],
      ['six', 'women', 0],
    ]);
    expect(findings.casualties[0]!.attributedTo).toBe('the Syrian Observatory for Human Rights');
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
