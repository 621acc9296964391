import vm from 'node:vm';

/**
 * Runs `fn` under a watchdog and says whether it returned. Backtracking regexes and n² loops never yield, so
 * only a VM timeout can interrupt them; the limit is a failure guard, far above what the calls take when sound.
 */
export function finishes(fn: () => unknown, guardMs = 5000): boolean {
  try {
    vm.runInNewContext('fn()', { fn }, { timeout: guardMs });
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return false;
    throw err;
  }
}
