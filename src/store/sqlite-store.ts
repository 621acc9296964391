import Database from 'better-sqlite3';
import type { Analysis } from '../analysis';
import type { ClaimResult, Store } from './store';

const PRUNE_EVERY_MS = 10 * 60_000;

/** The embedded store: a single SQLite file (or ':memory:'). Synchronous calls are fine at bot scale. */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly now: () => number;
  private lastPrune = 0;

  constructor(file: string, opts: { now?: () => number } = {}) {
    this.now = opts.now ?? Date.now;
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS claims (key TEXT PRIMARY KEY, claimed_at INTEGER NOT NULL, done INTEGER NOT NULL DEFAULT 0, expires_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS cache (url TEXT PRIMARY KEY, json TEXT NOT NULL, expires_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS shown (id TEXT PRIMARY KEY, json TEXT NOT NULL, expires_at INTEGER NOT NULL);
    `);
    this.prune();
  }

  claim(key: string, staleMs: number): ClaimResult {
    const now = this.now();
    this.pruneNowAndThen(now);
    const tx = this.db.transaction((): ClaimResult => {
      const row = this.db
        .prepare('SELECT claimed_at, done, expires_at FROM claims WHERE key = ?')
        .get(key) as { claimed_at: number; done: number; expires_at: number } | undefined;
      const live = row && row.expires_at > now;
      if (live && (row.done || now - row.claimed_at < staleMs)) return 'duplicate';
      this.db
        .prepare('INSERT OR REPLACE INTO claims (key, claimed_at, done, expires_at) VALUES (?, ?, 0, ?)')
        .run(key, now, now + Math.max(staleMs, 3_600_000));
      return 'claimed';
    });
    return tx();
  }

  renew(key: string): void {
    this.db.prepare('UPDATE claims SET claimed_at = ? WHERE key = ? AND done = 0').run(this.now(), key);
  }

  complete(key: string, keepMs: number): void {
    this.db.prepare('UPDATE claims SET done = 1, expires_at = ? WHERE key = ?').run(this.now() + keepMs, key);
  }

  release(key: string): void {
    this.db.prepare('DELETE FROM claims WHERE key = ?').run(key);
  }

  keepShown(id: string, analysis: Analysis, ttlMs: number): void {
    this.putAnalysis('shown', 'id', id, analysis, ttlMs);
  }

  getShown(id: string): Analysis | null {
    return this.getAnalysis('shown', 'id', id);
  }

  getCached(url: string): Analysis | null {
    return this.getAnalysis('cache', 'url', url);
  }

  putCached(url: string, analysis: Analysis, ttlMs: number): void {
    this.putAnalysis('cache', 'url', url, analysis, ttlMs);
  }

  private getAnalysis(table: 'cache' | 'shown', column: 'url' | 'id', key: string): Analysis | null {
    const row = this.db.prepare(`SELECT json, expires_at FROM ${table} WHERE ${column} = ?`).get(key) as
      { json: string; expires_at: number } | undefined;
    if (!row || row.expires_at <= this.now()) return null;
    return JSON.parse(row.json) as Analysis;
  }

  private putAnalysis(
    table: 'cache' | 'shown',
    column: 'url' | 'id',
    key: string,
    analysis: Analysis,
    ttlMs: number,
  ): void {
    if (ttlMs <= 0) return;
    this.pruneNowAndThen(this.now());
    this.db
      .prepare(`INSERT OR REPLACE INTO ${table} (${column}, json, expires_at) VALUES (?, ?, ?)`)
      .run(key, JSON.stringify(analysis), this.now() + ttlMs);
  }

  /** A bot runs for months: expired claims and cached analyses are dropped as it goes, not only at start. */
  private pruneNowAndThen(now: number): void {
    if (now - this.lastPrune >= PRUNE_EVERY_MS) this.prune();
  }

  private prune(): void {
    const now = this.now();
    this.lastPrune = now;
    this.db.prepare('DELETE FROM claims WHERE expires_at <= ?').run(now);
    this.db.prepare('DELETE FROM cache WHERE expires_at <= ?').run(now);
    this.db.prepare('DELETE FROM shown WHERE expires_at <= ?').run(now);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
