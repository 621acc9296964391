// Decides, before any connection, whether a URL is one the bot may open. Runs on the pasted link and again
// on every redirect hop. Addresses are re-judged at connect time too (see guarded-connector.ts): this is
// the cheap first gate, not the only one.
import { PolicyError } from '../errors';
import { isIpLiteral, judgeAddress } from './address-policy';

export const MAX_URL_LENGTH = 4096;

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** Where a URL sits in the chain: the link someone pasted, or a Location the site sent us to. */
export type UrlOrigin = 'pasted' | 'redirect';

type Reason =
  | 'url_too_long'
  | 'invalid_url'
  | 'unsupported_scheme'
  | 'credentials_in_url'
  | 'non_default_port'
  | 'local_name'
  | 'onion'
  | 'private_address';

// One sentence per reason and origin; a redirect refusal names the redirect so the reporter knows the link
// itself looked fine.
const MESSAGES: Record<Reason, (detail: string) => [string, string]> = {
  url_too_long: () => [
    'That link is too long for me to open.',
    'That link redirects to an overly long address, so I didn\u2019t follow it.',
  ],
  invalid_url: () => [
    'That doesn\u2019t look like a web link I can open.',
    'That link sent a broken redirect, so I didn\u2019t follow it.',
  ],
  unsupported_scheme: (d) => [
    `That link is not a web address (${d}), so I won\u2019t open it.`,
    `That link redirects to a non-web address (${d}), so I didn\u2019t follow it.`,
  ],
  credentials_in_url: () => [
    'That link carries a username or password, so I won\u2019t open it.',
    'That link redirects to an address with a username or password, so I didn\u2019t follow it.',
  ],
  non_default_port: (d) => [
    `That link uses an unusual port (${d}), so I won\u2019t open it.`,
    `That link redirects to an unusual port (${d}), so I didn\u2019t follow it.`,
  ],
  local_name: () => [
    'That link points to this machine (localhost), so I won\u2019t open it.',
    'That link redirects to an internal address, so I didn\u2019t follow it.',
  ],
  onion: () => [
    'That link is a Tor (.onion) address, which I can\u2019t open.',
    'That link redirects to a Tor (.onion) address, so I didn\u2019t follow it.',
  ],
  private_address: () => [
    'That link points to a private network address, so I won\u2019t open it.',
    'That link redirects to an internal address, so I didn\u2019t follow it.',
  ],
};

/** Builds the refusal for `reason`; redirect refusals get a `redirect_` code prefix. */
export function policyRefusal(reason: Reason, origin: UrlOrigin, detail = '', cause?: unknown): PolicyError {
  const [pasted, redirected] = MESSAGES[reason](detail);
  return origin === 'redirect'
    ? new PolicyError(`redirect_${reason}`, redirected, { cause })
    : new PolicyError(reason, pasted, { cause });
}

/** 'host:port' with the scheme's default port filled in; IPv6 hosts keep their brackets. */
export function hostPortKey(url: URL): string {
  return `${url.hostname}:${url.port || DEFAULT_PORTS[url.protocol] || ''}`.toLowerCase();
}

/** Normalises FETCH_ALLOW_HOSTS entries so they compare equal to hostPortKey(). */
export function normaliseAllowHosts(entries: readonly string[] | undefined): Set<string> {
  const set = new Set<string>();
  for (const raw of entries ?? []) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    // Let the URL parser canonicalise the host part so '[::1]:8080' and '127.0.0.1:8080' compare exactly.
    try {
      const u = new URL(`http://${entry}`);
      if (u.port) set.add(`${u.hostname}:${u.port}`);
      else if (/:80$/.test(entry)) set.add(`${u.hostname}:80`);
    } catch {
      // A malformed entry allows nothing.
    }
  }
  return set;
}

/**
 * Parses and checks one URL. Throws PolicyError for anything the bot will not open; returns the parsed URL
 * otherwise. An exact allowHosts match waives the port and address rules for that host:port only.
 */
export function checkUrl(raw: string, origin: UrlOrigin, allowHosts: ReadonlySet<string> = new Set()): URL {
  if (raw.length > MAX_URL_LENGTH) throw policyRefusal('url_too_long', origin);
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch (err) {
    throw policyRefusal('invalid_url', origin, '', err);
  }
  if (url.href.length > MAX_URL_LENGTH) throw policyRefusal('url_too_long', origin);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw policyRefusal('unsupported_scheme', origin, url.protocol.replace(/:$/, ''));
  }
  if (url.username || url.password) throw policyRefusal('credentials_in_url', origin);
  const host = url.hostname.replace(/\.+$/, '');
  if (host === '') throw policyRefusal('invalid_url', origin);
  if (host === 'localhost' || host.endsWith('.localhost')) throw policyRefusal('local_name', origin);
  if (host === 'onion' || host.endsWith('.onion')) throw policyRefusal('onion', origin);

  if (allowHosts.has(hostPortKey(url))) return url;
  // The address is judged before the port: "private network address" tells the reporter more than "port".
  if (isIpLiteral(url.hostname) && !judgeAddress(url.hostname).allowed) {
    throw policyRefusal('private_address', origin);
  }
  if (url.port !== '') throw policyRefusal('non_default_port', origin, url.port);
  return url;
}
