import { setMaxListeners } from 'node:events';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import { fetchPage } from '../../src/article/fetch';
import {
  caresResolver,
  defaultResolver,
  Slots,
  systemResolver,
  type ResolvedAddress,
  type Resolver,
} from '../../src/article/resolvers';
import { FetchError } from '../../src/errors';
import { ARTICLE_HTML, FakeDnsServer, failureOf, HostileServer, html } from '../fakes/hostile-server';

let dnsServer: FakeDnsServer;
let A: HostileServer;

beforeAll(async () => {
  dnsServer = await FakeDnsServer.start({
    'news.test': { a: ['127.0.0.1'], aaaa: ['::1'] },
    'v4only.test': { a: ['151.101.0.81'] },
    'hang.test': 'hang',
  });
  A = await HostileServer.start();
  A.on('/article', html(ARTICLE_HTML));
});
afterAll(async () => {
  await dnsServer.close();
  await A.close();
});

const cares = (): Resolver => caresResolver({ servers: [dnsServer.address], attemptMs: 200, tries: 1 });

describe('the c-ares resolver (public names)', () => {
  it('returns A answers first, then AAAA', async () => {
    expect(await cares()('news.test')).toEqual([
      { address: '127.0.0.1', family: 4 },
      { address: '::1', family: 6 },
    ]);
    expect(await cares()('v4only.test')).toEqual([{ address: '151.101.0.81', family: 4 }]);
  });

  it('reports NXDOMAIN as ENOTFOUND', async () => {
    const { error } = await failureOf(cares()('gone.test'));
    expect((error as { code?: string }).code).toBe('ENOTFOUND');
  });

  it('a hung lookup neither blocks other lookups nor the threadpool, and stops when told to', async () => {
    // More hung lookups than libuv has threads: with getaddrinfo these would pin all four, and the gzip
    // below (threadpool work) and the next lookup would wait behind them.
    const resolver = caresResolver({ servers: [dnsServer.address], attemptMs: 10_000, tries: 1 });
    const controller = new AbortController();
    // Eight lookups share this one signal (a real fetch gives each lookup its own): no leak to warn about.
    setMaxListeners(32, controller.signal);
    const hung = Array.from({ length: 8 }, () =>
      failureOf(resolver('hang.test', { signal: controller.signal })),
    );
    expect(await cares()('v4only.test')).toHaveLength(1);
    expect((await promisify(zlib.gzip)(Buffer.from('still working'))).length).toBeGreaterThan(0);
    controller.abort(new Error('deadline'));
    const settled = await Promise.all(hung);
    expect(settled.every((s) => (s.error as Error).message === 'deadline')).toBe(true);
    expect(dnsServer.queriesFor('hang.test')).toBeGreaterThanOrEqual(8);
  });

  it('serves a whole fetch (name → checked address → page)', async () => {
    const page = await fetchPage(`http://news.test:${A.port}/article`, {
      resolver: cares(),
      allowHosts: [`news.test:${A.port}`],
      limits: { totalMs: 3000 },
    });
    expect(page.html).toContain('Strike kills 12');
  });

  it('a fetch whose nameserver never answers ends at the DNS timeout', async () => {
    const resolver = caresResolver({ servers: [dnsServer.address], attemptMs: 10_000, tries: 1 });
    const { error, ms } = await failureOf(
      fetchPage('http://hang.test/', { resolver, limits: { totalMs: 3000, dnsMs: 200 } }),
    );
    expect((error as FetchError).code).toBe('dns_failed');
    expect(ms).toBeLessThan(1200);
  });
});

describe('the system resolver (FETCH_ALLOW_HOSTS names only)', () => {
  function hangingLookup(): ((name: string) => Promise<ResolvedAddress[]>) & {
    calls: string[];
    answerAll: () => void;
  } {
    const calls: string[] = [];
    const pending: ((v: ResolvedAddress[]) => void)[] = [];
    const lookup = (name: string): Promise<ResolvedAddress[]> => {
      calls.push(name);
      return new Promise((resolve) => pending.push(resolve));
    };
    const answerAll = (): void => {
      for (const p of pending.splice(0)) p([{ address: '10.0.0.5', family: 4 }]);
    };
    return Object.assign(lookup, { calls, answerAll });
  }

  it('holds at most `slots` getaddrinfo calls at once, until they really return', async () => {
    const lookup = hangingLookup();
    const slots = new Slots(2);
    const resolver = systemResolver(lookup, slots);
    const gaveUp = new AbortController();
    const first = failureOf(resolver('cms.intranet', { signal: gaveUp.signal }));
    const second = failureOf(resolver('cms.intranet', { signal: gaveUp.signal }));
    const waiting = new AbortController();
    const third = failureOf(resolver('cms.intranet', { signal: waiting.signal }));
    await new Promise((resolve) => setImmediate(resolve));
    expect(lookup.calls).toHaveLength(2);
    // Giving up does not free a slot: the thread is still busy until getaddrinfo returns.
    gaveUp.abort(new Error('deadline'));
    await first;
    await second;
    expect(slots.available).toBe(0);
    expect(lookup.calls).toHaveLength(2);
    // A waiter that gives up leaves the queue without ever calling getaddrinfo.
    waiting.abort(new Error('deadline'));
    expect(((await third).error as Error).message).toBe('deadline');
    expect(lookup.calls).toHaveLength(2);
    lookup.answerAll();
    await new Promise((resolve) => setImmediate(resolve));
    expect(slots.available).toBe(2);
    const next = resolver('cms.intranet');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lookup.calls).toHaveLength(3);
    lookup.answerAll();
    expect(await next).toEqual([{ address: '10.0.0.5', family: 4 }]);
  });

  it('is used only for allowHosts names; every other name goes to c-ares', async () => {
    const used: string[] = [];
    const fake =
      (label: string): Resolver =>
      async (name) => {
        used.push(`${label}:${name}`);
        return [{ address: '151.101.0.81', family: 4 }];
      };
    const resolver = defaultResolver(new Set(['cms.intranet']), {
      system: fake('system'),
      cares: fake('cares'),
    });
    await resolver('cms.intranet');
    await resolver('CMS.intranet.');
    await resolver('news.example');
    expect(used).toEqual(['system:cms.intranet', 'system:CMS.intranet.', 'cares:news.example']);
  });
});
