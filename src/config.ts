// One typed Config from the environment. Every error names the variable and says how to fix it, because the
// person reading it is setting the bot up, usually for the first time.
import { z } from 'zod';
import type { LlmSettings } from './analyze/settings';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** What the pipeline needs; the CLI uses only this part. */
export interface AnalysisConfig {
  llm: LlmSettings | null;
  /** Why the LLM is off, shown in the reply footer ('no OPENAI_API_KEY'). */
  offlineReason: string | null;
  fetchAllowHosts: string[];
  logLevel: LogLevel;
}

export type SlackMode = 'socket' | 'http';

export interface SlackConfig {
  mode: SlackMode;
  botToken: string;
  appToken: string | null;
  signingSecret: string | null;
  /** Web API base, always ending in '/'. */
  apiUrl: string;
  port: number;
  host: string;
  maxLinksPerMessage: number;
  watchChannels: string[];
}

export interface Config extends AnalysisConfig {
  slack: SlackConfig;
  storePath: string;
  cacheTtlMs: number;
  concurrency: number;
  perHostConcurrency: number;
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

function intVar(name: string, def: number, min: number, max: number) {
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined) return def;
        const n = Number(v);
        if (!Number.isInteger(n) || n < min || n > max) {
          ctx.addIssue({
            code: 'custom',
            message: `${name} must be a whole number from ${min} to ${max} (got "${v}")`,
          });
          return z.NEVER;
        }
        return n;
      }),
  );
}

const optionalString = z.preprocess(blankToUndefined, z.string().trim().optional());

const listVar = z.preprocess(
  blankToUndefined,
  z
    .string()
    .optional()
    .transform((v) =>
      v
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
    ),
);

const analysisSchema = z.object({
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString,
  OPENAI_MODEL: optionalString,
  OPENAI_TIMEOUT_MS: intVar('OPENAI_TIMEOUT_MS', 30_000, 1_000, 300_000),
  LLM_TOKEN_BUDGET: intVar('LLM_TOKEN_BUDGET', 6_000, 500, 200_000),
  FETCH_ALLOW_HOSTS: listVar,
  LOG_LEVEL: z.preprocess(
    blankToUndefined,
    z
      .enum(['debug', 'info', 'warn', 'error'], {
        message: 'LOG_LEVEL must be one of debug, info, warn, error',
      })
      .optional(),
  ),
});

const slackSchema = z.object({
  SLACK_BOT_TOKEN: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_MODE: z.preprocess(
    blankToUndefined,
    z.enum(['socket', 'http'], { message: 'SLACK_MODE must be "socket" or "http" (or unset)' }).optional(),
  ),
  SLACK_API_URL: optionalString,
  PORT: intVar('PORT', 3000, 0, 65535),
  HOST: optionalString,
  MAX_LINKS_PER_MESSAGE: intVar('MAX_LINKS_PER_MESSAGE', 3, 1, 10),
  WATCH_CHANNELS: listVar,
  STORE_PATH: optionalString,
  CACHE_TTL_MINUTES: intVar('CACHE_TTL_MINUTES', 60, 0, 7 * 24 * 60),
  CONCURRENCY: intVar('CONCURRENCY', 8, 1, 64),
  PER_HOST_CONCURRENCY: intVar('PER_HOST_CONCURRENCY', 2, 1, 16),
});

/** Every environment variable the bot reads (the README and .env.example document each one). */
export const ENV_VARS: readonly string[] = [
  ...Object.keys(analysisSchema.shape),
  ...Object.keys(slackSchema.shape),
];

function parseOrThrow<T extends z.ZodType>(schema: T, env: Env): z.infer<T> {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => i.message).join('; '));
  }
  return result.data;
}

export const DEFAULT_MODEL = 'gpt-4o-mini';

export function loadAnalysisConfig(env: Env = process.env, opts: { offline?: boolean } = {}): AnalysisConfig {
  const v = parseOrThrow(analysisSchema, env);
  for (const entry of v.FETCH_ALLOW_HOSTS) {
    if (!/^[^\s:/]+:\d{1,5}$|^\[[0-9a-f:.]+\]:\d{1,5}$/i.test(entry)) {
      throw new ConfigError(`FETCH_ALLOW_HOSTS entries must be host:port (got "${entry}")`);
    }
  }
  if (v.OPENAI_BASE_URL && !/^https?:\/\//.test(v.OPENAI_BASE_URL)) {
    throw new ConfigError(`OPENAI_BASE_URL must start with http:// or https:// (got "${v.OPENAI_BASE_URL}")`);
  }
  let llm: LlmSettings | null = null;
  let offlineReason: string | null = null;
  if (opts.offline) offlineReason = 'offline mode requested';
  else if (!v.OPENAI_API_KEY) offlineReason = 'no OPENAI_API_KEY set';
  else {
    llm = {
      apiKey: v.OPENAI_API_KEY,
      baseURL: v.OPENAI_BASE_URL,
      model: v.OPENAI_MODEL ?? DEFAULT_MODEL,
      timeoutMs: v.OPENAI_TIMEOUT_MS,
      tokenBudget: v.LLM_TOKEN_BUDGET,
    };
  }
  return { llm, offlineReason, fetchAllowHosts: v.FETCH_ALLOW_HOSTS, logLevel: v.LOG_LEVEL ?? 'info' };
}

const HOW_TO_TOKENS =
  'find it on your app\'s page at api.slack.com/apps (see README, "Create the Slack app")';

export function loadConfig(env: Env = process.env): Config {
  const analysis = loadAnalysisConfig(env);
  const v = parseOrThrow(slackSchema, env);

  if (!v.SLACK_BOT_TOKEN) {
    throw new ConfigError(
      `SLACK_BOT_TOKEN is not set: put the Bot User OAuth Token (xoxb-…) in .env; ${HOW_TO_TOKENS}. ` +
        'To try the analyzer without Slack, run: npx newsdesk analyze <url>',
    );
  }
  if (!v.SLACK_BOT_TOKEN.startsWith('xoxb-')) {
    throw new ConfigError(
      'SLACK_BOT_TOKEN must be a bot token starting with xoxb- (OAuth & Permissions page)',
    );
  }
  if (v.SLACK_APP_TOKEN && !v.SLACK_APP_TOKEN.startsWith('xapp-')) {
    throw new ConfigError(
      'SLACK_APP_TOKEN must be an app-level token starting with xapp- (Basic Information → App-Level Tokens, scope connections:write)',
    );
  }
  const mode: SlackMode = v.SLACK_MODE ?? (v.SLACK_APP_TOKEN ? 'socket' : 'http');
  if (mode === 'socket' && !v.SLACK_APP_TOKEN) {
    throw new ConfigError(
      'SLACK_MODE=socket needs SLACK_APP_TOKEN (xapp-…, scope connections:write); set it, or use SLACK_MODE=http with SLACK_SIGNING_SECRET',
    );
  }
  if (mode === 'http' && !v.SLACK_SIGNING_SECRET) {
    throw new ConfigError(
      v.SLACK_MODE === 'http'
        ? 'SLACK_MODE=http needs SLACK_SIGNING_SECRET (Basic Information → App Credentials)'
        : 'Set SLACK_APP_TOKEN (xapp-…) for Socket Mode, or SLACK_SIGNING_SECRET for HTTP mode; neither is set',
    );
  }
  let apiUrl = v.SLACK_API_URL ?? 'https://slack.com/api/';
  if (!/^https?:\/\//.test(apiUrl)) {
    throw new ConfigError(`SLACK_API_URL must start with http:// or https:// (got "${apiUrl}")`);
  }
  // web-api builds `${slackApiUrl}${method}`, so a missing slash would call e.g. /apichat.postMessage.
  if (!apiUrl.endsWith('/')) apiUrl += '/';
  for (const c of v.WATCH_CHANNELS) {
    if (!/^[CGD][A-Z0-9]{2,}$/.test(c)) {
      throw new ConfigError(`WATCH_CHANNELS takes channel IDs like C0123ABCD, comma-separated (got "${c}")`);
    }
  }

  return {
    ...analysis,
    slack: {
      mode,
      botToken: v.SLACK_BOT_TOKEN,
      appToken: v.SLACK_APP_TOKEN ?? null,
      signingSecret: v.SLACK_SIGNING_SECRET ?? null,
      apiUrl,
      port: v.PORT,
      host: v.HOST ?? '0.0.0.0',
      maxLinksPerMessage: v.MAX_LINKS_PER_MESSAGE,
      watchChannels: v.WATCH_CHANNELS,
    },
    storePath: v.STORE_PATH ?? 'newsdesk.sqlite',
    cacheTtlMs: v.CACHE_TTL_MINUTES * 60_000,
    concurrency: v.CONCURRENCY,
    perHostConcurrency: v.PER_HOST_CONCURRENCY,
  };
}
