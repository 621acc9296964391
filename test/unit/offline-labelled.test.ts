// Regression guard: the offline analyzer must keep its targets on the labelled articles (bench/analysis.ts
// prints the same figures with the misses listed).
import { loadAllLabelled, scoreLabelledSet } from '../../bench/analysis';

describe('offline analyzer on the tuning set', () => {
  const score = scoreLabelledSet();

  it('finds casualty figures with precision and recall of at least 0.90', () => {
    expect(score.figurePrecision).toBeGreaterThanOrEqual(0.9);
    expect(score.figureRecall).toBeGreaterThanOrEqual(0.9);
  });

  it('attributes at least 80% of the figures it matches to the right source', () => {
    expect(score.attributionAccuracy).toBeGreaterThanOrEqual(0.8);
  });

  it('finds contested claims with precision and recall of at least 0.75', () => {
    expect(score.contestedPrecision).toBeGreaterThanOrEqual(0.75);
    expect(score.contestedRecall).toBeGreaterThanOrEqual(0.75);
  });

  it('reports no casualty figure in the articles that have none', () => {
    for (const name of ['11-budget-economy', '12-sports-election', '13-no-figures-privacy']) {
      const a = score.articles.find((x) => x.name === name);
      expect(a?.figures.predicted).toBe(0);
    }
  });
});

describe('offline analyzer on every labelled article, including those written after tuning', () => {
  const score = scoreLabelledSet(loadAllLabelled());

  it('keeps figure precision and recall at 0.90 or better and attribution at 0.80 or better', () => {
    expect(score.articles.length).toBeGreaterThanOrEqual(34);
    expect(score.figurePrecision).toBeGreaterThanOrEqual(0.9);
    expect(score.figureRecall).toBeGreaterThanOrEqual(0.9);
    expect(score.attributionAccuracy).toBeGreaterThanOrEqual(0.8);
  });
});
