import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractArticle } from '../../src/article/extract';
import { ExtractError } from '../../src/errors';

const PAGES = path.resolve(__dirname, '../fixtures/pages');
const SEED = readFileSync(
  path.resolve(process.cwd(), '../shared/fixtures/thehill-russia-syria.html'),
  'utf8',
);

function extract(html: string) {
  return extractArticle({ html, url: 'https://news.example/a', finalUrl: 'https://news.example/a' });
}

function page(name: string): string {
  return readFileSync(path.join(PAGES, name), 'utf8');
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  return undefined;
}

const TEASER = `<p>The county council approved a budget of 12 million pounds for flood defences on Monday night.</p>
<p>Councillors said the money would pay for new embankments along the lower river and for two pump stations.</p>`;

describe('paywalls', () => {
  it('reads the teaser of a page marked isAccessibleForFree "False", flags it partial and leaves out the prompt', () => {
    const article = extract(page('paywall.html'));
    expect(article.paragraphs).toHaveLength(2);
    expect(article.text).toContain('approved a budget of 12 million pounds');
    expect(article.text).not.toMatch(/subscribe|log in/i);
    expect(article.partial).toEqual({ wordsRead: article.wordCount, reason: 'paywall' });
    expect(article.wordCount).toBe(56);
  });

  it('flags a boolean isAccessibleForFree: false inside an @graph', () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [{ '@type': 'NewsArticle', headline: 'Budget', isAccessibleForFree: false }],
    });
    const html = `<html><head><script type="application/ld+json">${ld}</script></head><body><article>${TEASER}${TEASER}</article></body></html>`;
    expect(extract(html).partial?.reason).toBe('paywall');
  });

  it('flags a subscription wall worded on the page without structured data', () => {
    const html = `<html><body><article>${TEASER}${TEASER}<div class="wall"><p>You have reached your free article limit. Subscribe now to continue reading.</p></div></article></body></html>`;
    const article = extract(html);
    expect(article.partial).toEqual({ wordsRead: article.wordCount, reason: 'paywall' });
    expect(article.text).not.toContain('free article limit');
  });

  it('does not flag a full article on a metered site that declares a paywall but sent the whole text', () => {
    const html = SEED.replace(
      '"@type": "NewsArticle",',
      '"@type": "NewsArticle", "isAccessibleForFree": false,',
    );
    expect(html).not.toBe(SEED);
    const article = extract(html);
    expect(article.paragraphs).toHaveLength(14);
    expect(article.partial).toBeNull();
  });

  it('does not flag a full article whose masthead has a Subscribe link', () => {
    const html = SEED.replace(
      '<header class="site-header">',
      '<header class="site-header"><a href="/subscribe">Subscribe</a>',
    );
    expect(extract(html).partial).toBeNull();
  });
});

describe('subscription prompts and declared paywalls', () => {
  const STORY = `<p>Rescue crews worked through the night to reach villages cut off by the landslide on Sunday, the regional governor told reporters.</p>`;

  it('does not flag a complete article with a subscribe promo under it', () => {
    const html = `<html><body><article><div class="article-body">${STORY.repeat(12)}</div></article>
      <div class="piano-offer"><h3>Enjoying our journalism?</h3><p>Subscribe today to keep reading stories like this one, for just $1 a week.</p></div></body></html>`;
    const article = extract(html);
    expect(article.partial).toBeNull();
    expect(article.text).not.toContain('Subscribe today');
  });

  it('does not flag a complete article whose page says "subscribe to continue reading" away from the story', () => {
    const html = `<html><body><div class="top-bar"><p>Subscribe to continue reading our award-winning coverage.</p></div><aside class="promo-box"><p>Subscribe now to continue reading</p></aside><article>${STORY.repeat(12)}</article><footer><p>© News</p></footer></body></html>`;
    expect(extract(html).partial).toBeNull();
  });

  it('flags a subscription prompt that ends the article body, as a paywall', () => {
    const html = `<html><body><article><div class="article-body">${STORY.repeat(12)}<p>Subscribe to continue reading.</p></div></article></body></html>`;
    const article = extract(html);
    expect(article.partial).toEqual({ wordsRead: article.wordCount, reason: 'paywall' });
    expect(article.text).not.toContain('Subscribe');
  });

  it('flags a long teaser whose declared paywalled part is on the page and empty', () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Landslide',
      isAccessibleForFree: false,
      hasPart: { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: '.paywall' },
    });
    const html = (part: string): string =>
      `<html><head><script type="application/ld+json">${ld}</script></head><body><article><div class="article-body">${STORY.repeat(15)}</div>${part}</article></body></html>`;
    const teaser = extract(html('<div class="paywall"></div>'));
    expect(teaser.wordCount).toBeGreaterThan(250);
    expect(teaser.partial).toEqual({ wordsRead: teaser.wordCount, reason: 'paywall' });
    // a metered site that sent the paywalled part, or names a part it never renders, sent the story
    expect(extract(html(`<div class="paywall">${STORY.repeat(5)}</div>`)).partial).toBeNull();
    expect(extract(html('')).partial).toBeNull();
  });
});

describe('consent and login walls', () => {
  it('says a cookie-consent screen was all the page showed', () => {
    const err = thrown(() => extract(page('consent-wall.html')));
    expect(err).toBeInstanceOf(ExtractError);
    expect(err).toMatchObject({
      kind: 'extract',
      code: 'consent_wall',
      userMessage:
        'That page showed me only a cookie-consent screen, so I couldn’t read the article behind it.',
    });
  });

  it('says a login form was all the page showed', () => {
    const err = thrown(() => extract(page('login-wall.html')));
    expect(err).toBeInstanceOf(ExtractError);
    expect(err).toMatchObject({ kind: 'extract', code: 'login_wall' });
  });

  it('reads a full article normally when a consent banner sits on top of it', () => {
    const banner =
      '<div class="cookie-banner"><p>We use cookies to improve your experience. Accept all cookies or manage your preferences.</p><button>Accept all</button></div>';
    const article = extract(SEED.replace('<body>', `<body>${banner}`));
    expect(article.paragraphs).toHaveLength(14);
    expect(article.text).not.toMatch(/cookies/i);
    expect(article.partial).toBeNull();
  });

  it('reads a story about cookie consent on a page with a consent banner, whole', () => {
    const story = [
      'European regulators fined the search company 150 million euros on Thursday over the way its websites ask visitors for cookie consent.',
      'The regulator said the sites made it easy to accept all cookies with a single click but required several clicks to refuse them.',
      'The company said it would appeal and that its banners, which let visitors manage their preferences, complied with the law.',
      'Consumer groups said the fine showed that asking people to create an account or sign in to refuse tracking was not lawful.',
    ];
    const html = `<html><body><div id="onetrust-banner-sdk" role="dialog"><p>We use cookies and similar technologies. <button>Accept all cookies</button> <a href="#">Manage preferences</a></p></div>
      <article><h1>Regulator fines search giant over cookie banners</h1>${story.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const article = extract(html);
    expect(article.paragraphs).toEqual(story);
    expect(article.partial).toBeNull();
  });

  it('flags a teaser under a consent screen that withholds the rest', () => {
    const html = `<html><body><article>${TEASER}</article><div class="consent-layer"><h2>Before you continue</h2><p>We and our partners use cookies to store and/or access information on a device. Accept all to continue reading.</p></div></body></html>`;
    const article = extract(html);
    expect(article.partial).toEqual({ wordsRead: article.wordCount, reason: 'cookie consent wall' });
    expect(article.text).not.toMatch(/cookies/i);
  });
});

describe('very short bodies', () => {
  it('does not flag a complete short brief, with or without a cookie bar', () => {
    const bar =
      '<div class="cc-banner"><p>This website uses cookies. <a href="/privacy">Cookie policy</a></p></div>';
    const brief = `<html><body>${bar}<article>${TEASER}${TEASER}</article></body></html>`;
    const article = extract(brief);
    expect(article.wordCount).toBeLessThan(150);
    expect(article.partial).toBeNull();
    expect(extract(brief.replace(bar, '')).partial).toBeNull();
  });

  it('marks a short body as partial when something says it is a teaser', () => {
    const cut = `<html><body><article>${TEASER}<p>The council said it would publish the full plan, which includes…</p></article></body></html>`;
    expect(extract(cut).partial).toEqual({ wordsRead: extract(cut).wordCount, reason: 'very short body' });
    const worded = `<html><body><article>${TEASER}${TEASER}</article><aside><p>Subscribe now to continue reading</p></aside></body></html>`;
    expect(extract(worded).partial?.reason).toBe('very short body');
  });
});
