// Recognises pages that hide the article: subscription walls (declared in structured data or worded on the
// page), cookie-consent walls and login forms. A reply built on a teaser must say it only read the teaser,
// and a reply built on a consent banner must not exist.
import { countWords } from './clean-text';
import type { DomDocument } from './dom';
import { toArray } from './dom';
import { isHidden } from './dom-clean';
import type { PageMetadata } from './metadata';

export type WallKind = 'paywall' | 'consent' | 'login';

export interface Wall {
  kind: WallKind;
  /** Short, for "I could only read the first N words (<reason>)". */
  reason: string;
}

// Wording subscription walls use. Each phrase only appears where reading is being refused, unlike a bare
// "Subscribe" link that sits in every masthead.
const PAYWALL_WORDING =
  /(subscribe|sign in|log in|register) (now |today )?to (continue|keep) reading|to (continue|keep) reading,? (please )?(subscribe|sign in|log in|register|become a (subscriber|member))|(this|the rest of this) (article|story|content) is (only )?(available|reserved|exclusive) (to|for) (paying |our )?(subscribers|members)|subscribers? only (content|article)|you('ve| have) reached your (monthly |free )?(article |story )?limit|you have \d+ free (articles?|stories) (left|remaining)|unlock (this|the full) (article|story)|already a subscriber\?.{0,40}(log|sign) in to (continue|read)/i;

const CONSENT_WORDING =
  /we (and our (\d+ )?partners )?(use|store and\/or access) (cookies|information on a device)|cookie (policy|settings|preferences|consent)|accept (all )?cookies|(manage|customi[sz]e) (your )?(cookie |privacy )?(preferences|settings|choices|options)|before you continue|your privacy choices|consent to (the use of )?(cookies|personal data)/i;

const LOGIN_WORDING =
  /(sign|log) ?in to (your account|continue)|forgot (your )?password|create (an |your )?account/i;

function visiblePasswordField(doc: DomDocument): boolean {
  for (const input of toArray(doc.querySelectorAll('input[type="password" i]'))) {
    let hidden = false;
    for (let el: typeof input | null = input; el && !hidden; el = el.parentElement) hidden = isHidden(el);
    if (!hidden) return true;
  }
  return false;
}

/** Call on the page before any cleaning: form fields are removed later. */
export function hasLoginForm(doc: DomDocument): boolean {
  return visiblePasswordField(doc);
}

/** What the page says about walls, read before content selection. */
export interface WallSignals {
  /** Structured data says the article is not free (many metered sites say so and still send it all). */
  declaredPaywall: boolean;
  /** The page words a subscription prompt ("Subscribe to continue reading"). */
  paywallPrompt: boolean;
  consent: boolean;
  login: boolean;
}

/**
 * Reads wall signals from a page whose invisible parts are already removed. `loginForm` comes from
 * hasLoginForm on the uncleaned page.
 */
export function wallSignals(doc: DomDocument, meta: PageMetadata, loginForm: boolean): WallSignals {
  const text = (doc.body?.textContent ?? '').replace(/\s+/g, ' ');
  return {
    declaredPaywall: meta.accessibleForFree === false,
    paywallPrompt: PAYWALL_WORDING.test(text),
    consent: CONSENT_WORDING.test(text),
    login: loginForm || (LOGIN_WORDING.test(text) && countWords(text) < 300),
  };
}

/**
 * Below this, a declared-paywalled article is taken to be the teaser. Above it, the site sent the text anyway
 * (metered sites declare a paywall on every article and the selectors they name often match nothing).
 */
const TEASER_WORDS = 250;

/** The wall that limited what we read, given how many article words we found; null when none did. */
export function judgeWall(signals: WallSignals, articleWords: number): Wall | null {
  if (signals.paywallPrompt || (signals.declaredPaywall && articleWords < TEASER_WORDS))
    return { kind: 'paywall', reason: 'paywall' };
  if (signals.consent) return { kind: 'consent', reason: 'cookie consent wall' };
  if (signals.login) return { kind: 'login', reason: 'login wall' };
  return null;
}

/** True when extracted text is itself consent or login wording (the banner was taken for the article). */
export function mentionsWall(text: string): boolean {
  return CONSENT_WORDING.test(text) || LOGIN_WORDING.test(text);
}

/** A subscribe or consent prompt that sits among the paragraphs: never the article's own words. */
export function isWallPrompt(text: string): boolean {
  return countWords(text) <= 40 && (PAYWALL_WORDING.test(text) || CONSENT_WORDING.test(text));
}
