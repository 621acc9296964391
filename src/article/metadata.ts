// Article metadata from what publishers declare: JSON-LD (incl. @graph and arrays), OpenGraph, <meta>, <time>,
// <link rel=canonical> and <html lang>. Read before the body is cleaned, because cleaning removes <script>.
import { blocksOf } from './blocks';
import { isFurniture } from './boilerplate';
import { bylineFromElement, cleanByline } from './byline';
import { cleanParagraph } from './clean-text';
import type { DomDocument, DomElement } from './dom';
import { parseDocument, toArray } from './dom';

export interface PageMetadata {
  title: string | null;
  site: string | null;
  byline: string | null;
  published: string | null;
  updated: string | null;
  language: string | null;
  /** Absolute http(s) canonical URL, when the page declares one. */
  canonicalUrl: string | null;
  /** False when structured data says the article is behind a paywall. */
  accessibleForFree: boolean | null;
  /** CSS selectors of the parts structured data marks as not free. */
  paywalledSelectors: string[];
  /** JSON-LD articleBody split into cleaned paragraphs (empty when absent): the body of script-rendered pages. */
  articleBodyParagraphs: string[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'backgroundnewsarticle',
  'reviewnewsarticle',
  'askpublicnewsarticle',
  'blogposting',
  'liveblogposting',
  'socialmediaposting',
  'scholarlyarticle',
  'techarticle',
  'report',
]);

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseJsonLd(raw: string): Json | undefined {
  const text = raw
    .trim()
    .replace(/^<!--|-->$/g, '')
    .replace(/^\s*\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>\s*$/g, '');
  try {
    return JSON.parse(text) as Json;
  } catch {
    // Raw newlines inside strings are the commonest publisher mistake; JSON forbids them, browsers don't care.
    try {
      return JSON.parse(text.replace(/[\r\n\t]+/g, ' ')) as Json;
    } catch {
      return undefined;
    }
  }
}

/** Every object in the JSON-LD blocks in document order, arrays and @graph flattened (iteratively: input is untrusted). */
function jsonLdNodes(doc: DomDocument): JsonObject[] {
  const out: JsonObject[] = [];
  const stack: Json[] = [];
  const scripts = toArray(doc.querySelectorAll('script[type="application/ld+json" i]'));
  // Pushed last to first so they come off the stack in document order: the page's own article is usually
  // declared first, and embedded or related ones after it.
  for (let i = scripts.length - 1; i >= 0; i--) {
    const parsed = parseJsonLd(scripts[i]?.textContent ?? '');
    if (parsed !== undefined) stack.push(parsed);
  }
  while (stack.length > 0 && out.length < 500) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (let i = Math.min(v.length, 1000) - 1; i >= 0; i--) stack.push(v[i] as Json);
    } else if (isObject(v)) {
      out.push(v);
      const graph = v['@graph'];
      if (graph !== undefined) stack.push(graph);
    }
  }
  return out;
}

function types(node: JsonObject): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list
    .filter((x): x is string => typeof x === 'string')
    .map((x) => x.toLowerCase().replace(/^.*[/:]/, ''));
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  nbsp: ' ',
};

/**
 * Publishers often HTML-escape JSON-LD strings and meta content twice ("&#8217;", "&amp;#163;"); a title
 * shown to an editor should read as text.
 */
export function decodeEntities(text: string): string {
  let out = text;
  for (let pass = 0; pass < 2 && /&(#\d+|#x[0-9a-f]+|[a-z]+);/i.test(out); pass++) {
    out = out.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, code: string) => {
      if (code[0] !== '#') return NAMED_ENTITIES[code.toLowerCase()] ?? whole;
      const n =
        code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    });
  }
  return out;
}

function str(v: Json | undefined): string | null {
  if (typeof v === 'string') {
    const s = cleanParagraph(decodeEntities(v));
    return s || null;
  }
  if (typeof v === 'number') return String(v);
  return null;
}

/** Names of authors or publishers. Arrays nest at most a level or two in real data; hostile data nests 100,000. */
function nameOf(v: Json | undefined, byId: Map<string, JsonObject>, depth = 0): string[] {
  if (v === undefined || v === null || depth > 3) return [];
  if (Array.isArray(v)) return v.slice(0, 50).flatMap((x) => nameOf(x, byId, depth + 1));
  if (typeof v === 'string') return str(v) ? [str(v) as string] : [];
  if (isObject(v)) {
    const ref = typeof v['@id'] === 'string' ? byId.get(v['@id']) : undefined;
    const name = str(v['name']) ?? (ref ? str(ref['name']) : null);
    return name ? [name] : [];
  }
  return [];
}

type MetaTags = Map<string, string>;

/** <meta> content by lower-cased property/name/itemprop, first non-empty wins; one pass over the page. */
function metaTags(doc: DomDocument): MetaTags {
  const tags: MetaTags = new Map();
  for (const el of toArray(doc.querySelectorAll('meta[content]'))) {
    const content = cleanParagraph(decodeEntities(el.getAttribute('content') ?? ''));
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !tags.has(key)) tags.set(key, content);
    }
  }
  return tags;
}

function meta(tags: MetaTags, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = tags.get(key.toLowerCase());
    if (value) return value;
  }
  return null;
}

// CMS placeholders for "no date": year 1 (Gannett sends "0001-01-01T00:00:00Z"), the Unix epoch, and the
// zero dates of spreadsheets and SQL servers. Real articles, archives included, fall after 1800.
const MIN_YEAR = 1800;
const MAX_YEAR = 2100;
const SENTINEL_DAYS = new Set(['1899-12-30', '1899-12-31', '1900-01-01', '1969-12-31', '1970-01-01']);

/** ISO 8601 as given when it already is; otherwise converted when Date can read it. Null for no real date. */
export function normaliseDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  const iso = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/i.test(s);
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  const out = iso ? s.replace(' ', 'T') : new Date(t).toISOString();
  const year = Number(out.slice(0, 4));
  if (year <= MIN_YEAR || year >= MAX_YEAR || SENTINEL_DAYS.has(out.slice(0, 10))) return null;
  return out;
}

const DAY_MS = 86_400_000;

/** True when `a` is earlier than `b`; a bare date is a whole day, so "2018-10-03" is not before its noon. */
function isBefore(a: string, b: string): boolean {
  if (a.length === 10 || b.length === 10) return a.slice(0, 10) < b.slice(0, 10);
  return Date.parse(a) < Date.parse(b);
}

/** The first candidate that is a real date no later than tomorrow (a clock or timezone slip, not a typo). */
function firstDate(candidates: Iterable<string | null | undefined>, now: number): string | null {
  for (const raw of candidates) {
    const date = normaliseDate(raw);
    if (date && Date.parse(date) <= now + DAY_MS) return date;
  }
  return null;
}

function normaliseLanguage(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim().replace(/_/g, '-');
  if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(s)) return null;
  const [lang, ...rest] = s.split('-');
  return [lang?.toLowerCase(), ...rest.map((r) => (r.length === 2 ? r.toUpperCase() : r))].join('-');
}

function absoluteHttpUrl(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href.trim(), base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    // Only an absolute declaration is trusted; a relative one is resolved against where we actually are.
    return /^https?:\/\//i.test(href.trim()) ? u.href : null;
  } catch {
    return null;
  }
}

function* timeAttrs(doc: DomDocument, selectors: string[]): Generator<string | null> {
  for (const sel of selectors) {
    for (const el of toArray(doc.querySelectorAll(sel))) {
      yield el.getAttribute('datetime') ?? el.getAttribute('content');
    }
  }
}

const TEXT_DATE = '[class*="publish" i][class*="date" i], [class*="pubdate" i], [class*="dateline" i]';
const MONTH_NAME = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s/i;

/**
 * "Published 11:34 PM EST Nov 19, 2019": the date as the page prints it, for sites (Gannett's) whose
 * structured dates are placeholders. Without a timezone it stays a bare date: inventing midnight or reading
 * the time as UTC would shift it, sometimes by a day.
 */
export function dateFromText(text: string): string | null {
  const s = text
    .replace(/^(?:first\s+)?(?:published|posted|updated)?(?:\s+on)?[:\s]*/i, '')
    .replace(/\s+(?:ET|CT|MT|PT)$/, '');
  if (s.length > 60 || !/\b(?:19|20)\d\d\b/.test(s) || !MONTH_NAME.test(`${s} `)) return null;
  const t = Date.parse(s.replace(/(\d)(?:st|nd|rd|th)\b/g, '$1'));
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  // A time without a zone is the publisher's local time, which we do not know: the day is all we can say.
  if (/\d:\d\d/.test(s) && /\b(?:[ECMP][SD]T|GMT|UTC)\b|[+-]\d\d:?\d\d$/.test(s)) return d.toISOString();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function* textDates(doc: DomDocument): Generator<string | null> {
  for (const el of toArray(doc.querySelectorAll(TEXT_DATE)).slice(0, 5)) {
    const text = textOf(el);
    if (text) yield dateFromText(text);
  }
}

function textOf(el: DomElement | null): string | null {
  if (!el) return null;
  const s = cleanParagraph(el.textContent ?? '');
  return s || null;
}

function stripSiteFromTitle(title: string, site: string | null): string {
  const m = /^(.*\S)\s+[|–—-]\s+([^|–—]+)$/.exec(title);
  const squash = (x: string): string => x.toLowerCase().replace(/\W/g, '');
  if (m?.[1] && m[2] && site && squash(m[2]) === squash(site)) return m[1];
  return title;
}

/** Where a JSON-LD node says it lives: url, @id and mainEntityOfPage, as comparable keys. */
function nodeUrls(node: JsonObject): string[] {
  const main = node['mainEntityOfPage'];
  const raw = [
    node['url'],
    node['@id'],
    main,
    isObject(main) ? main['@id'] : undefined,
    isObject(main) ? main['url'] : undefined,
  ];
  return raw.map((u) => (typeof u === 'string' ? urlKey(u) : null)).filter((u): u is string => u !== null);
}

/** host + path, ignoring scheme, "www.", query, fragment and a trailing slash: the same article either way. */
function urlKey(href: string): string | null {
  try {
    const u = new URL(href.trim());
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return `${u.hostname.replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}

/**
 * The node that describes this page among several: the one whose URL is the page's own (canonical or
 * fetched), else the first in document order. Pages embed other articles' JSON-LD (a live blog's posts, a
 * "related" widget), and a later one must not give this article its title, byline, date or paywall flag.
 */
function pickNode(candidates: JsonObject[], pageUrls: string[]): JsonObject | undefined {
  return candidates.find((n) => nodeUrls(n).some((u) => pageUrls.includes(u))) ?? candidates[0];
}

function* metaValues(tags: MetaTags, keys: string[]): Generator<string | undefined> {
  for (const key of keys) yield tags.get(key.toLowerCase());
}

const AD_CLASS =
  /(?:^|[\s_-])(?:ad|ads|advert|advertisement|adsense|dfp|promo|sponsored|newsletter|related)(?:$|[\s_-])/i;

/**
 * JSON-LD articleBody as paragraphs. Many publishers put the article's HTML in it (links, <strong>, ad slots,
 * entities), so HTML is parsed and read block by block like the page itself; plain text splits at newlines.
 */
export function articleBodyParagraphs(raw: string, title: string | null): string[] {
  if (!/<\/?[a-z][^<>]*>/i.test(raw)) {
    return decodeEntities(raw).split(/\n/).map(cleanParagraph).filter(Boolean);
  }
  const doc = parseDocument(`<!DOCTYPE html><html><body>${raw}</body></html>`);
  const body = doc.body;
  if (!body) return [];
  for (const el of toArray(body.querySelectorAll('script, style, iframe, figure, aside, [class], [id]'))) {
    const tag = el.localName;
    const marks = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (
      el.isConnected &&
      (tag === 'script' ||
        tag === 'style' ||
        tag === 'iframe' ||
        tag === 'figure' ||
        tag === 'aside' ||
        AD_CLASS.test(marks))
    ) {
      el.remove();
    }
  }
  return blocksOf(body)
    .filter((b) => !isFurniture(b, title))
    .map((b) => b.text);
}

const PUBLISHED_KEYS = [
  'article:published_time',
  'datePublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dc.date',
  'date',
];

export function extractMetadata(doc: DomDocument, finalUrl: string, now = Date.now()): PageMetadata {
  const tags = metaTags(doc);
  const nodes = jsonLdNodes(doc);
  const byId = new Map<string, JsonObject>();
  for (const n of nodes) if (typeof n['@id'] === 'string') byId.set(n['@id'], n);

  const canonicalUrl = absoluteHttpUrl(
    doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href'),
    finalUrl,
  );
  const pageUrls = [canonicalUrl, finalUrl, meta(tags, 'og:url')]
    .map((u) => (u ? urlKey(u) : null))
    .filter((u): u is string => u !== null);
  const article = pickNode(
    nodes.filter((n) => types(n).some((t) => ARTICLE_TYPES.has(t))),
    pageUrls,
  );
  const page = pickNode(
    nodes.filter((n) => types(n).some((t) => t.endsWith('webpage'))),
    pageUrls,
  );
  const ld = article ?? page;

  const site =
    meta(tags, 'og:site_name') ??
    (ld ? (nameOf(ld['publisher'], byId)[0] ?? null) : null) ??
    meta(tags, 'application-name', 'twitter:site')?.replace(/^@/, '') ??
    null;

  const h1s = toArray(doc.querySelectorAll('h1'));
  const rawTitle =
    (ld ? (str(ld['headline']) ?? str(ld['name'])) : null) ??
    meta(tags, 'og:title', 'twitter:title') ??
    (h1s.length === 1 ? textOf(h1s[0] ?? null) : null) ??
    (cleanParagraph(doc.title) || null);
  const title = rawTitle ? stripSiteFromTitle(rawTitle, site) : null;

  const authors = ld
    ? nameOf(ld['author'], byId)
        .map(cleanByline)
        .filter((a): a is string => a !== null)
    : [];
  const metaAuthor = [
    ...metaValues(tags, ['author', 'article:author', 'sailthru.author', 'parsely-author', 'dc.creator']),
  ]
    .map(cleanByline)
    .find((a) => a !== null);
  const byline =
    (authors.length > 0 ? [...new Set(authors)].join(', ') : null) ??
    metaAuthor ??
    bylineFromElement(doc.querySelector('[rel="author"], [itemprop="author"]')) ??
    bylineFromElement(doc.querySelector('.byline, .author, [class*="byline"]'));

  const published = firstDate(
    (function* () {
      yield ld ? str(ld['datePublished']) : null;
      yield* metaValues(tags, PUBLISHED_KEYS);
      yield* timeAttrs(doc, ['time[itemprop="datePublished"]', 'time[pubdate]', 'time[datetime]']);
      yield* textDates(doc);
    })(),
    now,
  );
  const modified = firstDate(
    (function* () {
      yield ld ? str(ld['dateModified']) : null;
      yield* metaValues(tags, ['article:modified_time', 'og:updated_time', 'dateModified', 'last-modified']);
      yield* timeAttrs(doc, ['time[itemprop="dateModified"]', '[class*="updated" i] time[datetime]']);
    })(),
    now,
  );
  // An update before publication is a CMS artefact (a draft saved before a scheduled post went out); shown
  // as "Updated" it would tell the editor the story changed before it existed.
  const updated = modified && published && isBefore(modified, published) ? null : modified;

  const inLanguage = ld?.['inLanguage'];
  const language =
    normaliseLanguage(doc.documentElement?.getAttribute('lang')) ??
    normaliseLanguage(meta(tags, 'og:locale')) ??
    normaliseLanguage(
      typeof inLanguage === 'string'
        ? inLanguage
        : isObject(inLanguage)
          ? str(inLanguage['alternateName'])
          : null,
    ) ??
    normaliseLanguage(doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content'));

  const free = [article, page].map((n) => n?.['isAccessibleForFree']).find((v) => v !== undefined);
  const accessibleForFree =
    free === false || (typeof free === 'string' && free.toLowerCase() === 'false')
      ? false
      : free === true || (typeof free === 'string' && free.toLowerCase() === 'true')
        ? true
        : null;
  const parts = ld ? ld['hasPart'] : undefined;
  const paywalledSelectors = (Array.isArray(parts) ? parts : parts ? [parts] : [])
    .filter(isObject)
    .filter(
      (p) => p['isAccessibleForFree'] === false || String(p['isAccessibleForFree']).toLowerCase() === 'false',
    )
    .map((p) => str(p['cssSelector']))
    .filter((s): s is string => s !== null);

  const bodyNode = article ?? nodes.find((n) => typeof n['articleBody'] === 'string');
  const rawBody = bodyNode?.['articleBody'];
  let bodyParagraphs: string[] | undefined;

  return {
    title,
    site,
    byline,
    published,
    updated,
    language,
    canonicalUrl,
    accessibleForFree:
      accessibleForFree === null && paywalledSelectors.length > 0 ? false : accessibleForFree,
    paywalledSelectors,
    // Read only when asked for: the extractor needs it only for script-rendered pages, and parsing the HTML
    // that most publishers put in it would cost every page a second parse.
    get articleBodyParagraphs(): string[] {
      bodyParagraphs ??= typeof rawBody === 'string' ? articleBodyParagraphs(rawBody, title) : [];
      return bodyParagraphs;
    },
  };
}
