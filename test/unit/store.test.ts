import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { SqliteStore } from '../../src/store/sqlite-store';
import { whileClaimed } from '../../src/store/while-claimed';
import type { Analysis } from '../../src/analysis';

const analysis: Analysis = {
  url: 'https://x.example/a',
  title: 'T',
  summary: ['s'],
  casualties: [],
  contested: [],
  sourcing: [],
  analyzer: { kind: 'offline' },
};

describe('the embedded store', () => {
  let now = 1_000_000;
  let store: SqliteStore;
  beforeEach(() => {
    now = 1_000_000;
    store = new SqliteStore(':memory:', { now: () => now });
  });
  afterEach(() => store.close());

  it('lets a message be claimed once', () => {
    expect(store.claim('msg:C1:1.1', 90_000)).toBe('claimed');
    expect(store.claim('msg:C1:1.1', 90_000)).toBe('duplicate');
    expect(store.claim('msg:C1:2.2', 90_000)).toBe('claimed');
  });

  it('keeps finished work a duplicate for the keep period', () => {
    store.claim('k', 90_000);
    store.complete('k', 3_600_000);
    now += 3_000_000;
    expect(store.claim('k', 90_000)).toBe('duplicate');
    now += 700_000;
    expect(store.claim('k', 90_000)).toBe('claimed');
  });

  it('lets a retry take over a claim whose first delivery died', () => {
    store.claim('k', 90_000);
    now += 60_000;
    expect(store.claim('k', 90_000)).toBe('duplicate');
    now += 40_000;
    expect(store.claim('k', 90_000)).toBe('claimed');
  });

  it('never hands a claim to a retry while the first answer is still being worked on', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const live = new SqliteStore(':memory:');
    try {
      expect(live.claim('k', 90_000)).toBe('claimed');
      let finish!: () => void;
      const answering = whileClaimed(live, 'k', 90_000, () => new Promise<void>((r) => (finish = r)));
      // a slow answer: a model near its timeout and a rate-limit wait, far past the stale time
      jest.advanceTimersByTime(5 * 60_000);
      expect(live.claim('k', 90_000)).toBe('duplicate');
      finish();
      await answering;
      // once the work stops renewing it (the process died), the claim goes stale as before
      jest.advanceTimersByTime(90_000);
      expect(live.claim('k', 90_000)).toBe('claimed');
    } finally {
      live.close();
      jest.useRealTimers();
    }
  });

  it('keeps what someone was shown under its id until it expires', () => {
    store.keepShown('id-1', analysis, 60_000);
    expect(store.getShown('id-1')).toEqual(analysis);
    expect(store.getShown('id-2')).toBeNull();
    now += 60_000;
    expect(store.getShown('id-1')).toBeNull();
  });

  it('released claims can be claimed again', () => {
    store.claim('k', 90_000);
    store.release('k');
    expect(store.claim('k', 90_000)).toBe('claimed');
  });

  it('caches analyses until they expire', () => {
    store.putCached('u', analysis, 1000);
    expect(store.getCached('u')).toEqual(analysis);
    now += 1000;
    expect(store.getCached('u')).toBeNull();
  });

  it('forgets expired claims and cached analyses while it keeps running', () => {
    const file = `${tmpdir()}/newsdesk-prune-${process.pid}-${Date.now()}.sqlite`;
    const a = new SqliteStore(file, { now: () => now });
    for (let i = 0; i < 50; i++) {
      a.claim(`msg:C1:${i}`, 90_000);
      a.complete(`msg:C1:${i}`, 3_600_000);
      a.putCached(`https://x.example/${i}`, analysis, 3_600_000);
    }
    now += 2 * 3_600_000;
    a.claim('msg:C1:later', 90_000);
    a.putCached('https://x.example/later', analysis, 3_600_000);
    const peek = new Database(file, { readonly: true });
    const count = (table: string) =>
      (peek.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect([count('claims'), count('cache')]).toEqual([1, 1]);
    peek.close();
    a.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  });

  it('survives a restart when backed by a file', () => {
    const file = `${tmpdir()}/newsdesk-store-${process.pid}-${Date.now()}.sqlite`;
    const a = new SqliteStore(file, { now: () => now });
    a.claim('k', 90_000);
    a.complete('k', 3_600_000);
    a.close();
    const b = new SqliteStore(file, { now: () => now });
    expect(b.claim('k', 90_000)).toBe('duplicate');
    b.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  });
});
