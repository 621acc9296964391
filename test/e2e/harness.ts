// Starts the real app (real Bolt, real web-api client) against the local fakes, and sends it what Slack
// would send: signed Events API and slash-command requests over HTTP, or envelopes over Socket Mode.
import { createHmac, randomBytes } from 'node:crypto';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config';
import { AnalysisQueue } from '../../src/jobs/analysis-queue';
import { analyzeUrl } from '../../src/pipeline';
import { createSlackApp, type RunningSlackApp } from '../../src/slack/app';
import { SqliteStore } from '../../src/store/sqlite-store';
import { ArticleServer } from '../fakes/article-server';
import { FakeSlack } from '../fakes/slack';
import { SHARED } from '../support/articles';
import { capturingLogger } from '../support/capturing-logger';

export { mrkdwnOf, visibleText } from '../support/slack-text';

export const SEED_HTML = path.join(SHARED, 'fixtures/thehill-russia-syria.html');

export interface Harness {
  slack: FakeSlack;
  articles: ArticleServer;
  app: RunningSlackApp;
  config: Config;
  store: SqliteStore;
  /** Base URL of the app's HTTP receiver (HTTP mode). */
  base: string;
  signingSecret: string;
  /** What the app logged (warn and error), so tests can check the hints operators see. */
  logs: string[];
  close(): Promise<void>;
}

export async function startHarness(
  env: Record<string, string> = {},
  mode: 'http' | 'socket' = 'http',
  /** Scripts the fake before the app first talks to it (e.g. a refused token). */
  prepare?: (slack: FakeSlack) => void,
  /** How the app waits out a Slack 429 (default: really waiting). */
  sleep?: (ms: number) => Promise<unknown>,
): Promise<Harness> {
  const slack = await FakeSlack.start();
  prepare?.(slack);
  const articles = await ArticleServer.start();
  articles.serveFile('/seed', SEED_HTML, 'text/html; charset=utf-8');
  const signingSecret = randomBytes(16).toString('hex');
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test',
    ...(mode === 'socket' ? { SLACK_APP_TOKEN: 'xapp-test' } : { SLACK_SIGNING_SECRET: signingSecret }),
    SLACK_API_URL: slack.url,
    PORT: '0',
    HOST: '127.0.0.1',
    FETCH_ALLOW_HOSTS: articles.hostPort,
    LOG_LEVEL: 'error',
    ...env,
  });
  const store = new SqliteStore(':memory:');
  const queue = new AnalysisQueue((url) => analyzeUrl(url, config), store, {
    concurrency: config.concurrency,
    perHost: config.perHostConcurrency,
    cacheTtlMs: config.cacheTtlMs,
  });
  const logs: string[] = [];
  const app = createSlackApp(config, { queue, store, logger: capturingLogger(logs), sleep });
  let port: number;
  try {
    ({ port } = await app.start());
  } catch (err) {
    // A test of a failed start still leaves nothing running behind it.
    await app.stop().catch(() => undefined);
    store.close();
    await articles.close();
    await slack.close();
    throw err;
  }
  return {
    slack,
    articles,
    app,
    config,
    store,
    base: `http://127.0.0.1:${port}`,
    signingSecret,
    logs,
    async close() {
      await app.stop();
      store.close();
      await articles.close();
      await slack.close();
      // Every suite, not only those that check after each test: a call Slack's spec would refuse is a bug.
      if (slack.rejected.length) {
        const what = slack.rejected.map((r) => `${r.method}: ${r.reason}`).join('; ');
        throw new Error(`the fake Slack refused calls the real one would refuse too: ${what}`);
      }
    },
  };
}

export function sign(secret: string, body: string, ts = Math.floor(Date.now() / 1000)) {
  const sig = 'v0=' + createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sig };
}

let eventSeq = 0;
let tsSeq = 0;
export const nextTs = () => `1700001${String(++tsSeq).padStart(3, '0')}.000${String(tsSeq).padStart(3, '0')}`;

export function eventBody<E extends { ts?: unknown }>(event: E, eventId = `Ev${++eventSeq}`) {
  return {
    token: 'legacy',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event: { event_ts: event.ts, ...event },
  };
}

export function mention(text: string, extra: Record<string, unknown> = {}) {
  return { type: 'app_mention', user: 'U1', text: `<@UBOT> ${text}`, ts: nextTs(), channel: 'C1', ...extra };
}

export async function postEvent(
  h: Harness,
  body: object,
  headers: Record<string, string> = {},
): Promise<{ status: number; ms: number; text: string }> {
  const raw = JSON.stringify(body);
  const started = performance.now();
  const res = await fetch(`${h.base}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...sign(h.signingSecret, raw), ...headers },
    body: raw,
  });
  const text = await res.text();
  return { status: res.status, ms: performance.now() - started, text };
}

export async function postForm(
  h: Harness,
  fields: Record<string, string>,
): Promise<{ status: number; ms: number; body: string }> {
  const raw = new URLSearchParams(fields).toString();
  const started = performance.now();
  const res = await fetch(`${h.base}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...sign(h.signingSecret, raw) },
    body: raw,
  });
  return { status: res.status, ms: performance.now() - started, body: await res.text() };
}

export function slashCommand(h: Harness, text: string, extra: Record<string, string> = {}) {
  return {
    token: 'legacy',
    team_id: 'T1',
    team_domain: 'newsroom',
    channel_id: 'C1',
    channel_name: 'news',
    user_id: 'U1',
    user_name: 'reporter',
    command: '/summarize',
    text,
    api_app_id: 'A1',
    response_url: h.slack.responseUrl(),
    trigger_id: '1.2.3',
    ...extra,
  };
}

/**
 * Calls Slack accepted and answered (the fake also records the ones it answered with an error or a 429, and
 * records a call before answering it, so one still in flight is not counted).
 */
export function accepted(h: Harness, method: string, channel?: string) {
  return h.slack
    .callsTo(method)
    .filter((c) => c.outcome?.ok === true && (channel === undefined || c.args.channel === channel));
}
