// One Chat Completions call per article through the official openai client. The client's own retries are
// off (maxRetries: 0) so that Retry-After is honoured, retries are counted, and the whole exchange stays
// inside one deadline. Every failure ends in a "model unavailable: …" reason, never a throw.
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { MODEL_UNAVAILABLE } from '../analysis';
import type { Article } from '../article/types';
import {
  MODEL_REPLY_JSON_SCHEMA,
  MODEL_REPLY_SCHEMA_NAME,
  parseModelReply,
  type ModelReply,
} from './llm-schema';
import { buildPrompt, type ChatMessage, type ReplyFormat } from './prompt';
import type { LlmSettings } from './settings';
import { fitToBudget } from './token-budget';

/** Retries after a 429/5xx/connection failure. */
export const MAX_TRANSIENT_RETRIES = 2;
/** Retries after a reply that is not valid JSON or does not match the schema. */
export const MAX_BAD_REPLY_RETRIES = 1;
/** No single wait between attempts is longer than this, whatever Retry-After says. */
export const MAX_RETRY_WAIT_MS = 10_000;
const BASE_BACKOFF_MS = 500;

export interface LlmCallOptions {
  /** Cancels the call (e.g. the job was abandoned). */
  signal?: AbortSignal;
  now?: () => number;
  /** Jitter source for backoff, in [0, 1). */
  random?: () => number;
}

export type ResponseFormatMode = ReplyFormat;

interface CallStats {
  ms: number;
  attempts: number;
  retries: number;
}

export type LlmOutcome =
  | (CallStats & {
      ok: true;
      reply: ModelReply;
      model: string;
      promptTokens: number | null;
      completionTokens: number | null;
      mode: ResponseFormatMode;
    })
  | (CallStats & { ok: false; reason: string });

/** The request body for one attempt. */
export function buildRequestBody(
  model: string,
  messages: ChatMessage[],
  mode: ResponseFormatMode,
): ChatCompletionCreateParamsNonStreaming {
  return {
    model,
    messages,
    response_format:
      mode === 'json_schema'
        ? {
            type: 'json_schema',
            json_schema: {
              name: MODEL_REPLY_SCHEMA_NAME,
              strict: true,
              schema: MODEL_REPLY_JSON_SCHEMA as unknown as Record<string, unknown>,
            },
          }
        : { type: 'json_object' },
  };
}

/** The prompt messages for an article, cut to the token budget; JSON mode also carries the reply schema. */
export function messagesFor(
  article: Article,
  tokenBudget: number,
  mode: ResponseFormatMode = 'json_schema',
): ChatMessage[] {
  const body = fitToBudget(article.paragraphs, tokenBudget);
  return buildPrompt(
    {
      title: article.title,
      site: article.site,
      published: article.published,
      body: body.text,
      shortened: body.truncated,
    },
    undefined,
    mode,
  ).messages;
}

/**
 * Whether an error says the server does not do structured outputs: OpenAI and vLLM answer 400, some
 * OpenAI-compatible servers 422 (a body their validator refuses), and some 501 (not implemented).
 */
export function rejectsJsonSchema(status: number | undefined, message: string): boolean {
  if (status === 501) return true;
  return (status === 400 || status === 422) && /response_format|json_schema|structured output/i.test(message);
}

/** Asks the model for findings; resolves to the validated reply or to a reason it is unavailable. */
export async function requestFindings(
  article: Article,
  settings: LlmSettings,
  options: LlmCallOptions = {},
): Promise<LlmOutcome> {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const started = now();
  const deadline = started + settings.timeoutMs;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, settings.timeoutMs);
  const onCancel = (): void => controller.abort();
  options.signal?.addEventListener('abort', onCancel, { once: true });

  const client = new OpenAI({
    apiKey: settings.apiKey,
    baseURL: settings.baseURL,
    timeout: settings.timeoutMs,
    maxRetries: 0,
  });
  let mode: ResponseFormatMode = 'json_schema';
  let messages = messagesFor(article, settings.tokenBudget, mode);
  let attempts = 0;
  let transientRetries = 0;
  let badReplyRetries = 0;
  const stats = (): CallStats => ({
    ms: now() - started,
    attempts,
    retries: transientRetries + badReplyRetries,
  });
  const fail = (reason: string): LlmOutcome => ({
    ok: false,
    reason: `${MODEL_UNAVAILABLE}: ${reason}`,
    ...stats(),
  });
  const timeoutReason = (): LlmOutcome => fail(`timed out after ${formatSeconds(settings.timeoutMs)}`);

  try {
    for (;;) {
      if (options.signal?.aborted) return fail('cancelled');
      if (timedOut || now() >= deadline) return timeoutReason();
      attempts++;
      let completion: OpenAI.Chat.Completions.ChatCompletion;
      try {
        completion = await client.chat.completions.create(buildRequestBody(settings.model, messages, mode), {
          signal: controller.signal,
          timeout: Math.max(1, deadline - now()),
        });
      } catch (err) {
        if (options.signal?.aborted) return fail('cancelled');
        if (timedOut || err instanceof APIConnectionTimeoutError) return timeoutReason();
        const status = err instanceof APIError ? err.status : undefined;
        if (mode === 'json_schema' && rejectsJsonSchema(status, errorText(err))) {
          // Older or non-OpenAI servers lack structured outputs; JSON mode plus our own validation still works.
          mode = 'json_object';
          messages = messagesFor(article, settings.tokenBudget, mode);
          continue;
        }
        const transient =
          status === undefined ? err instanceof APIConnectionError : status === 429 || status >= 500;
        const reason = describeFailure(status, settings.model);
        if (!transient || transientRetries >= MAX_TRANSIENT_RETRIES) return fail(reason);
        const wait = retryDelayMs(
          err instanceof APIError ? err.headers : undefined,
          transientRetries,
          random,
        );
        if (now() + wait >= deadline) return fail(reason);
        transientRetries++;
        if (!(await sleep(wait, controller.signal))) {
          return options.signal?.aborted ? fail('cancelled') : timeoutReason();
        }
        continue;
      }

      const choice = completion.choices[0];
      const problem = choice?.message.refusal
        ? 'refused'
        : choice?.finish_reason === 'length'
          ? 'truncated'
          : undefined;
      if (problem === 'refused') return fail('the model refused to answer');
      const parsed = problem ? undefined : parseModelReply(choice?.message.content ?? '');
      if (parsed?.ok) {
        return {
          ok: true,
          reply: parsed.reply,
          model: completion.model || settings.model,
          promptTokens: completion.usage?.prompt_tokens ?? null,
          completionTokens: completion.usage?.completion_tokens ?? null,
          mode,
          ...stats(),
        };
      }
      if (badReplyRetries < MAX_BAD_REPLY_RETRIES) {
        badReplyRetries++;
        continue;
      }
      if (problem === 'truncated') return fail('truncated reply from the model');
      return fail(
        parsed?.problem === 'schema'
          ? "the model's reply did not match the schema"
          : 'invalid JSON from the model',
      );
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCancel);
  }
}

/**
 * How long to wait before retry number `retry` (0-based): the server's retry-after-ms or Retry-After
 * (seconds or HTTP date) when given, else exponential backoff with jitter; never more than MAX_RETRY_WAIT_MS.
 */
export function retryDelayMs(
  headers: Headers | undefined,
  retry: number,
  random: () => number = Math.random,
): number {
  const fromServer = serverDelayMs(headers);
  const ms = fromServer ?? BASE_BACKOFF_MS * 2 ** retry * (0.75 + random() * 0.5);
  return Math.min(Math.max(0, ms), MAX_RETRY_WAIT_MS);
}

function serverDelayMs(headers: Headers | undefined): number | null {
  const ms = headers?.get('retry-after-ms');
  if (ms && Number.isFinite(Number(ms))) return Number(ms);
  const after = headers?.get('retry-after');
  if (!after) return null;
  if (Number.isFinite(Number(after))) return Number(after) * 1000;
  const date = Date.parse(after);
  return Number.isNaN(date) ? null : date - Date.now();
}

function describeFailure(status: number | undefined, model: string): string {
  if (status === undefined) return 'could not reach the model server';
  if (status === 429) return 'rate limited (429)';
  if (status >= 500) return `server error (${status})`;
  if (status === 401 || status === 403) return `the API key was refused (${status})`;
  if (status === 404) return `model "${model}" not found (404)`;
  return `request rejected (${status})`;
}

function errorText(err: unknown): string {
  if (!(err instanceof APIError)) return '';
  return `${err.message} ${JSON.stringify(err.error ?? '')}`;
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
