// Shared state behind one interface: event dedupe and the analysis cache. The embedded implementation is
// SQLite (one process, survives restarts); a Redis one can implement the same interface for several replicas.
import type { Analysis } from '../analysis';

export type ClaimResult = 'claimed' | 'duplicate';

export interface Store {
  /**
   * Claims a unit of work (a Slack event or message) so it is answered once. A claim that was never marked
   * done and is older than `staleMs` can be re-claimed: if the first delivery died, Slack's retry is the
   * only copy left, so it must not be dropped.
   */
  claim(key: string, staleMs: number): ClaimResult;
  /** Says a claimed unit is still being worked on, so it does not go stale while a slow answer runs. */
  renew(key: string): void;
  /** Marks a claimed unit done; duplicates are dropped until `keepMs` has passed. */
  complete(key: string, keepMs: number): void;
  /** Gives a claim back, so the same work can be tried again (e.g. after a failure the user can fix). */
  release(key: string): void;
  /** Keeps an analysis someone was shown privately, so "Post to channel" posts exactly that. */
  keepShown(id: string, analysis: Analysis, ttlMs: number): void;
  getShown(id: string): Analysis | null;
  getCached(url: string): Analysis | null;
  putCached(url: string, analysis: Analysis, ttlMs: number): void;
  close(): void;
}
