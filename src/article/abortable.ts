// Waiting on work that cannot itself be cancelled (undici requests still queued for a connection, dialers
// and resolvers that ignore signals) without letting it outlive the fetch's deadline.

/**
 * Settles like `work`, or rejects with `signal.reason` as soon as the signal fires, whichever comes first.
 * A value that arrives after the abort is handed to `onLate` (close the socket, drop the body) so nothing
 * leaks; a late rejection is swallowed because nobody is listening any more.
 */
export function untilAborted<T>(
  work: Promise<T>,
  signal: AbortSignal | undefined,
  onLate?: (value: T) => void,
): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) {
    work.then((value) => onLate?.(value), noop);
    return Promise.reject(signal.reason as unknown);
  }
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const onAbort = (): void => {
      if (settled) return;
      settled = true;
      reject(signal.reason as unknown);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        if (settled) onLate?.(value);
        else {
          settled = true;
          resolve(value);
        }
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        if (settled) return;
        settled = true;
        reject(err);
      },
    );
  });
}

/**
 * A signal that fires when `parent` fires or after `ms`, whichever is first, with `onTimeout()` as the
 * reason in the second case. `dispose` clears the timer and the listener on the parent.
 */
export function boundedSignal(
  parent: AbortSignal | undefined,
  ms: number,
  onTimeout: () => unknown,
): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(onTimeout()), Math.max(0, ms));
  const onParent = (): void => controller.abort(parent?.reason);
  if (parent?.aborted) onParent();
  else parent?.addEventListener('abort', onParent, { once: true });
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onParent);
    },
  };
}

function noop(): void {
  // a rejection nobody awaits any more
}
