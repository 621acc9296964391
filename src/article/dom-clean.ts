// Removes from a parsed page everything a reader would not see as article text: invisible elements (where
// prompt injections hide), comments, scripts, templates, and the furniture around articles (share bars,
// related stories, newsletter boxes, consent banners). Runs before content selection so none of it can win.
import type { DomDocument, DomElement, DomNode } from './dom';
import { COMMENT_NODE, toArray } from './dom';

const NEVER_CONTENT = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'math',
  'link',
  'meta',
  'input',
  'select',
  'textarea',
  'button',
  'dialog',
].join(',');

const HIDDEN_SELECTOR =
  '[hidden], [aria-hidden="true" i], [style*="display" i], [style*="visibility" i], [style*="opacity" i], ' +
  '[style*="font-size" i], [class]';
// Inline styles that make text invisible: the usual hiding places for instructions aimed at a summariser.
const HIDDEN_STYLE =
  /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*(hidden|collapse)|opacity\s*:\s*0(\.0+)?|font-size\s*:\s*0(px|em|rem|pt|%)?)\s*(!important)?\s*(;|$)/i;
// Utility classes that mean display:none in every common CSS framework. Without a CSS engine these are the
// stylesheet-hidden elements we can recognise.
const HIDDEN_CLASS = /(^|\s)(hidden|hide|d-none|is-hidden|invisible|display-none|visually-hidden)(\s|$)/i;

// class/id words of page furniture. Matched against whole words of class and id so that "shared" or
// "adventure" do not match "share" or "ad".
const BOILERPLATE_WORDS = new RegExp(
  '(^|[\\s_-])(' +
    [
      'share',
      'sharing',
      'social',
      'sharebar',
      'share-?tools',
      'related',
      'recommended',
      'recirc',
      'popular',
      'most-?read',
      'trending',
      'newsletter',
      'signup',
      'sign-?up',
      'subscribe',
      'subscription',
      'promo',
      'advert',
      'advertisement',
      'ads?',
      'adslot',
      'ad-?slot',
      'ad-?container',
      'sponsor',
      'sponsored',
      'outbrain',
      'taboola',
      'comments?',
      'disqus',
      'cookie',
      'consent',
      'gdpr',
      'breadcrumbs?',
      'tags',
      'tag-?list',
      'topics',
      'nav',
      'navbar',
      'menu',
      'masthead',
      'footer',
      'site-?footer',
      'copyright',
      'sidebar',
      'widget',
      'modal',
      'popup',
      'toolbar',
      'print',
      'more-?stories',
      'read-?more',
      'read-?next',
      'up-?next',
      'also-?read',
      'author-?bio',
      'bio',
      'byline',
      'dateline',
      'timestamp',
      'caption',
      'credit',
      'wp-caption-text',
      'skip-?link',
      'visually-?hidden',
      'sr-only',
      'screen-?reader-?text',
    ].join('|') +
    ')(?=$|[\\s_-])',
  'i',
);

const FURNITURE_TAGS = new Set(['nav', 'footer', 'aside', 'form', 'header']);

// Elements that hold the body by declaration; furniture rules never remove them or their ancestors.
const BODY_MARKERS = '[itemprop="articleBody" i], [property="articleBody" i]';

function removeComments(doc: DomDocument): void {
  if (!doc.documentElement) return;
  const walker = doc.createTreeWalker(doc.documentElement, 128 /* NodeFilter.SHOW_COMMENT */);
  const comments: DomNode[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.nodeType === COMMENT_NODE) comments.push(n);
  for (const c of comments) c.remove();
}

export function isHidden(el: DomElement): boolean {
  if (el.hasAttribute('hidden')) return true;
  if ((el.getAttribute('aria-hidden') ?? '').toLowerCase() === 'true') return true;
  if (HIDDEN_CLASS.test(el.getAttribute('class') ?? '')) return true;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style.replace(/\s+/g, ' '));
}

function textLength(el: DomElement): number {
  return (el.textContent ?? '').replace(/\s+/g, ' ').length;
}

function protectedElements(doc: DomDocument): Set<DomElement> {
  const keep = new Set<DomElement>();
  for (const marker of toArray(doc.querySelectorAll(BODY_MARKERS))) {
    for (let el: DomElement | null = marker; el; el = el.parentElement) keep.add(el);
  }
  return keep;
}

/** Removes invisible and never-content nodes: safe on any page, whatever the article is. */
export function removeInvisible(doc: DomDocument): void {
  removeComments(doc);
  for (const el of toArray(doc.querySelectorAll(NEVER_CONTENT))) el.remove();
  for (const el of toArray(doc.querySelectorAll(HIDDEN_SELECTOR))) if (isHidden(el)) el.remove();
}

/**
 * Removes page furniture by tag and by class/id words. A block holding several real paragraphs is never
 * removed: some sites wrap the whole page in a <form> or the body in `<div class="entry-content-read-more">`.
 */
export function removeFurniture(doc: DomDocument): void {
  const body = doc.body;
  if (!body) return;
  const keep = protectedElements(doc);
  const pageLength = Math.max(1, textLength(body));
  for (const el of toArray(body.querySelectorAll('*'))) {
    if (keep.has(el) || !el.parentNode) continue;
    const tag = el.localName;
    if (tag === 'article' || tag === 'main' || tag === 'body' || tag === 'p') continue;
    const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('role') ?? ''}`;
    const furnitureTag = FURNITURE_TAGS.has(tag);
    const roleFurniture = /\b(navigation|banner|contentinfo|complementary|dialog|alertdialog)\b/i.test(
      el.getAttribute('role') ?? '',
    );
    if (!furnitureTag && !roleFurniture && !BOILERPLATE_WORDS.test(words)) continue;
    const len = textLength(el);
    // An embedded post (<blockquote class="twitter-tweet"> in a "social-embed" box) is a quoted source.
    if (el.querySelector('blockquote')) continue;
    if (!holdsProse(el) && (len < 0.4 * pageLength || linkDensity(el) > 0.5)) el.remove();
  }
}

/** Several real paragraphs: an article body whatever its class says ("entry-content-read-more"). */
function holdsProse(el: DomElement): boolean {
  let paragraphs = 0;
  for (const p of toArray(el.querySelectorAll('p'))) {
    if (textLength(p) >= 80 && linkDensity(p) < 0.3 && ++paragraphs >= 3) return true;
  }
  return false;
}

export function linkDensity(el: DomElement): number {
  const total = textLength(el);
  if (total === 0) return 0;
  let links = 0;
  for (const a of toArray(el.querySelectorAll('a'))) links += textLength(a);
  return links / total;
}
