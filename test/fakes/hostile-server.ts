import { EventEmitter } from 'node:events';
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import * as zlib from 'node:zlib';
import type { DialTarget, ResolvedAddress, Resolver } from '../../src/article/guarded-connector';

/**
 * Hostile web servers for the article fetcher (behaviours from shared/notes/hostile-servers.md):
 * - `HostileServer` ("A") plays one misbehaviour per path on 127.0.0.1:PA;
 * - `CanaryServer` ("B") stands for internal services on 127.0.0.1, 127.0.0.2 and [::1] (same port) and
 *   counts every TCP connection it accepts: refusal cases assert it saw none.
 * Plus a scriptable fake resolver, a recording stub dialer, and legacy-charset encoders built by inverting
 * TextDecoder (Node has no encoder for anything but UTF-8, and no iconv is installed).
 */

export type Behaviour = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export const ARTICLE_HTML =
  '<!doctype html><html><head><title>Strike kills 12</title></head><body><article><h1>Strike kills 12</h1>' +
  '<p>At least 12 people were killed, the ministry said on Tuesday.</p></article></body></html>';

export class CanaryServer {
  connections = 0;
  private readonly servers: net.Server[] = [];
  private readonly sockets = new Set<net.Socket>();
  port = 0;
  /** Which of 127.0.0.1 / 127.0.0.2 / ::1 this host let us listen on. */
  readonly hosts: string[] = [];

  static async start(): Promise<CanaryServer> {
    const canary = new CanaryServer();
    for (const host of ['127.0.0.1', '127.0.0.2', '::1']) {
      const server = net.createServer((socket) => {
        canary.connections++;
        canary.sockets.add(socket);
        socket.on('close', () => canary.sockets.delete(socket));
        socket.on('error', () => undefined);
        socket.end(
          'HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: 21\r\n\r\n<p>internal secret</p>',
        );
      });
      try {
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(canary.port, host, () => resolve());
        });
      } catch {
        continue; // 127.0.0.2 or ::1 may be unavailable in some sandboxes
      }
      if (canary.port === 0) canary.port = (server.address() as AddressInfo).port;
      canary.servers.push(server);
      canary.hosts.push(host);
    }
    return canary;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await Promise.all(this.servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
  }
}

export class HostileServer {
  readonly hits = new Map<string, number>();
  readonly requests: { path: string; headers: http.IncomingHttpHeaders }[] = [];
  /** Set when a response socket closed before the server finished writing (client gave up). */
  readonly clientClosed = new Set<string>();
  private readonly events = new EventEmitter();
  private readonly behaviours = new Map<string, Behaviour>();
  private readonly sockets = new Set<net.Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  port = 0;

  private constructor(private readonly server: http.Server) {
    this.events.setMaxListeners(0);
  }

  static async start(): Promise<HostileServer> {
    // A tiny maxHeaderSize on our side is irrelevant; the client's limit is what is tested.
    const server = http.createServer();
    const s = new HostileServer(server);
    server.on('connection', (socket) => {
      s.sockets.add(socket);
      socket.on('close', () => s.sockets.delete(socket));
    });
    server.on('request', (req, res) => s.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    s.port = (server.address() as AddressInfo).port;
    return s;
  }

  get hostPort(): string {
    return `127.0.0.1:${this.port}`;
  }

  url(path: string, host = '127.0.0.1'): string {
    return `http://${host}:${this.port}${path}`;
  }

  on(path: string, behaviour: Behaviour): void {
    this.behaviours.set(path, behaviour);
  }

  hitsOn(path: string): number {
    return this.hits.get(path) ?? 0;
  }

  /** Resolves once the client closed the socket of a request to `path` (awaits an event, not time). */
  waitForClientClose(path: string, timeoutMs = 5000): Promise<void> {
    if (this.clientClosed.has(path)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`client never closed ${path}`)), timeoutMs);
      this.events.on('client-closed', (p: string) => {
        if (p !== path) return;
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Resolves once `path` has been requested `n` times (awaits the request event, not time). */
  waitForHits(path: string, n = 1, timeoutMs = 5000): Promise<void> {
    if (this.hitsOn(path) >= n) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${path} got fewer than ${n} hits`)), timeoutMs);
      const check = (p: string): void => {
        if (p !== path || this.hitsOn(path) < n) return;
        clearTimeout(timer);
        this.events.off('hit', check);
        resolve();
      };
      this.events.on('hit', check);
    });
  }

  /** A timer the server owns (drips, slow hops); cleared on close so jest exits cleanly. */
  every(ms: number, fn: () => void): NodeJS.Timeout {
    const t = setInterval(fn, ms);
    this.timers.add(t);
    return t;
  }

  after(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    this.hits.set(path, this.hitsOn(path) + 1);
    this.requests.push({ path, headers: req.headers });
    this.events.emit('hit', path);
    res.on('close', () => {
      if (!res.writableFinished) {
        this.clientClosed.add(path);
        this.events.emit('client-closed', path);
      }
    });
    const behaviour = this.behaviours.get(path);
    if (!behaviour) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<p>no such behaviour</p>');
      return;
    }
    behaviour(req, res);
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

// ---- behaviour builders ----------------------------------------------------------------------------

export const html =
  (
    body: string | Buffer,
    headers: http.OutgoingHttpHeaders = { 'content-type': 'text/html; charset=utf-8' },
  ) =>
  (_req: http.IncomingMessage, res: http.ServerResponse): void => {
    res.writeHead(200, headers).end(body);
  };

export const redirect =
  (location: string, status = 302) =>
  (_req: http.IncomingMessage, res: http.ServerResponse): void => {
    res.writeHead(status, { location, 'content-length': '0' }).end();
  };

export const status =
  (code: number, headers: http.OutgoingHttpHeaders = {}, body = '') =>
  (_req: http.IncomingMessage, res: http.ServerResponse): void => {
    res.writeHead(code, { 'content-type': 'text/html', ...headers }).end(body);
  };

/** Writes `chunk` over and over, respecting backpressure, until the client goes away. */
export function endless(res: http.ServerResponse, chunk: Buffer): void {
  const pump = (): void => {
    while (!res.destroyed && res.write(chunk)) {
      /* keep writing until the socket buffer is full */
    }
    if (!res.destroyed) res.once('drain', pump);
  };
  res.on('error', () => undefined);
  pump();
}

let gzipBombCache: Buffer | undefined;
let brotliBombCache: Buffer | undefined;
export const BOMB_DECODED_BYTES = 50 * 1024 * 1024;

/** 50 MB of zeros as ~50 KB of gzip. */
export function gzipBomb(): Buffer {
  gzipBombCache ??= zlib.gzipSync(Buffer.alloc(BOMB_DECODED_BYTES), { level: 9 });
  return gzipBombCache;
}

/** 50 MB of zeros as a few KB of brotli. */
export function brotliBomb(): Buffer {
  brotliBombCache ??= zlib.brotliCompressSync(Buffer.alloc(BOMB_DECODED_BYTES), {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 },
  });
  return brotliBombCache;
}

// ---- fake DNS and stub dialer ----------------------------------------------------------------------

export type FakeAnswer = string[] | (() => string[]) | Error | 'hang';

/** A resolver over a fixed table; unknown names fail like NXDOMAIN. Records every query. */
export function fakeResolver(table: Record<string, FakeAnswer>): Resolver & { queries: string[] } {
  const queries: string[] = [];
  const resolver = async (hostname: string): Promise<ResolvedAddress[]> => {
    queries.push(hostname);
    const entry = table[hostname];
    if (entry === 'hang') return new Promise<never>(() => undefined);
    if (entry instanceof Error) throw entry;
    if (entry === undefined)
      throw Object.assign(new Error(`queryA ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    const list = typeof entry === 'function' ? entry() : entry;
    return list.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }) as ResolvedAddress);
  };
  return Object.assign(resolver, { queries });
}

export class StubDialError extends Error {
  constructor() {
    super('stub dialer: no internet in tests');
    this.name = 'StubDialError';
  }
}

/** Records where the fetcher tried to connect, and fails every attempt with a sentinel error. */
export function stubDialer(): ((t: DialTarget) => Promise<net.Socket>) & { dialled: DialTarget[] } {
  const dialled: DialTarget[] = [];
  const dial = async (target: DialTarget): Promise<net.Socket> => {
    dialled.push(target);
    throw new StubDialError();
  };
  return Object.assign(dial, { dialled });
}

// ---- legacy charsets without iconv -----------------------------------------------------------------

const encoderTables = new Map<string, Map<string, number[]>>();

function encoderTable(encoding: string): Map<string, number[]> {
  const cached = encoderTables.get(encoding);
  if (cached) return cached;
  const decoder = new TextDecoder(encoding, { fatal: true });
  const table = new Map<string, number[]>();
  const tryBytes = (bytes: number[]): void => {
    let ch: string;
    try {
      ch = decoder.decode(Uint8Array.from(bytes));
    } catch {
      return;
    }
    if ([...ch].length === 1 && !table.has(ch)) table.set(ch, bytes);
  };
  for (let b = 0; b < 0x80; b++) tryBytes([b]);
  for (let b = 0x80; b < 0x100; b++) tryBytes([b]);
  if (encoding === 'shift_jis' || encoding === 'gbk') {
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) tryBytes([lead, trail]);
    }
  }
  encoderTables.set(encoding, table);
  return table;
}

/** Encodes text in a legacy charset by inverting Node's (ICU) decoder; throws on unmappable characters. */
export function encodeLegacy(
  text: string,
  encoding: 'windows-1251' | 'windows-1252' | 'shift_jis' | 'gbk',
): Buffer {
  const table = encoderTable(encoding);
  const out: number[] = [];
  for (const ch of text) {
    const bytes = table.get(ch);
    if (!bytes) throw new Error(`${encoding} cannot encode ${JSON.stringify(ch)}`);
    out.push(...bytes);
  }
  return Buffer.from(out);
}

export function encodeUtf16le(text: string, withBom = true): Buffer {
  const body = Buffer.alloc(text.length * 2);
  for (let i = 0; i < text.length; i++) body.writeUInt16LE(text.charCodeAt(i), i * 2);
  return withBom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

/** The rejection of `promise` (fails the test if it resolves), with how long it took to settle. */
export async function failureOf(promise: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = Date.now();
  try {
    await promise;
  } catch (error) {
    return { error, ms: Date.now() - started };
  }
  throw new Error('expected the fetch to fail, but it succeeded');
}
