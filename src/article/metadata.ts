// Article metadata from what publishers declare: JSON-LD (incl. @graph and arrays), OpenGraph, <meta>, <time>,
// <link rel=canonical> and <html lang>. Read before the body is cleaned, because cleaning removes <script>.
import { cleanParagraph } from './clean-text';
import type { DomDocument, DomElement } from './dom';
import { toArray } from './dom';

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

/** Every object in the JSON-LD blocks, with arrays and @graph flattened (iteratively: input is untrusted). */
function jsonLdNodes(doc: DomDocument): JsonObject[] {
  const out: JsonObject[] = [];
  const stack: Json[] = [];
  for (const script of toArray(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    const parsed = parseJsonLd(script.textContent ?? '');
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

function isUrl(s: string): boolean {
  return /^(https?:)?\/\//i.test(s);
}

/** ISO 8601 as given when it already is; otherwise converted when Date can read it. */
export function normaliseDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/i.test(s)) return s.replace(' ', 'T');
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  const year = new Date(t).getUTCFullYear();
  return year > 1990 && year < 2100 ? new Date(t).toISOString() : null;
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

function timeAttr(doc: DomDocument, selectors: string[]): string | null {
  for (const sel of selectors) {
    for (const el of toArray(doc.querySelectorAll(sel))) {
      const d = normaliseDate(el.getAttribute('datetime') ?? el.getAttribute('content'));
      if (d) return d;
    }
  }
  return null;
}

function textOf(el: DomElement | null): string | null {
  if (!el) return null;
  const s = cleanParagraph(el.textContent ?? '');
  return s || null;
}

function cleanByline(raw: string | null): string | null {
  if (!raw) return null;
  const s = cleanParagraph(raw)
    .replace(/^by[:\s]+/i, '')
    // "By Jane Doe - 10/01/15 02:30 PM ET": the date is not part of the name.
    .replace(/\s*[-–—|,]\s*\d{1,2}\/\d{1,2}\/\d{2,4}.*$/, '')
    .replace(/\s*(updated|published|posted)\b.*$/i, '')
    .trim();
  return s && s.length <= 150 && !isUrl(s) ? s : null;
}

function stripSiteFromTitle(title: string, site: string | null): string {
  const m = /^(.*\S)\s+[|–—-]\s+([^|–—]+)$/.exec(title);
  const squash = (x: string): string => x.toLowerCase().replace(/\W/g, '');
  if (m?.[1] && m[2] && site && squash(m[2]) === squash(site)) return m[1];
  return title;
}

export function extractMetadata(doc: DomDocument, finalUrl: string): PageMetadata {
  const tags = metaTags(doc);
  const nodes = jsonLdNodes(doc);
  const byId = new Map<string, JsonObject>();
  for (const n of nodes) if (typeof n['@id'] === 'string') byId.set(n['@id'], n);
  const article = nodes.find((n) => types(n).some((t) => ARTICLE_TYPES.has(t)));
  const page = nodes.find((n) => types(n).some((t) => t.endsWith('webpage')));
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

  const authors = ld ? nameOf(ld['author'], byId).filter((a) => !isUrl(a)) : [];
  const metaAuthor = meta(
    tags,
    'author',
    'article:author',
    'sailthru.author',
    'parsely-author',
    'dc.creator',
  );
  const byline =
    (authors.length > 0 ? [...new Set(authors)].join(', ') : null) ??
    (metaAuthor && !isUrl(metaAuthor) ? cleanByline(metaAuthor) : null) ??
    cleanByline(textOf(doc.querySelector('[rel="author"], [itemprop="author"]'))) ??
    cleanByline(textOf(doc.querySelector('.byline, .author, [class*="byline"]')));

  const published =
    normaliseDate(ld ? str(ld['datePublished']) : null) ??
    normaliseDate(
      meta(tags, 'article:published_time', 'datePublished', 'pubdate', 'publishdate', 'publish-date'),
    ) ??
    normaliseDate(meta(tags, 'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dc.date', 'date')) ??
    timeAttr(doc, ['time[itemprop="datePublished"]', 'time[pubdate]', 'time[datetime]']);

  const updated =
    normaliseDate(ld ? str(ld['dateModified']) : null) ??
    normaliseDate(meta(tags, 'article:modified_time', 'og:updated_time', 'dateModified', 'last-modified')) ??
    timeAttr(doc, ['time[itemprop="dateModified"]', '[class*="updated" i] time[datetime]']);

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

  const canonicalUrl = absoluteHttpUrl(
    doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href'),
    finalUrl,
  );

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
  const articleBodyParagraphs =
    typeof rawBody === 'string'
      ? rawBody
          .split(/\n|<\/?p>|<br\s*\/?>/i)
          .map(cleanParagraph)
          .filter(Boolean)
      : [];

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
    articleBodyParagraphs,
  };
}
