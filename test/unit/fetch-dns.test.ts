import * as net from 'node:net';
import { DEFAULT_LIMITS, fetchPage, type FetchOptions } from '../../src/article/fetch';
import { AddressRefused, createGuardedConnect, undiciDialer } from '../../src/article/guarded-connector';
import { FetchError, PolicyError } from '../../src/errors';
import {
  ARTICLE_HTML,
  CanaryServer,
  fakeResolver,
  failureOf,
  HostileServer,
  html,
  StubDialError,
  stubDialer,
} from '../fakes/hostile-server';

let A: HostileServer;
let B: CanaryServer;

beforeAll(async () => {
  A = await HostileServer.start();
  B = await CanaryServer.start();
  A.on('/article', html(ARTICLE_HTML));
});
afterAll(async () => {
  await A.close();
  await B.close();
});
beforeEach(() => {
  B.connections = 0;
});

function withDns(table: Parameters<typeof fakeResolver>[0], extra: Partial<FetchOptions> = {}): FetchOptions {
  return { resolver: fakeResolver(table), limits: { totalMs: 3000, dnsMs: 500 }, ...extra };
}

describe('DNS and the connect-time address check', () => {
  it('H-13: refuses a name that resolves to loopback before any connection', async () => {
    const resolver = fakeResolver({ 'loop.test': ['127.0.0.1'] });
    const dial = stubDialer();
    const { error } = await failureOf(fetchPage('http://loop.test/', { resolver, dial }));
    expect(error).toBeInstanceOf(PolicyError);
    expect((error as PolicyError).code).toBe('private_address');
    expect((error as PolicyError).userMessage).toBe(
      'That link points to a private network address, so I won\u2019t open it.',
    );
    expect(resolver.queries).toEqual(['loop.test']);
    expect(dial.dialled).toEqual([]);
    expect(B.connections).toBe(0);
  });

  it('H-14: rebinding: each connection dials the address it checked, never a later answer', async () => {
    let calls = 0;
    const resolver = fakeResolver({
      'rebind.test': () => (calls++ === 0 ? ['151.101.0.81'] : ['127.0.0.1']),
    });
    const dial = stubDialer();
    const first = await failureOf(fetchPage('http://rebind.test/', { resolver, dial }));
    expect((first.error as FetchError).cause).toBeInstanceOf(Error);
    expect(dial.dialled.map((d) => d.address)).toEqual(['151.101.0.81']);
    // the second connection gets the rebound answer and is refused before dialling
    const second = await failureOf(fetchPage('http://rebind.test/', { resolver, dial }));
    expect((second.error as PolicyError).code).toBe('private_address');
    expect(dial.dialled.map((d) => d.address)).toEqual(['151.101.0.81']);
    expect(resolver.queries).toEqual(['rebind.test', 'rebind.test']);
  });

  it('H-15: with mixed answers only the public address is dialled', async () => {
    const dial = stubDialer();
    await failureOf(
      fetchPage('http://mixed.test/', withDns({ 'mixed.test': ['127.0.0.1', '151.101.0.81'] }, { dial })),
    );
    expect(dial.dialled.map((d) => d.address)).toEqual(['151.101.0.81']);
  });

  it('H-16: an AAAA ::1 beside a public A record is dropped before connecting', async () => {
    const dial = stubDialer();
    await failureOf(
      fetchPage('http://eyeballs.test/', withDns({ 'eyeballs.test': ['::1', '151.101.0.81'] }, { dial })),
    );
    expect(dial.dialled.map((d) => d.address)).toEqual(['151.101.0.81']);
  });

  it('dials the checked IP with the URL name for TLS, on the scheme default port', async () => {
    const dial = stubDialer();
    const { error } = await failureOf(
      fetchPage('https://public.test/story', withDns({ 'public.test': ['151.101.0.81'] }, { dial })),
    );
    expect(dial.dialled).toEqual([
      { address: '151.101.0.81', port: 443, protocol: 'https:', servername: 'public.test' },
    ]);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).cause).toBeDefined();
    const literal = stubDialer();
    await failureOf(fetchPage('http://[2606:4700::1111]/', { dial: literal }));
    expect(literal.dialled).toEqual([
      { address: '2606:4700::1111', port: 80, protocol: 'http:', servername: '' },
    ]);
  });

  it('the stub dialer error surfaces as a failure to reach the site, not a crash', async () => {
    const dial = stubDialer();
    const { error } = await failureOf(
      fetchPage('http://public.test/', withDns({ 'public.test': ['151.101.0.81'] }, { dial })),
    );
    expect((error as FetchError).code).toBe('network');
    const chain: unknown[] = [];
    for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) chain.push(e);
    expect(chain.some((e) => e instanceof StubDialError)).toBe(true);
  });

  it('re-checks the socket remote address: a dialer that lands on loopback is refused', async () => {
    // A misbehaving dialer (think: a transparent proxy) connects to 127.0.0.1 whatever it was asked for.
    const dial = (): Promise<net.Socket> =>
      new Promise((resolve, reject) => {
        const socket = net.connect(A.port, '127.0.0.1', () => resolve(socket));
        socket.once('error', reject);
      });
    const before = A.requests.length;
    const { error } = await failureOf(
      fetchPage('http://public.test/', withDns({ 'public.test': ['151.101.0.81'] }, { dial })),
    );
    expect((error as PolicyError).code).toBe('private_address');
    expect(A.requests.length).toBe(before);
  });

  it.each([
    ['NXDOMAIN', Object.assign(new Error('queryA ENOTFOUND gone.test'), { code: 'ENOTFOUND' })],
    ['SERVFAIL', Object.assign(new Error('queryA ESERVFAIL gone.test'), { code: 'ESERVFAIL' })],
  ])('H-17: %s becomes "couldn\'t find that site"', async (_name, failure) => {
    const { error } = await failureOf(fetchPage('http://gone.test/', withDns({ 'gone.test': failure })));
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).code).toBe('dns_failed');
    expect((error as FetchError).userMessage).toBe('I couldn\u2019t find that site (DNS lookup failed).');
  });

  it('H-17: a resolver that never answers ends at the DNS timeout', async () => {
    const resolver = fakeResolver({ 'silent.test': 'hang' });
    const { error, ms } = await failureOf(
      fetchPage('http://silent.test/', { resolver, limits: { dnsMs: 300 } }),
    );
    expect((error as FetchError).code).toBe('dns_failed');
    expect(ms).toBeLessThan(1300);
    expect(resolver.queries).toEqual(['silent.test']);
  });

  it('an allowHosts name is fetched even though it resolves to loopback (the escape hatch)', async () => {
    const page = await fetchPage(`http://cms.test:${A.port}/article`, {
      resolver: fakeResolver({ 'cms.test': ['127.0.0.1'] }),
      allowHosts: [`cms.test:${A.port}`],
    });
    expect(page.html).toContain('Strike kills 12');
  });
});

describe('the guarded connector on its own', () => {
  const connectVia = (hostname: string, port: number, allow: string[] = []): Promise<net.Socket> =>
    new Promise((resolve, reject) => {
      const connect = createGuardedConnect({
        allowHosts: new Set(allow),
        resolver: fakeResolver({}),
        dial: undiciDialer(1000),
        dnsTimeoutMs: 500,
      });
      connect({ hostname, port: String(port), protocol: 'http:' }, (err, socket) =>
        err || !socket ? reject(err) : resolve(socket as net.Socket),
      );
    });

  it('refuses an internal IP-literal host itself (no lookup hook is involved)', async () => {
    for (const host of ['127.0.0.2', '127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      await expect(connectVia(host, B.port)).rejects.toBeInstanceOf(AddressRefused);
    }
    expect(B.connections).toBe(0);
  });

  it('connects to an allowHosts literal (so tests and CMS previews work)', async () => {
    const socket = await connectVia('127.0.0.1', A.port, [`127.0.0.1:${A.port}`]);
    expect(socket.remoteAddress).toBe('127.0.0.1');
    socket.destroy();
  });
});

describe('configured limits', () => {
  it('uses the production limits unless a caller overrides them', async () => {
    expect(DEFAULT_LIMITS).toEqual({
      totalMs: 8000,
      dnsMs: 3000,
      connectMs: 3000,
      firstByteMs: 5000,
      idleMs: 4000,
      maxBytes: 5 * 1024 * 1024,
      maxRedirects: 5,
      maxCodings: 2,
      maxHeaderBytes: 16 * 1024,
    });
    const timeout = jest.spyOn(AbortSignal, 'timeout');
    try {
      await fetchPage(A.url('/article'), { allowHosts: [A.hostPort] });
      expect(timeout).toHaveBeenCalledWith(8000);
    } finally {
      timeout.mockRestore();
    }
  });
});
