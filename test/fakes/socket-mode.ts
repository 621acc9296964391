import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';

export type EnvelopeType = 'events_api' | 'slash_commands' | 'interactive';
export type DisconnectReason = 'warning' | 'refresh_requested' | 'link_disabled' | 'too_many_websockets';
export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
}

interface Pending {
  resolve: (ack: SocketAck) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Slack's side of Socket Mode: greets each client with `hello`, pushes envelopes and hands back the
 * client's ack. It shares FakeSlack's HTTP port (upgrades on `pathPrefix`), so `apps.connections.open`
 * can point at it.
 */
export class FakeSocketMode {
  /** Every ack or other frame a client sent, in order. */
  readonly received: Record<string, unknown>[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly greeted = new Set<WebSocket>();
  private readonly pending = new Map<string, Pending>();
  private helloWaiters: (() => void)[] = [];
  private tickets = 0;

  /** @param onActivity called after every connection change or frame, so FakeSlack.waitFor re-checks. */
  constructor(
    private readonly wsOrigin: string,
    private readonly onActivity: () => void,
    readonly ackTimeoutMs = 5000,
  ) {}

  readonly pathPrefix = '/socket-mode/';

  /** A fresh URL, as `apps.connections.open` would hand out. */
  newUrl(): string {
    this.tickets += 1;
    return `${this.wsOrigin}${this.pathPrefix}link?ticket=fake-${this.tickets}`;
  }

  /** Open connections that completed the hello handshake. */
  get connections(): number {
    return [...this.greeted].filter((ws) => ws.readyState === WebSocket.OPEN).length;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws));
  }

  private onConnection(ws: WebSocket): void {
    ws.on('message', (data, isBinary) => this.onFrame(data.toString(), isBinary));
    ws.on('close', () => {
      this.greeted.delete(ws);
      this.onActivity();
    });
    this.greeted.add(ws);
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.connections,
        debug_info: { host: 'fake' },
        connection_info: { app_id: 'A1' },
      }),
    );
    const waiters = this.helloWaiters;
    this.helloWaiters = [];
    for (const w of waiters) w();
    this.onActivity();
  }

  private onFrame(text: string, isBinary: boolean): void {
    if (isBinary) return;
    let msg: unknown;
    try {
      msg = JSON.parse(text);
    } catch {
      console.error(`[fake-slack] socket mode: client sent non-JSON frame: ${text.slice(0, 200)}`);
      return;
    }
    if (typeof msg !== 'object' || msg === null) return;
    const frame = msg as Record<string, unknown>;
    this.received.push(frame);
    const id = frame.envelope_id;
    const p = typeof id === 'string' ? this.pending.get(id) : undefined;
    if (p && typeof id === 'string') {
      this.pending.delete(id);
      clearTimeout(p.timer);
      p.resolve('payload' in frame ? { envelope_id: id, payload: frame.payload } : { envelope_id: id });
    }
    this.onActivity();
  }

  /** Resolves once a client holds an open, greeted connection. */
  connected(): Promise<void> {
    if (this.connections > 0) return Promise.resolve();
    return new Promise((resolve) => this.helloWaiters.push(resolve));
  }

  /**
   * Pushes an envelope to the newest connection and resolves with the client's ack. Rejects if nobody is
   * connected, or if no ack comes within `ackTimeoutMs` (Slack would retry; a test has failed).
   */
  send(
    type: EnvelopeType,
    payload: object,
    extra: { retry_attempt?: number; retry_reason?: string; accepts_response_payload?: boolean } = {},
  ): Promise<SocketAck> {
    const ws = [...this.greeted].reverse().find((s) => s.readyState === WebSocket.OPEN);
    if (!ws)
      return Promise.reject(new Error('FakeSocketMode.send: no client connected (await connected() first)'));
    const envelope_id = randomUUID();
    const envelope: Record<string, unknown> = {
      envelope_id,
      type,
      payload,
      accepts_response_payload: extra.accepts_response_payload ?? type !== 'events_api',
    };
    if (type === 'events_api') {
      envelope.retry_attempt = extra.retry_attempt ?? 0;
      envelope.retry_reason = extra.retry_reason ?? '';
    }
    return new Promise<SocketAck>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(envelope_id);
        reject(
          new Error(
            `FakeSocketMode: no ack for ${type} envelope ${envelope_id} within ${this.ackTimeoutMs} ms`,
          ),
        );
      }, this.ackTimeoutMs);
      this.pending.set(envelope_id, { resolve, reject, timer });
      ws.send(JSON.stringify(envelope));
    });
  }

  /** Tells every client to go away, as Slack does before recycling a host; clients should reconnect. */
  disconnect(reason: DisconnectReason): void {
    for (const ws of this.greeted) {
      if (ws.readyState === WebSocket.OPEN) {
        ws.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake' } }));
      }
    }
  }

  async close(): Promise<void> {
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new Error(`FakeSocketMode closed before envelope ${id} was acked`));
    }
    this.pending.clear();
    for (const ws of this.wss.clients) ws.terminate();
    for (const ws of this.greeted) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
