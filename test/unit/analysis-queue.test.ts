import type { Analysis } from '../../src/analysis';
import { AnalysisQueue, cacheKey, FALLBACK_TTL_MS } from '../../src/jobs/analysis-queue';
import { SqliteStore } from '../../src/store/sqlite-store';

const analysisFor = (url: string): Analysis => ({
  url,
  title: url,
  summary: ['s'],
  casualties: [],
  contested: [],
  sourcing: [],
  analyzer: { kind: 'offline' },
});

/** A pipeline stand-in whose runs finish only when the test says so. */
function controllableRun() {
  const started: string[] = [];
  const pending = new Map<string, Array<(a: Analysis) => void>>();
  let onStart: (() => void) | null = null;
  const run = (url: string) =>
    new Promise<Analysis>((resolve) => {
      started.push(url);
      pending.set(url, [...(pending.get(url) ?? []), resolve]);
      onStart?.();
    });
  const finish = (url: string) => pending.get(url)?.shift()?.(analysisFor(url));
  const nextStart = () => new Promise<void>((r) => (onStart = r));
  return { run, started, finish, nextStart };
}

describe('the analysis queue', () => {
  let store: SqliteStore;
  beforeEach(() => (store = new SqliteStore(':memory:')));
  afterEach(() => store.close());

  it('runs the pipeline once for the same link requested twice at once, and answers both', async () => {
    const c = controllableRun();
    const q = new AnalysisQueue(c.run, store, { concurrency: 4, perHost: 2, cacheTtlMs: 60_000 });
    const started = c.nextStart();
    const a = q.analyze('https://x.example/story');
    const b = q.analyze('https://x.example/story#comments');
    await started;
    c.finish('https://x.example/story');
    const [ra, rb] = await Promise.all([a, b]);
    expect(c.started).toEqual(['https://x.example/story']);
    expect(ra.analysis.title).toBe('https://x.example/story');
    expect(rb.shared).toBe(true);
    expect(rb.analysis.url).toBe('https://x.example/story#comments');
  });

  it('reuses an answer given while the model was down only briefly, then asks the model again', async () => {
    let clock = 1_000_000;
    const own = new SqliteStore(':memory:', { now: () => clock });
    const runs: string[] = [];
    const q = new AnalysisQueue(
      async (url) => {
        runs.push(url);
        const reason = runs.length === 1 ? 'model unavailable: timed out after 30 s' : null;
        return {
          ...analysisFor(url),
          analyzer: { kind: reason ? 'offline' : 'llm', fallbackReason: reason },
        };
      },
      own,
      { concurrency: 2, perHost: 2, cacheTtlMs: 60 * 60_000 },
    );
    const url = 'https://x.example/outage';
    expect((await q.analyze(url)).analysis.analyzer.kind).toBe('offline');
    clock += FALLBACK_TTL_MS - 1;
    expect((await q.analyze(url)).shared).toBe(true);
    clock += 2;
    expect((await q.analyze(url)).analysis.analyzer.kind).toBe('llm');
    // the model's answer is kept for the whole cache lifetime
    clock += 30 * 60_000;
    expect((await q.analyze(url)).analysis.analyzer.kind).toBe('llm');
    expect(runs).toHaveLength(2);
    own.close();
  });

  it('answers later requests from the cache', async () => {
    const c = controllableRun();
    const q = new AnalysisQueue(c.run, store, { concurrency: 4, perHost: 2, cacheTtlMs: 60_000 });
    const first = q.analyze('https://x.example/a');
    await new Promise(setImmediate);
    c.finish('https://x.example/a');
    await first;
    const again = await q.analyze('https://x.example/a');
    expect(again.shared).toBe(true);
    expect(c.started).toHaveLength(1);
  });

  it('does not cache failures: the next request tries again', async () => {
    let calls = 0;
    const q = new AnalysisQueue(
      async () => {
        calls++;
        throw new Error('site down');
      },
      store,
      { concurrency: 2, perHost: 2, cacheTtlMs: 60_000 },
    );
    await expect(q.analyze('https://x.example/a')).rejects.toThrow('site down');
    await expect(q.analyze('https://x.example/a')).rejects.toThrow('site down');
    expect(calls).toBe(2);
  });

  it('caps concurrent work per host while another host is served', async () => {
    const c = controllableRun();
    const q = new AnalysisQueue(c.run, store, { concurrency: 8, perHost: 2, cacheTtlMs: 0 });
    const slow = [1, 2, 3, 4].map((i) => q.analyze(`https://slow.example/${i}`));
    await new Promise(setImmediate);
    expect(c.started).toEqual(['https://slow.example/1', 'https://slow.example/2']);
    const fastStarted = c.nextStart();
    const fast = q.analyze('https://fast.example/x');
    await fastStarted;
    c.finish('https://fast.example/x');
    expect((await fast).analysis.url).toBe('https://fast.example/x');
    expect(c.started).toHaveLength(3);
    for (const i of [1, 2]) c.finish(`https://slow.example/${i}`);
    await new Promise(setImmediate);
    for (const i of [3, 4]) c.finish(`https://slow.example/${i}`);
    await Promise.all(slow);
    expect(c.started.filter((u) => u.startsWith('https://slow'))).toHaveLength(4);
  });

  it('ignores the fragment when keying the cache', () => {
    expect(cacheKey('https://x.example/a?b=1#c')).toBe('https://x.example/a?b=1');
  });
});
