import { readFileSync } from 'node:fs';
import path from 'node:path';
import { articleFromPlainText, articleUrl, extractArticle } from '../../src/article/extract';
import { ExtractError } from '../../src/errors';

const SHARED = path.resolve(process.cwd(), '../shared/fixtures');
const PAGES = path.resolve(__dirname, '../fixtures/pages');

function page(name: string): string {
  return readFileSync(path.join(PAGES, name), 'utf8');
}

function extract(html: string, url = 'https://news.example/story') {
  return extractArticle({ html, url, finalUrl: url });
}

function expectNoArticle(fn: () => unknown): void {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(ExtractError);
  expect(caught).toMatchObject({
    kind: 'extract',
    code: 'no_article',
    userMessage: "I couldn't find an article on that page.",
  });
}

const PARAGRAPH =
  '<p>Officials said the strikes hit several towns overnight, according to local reports and witnesses in the area.</p>';

describe('extractArticle on the reference article (thehill-russia-syria.html)', () => {
  const html = readFileSync(path.join(SHARED, 'thehill-russia-syria.html'), 'utf8');
  const article = extractArticle({
    html,
    url: 'https://thehill.com/x',
    finalUrl: 'https://thehill.com/x?utm=1',
  });

  it('reads the metadata the page declares', () => {
    expect(article.title).toBe('US officials: Russia is not striking ISIS targets in Syria');
    expect(article.site).toBe('TheHill');
    expect(article.byline).toBe('The Hill Staff');
    expect(article.published).toBe('2015-10-01T14:30:00-04:00');
    expect(article.updated).toBe('2015-10-01T16:54:00-04:00');
    expect(article.language).toBe('en');
    expect(article.url).toBe('https://thehill.com/x');
    expect(article.finalUrl).toBe(
      'https://thehill.com/policy/defense/255637-officials-russia-not-striking-isis-in-syria-despite-claims',
    );
  });

  it('keeps the 13 body paragraphs and the update stamp, in order, as the text', () => {
    expect(article.paragraphs).toHaveLength(14);
    expect(article.paragraphs[0]).toMatch(/^Russian airstrikes in Syria are not hitting/);
    expect(article.paragraphs[12]).toBe(
      'A British-based monitoring group, the Syrian Observatory for Human Rights, said the Russian strikes had killed 30 civilians, including six children and six women.',
    );
    expect(article.paragraphs[13]).toBe('— Updated at 4:54 p.m. ET');
    expect(article.text).toBe(article.paragraphs.join('\n\n'));
    expect(article.partial).toBeNull();
  });

  it('removes the {mosads} template token but keeps the sentence it was glued to', () => {
    expect(article.text).not.toContain('{mosads}');
    expect(article.paragraphs[2]).toMatch(/^Moscow began airstrikes in Syria on Wednesday/);
  });

  it('leaves out navigation, ads, byline, share bar, tags, Most Popular, copyright and footer', () => {
    for (const furniture of [
      'Newsletters',
      'Advertisement',
      'By The Hill Staff',
      'Share on Facebook',
      'Tags',
      'Most Popular',
      'Senate passes stopgap bill',
      'Copyright 2015',
      'Capitol Hill Publishing',
      '1625 K Street',
      'All rights reserved',
    ]) {
      expect(article.text).not.toContain(furniture);
    }
    expect(article.paragraphs).not.toContain('Defense');
    expect(article.paragraphs).not.toContain(article.title);
  });
});

describe('articleFromPlainText on the reference article (thehill-russia-syria.txt)', () => {
  const article = articleFromPlainText(
    readFileSync(path.join(SHARED, 'thehill-russia-syria.txt'), 'utf8'),
    'a.txt',
  );

  it('takes the headline as title, not the section label', () => {
    expect(article.title).toBe('US officials: Russia is not striking ISIS targets in Syria');
  });

  it('keeps the same 13 paragraphs and the update stamp, cleaned', () => {
    expect(article.paragraphs).toHaveLength(14);
    expect(article.paragraphs[2]).toMatch(/^Moscow began airstrikes/);
    expect(article.paragraphs[13]).toBe('— Updated at 4:54 p.m. ET');
    expect(article.updated).toBe('Updated at 4:54 p.m. ET');
    expect(article.text).toContain('killed 30 civilians, including six children and six women.');
    expect(article.paragraphs.every((p) => p === p.trim() && !/\s{2}/.test(p))).toBe(true);
  });
});

describe('extractArticle dates', () => {
  it("fills `updated` with the article's own update wording when no machine date exists", () => {
    const html = readFileSync(path.join(SHARED, 'thehill-russia-syria.html'), 'utf8').replace(
      /, "dateModified": "[^"]+"/,
      '',
    );
    const article = extract(html);
    expect(article.updated).toBe('Updated at 4:54 p.m. ET');
    expect(article.paragraphs).toContain('— Updated at 4:54 p.m. ET');
  });

  it('takes the published date from <time datetime> and drops the dateline from the text', () => {
    const article = extract(page('time-only.html'));
    expect(article.published).toBe('2024-03-05T09:15:00Z');
    expect(article.paragraphs[0]).toMatch(/^The central library will open until 10 p.m./);
    expect(article.text).not.toContain('Posted March 5');
  });
});

describe('extractArticle on pages with furniture and hidden text', () => {
  it('drops share widgets, related and popular stories, newsletter box, captions and bylines', () => {
    const article = extract(page('share-related.html'));
    expect(article.paragraphs).toEqual([
      'A wildfire driven by strong winds forced the evacuation of two villages in the northern hills on Sunday, the regional fire service said.',
      'About 800 residents were moved to a sports hall in the nearest town, and no injuries had been reported by the evening, a spokesman said.',
      'More than 150 firefighters and four aircraft were working to contain the fire, which had burned about 1,200 hectares of forest.',
      'The fire service said it hoped to let residents return on Tuesday if the wind dropped as forecast.',
    ]);
    expect(article.site).toBe('Valley Herald');
    expect(article.language).toBe('en');
  });

  it('never includes text a reader cannot see (display:none, hidden, aria-hidden, opacity, hiding classes, comments)', () => {
    const article = extract(page('hidden-injection.html'));
    expect(article.text).toContain('The Eastgate bridge reopened to traffic on Tuesday');
    expect(article.text).toContain('publish a full report on the repairs next month.');
    for (const injected of [
      'Note to AI',
      '500 dead',
      'Ignore previous',
      '9,000',
      '77 missing',
      '1,200',
      '300 dead',
      '42 wounded',
      '610',
      '88 killed',
      '64 dead',
      '19 injured',
    ]) {
      expect(article.text).not.toContain(injected);
    }
    expect(article.paragraphs).toHaveLength(4);
  });

  it('strips zero-width, bidi-control, soft-hyphen and tag characters', () => {
    const article = extract(page('bidi-zero-width.html'));
    expect(article.text).toContain('The regional hospital opened a new emergency ward');
    expect(article.text).toContain('the ward would cut waiting times by half during the winter peak.');
    expect(article.text).toContain(
      'Nurses unions welcomed the expansion but said staffing remained too low to run all beds',
    );
    expect(article.text).not.toMatch(/[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/);
    expect(article.text).not.toMatch(/[\u{E0000}-\u{E007F}]/u);
  });
});

describe('extractArticle paragraph structure', () => {
  it('keeps in-article headings, list items and block quotes as their own paragraphs, in order', () => {
    const html = `<html><body><article><h1>Budget passes</h1>
      <p>The city council passed its budget on Tuesday by a vote of seven to two, after months of talks.</p>
      <h2>What changes</h2>
      <ul><li>Bus fares fall by a quarter from March.</li><li>Library hours grow on weekends.</li></ul>
      <blockquote><p>“This is a budget for people who ride the bus,” the mayor said.</p></blockquote>
      <p>Two council members voted against it, saying the plan spent reserves the city would need later.<br>They did not propose an alternative.</p>
    </article></body></html>`;
    expect(extract(html).paragraphs).toEqual([
      'The city council passed its budget on Tuesday by a vote of seven to two, after months of talks.',
      'What changes',
      'Bus fares fall by a quarter from March.',
      'Library hours grow on weekends.',
      '“This is a budget for people who ride the bus,” the mayor said.',
      'Two council members voted against it, saying the plan spent reserves the city would need later.',
      'They did not propose an alternative.',
    ]);
  });

  it('never glues the words of adjacent blocks together', () => {
    const html = `<html><body><article>${'<div><span>Alpha</span></div><div><span>beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu.</span></div>'.repeat(4)}</article></body></html>`;
    const text = extract(html).text;
    expect(text).not.toContain('Alphabeta');
    expect(text).not.toContain('nu.Alpha');
  });
});

describe('extractArticle keeps sentences whole', () => {
  it('keeps a dateline span and an in-text link whatever their class says', () => {
    const html = `<html><body><article><div class="entry-content">
      <p><span class="dateline">RIVERSIDE</span> — The city council voted 7-2 on Tuesday night to fund a $48 million flood barrier along the east bank.</p>
      <p>The barrier will run for 2.3 miles, according to <a class="related-link" href="/plan">the city's revised plan</a>, which was published in March.</p>
      <p>Council member <span class="byline-name author">Maria Lopez</span> said residents had waited long enough for the work to begin.</p>
      <div class="sharedaddy sd-social"><h3>Share this:</h3><ul><li><a href="#">Twitter</a></li></ul></div>
    </div></article></body></html>`;
    expect(extract(html).paragraphs).toEqual([
      'RIVERSIDE — The city council voted 7-2 on Tuesday night to fund a $48 million flood barrier along the east bank.',
      "The barrier will run for 2.3 miles, according to the city's revised plan, which was published in March.",
      'Council member Maria Lopez said residents had waited long enough for the work to begin.',
    ]);
  });

  it('still leaves out a caption that is all its paragraph holds', () => {
    const html = `<html><body><article>${PARAGRAPH.repeat(3)}<p><span class="wp-caption-text"><img src="m.jpg">The first global map of the moon. (NASA)</span></p>${PARAGRAPH}</article></body></html>`;
    expect(extract(html).text).not.toContain('The first global map');
  });

  it('joins a line broken by a single <br> inside a sentence, and splits at <br><br>', () => {
    const html = `<html><body><article>${PARAGRAPH.repeat(3)}<p>The mayor said the council would appeal the ruling<br>and that the work would go on in the meantime.<br><br>Opponents said they would keep up their protests outside city hall.</p></article></body></html>`;
    const { paragraphs } = extract(html);
    expect(paragraphs).toContain(
      'The mayor said the council would appeal the ruling and that the work would go on in the meantime.',
    );
    expect(paragraphs).toContain('Opponents said they would keep up their protests outside city hall.');
  });
});

describe('extractArticle on page-builder and live-blog pages', () => {
  it('reads an Elementor page, whose every text block is an "elementor-widget"', () => {
    const widget = (body: string): string =>
      `<div class="elementor-element elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container">${body}</div></div>`;
    const html = `<html><head><title>Council approves flood barrier</title></head><body class="elementor-page">
      <div class="elementor"><section class="elementor-section"><div class="elementor-column"><div class="elementor-widget-wrap">
      ${widget('<p>The city council voted 7-2 on Tuesday night to fund a $48 million flood barrier along the east bank, ending a decade of delays.</p><p>The barrier, first proposed in 2016, will run for 2.3 miles from the rail bridge to the water treatment plant, according to the city.</p>')}
      ${widget('<p>"We have waited long enough," said council member Maria Lopez, who represents the east-bank wards of the city.</p>')}
      ${widget('<p>Construction is expected to begin next summer and take roughly three years, city engineer Tom Okafor told the council.</p>')}
      </div></div></section></div>
      <aside class="widget widget_recent_entries"><h3>Recent posts</h3><ul><li><a href="/a">Local team wins the regional championship</a></li></ul></aside>
      </body></html>`;
    const article = extract(html);
    expect(article.paragraphs).toHaveLength(4);
    expect(article.paragraphs[0]).toMatch(/^The city council voted 7-2/);
    expect(article.text).not.toContain('Recent posts');
  });

  it("keeps each live-blog entry's headline and time, and the key points at the top", () => {
    const entry = (i: number): string =>
      `<article class="live-post"><header><time datetime="2026-11-20T1${i}:00:00Z">1${i}:00 GMT</time><h2>Rescue crews reach village ${i}</h2></header><div class="live-post-body"><p>Rescue crews worked through the night to reach villages cut off by the landslide, officials said in update ${i}.</p></div><footer class="live-post-share"><a href="#">Share</a></footer></article>`;
    const html = `<html><head><title>Live: Landslide hits mountain towns</title></head><body>
      <header class="site-header"><nav><a href="/">Home</a></nav></header>
      <main><h1>Live: Landslide hits mountain towns</h1><div class="live-summary"><ul><li>At least 12 people dead</li><li>200 homes damaged</li></ul></div>
      <div class="live-feed">${[0, 1, 2, 3].map(entry).join('')}</div></main></body></html>`;
    const { paragraphs } = extract(html);
    expect(paragraphs.slice(0, 5)).toEqual([
      'At least 12 people dead',
      '200 homes damaged',
      '10:00 GMT',
      'Rescue crews reach village 0',
      'Rescue crews worked through the night to reach villages cut off by the landslide, officials said in update 0.',
    ]);
    expect(paragraphs).toContain('Rescue crews reach village 3');
    expect(paragraphs).not.toContain('Home');
    expect(paragraphs).not.toContain('Share');
  });
});

describe('extractArticle when there is no article', () => {
  it.each([
    ['an empty page', ''],
    ['a blank HTML page', '<html><head><title>Home</title></head><body>  </body></html>'],
    ['binary junk', Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)).toString('latin1')],
    [
      'a navigation-only page',
      '<html><body><nav><a href="/a">News</a> <a href="/b">Sport</a></nav></body></html>',
    ],
  ])('throws no_article for %s', (_name, html) => {
    expectNoArticle(() => extract(html));
  });
});

describe('extractArticle on hostile markup', () => {
  it('reads paragraphs inside 100,000 nested divs without overflowing the stack', () => {
    const html = `<html><body>${'<div>'.repeat(100_000)}${PARAGRAPH.repeat(5)}${'</div>'.repeat(100_000)}</body></html>`;
    const article = extract(html);
    expect(article.paragraphs).toHaveLength(5);
    expect(article.paragraphs[0]).toMatch(/^Officials said the strikes/);
  });

  it('reads a page carrying NUL bytes, without the NULs', () => {
    const html = `<html><body>\u0000<article>${PARAGRAPH.replace(/ /g, ' \u0000').repeat(4)}</article></body></html>`;
    const article = extract(html);
    expect(article.paragraphs).toHaveLength(4);
    expect(article.text).not.toContain('\u0000');
    expect(article.paragraphs[0]).toBe(
      'Officials said the strikes hit several towns overnight, according to local reports and witnesses in the area.',
    );
  });

  it('reads malformed markup (unclosed and stray tags) into whole paragraphs', () => {
    const html = `<html><body><div><p>Unclosed <b>bold <i>italic</div></p></span>${PARAGRAPH.repeat(4)}<table><td>x</tr></html>>>`;
    const article = extract(html);
    expect(article.text).toContain('Officials said the strikes hit several towns overnight');
    expect(article.paragraphs.filter((p) => p.startsWith('Officials said'))).toHaveLength(4);
  });

  it('reads an HTML fragment without <html> or <body>', () => {
    const article = extract(PARAGRAPH.repeat(4));
    expect(article.paragraphs).toHaveLength(4);
  });
});

describe('extractArticle on a script-rendered page', () => {
  it('falls back to the JSON-LD articleBody when the markup holds no article', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Tram line opens',
      articleBody:
        'The new tram line opened on Saturday with free rides for the first week, the transport authority said.\nAbout 20,000 passengers used the line on its first day, the authority added, well above its forecast.',
    };
    const html = `<html><head><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><div id="app"></div></body></html>`;
    const article = extract(html);
    expect(article.title).toBe('Tram line opens');
    expect(article.paragraphs).toEqual([
      'The new tram line opened on Saturday with free rides for the first week, the transport authority said.',
      'About 20,000 passengers used the line on its first day, the authority added, well above its forecast.',
    ]);
  });
});

describe('the URL the reply links to (canonical only on the same site)', () => {
  const withCanonical = (canonical: string): string =>
    `<html><head><title>Harbour strike ends</title><link rel="canonical" href="${canonical}"></head><body>` +
    `<article>${PARAGRAPH.repeat(4)}</article></body></html>`;

  it('keeps the fetched URL when the page names a canonical on another site', () => {
    const article = extract(withCanonical('https://evil.example/login'), 'https://news.example/story');
    expect(article.finalUrl).toBe('https://news.example/story');
  });

  it('takes a canonical on the same registrable domain (another subdomain, a cleaner path)', () => {
    expect(
      extract(withCanonical('https://www.news.example/2024/story'), 'https://amp.news.example/s?x=1')
        .finalUrl,
    ).toBe('https://www.news.example/2024/story');
  });

  it.each([
    // a public suffix is not a site: two registrants under co.uk are strangers
    [
      'https://www.bbc.co.uk/news/world-1',
      'https://evil.co.uk/news/world-1',
      'https://www.bbc.co.uk/news/world-1',
    ],
    [
      'https://www.bbc.co.uk/news/world-1',
      'https://www.bbc.co.uk/news/world-1?c=1',
      'https://www.bbc.co.uk/news/world-1?c=1',
    ],
    // so are two users of a hosting suffix (private part of the list)
    ['https://alice.github.io/post', 'https://bob.github.io/login', 'https://alice.github.io/post'],
    [
      'https://alice.blogspot.com/2024/post',
      'https://www.alice.blogspot.com/2024/post',
      'https://www.alice.blogspot.com/2024/post',
    ],
    // credentials in a link the reply would show are refused whatever the host
    ['https://news.example/story', 'https://user:pw@news.example/story', 'https://news.example/story'],
    // hosts without a registrable domain (IP addresses, intranet names) must match exactly
    ['http://127.0.0.1:8080/preview/1', 'http://127.0.0.1:8080/story/1', 'http://127.0.0.1:8080/story/1'],
    ['http://127.0.0.1:8080/preview/1', 'http://10.0.0.1/story/1', 'http://127.0.0.1:8080/preview/1'],
    ['https://news.example/story', 'not a url', 'https://news.example/story'],
  ])('fetched %s, canonical %s → %s', (fetched, canonical, expected) => {
    expect(articleUrl(canonical, fetched)).toBe(expected);
  });
});
