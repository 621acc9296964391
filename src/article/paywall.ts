// Recognises pages that hide the article: subscription walls (declared in structured data or worded where the
// article stops), cookie-consent walls and login walls. A reply built on a teaser must say it only read the
// teaser, and a reply built on a consent banner must not exist. Every signal is read where it would block
// reading: a subscribe promo under a complete story, or a cookie bar over one, is not a wall.
import { blocksOf } from './blocks';
import { countWords } from './clean-text';
import type { DomDocument, DomElement } from './dom';
import { toArray } from './dom';
import type { PageMetadata } from './metadata';

export type WallKind = 'paywall' | 'consent' | 'login';

export interface Wall {
  kind: WallKind;
  /** Short, for "I could only read the first N words (<reason>)". */
  reason: string;
}

// Wording subscription walls use. Each phrase only appears where reading is being refused, unlike a bare
// "Subscribe" link that sits in every masthead, or a promo's "subscribe to keep reading stories like this".
const PAYWALL_WORDING =
  /(subscribe|sign in|log in|register) (now |today )?to (continue|keep) reading(?! (more|other|our|great|quality|local|independent|award|trusted|unlimited|stories|articles|news|journalism|coverage|the best|premium)\b)|to (continue|keep) reading,? (please )?(subscribe|sign in|log in|register|become a (subscriber|member))|(this|the rest of this) (article|story|content) is (only )?(available|reserved|exclusive) (to|for) (paying |our )?(subscribers|members)|subscribers? only (content|article)|you('ve| have) reached your (monthly |free )?(article |story )?limit|you have \d+ free (articles?|stories) (left|remaining)|unlock (this|the full) (article|story)|already a subscriber\?.{0,40}(log|sign) in to (continue|read)/i;

// What a consent banner says in its own voice. Reporting about consent ("the sites made it easy to accept all
// cookies") does not speak to the reader this way.
const BANNER_VOICE =
  /\bwe (and our (\d+ )?(partners|vendors) )?(use|store|set|serve|and our)\b[^.]{0,40}\b(cookies|information on (a|your) device|similar technologies)|\b(manage|customi[sz]e|review|change|update) (your )?(cookie |privacy |consent |ad )?(preferences|settings|choices|options)\b|before you continue|your privacy choices|\bby (clicking|continuing|using|browsing)\b[^.]{0,60}\b(agree|accept|consent)|(this|our) (web)?site uses cookies|consent to (the use of )?(cookies|personal data)|store and\/or access information on a device/i;

// A consent screen that withholds the page until the reader agrees, as opposed to a bar at the bottom of it.
const CONSENT_BLOCKING =
  /before you continue|(accept|agree to|consent to)[^.]{0,60}\bto (continue|keep) (reading|to (the|our) (site|website))|to (continue|keep) reading[^.]{0,60}\b(accept|agree|consent)|cookie ?wall/i;

// What a login prompt says in its own voice; a story can mention accounts, it does not ask you to sign in.
const LOGIN_VOICE =
  /\b(sign|log) ?in to (your account|continue|keep reading|read)|forgot (your )?password\?|create (an |your )?(free )?account to (continue|keep reading|read)|(sign|log) ?in or (register|create (an|a free) account)/i;

// A login prompt that withholds the story.
const LOGIN_BLOCKING =
  /\b(sign|log) ?in( or (register|sign up|create an account))? to (continue|keep reading|read (this|the (full|rest))|access|view)|(this|the) (story|article|content) is (only )?available (only )?to (registered|logged-in|signed-in) (readers|users|members)/i;

// Containers consent-management platforms and sites put their banners in.
const BANNER_CONTAINERS =
  '[class*="cookie" i], [id*="cookie" i], [class*="consent" i], [id*="consent" i], [class*="gdpr" i], [id*="gdpr" i], [id*="onetrust" i], [class*="cmp" i], [id*="cmp" i], [id*="didomi" i], [id*="sp_message" i], [role="dialog" i], [role="alertdialog" i], [aria-modal="true" i]';

// Class/id words of the element a paywall puts its prompt in.
const WALL_CONTAINER =
  /(^|[\s_-])(pay-?wall(ed)?|reg-?wall|registration-?wall|meter-?wall|hard-?wall|wall|article-?locked|locked-?content|content-?gate|subscriber-?(only|wall|gate|content))(?=$|[\s_-])/i;

/** Below this many words a body is probably a teaser or a stub, if something else says so too. */
export const SHORT_BODY_WORDS = 150;

/**
 * Below this, a declared-paywalled article is taken to be the teaser. Above it, the site sent the text anyway
 * (metered sites declare a paywall on every article, and the selectors they name often match nothing).
 */
const TEASER_WORDS = 250;

/**
 * True when structured data names the paywalled part (hasPart cssSelector) and that part is on the page with
 * no text of its own, or only a prompt: the server left the story out. A selector that matches nothing says
 * nothing (metered sites name parts they never render). Call before cleaning.
 */
export function declaredPartEmpty(doc: DomDocument, meta: PageMetadata): boolean {
  let empty = false;
  for (const selector of meta.paywalledSelectors.slice(0, 5)) {
    if (selector.length > 200) continue;
    let parts: DomElement[];
    try {
      parts = toArray(doc.querySelectorAll(selector));
    } catch {
      continue;
    }
    for (const part of parts) {
      const text = (part.textContent ?? '').replace(/\s+/g, ' ');
      const words = countWords(text);
      if (words > 15 && !(words <= 60 && PAYWALL_WORDING.test(text))) return false;
      empty = true;
    }
  }
  return empty;
}

/** What the page says about walls, read before content selection. */
export interface WallSignals {
  /** Structured data says the article is not free (many metered sites say so and still send it all). */
  declaredPaywall: boolean;
  /** The part structured data marks as paywalled is on the page but empty. */
  declaredPartEmpty: boolean;
  /** A subscription prompt where the article's paragraphs stop, or in a paywall's own container. */
  paywallPrompt: boolean;
  /** Subscription-wall wording anywhere on the visible page: with a short body, a hint of a teaser. */
  paywallWording: boolean;
  /** A consent screen that withholds the page ("Before you continue"). */
  consentWall: boolean;
  /** A login prompt that withholds the story ("Sign in to keep reading"). */
  loginWall: boolean;
  /** Consent-banner or login-prompt wording somewhere on the visible page. */
  bannerWording: boolean;
  /** Paragraphs of consent and login banners and dialogs, and which wall they belong to. */
  bannerParagraphs: Map<string, WallKind>;
}

function textLength(el: DomElement): number {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;
}

/** The innermost elements whose text carries the wording (a few: walls say it once or twice). */
function innermostWith(root: DomElement, wording: RegExp, limit: number): DomElement[] {
  const found: DomElement[] = [];
  const queue: DomElement[] = [root];
  while (queue.length > 0 && found.length < limit) {
    const el = queue.shift() as DomElement;
    const inner = toArray(el.children).filter((c) =>
      wording.test((c.textContent ?? '').replace(/\s+/g, ' ')),
    );
    if (inner.length === 0) found.push(el);
    else queue.push(...inner);
  }
  return found;
}

function inWallContainer(el: DomElement): boolean {
  for (let up: DomElement | null = el; up; up = up.parentElement) {
    if (WALL_CONTAINER.test(`${up.getAttribute('class') ?? ''} ${up.getAttribute('id') ?? ''}`)) return true;
  }
  return false;
}

const LONG_PARAGRAPH = 80;
// How far up from a prompt the story's container is looked for: a prompt sits near the paragraphs it ends.
const MAX_LEVELS = 12;

/**
 * Whether a prompt ends an article body: inside the element that holds the story's paragraphs (not loose on
 * the page, as promos under a story are), with the story's paragraphs before it and next to none after.
 */
function endsArticle(prompt: DomElement): boolean {
  let levels = 0;
  for (let up = prompt.parentElement; up && levels++ < MAX_LEVELS; up = up.parentElement) {
    if (up.localName === 'body' || up.localName === 'html') return false;
    let before = 0;
    let after = 0;
    let passed = false;
    for (const el of toArray(up.querySelectorAll('*'))) {
      if (el === prompt) passed = true;
      if (el.localName !== 'p') continue;
      const length = textLength(el);
      if (length < LONG_PARAGRAPH) continue;
      let inside = false;
      for (let a: DomElement | null = el; a && a !== up && !inside; a = a.parentElement)
        inside = a === prompt;
      if (inside) continue;
      if (passed) after += length;
      else before += length;
    }
    if (before + after > 0) return before > 0 && after <= 0.25 * before;
  }
  return false;
}

// A banner is a box, not the page: a container this big, or holding the article, is the page's wrapper
// (`<div id="page" class="has-cookie-banner">`).
const MAX_BANNER_WORDS = 400;

function bannerParagraphs(doc: DomDocument): Map<string, WallKind> {
  const out = new Map<string, WallKind>();
  for (const el of toArray(doc.querySelectorAll(BANNER_CONTAINERS))) {
    if (!el.isConnected || el.localName === 'html' || el.localName === 'body') continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ');
    const kind: WallKind | null =
      BANNER_VOICE.test(text) || CONSENT_BLOCKING.test(text)
        ? 'consent'
        : LOGIN_VOICE.test(text) || LOGIN_BLOCKING.test(text)
          ? 'login'
          : null;
    if (kind === null || countWords(text) > MAX_BANNER_WORDS) continue;
    if (el.querySelector('article, main, [itemprop="articleBody" i]')) continue;
    for (const block of blocksOf(el)) out.set(block.text, kind);
  }
  return out;
}

// Walls sit at the top of a page (overlays, teasers) or at its end (the prompt after the last paragraph): a
// megabyte-long page is read for wall wording at both ends only, so its middle costs nothing.
const WALL_WINDOW = 200_000;

function wallWindow(text: string): string {
  return text.length <= 2 * WALL_WINDOW ? text : `${text.slice(0, WALL_WINDOW)} ${text.slice(-WALL_WINDOW)}`;
}

/**
 * Reads wall signals from a page whose invisible parts are already removed and whose furniture is not yet:
 * wall prompts and banners sit in furniture. `partEmpty` comes from declaredPartEmpty on the uncleaned page.
 */
export function wallSignals(doc: DomDocument, meta: PageMetadata, partEmpty: boolean): WallSignals {
  const body = doc.body;
  const text = wallWindow((body?.textContent ?? '').replace(/\s+/g, ' '));
  const paywallWording = PAYWALL_WORDING.test(text);
  const prompts = body && paywallWording ? innermostWith(body, PAYWALL_WORDING, 4) : [];
  const consentWall = CONSENT_BLOCKING.test(text);
  const loginWall = LOGIN_BLOCKING.test(text);
  const bannerWording = consentWall || loginWall || BANNER_VOICE.test(text) || LOGIN_VOICE.test(text);
  return {
    declaredPaywall: meta.accessibleForFree === false,
    declaredPartEmpty: partEmpty,
    paywallPrompt: prompts.some((p) => inWallContainer(p) || endsArticle(p)),
    paywallWording,
    consentWall,
    loginWall,
    bannerWording,
    bannerParagraphs: bannerWording ? bannerParagraphs(doc) : new Map(),
  };
}

/** The wall that limited what we read, given how many article words we found; null when none did. */
export function judgeWall(signals: WallSignals, articleWords: number): Wall | null {
  if (
    signals.paywallPrompt ||
    (signals.declaredPaywall && (signals.declaredPartEmpty || articleWords < TEASER_WORDS))
  )
    return { kind: 'paywall', reason: 'paywall' };
  // A banner over a story does not stop us reading it; one that withholds the page leaves a stub.
  if (articleWords < SHORT_BODY_WORDS && signals.consentWall)
    return { kind: 'consent', reason: 'cookie consent wall' };
  if (articleWords < SHORT_BODY_WORDS && signals.loginWall) return { kind: 'login', reason: 'login wall' };
  return null;
}

/** The kind of wall a paragraph belongs to when it is a wall's own words, else null. */
export function wallParagraphKind(text: string, signals: WallSignals): WallKind | null {
  // A page whose text says none of it has no paragraph that does: most pages stop here.
  if (!signals.bannerWording && !signals.paywallWording) return null;
  const banner = signals.bannerParagraphs.get(text);
  if (banner) return banner;
  if (countWords(text) > 40) return null;
  if (signals.bannerWording) {
    if (BANNER_VOICE.test(text) || CONSENT_BLOCKING.test(text)) return 'consent';
    if (LOGIN_VOICE.test(text) || LOGIN_BLOCKING.test(text)) return 'login';
  }
  return signals.paywallWording && PAYWALL_WORDING.test(text) ? 'paywall' : null;
}
