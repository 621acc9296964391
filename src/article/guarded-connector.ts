// The connect function of the article-fetch undici Agent. Every connection (first request, each redirect
// hop, each retry) comes through here, so this is where the address the bot dials is judged: IP literals
// directly, names after our own resolution, and the socket's remote address once more after connecting.
// The address checked is the address dialled; nothing resolves the name a second time.
import { promises as dns } from 'node:dns';
import type { Socket } from 'node:net';
import { buildConnector } from 'undici';
import { FetchError } from '../errors';
import { isIpLiteral, judgeAddress } from './address-policy';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every A/AAAA answer. Injected in tests (fake DNS, rebinding scripts). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface DialTarget {
  /** The checked IP address to connect to. */
  address: string;
  port: number;
  protocol: 'http:' | 'https:';
  /** The name from the URL, for TLS SNI and certificate checks ('' for IP literals). */
  servername: string;
}

/** Opens the TCP (or TLS) connection to an already-checked address. Injected in tests as a stub. */
export type Dialer = (target: DialTarget) => Promise<Socket>;

/** Raised when no address the name resolves to, or the address actually reached, is public. */
export class AddressRefused extends Error {
  constructor(readonly address: string) {
    super(`refused to connect to non-public address ${address}`);
    this.name = 'AddressRefused';
  }
}

export const systemResolver: Resolver = async (hostname) => {
  const answers = await dns.lookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/** The production dialer: undici's own connector (TLS with full certificate checks), aimed at one IP. */
export function undiciDialer(connectTimeoutMs: number): Dialer {
  const connector = buildConnector({ timeout: connectTimeoutMs });
  return (target) =>
    new Promise<Socket>((resolve, reject) => {
      connector(
        {
          hostname: target.address,
          protocol: target.protocol,
          port: String(target.port),
          servername: target.servername || undefined,
        },
        (err, socket) => (err || !socket ? reject(err ?? new Error('connect failed')) : resolve(socket)),
      );
    });
}

function dnsFailure(hostname: string, cause: unknown): FetchError {
  return new FetchError('dns_failed', 'I couldn\u2019t find that site (DNS lookup failed).', {
    cause: cause ?? new Error(`no addresses for ${hostname}`),
  });
}

async function resolveWithin(resolver: Resolver, hostname: string, ms: number): Promise<ResolvedAddress[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`DNS lookup for ${hostname} timed out`)), ms);
  });
  try {
    const answers = await Promise.race([resolver(hostname), timeout]);
    if (answers.length === 0) throw dnsFailure(hostname, undefined);
    return answers;
  } catch (err) {
    throw err instanceof FetchError ? err : dnsFailure(hostname, err);
  } finally {
    clearTimeout(timer);
  }
}

export interface GuardOptions {
  /** Normalised 'host:port' keys whose address rule is waived (see url-policy normaliseAllowHosts). */
  allowHosts: ReadonlySet<string>;
  resolver: Resolver;
  dial: Dialer;
  dnsTimeoutMs: number;
  /** Answers tried per connection; the rest are ignored rather than raced. */
  maxAddresses?: number;
}

type ConnectOptions = buildConnector.Options;
type ConnectCallback = buildConnector.Callback;

export function createGuardedConnect(guard: GuardOptions): (o: ConnectOptions, cb: ConnectCallback) => void {
  async function open(opts: ConnectOptions): Promise<Socket> {
    const protocol = opts.protocol === 'https:' ? 'https:' : 'http:';
    const port = Number(opts.port) || (protocol === 'https:' ? 443 : 80);
    const hostname = opts.hostname.replace(/^\[(.*)\]$/, '$1');
    const keyHost = hostname.includes(':') ? `[${hostname}]` : hostname;
    const waived = guard.allowHosts.has(`${keyHost.toLowerCase()}:${port}`);
    const literal = isIpLiteral(hostname);

    const answers: ResolvedAddress[] = literal
      ? [{ address: hostname, family: hostname.includes(':') ? 6 : 4 }]
      : await resolveWithin(guard.resolver, hostname, guard.dnsTimeoutMs);
    // Mixed answers: keep the public ones (as Smokescreen, Mastodon and Discourse do), never dial the rest.
    const usable = waived ? answers : answers.filter((a) => judgeAddress(a.address).allowed);
    const first = answers[0];
    if (usable.length === 0) throw new AddressRefused(first ? first.address : hostname);

    let lastError: unknown;
    for (const answer of usable.slice(0, guard.maxAddresses ?? 4)) {
      let socket: Socket;
      try {
        socket = await guard.dial({
          address: answer.address,
          port,
          protocol,
          servername: literal ? '' : hostname,
        });
      } catch (err) {
        lastError = err;
        continue;
      }
      const remote = socket.remoteAddress;
      if (!waived && (!remote || !judgeAddress(remote).allowed)) {
        socket.destroy();
        throw new AddressRefused(remote ?? 'unknown');
      }
      return socket;
    }
    throw lastError;
  }

  return (opts, callback) => {
    open(opts).then(
      (socket) => callback(null, socket),
      // Errors from Node core may come from another realm (jest's vm), so no instanceof Error test here:
      // wrapping them would lose their `code`.
      (err: unknown) =>
        callback(typeof err === 'object' && err !== null ? (err as Error) : new Error(String(err)), null),
    );
  };
}
