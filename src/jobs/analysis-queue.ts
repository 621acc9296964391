// Bounded, coalescing access to the pipeline. Many people may paste the same link at once: they share one
// fetch and one analysis (in-flight coalescing, then the cache). A slow site cannot take every worker: each
// host gets at most `perHost` concurrent fetches, everything together at most `concurrency`.
import fastq from 'fastq';
import { modelWasUnavailable, type Analysis } from '../analysis';
import { withoutFragment } from '../article/links';
import type { Store } from '../store/store';

/** How long an answer the offline analyzer gave in the model's place is reused. */
export const FALLBACK_TTL_MS = 2 * 60_000;

export interface QueueOptions {
  concurrency: number;
  perHost: number;
  cacheTtlMs: number;
}

export interface QueuedResult {
  analysis: Analysis;
  /** True when this answer came from the cache or from another request's in-flight work. */
  shared: boolean;
}

/** Same article, same key. */
export const cacheKey = withoutFragment;

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return '';
  }
}

export class AnalysisQueue {
  private readonly inFlight = new Map<string, Promise<Analysis>>();
  private readonly hostQueues = new Map<string, fastq.queueAsPromised<string, Analysis>>();
  private readonly global: fastq.queueAsPromised<string, Analysis>;

  constructor(
    private readonly run: (url: string) => Promise<Analysis>,
    private readonly store: Store,
    private readonly opts: QueueOptions,
  ) {
    this.global = fastq.promise((url: string) => this.run(url), opts.concurrency);
  }

  async analyze(url: string): Promise<QueuedResult> {
    const key = cacheKey(url);
    const cached = this.store.getCached(key);
    if (cached) return { analysis: { ...cached, url }, shared: true };
    const pending = this.inFlight.get(key);
    if (pending) return { analysis: { ...(await pending), url }, shared: true };

    const work = this.schedule(url).then((analysis) => {
      this.store.putCached(key, analysis, this.ttlFor(analysis));
      return analysis;
    });
    this.inFlight.set(key, work);
    try {
      return { analysis: await work, shared: false };
    } finally {
      this.inFlight.delete(key);
    }
  }

  /**
   * An answer given while the model was down is kept only briefly: the next person to paste the link once the
   * model is back should get its analysis, not an hour of the offline one.
   */
  private ttlFor(analysis: Analysis): number {
    const ttl = this.opts.cacheTtlMs;
    return modelWasUnavailable(analysis.analyzer) ? Math.min(ttl, FALLBACK_TTL_MS) : ttl;
  }

  /** Work waiting or running, for health reporting. */
  get load(): { running: number; waiting: number } {
    return { running: this.global.running(), waiting: this.global.length() };
  }

  private async schedule(url: string): Promise<Analysis> {
    const host = hostOf(url);
    let q = this.hostQueues.get(host);
    if (!q) {
      // The host slot is taken first and the global slot inside it, so waiting on a busy host never
      // holds one of the global slots other hosts could use.
      q = fastq.promise((u: string) => this.global.push(u), this.opts.perHost);
      this.hostQueues.set(host, q);
    }
    try {
      return await q.push(url);
    } finally {
      if (q.idle()) this.hostQueues.delete(host);
    }
  }
}
