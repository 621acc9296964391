import * as dgram from 'node:dgram';
import { EventEmitter } from 'node:events';
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import * as zlib from 'node:zlib';
import type { DialOptions, DialTarget, ResolvedAddress, Resolver } from '../../src/article/guarded-connector';

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

/**
 * Plays "the internet" without leaving the machine. Every dial is recorded; a dial to an address:port listed
 * in `routes` reaches that local port on 127.0.0.1, and every other dial lands on `fallbackPort` (the canary),
 * so an attempt the guard should have stopped is counted by the canary wherever it was aimed, default ports
 * and metadata addresses included. The socket reports the address that was dialled as its remote address,
 * as a real connection to that address would; https targets get plain TCP (the fake sites speak HTTP).
 */
export function routingDialer(
  routes: Record<string, number>,
  fallbackPort: number,
): ((t: DialTarget) => Promise<net.Socket>) & { dialled: DialTarget[] } {
  const dialled: DialTarget[] = [];
  const dial = (target: DialTarget): Promise<net.Socket> =>
    new Promise((resolve, reject) => {
      dialled.push(target);
      const port = routes[`${target.address}:${target.port}`] ?? fallbackPort;
      const socket = net.connect(port, '127.0.0.1', () => {
        Object.defineProperty(socket, 'remoteAddress', { value: target.address });
        resolve(socket);
      });
      socket.once('error', reject);
    });
  return Object.assign(dial, { dialled });
}

/**
 * A dialer whose connections go nowhere: it never settles and ignores its signal and timeout, as a
 * blackholed SYN with a careless dialer would. Records each attempt with the options it was given.
 */
export function blackholeDialer(): ((t: DialTarget, o: DialOptions) => Promise<net.Socket>) & {
  attempts: { target: DialTarget; opts: DialOptions }[];
} {
  const attempts: { target: DialTarget; opts: DialOptions }[] = [];
  const dial = (target: DialTarget, opts: DialOptions): Promise<net.Socket> => {
    attempts.push({ target, opts });
    return new Promise<never>(() => undefined);
  };
  return Object.assign(dial, { attempts });
}

/**
 * A dialer that behaves like undici's connector on an unroutable address: each attempt fails with a
 * connect timeout once the time it was given (opts.timeoutMs) has passed.
 */
export function timingOutDialer(): ((t: DialTarget, o: DialOptions) => Promise<net.Socket>) & {
  attempts: { target: DialTarget; opts: DialOptions }[];
} {
  const attempts: { target: DialTarget; opts: DialOptions }[] = [];
  const dial = (target: DialTarget, opts: DialOptions): Promise<net.Socket> => {
    attempts.push({ target, opts });
    return new Promise<never>((_, reject) => {
      const timer = setTimeout(
        () => reject(Object.assign(new Error('connect timeout'), { code: 'UND_ERR_CONNECT_TIMEOUT' })),
        opts.timeoutMs,
      );
      opts.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(opts.signal.reason);
      });
    });
  };
  return Object.assign(dial, { attempts });
}

// ---- a DNS server on 127.0.0.1 (UDP), for the c-ares resolver -----------------------------------------

export type DnsAnswer = { a?: string[]; aaaa?: string[] } | 'nxdomain' | 'hang';

/** Answers A and AAAA queries from a table; 'hang' names get no reply at all. Records every query. */
export class FakeDnsServer {
  readonly queries: { name: string; type: 'A' | 'AAAA' | number }[] = [];
  private constructor(
    private readonly socket: dgram.Socket,
    private readonly table: Record<string, DnsAnswer>,
  ) {}

  static async start(table: Record<string, DnsAnswer>): Promise<FakeDnsServer> {
    const socket = dgram.createSocket('udp4');
    const server = new FakeDnsServer(socket, table);
    socket.on('message', (msg, rinfo) => {
      const reply = server.answer(msg);
      if (reply) socket.send(reply, rinfo.port, rinfo.address);
    });
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
    return server;
  }

  get address(): string {
    return `127.0.0.1:${this.socket.address().port}`;
  }

  queriesFor(name: string): number {
    return this.queries.filter((q) => q.name === name).length;
  }

  private answer(msg: Buffer): Buffer | null {
    const labels: string[] = [];
    let i = 12;
    while (i < msg.length && msg[i] !== 0) {
      const len = msg[i]!;
      labels.push(msg.subarray(i + 1, i + 1 + len).toString('latin1'));
      i += len + 1;
    }
    const questionEnd = i + 5;
    const qtype = msg.readUInt16BE(i + 1);
    const name = labels.join('.').toLowerCase();
    this.queries.push({ name, type: qtype === 1 ? 'A' : qtype === 28 ? 'AAAA' : qtype });
    const entry = this.table[name];
    if (entry === 'hang') return null;
    const header = Buffer.alloc(12);
    msg.copy(header, 0, 0, 2); // id
    header.writeUInt16BE(qdFlags(entry), 2);
    header.writeUInt16BE(1, 4);
    const records =
      entry === undefined || entry === 'nxdomain'
        ? []
        : qtype === 1
          ? (entry.a ?? []).map((a) => Buffer.from(a.split('.').map(Number)))
          : qtype === 28
            ? (entry.aaaa ?? []).map(ipv6Bytes)
            : [];
    header.writeUInt16BE(records.length, 6);
    const answers = records.map((rdata) => {
      const rr = Buffer.alloc(12);
      rr.writeUInt16BE(0xc00c, 0); // pointer to the question name
      rr.writeUInt16BE(qtype, 2);
      rr.writeUInt16BE(1, 4); // IN
      rr.writeUInt32BE(60, 6);
      rr.writeUInt16BE(rdata.length, 10);
      return Buffer.concat([rr, rdata]);
    });
    return Buffer.concat([header, msg.subarray(12, questionEnd), ...answers]);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.socket.close(() => resolve()));
  }
}

function qdFlags(entry: DnsAnswer | undefined): number {
  // QR, RD, RA; RCODE 3 (NXDOMAIN) for unknown names
  return entry === undefined || entry === 'nxdomain' ? 0x8183 : 0x8180;
}

function ipv6Bytes(address: string): Buffer {
  const [head = '', tail = ''] = address.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
  const out = Buffer.alloc(16);
  groups.forEach((g, k) => out.writeUInt16BE(parseInt(g as string, 16), k * 2));
  return out;
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
  encoding: 'windows-1250' | 'windows-1251' | 'windows-1252' | 'shift_jis' | 'gbk',
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
