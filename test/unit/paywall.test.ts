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

describe('consent and login walls', () => {
  it('refuses a cookie-consent wall with no article behind it', () => {
    expect(thrown(() => extract(page('consent-wall.html')))).toMatchObject({
      code: 'no_article',
      userMessage: "I couldn't find an article on that page.",
    });
    expect(thrown(() => extract(page('consent-wall.html')))).toBeInstanceOf(ExtractError);
  });

  it('refuses a login form with no article behind it', () => {
    const err = thrown(() => extract(page('login-wall.html')));
    expect(err).toBeInstanceOf(ExtractError);
    expect(err).toMatchObject({ code: 'no_article' });
  });

  it('reads a full article normally when a consent banner sits on top of it', () => {
    const banner =
      '<div class="cookie-banner"><p>We use cookies to improve your experience. Accept all cookies or manage your preferences.</p><button>Accept all</button></div>';
    const article = extract(SEED.replace('<body>', `<body>${banner}`));
    expect(article.paragraphs).toHaveLength(14);
    expect(article.text).not.toMatch(/cookies/i);
    expect(article.partial).toBeNull();
  });
});

describe('very short bodies', () => {
  it('marks a body under 150 words as partial so the reply can say how much it read', () => {
    const html = `<html><body><article>${TEASER}${TEASER}</article></body></html>`;
    const article = extract(html);
    expect(article.partial).toEqual({ wordsRead: article.wordCount, reason: 'very short body' });
    expect(article.wordCount).toBeLessThan(150);
  });
});
