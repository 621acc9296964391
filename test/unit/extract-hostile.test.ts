import { extractArticle } from '../../src/article/extract';
import { PAGE_BUDGET, withinBudget } from '../../src/article/page-budget';
import { ExtractError } from '../../src/errors';
import { HOSTILE_PARAGRAPH, hostilePages, type HostileOutcome } from '../support/hostile-pages';

// Hostile pages end in a bounded outcome: the article (flagged when the page was cut through it) or a clear
// "no article". Timings are the bench's job (npm run bench:extraction prints them); these assert outcomes,
// and the page budget is what keeps them bounded.

const para = (i: number): string =>
  `<p>Officials said the strikes hit several towns overnight (report ${i}), according to local reports and ` +
  'witnesses in the area, and rescue teams were still searching the rubble on Wednesday morning.</p>';
const story = (n: number): string => Array.from({ length: n }, (_, i) => para(i)).join('');

function extract(html: string) {
  return extractArticle({ html, url: 'https://news.example/a', finalUrl: 'https://news.example/a' });
}

describe('the page budget', () => {
  it('leaves a real article page alone', () => {
    const html = `<html><head><title>t</title><script>var x = "<p>not a tag</p>".repeat(9)</script></head><body><nav>${'<a href="/s">Section</a>'.repeat(200)}</nav><article>${story(40)}</article></body></html>`;
    const cut = withinBudget(html);
    expect(cut.html).toBe(html);
    expect(cut.truncated).toBe(false);
  });

  it('cuts before the element that exceeds the element budget', () => {
    const html = `<html><body>${'<i>x</i>'.repeat(PAGE_BUDGET.elements * 2)}</body></html>`;
    const { html: kept, truncated } = withinBudget(html);
    expect(truncated).toBe(true);
    expect(kept.match(/<[a-z]/g)).toHaveLength(PAGE_BUDGET.elements);
  });

  it('cuts text at the text budget, between words', () => {
    const { html, truncated } = withinBudget(`<p>${'word '.repeat(PAGE_BUDGET.textChars)}</p>`);
    expect(truncated).toBe(true);
    expect(html.length).toBeLessThanOrEqual(PAGE_BUDGET.textChars + 3);
    expect(html.endsWith('word')).toBe(true);
  });

  it('weighs text by its nesting depth, so deeply nested text is cut sooner', () => {
    const text = 'word '.repeat(50_000); // 250,000 characters: within the text budget
    const shallow = withinBudget(`<div>${text}</div>`);
    const deep = withinBudget(`${'<div>'.repeat(100)}${text}${'</div>'.repeat(100)}`);
    expect(shallow.truncated).toBe(false);
    expect(deep.truncated).toBe(true);
    expect(deep.html.length).toBeLessThan(PAGE_BUDGET.textLevels / 100 ** 2 + 1000);
  });

  it('weighs elements by their nesting depth: 2,000 tiny paragraphs are read whole, not inside 100 divs', () => {
    const paragraphs = '<p>x</p>'.repeat(2_000);
    expect(withinBudget(`<div>${paragraphs}</div>`).truncated).toBe(false);
    expect(withinBudget(`${'<div>'.repeat(100)}${paragraphs}${'</div>'.repeat(100)}`).truncated).toBe(true);
  });

  it('weighs a table as the rows and cells inside it, which nest as deep as the tables', () => {
    const cells = (depth: number): string =>
      `${'<table><tr><td>'.repeat(depth)}${'<p>x</p>'.repeat(200)}${'</td></tr></table>'.repeat(depth)}`;
    expect(withinBudget(cells(20)).truncated).toBe(false);
    expect(withinBudget(cells(60)).truncated).toBe(true);
  });

  it('leaves out what svg, math, template and noscript hold: a sprite of 2,100 icons costs nothing', () => {
    const icon = '<symbol id="i"><path d="M0 0h24"/><path d="M1 1h2"/></symbol>';
    const html = `<html><body><svg style="display:none">${icon.repeat(2_100)}</svg><math><mi>x</mi></math><template><p>t</p></template><noscript><p>Enable JavaScript</p></noscript><article>${story(6)}</article></body></html>`;
    const cut = withinBudget(html);
    expect(cut.truncated).toBe(false);
    expect(cut.html).toBe(
      `<html><body><svg style="display:none"></svg><math></math><template></template><noscript></noscript><article>${story(6)}</article></body></html>`,
    );
    expect(extract(html).paragraphs).toHaveLength(6);
  });

  it('ends an unclosed svg where the parser does, at the end of the element around it', () => {
    expect(withinBudget('<div><svg><g><path d="M0"></div><p>The story.</p>').html).toBe(
      '<div><svg></div><p>The story.</p>',
    );
    expect(withinBudget('<svg><svg><g></svg>icon</svg><p>The story.</p>').html).toBe(
      '<svg></svg><p>The story.</p>',
    );
  });

  it('does not count tags nested past MAX_NESTING (they are dropped before parsing, their text kept)', () => {
    const html = `<html><body>${'<div>'.repeat(100_000)}${story(5)}${'</div>'.repeat(100_000)}</body></html>`;
    expect(withinBudget(html).truncated).toBe(false);
    expect(extract(html).paragraphs).toHaveLength(5);
  });

  it('keeps the JSON-LD that sits after the cut, for the metadata', () => {
    const jsonLd =
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Strikes hit towns","datePublished":"2026-01-02T10:00:00Z"}</script>';
    const html = `<html><body><article><h1>Strikes hit towns</h1>${story(6)}</article>${'<i>x</i>'.repeat(PAGE_BUDGET.elements)}${jsonLd}</body></html>`;
    const { html: kept, truncated } = withinBudget(html);
    expect(truncated).toBe(true);
    expect(kept.endsWith(jsonLd)).toBe(true);
    expect(extract(html).published).toBe('2026-01-02T10:00:00Z');
  });
});

describe('hostile pages end with the article or a clear "no article"', () => {
  it('H-48: 4 MB on one line after the story: the story is read, and the cut through it is flagged', () => {
    const html = `<html><head><title>t</title></head><body><article>${story(5)}<div class="x">${'word '.repeat(800_000)}</div></article></body></html>`;
    const article = extract(html);
    expect(article.paragraphs.slice(0, 5)).toEqual(
      Array.from({ length: 5 }, (_, i) => expect.stringContaining(`(report ${i})`) as unknown),
    );
    expect(article.wordCount).toBeLessThan(PAGE_BUDGET.textChars / 4);
    expect(article.partial).toEqual({ wordsRead: article.wordCount, reason: 'very long page' });
  });

  it('a story followed by a flood of comment markup is read whole and not flagged', () => {
    const html = `<html><body><article><h1>Strikes hit towns</h1>${story(12)}</article><section>${'<div><b>user</b> <i>nice</i> <a href="/u">reply</a></div>'.repeat(10_000)}</section></body></html>`;
    const article = extract(html);
    expect(article.paragraphs).toHaveLength(12);
    expect(article.partial).toBeNull();
  });

  it('paragraphs inside 200 nested "share" boxes (time grows with text × depth) are read up to the budget', () => {
    const html = `<html><body>${'<div class="share">'.repeat(200)}${story(5000)}${'</div>'.repeat(200)}</body></html>`;
    const article = extract(html);
    expect(article.paragraphs[0]).toContain('(report 0)');
    expect(article.paragraphs.length).toBeLessThan(5000);
    expect(article.partial?.reason).toBe('very long page');
  });

  it('an article of 24,000 paragraphs is read from the top and flagged', () => {
    const article = extract(`<html><body><article>${story(24_000)}</article></body></html>`);
    expect(article.paragraphs[0]).toContain('(report 0)');
    expect(article.paragraphs.length).toBeLessThan(PAGE_BUDGET.elements);
    expect(article.partial?.reason).toBe('very long page');
  });

  it('H-51: 50,000 one-word paragraphs before the story: what is read is flagged as cut, never passed off as whole', () => {
    const html = `<html><body>${'<p>word</p>'.repeat(50_000)}<article>${story(3)}</article></body></html>`;
    let outcome: string;
    try {
      const article = extract(html);
      outcome = `article cut: ${article.partial?.reason ?? 'no'}`;
    } catch (err) {
      outcome = err instanceof ExtractError ? err.code : String(err);
    }
    expect(['article cut: very long page', 'no_article']).toContain(outcome);
  });

  it('H-51b: 50,000 one-word paragraphs after the story: the story is read', () => {
    const article = extract(
      `<html><body><article>${story(3)}</article>${'<p>word</p>'.repeat(50_000)}</body></html>`,
    );
    expect(article.paragraphs.slice(0, 3).every((p, i) => p.includes(`(report ${i})`))).toBe(true);
  });

  it('5 MB of links and nothing else is "no article"', () => {
    expect(() => extract(`<html><body>${'<a href="/x">x</a> '.repeat(260_000)}</body></html>`)).toThrow(
      expect.objectContaining({ code: 'no_article' }),
    );
  });
});

describe('the pages of bench:extraction end with what a reader should be told', () => {
  function outcomeOf(html: string): { outcome: HostileOutcome; text: string } {
    try {
      const article = extract(html);
      return {
        outcome: article.partial?.reason === 'very long page' ? 'cut' : 'article',
        text: article.text,
      };
    } catch (err) {
      if (err instanceof ExtractError && err.code === 'no_article')
        return { outcome: 'no_article', text: '' };
      throw err;
    }
  }
  const story = HOSTILE_PARAGRAPH.replace(/<\/?p>/g, '');

  it.each(hostilePages().map((p) => [p.name, p] as const))('%s', (_name, page) => {
    const { outcome, text } = outcomeOf(page.html);
    expect(page.outcomes).toContain(outcome);
    if (page.keepsStory && outcome !== 'no_article') expect(text).toContain(story);
  });
});

describe('the document element', () => {
  it('keeps the language of an <html lang> that follows a long comment', () => {
    const banner = `<!-- ${'Site build info, licence notice and ASCII art banner. '.repeat(120)} -->`;
    const html = `<!DOCTYPE html>\n${banner}\n<html lang="fr"><head><title>t</title></head><body><article>${story(5)}</article></body></html>`;
    expect(extract(html).language).toBe('fr');
  });

  it('does not take an <html> quoted far down a fragment for the page', () => {
    const html = `<article>${story(40)}<pre>&lt;html lang="de"&gt;</pre><p><html lang="de"></p></article>`;
    expect(extract(html).paragraphs[0]).toContain('(report 0)');
  });
});
