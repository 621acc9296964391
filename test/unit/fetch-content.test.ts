import * as zlib from 'node:zlib';
import { classifyMediaType, isDownloadType, sniffContent } from '../../src/article/content-type';
import { fetchPage, retryAfterMs, type FetchOptions } from '../../src/article/fetch';
import { FetchError } from '../../src/errors';
import {
  ARTICLE_HTML,
  encodeLegacy,
  encodeUtf16le,
  endless,
  failureOf,
  HostileServer,
  html,
  status,
} from '../fakes/hostile-server';

let A: HostileServer;

beforeAll(async () => {
  A = await HostileServer.start();
});
afterAll(async () => {
  await A.close();
});

function opts(extra: Partial<FetchOptions> = {}): FetchOptions {
  return { allowHosts: [A.hostPort], limits: { totalMs: 3000 }, ...extra };
}

async function failsWith(path: string, code: string, message?: string): Promise<FetchError> {
  const { error } = await failureOf(fetchPage(A.url(path), opts()));
  expect(error).toBeInstanceOf(FetchError);
  expect((error as FetchError).code).toBe(code);
  if (message !== undefined) expect((error as FetchError).userMessage).toBe(message);
  return error as FetchError;
}

const RUSSIAN =
  'Россия нанесла авиаудары по северу Сирии во вторник, сообщили местные власти. По данным министерства ' +
  'здравоохранения, погибли по меньшей мере двенадцать человек, ещё тридцать получили ранения.';
const JAPANESE =
  'ロシアは火曜日、シリア北部で空爆を行ったと地元当局が発表した。保健省によると、少なくとも十二人が死亡し、三十人が負傷した。';
const CHINESE = '俄罗斯周二对叙利亚北部发动空袭，当地官员表示。据卫生部称，至少十二人死亡，另有三十人受伤。';
const page = (body: string, head = ''): string =>
  `<!doctype html><html><head>${head}<title>t</title></head><body><p>${body}</p></body></html>`;

describe('content type', () => {
  it('H-32: refuses a PDF right after the headers, without downloading the body', async () => {
    A.on('/h32', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.write('%PDF-1.7\n');
      endless(res, Buffer.alloc(64 * 1024, 0x30));
    });
    await failsWith('/h32', 'pdf', 'That link is a PDF; I can only read web pages for now.');
    await A.waitForClientClose('/h32');
  });

  it('H-33/H-34: refuses images and octet-streams (even with an HTML body)', async () => {
    A.on('/h33', html(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), { 'content-type': 'image/jpeg' }));
    A.on('/h34', html(ARTICLE_HTML, { 'content-type': 'application/octet-stream' }));
    A.on('/video', html('x', { 'content-type': 'video/mp4' }));
    A.on('/json', html('{}', { 'content-type': 'application/json' }));
    await failsWith('/h33', 'image', 'That link is an image, not an article page.');
    await failsWith('/h34', 'binary', 'That link is a file download, not a web page I can read.');
    await failsWith('/video', 'media');
    await failsWith('/json', 'not_html', 'That link is not a web page I can read (application/json).');
  });

  it('H-35: sniffs HTML when Content-Type is missing, and refuses sniffed PDFs and PNGs', async () => {
    A.on('/h35', html(`  \n${ARTICLE_HTML}`, {}));
    A.on('/h35-pdf', html(`%PDF-1.4\n${'0'.repeat(2000)}`, {}));
    A.on('/h35-png', html(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(100)]), {}));
    const got = await fetchPage(A.url('/h35'), opts());
    expect(got.contentType).toBe('');
    expect(got.html).toContain('Strike kills 12');
    await failsWith('/h35-pdf', 'pdf');
    await failsWith('/h35-png', 'image');
  });

  it('accepts application/xhtml+xml', async () => {
    A.on('/xhtml', html(ARTICLE_HTML, { 'content-type': 'application/xhtml+xml; charset=utf-8' }));
    expect((await fetchPage(A.url('/xhtml'), opts())).contentType).toBe('application/xhtml+xml');
  });

  it('H-37: ignores charset=bogus-9 and decodes anyway', async () => {
    A.on(
      '/h37',
      html(Buffer.from(page('Déjà vu — 12 morts'), 'utf8'), { 'content-type': 'text/html; charset=bogus-9' }),
    );
    const got = await fetchPage(A.url('/h37'), opts());
    expect(got.charset).toBe('utf-8');
    expect(got.html).toContain('Déjà vu — 12 morts');
  });
});

describe('content type: sniffing and generic downloads', () => {
  it.each([
    ['an XML declaration before the HTML doctype', `<?xml version="1.0" encoding="utf-8"?>\n${ARTICLE_HTML}`],
    [
      'XHTML with only its namespace',
      '<?xml version="1.0"?><!-- built --><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Strike kills 12</p></body></html>',
    ],
    [
      'a page that starts with <meta charset>',
      '<meta charset="utf-8"><title>Strike kills 12</title><p>x</p>',
    ],
    [
      'upper-case tags after a BOM and blank lines',
      '\uFEFF\r\n\r\n<HTML><BODY><P>Strike kills 12</P></BODY></HTML>',
    ],
    ['a <div> first', '<div id="app"><p>Strike kills 12</p></div>'],
  ])('reads %s sent without a Content-Type', async (name, body) => {
    const path = `/sniff-${encodeURIComponent(name)}`;
    A.on(path, html(body, {}));
    expect((await fetchPage(A.url(path), opts())).html).toContain('Strike kills 12');
  });

  it('refuses XML that is not XHTML, JSON and binary bytes sent without a Content-Type', async () => {
    A.on('/sniff-rss', html('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', {}));
    A.on('/sniff-json', html('{"headline": "Strike kills 12"}', {}));
    A.on('/sniff-bin', html(Buffer.from([0x00, 0x01, 0x02, 0x03, 0x41, 0x42, 0x43]), {}));
    await failsWith('/sniff-rss', 'not_html', 'That link is not a web page I can read.');
    await failsWith('/sniff-json', 'not_html');
    await failsWith('/sniff-bin', 'binary', 'That link is a file download, not a web page I can read.');
  });

  it('says "PDF" for a PDF served as a generic download, from its first bytes only', () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n'), Buffer.alloc(600, 0x30)]);
    for (const type of ['application/octet-stream', 'binary/octet-stream', 'application/force-download']) {
      expect(isDownloadType(type)).toBe(true);
      expect(classifyMediaType(type)).toBe('binary');
      expect(sniffContent(pdf, type)).toBe('pdf');
      // H-34: a server that says binary is taken at its word, even with HTML inside
      expect(sniffContent(Buffer.from(ARTICLE_HTML), type)).toBe('binary');
    }
    expect(isDownloadType('text/html')).toBe(false);
    expect(classifyMediaType('application/unknown')).toBe('unknown');
  });

  it('says "PDF" for a PDF served as a generic download, after its first bytes, and refuses other downloads', async () => {
    for (const type of ['application/octet-stream', 'binary/octet-stream', 'application/force-download']) {
      const path = `/pdf-as-${type.replace('/', '-')}`;
      A.on(path, (_req, res) => {
        res.writeHead(200, { 'content-type': type });
        res.write('%PDF-1.7\n');
        endless(res, Buffer.alloc(64 * 1024, 0x30));
      });
      await failsWith(path, 'pdf', 'That link is a PDF; I can only read web pages for now.');
      await A.waitForClientClose(path);
    }
    A.on(
      '/zip-as-octet',
      html(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), { 'content-type': 'binary/octet-stream' }),
    );
    await failsWith('/zip-as-octet', 'binary', 'That link is a file download, not a web page I can read.');
  });

  it('reads raw deflate (no zlib header) as browsers do, and still refuses a damaged stream', async () => {
    A.on(
      '/deflate-raw',
      html(zlib.deflateRawSync(ARTICLE_HTML), { 'content-type': 'text/html', 'content-encoding': 'deflate' }),
    );
    A.on(
      '/deflate-raw-cut',
      html(zlib.deflateRawSync(ARTICLE_HTML).subarray(0, 60), {
        'content-type': 'text/html',
        'content-encoding': 'deflate',
      }),
    );
    A.on(
      '/deflate-zlib',
      html(zlib.deflateSync(ARTICLE_HTML), { 'content-type': 'text/html', 'content-encoding': 'deflate' }),
    );
    expect((await fetchPage(A.url('/deflate-raw'), opts())).html).toBe(ARTICLE_HTML);
    expect((await fetchPage(A.url('/deflate-zlib'), opts())).html).toBe(ARTICLE_HTML);
    await failsWith('/deflate-raw-cut', 'bad_encoding', 'The site sent a damaged (badly compressed) page.');
  });

  it('stops a raw-deflate bomb at the decoded-size cap', async () => {
    const bomb = zlib.deflateRawSync(Buffer.alloc(20 * 1024 * 1024, 0x61));
    A.on('/deflate-bomb', html(bomb, { 'content-type': 'text/html', 'content-encoding': 'deflate' }));
    const { error } = await failureOf(
      fetchPage(A.url('/deflate-bomb'), opts({ limits: { maxBytes: 1024 * 1024 } })),
    );
    expect((error as FetchError).code).toBe('too_large');
  });
});

describe('character sets over the wire', () => {
  it.each([
    [
      'H-38 windows-1251 with <meta>',
      encodeLegacy(page(RUSSIAN, '<meta charset="windows-1251">'), 'windows-1251'),
      'text/html',
      RUSSIAN,
      'windows-1251',
    ],
    [
      'H-39 windows-1251, no charset anywhere',
      encodeLegacy(page(RUSSIAN), 'windows-1251'),
      'text/html',
      RUSSIAN,
      'windows-1251',
    ],
    [
      'H-41 Shift_JIS, no charset anywhere',
      encodeLegacy(page(JAPANESE), 'shift_jis'),
      'text/html',
      JAPANESE,
      'shift_jis',
    ],
    ['GBK, no charset anywhere', encodeLegacy(page(CHINESE), 'gbk'), 'text/html', CHINESE, 'gb18030'],
    [
      'H-42 header utf-8, bytes and meta windows-1251',
      encodeLegacy(page(RUSSIAN, '<meta charset="windows-1251">'), 'windows-1251'),
      'text/html; charset=utf-8',
      RUSSIAN,
      'windows-1251',
    ],
    ['H-43 UTF-16LE with BOM', encodeUtf16le(page(RUSSIAN)), 'text/html', RUSSIAN, 'utf-16le'],
  ])('%s', async (name, body, type, expected, charset) => {
    const path = `/cs-${encodeURIComponent(name)}`;
    A.on(path, html(body, { 'content-type': type }));
    const got = await fetchPage(A.url(path), opts());
    expect(got.html).toContain(expected);
    expect(got.html).not.toContain('\uFFFD');
    if (charset === 'gb18030') expect(['gbk', 'gb18030']).toContain(got.charset);
    else expect(got.charset).toBe(charset);
  });
});

describe('status codes', () => {
  it.each([
    [401, 'http_401', 'The site needs a login.'],
    [403, 'http_403', 'The site refused the request (paywall or block).'],
    [404, 'http_404', 'The site says that page doesn\u2019t exist (404).'],
    [410, 'http_410', 'The site says that page doesn\u2019t exist (410).'],
    [451, 'http_451', 'The site says that page is unavailable for legal reasons (451).'],
    [418, 'http_418', 'The site answered with an error (418).'],
  ])('H-52..58: %i gets its own message and is not analysed', async (code, errCode, message) => {
    A.on(
      `/s${code}`,
      status(code, { 'www-authenticate': 'Basic realm="x"' }, '<p>Subscribe to read</p>'.repeat(100)),
    );
    await failsWith(`/s${code}`, errCode, message);
    expect(A.hitsOn(`/s${code}`)).toBe(1);
  });

  it('H-56: 429 with Retry-After: 120 fails at once, without waiting or retrying', async () => {
    A.on('/s429', status(429, { 'retry-after': '120' }));
    const { error, ms } = await failureOf(fetchPage(A.url('/s429'), opts()));
    expect((error as FetchError).code).toBe('rate_limited');
    expect((error as FetchError).userMessage).toBe('The site is rate-limiting us; try again later.');
    expect(ms).toBeLessThan(1000);
    expect(A.hitsOn('/s429')).toBe(1);
  });

  it('H-56: 429 with a short Retry-After is retried once inside the deadline', async () => {
    A.on('/s429-short', (req, res) =>
      A.hitsOn('/s429-short') === 1
        ? status(429, { 'retry-after': '0' })(req, res)
        : html(ARTICLE_HTML)(req, res),
    );
    A.on('/s429-again', status(429, { 'retry-after': '0' }));
    expect((await fetchPage(A.url('/s429-short'), opts())).status).toBe(200);
    await failsWith('/s429-again', 'rate_limited');
    expect(A.hitsOn('/s429-again')).toBe(2);
  });

  it('H-57: a 5xx is retried at most once', async () => {
    A.on('/s500', (req, res) =>
      A.hitsOn('/s500') === 1 ? status(500)(req, res) : html(ARTICLE_HTML)(req, res),
    );
    A.on('/s503', status(503));
    A.on('/s502-late', status(502, { 'retry-after': '30' }));
    expect((await fetchPage(A.url('/s500'), opts())).html).toContain('Strike kills 12');
    await failsWith('/s503', 'http_503', 'The site is having trouble (error 503); try again later.');
    expect(A.hitsOn('/s503')).toBe(2);
    await failsWith('/s502-late', 'http_502');
    expect(A.hitsOn('/s502-late')).toBe(1);
  });

  it('H-57: no retry when the deadline has no room for one', async () => {
    A.on('/s500-slow', (req, res) => A.after(700, () => status(500)(req, res)));
    const { error } = await failureOf(fetchPage(A.url('/s500-slow'), opts({ limits: { totalMs: 1200 } })));
    expect((error as FetchError).code).toBe('http_500');
    expect(A.hitsOn('/s500-slow')).toBe(1);
  });

  it('H-59: 204, or 200 with an empty body, says the page was empty', async () => {
    A.on('/s204', (_req, res) => res.writeHead(204).end());
    A.on('/empty', html(''));
    await failsWith('/s204', 'empty_page', 'The page was empty.');
    await failsWith('/empty', 'empty_page');
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('1')).toBe(1000);
    expect(retryAfterMs(new Date(Date.UTC(2030, 0, 1, 0, 0, 5)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(
      5000,
    );
    expect(retryAfterMs('soon')).toBeNull();
    expect(retryAfterMs(null)).toBeNull();
  });
});

describe('the reference article', () => {
  it('fetches the Hill fixture intact, with its size and charset', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const file = path.resolve(process.cwd(), '../shared/fixtures/thehill-russia-syria.html');
    const body = fs.readFileSync(file);
    A.on('/thehill', html(body, { 'content-type': 'text/html; charset=UTF-8' }));
    const got = await fetchPage(A.url('/thehill'), opts());
    expect(got).toMatchObject({
      status: 200,
      contentType: 'text/html',
      charset: 'utf-8',
      bytes: body.length,
    });
    expect(got.html).toBe(body.toString('utf8'));
  });
});
