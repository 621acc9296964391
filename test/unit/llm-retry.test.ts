import { MAX_RETRY_WAIT_MS, retryDelayMs } from '../../src/analyze/llm';

const headers = (h: Record<string, string>): Headers => new Headers(h);

describe('retryDelayMs', () => {
  it('uses retry-after-ms, then Retry-After seconds, then an HTTP date', () => {
    expect(retryDelayMs(headers({ 'retry-after-ms': '80', 'retry-after': '5' }), 0)).toBe(80);
    expect(retryDelayMs(headers({ 'retry-after': '2' }), 0)).toBe(2000);
    const inThreeSeconds = new Date(Date.now() + 3_000).toUTCString();
    const fromDate = retryDelayMs(headers({ 'retry-after': inThreeSeconds }), 0);
    expect(fromDate).toBeGreaterThan(1_000);
    expect(fromDate).toBeLessThanOrEqual(3_000);
  });

  it('never waits longer than the cap, whatever the server asks', () => {
    expect(retryDelayMs(headers({ 'retry-after': '3600' }), 0)).toBe(MAX_RETRY_WAIT_MS);
  });

  it('backs off exponentially without a server hint', () => {
    const noJitter = (): number => 0.5;
    expect(retryDelayMs(headers({}), 0, noJitter)).toBe(500);
    expect(retryDelayMs(headers({}), 1, noJitter)).toBe(1000);
    expect(retryDelayMs(undefined, 2, noJitter)).toBe(2000);
  });
});
