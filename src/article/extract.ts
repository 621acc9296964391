// Page → Article: metadata, the article's own paragraphs, and whether a wall hid part of it. Content selection
// is Readability's (well kept, well tested) on a page we have already stripped of invisible text and
// furniture; paragraphs, boilerplate lines and walls are ours.
import { Readability } from '@mozilla/readability';
import { getDomain } from 'tldts';
import type { Article } from './types';
import { ExtractError } from '../errors';
import { blocksOf, type Block } from './blocks';
import { isFurniture, isUpdateStamp } from './boilerplate';
import { cleanParagraph, countWords, looksBinary, stripInvisible } from './clean-text';
import { type DomDocument, type DomElement, parseDocument } from './dom';
import { removeFurniture, removeInvisible } from './dom-clean';
import { keyPointsBeforeBody } from './key-points';
import { extractMetadata, type PageMetadata } from './metadata';
import { withinBudget } from './page-budget';
import {
  SHORT_BODY_WORDS,
  declaredPartEmpty,
  judgeWall,
  wallParagraphKind,
  wallSignals,
  type Wall,
  type WallKind,
  type WallSignals,
} from './paywall';
import { plainTextTitleIndex } from './plain-text-title';

export interface ExtractInput {
  html: string;
  /** The URL as the user gave it. */
  url: string;
  /** The URL actually read, after redirects. */
  finalUrl: string;
}

/** Below this many words there is no article to summarise, only a fragment. */
const MIN_ARTICLE_WORDS = 30;

function noArticle(): ExtractError {
  return new ExtractError('no_article', "I couldn't find an article on that page.");
}

/** What to say when all the page showed was a wall: the reader can do something about that one. */
function wallOnly(kinds: WallKind[], signals: WallSignals): ExtractError | null {
  if (kinds.includes('consent') || (kinds.length === 0 && signals.consentWall))
    return new ExtractError(
      'consent_wall',
      'That page showed me only a cookie-consent screen, so I couldn’t read the article behind it.',
    );
  if (kinds.includes('login') || (kinds.length === 0 && signals.loginWall))
    return new ExtractError(
      'login_wall',
      'That page asks for a login before it shows the article, so I couldn’t read it.',
    );
  if (kinds.includes('paywall'))
    return new ExtractError('paywall', 'That article is behind a paywall, so I couldn’t read any of it.');
  return null;
}

function selectBody(doc: DomDocument): DomElement | null {
  const reader = new Readability<DomElement>(doc as never, {
    serializer: (el) => el as unknown as DomElement,
    // Short news briefs are articles too; Readability's default (500 characters) retries them needlessly.
    charThreshold: 400,
  });
  try {
    return reader.parse()?.content ?? null;
  } catch {
    return null;
  }
}

function articleBlocks(doc: DomDocument, meta: PageMetadata): Block[] {
  const keyPoints = keyPointsBeforeBody(doc);
  const content = selectBody(doc);
  if (!content) return [];
  const blocks = blocksOf(content);
  const selected = new Set(blocks.map((b) => b.text));
  const missed = keyPoints.filter((b) => !selected.has(b.text));
  return [...missed, ...blocks].filter((b) => !isFurniture(b, meta.title));
}

function updateWording(paragraphs: string[]): string | null {
  const stamp = [...paragraphs].reverse().find(isUpdateStamp);
  return stamp ? stamp.replace(/^[—–-]\s*/, '') : null;
}

// A code point no page uses as text (the last private-use one), so finding it means finding the cut.
const CUT_MARK = '\u{10FFFD}';

/** A body that stops on an ellipsis was cut short by the site ("…has been suspended by the league..."). */
function endsCut(paragraphs: string[]): boolean {
  return /(\.\.\.|…)["”’]?$/.test(paragraphs[paragraphs.length - 1] ?? '');
}

function partialFor(
  wall: Wall | null,
  wordCount: number,
  truncated: boolean,
  shortEvidence: boolean,
): Article['partial'] {
  if (wall?.kind === 'paywall') return { wordsRead: wordCount, reason: wall.reason };
  if (truncated) return { wordsRead: wordCount, reason: 'very long page' };
  if (wall) return { wordsRead: wordCount, reason: wall.reason };
  // A complete wire brief is short too: only a hint of a wall makes a short body a teaser.
  if (wordCount < SHORT_BODY_WORDS && shortEvidence)
    return { wordsRead: wordCount, reason: 'very short body' };
  return null;
}

export function extractArticle(input: ExtractInput): Article {
  const whole = input.html.replaceAll('\u0000', '');
  if (!whole.trim() || looksBinary(whole)) throw noArticle();
  const budgeted = withinBudget(whole);
  // A mark where the page was cut: if it ends up in the article's text, the cut went through the story.
  const doc = parseDocument(budgeted.truncated ? `${budgeted.html}${CUT_MARK}` : budgeted.html);
  const meta = extractMetadata(doc, input.finalUrl);
  const partEmpty = declaredPartEmpty(doc, meta);
  removeInvisible(doc);
  const signals = wallSignals(doc, meta, partEmpty);
  removeFurniture(doc);
  const wallKinds: WallKind[] = [];
  const marked: string[] = [];
  for (const block of articleBlocks(doc, meta)) {
    const kind = wallParagraphKind(block.text, signals);
    if (kind) wallKinds.push(kind);
    else marked.push(block.text);
  }
  const storyCut = marked.some((p) => p.includes(CUT_MARK));
  const fromPage = storyCut ? marked.map((p) => p.replaceAll(CUT_MARK, '').trim()).filter(Boolean) : marked;
  // Script-rendered pages carry the body only in JSON-LD; the publisher's own declaration is the next best.
  const pageWords = countWords(fromPage.join(' '));
  const fromMeta = pageWords < MIN_ARTICLE_WORDS && meta.articleBodyParagraphs.length > 0;
  const paragraphs = fromMeta ? meta.articleBodyParagraphs : fromPage;
  const text = paragraphs.join('\n\n');
  const wordCount = fromMeta ? countWords(text) : pageWords;
  if (wordCount < MIN_ARTICLE_WORDS) throw wallOnly(wallKinds, signals) ?? noArticle();
  const wall = judgeWall(signals, wordCount);
  const shortEvidence =
    signals.declaredPaywall || signals.paywallWording || wallKinds.length > 0 || endsCut(paragraphs);
  return {
    url: input.url,
    finalUrl: articleUrl(meta.canonicalUrl, input.finalUrl),
    title: meta.title ?? '',
    site: meta.site,
    byline: meta.byline,
    published: meta.published,
    updated: meta.updated ?? updateWording(paragraphs),
    language: meta.language,
    paragraphs,
    text,
    wordCount,
    partial: partialFor(wall, wordCount, storyCut, shortEvidence),
  };
}

/**
 * The URL the reply links to: the page's canonical URL when it is on the same site as the page we read,
 * else the URL we read. A page can declare any canonical it likes, and "Open article" pointing at
 * evil.example/login because a page on news.example said so would lend the bot's voice to a phishing link.
 * "Same site" is the registrable domain (public-suffix list, private suffixes included, so one
 * github.io or blogspot.com user cannot claim another's pages).
 */
export function articleUrl(canonical: string | null, fetched: string): string {
  if (!canonical) return fetched;
  let c: URL;
  let f: URL;
  try {
    c = new URL(canonical);
    f = new URL(fetched);
  } catch {
    return fetched;
  }
  if (c.username || c.password) return fetched;
  if (c.hostname === f.hostname) return c.href;
  const site = (u: URL): string | null => getDomain(u.hostname, { allowPrivateDomains: true });
  const fetchedSite = site(f);
  return fetchedSite !== null && site(c) === fetchedSite ? c.href : fetched;
}

/** A plain-text article (as published, e.g. a .txt file): paragraphs separated by blank lines. */
export function articleFromPlainText(text: string, url: string): Article {
  const blocks = stripInvisible(text.replace(/\r\n?/g, '\n'))
    .split(/\n[ \t\u00A0]*\n/)
    .map(cleanParagraph)
    .filter(Boolean);
  const start = plainTextTitleIndex(blocks);
  const title = start >= 0 ? (blocks[start] as string) : '';
  const paragraphs = blocks.slice(start + 1);
  const body = paragraphs.join('\n\n');
  const wordCount = countWords(body);
  if (wordCount < MIN_ARTICLE_WORDS) throw noArticle();
  return {
    url,
    finalUrl: url,
    title,
    site: null,
    byline: null,
    published: null,
    updated: updateWording(paragraphs),
    language: null,
    paragraphs,
    text: body,
    wordCount,
    partial: null,
  };
}
