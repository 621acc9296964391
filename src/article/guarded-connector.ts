// The connect function of the article-fetch undici Agent. Every connection (first request, each redirect
// hop, each retry) comes through here, so this is where the address the bot dials is judged: IP literals
// directly, names after our own resolution, and the socket's remote address once more after connecting.
// The address checked is the address dialled; nothing resolves the name a second time.
import type { Socket } from 'node:net';
import { buildConnector } from 'undici';
import { FetchError } from '../errors';
import { boundedSignal, untilAborted } from './abortable';
import { isIpLiteral, judgeAddress } from './address-policy';
import type { ResolvedAddress, Resolver } from './resolvers';

export type { ResolvedAddress, Resolver } from './resolvers';

export interface DialTarget {
  /** The checked IP address to connect to. */
  address: string;
  port: number;
  protocol: 'http:' | 'https:';
  /** The name from the URL, for TLS SNI and certificate checks ('' for IP literals). */
  servername: string;
}

export interface DialOptions {
  /** What this attempt may take, TLS included: the connect limit or what is left of the chain, if less. */
  timeoutMs: number;
  /** Fires when the chain's deadline passes or the caller cancels. */
  signal: AbortSignal;
}

/**
 * Opens the TCP (or TLS) connection to an already-checked address. Injected in tests as a stub. The guard
 * enforces `timeoutMs` and `signal` itself too, so a dialer that ignores them cannot hold a fetch open.
 */
export type Dialer = (target: DialTarget, opts: DialOptions) => Promise<Socket>;

/** Raised when no address the name resolves to, or the address actually reached, is public. */
export class AddressRefused extends Error {
  constructor(readonly address: string) {
    super(`refused to connect to non-public address ${address}`);
    this.name = 'AddressRefused';
  }
}

function connectTimeout(address: string, ms: number): Error {
  // undici's own code for this, so fetch-failure maps both the same way.
  return Object.assign(new Error(`connecting to ${address} timed out after ${ms} ms`), {
    code: 'UND_ERR_CONNECT_TIMEOUT',
  });
}

// buildConnector's connect function returns the socket it is opening (undici's types say void); holding it
// is the only way to stop a connection attempt that is still in progress.
type OpeningConnector = (
  options: buildConnector.Options,
  callback: buildConnector.Callback,
) => Socket | undefined;

/**
 * The production dialer: undici's own connector (TLS with full certificate checks), aimed at one IP, with
 * its connect timeout set per attempt and the half-open socket destroyed if the chain is aborted.
 */
export function undiciDialer(connectTimeoutMs: number): Dialer {
  return (target, opts) =>
    new Promise<Socket>((resolve, reject) => {
      const timeout = Math.max(1, Math.min(connectTimeoutMs, opts?.timeoutMs ?? connectTimeoutMs));
      if (opts?.signal.aborted) {
        reject(opts.signal.reason as unknown);
        return;
      }
      let done = false;
      // undici's own connect timer has about a second of granularity; ours is exact, theirs is the backstop.
      const connector = buildConnector({ timeout: timeout + 1000 }) as unknown as OpeningConnector;
      const giveUp = (reason: unknown): void => {
        if (done) return;
        done = true;
        cleanup();
        opening?.destroy();
        reject(reason);
      };
      const onAbort = (): void => giveUp(opts?.signal.reason);
      const timer = setTimeout(() => giveUp(connectTimeout(target.address, timeout)), timeout);
      const cleanup = (): void => {
        clearTimeout(timer);
        opts?.signal.removeEventListener('abort', onAbort);
      };
      const opening = connector(
        {
          hostname: target.address,
          protocol: target.protocol,
          port: String(target.port),
          servername: target.servername || undefined,
        },
        (err, socket) => {
          if (done) {
            socket?.destroy();
            return;
          }
          done = true;
          cleanup();
          if (err || !socket) reject(err ?? new Error('connect failed'));
          else resolve(socket);
        },
      );
      opts?.signal.addEventListener('abort', onAbort, { once: true });
    });
}

/**
 * The chain's deadline ran out while resolving or connecting. Timers for "what is left" can fire a moment
 * before the chain's own deadline signal does, so the guard says so itself rather than letting the step
 * that was cut short look like a DNS or network failure.
 */
export function deadlineExceeded(): FetchError {
  return new FetchError('timeout', 'The site took too long to answer.');
}

function dnsFailure(hostname: string, cause: unknown): FetchError {
  return new FetchError('dns_failed', 'I couldn\u2019t find that site (DNS lookup failed).', {
    cause: cause ?? new Error(`no addresses for ${hostname}`),
  });
}

async function resolveWithin(
  resolver: Resolver,
  hostname: string,
  ms: number,
  chainSignal: AbortSignal | undefined,
  onTimeout: () => unknown,
): Promise<ResolvedAddress[]> {
  // The resolver is told to stop (c-ares cancel) at the DNS timeout or the chain deadline, and we stop
  // waiting then even if it does not listen.
  const bounded = boundedSignal(chainSignal, ms, onTimeout);
  try {
    const answers = await untilAborted(resolver(hostname, { signal: bounded.signal }), bounded.signal);
    if (answers.length === 0) throw dnsFailure(hostname, undefined);
    return answers;
  } catch (err) {
    // The chain's deadline or a cancellation is reported as that, not as a DNS failure.
    if (chainSignal?.aborted) throw chainSignal.reason;
    throw err instanceof FetchError ? err : dnsFailure(hostname, err);
  } finally {
    bounded.dispose();
  }
}

export interface GuardOptions {
  /** Normalised 'host:port' keys whose address rule is waived (see url-policy normaliseAllowHosts). */
  allowHosts: ReadonlySet<string>;
  resolver: Resolver;
  dial: Dialer;
  dnsTimeoutMs: number;
  /** Per address attempt, TLS included. */
  connectTimeoutMs: number;
  /** The chain's deadline and the caller's cancellation: no lookup or dial starts or continues after it. */
  signal?: AbortSignal;
  /** When the chain's deadline passes (epoch ms), so each step gets only the time that is left. */
  deadlineAt?: number;
  /** Answers tried per connection; the rest are ignored rather than raced. */
  maxAddresses?: number;
}

type ConnectOptions = buildConnector.Options;
type ConnectCallback = buildConnector.Callback;

export function createGuardedConnect(guard: GuardOptions): (o: ConnectOptions, cb: ConnectCallback) => void {
  const timeLeft = (): number => (guard.deadlineAt ?? Infinity) - Date.now();
  const stopped = (): boolean => (guard.signal?.aborted ?? false) || timeLeft() <= 0;
  const stopReason = (): unknown => (guard.signal?.aborted ? guard.signal.reason : deadlineExceeded());

  async function dialWithin(target: DialTarget): Promise<Socket> {
    const ms = Math.min(guard.connectTimeoutMs, timeLeft());
    const bounded = boundedSignal(guard.signal, ms, () =>
      ms < guard.connectTimeoutMs ? deadlineExceeded() : connectTimeout(target.address, ms),
    );
    try {
      return await untilAborted(
        guard.dial(target, { timeoutMs: ms, signal: bounded.signal }),
        bounded.signal,
        (late) => late.destroy(),
      );
    } finally {
      bounded.dispose();
    }
  }

  function resolveLimited(hostname: string): Promise<ResolvedAddress[]> {
    const ms = Math.min(guard.dnsTimeoutMs, timeLeft());
    return resolveWithin(guard.resolver, hostname, ms, guard.signal, () =>
      ms < guard.dnsTimeoutMs ? deadlineExceeded() : new Error(`DNS lookup for ${hostname} timed out`),
    );
  }

  async function open(opts: ConnectOptions): Promise<Socket> {
    if (stopped()) throw stopReason();
    const protocol = opts.protocol === 'https:' ? 'https:' : 'http:';
    const port = Number(opts.port) || (protocol === 'https:' ? 443 : 80);
    const hostname = opts.hostname.replace(/^\[(.*)\]$/, '$1');
    const keyHost = hostname.includes(':') ? `[${hostname}]` : hostname;
    const waived = guard.allowHosts.has(`${keyHost.toLowerCase()}:${port}`);
    const literal = isIpLiteral(hostname);

    const answers: ResolvedAddress[] = literal
      ? [{ address: hostname, family: hostname.includes(':') ? 6 : 4 }]
      : await resolveLimited(hostname);
    // Mixed answers: keep the public ones (as Smokescreen, Mastodon and Discourse do), never dial the rest.
    const usable = waived ? answers : answers.filter((a) => judgeAddress(a.address).allowed);
    const first = answers[0];
    if (usable.length === 0) throw new AddressRefused(first ? first.address : hostname);

    let lastError: unknown;
    for (const answer of usable.slice(0, guard.maxAddresses ?? 4)) {
      // Once the deadline has passed, the remaining addresses are not worth a connection attempt.
      if (stopped()) throw stopReason();
      let socket: Socket;
      try {
        socket = await dialWithin({
          address: answer.address,
          port,
          protocol,
          servername: literal ? '' : hostname,
        });
      } catch (err) {
        if (stopped()) throw stopReason();
        lastError = err;
        continue;
      }
      const remote = socket.remoteAddress;
      if (!waived && (!remote || !judgeAddress(remote).allowed)) {
        socket.destroy();
        throw new AddressRefused(remote ?? 'unknown');
      }
      if (stopped()) {
        socket.destroy();
        throw stopReason();
      }
      return socket;
    }
    if (stopped()) throw stopReason();
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
