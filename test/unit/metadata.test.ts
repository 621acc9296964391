import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from '../../src/article/dom';
import { decodeEntities, extractMetadata, normaliseDate } from '../../src/article/metadata';

const PAGES = path.resolve(__dirname, '../fixtures/pages');
const URL = 'https://news.example.org/final';

function metaOf(html: string) {
  return extractMetadata(parseDocument(html), URL);
}

function ldPage(ld: unknown, body = ''): string {
  return `<html><head><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body>${body}</body></html>`;
}

describe('extractMetadata', () => {
  it('follows @graph, @id references, @type arrays and author arrays', () => {
    const meta = metaOf(readFileSync(path.join(PAGES, 'graph-jsonld.html'), 'utf8'));
    expect(meta).toMatchObject({
      title: 'Harbour strike ends after pay deal',
      site: 'Coastline News',
      byline: 'Jo Ferreira, Sam Okafor',
      published: '2024-05-02T10:00:00+01:00',
      updated: '2024-05-02T15:30:00+01:00',
      language: 'pt-BR',
      canonicalUrl: 'https://news.example.org/2024/harbour-strike-ends',
    });
  });

  it('reads a top-level array of JSON-LD objects and a string author', () => {
    const meta = metaOf(
      ldPage([
        { '@type': 'BreadcrumbList', name: 'Crumbs' },
        {
          '@type': 'NewsArticle',
          headline: 'Port reopens',
          author: 'Ines Duarte',
          datePublished: '2023-07-01',
        },
      ]),
    );
    expect(meta.title).toBe('Port reopens');
    expect(meta.byline).toBe('Ines Duarte');
    expect(meta.published).toBe('2023-07-01');
  });

  it('survives broken JSON-LD and falls back to OpenGraph and <meta>', () => {
    const html = `<html><head>
      <script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
      <meta property="og:title" content="Storm closes schools">
      <meta property="og:site_name" content="Weather Desk">
      <meta name="author" content="Kim Lee">
      <meta property="article:published_time" content="2022-01-15T06:00:00Z">
      <meta property="article:modified_time" content="2022-01-15T09:30:00Z">
      <meta property="og:locale" content="fr_CA">
    </head><body></body></html>`;
    expect(metaOf(html)).toMatchObject({
      title: 'Storm closes schools',
      site: 'Weather Desk',
      byline: 'Kim Lee',
      published: '2022-01-15T06:00:00Z',
      updated: '2022-01-15T09:30:00Z',
      language: 'fr-CA',
    });
  });

  it('takes the published date from <time datetime> when nothing else declares one', () => {
    const meta = metaOf(readFileSync(path.join(PAGES, 'time-only.html'), 'utf8'));
    expect(meta.published).toBe('2024-03-05T09:15:00Z');
    expect(meta.updated).toBeNull();
    expect(meta.language).toBeNull();
  });

  it('strips the site name from a <title> and ignores a relative canonical URL', () => {
    const meta = metaOf(readFileSync(path.join(PAGES, 'share-related.html'), 'utf8'));
    expect(meta.title).toBe('Wildfire forces evacuation of two villages');
    expect(meta.canonicalUrl).toBeNull();
    expect(meta.byline).toBe('Lena Park');
  });

  it('ignores a canonical URL with a non-web scheme', () => {
    expect(
      metaOf('<html><head><link rel="canonical" href="javascript:alert(1)"></head></html>').canonicalUrl,
    ).toBeNull();
  });

  it('reports JSON-LD inLanguage when <html lang> and og:locale are absent', () => {
    expect(metaOf(ldPage({ '@type': 'NewsArticle', headline: 'x', inLanguage: 'de' })).language).toBe('de');
  });

  it.each([
    [false, false],
    ['False', false],
    ['false', false],
    [true, true],
  ])('reads isAccessibleForFree %p as %p', (value, expected) => {
    expect(
      metaOf(ldPage({ '@type': 'NewsArticle', headline: 'x', isAccessibleForFree: value })).accessibleForFree,
    ).toBe(expected);
  });

  it('treats a hasPart marked not free as paywalled, with its selector', () => {
    const meta = metaOf(readFileSync(path.join(PAGES, 'paywall.html'), 'utf8'));
    expect(meta.accessibleForFree).toBe(false);
    expect(meta.paywalledSelectors).toEqual(['.paywalled']);
  });
});

describe('normaliseDate', () => {
  it('keeps ISO 8601 as the publisher wrote it and converts other readable dates to ISO', () => {
    expect(normaliseDate('2015-10-01T14:30:00-04:00')).toBe('2015-10-01T14:30:00-04:00');
    expect(normaliseDate('Thu, 01 Oct 2015 18:30:00 GMT')).toBe('2015-10-01T18:30:00.000Z');
    expect(normaliseDate('yesterday')).toBeNull();
  });
});

describe('decodeEntities', () => {
  it('decodes the entities publishers leave in JSON-LD and meta content, also when escaped twice', () => {
    expect(decodeEntities('Chelsea activate &amp;#163;71.6m clause')).toBe('Chelsea activate £71.6m clause');
    expect(decodeEntities('Officials&#8217; &quot;plan&quot; &#x2014; &amp; more')).toBe(
      'Officials’ "plan" — & more',
    );
    expect(decodeEntities('AT&T &unknown; stays')).toBe('AT&T &unknown; stays');
  });
});

describe('extractMetadata on hostile JSON-LD', () => {
  it('survives authors nested 100,000 arrays deep', () => {
    const deep = `${'['.repeat(100_000)}"Nobody"${']'.repeat(100_000)}`;
    const html = `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Deep","author":${deep}}</script></head></html>`;
    const meta = metaOf(html);
    expect(meta.title).toBe('Deep');
    expect(meta.byline).toBeNull();
  });
});
