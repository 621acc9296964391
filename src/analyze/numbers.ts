// PLACEHOLDER — to be replaced by the offline analyzer's number reader (issue 4). Signature is the contract.
import type { Qualifier } from '../analysis';

export interface ParsedCount {
  min: number | null;
  max: number | null;
  qualifier: Qualifier;
}

/**
 * Reads the count a verbatim phrase states: '30' → 30..30 exact, 'at least 12' → 12..null at_least,
 * 'more than 1,000' → 1001..null more_than, 'six' → 6..6, 'dozens' → 24..null vague,
 * 'between 20 and 30' → 20..30 range. null when the phrase holds no count.
 */
export function parseCount(text: string): ParsedCount | null {
  const m = /(\d[\d,]*)/.exec(text);
  if (!m) return null;
  const n = Number(m[1]!.replace(/,/g, ''));
  return { min: n, max: n, qualifier: 'exact' };
}
