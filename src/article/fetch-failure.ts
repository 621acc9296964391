// Maps what undici, Node sockets, zlib and TLS throw into the one-sentence errors a reporter sees. Kept apart
// from the fetch loop so the mapping can be tested without staging every network failure.
import { FetchError, NewsdeskError } from '../errors';
import { AddressRefused } from './guarded-connector';
import { policyRefusal, type UrlOrigin } from './url-policy';

const TOO_SLOW = 'The site took too long to answer.';

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
]);

const BY_CODE: Record<string, [string, string]> = {
  UND_ERR_CONNECT_TIMEOUT: ['connect_timeout', TOO_SLOW],
  UND_ERR_HEADERS_TIMEOUT: ['first_byte_timeout', TOO_SLOW],
  UND_ERR_BODY_TIMEOUT: ['idle_timeout', TOO_SLOW],
  UND_ERR_HEADERS_OVERFLOW: [
    'headers_too_large',
    'The site sent oversized headers, so I stopped reading the page.',
  ],
  UND_ERR_RES_EXCEEDED_MAX_SIZE: ['too_large', 'The page is too large for me to read.'],
  UND_ERR_SOCKET: ['connection_lost', 'The site closed the connection before the page arrived.'],
  UND_ERR_CLOSED: ['connection_lost', 'The site closed the connection before the page arrived.'],
  ECONNRESET: ['connection_lost', 'The site closed the connection before the page arrived.'],
  EPIPE: ['connection_lost', 'The site closed the connection before the page arrived.'],
  ECONNREFUSED: ['unreachable', 'I couldn\u2019t reach that site.'],
  EHOSTUNREACH: ['unreachable', 'I couldn\u2019t reach that site.'],
  ENETUNREACH: ['unreachable', 'I couldn\u2019t reach that site.'],
  EADDRNOTAVAIL: ['unreachable', 'I couldn\u2019t reach that site.'],
  ETIMEDOUT: ['connect_timeout', TOO_SLOW],
};

function causeChain(err: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = err;
  while (current !== undefined && current !== null && chain.length < 6) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

export interface FailureContext {
  origin: UrlOrigin;
  /** The chain's total deadline fired. */
  deadlineExpired: boolean;
  /** The caller cancelled. */
  cancelled: boolean;
}

/** Converts anything thrown while fetching into a NewsdeskError (PolicyError or FetchError). */
export function toFetchFailure(err: unknown, ctx: FailureContext): NewsdeskError {
  const chain = causeChain(err);
  for (const link of chain) {
    if (link instanceof NewsdeskError) return link;
    if (link instanceof AddressRefused) return policyRefusal('private_address', ctx.origin, '', err);
  }
  if (ctx.cancelled) return new FetchError('cancelled', 'The request was cancelled.', { cause: err });
  if (ctx.deadlineExpired) return new FetchError('timeout', TOO_SLOW, { cause: err });
  for (const link of chain) {
    const code = codeOf(link);
    if (TLS_CODES.has(code) || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_')) {
      return new FetchError('bad_certificate', 'The site\u2019s certificate is not valid.', { cause: err });
    }
    if (code.startsWith('Z_') || code.startsWith('ERR__ERROR') || code.startsWith('ERR_BROTLI')) {
      return new FetchError('bad_encoding', 'The site sent a damaged (badly compressed) page.', {
        cause: err,
      });
    }
    const mapped = BY_CODE[code];
    if (mapped) return new FetchError(mapped[0], mapped[1], { cause: err });
    const message = (link as { message?: unknown }).message;
    if (typeof message === 'string' && /content-encoding/i.test(message)) {
      return new FetchError(
        'too_many_codings',
        'The site wrapped the page in too many layers of compression.',
        {
          cause: err,
        },
      );
    }
  }
  return new FetchError('network', 'I couldn\u2019t reach that site.', { cause: err });
}

/** "2 GB", "12 MB", "900 KB": sizes in the words an editor reads. */
export function formatSize(bytes: number): string {
  const units: [number, string][] = [
    [1024 ** 3, 'GB'],
    [1024 ** 2, 'MB'],
    [1024, 'KB'],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size) return `${Math.round((bytes / size) * 10) / 10} ${unit}`;
  }
  return `${bytes} bytes`;
}

/** The error for a final (non-redirect) status the bot cannot read a page from. */
export function statusFailure(status: number): FetchError {
  if (status === 401) return new FetchError('http_401', 'The site needs a login.');
  if (status === 403) return new FetchError('http_403', 'The site refused the request (paywall or block).');
  if (status === 404 || status === 410) {
    return new FetchError(`http_${status}`, `The site says that page doesn\u2019t exist (${status}).`);
  }
  if (status === 429) return new FetchError('rate_limited', 'The site is rate-limiting us; try again later.');
  if (status === 451) {
    return new FetchError('http_451', 'The site says that page is unavailable for legal reasons (451).');
  }
  if (status >= 500) {
    return new FetchError(`http_${status}`, `The site is having trouble (error ${status}); try again later.`);
  }
  return new FetchError(`http_${status}`, `The site answered with an error (${status}).`);
}

const CONTENT_REFUSALS: Record<string, [string, string]> = {
  pdf: ['pdf', 'That link is a PDF; I can only read web pages for now.'],
  image: ['image', 'That link is an image, not an article page.'],
  media: ['media', 'That link is a video or audio file, not an article page.'],
  binary: ['binary', 'That link is a file download, not a web page I can read.'],
  other: ['not_html', 'That link is not a web page I can read.'],
};

/** The refusal for a response whose declared or sniffed type is not HTML. */
export function contentRefusal(kind: string, mediaType: string): FetchError {
  const [code, message] = CONTENT_REFUSALS[kind] ?? CONTENT_REFUSALS.other!;
  return new FetchError(
    code,
    mediaType && kind === 'other' ? `${message.slice(0, -1)} (${mediaType}).` : message,
  );
}
