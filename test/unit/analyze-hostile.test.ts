import { analyzeArticle, type ArticleAnalysis } from '../../src/analyze';
import { groundFindings, groundingContext, type CandidateFindings } from '../../src/analyze/grounding';
import {
  MAX_ANALYZED_CHARS,
  MAX_ANALYZED_WORDS,
  MAX_SENTENCE_CHARS,
  TOO_LONG_REASON,
} from '../../src/analyze/limits';
import { mergeFindings } from '../../src/analyze/merge';
import { analyzeOffline } from '../../src/analyze/offline';
import { readablePart } from '../../src/analyze/readable';
import { articleFromText } from '../support/articles';
import {
  accordingToClauses,
  oneLongToken,
  ordinaryText,
  repeatedNames,
  sentenceOfNumbers,
  villageTolls,
} from '../support/hostile-articles';
import { finishes } from './finishes';

// Hostile articles through the real analyzer entry. The analyzer runs on the bot's main thread, so each must
// finish, and end in a sensible analysis. GUARD_MS is a failure guard, not a timing target: far above what these
// take when the analyzer is sound (`npm run bench:analysis` prints the timings), far below what they took when
// it was not (the village tolls took 8 minutes).
const GUARD_MS = 10_000;

/** analyzeArticle without a model does all its work before it returns, so the watchdog covers all of it. */
async function analyzeUnderGuard(text: string): Promise<ArticleAnalysis> {
  const article = articleFromText(text);
  let pending: Promise<ArticleAnalysis> | undefined;
  expect(finishes(() => (pending = analyzeArticle(article, {})), GUARD_MS)).toBe(true);
  return pending!;
}

/** What every analysis of an overlong article shares: it says it read only the beginning, and how much. */
function expectReadInPart(result: ArticleAnalysis): void {
  expect(result.partial).toEqual({ wordsRead: expect.any(Number), reason: TOO_LONG_REASON });
  expect(result.partial!.wordsRead).toBeLessThanOrEqual(MAX_ANALYZED_WORDS);
  expect(result.findings.summary.length).toBeGreaterThan(0);
  for (const f of result.findings.casualties) expect(f.quote.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
}

describe('the analyzer on hostile articles', () => {
  it('reads the village tolls of one 120 KB sentence up to the word cap, each attributed', async () => {
    const result = await analyzeUnderGuard(villageTolls());
    expectReadInPart(result);
    const { casualties } = result.findings;
    // Every village up to the cap is read, and none past it.
    expect(casualties.length).toBeGreaterThan(2500);
    expect(casualties.length).toBeLessThan(2999);
    casualties.forEach((f, i) => {
      expect(f).toMatchObject({ countText: String(i + 1), kind: 'killed', who: 'people', partOf: null });
      // "Officials said" opens the sentence: the figures in its later pieces are still theirs (truth rule 3).
      expect(f.attributedTo).toBe('Officials');
    });
    // A piece of the sentence is never a summary bullet on its own authority.
    for (const bullet of result.findings.summary) {
      expect(bullet === 'Hostile page' || bullet.startsWith('Officials said')).toBe(true);
    }
  });

  it('reads the first 20,000 words of 5 MB of ordinary reporting, as it reads a normal article', async () => {
    const result = await analyzeUnderGuard(ordinaryText());
    expectReadInPart(result);
    // Cut at a sentence end, so a little under the cap.
    expect(result.partial!.wordsRead).toBeGreaterThan(MAX_ANALYZED_WORDS - 100);
    expect(result.findings.casualties[0]).toMatchObject({
      countText: '30',
      who: 'civilians',
      attributedTo: 'the Syrian Observatory for Human Rights',
    });
    expect(result.findings.contested.length).toBeGreaterThan(0);
  });

  it('finds no figure in one 200 KB sentence of bare numbers', async () => {
    const result = await analyzeUnderGuard(sentenceOfNumbers());
    expectReadInPart(result);
    expect(result.findings.casualties).toEqual([]);
  });

  it("keeps each of thousands of 'according to' clauses with its own source", async () => {
    const result = await analyzeUnderGuard(accordingToClauses());
    expectReadInPart(result);
    const { casualties } = result.findings;
    expect(casualties.length).toBeGreaterThan(1000);
    expect(casualties[0]).toMatchObject({
      countText: '10',
      kind: 'killed',
      attributedTo: "the ministry's regional office number 0",
    });
    expect(casualties[100]!.attributedTo).toBe("the ministry's regional office number 100");
  });

  it("gets through runs of 'Abc Def Ghi …' after every attribution cue to the figures after them", async () => {
    const result = await analyzeUnderGuard(repeatedNames());
    expect(result.findings.casualties.map((f) => f.countText)).toEqual(['12', '5']);
  });

  it('reads the first 200,000 characters of a 5 MB word', async () => {
    const result = await analyzeUnderGuard(oneLongToken());
    expect(result.partial).toEqual({ wordsRead: 1, reason: TOO_LONG_REASON });
    expect(result.findings.summary[0]!.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
  });
});

describe("grounding a model's hostile reply", () => {
  it('checks thousands of items against a maximum-size article and merges them with the offline findings', () => {
    const article = readablePart(articleFromText(ordinaryText())).article;
    expect(article.text.length).toBeLessThanOrEqual(MAX_ANALYZED_CHARS);
    const ctx = groundingContext(article.text);
    const sentence = (i: number): string => ctx.sentences[(i * 7919) % ctx.sentences.length]!.text;
    const n = 3000;
    // Real sentences and sources the model repeats, sentences it invents, subsets pointing every which way.
    const reply: CandidateFindings = {
      summary: Array.from({ length: n }, (_, i) => (i % 2 ? sentence(i) : `Officials say ${i} people died.`)),
      casualties: Array.from({ length: n }, (_, i) => ({
        countText: String(i % 40),
        kind: 'killed',
        who: 'civilians',
        attributedTo: i % 3 ? 'the Syrian Observatory for Human Rights' : `Source ${i}`,
        partOf: i % 4 ? i - 1 : null,
        quote: i % 5 ? sentence(i) : `${sentence(i)} ${i}`,
      })),
      contested: Array.from({ length: n }, (_, i) => ({
        claim: 'Russia says it is striking ISIS',
        claimant: 'Russian officials',
        disputedBy: 'U.S. defense officials',
        quotes: Array.from({ length: 50 }, (_, k) => sentence(i + k)),
      })),
      sourcing: Array.from({ length: n }, (_, i) => ({
        kind: 'other',
        note: `note ${i}`,
        quote: sentence(i),
      })),
    };
    let merged = 0;
    expect(
      finishes(() => {
        const fromModel = groundFindings(reply, ctx).findings;
        const offline = groundFindings(analyzeOffline(article), ctx);
        merged = mergeFindings(fromModel, offline.findings).casualties.length;
      }, GUARD_MS),
    ).toBe(true);
    expect(merged).toBeGreaterThan(0);
  });
});
