import { fetchPage, type FetchOptions } from '../../src/article/fetch';
import { FetchError, PolicyError } from '../../src/errors';
import {
  ARTICLE_HTML,
  CanaryServer,
  fakeResolver,
  failureOf,
  HostileServer,
  html,
  redirect,
} from '../fakes/hostile-server';

let A: HostileServer;
let B: CanaryServer;
const resolver = fakeResolver({
  'news.test': ['127.0.0.1'],
  'internal.test': ['127.0.0.2'],
});

function opts(extra: Partial<FetchOptions> = {}): FetchOptions {
  return {
    allowHosts: [A.hostPort, `news.test:${A.port}`],
    resolver,
    limits: { totalMs: 3000 },
    ...extra,
  };
}

async function refused(path: string, code: string | RegExp): Promise<PolicyError> {
  const { error } = await failureOf(fetchPage(A.url(path), opts()));
  expect(error).toBeInstanceOf(PolicyError);
  expect((error as PolicyError).code).toMatch(code);
  expect(B.connections).toBe(0);
  return error as PolicyError;
}

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

describe('redirects', () => {
  it('H-01: refuses a redirect to loopback, and the internal server sees no connection', async () => {
    A.on('/h01', redirect(`http://127.0.0.1:${B.port}/secret`));
    const err = await refused('/h01', 'redirect_private_address');
    expect(err.userMessage).toBe('That link redirects to an internal address, so I didn\u2019t follow it.');
  });

  it('H-63: after a refusal the next fetch from the same process works', async () => {
    const page = await fetchPage(A.url('/article'), opts());
    expect(page.html).toContain('At least 12 people were killed');
    expect(B.connections).toBe(0);
  });

  it.each([
    [301, 'http://2130706433:PB/'],
    [302, 'http://[::1]:PB/'],
    [303, 'http://[::ffff:7f00:1]:PB/'],
    [307, 'http://0x7f000001:PB/'],
    [308, 'http://169.254.169.254/latest/meta-data/'],
    [302, 'http://2130706434/'],
    [302, 'http://[::1]/'],
    [302, 'http://[::ffff:127.0.0.2]/'],
    [302, 'http://[::127.0.0.1]/'],
    [302, 'http://[64:ff9b::a9fe:a9fe]/'],
  ])('H-02: refuses a %i to the IP-literal spelling %s', async (code, target) => {
    const path = `/h02-${code}-${encodeURIComponent(target)}`;
    A.on(path, redirect(target.replace('PB', String(B.port)), code));
    await refused(path, 'redirect_private_address');
  });

  it('H-02: a port-less internal literal is refused for its address, not its port', async () => {
    A.on('/h02-addr', redirect('http://0x7f000002/'));
    const err = await refused('/h02-addr', 'redirect_private_address');
    expect(err.userMessage).toBe('That link redirects to an internal address, so I didn\u2019t follow it.');
  });

  it('H-03: refuses a redirect to a name that resolves inward, after DNS and before connecting', async () => {
    A.on('/h03', redirect('http://internal.test/'));
    const queriesBefore = resolver.queries.length;
    await refused('/h03', 'redirect_private_address');
    expect(resolver.queries.slice(queriesBefore)).toContain('internal.test');
  });

  it.each(['file:///etc/passwd', 'gopher://127.0.0.1:PB/_x', 'data:text/html,<p>30,000 dead</p>'])(
    'H-04: refuses a redirect to the non-web address %s',
    async (target) => {
      const path = `/h04-${encodeURIComponent(target)}`;
      A.on(path, redirect(target.replace('PB', String(B.port))));
      const err = await refused(path, 'redirect_unsupported_scheme');
      expect(err.userMessage).toMatch(/redirects to a non-web address/);
    },
  );

  it('H-05: stops a redirect loop at the hop cap (at most 6 requests)', async () => {
    A.on('/loop-a', redirect('/loop-b'));
    A.on('/loop-b', redirect('/loop-a'));
    const { error } = await failureOf(fetchPage(A.url('/loop-a'), opts()));
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).code).toBe('too_many_redirects');
    expect(A.hitsOn('/loop-a') + A.hitsOn('/loop-b')).toBe(6);
  });

  it('H-06: follows at most five of twenty redirects and never asks for /r7', async () => {
    for (let i = 1; i <= 20; i++) A.on(`/r${i}`, redirect(`/r${i + 1}`));
    const { error } = await failureOf(fetchPage(A.url('/r1'), opts()));
    expect((error as FetchError).code).toBe('too_many_redirects');
    expect(A.hitsOn('/r6')).toBe(1);
    expect(A.hitsOn('/r7')).toBe(0);
  });

  it('H-07: resolves relative Locations against the current URL and reports the final URL', async () => {
    A.on('/rel/start', redirect('/rel/one?id=2'));
    A.on('/rel/one', redirect(`//news.test:${A.port}/rel/two`));
    A.on('/rel/two', redirect('three.html'));
    A.on('/rel/three.html', html(ARTICLE_HTML));
    const page = await fetchPage(A.url('/rel/start'), opts());
    expect(page.url).toBe(A.url('/rel/start'));
    expect(page.finalUrl).toBe(`http://news.test:${A.port}/rel/three.html`);
    expect(page.html).toContain('Strike kills 12');
  });

  it('H-08: a 3xx without Location is a clear failure', async () => {
    A.on('/h08', (_req, res) => res.writeHead(302).end());
    const { error } = await failureOf(fetchPage(A.url('/h08'), opts()));
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).code).toBe('broken_redirect');
    expect((error as FetchError).userMessage).toBe('The site sent a broken redirect.');
  });

  it('H-09: re-checks credentials and ports on every hop', async () => {
    A.on('/h09-cred', redirect('http://user:pw@news.test/'));
    A.on('/h09-port', redirect('http://news.test:22/'));
    await refused('/h09-cred', 'redirect_credentials_in_url');
    const err = await refused('/h09-port', 'redirect_non_default_port');
    expect(err.userMessage).toContain('(22)');
  });

  it('H-10: one deadline spans the whole chain; slow hops do not reset it', async () => {
    for (let i = 1; i <= 4; i++) {
      A.on(`/slow${i}`, (_req, res) => A.after(400, () => redirect(`/slow${i + 1}`)(_req, res)));
    }
    A.on('/slow5', html(ARTICLE_HTML));
    const { error, ms } = await failureOf(fetchPage(A.url('/slow1'), opts({ limits: { totalMs: 1000 } })));
    expect((error as FetchError).code).toBe('timeout');
    expect((error as FetchError).userMessage).toBe('The site took too long to answer.');
    expect(ms).toBeLessThan(2000);
    expect(A.hitsOn('/slow4')).toBe(0);
  });

  it('H-11: a cookie-consent loop ends at the hop cap and no cookie is ever sent', async () => {
    A.on('/consent', (_req, res) =>
      res.writeHead(302, { location: '/consent', 'set-cookie': 'consent=1; Path=/' }).end(),
    );
    const { error } = await failureOf(fetchPage(A.url('/consent'), opts()));
    expect((error as FetchError).code).toBe('too_many_redirects');
    const sent = A.requests.filter((r) => r.path === '/consent');
    expect(sent).toHaveLength(6);
    expect(sent.every((r) => r.headers.cookie === undefined)).toBe(true);
  });

  it('H-45: a meta refresh to an internal address is not followed', async () => {
    A.on(
      '/h45',
      html(
        `<html><head><meta http-equiv="refresh" content="0;url=http://127.0.0.1:${B.port}/"></head><body>x</body></html>`,
      ),
    );
    const page = await fetchPage(A.url('/h45'), opts());
    expect(page.finalUrl).toBe(A.url('/h45'));
    expect(B.connections).toBe(0);
  });

  it('H-46: a Refresh header to an internal address is not followed', async () => {
    A.on(
      '/h46',
      html(ARTICLE_HTML, { 'content-type': 'text/html', refresh: `0; url=http://[::1]:${B.port}/` }),
    );
    const page = await fetchPage(A.url('/h46'), opts());
    expect(page.finalUrl).toBe(A.url('/h46'));
    expect(B.connections).toBe(0);
  });

  it('H-62: proxy environment variables are ignored for article fetches', async () => {
    const saved = { ...process.env };
    const proxy = `http://127.0.0.1:${B.port}`;
    Object.assign(process.env, {
      HTTP_PROXY: proxy,
      http_proxy: proxy,
      HTTPS_PROXY: proxy,
      ALL_PROXY: proxy,
    });
    try {
      const page = await fetchPage(A.url('/article'), opts());
      expect(page.status).toBe(200);
      expect(B.connections).toBe(0);
    } finally {
      process.env = saved;
    }
  });

  it('sends a truthful User-Agent and no credentials', async () => {
    A.on('/ua', html(ARTICLE_HTML));
    await fetchPage(A.url('/ua'), opts());
    const req = A.requests.find((r) => r.path === '/ua');
    expect(req?.headers['user-agent']).toBe(
      'NewsdeskBot/0.1 (Slack bot reading news links that newsroom staff paste)',
    );
    expect(req?.headers.authorization).toBeUndefined();
    expect(req?.headers.cookie).toBeUndefined();
  });
});
