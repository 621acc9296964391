import { EventEmitter } from 'node:events';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

/**
 * A local web server standing in for news sites: fixed routes, fixture files, custom handlers, and
 * `hold()` to keep requests waiting so tests can prove coalescing or timeouts without sleeping.
 */

export type RouteHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
export interface StaticRoute {
  status?: number;
  headers?: Record<string, string>;
  body: string | Buffer;
}
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.xml': 'application/xml',
};

export class ArticleServer {
  /** Every request received, in order (handy for asserting User-Agent, redirects followed, …). */
  readonly requests: ReceivedRequest[] = [];
  private readonly routes = new Map<string, StaticRoute | RouteHandler>();
  private readonly hitCounts = new Map<string, number>();
  private readonly holds = new Map<string, (() => void)[]>();
  private readonly events = new EventEmitter();

  private constructor(
    private readonly server: http.Server,
    readonly origin: string,
    readonly hostPort: string,
  ) {
    this.events.setMaxListeners(0);
  }

  static async start(): Promise<ArticleServer> {
    const server = http.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const s = new ArticleServer(server, `http://127.0.0.1:${port}`, `127.0.0.1:${port}`);
    server.on('request', (req, res) => s.handle(req, res));
    return s;
  }

  /** Full URL for a path on this server. */
  urlFor(p: string): string {
    return `${this.origin}${p}`;
  }

  /** Serves `path` (exact path, or path plus query string) with a fixed answer or a custom handler. */
  route(p: string, r: StaticRoute | RouteHandler): void {
    this.routes.set(p, r);
  }

  /** Serves a file read now, so a missing fixture fails the test at setup rather than mid-fetch. */
  serveFile(p: string, file: string, contentType?: string): void {
    const body = fs.readFileSync(file);
    const type = contentType ?? CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    this.route(p, { status: 200, headers: { 'content-type': type }, body });
  }

  /** Requests to `path` wait (counted as hits) until release(); later requests are answered at once. */
  hold(p: string): { release(): void } {
    if (!this.holds.has(p)) this.holds.set(p, []);
    return {
      release: () => {
        const waiting = this.holds.get(p) ?? [];
        this.holds.delete(p);
        for (const go of waiting) go();
      },
    };
  }

  /** Requests received for a path (query strings ignored). */
  hits(p: string): number {
    return this.hitCounts.get(p) ?? 0;
  }

  waitForHits(p: string, n: number, timeoutMs = 5000): Promise<void> {
    if (this.hits(p) >= n) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (this.hits(p) >= n) {
          cleanup();
          resolve();
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        const seen = [...this.hitCounts].map(([k, v]) => `${k}×${v}`).join(', ') || 'none';
        reject(
          new Error(
            `ArticleServer: ${p} got ${this.hits(p)} of ${n} hits within ${timeoutMs} ms (hits: ${seen})`,
          ),
        );
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.events.off('hit', check);
      };
      this.events.on('hit', check);
    });
  }

  async close(): Promise<void> {
    for (const p of [...this.holds.keys()]) this.hold(p).release();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const target = req.url ?? '/';
    const pathname = new URL(target, this.origin).pathname;
    this.requests.push({ method: req.method ?? 'GET', path: target, headers: req.headers });
    this.hitCounts.set(pathname, this.hits(pathname) + 1);
    this.events.emit('hit');
    const serve = (): void => this.serve(target, pathname, req, res);
    const waiting = this.holds.get(pathname);
    if (waiting) waiting.push(serve);
    else serve();
  }

  private serve(target: string, pathname: string, req: http.IncomingMessage, res: http.ServerResponse): void {
    if (res.destroyed) return;
    const r = this.routes.get(target) ?? this.routes.get(pathname);
    if (!r) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    if (typeof r === 'function') {
      r(req, res);
      return;
    }
    const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' };
    for (const [k, v] of Object.entries(r.headers ?? {})) headers[k.toLowerCase()] = v;
    res.writeHead(r.status ?? 200, headers);
    res.end(req.method === 'HEAD' ? undefined : r.body);
  }
}
