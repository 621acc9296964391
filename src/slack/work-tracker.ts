// Remembers the answers still being worked on, so a shutdown (SIGTERM from a deploy, or a test's teardown)
// lets them finish instead of leaving "Reading…" placeholders behind or writing to a closed store.
export class WorkTracker {
  private readonly pending = new Set<Promise<unknown>>();

  async track<T>(work: () => Promise<T>): Promise<T> {
    const p = work();
    this.pending.add(p);
    try {
      return await p;
    } finally {
      this.pending.delete(p);
    }
  }

  /** Waits for the work under way, at most `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
      timer.unref();
    });
    await Promise.race([Promise.allSettled([...this.pending]), timeout]);
    clearTimeout(timer);
  }
}
