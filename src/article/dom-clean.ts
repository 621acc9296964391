// Removes from a parsed page everything a reader would not see as article text: invisible elements (where
// prompt injections hide), comments, scripts, templates, and the furniture around articles (share bars,
// related stories, newsletter boxes, consent banners). Runs before content selection so none of it can win.
import type { DomDocument, DomElement, DomNode } from './dom';
import { isSpaceCode } from './clean-text';
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

const HIDDEN_SELECTOR = '[hidden], [aria-hidden="true" i], [style], [class]';

// Utility classes that hide text in every common CSS framework (display:none ones, and the screen-reader-only
// ones that clip text to a 1px box). Without a CSS engine these are the stylesheet-hidden elements we can
// recognise; screen-reader text is at best "opens in a new window", at worst an instruction to a summariser.
const HIDDEN_CLASS = new RegExp(
  '(^|\\s)(' +
    [
      'hidden',
      'hide',
      'd-none',
      'is-hidden',
      'invisible',
      'display-none',
      'visually-?hidden',
      'visuallyhidden',
      'sr-only',
      'screen-?reader-?(text|only)',
      'element-invisible',
      'a11y-hidden',
      'u-hidden',
      'hidden-?visually',
      'offscreen',
    ].join('|') +
    ')(\\s|$)',
  'i',
);

/** A CSS length in px (em and rem at 16px, pt at 4/3 px), or null for anything else. */
function lengthPx(value: string): number | null {
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(px|pt|em|rem|%|vw|vh)?$/i.exec(value.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const unit = (m[2] ?? '').toLowerCase();
  if (unit === '' || unit === 'px') return n;
  if (unit === 'pt') return (n * 4) / 3;
  if (unit === 'em' || unit === 'rem') return n * 16;
  return unit === '%' && n === 0 ? 0 : null;
}

function numberOrPercent(value: string): number | null {
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(%)?$/.exec(value.trim());
  if (!m) return null;
  return m[2] ? Number(m[1]) / 100 : Number(m[1]);
}

/** True when a colour is fully transparent: `transparent`, rgba/hsla with alpha 0, #rgba / #rrggbbaa ending 0. */
function isTransparent(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === 'transparent') return true;
  if (/^#([0-9a-f]{3}0|[0-9a-f]{6}00)$/.test(v)) return true;
  const fn = /^(?:rgba?|hsla?)\((.*)\)$/.exec(v);
  if (!fn) return false;
  const parts = (fn[1] ?? '').split(/[\s,/]+/).filter(Boolean);
  if (parts.length !== 4) return false;
  const alpha = numberOrPercent(parts[3]!);
  return alpha !== null && alpha <= 0;
}

/** Every number in a clip/clip-path/transform argument list, or null when one is not a plain length. */
function numbersIn(args: string): number[] | null {
  const out: number[] = [];
  for (const part of args.split(/[\s,]+/).filter(Boolean)) {
    const px = lengthPx(part) ?? numberOrPercent(part);
    if (px === null) return null;
    out.push(px);
  }
  return out;
}

// Far enough off-screen that no viewport shows it: the "left: -9999px" idiom and its variants.
const OFFSCREEN_PX = -999;

/**
 * Whether an inline style hides its element's text. Declarations are read one by one (last one wins, as
 * in CSS), so the idioms are caught in any order and spelling: opacity .0 or 0%, font-size 0 or 1px,
 * transparent text, off-screen offsets, clip/clip-path to nothing, a zero-height box with overflow hidden,
 * scale(0).
 */
export function styleHides(style: string): boolean {
  const decl = new Map<string, string>();
  for (const part of style.split(';')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const prop = part.slice(0, colon).trim().toLowerCase();
    const value = part
      .slice(colon + 1)
      .replace(/!\s*important\s*$/i, '')
      .trim()
      .toLowerCase();
    if (prop && value) decl.set(prop, value);
  }
  const get = (p: string): string => decl.get(p) ?? '';
  if (get('display') === 'none') return true;
  if (get('visibility') === 'hidden' || get('visibility') === 'collapse') return true;
  const opacity = numberOrPercent(get('opacity'));
  if (opacity !== null && opacity <= 0.05) return true;
  const fontSize = lengthPx(get('font-size'));
  if (fontSize !== null && fontSize <= 1) return true;
  if (isTransparent(get('color')) || isTransparent(get('-webkit-text-fill-color'))) return true;
  for (const side of ['left', 'top', 'right', 'bottom', 'text-indent', 'margin-left', 'margin-top']) {
    const px = lengthPx(get(side));
    if (px !== null && px <= OFFSCREEN_PX) return true;
  }
  const clip = /^rect\((.*)\)$/.exec(get('clip'));
  if (clip) {
    const n = numbersIn(clip[1] ?? '');
    // rect(top right bottom left): nothing left to see when the box is at most a pixel either way
    if (n && n.length === 4 && Math.abs(n[2]! - n[0]!) <= 1 && Math.abs(n[1]! - n[3]!) <= 1) return true;
  }
  const clipPath = get('clip-path');
  const inset = /^inset\((.*)\)$/.exec(clipPath);
  if (inset && (numbersIn(inset[1] ?? '') ?? []).some((v) => v >= 0.5 && v <= 1)) return true;
  if (/^(circle|ellipse)\(\s*0(px|%)?[\s)]/.test(clipPath)) return true;
  const polygon = /^polygon\((.*)\)$/.exec(clipPath);
  if (polygon && numbersIn(polygon[1] ?? '')?.every((v) => v === 0)) return true;
  const overflowHidden = /^(hidden|clip)/.test(get('overflow') || get('overflow-y') || get('overflow-x'));
  if (overflowHidden) {
    for (const dim of ['height', 'max-height', 'width', 'max-width']) {
      const px = lengthPx(get(dim));
      if (px !== null && px <= 1) return true;
    }
  }
  const scale = /scale[xy3d]*\(([^)]*)\)/.exec(get('transform')) ?? /^(.*)$/.exec(get('scale'));
  if (scale && (numbersIn(scale[1] ?? '') ?? [1]).some((v) => v === 0)) return true;
  return false;
}

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
  return style !== null && styleHides(style);
}

/** Length of the element's text with whitespace runs counted as one character. */
function textLength(el: DomElement): number {
  const text = el.textContent ?? '';
  let length = 0;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpaceCode(text.charCodeAt(i));
    if (!space || !inSpace) length++;
    inSpace = space;
  }
  return length;
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
    // Descendants of a block already removed are gone with it; judging them again re-reads their text.
    if (keep.has(el) || !el.isConnected) continue;
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
