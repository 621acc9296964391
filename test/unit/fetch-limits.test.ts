import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import * as zlib from 'node:zlib';
import { fetchPage, type FetchOptions } from '../../src/article/fetch';
import { FetchError } from '../../src/errors';
import {
  ARTICLE_HTML,
  brotliBomb,
  endless,
  failureOf,
  fakeResolver,
  gzipBomb,
  HostileServer,
  html,
} from '../fakes/hostile-server';

let A: HostileServer;
const MB = 1024 * 1024;

beforeAll(async () => {
  A = await HostileServer.start();
});
afterAll(async () => {
  await A.close();
});

function opts(limits: FetchOptions['limits'] = {}): FetchOptions {
  return { allowHosts: [A.hostPort], limits: { totalMs: 3000, ...limits } };
}

async function failsWith(
  path: string,
  code: string,
  limits: FetchOptions['limits'] = {},
): Promise<{ error: FetchError; ms: number }> {
  const { error, ms } = await failureOf(fetchPage(A.url(path), opts(limits)));
  expect(error).toBeInstanceOf(FetchError);
  expect((error as FetchError).code).toBe(code);
  return { error: error as FetchError, ms };
}

/** Raw HTTP on the request's socket, for responses Node's http server would refuse to send. */
function raw(handler: (socket: net.Socket) => void) {
  return (req: { socket: net.Socket }): void => {
    req.socket.on('error', () => undefined);
    handler(req.socket);
  };
}

describe('size and encoding bombs', () => {
  let rssBefore = 0;
  beforeAll(() => {
    // Build the bombs first so their construction is not counted as growth.
    gzipBomb();
    brotliBomb();
    rssBefore = process.memoryUsage().rss;
  });

  it('H-18: refuses a 2 GB Content-Length from the header and closes the socket', async () => {
    A.on('/h18', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(2 * 1024 * MB) });
      endless(res, Buffer.alloc(64 * 1024, 0x61));
    });
    const { error } = await failsWith('/h18', 'too_large');
    expect(error.userMessage).toBe('The page is too large (2 GB) for me to read.');
    await A.waitForClientClose('/h18');
  });

  it('H-19/H-28: stops an endless chunked stream at 5 MB of body and closes the socket', async () => {
    A.on('/h19', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      endless(res, Buffer.alloc(64 * 1024, 0x61));
    });
    const { error } = await failsWith('/h19', 'too_large');
    expect(error.userMessage).toBe('The page is too large (over 5 MB) for me to read.');
    await A.waitForClientClose('/h19');
  });

  it('H-21: stops a gzip bomb at 5 MB of decoded bytes despite an honest small Content-Length', async () => {
    const bomb = gzipBomb();
    expect(bomb.length).toBeLessThan(MB);
    A.on(
      '/h21',
      html(bomb, {
        'content-type': 'text/html',
        'content-encoding': 'gzip',
        'content-length': String(bomb.length),
      }),
    );
    await failsWith('/h21', 'too_large');
  });

  it('H-22: stops a brotli bomb the same way', async () => {
    const bomb = brotliBomb();
    A.on(
      '/h22',
      html(bomb, {
        'content-type': 'text/html',
        'content-encoding': 'br',
        'content-length': String(bomb.length),
      }),
    );
    await failsWith('/h22', 'too_large');
  });

  it('H-19b: stops an endless stream of empty gzip members (0 decoded bytes) at the wire-byte cap', async () => {
    // Each member decodes to nothing, so only a count of bytes on the wire can end this before the deadline.
    const emptyMember = zlib.gzipSync(Buffer.alloc(0));
    A.on('/h19-empty-gzip', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      endless(res, Buffer.concat(Array.from({ length: 2048 }, () => emptyMember)));
    });
    const { error, ms } = await failsWith('/h19-empty-gzip', 'too_large', { totalMs: 20_000 });
    expect(error.userMessage).toBe('The page is too large (over 5 MB) for me to read.');
    expect(ms).toBeLessThan(10_000);
    await A.waitForClientClose('/h19-empty-gzip');
  });

  it('checks Content-Length against the wire cap and counts wire bytes separately from decoded ones', async () => {
    const page = Buffer.from(ARTICLE_HTML.repeat(40));
    const gz = zlib.gzipSync(page);
    A.on('/wire', html(gz, { 'content-type': 'text/html', 'content-encoding': 'gzip' }));
    // decoded size over a cap that the compressed size is under: the decoded cap decides
    await failsWith('/wire', 'too_large', { maxBytes: page.length - 1, maxWireBytes: gz.length + 1 });
    // compressed size over a cap the decoded size is under: the wire cap (here from Content-Length) decides
    await failsWith('/wire', 'too_large', { maxBytes: page.length + 1, maxWireBytes: gz.length - 1 });
    const ok = await fetchPage(A.url('/wire'), opts({ maxBytes: page.length, maxWireBytes: gz.length }));
    expect(ok.bytes).toBe(page.length);
  });

  it('keeps RSS growth under 50 MB across the bomb and endless-stream cases above', () => {
    const growth = process.memoryUsage().rss - rssBefore;
    expect(growth).toBeLessThan(50 * MB);
  });

  it('H-20: a Content-Length of 1,000 followed by endless bytes is read to the declared length, no further', async () => {
    A.on(
      '/h20-short',
      raw((socket) => {
        socket.write('HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: 1000\r\n\r\n');
        const more = Buffer.alloc(64 * 1024, 0x62);
        const pump = (): void => {
          while (!socket.destroyed && socket.write(more)) {
            /* far past the declared length, until the client hangs up */
          }
          if (!socket.destroyed) socket.once('drain', pump);
        };
        pump();
      }),
    );
    const page = await fetchPage(A.url('/h20-short'), opts());
    expect(page.bytes).toBe(1000);
  });

  it('H-20: a Content-Length of 4 MB with a socket closed after 10 bytes fails at once, not at the deadline', async () => {
    A.on(
      '/h20-long',
      raw((socket) => {
        socket.end(
          `HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: ${4 * MB}\r\n\r\n<p>0123456`,
        );
      }),
    );
    const { ms } = await failsWith('/h20-long', 'connection_lost');
    expect(ms).toBeLessThan(1000);
  });

  it('H-23: refuses stacked content codings with a one-line message', async () => {
    A.on(
      '/h23',
      html('x', { 'content-type': 'text/html', 'content-encoding': 'gzip, gzip, gzip, gzip, gzip, gzip' }),
    );
    const triple = zlib.gzipSync(zlib.gzipSync(zlib.gzipSync(ARTICLE_HTML)));
    A.on('/h23-3', html(triple, { 'content-type': 'text/html', 'content-encoding': 'gzip, gzip, gzip' }));
    const { error } = await failsWith('/h23', 'too_many_codings');
    expect(error.userMessage).toBe('The site wrapped the page in too many layers of compression.');
    await failsWith('/h23-3', 'too_many_codings');
  });

  it('accepts two stacked codings (the allowed maximum) and decodes them', async () => {
    const double = zlib.brotliCompressSync(zlib.gzipSync(ARTICLE_HTML));
    A.on('/two-codings', html(double, { 'content-type': 'text/html', 'content-encoding': 'gzip, br' }));
    const page = await fetchPage(A.url('/two-codings'), opts());
    expect(page.html).toBe(ARTICLE_HTML);
    expect(page.bytes).toBe(Buffer.byteLength(ARTICLE_HTML));
  });

  it('decodes deflate, and refuses codings it cannot read before downloading them', async () => {
    A.on(
      '/deflate',
      html(zlib.deflateSync(ARTICLE_HTML), { 'content-type': 'text/html', 'content-encoding': 'deflate' }),
    );
    A.on('/zstd', html('x', { 'content-type': 'text/html', 'content-encoding': 'zstd' }));
    expect((await fetchPage(A.url('/deflate'), opts())).html).toBe(ARTICLE_HTML);
    const { error } = await failsWith('/zstd', 'unsupported_encoding');
    expect(error.userMessage).toBe('The site compressed the page in a way I can\u2019t read.');
  });

  it('H-24: corrupt or truncated gzip is a clean failure', async () => {
    const good = zlib.gzipSync(Buffer.from(ARTICLE_HTML.repeat(50)));
    const corrupt = Buffer.concat([good.subarray(0, 20), Buffer.alloc(200, 0xff)]);
    A.on('/h24', html(corrupt, { 'content-type': 'text/html', 'content-encoding': 'gzip' }));
    A.on(
      '/h24-trunc',
      html(good.subarray(0, good.length / 2), { 'content-type': 'text/html', 'content-encoding': 'gzip' }),
    );
    await failsWith('/h24', 'bad_encoding');
    await failsWith('/h24-trunc', 'bad_encoding');
  });

  it('H-25: 100 KB of headers is mapped to a message', async () => {
    A.on(
      '/h25',
      raw((socket) => {
        socket.end(
          `HTTP/1.1 200 OK\r\ncontent-type: text/html\r\nset-cookie: a=${'x'.repeat(100 * 1024)}\r\ncontent-length: 2\r\n\r\nok`,
        );
      }),
    );
    const { error } = await failsWith('/h25', 'headers_too_large');
    expect(error.userMessage).toBe('The site sent oversized headers, so I stopped reading the page.');
  });
});

describe('time', () => {
  it('H-26: a server that never answers ends at the first-byte timeout', async () => {
    A.on('/h26', () => undefined);
    const { ms, error } = await failsWith('/h26', 'first_byte_timeout', { firstByteMs: 300 });
    expect(error.userMessage).toBe('The site took too long to answer.');
    expect(ms).toBeLessThan(1500);
  });

  it('H-27: a slow drip is stopped by the total deadline although each byte resets the idle timer', async () => {
    A.on('/h27', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<p>');
      const t = A.every(50, () => (res.destroyed ? clearInterval(t) : res.write('.')));
    });
    const { ms } = await failsWith('/h27', 'timeout', { totalMs: 800, idleMs: 400 });
    expect(ms).toBeLessThan(1800);
    await A.waitForClientClose('/h27');
  });

  it('H-27: a body that goes silent ends at the idle timeout', async () => {
    A.on('/idle', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<p>first bytes');
    });
    const { ms } = await failsWith('/idle', 'idle_timeout', { idleMs: 300 });
    expect(ms).toBeLessThan(1500);
  });

  it('H-29: headers sent one line at a time, forever, end at the first-byte timeout', async () => {
    A.on(
      '/h29',
      raw((socket) => {
        socket.write('HTTP/1.1 200 OK\r\n');
        let n = 0;
        const t = A.every(50, () =>
          socket.destroyed ? clearInterval(t) : socket.write(`x-slow-${n++}: 1\r\n`),
        );
      }),
    );
    const { ms } = await failsWith('/h29', 'first_byte_timeout', { firstByteMs: 400 });
    expect(ms).toBeLessThan(1500);
  });

  it('H-30: a reset mid-body is a clean failure', async () => {
    A.on(
      '/h30',
      raw((socket) => {
        socket.write('HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: 1000\r\n\r\n');
        socket.write(Buffer.alloc(500, 0x61), () => socket.resetAndDestroy());
      }),
    );
    await failsWith('/h30', 'connection_lost');
  });

  it('H-31: a TLS handshake that never completes ends at the connect timeout', async () => {
    const sockets: net.Socket[] = [];
    const stall = net.createServer((s) => sockets.push(s));
    await new Promise<void>((r) => stall.listen(0, '127.0.0.1', () => r()));
    const port = (stall.address() as AddressInfo).port;
    try {
      const { error, ms } = await failureOf(
        fetchPage(`https://127.0.0.1:${port}/`, {
          allowHosts: [`127.0.0.1:${port}`],
          limits: { connectMs: 300 },
        }),
      );
      expect((error as FetchError).code).toBe('connect_timeout');
      expect(ms).toBeLessThan(1500);
      expect(sockets.length).toBeGreaterThan(0);
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((r) => stall.close(() => r()));
    }
  });

  it('a caller cancellation ends the fetch with its own code', async () => {
    A.on('/hang', () => undefined);
    const controller = new AbortController();
    const pending = failureOf(fetchPage(A.url('/hang'), { ...opts(), signal: controller.signal }));
    await A.waitForHits('/hang');
    controller.abort();
    const { error } = await pending;
    expect((error as FetchError).code).toBe('cancelled');
  });
});

describe('TLS', () => {
  it('H-31: refuses a self-signed certificate (never rejectUnauthorized:false)', async () => {
    const https = await import('node:https');
    const fs = await import('node:fs');
    const path = await import('node:path');
    // Generated once with: openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes
    //   -keyout self-signed.key -out self-signed.crt -days 36500 -subj /CN=news.test
    //   -addext subjectAltName=DNS:news.test,IP:127.0.0.1
    const dir = path.resolve(__dirname, '../fixtures/tls');
    let served = 0;
    const server = https.createServer(
      {
        key: fs.readFileSync(path.join(dir, 'self-signed.key')),
        cert: fs.readFileSync(path.join(dir, 'self-signed.crt')),
      },
      (_req, res) => {
        served++;
        res.writeHead(200, { 'content-type': 'text/html' }).end(ARTICLE_HTML);
      },
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as AddressInfo).port;
    try {
      const { error } = await failureOf(
        fetchPage(`https://news.test:${port}/`, {
          allowHosts: [`news.test:${port}`],
          resolver: fakeResolver({ 'news.test': ['127.0.0.1'] }),
        }),
      );
      expect((error as FetchError).code).toBe('bad_certificate');
      expect((error as FetchError).userMessage).toBe('The site\u2019s certificate is not valid.');
      expect(served).toBe(0);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
