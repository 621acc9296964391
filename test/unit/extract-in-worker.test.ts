import { extractArticle } from '../../src/article/extract';
import { extractInWorker, stopExtractionWorkers } from '../../src/article/extract-in-worker';
import { ExtractError } from '../../src/errors';

// Extraction off the bot's event loop: the same article or refusal as in process, and a page that takes too
// long ends in a plain refusal instead of holding a worker. Through the real worker thread (run from these
// TypeScript sources).

const para = (i: number): string =>
  `<p>Officials said the strikes hit several towns overnight (report ${i}), according to local reports and ` +
  'witnesses in the area, and rescue teams were still searching the rubble on Wednesday morning.</p>';
const page = (paragraphs: number): string =>
  `<html lang="en"><head><title>Strikes hit towns</title></head><body><article><h1>Strikes hit towns</h1>${Array.from({ length: paragraphs }, (_, i) => para(i)).join('')}</article></body></html>`;
const input = (html: string) => ({ html, url: 'https://news.example/a', finalUrl: 'https://news.example/a' });

afterAll(() => stopExtractionWorkers());

describe('extraction in a worker', () => {
  it('gives the same article as extraction in process', async () => {
    const html = page(12);
    await expect(extractInWorker(input(html))).resolves.toEqual(extractArticle(input(html)));
  });

  it('gives the same refusal, as an ExtractError with its sentence', async () => {
    const refusal = await extractInWorker(
      input('<html><body><nav><a href="/">Home</a></nav></body></html>'),
    ).catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(ExtractError);
    expect(refusal).toMatchObject({
      code: 'no_article',
      userMessage: "I couldn't find an article on that page.",
    });
  });

  it('refuses a page that takes longer than the time limit, then reads the next page', async () => {
    const slow = extractInWorker(input(page(3_000)), { timeLimitMs: 1 });
    await expect(slow).rejects.toMatchObject({
      code: 'too_complex',
      userMessage: 'That page is too complex for me to read.',
    });
    await expect(extractInWorker(input(page(12)))).resolves.toMatchObject({ title: 'Strikes hit towns' });
  });

  it('keeps the event loop free while a page is read, so other conversations are answered', async () => {
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    const pages = await Promise.all([1, 2, 3].map(() => extractInWorker(input(page(2_000)))));
    clearInterval(ticking);
    expect(pages.every((a) => a.paragraphs.length > 1_000)).toBe(true);
    expect(turns).toBeGreaterThan(0);
  });
});
