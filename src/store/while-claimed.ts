import type { Store } from './store';

/**
 * Runs `work` on a claimed key, renewing the claim while it runs. A claim goes stale so that a delivery whose
 * process died is answered by Slack's retry; an answer that is merely slow (a model near its timeout, a
 * rate-limit wait) must not look dead, or the retry would answer a second time.
 */
export async function whileClaimed<T>(
  store: Store,
  key: string,
  staleMs: number,
  work: () => Promise<T>,
): Promise<T> {
  const timer = setInterval(() => store.renew(key), Math.max(250, Math.floor(staleMs / 3)));
  timer.unref();
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
