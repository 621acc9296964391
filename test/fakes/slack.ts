import { EventEmitter } from 'node:events';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkBlocks, checkMessage, decodeJsonArg } from './block-kit-limits';
import { checkCall } from './slack-spec';
import { FakeSocketMode } from './socket-mode';

export { FakeSocketMode } from './socket-mode';
export type { DisconnectReason, EnvelopeType, SocketAck } from './socket-mode';

/**
 * An in-process Slack for tests: the Web API (checked against Slack's OpenAPI spec and Block Kit limits),
 * a response_url sink and a Socket Mode server, all on one 127.0.0.1 port. Point the real clients at it
 * with `clientOptions: { slackApiUrl: fake.url }`.
 */

export interface RecordedCall {
  method: string;
  /** Arguments as sent; JSON-valued ones (`blocks`, `metadata`, …) are decoded to objects. */
  args: Record<string, unknown>;
  token: string | null;
  at: number;
  /** How the fake answered: filled in once the answer is sent. */
  outcome?: { status: number; ok: boolean; error?: string };
}

export interface SlackFailure {
  error?: string;
  status?: number;
  retryAfter?: number;
  times?: number;
  when?: (args: Record<string, unknown>) => boolean;
}

export interface RejectedCall {
  method: string;
  reason: string;
  args: Record<string, unknown>;
}

export interface StoredMessage {
  channel: string;
  ts: string;
  text: string;
  user?: string;
  bot_id?: string;
  thread_ts?: string;
  blocks?: unknown;
  metadata?: unknown;
  reply_broadcast?: boolean;
  /** chat.startStream messages stay 'streaming' until chat.stopStream. */
  stream?: 'streaming' | 'stopped';
}

export interface FakeSlackOptions {
  botToken?: string;
  appToken?: string;
  botUserId?: string;
  botId?: string;
  teamId?: string;
}

type Args = Record<string, unknown>;
type Answer = { status: number; body: Record<string, unknown>; headers?: Record<string, string> };

/** Arguments web-api serialises as JSON strings inside the form. */
const JSON_ARGS = new Set([
  'blocks',
  'attachments',
  'metadata',
  'unfurls',
  'chunks',
  'loading_messages',
  'user_auth_blocks',
  'prompts',
]);

/** Slack lets a response_url be used this many times (within 30 min). */
const RESPONSE_URL_USES = 5;

const MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.postEphemeral', 'chat.update']);

function compareTs(a: string, b: string): number {
  const [as = '0', af = '0'] = a.split('.');
  const [bs = '0', bf = '0'] = b.split('.');
  return Number(as) - Number(bs) || Number(af.padEnd(6, '0')) - Number(bf.padEnd(6, '0'));
}

function tsMicros(ts: string): number | undefined {
  const m = /^(\d+)\.(\d{1,6})$/.exec(ts);
  return m ? Number(m[1]) * 1e6 + Number((m[2] ?? '').padEnd(6, '0')) : undefined;
}

function formatTs(micros: number): string {
  return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, answer: Answer): void {
  res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
  res.end(JSON.stringify(answer.body));
}

export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  readonly rejected: RejectedCall[] = [];
  readonly responses: { id: string; body: Record<string, unknown> }[] = [];
  readonly botToken: string;
  readonly appToken: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly teamId: string;

  private readonly events = new EventEmitter();
  private readonly failures: { method: string; failure: SlackFailure; left: number }[] = [];
  private readonly holds = new Map<string, (() => void)[]>();
  private readonly messages: StoredMessage[] = [];
  private readonly reactionsByMessage = new Map<string, Set<string>>();
  private readonly responseUses = new Map<string, number>();
  private lastTsMicros = 0;
  private responseCounter = 0;
  private _socketMode: FakeSocketMode | undefined;
  private origin = '';

  private constructor(
    private readonly server: http.Server,
    opts: FakeSlackOptions,
  ) {
    this.botToken = opts.botToken ?? 'xoxb-test';
    this.appToken = opts.appToken ?? 'xapp-test';
    this.botUserId = opts.botUserId ?? 'UBOT';
    this.botId = opts.botId ?? 'BBOT';
    this.teamId = opts.teamId ?? 'T1';
    this.events.setMaxListeners(0);
  }

  static async start(opts: FakeSlackOptions = {}): Promise<FakeSlack> {
    const server = http.createServer();
    const fake = new FakeSlack(server, opts);
    server.on('request', (req, res) => {
      fake.handle(req, res).catch((err: unknown) => {
        console.error('[fake-slack] handler crashed:', err);
        if (!res.headersSent) send(res, { status: 500, body: { ok: false, error: 'fatal_error' } });
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    fake.origin = `http://127.0.0.1:${port}`;
    fake._socketMode = new FakeSocketMode(`ws://127.0.0.1:${port}`, () => fake.changed());
    const sm = fake._socketMode;
    server.on('upgrade', (req, socket, head) => {
      if (req.url?.startsWith(sm.pathPrefix)) sm.handleUpgrade(req, socket, head);
      else socket.destroy();
    });
    return fake;
  }

  /** Web API base for `clientOptions.slackApiUrl`; ends with '/' because web-api appends the method. */
  get url(): string {
    return `${this.origin}/api/`;
  }

  get socketMode(): FakeSocketMode {
    if (!this._socketMode) throw new Error('FakeSlack not started');
    return this._socketMode;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Scripts the next matching calls (after they pass validation) to fail. */
  fail(method: string, failure: SlackFailure): void {
    this.failures.push({ method, failure, left: failure.times ?? 1 });
  }

  /** Calls to `method` get no answer until release(): for proving what the app does meanwhile. */
  hold(method: string): { release(): void } {
    if (!this.holds.get(method)) this.holds.set(method, []);
    return {
      release: () => {
        const waiting = this.holds.get(method);
        this.holds.delete(method);
        for (const go of waiting ?? []) go();
      },
    };
  }

  /** Resolves when `predicate` holds, re-checking after every call, answer, response and socket frame. */
  waitFor(predicate: (fake: FakeSlack) => boolean, timeoutMs = 5000): Promise<void> {
    if (predicate(this)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = (): void => {
        let done: boolean;
        try {
          done = predicate(this);
        } catch (err) {
          cleanup();
          reject(err instanceof Error ? err : new Error(String(err)));
          return;
        }
        if (done) {
          cleanup();
          resolve();
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`FakeSlack.waitFor timed out after ${timeoutMs} ms.\n${this.describe()}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.events.off('change', check);
      };
      this.events.on('change', check);
    });
  }

  /** A readable log of what happened, for failure messages. */
  describe(): string {
    const lines = this.calls.map((c) => {
      const o = c.outcome
        ? c.outcome.ok
          ? 'ok'
          : `${c.outcome.status} ${c.outcome.error ?? ''}`
        : 'pending';
      return `  ${c.method} -> ${o} ${JSON.stringify(c.args).slice(0, 300)}`;
    });
    const rej = this.rejected.map((r) => `  REJECTED ${r.method}: ${r.reason}`);
    const resp = this.responses.map((r) => `  response_url ${r.id}: ${JSON.stringify(r.body).slice(0, 300)}`);
    return [
      `Calls (${this.calls.length}):`,
      ...lines,
      ...(rej.length ? ['Rejected:', ...rej] : []),
      ...(resp.length ? ['Responses:', ...resp] : []),
      `Socket Mode connections: ${this._socketMode?.connections ?? 0}`,
    ].join('\n');
  }

  /** Puts a message in a channel as if a user had posted it, for conversations.replies/history. */
  seedMessage(
    channel: string,
    msg: { ts: string; text: string; user?: string; thread_ts?: string; bot_id?: string },
  ): void {
    this.sawTs(msg.ts);
    this.messages.push({ channel, ...msg });
  }

  /** Messages of a thread (parent first), as conversations.replies would list them. */
  thread(channel: string, threadTs: string): StoredMessage[] {
    return this.messages
      .filter((m) => m.channel === channel && (m.ts === threadTs || m.thread_ts === threadTs))
      .sort((a, b) => compareTs(a.ts, b.ts));
  }

  /** The current (possibly updated) message, or undefined once deleted. */
  message(channel: string, ts: string): StoredMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts);
  }

  /** Reaction names the bot has on a message. */
  reactions(channel: string, ts: string): string[] {
    return [...(this.reactionsByMessage.get(`${channel}/${ts}`) ?? [])];
  }

  responseUrl(): string {
    this.responseCounter += 1;
    const id = `R${this.responseCounter}`;
    this.responseUses.set(id, 0);
    return `${this.origin}/response/${id}`;
  }

  async close(): Promise<void> {
    for (const method of [...this.holds.keys()]) this.hold(method).release();
    await this._socketMode?.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private changed(): void {
    this.events.emit('change');
  }

  private reject(method: string, reason: string, args: Args): void {
    this.rejected.push({ method, reason, args });
    console.error(`[fake-slack] rejected ${method}: ${reason}`);
    this.changed();
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const raw = await readBody(req);
    if (url.pathname.startsWith('/api/')) {
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      await this.handleApi(method, req, url, raw, res);
    } else if (url.pathname.startsWith('/response/') && req.method === 'POST') {
      this.handleResponseUrl(url.pathname.slice('/response/'.length), req, raw, res);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  }

  private parseArgs(req: http.IncomingMessage, url: URL, raw: string): Args | string {
    const args: Args = Object.fromEntries(url.searchParams);
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (raw.length === 0) return args;
    if (type === 'application/json') {
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        return 'body is not valid JSON';
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body))
        return 'JSON body is not an object';
      return { ...args, ...(body as Args) };
    }
    if (type === 'application/x-www-form-urlencoded' || type === '') {
      for (const [k, v] of new URLSearchParams(raw)) args[k] = JSON_ARGS.has(k) ? decodeJsonArg(v) : v;
      return args;
    }
    return `unsupported content-type ${type}`;
  }

  private async handleApi(
    method: string,
    req: http.IncomingMessage,
    url: URL,
    raw: string,
    res: http.ServerResponse,
  ): Promise<void> {
    const parsed = this.parseArgs(req, url, raw);
    if (typeof parsed === 'string') {
      this.reject(method, parsed, {});
      return send(res, { status: 200, body: { ok: false, error: 'invalid_form_data' } });
    }
    const args = parsed;
    const spec = checkCall(method, args);
    if (!spec.ok && spec.error === 'unknown_method') {
      this.reject(method, spec.reason, args);
      return send(res, { status: 200, body: { ok: false, error: 'unknown_method' } });
    }

    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length) : (str(args.token) ?? null);
    const expected = method === 'apps.connections.open' ? this.appToken : this.botToken;
    if (token !== expected) {
      const which = method === 'apps.connections.open' ? 'app' : 'bot';
      this.reject(method, `invalid_auth: expected the ${which} token, got ${token ?? 'none'}`, args);
      return send(res, { status: 200, body: { ok: false, error: 'invalid_auth' } });
    }
    if (!spec.ok) {
      this.reject(method, spec.reason, args);
      return send(res, { status: 200, body: { ok: false, error: spec.error } });
    }

    if (MESSAGE_METHODS.has(method) || method === 'chat.stopStream') {
      const verdict = method === 'chat.stopStream' ? checkBlocks(args.blocks) : checkMessage(args);
      if (verdict) {
        this.reject(method, `${verdict.error}: ${verdict.reason}`, args);
        return send(res, { status: 200, body: { ok: false, error: verdict.error } });
      }
    }

    for (const key of ['ts', 'thread_ts', 'timestamp', 'message_ts']) this.sawTs(args[key]);
    const call: RecordedCall = { method, args, token, at: Date.now() };
    this.calls.push(call);
    this.changed();

    const waiting = this.holds.get(method);
    if (waiting) await new Promise<void>((resolve) => waiting.push(resolve));

    const answer = this.answer(method, args);
    call.outcome = {
      status: answer.status,
      ok: answer.body.ok === true,
      ...(typeof answer.body.error === 'string' ? { error: answer.body.error } : {}),
    };
    send(res, answer);
    this.changed();
  }

  private scriptedFailure(method: string, args: Args): Answer | undefined {
    const i = this.failures.findIndex(
      (f) => f.method === method && f.left > 0 && (f.failure.when?.(args) ?? true),
    );
    const entry = this.failures[i];
    if (!entry) return undefined;
    entry.left -= 1;
    if (entry.left <= 0) this.failures.splice(i, 1);
    const { status = 200, error, retryAfter } = entry.failure;
    if (status === 429) {
      return {
        status,
        headers: { 'retry-after': String(retryAfter ?? 1) },
        body: { ok: false, error: error ?? 'ratelimited' },
      };
    }
    return {
      status,
      body: { ok: false, error: error ?? (status === 200 ? 'internal_error' : 'fatal_error') },
    };
  }

  private answer(method: string, args: Args): Answer {
    const failed = this.scriptedFailure(method, args);
    if (failed) return failed;

    const handler = this.handlers[method];
    return ok200(handler ? handler(args) : { ok: true });
  }

  /**
   * Slack's ts is the posting time in µs; using the clock (and never going backwards or below a ts the
   * test has shown us) keeps replies after their parents, whatever ts the test made up for them.
   */
  private nextTs(): string {
    this.lastTsMicros = Math.max(Date.now() * 1000, this.lastTsMicros + 100);
    return formatTs(this.lastTsMicros);
  }

  private sawTs(ts: unknown): void {
    const micros = typeof ts === 'string' ? tsMicros(ts) : undefined;
    if (micros !== undefined && micros > this.lastTsMicros) this.lastTsMicros = micros;
  }

  private toApiMessage(m: StoredMessage): Record<string, unknown> {
    const out: Record<string, unknown> = { type: 'message', ts: m.ts, text: m.text };
    if (m.user) out.user = m.user;
    if (m.bot_id) out.bot_id = m.bot_id;
    if (m.thread_ts) out.thread_ts = m.thread_ts;
    if (m.blocks !== undefined) out.blocks = m.blocks;
    if (m.metadata !== undefined) out.metadata = m.metadata;
    if (m.bot_id) out.team = this.teamId;
    const replies = this.messages.filter(
      (r) => r.channel === m.channel && r.thread_ts === m.ts && r.ts !== m.ts,
    );
    if (replies.length > 0) {
      out.thread_ts = m.ts;
      out.reply_count = replies.length;
    }
    return out;
  }

  private postBotMessage(args: Args, extra: Partial<StoredMessage> = {}): StoredMessage {
    const m: StoredMessage = {
      channel: str(args.channel) ?? '',
      ts: this.nextTs(),
      text: str(args.text) ?? str(args.markdown_text) ?? '',
      user: this.botUserId,
      bot_id: this.botId,
      ...(str(args.thread_ts) ? { thread_ts: str(args.thread_ts) } : {}),
      ...(args.blocks !== undefined ? { blocks: args.blocks } : {}),
      ...(args.metadata !== undefined ? { metadata: args.metadata } : {}),
      ...(args.reply_broadcast === 'true' || args.reply_broadcast === true ? { reply_broadcast: true } : {}),
      ...extra,
    };
    this.messages.push(m);
    return m;
  }

  private findOwn(args: Args, tsArg = 'ts'): StoredMessage | { error: string } {
    const m = this.message(str(args.channel) ?? '', str(args[tsArg]) ?? '');
    if (!m) return { error: 'message_not_found' };
    if (m.bot_id !== this.botId) return { error: 'cant_update_message' };
    return m;
  }

  private page(list: StoredMessage[], args: Args): Record<string, unknown> {
    const limit = Math.max(1, Math.min(Number(str(args.limit) ?? 100) || 100, 1000));
    const start = Number(str(args.cursor)?.replace(/^c/, '') ?? 0) || 0;
    const slice = list.slice(start, start + limit);
    const more = start + limit < list.length;
    return {
      ok: true,
      messages: slice.map((m) => this.toApiMessage(m)),
      has_more: more,
      response_metadata: { next_cursor: more ? `c${start + limit}` : '' },
    };
  }

  private readonly handlers: Record<string, (args: Args) => Record<string, unknown>> = {
    'auth.test': () => ({
      ok: true,
      url: 'https://fake-newsroom.slack.com/',
      team: 'Fake Newsroom',
      user: 'newsdesk',
      team_id: this.teamId,
      user_id: this.botUserId,
      bot_id: this.botId,
      is_enterprise_install: false,
    }),
    'apps.connections.open': () => ({ ok: true, url: this.socketMode.newUrl() }),
    'chat.postMessage': (args) => {
      const threadTs = str(args.thread_ts);
      if (threadTs !== undefined && !/^\d+\.\d+$/.test(threadTs))
        return { ok: false, error: 'invalid_thread_ts' };
      const m = this.postBotMessage(args);
      return {
        ok: true,
        channel: m.channel,
        ts: m.ts,
        message: { ...this.toApiMessage(m), team: this.teamId },
      };
    },
    'chat.postEphemeral': () => ({ ok: true, message_ts: this.nextTs() }),
    'chat.update': (args) => {
      const m = this.findOwn(args);
      if ('error' in m) return { ok: false, ...m };
      if (args.text !== undefined) m.text = str(args.text) ?? '';
      else if (args.markdown_text !== undefined) m.text = str(args.markdown_text) ?? '';
      if (args.blocks !== undefined) m.blocks = args.blocks;
      if (args.metadata !== undefined) m.metadata = args.metadata;
      return { ok: true, channel: m.channel, ts: m.ts, text: m.text, message: this.toApiMessage(m) };
    },
    'chat.delete': (args) => {
      const m = this.findOwn(args);
      if ('error' in m)
        return { ok: false, error: m.error === 'cant_update_message' ? 'cant_delete_message' : m.error };
      this.messages.splice(this.messages.indexOf(m), 1);
      return { ok: true, channel: m.channel, ts: m.ts };
    },
    'chat.getPermalink': (args) => {
      const channel = str(args.channel) ?? '';
      const ts = str(args.message_ts) ?? '';
      if (!this.message(channel, ts)) return { ok: false, error: 'message_not_found' };
      return {
        ok: true,
        channel,
        permalink: `https://fake-newsroom.slack.com/archives/${channel}/p${ts.replace('.', '')}`,
      };
    },
    'reactions.add': (args) => {
      // Messages the test never seeded are assumed to exist: mentions arrive as events, not via the API.
      const key = `${str(args.channel)}/${str(args.timestamp)}`;
      const set = this.reactionsByMessage.get(key) ?? new Set<string>();
      const name = str(args.name) ?? '';
      if (set.has(name)) return { ok: false, error: 'already_reacted' };
      set.add(name);
      this.reactionsByMessage.set(key, set);
      return { ok: true };
    },
    'reactions.remove': (args) => {
      const set = this.reactionsByMessage.get(`${str(args.channel)}/${str(args.timestamp)}`);
      if (!set?.delete(str(args.name) ?? '')) return { ok: false, error: 'no_reaction' };
      return { ok: true };
    },
    'conversations.replies': (args) => {
      const channel = str(args.channel);
      const ts = str(args.ts);
      if (!channel) return { ok: false, error: 'channel_not_found' };
      if (!ts) return { ok: false, error: 'invalid_arguments' };
      const list = this.thread(channel, ts);
      if (list.length === 0) return { ok: false, error: 'thread_not_found' };
      return this.page(list, args);
    },
    'conversations.history': (args) => {
      const channel = str(args.channel);
      if (!channel) return { ok: false, error: 'channel_not_found' };
      const latest = str(args.latest);
      const oldest = str(args.oldest);
      const list = this.messages
        .filter((m) => m.channel === channel && (!m.thread_ts || m.thread_ts === m.ts || m.reply_broadcast))
        .filter(
          (m) =>
            (latest ? compareTs(m.ts, latest) < 0 : true) && (oldest ? compareTs(m.ts, oldest) > 0 : true),
        )
        .sort((a, b) => compareTs(b.ts, a.ts));
      return this.page(list, args);
    },
    'assistant.threads.setStatus': (args) => {
      const msgs = decodeJsonArg(args.loading_messages);
      if (Array.isArray(msgs) && msgs.length > 10) return { ok: false, error: 'invalid_arguments' };
      return { ok: true };
    },
    'chat.startStream': (args) => {
      const m = this.postBotMessage(args, { stream: 'streaming' });
      return { ok: true, channel: m.channel, ts: m.ts };
    },
    'chat.appendStream': (args) => {
      const m = this.findOwn(args);
      if ('error' in m) return { ok: false, ...m };
      if (m.stream !== 'streaming') return { ok: false, error: 'message_not_in_streaming_state' };
      const text = str(args.markdown_text) ?? '';
      if (text.length > 12000) return { ok: false, error: 'msg_too_long' };
      m.text += text;
      return { ok: true, channel: m.channel, ts: m.ts };
    },
    'chat.stopStream': (args) => {
      const m = this.findOwn(args);
      if ('error' in m) return { ok: false, ...m };
      if (m.stream !== 'streaming') return { ok: false, error: 'message_not_in_streaming_state' };
      m.text += str(args.markdown_text) ?? '';
      if (args.blocks !== undefined) m.blocks = args.blocks;
      if (args.metadata !== undefined) m.metadata = args.metadata;
      m.stream = 'stopped';
      return { ok: true, channel: m.channel, ts: m.ts, message: this.toApiMessage(m) };
    },
  };

  private handleResponseUrl(
    id: string,
    req: http.IncomingMessage,
    raw: string,
    res: http.ServerResponse,
  ): void {
    const plain = (status: number, text: string): void => {
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(text);
      this.changed();
    };
    const uses = this.responseUses.get(id);
    if (uses === undefined) {
      this.reject('response_url', `unknown response_url id ${id}`, {});
      return plain(404, 'no_such_url');
    }
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      this.reject('response_url', `body is not JSON (content-type ${req.headers['content-type']})`, { raw });
      return plain(400, 'invalid_payload');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      this.reject('response_url', 'body is not a JSON object', { raw });
      return plain(400, 'invalid_payload');
    }
    const msg = body as Args;
    if (uses >= RESPONSE_URL_USES) {
      this.reject('response_url', `response_url ${id} used more than ${RESPONSE_URL_USES} times`, msg);
      return plain(404, 'used_url');
    }
    if (
      msg.response_type !== undefined &&
      msg.response_type !== 'ephemeral' &&
      msg.response_type !== 'in_channel'
    ) {
      this.reject('response_url', `bad response_type ${String(msg.response_type)}`, msg);
      return plain(400, 'invalid_payload');
    }
    if (msg.delete_original !== true) {
      const verdict = checkMessage(msg);
      if (verdict) {
        this.reject('response_url', `${verdict.error}: ${verdict.reason}`, msg);
        return plain(400, verdict.error);
      }
    }
    this.responseUses.set(id, uses + 1);
    this.responses.push({ id, body: msg });
    plain(200, 'ok');
  }
}

function ok200(body: Record<string, unknown>): Answer {
  return { status: 200, body };
}
