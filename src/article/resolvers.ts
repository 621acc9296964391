// Name resolution for article fetches.
//
// Why not plain dns.lookup for everything: lookup is getaddrinfo on libuv's threadpool (4 threads by
// default, shared with zlib, fs and crypto). A lookup that hangs keeps its thread until the system
// resolver gives up (resolv.conf timeouts × attempts × nameservers can exceed 30 s), and abandoning the
// promise at our DNS timeout does not free it. Anyone in the workspace can paste links to a domain whose
// nameserver never answers; four of those would stall every fetch, every gunzip and every file read.
//
// So public names go through c-ares (dns.promises.Resolver): it runs on the event loop, has its own
// per-query timeout and retry count, and cancel() really drops the query. c-ares does not read /etc/hosts
// or other NSS sources, which is right for names pasted from the internet. The one place where local
// resolution can matter is FETCH_ALLOW_HOSTS (an intranet CMS known only to /etc/hosts, a container
// link): those names, chosen by the operator, keep dns.lookup, behind a process-wide cap on concurrent
// system lookups so that even hung ones can hold at most SYSTEM_LOOKUP_SLOTS threadpool threads.
import * as dns from 'node:dns';
import { untilAborted } from './abortable';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export interface ResolveOptions {
  /** Fires at the DNS timeout, the chain deadline or on cancellation; the lookup should stop then. */
  signal?: AbortSignal;
}

/** Resolves a host name to every A/AAAA answer. Injected in tests (fake DNS, rebinding scripts). */
export type Resolver = (hostname: string, opts?: ResolveOptions) => Promise<ResolvedAddress[]>;

export interface CaresOptions {
  /** 'ip' or 'ip:port' nameservers; the system's resolv.conf servers when omitted. */
  servers?: string[];
  /** c-ares per-attempt timeout. */
  attemptMs?: number;
  /** Attempts per nameserver. */
  tries?: number;
}

function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

const NO_ANSWER = new Set(['ENODATA', 'ENOTFOUND', 'NOTFOUND', 'ENONAME']);

/** A and AAAA through c-ares, IPv4 first (many servers running this bot have no IPv6 route). */
export function caresResolver(options: CaresOptions = {}): Resolver {
  return async (hostname, opts = {}) => {
    // One channel per lookup, so cancel() drops only this lookup's queries.
    const channel = new dns.promises.Resolver({
      timeout: options.attemptMs ?? 1000,
      tries: options.tries ?? 2,
    });
    if (options.servers) channel.setServers(options.servers);
    const cancel = (): void => channel.cancel();
    opts.signal?.addEventListener('abort', cancel, { once: true });
    try {
      const [v4, v6] = await untilAborted(
        Promise.allSettled([channel.resolve4(hostname), channel.resolve6(hostname)]),
        opts.signal,
      );
      const answers: ResolvedAddress[] = [];
      if (v4.status === 'fulfilled') for (const address of v4.value) answers.push({ address, family: 4 });
      if (v6.status === 'fulfilled') for (const address of v6.value) answers.push({ address, family: 6 });
      if (answers.length > 0) return answers;
      // Prefer the informative failure (SERVFAIL, refused, timeout) over "no such record" for one family.
      const failures = [v4, v6].flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
      throw (
        failures.find((e) => !NO_ANSWER.has(errorCode(e))) ??
        failures[0] ??
        Object.assign(new Error(`no A or AAAA records for ${hostname}`), { code: 'ENODATA' })
      );
    } finally {
      opts.signal?.removeEventListener('abort', cancel);
      channel.cancel();
    }
  };
}

/** The lookup function systemResolver calls; injectable so tests can stage a lookup that never returns. */
export type SystemLookup = (hostname: string) => Promise<ResolvedAddress[]>;

const osLookup: SystemLookup = async (hostname) => {
  const answers = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/** Concurrent getaddrinfo calls allowed at once, process-wide (libuv's pool has 4 threads by default). */
export const SYSTEM_LOOKUP_SLOTS = 2;

/** A counting semaphore whose waiters can give up (on their signal) without taking a slot. */
export class Slots {
  private free: number;
  private readonly waiters: (() => void)[] = [];

  constructor(readonly size: number) {
    this.free = size;
  }

  get available(): number {
    return this.free;
  }

  async acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) throw signal.reason;
    if (this.free > 0) {
      this.free--;
      return this.releaser();
    }
    await new Promise<void>((resolve, reject) => {
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = (): void => {
        const i = this.waiters.indexOf(grant);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(signal?.reason);
      };
      this.waiters.push(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    return this.releaser();
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next) next();
      else this.free++;
    };
  }
}

const systemSlots = new Slots(SYSTEM_LOOKUP_SLOTS);

/**
 * The operating system's resolver (/etc/hosts, NSS), for operator-allowed intranet names only. The slot is
 * held until getaddrinfo really returns, not until we stop waiting: that is what bounds the threads a hung
 * lookup can pin.
 */
export function systemResolver(lookup: SystemLookup = osLookup, slots: Slots = systemSlots): Resolver {
  return async (hostname, opts = {}) => {
    const release = await slots.acquire(opts.signal);
    const work = lookup(hostname);
    work.then(release, release);
    return untilAborted(work, opts.signal);
  };
}

/** c-ares for every name, except the operator's FETCH_ALLOW_HOSTS names, which may live in /etc/hosts. */
export function defaultResolver(
  systemNames: ReadonlySet<string>,
  { system = systemResolver(), cares = caresResolver() }: { system?: Resolver; cares?: Resolver } = {},
): Resolver {
  return (hostname, opts) =>
    systemNames.has(hostname.toLowerCase().replace(/\.$/, ''))
      ? system(hostname, opts)
      : cares(hostname, opts);
}
