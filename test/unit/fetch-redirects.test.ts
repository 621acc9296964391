import { fetchPage, type FetchOptions } from '../../src/article/fetch';
import { extractArticle } from '../../src/article/extract';
import { FetchError, PolicyError } from '../../src/errors';
import {
  ARTICLE_HTML,
  CanaryServer,
  fakeResolver,
  failureOf,
  HostileServer,
  html,
  redirect,
  routingDialer,
} from '../fakes/hostile-server';

let A: HostileServer;
let B: CanaryServer;
const PUBLIC = '151.101.0.81';
const resolver = fakeResolver({
  'news.test': ['127.0.0.1'],
  'internal.test': ['127.0.0.2'],
  // "public" sites: the routing dialer carries their address to A
  'public.test': [PUBLIC],
  'secure.test': [PUBLIC],
  'cms.intranet': ['127.0.0.2'],
});
let dial: ReturnType<typeof routingDialer>;

// Every dial is routed: A's own address reaches A, the "public" address reaches A too, and anything else,
// whatever address or port it was aimed at, reaches the canary B. So "B saw 0 connections" holds for
// http://2130706434/, [::1]/ and 169.254.169.254 on their default ports as much as for B's own port.
function opts(extra: Partial<FetchOptions> = {}): FetchOptions {
  return {
    allowHosts: [A.hostPort, `news.test:${A.port}`],
    resolver,
    dial,
    limits: { totalMs: 3000 },
    ...extra,
  };
}

function onlyReachedA(): void {
  expect(B.connections).toBe(0);
  for (const t of dial.dialled)
    expect([`127.0.0.1:${A.port}`, `${PUBLIC}:80`, `${PUBLIC}:443`]).toContain(`${t.address}:${t.port}`);
}

async function refused(
  path: string,
  code: string | RegExp,
  extra: Partial<FetchOptions> = {},
): Promise<PolicyError> {
  const { error } = await failureOf(fetchPage(A.url(path), opts(extra)));
  expect(error).toBeInstanceOf(PolicyError);
  expect((error as PolicyError).code).toMatch(code);
  onlyReachedA();
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
  dial = routingDialer(
    { [`127.0.0.1:${A.port}`]: A.port, [`${PUBLIC}:80`]: A.port, [`${PUBLIC}:443`]: A.port },
    B.port,
  );
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

  it('the routing dialer really delivers a stray dial to the canary (so the zero counts mean something)', async () => {
    // Allowed on purpose, on a port B does not listen on: only the routing can get it there.
    const page = await fetchPage('http://127.0.0.2/', { ...opts(), allowHosts: ['127.0.0.2:80'] });
    expect(page.html).toContain('internal secret');
    expect(B.connections).toBe(1);
    expect(dial.dialled).toEqual([{ address: '127.0.0.2', port: 80, protocol: 'http:', servername: '' }]);
  });

  it('FETCH_ALLOW_HOSTS is not reachable by redirect from a page that is not itself allowed', async () => {
    // A public article 302s to the intranet preview host the operator allowed (cms.intranet → 127.0.0.2).
    A.on('/pub-to-cms', redirect(`http://cms.intranet:${B.port}/preview`));
    A.on('/pub-to-cms80', redirect('http://cms.intranet/preview'));
    const allowCms = { allowHosts: [`cms.intranet:${B.port}`, 'cms.intranet:80'] };
    const viaPort = await failureOf(fetchPage('http://public.test/pub-to-cms', opts(allowCms)));
    expect((viaPort.error as PolicyError).code).toBe('redirect_non_default_port');
    const via80 = await failureOf(fetchPage('http://public.test/pub-to-cms80', opts(allowCms)));
    expect((via80.error as PolicyError).code).toBe('redirect_private_address');
    onlyReachedA();
    // A link to the allowed host itself still works: the escape hatch is for pasted preview links.
    const direct = await fetchPage(`http://cms.intranet:${B.port}/preview`, opts(allowCms));
    expect(direct.html).toContain('internal secret');
  });

  it('an allowed chain may move between allowed hosts (CMS preview → its own login page)', async () => {
    A.on('/allowed-hop', redirect(`http://news.test:${A.port}/article`));
    const page = await fetchPage(A.url('/allowed-hop'), opts());
    expect(page.finalUrl).toBe(`http://news.test:${A.port}/article`);
  });

  it('H-12: an https → http downgrade on a public site is followed, and the final URL says http', async () => {
    // Policy: a downgrade exposes nothing of ours (no cookies or credentials are ever sent), and refusing
    // would lose articles on sites with broken https; the reply links the http URL so nobody is misled.
    A.on('/h12', redirect('http://secure.test/h12-plain'));
    A.on('/h12-plain', html(ARTICLE_HTML));
    const page = await fetchPage('https://secure.test/h12', opts());
    expect(page.url).toBe('https://secure.test/h12');
    expect(page.finalUrl).toBe('http://secure.test/h12-plain');
    expect(dial.dialled.map((t) => `${t.protocol}//${t.address}:${t.port}`)).toEqual([
      `https://${PUBLIC}:443`,
      `http://${PUBLIC}:80`,
    ]);
    onlyReachedA();
  });

  describe('page-level redirects (Refresh header, <meta http-equiv=refresh>)', () => {
    const refreshPage = (content: string, body = ''): string =>
      `<html><head><meta http-equiv="refresh" content="${content}"></head><body>${body}</body></html>`;

    it('H-47: a prompt meta refresh to another page is followed as a redirect hop', async () => {
      A.on('/h47', html(refreshPage('0; url=/article', '<p>Redirecting…</p>')));
      const page = await fetchPage(A.url('/h47'), opts());
      expect(page.finalUrl).toBe(A.url('/article'));
      expect(page.html).toContain('Strike kills 12');
    });

    it("H-47: a Refresh header is followed the same way, without reading the page's body", async () => {
      A.on('/h47-header', html('<p>x</p>', { 'content-type': 'text/html', refresh: "0;URL='/article'" }));
      const page = await fetchPage(A.url('/h47-header'), opts());
      expect(page.finalUrl).toBe(A.url('/article'));
    });

    it('H-45: a meta refresh to an internal address is refused like a redirect; B sees nothing', async () => {
      A.on('/h45', html(refreshPage(`0;url=http://127.0.0.1:${B.port}/`, 'x')));
      const err = await refused('/h45', 'redirect_private_address');
      expect(err.userMessage).toBe('That link redirects to an internal address, so I didn\u2019t follow it.');
    });

    it('H-46: a Refresh header to an internal address is refused like a redirect; B sees nothing', async () => {
      A.on(
        '/h46',
        html(ARTICLE_HTML, { 'content-type': 'text/html', refresh: `0; url=http://[::1]:${B.port}/` }),
      );
      await refused('/h46', 'redirect_private_address');
    });

    it('meta refreshes count against the same hop budget as redirects', async () => {
      A.on('/mr-a', html(refreshPage('0;url=/mr-b')));
      A.on('/mr-b', redirect('/mr-a'));
      const { error } = await failureOf(fetchPage(A.url('/mr-a'), opts()));
      expect((error as FetchError).code).toBe('too_many_redirects');
      expect(A.hitsOn('/mr-a') + A.hitsOn('/mr-b')).toBe(6);
    });

    it('leaves alone a slow auto-reload, a refresh to the same page, and one inside <noscript> or a comment', async () => {
      const cases: [string, string][] = [
        ['/mr-slow', refreshPage('300; url=/elsewhere', 'live blog')],
        ['/mr-self', refreshPage('0', 'self')],
        ['/mr-same', refreshPage('5; url=/mr-same#top', 'same')],
        [
          '/mr-noscript',
          '<html><head><noscript><meta http-equiv="refresh" content="0;url=/nojs"></noscript></head><body>js</body></html>',
        ],
        [
          '/mr-comment',
          '<html><head><!-- <meta http-equiv="refresh" content="0;url=/old"> --></head><body>c</body></html>',
        ],
      ];
      for (const [path, body] of cases) {
        A.on(path, html(body));
        const page = await fetchPage(A.url(path), opts());
        expect(page.finalUrl).toBe(A.url(path));
      }
      expect(A.hitsOn('/elsewhere') + A.hitsOn('/nojs') + A.hitsOn('/old')).toBe(0);
    });
  });

  it('H-36: text/html that is really a PNG ends as "no article", without a crash', async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919 + 13) % 256)),
    ]);
    A.on('/h36', html(png, { 'content-type': 'text/html' }));
    const page = await fetchPage(A.url('/h36'), opts());
    expect(() => extractArticle({ html: page.html, url: page.url, finalUrl: page.finalUrl })).toThrow(
      expect.objectContaining({
        code: 'no_article',
        userMessage: "I couldn't find an article on that page.",
      }),
    );
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
      // the real dialer here: an injected one would bypass whatever undici might do with the proxy
      const page = await fetchPage(A.url('/article'), opts({ dial: undefined }));
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
