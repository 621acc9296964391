import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from '../../src/article/dom';
import { decodeEntities, extractMetadata, normaliseDate } from '../../src/article/metadata';

const PAGES = path.resolve(__dirname, '../fixtures/pages');
const URL = 'https://news.example.org/final';

function metaOf(html: string) {
  return extractMetadata(parseDocument(html), URL);
}

const LD_BODY_PAGE =
  '<html><head><script type="application/ld+json">' +
  JSON.stringify({
    '@type': 'NewsArticle',
    headline: 'Council approves flood barrier',
    articleBody:
      '<p>The city council voted 7-2 on Tuesday night to fund a $48 million flood barrier.</p>' +
      '<p>Council member Maria Lopez said it was &#8220;long overdue&#8221; and thanked <a href="https://x">the ' +
      'residents&#8217; association</a> for <strong>years</strong> of campaigning.</p>' +
      '<div class="ad">ADVERTISEMENT</div><p>Construction begins next summer &amp; will take three years.</p>',
  }) +
  '</script></head><body><div id="root"></div></body></html>';

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

describe('extractMetadata with several JSON-LD articles', () => {
  const own = {
    '@type': 'NewsArticle',
    headline: 'Council approves flood barrier',
    datePublished: '2024-05-02T09:00:00Z',
    author: [{ '@type': 'Person', name: 'Jane Doe' }],
  };
  const embedded = {
    '@type': 'NewsArticle',
    headline: 'Embedded: another story entirely',
    datePublished: '2019-01-01T00:00:00Z',
    author: { '@type': 'Person', name: 'Someone Else' },
    isAccessibleForFree: false,
  };
  // The page's own JSON-LD in <head>, others (related stories, embeds) later in the body.
  const withBlocks = (...lds: unknown[]): string =>
    `<html><head><link rel="canonical" href="https://news.example.org/2024/flood-barrier">` +
    `<script type="application/ld+json">${JSON.stringify(lds[0])}</script></head><body>` +
    lds
      .slice(1)
      .map((ld) => `<aside><script type="application/ld+json">${JSON.stringify(ld)}</script></aside>`)
      .join('') +
    '</body></html>';

  it('takes the first article in document order, not a later embedded one', () => {
    expect(metaOf(withBlocks(own, embedded))).toMatchObject({
      title: 'Council approves flood barrier',
      byline: 'Jane Doe',
      published: '2024-05-02T09:00:00Z',
      accessibleForFree: null,
    });
  });

  it('prefers the article whose url or mainEntityOfPage is this page, wherever it stands', () => {
    const related = { ...embedded, url: 'https://news.example.org/2019/other' };
    const later = {
      ...embedded,
      headline: 'Later: yet another story',
      url: 'https://news.example.org/2020/x',
    };
    const mine = {
      ...own,
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'http://www.news.example.org/2024/flood-barrier/' },
    };
    expect(metaOf(withBlocks(related, mine, later))).toMatchObject({
      title: 'Council approves flood barrier',
      byline: 'Jane Doe',
      accessibleForFree: null,
    });
    // the URL we fetched counts as much as the canonical one
    expect(metaOf(withBlocks(related, { ...own, url: URL }, later)).byline).toBe('Jane Doe');
  });
});

describe('extractMetadata dates', () => {
  it('falls through a year-1 placeholder (Gannett) to the next source, and to the printed date', () => {
    const gannett = (extra: string): string =>
      `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"x",` +
      `"datePublished":"0001-01-01T00:00:00Z","dateModified":"0001-01-01T00:00:00Z"}</script>${extra}</head>` +
      '<body><div class="publish-date">Published 11:34 PM EST Nov 19, 2019</div></body></html>';
    expect(
      metaOf(gannett('<meta property="article:published_time" content="2019-11-19T22:00:00Z">')),
    ).toMatchObject({
      published: '2019-11-19T22:00:00Z',
      updated: null,
    });
    expect(metaOf(gannett('')).published).toBe('2019-11-20T04:34:00.000Z');
  });

  it('keeps a printed date without a timezone as a bare day', () => {
    const html =
      '<html><body><span class="article-publish-date">November 19, 2019, 9:02 AM</span></body></html>';
    expect(metaOf(html).published).toBe('2019-11-19');
  });

  it('rejects placeholder dates from every source: epoch, spreadsheet zero, year 1', () => {
    for (const d of ['1970-01-01T00:00:00Z', '1900-01-01', '0001-01-01', '1899-12-30T00:00:00']) {
      expect(normaliseDate(d)).toBeNull();
      expect(
        metaOf(ldPage({ '@type': 'NewsArticle', headline: 'x', datePublished: d })).published,
      ).toBeNull();
    }
    expect(normaliseDate('1851-09-18')).toBe('1851-09-18');
  });

  it('ignores a published date more than a day in the future, and an update before publication', () => {
    const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const html = `<html><head><meta property="article:published_time" content="${inAMonth}">
      <meta name="date" content="2024-03-05T09:00:00Z"></head></html>`;
    expect(metaOf(html).published).toBe('2024-03-05T09:00:00Z');
    const before = metaOf(
      ldPage({
        '@type': 'NewsArticle',
        headline: 'x',
        datePublished: '2019-11-20T08:02:00Z',
        dateModified: '2019-11-20T08:00:00Z',
      }),
    );
    expect(before).toMatchObject({ published: '2019-11-20T08:02:00Z', updated: null });
    // a bare date is the whole day: not "before" a time on it
    const sameDay = metaOf(
      ldPage({
        '@type': 'NewsArticle',
        headline: 'x',
        datePublished: '2018-10-03T19:41:33+04:00',
        dateModified: '2018-10-03',
      }),
    );
    expect(sameDay.updated).toBe('2018-10-03');
  });
});

describe('extractMetadata bylines', () => {
  it.each([
    ['By TOM KRISHER, AP Auto Writer', 'TOM KRISHER, AP'],
    ['By MEG KINNARD and ERRIN HAINES, Associated Press', 'MEG KINNARD and ERRIN HAINES, Associated Press'],
    ['Analysis by Chris Cillizza, CNN Editor-at-large', 'Chris Cillizza, CNN'],
    ['Jane Doe, Staff Writer', 'Jane Doe'],
    ['Bryan DeArdo @BryanDeArdo Nov 18, 2019 at 9:24 pm ET • 2 min read', 'Bryan DeArdo'],
    ['Madeline Fry | November 18, 2019 12:01 PM Print this article', 'Madeline Fry'],
    ['Rachael Link, MS, RD', 'Rachael Link, MS, RD'],
    ['Jeff FoustMonday, November 18, 2019', 'Jeff Foust'],
    ['DANICA KIRKA and JILL LAWLESSAssociated Press', 'DANICA KIRKA and JILL LAWLESS, Associated Press'],
    ['April Ryan', 'April Ryan'],
  ])('cleans the JSON-LD author %p to %p', (name, byline) => {
    expect(
      metaOf(ldPage({ '@type': 'NewsArticle', headline: 'x', author: { '@type': 'Person', name } })).byline,
    ).toBe(byline);
  });

  it.each([
    [
      '<h3 class="byline">by Jeff Foust<br><span class="datetime">Monday, November 18, 2019</span></h3>',
      'Jeff Foust',
    ],
    [
      '<div class="ap-story-byline"><div>By LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER</div><div>Associated Press</div></div>',
      'LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER, Associated Press',
    ],
    [
      '<div class="byline-section"><div class="attribution"><span class="author">Tom Davies</span> <span class="publication">Associated Press</span></div><div class="publish-date">Published 11:34 PM EST Nov 19, 2019</div></div>',
      'Tom Davies, Associated Press',
    ],
    [
      '<div itemprop="author"><span>By <span class="reporter"> JERUSALEM POST STAFF</span></span><span>&#160;</span><div>NOVEMBER 20, 2019 10:43</div></div>',
      'JERUSALEM POST STAFF',
    ],
    [
      '<div class="byline"><time>Nov 18, 2019</time> By <a rel="x">Jane Doe</a> and <a>John Roe</a></div>',
      'Jane Doe and John Roe',
    ],
  ])('reads the page byline %p as %p', (html, byline) => {
    expect(metaOf(`<html><body>${html}</body></html>`).byline).toBe(byline);
  });

  it('drops CMS account names and keeps looking', () => {
    const html =
      '<html><head><meta name="author" content="admin"></head><body><p class="byline">By Ana Lima</p></body></html>';
    expect(metaOf(html).byline).toBe('Ana Lima');
  });
});

describe('extractMetadata: titles that only look like text', () => {
  it.each(['\u2800\u2800\u2800', '\u3164', '\u200B\u2060'])('treats a title of %j as missing', (blank) => {
    const html = `<html><head><meta property="og:title" content="${blank}"><title>Storm closes schools</title></head></html>`;
    expect(metaOf(html).title).toBe('Storm closes schools');
  });
});

describe('JSON-LD articleBody', () => {
  it('reads an HTML articleBody as text blocks, entities decoded, ad slots dropped', () => {
    const meta = metaOf(LD_BODY_PAGE);
    expect(meta.articleBodyParagraphs).toEqual([
      'The city council voted 7-2 on Tuesday night to fund a $48 million flood barrier.',
      'Council member Maria Lopez said it was “long overdue” and thanked the residents’ association for years of campaigning.',
      'Construction begins next summer & will take three years.',
    ]);
  });

  it('splits a plain-text articleBody at newlines and decodes its entities', () => {
    const meta = metaOf(
      ldPage({
        '@type': 'NewsArticle',
        headline: 'x',
        articleBody: 'First &amp; foremost.\n\nSecond&#8217;s line.',
      }),
    );
    expect(meta.articleBodyParagraphs).toEqual(['First & foremost.', 'Second’s line.']);
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
