import * as net from 'node:net';
import { DEFAULT_LIMITS, fetchPage, type FetchOptions } from '../../src/article/fetch';
import { AddressRefused, createGuardedConnect, undiciDialer } from '../../src/article/guarded-connector';
import { FetchError, PolicyError } from '../../src/errors';
import {
  ARTICLE_HTML,
  blackholeDialer,
  CanaryServer,
  fakeResolver,
  failureOf,
  HostileServer,
  html,
  StubDialError,
  stubDialer,
  timingOutDialer,
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

describe('one deadline covers DNS and connecting too', () => {
  const FOUR = ['151.101.0.81', '151.101.64.81', '151.101.128.81', '151.101.192.81'];

  it('a resolver that never answers ends at the total deadline when that comes before the DNS timeout', async () => {
    const resolver = fakeResolver({ 'silent.test': 'hang' });
    const { error, ms } = await failureOf(
      fetchPage('http://silent.test/', { resolver, limits: { totalMs: 300, dnsMs: 10_000 } }),
    );
    expect((error as FetchError).code).toBe('timeout');
    expect((error as FetchError).userMessage).toBe('The site took too long to answer.');
    expect(ms).toBeLessThan(1300);
  });

  it('a dial that never settles (and ignores its signal) ends at the total deadline', async () => {
    const dial = blackholeDialer();
    const { error, ms } = await failureOf(
      fetchPage(
        'http://slow.test/',
        withDns({ 'slow.test': ['151.101.0.81'] }, { dial, limits: { totalMs: 300, connectMs: 10_000 } }),
      ),
    );
    expect((error as FetchError).code).toBe('timeout');
    expect(ms).toBeLessThan(1300);
    expect(dial.attempts).toHaveLength(1);
    // The dialer was told how long it had: what was left of the chain, not the 10 s connect limit.
    expect(dial.attempts[0]!.opts.timeoutMs).toBeLessThanOrEqual(300);
    expect(dial.attempts[0]!.opts.signal.aborted).toBe(true);
  });

  it('each address gets min(connect limit, time left), and no address is tried after the deadline', async () => {
    const dial = timingOutDialer();
    const { error, ms } = await failureOf(
      fetchPage(
        'http://slow.test/',
        withDns({ 'slow.test': FOUR }, { dial, limits: { totalMs: 600, connectMs: 250 } }),
      ),
    );
    expect((error as FetchError).code).toBe('timeout');
    expect(ms).toBeLessThan(1600);
    const budgets = dial.attempts.map((a) => a.opts.timeoutMs);
    expect(budgets.length).toBeGreaterThanOrEqual(2);
    expect(budgets.length).toBeLessThan(4);
    expect(budgets[0]).toBe(250);
    expect(budgets.every((b) => b <= 250)).toBe(true);
    expect(budgets.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(600);
  });

  it('a dial that ignores its timeout is still abandoned after the connect limit, and the next address tried', async () => {
    const dial = blackholeDialer();
    const { error } = await failureOf(
      fetchPage(
        'http://slow.test/',
        withDns(
          { 'slow.test': FOUR.slice(0, 2) },
          { dial, limits: { totalMs: 2000, connectMs: 100, firstByteMs: 2000 } },
        ),
      ),
    );
    expect((error as FetchError).code).toBe('connect_timeout');
    expect(dial.attempts.map((a) => a.target.address)).toEqual(FOUR.slice(0, 2));
  });

  it('the connector neither resolves nor dials once the chain has been aborted', async () => {
    const resolver = fakeResolver({ 'news.test': ['151.101.0.81'] });
    const dial = stubDialer();
    const controller = new AbortController();
    controller.abort(new Error('deadline'));
    const connect = createGuardedConnect({
      allowHosts: new Set(),
      resolver,
      dial,
      dnsTimeoutMs: 500,
      connectTimeoutMs: 500,
      signal: controller.signal,
    });
    const err = await new Promise((resolve) =>
      connect({ hostname: 'news.test', port: '80', protocol: 'http:' }, (...args) => resolve(args[0])),
    );
    expect((err as Error).message).toBe('deadline');
    expect(resolver.queries).toEqual([]);
    expect(dial.dialled).toEqual([]);
  });

  it('the connector stops when the deadline passes during the lookup, before dialling', async () => {
    let answer: (a: string[]) => void = () => undefined;
    const resolver = fakeResolver({
      'late.test': 'hang',
    });
    const slow = async (): Promise<{ address: string; family: 4 | 6 }[]> =>
      new Promise((resolve) => {
        answer = (list) => resolve(list.map((address) => ({ address, family: 4 })));
      });
    const dial = stubDialer();
    const controller = new AbortController();
    const connect = createGuardedConnect({
      allowHosts: new Set(),
      resolver: (name, o) => (name === 'late.test' ? slow() : resolver(name, o)),
      dial,
      dnsTimeoutMs: 5000,
      connectTimeoutMs: 500,
      signal: controller.signal,
    });
    const settled = new Promise((resolve) =>
      connect({ hostname: 'late.test', port: '80', protocol: 'http:' }, (...args) => resolve(args[0])),
    );
    controller.abort(new Error('deadline'));
    answer(['151.101.0.81']);
    expect(((await settled) as Error).message).toBe('deadline');
    expect(dial.dialled).toEqual([]);
  });
});

describe('the production dialer', () => {
  // Accepts TCP and never says a word: a TLS handshake against it hangs, like a blackholed HTTPS site.
  let silent: net.Server;
  const accepted: net.Socket[] = [];
  beforeAll(async () => {
    silent = net.createServer((socket) => {
      accepted.push(socket);
      socket.on('error', () => undefined);
      socket.resume(); // read, so the client's FIN is seen and 'close' fires
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
  });
  afterAll(async () => {
    for (const s of accepted) s.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });
  const target = (): Parameters<ReturnType<typeof undiciDialer>>[0] => ({
    address: '127.0.0.1',
    port: (silent.address() as net.AddressInfo).port,
    protocol: 'https:',
    servername: 'silent.test',
  });

  it('gives up a stalled TLS handshake after the time it was given, not its own 10 s default', async () => {
    const { error, ms } = await failureOf(
      undiciDialer(10_000)(target(), { timeoutMs: 200, signal: new AbortController().signal }),
    );
    expect((error as { code?: string }).code).toBe('UND_ERR_CONNECT_TIMEOUT');
    expect(ms).toBeLessThan(1000);
  });

  it('closes the half-open connection when the chain is aborted', async () => {
    const controller = new AbortController();
    const before = accepted.length;
    const pending = failureOf(
      undiciDialer(10_000)(target(), { timeoutMs: 10_000, signal: controller.signal }),
    );
    await new Promise<void>((resolve) => {
      const check = (): void => {
        if (accepted.length > before) resolve();
        else silent.once('connection', () => setImmediate(check));
      };
      check();
    });
    const socket = accepted[accepted.length - 1]!;
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    controller.abort(new Error('deadline'));
    expect(((await pending).error as Error).message).toBe('deadline');
    await closed;
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
        connectTimeoutMs: 1000,
      });
      connect({ hostname, port: String(port), protocol: 'http:' }, (err, socket) =>
        err || !socket ? reject(err) : resolve(socket as net.Socket),
      );
    });

  // The connector is the last defence behind the URL policy (a redirect hop reaches it with whatever host the
  // site named), so it refuses internal literals on its own.
  it('refuses an internal IP-literal host itself (no lookup hook is involved)', async () => {
    for (const host of ['127.0.0.2', '127.0.0.1', '::1', '::ffff:127.0.0.1', '169.254.169.254', '10.0.0.1']) {
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
      maxWireBytes: 5 * 1024 * 1024,
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
