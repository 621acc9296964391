import { EventEmitter } from 'node:events';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/**
 * A local OpenAI-compatible Chat Completions server (POST /v1/chat/completions on 127.0.0.1:0) for driving
 * the real `openai` client. Replies are scripted per request, in order; every request is recorded with its
 * arrival time so tests can check prompts, response_format, model names and retry spacing.
 */

export type FakeReply =
  /** 200 with a chat.completion whose message content is `content` (JSON-encoded unless already a string). */
  | {
      type: 'completion';
      content: unknown;
      model?: string;
      finishReason?: 'stop' | 'length';
      usage?: { prompt_tokens: number; completion_tokens: number };
      refusal?: string;
    }
  /** An error status with an OpenAI-style error body. */
  | { type: 'error'; status: number; message?: string; headers?: Record<string, string> }
  /** Never answer (until the client gives up or the server closes). */
  | { type: 'hang' };

export type ReplyScript = FakeReply | ((req: RecordedRequest) => FakeReply);

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The parsed JSON body. */
  body: ChatBody;
  /** performance.now() when the request arrived. */
  receivedAt: number;
}

export interface ChatBody {
  model?: string;
  messages?: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name?: string; strict?: boolean; schema?: unknown } };
  [key: string]: unknown;
}

export class FakeOpenAIServer extends EventEmitter {
  readonly requests: RecordedRequest[] = [];
  private readonly script: ReplyScript[] = [];
  private fallback: ReplyScript = { type: 'error', status: 500, message: 'fake server: no reply scripted' };
  private readonly server: http.Server;

  private constructor() {
    super();
    this.server = http.createServer((req, res) => this.handle(req, res));
  }

  static async start(): Promise<FakeOpenAIServer> {
    const fake = new FakeOpenAIServer();
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** The value for the openai client's baseURL. */
  get baseURL(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/v1`;
  }

  /** Queues replies for the next requests, in order. */
  reply(...replies: ReplyScript[]): this {
    this.script.push(...replies);
    return this;
  }

  /** The reply for every request once the queue is empty. */
  otherwise(reply: ReplyScript): this {
    this.fallback = reply;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: ChatBody = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatBody;
      } catch {
        // recorded as {}: the test will notice
      }
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body,
        receivedAt: performance.now(),
      };
      this.requests.push(recorded);
      this.emit('request', recorded);
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        send(res, 404, {
          error: { message: `no route ${req.method} ${req.url}`, type: 'invalid_request_error' },
        });
        return;
      }
      const next = this.script.shift() ?? this.fallback;
      const reply = typeof next === 'function' ? next(recorded) : next;
      this.respond(reply, body, res);
    });
  }

  private respond(reply: FakeReply, body: ChatBody, res: http.ServerResponse): void {
    if (reply.type === 'hang') return;
    if (reply.type === 'error') {
      send(
        res,
        reply.status,
        { error: { message: reply.message ?? `fake error ${reply.status}`, type: 'fake_error', code: null } },
        reply.headers,
      );
      return;
    }
    const content = typeof reply.content === 'string' ? reply.content : JSON.stringify(reply.content);
    send(res, 200, {
      id: `chatcmpl-fake-${this.requests.length}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: reply.model ?? body.model ?? 'fake-model',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: reply.refusal ? null : content,
            refusal: reply.refusal ?? null,
          },
          finish_reason: reply.finishReason ?? 'stop',
          logprobs: null,
        },
      ],
      usage: {
        prompt_tokens: reply.usage?.prompt_tokens ?? 100,
        completion_tokens: reply.usage?.completion_tokens ?? 50,
        total_tokens: (reply.usage?.prompt_tokens ?? 100) + (reply.usage?.completion_tokens ?? 50),
      },
    });
  }
}

function send(
  res: http.ServerResponse,
  status: number,
  json: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(json);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** How servers without structured outputs say so: OpenAI-style 400, a validator's 422, a bare 501. */
export const JSON_SCHEMA_REJECTIONS = {
  400: "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.",
  422: 'Unprocessable Entity: response_format.type must be one of text, json_object',
  501: 'Not Implemented',
} as const;

/** Answers json_schema requests with an error, as servers without structured outputs do, and `then` otherwise. */
export function rejectingJsonSchema(
  then: FakeReply,
  status: keyof typeof JSON_SCHEMA_REJECTIONS = 400,
): ReplyScript {
  return (req) =>
    req.body.response_format?.type === 'json_schema'
      ? { type: 'error', status, message: JSON_SCHEMA_REJECTIONS[status] }
      : then;
}

/** The system message of a recorded request. */
export function systemMessage(req: RecordedRequest): string {
  return req.body.messages?.find((m) => m.role === 'system')?.content ?? '';
}

/** The user message (which carries the fenced article) of a recorded request. */
export function userMessage(req: RecordedRequest): string {
  return req.body.messages?.find((m) => m.role === 'user')?.content ?? '';
}
