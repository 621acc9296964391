// Hostile article texts for the analyzer: what a page the fetcher lets through (5 MB decoded) can make the
// extractor hand over. test/unit/analyze-hostile.test.ts asserts each finishes with a sensible outcome;
// `npm run bench:analysis` prints how long each takes.
import { readFileSync } from 'node:fs';
import { SEED_TXT } from './articles';

/** The 120 KB sentence from the denial-of-service report: 2,999 village tolls after one "Officials said". */
export function villageTolls(villages = 3000): string {
  const tolls = Array.from(
    { length: villages - 1 },
    (_, i) => `${i + 1} people were killed in village ${i + 1}`,
  );
  return `Hostile page\n\nOfficials said ${tolls.join(', ')}.\n`;
}

/** About `bytes` of ordinary reporting: the seed article's paragraphs over and over. */
export function ordinaryText(bytes = 5_000_000): string {
  const paragraphs = readFileSync(SEED_TXT, 'utf8')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const out: string[] = [];
  for (let length = 0, i = 0; length < bytes; i++) {
    const p = paragraphs[i % paragraphs.length]!;
    out.push(p);
    length += p.length + 2;
  }
  return out.join('\n\n');
}

/** One sentence of `bytes` of numbers and nothing else: no full stop until the very end. */
export function sentenceOfNumbers(bytes = 200_000): string {
  const numbers: string[] = [];
  for (let length = 0, i = 1; length < bytes; i++) {
    const n = String((i * 7919) % 100_000);
    numbers.push(n);
    length += n.length + 1;
  }
  return `The figures were ${numbers.join(' ')}.`;
}

/** Thousands of "N people died, according to the ministry's office N" clauses in one sentence. */
export function accordingToClauses(clauses = 5000): string {
  const each = Array.from(
    { length: clauses },
    (_, i) => `${(i % 7) + 10} people died, according to the ministry's regional office number ${i}`,
  );
  return `${each.join(', ')}.`;
}

/** Runs of `words` capitalised names after each kind of attribution cue ("said", "according to", "as … claims"). */
export function repeatedNames(words = 4_000): string {
  const names = Array.from({ length: words }, (_, i) => ['Abc', 'Def', 'Ghi'][i % 3]).join(' ');
  return [
    `"We are here," said ${names}`,
    `according to ${names}, 12 people were killed`,
    `${names} said 5 people died`,
    `the troops are not hitting targets as ${names} claims`,
  ].join(', ');
}

/** One "word" of `bytes` characters: no space to cut it at. */
export function oneLongToken(bytes = 5_000_000): string {
  return 'x'.repeat(bytes);
}

/** Every hostile text, by the name the bench prints. */
export const HOSTILE_TEXTS: Record<string, () => string> = {
  'village tolls, 120 KB sentence': () => villageTolls(),
  'ordinary sentences, 5 MB': () => ordinaryText(),
  'one 200 KB sentence of numbers': () => sentenceOfNumbers(),
  "5,000 'according to' clauses": () => accordingToClauses(),
  "'Abc Def Ghi …' after every cue": () => repeatedNames(),
  "240,000 words of 'Abc Def Ghi …'": () => repeatedNames(60_000),
  'one 5 MB token': () => oneLongToken(),
};
