// Removes from a parsed page everything a reader would not see as article text: invisible elements (where
// prompt injections hide), comments, scripts, templates, and the furniture around articles (share bars,
// related stories, newsletter boxes, consent banners). Runs before content selection so none of it can win.
import type { DomDocument, DomElement, DomNode } from './dom';
import { isSpaceCode } from './clean-text';
import { COMMENT_NODE, TEXT_NODE, toArray } from './dom';
import { type HidingRules, hidingRules, styleHides } from './hidden-style';

const NEVER_CONTENT: ReadonlySet<string> = new Set([
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
]);

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

// Words that page builders also use for every block ("elementor-widget-text-editor" holds the story): furniture
// only when they begin a class or id (WordPress sidebars: "widget", "widget_recent_entries", "widget-area").
const BUILDER_WORDS = /(^|\s)widgets?(?=$|[\s_-])/i;

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

export function isHidden(el: DomElement, rules?: HidingRules): boolean {
  if (el.hasAttribute('hidden')) return true;
  if ((el.getAttribute('aria-hidden') ?? '').toLowerCase() === 'true') return true;
  if (HIDDEN_CLASS.test(el.getAttribute('class') ?? '')) return true;
  const style = el.getAttribute('style');
  if (style !== null && styleHides(style)) return true;
  return rules !== undefined && !rules.empty && rules.hides(el);
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

// Blocks whose text is running prose, where an element is part of a sentence.
const RUNNING_TEXT = new Set(['p', 'li', 'blockquote', 'dd', 'td', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const INLINE_TAGS = new Set(
  (
    'a abbr b bdi bdo cite code data del dfn em font i ins kbd mark q s samp small span strong sub sup ' +
    'time u var'
  ).split(' '),
);

function hasText(node: { nodeType: number; textContent: string | null } | null): boolean {
  return node !== null && node.nodeType === TEXT_NODE && /\S/.test(node.textContent ?? '');
}

/** Text length and direct text of the blocks that inline elements sit in, remembered per block. */
interface BlockText {
  length: Map<DomElement, number>;
  direct: Map<DomElement, boolean>;
}

/**
 * An inline element that is part of a sentence: it shares a paragraph (or heading, list item, cell, or a block
 * with text of its own) with other text. Removing one leaves "according to , which was published", or a
 * dateline-less "— The". One that is all its block says (a caption in a <p>), or holds a picture, is not.
 */
function inRunningText(el: DomElement, seen: BlockText): boolean {
  let block = el.parentElement;
  while (block && INLINE_TAGS.has(block.localName)) block = block.parentElement;
  if (!block || el.querySelector('img, picture, video, figure')) return false;
  let direct = RUNNING_TEXT.has(block.localName) || seen.direct.get(block);
  if (direct === undefined) {
    // Remembered per block: a page of 100,000 links in one <div> would otherwise re-read it for each link.
    direct = toArray(block.childNodes).some(hasText);
    seen.direct.set(block, direct);
  }
  if (!direct) return false;
  let length = seen.length.get(block);
  if (length === undefined) {
    length = textLength(block);
    seen.length.set(block, length);
  }
  return length > textLength(el) + 1;
}

// Hover cards, tooltips and popovers inside a sentence show only on hover; their text is another story's
// (The Hill's people cards glue a politician's latest headlines into the sentence that names them).
const HOVER_WORD = /(^|[\s_-])(rollover|hover|hovercard|tooltip|tooltiptext|popover|popup|flyout|tippy)/i;
const CARD_CLASS =
  /(^|\s)[\w-]*(hover-?card|tooltip-?(text|content|body|inner)|popover(-?(content|body))?)(\s|$)/i;

function inRunningBlock(el: DomElement): boolean {
  for (let up = el.parentElement, n = 0; up && n < 8; up = up.parentElement, n++)
    if (RUNNING_TEXT.has(up.localName)) return true;
  return false;
}

/** A hover card inside running text: a card class, or the part of a hover group that follows its trigger. */
function isHoverCard(el: DomElement, cls: string): boolean {
  if (el.localName === 'a') return false;
  const card = CARD_CLASS.test(cls);
  if (!card && !HOVER_WORD.test(cls)) return false;
  if (!inRunningBlock(el)) return false;
  if (card) return true;
  // The card of a hover group: it follows the trigger (the name, the term) inside the group's wrapper.
  const parent = el.parentElement;
  if (!parent || !HOVER_WORD.test(parent.getAttribute('class') ?? '')) return false;
  for (let n = parent.firstChild; n && n !== el; n = n.nextSibling)
    if (/\S/.test(n.textContent ?? '')) return true;
  return false;
}

/**
 * Removes invisible and never-content nodes: safe on any page, whatever the article is. Reads the page's own
 * hiding rules from its <style> elements first, then removes them with the rest.
 */
export function removeInvisible(doc: DomDocument): void {
  removeComments(doc);
  // One walk and plain attribute reads: a compound selector is compiled afresh on every call, and on the
  // bench pages that compiling cost more than the judging.
  const all = toArray(doc.querySelectorAll('*'));
  const never = all.filter((el) => NEVER_CONTENT.has(el.localName));
  const sheet = hidingRules(never.filter((el) => el.localName === 'style'));
  for (const el of never) el.remove();
  for (const el of all) {
    if (!mayBeHidden(el, sheet) || !el.isConnected) continue;
    const cls = el.getAttribute('class');
    if (isHidden(el, sheet) || (cls !== null && isHoverCard(el, cls))) el.remove();
  }
}

/** Whether the element carries anything isHidden or isHoverCard reads. */
function mayBeHidden(el: DomElement, sheet: HidingRules): boolean {
  return (
    !NEVER_CONTENT.has(el.localName) &&
    (el.hasAttribute('class') ||
      el.hasAttribute('style') ||
      el.hasAttribute('hidden') ||
      el.hasAttribute('aria-hidden') ||
      (sheet.byId && el.hasAttribute('id')))
  );
}

// What Readability removes by class or id as an unlikely candidate or a byline, whatever the element is.
const READER_REMOVES =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|byline|author|dateline|writtenby/i;

function readerRemoves(el: DomElement, words: string): boolean {
  return (
    (words.length > 2 && READER_REMOVES.test(words)) ||
    (el.getAttribute('rel') ?? '').toLowerCase() === 'author' ||
    (el.getAttribute('itemprop') ?? '').toLowerCase().includes('author')
  );
}

/** Readability would take a dateline or a "related" link out of its sentence: leave it nothing to go by. */
function keepInSentence(el: DomElement): void {
  for (const attr of ['class', 'id', 'rel', 'itemprop', 'role'])
    if (el.hasAttribute(attr)) el.setAttribute(attr, '');
}

/**
 * A <header> that heads an entry inside the article (a live-blog post's headline and time), not the page's or
 * the story's own (its h1, dek, byline and dates).
 */
function isEntryHeader(el: DomElement): boolean {
  if (el.querySelector('h1') || !el.querySelector('h2, h3, h4, h5, h6')) return false;
  for (let up = el.parentElement; up; up = up.parentElement)
    if (up.localName === 'article' || up.localName === 'main') return true;
  return false;
}

/**
 * Removes page furniture by tag and by class/id words. A block holding several real paragraphs is never
 * removed: some sites wrap the whole page in a <form> or the body in `<div class="entry-content-read-more">`.
 * Nor is an inline element inside running text: it is part of a sentence.
 */
export function removeFurniture(doc: DomDocument): void {
  const body = doc.body;
  if (!body) return;
  const keep = protectedElements(doc);
  const pageLength = Math.max(1, textLength(body));
  const blockText: BlockText = { length: new Map(), direct: new Map() };
  for (const el of toArray(body.querySelectorAll('*'))) {
    // Descendants of a block already removed are gone with it; judging them again re-reads their text.
    if (keep.has(el) || !el.isConnected) continue;
    const tag = el.localName;
    if (tag === 'article' || tag === 'main' || tag === 'body' || tag === 'p') continue;
    const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('role') ?? ''}`;
    const furnitureWords = BOILERPLATE_WORDS.test(words) || BUILDER_WORDS.test(words);
    if (
      INLINE_TAGS.has(tag) &&
      (furnitureWords || readerRemoves(el, words)) &&
      inRunningText(el, blockText)
    ) {
      keepInSentence(el);
      continue;
    }
    const furnitureTag = FURNITURE_TAGS.has(tag) && !(tag === 'header' && isEntryHeader(el));
    const roleFurniture = /\b(navigation|banner|contentinfo|complementary|dialog|alertdialog)\b/i.test(
      el.getAttribute('role') ?? '',
    );
    if (!furnitureTag && !roleFurniture && !furnitureWords) continue;
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
