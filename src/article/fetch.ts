// The article fetcher: every URL anyone pastes goes through here. URL policy before any connection, the
// address policy on every connection (guarded-connector.ts), redirects followed by hand under one deadline,
// and size, time, type and charset handled so a hostile server gets a one-line answer, not our resources.
import { setTimeout as wait } from 'node:timers/promises';
import { Agent, type Dispatcher } from 'undici';
import { FetchError } from '../errors';
import { decodeHtml } from './charset';
import { parseCodings, readDecodedBody, SUPPORTED_CODINGS } from './body-reader';
import { classifyMediaType, isDownloadType, parseContentType, sniffContent } from './content-type';
import { contentRefusal, formatSize, statusFailure, toFetchFailure } from './fetch-failure';
import { untilAborted } from './abortable';
import { createGuardedConnect, undiciDialer, type Dialer } from './guarded-connector';
import { defaultResolver, type Resolver } from './resolvers';
import type { FetchedPage } from './types';
import { metaRefreshUrl, refreshUrl } from './refresh';
import { checkUrl, hostPortKey, normaliseAllowHosts, type UrlOrigin } from './url-policy';

export interface FetchLimits {
  /** The whole redirect chain, retries included. */
  totalMs: number;
  dnsMs: number;
  /** Per address, TLS handshake included. */
  connectMs: number;
  /** From request sent to complete response headers. */
  firstByteMs: number;
  /** Longest silence while the body streams. */
  idleMs: number;
  /** Decoded (decompressed) body bytes. */
  maxBytes: number;
  /**
   * Bytes on the wire (before decompression); Content-Length is checked against it too. Real pages compress
   * to less than they decode to, so the decoded cap is also a fair wire cap; it is what stops a stream that
   * decodes to nothing (endless empty gzip members) long before the deadline.
   */
  maxWireBytes: number;
  maxRedirects: number;
  maxCodings: number;
  /** Response header bytes (undici maxHeaderSize). */
  maxHeaderBytes: number;
}

export const DEFAULT_LIMITS: Readonly<FetchLimits> = Object.freeze({
  totalMs: 8_000,
  dnsMs: 3_000,
  connectMs: 3_000,
  firstByteMs: 5_000,
  idleMs: 4_000,
  maxBytes: 5 * 1024 * 1024,
  maxWireBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  maxCodings: 2,
  maxHeaderBytes: 16 * 1024,
});

export const USER_AGENT = 'NewsdeskBot/0.1 (Slack bot reading news links that newsroom staff paste)';

export interface FetchOptions {
  /** `host:port` entries (FETCH_ALLOW_HOSTS) that waive the address and port rules for exactly that host:port. */
  allowHosts?: string[];
  /** Caller cancellation. */
  signal?: AbortSignal;
  /** Name resolution for every connection; defaults to c-ares, with the system resolver for allowHosts names. */
  resolver?: Resolver;
  /** Opens the connection to a checked address; defaults to undici's connector. Tests pass a stub. */
  dial?: Dialer;
  /** Overrides for tests; production uses DEFAULT_LIMITS. */
  limits?: Partial<FetchLimits>;
  userAgent?: string;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

interface Chain {
  limits: FetchLimits;
  allowHosts: ReadonlySet<string>;
  agent: Agent;
  signal: AbortSignal;
  startedAt: number;
  userAgent: string;
}

export async function fetchPage(url: string, opts: FetchOptions = {}): Promise<FetchedPage> {
  const limits: FetchLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const configured = normaliseAllowHosts(opts.allowHosts);
  const first = checkUrl(url, 'pasted', configured);
  if (opts.signal?.aborted) throw new FetchError('cancelled', 'The request was cancelled.');
  // The escape hatch is for links to the allowed hosts themselves (a CMS preview someone pasted). A chain
  // that starts anywhere else gets the full policy on every hop, or any public page could redirect the bot
  // into the intranet host the operator opened up.
  const allowHosts: ReadonlySet<string> = configured.has(hostPortKey(first)) ? configured : new Set();

  const startedAt = Date.now();
  const deadline = AbortSignal.timeout(limits.totalMs);
  const signal = opts.signal ? AbortSignal.any([deadline, opts.signal]) : deadline;
  // One Agent per fetch: no pooled socket outlives the chain it was checked for, and proxy environment
  // variables never apply (only a ProxyAgent or EnvHttpProxyAgent would read them).
  const agent = new Agent({
    connect: createGuardedConnect({
      allowHosts,
      resolver: opts.resolver ?? defaultResolver(hostNames(allowHosts)),
      dial: opts.dial ?? undiciDialer(limits.connectMs),
      dnsTimeoutMs: limits.dnsMs,
      connectTimeoutMs: limits.connectMs,
      signal,
      deadlineAt: startedAt + limits.totalMs,
    }),
    headersTimeout: limits.firstByteMs,
    bodyTimeout: limits.idleMs,
    maxHeaderSize: limits.maxHeaderBytes,
  });
  const chain: Chain = {
    limits,
    allowHosts,
    agent,
    signal,
    startedAt,
    userAgent: opts.userAgent ?? USER_AGENT,
  };
  let origin: UrlOrigin = 'pasted';
  try {
    return await followChain(url, first, chain, (o) => (origin = o));
  } catch (err) {
    throw toFetchFailure(err, {
      origin,
      deadlineExpired: deadline.aborted,
      cancelled: opts.signal?.aborted ?? false,
    });
  } finally {
    agent.destroy().catch(() => undefined);
  }
}

async function followChain(
  pasted: string,
  first: URL,
  chain: Chain,
  setOrigin: (o: UrlOrigin) => void,
): Promise<FetchedPage> {
  let current = first;
  let hops = 0;
  let retried = false;
  for (;;) {
    setOrigin(hops === 0 ? 'pasted' : 'redirect');
    // Dispatcher.request, not fetch: it never follows redirects or decompresses on its own, so every hop
    // and every decoded byte passes through the checks below. undici does not reject a request that is
    // still waiting for its connection when the signal fires, so the deadline is raced here as well.
    const res = await untilAborted(
      chain.agent.request({
        origin: current.origin,
        path: `${current.pathname}${current.search}`,
        method: 'GET',
        signal: chain.signal,
        headers: {
          'user-agent': chain.userAgent,
          accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
          'accept-encoding': 'gzip, deflate, br',
        },
      }),
      chain.signal,
      discard,
    );

    if (REDIRECT_STATUSES.has(res.statusCode)) {
      discard(res);
      const location = header(res, 'location');
      if (!location) throw new FetchError('broken_redirect', 'The site sent a broken redirect.');
      current = nextHop(location, current, hops++, chain);
      continue;
    }

    if (res.statusCode >= 200 && res.statusCode < 300) {
      // A prompt Refresh header sends a browser on before it renders the body, so the body is not read.
      const refreshHeader = refreshUrl(header(res, 'refresh'));
      if (refreshHeader && !isSamePage(refreshHeader, current)) {
        discard(res);
        current = nextHop(refreshHeader, current, hops++, chain);
        continue;
      }
      const page = await readPage(res, pasted, current, chain);
      const refreshMeta = metaRefreshUrl(page.html);
      if (!refreshMeta || isSamePage(refreshMeta, current)) return page;
      current = nextHop(refreshMeta, current, hops++, chain);
      continue;
    }
    discard(res);
    if (!retried && (await retryIsWorthIt(res, chain))) {
      retried = true;
      continue;
    }
    throw statusFailure(res.statusCode);
  }
}

/**
 * The next URL of the chain (a Location or a refresh target), checked like a pasted link. An https → http
 * hop is followed: the bot sends no cookies or credentials a downgrade could expose, refusing would lose
 * articles on sites with broken https, and finalUrl (what the reply links) then shows http plainly.
 */
function nextHop(target: string, current: URL, hopsSoFar: number, chain: Chain): URL {
  if (hopsSoFar >= chain.limits.maxRedirects) {
    throw new FetchError(
      'too_many_redirects',
      'That link redirects too many times, so I stopped following it.',
    );
  }
  let next: string;
  try {
    next = new URL(target, current).href;
  } catch {
    next = target; // checkUrl reports it as a broken redirect
  }
  return checkUrl(next, 'redirect', chain.allowHosts);
}

function isSamePage(target: string, current: URL): boolean {
  try {
    const next = new URL(target, current);
    return next.href.replace(/#.*$/, '') === current.href.replace(/#.*$/, '');
  } catch {
    return false;
  }
}

/** Host names (not IP literals) among allowHosts keys: the names the system resolver is used for. */
function hostNames(allowHosts: ReadonlySet<string>): Set<string> {
  const names = new Set<string>();
  for (const key of allowHosts) {
    const host = key.replace(/:\d*$/, '');
    if (!host.startsWith('[') && !/^[\d.]+$/.test(host)) names.add(host);
  }
  return names;
}

type Reply = Dispatcher.ResponseData;

function header(res: Reply, name: string): string | null {
  const value = res.headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

function remainingMs(chain: Chain): number {
  return chain.limits.totalMs - (Date.now() - chain.startedAt);
}

/** Retry-After in milliseconds (delta-seconds or HTTP date); null when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

// One retry only, and only when it fits in the chain's deadline: 429 if the site asks for at most a second,
// 5xx straight away unless the site asks for longer.
async function retryIsWorthIt(res: Reply, chain: Chain): Promise<boolean> {
  if (res.statusCode !== 429 && res.statusCode < 500) return false;
  const after = retryAfterMs(header(res, 'retry-after'));
  if (res.statusCode === 429 && (after === null || after > 1000)) return false;
  if (after !== null && after > 1000) return false;
  const delay = after ?? 0;
  if (remainingMs(chain) - delay < Math.min(1000, chain.limits.totalMs / 2)) return false;
  if (delay > 0) await wait(delay, undefined, { signal: chain.signal });
  return true;
}

function discard(res: Reply): void {
  // Destroying (rather than draining) closes the socket: an unwanted body is never downloaded.
  res.body.on('error', () => undefined);
  res.body.destroy();
}

async function readPage(res: Reply, pasted: string, finalUrl: URL, chain: Chain): Promise<FetchedPage> {
  const { limits } = chain;
  const { mediaType, charset } = parseContentType(header(res, 'content-type'));
  const kind = classifyMediaType(mediaType);
  const refuse = (err: FetchError): never => {
    discard(res);
    throw err;
  };
  // A generic download may be a PDF: its first bytes are read to say so, the rest never is.
  const sniff = kind === 'unknown' || isDownloadType(mediaType);
  if (kind !== 'html' && !sniff) refuse(contentRefusal(kind, mediaType));
  const codings = parseCodings(header(res, 'content-encoding'));
  if (codings.length > limits.maxCodings) {
    refuse(
      new FetchError('too_many_codings', 'The site wrapped the page in too many layers of compression.'),
    );
  }
  if (codings.some((c) => !SUPPORTED_CODINGS.has(c))) {
    refuse(
      new FetchError('unsupported_encoding', 'The site compressed the page in a way I can\u2019t read.'),
    );
  }
  const declared = Number(header(res, 'content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limits.maxWireBytes) {
    refuse(new FetchError('too_large', `The page is too large (${formatSize(declared)}) for me to read.`));
  }
  if (res.statusCode === 204) refuse(new FetchError('empty_page', 'The page was empty.'));

  const bytes = await readDecodedBody(res.body, {
    codings,
    maxBytes: limits.maxBytes,
    maxWireBytes: limits.maxWireBytes,
    inspect: sniff
      ? (head) => {
          const sniffed = sniffContent(head, mediaType);
          if (sniffed !== 'html') throw contentRefusal(sniffed, '');
        }
      : undefined,
  });
  if (bytes.length === 0) throw new FetchError('empty_page', 'The page was empty.');

  const decoded = decodeHtml(bytes, charset, finalUrl.href);
  return {
    url: pasted,
    finalUrl: finalUrl.href,
    status: res.statusCode,
    contentType: mediaType,
    charset: decoded.charset,
    html: decoded.text,
    bytes: bytes.length,
  };
}
