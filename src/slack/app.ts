// The Slack face: builds the Bolt app in Socket Mode or HTTP mode from config, wires the listeners, and
// nothing else. Listeners stay thin (parse, claim, enqueue, reply); the pipeline knows nothing of Slack.
import { App, HTTPReceiver, LogLevel, SocketModeReceiver, type Logger, type Receiver } from '@slack/bolt';
import type { CustomRoute } from '@slack/bolt/dist/receivers/custom-routes';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import type { Config, LogLevel as OurLevel } from '../config';
import type { AnalysisQueue } from '../jobs/analysis-queue';
import type { Store } from '../store/store';
import type { SlackContext } from './context';
import { LinkAnswerer } from './link-answerer';
import { registerMention } from './listeners/mention';
import { registerMessages } from './listeners/message';
import { registerPostToChannel } from './listeners/post-to-channel';
import { registerSummarize } from './listeners/summarize';
import { SlackCalls, slackErrorCode } from './slack-calls';
import { WorkTracker } from './work-tracker';

export interface SlackAppDeps {
  queue: AnalysisQueue;
  store: Store;
  logger?: Logger;
  /** How rate-limit waits sleep; tests keep the real one. */
  sleep?: (ms: number) => Promise<unknown>;
}

export interface RunningSlackApp {
  app: App;
  /** Starts listening (HTTP) or connects (Socket Mode). Resolves with the port of /slack/events or /healthz. */
  start(): Promise<{ port: number }>;
  stop(): Promise<void>;
}

const LEVELS: Record<OurLevel, LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

export function createSlackApp(config: Config, deps: SlackAppDeps): RunningSlackApp {
  const logLevel = LEVELS[config.logLevel];
  const { slack } = config;
  const clientOptions = {
    slackApiUrl: slack.apiUrl,
    // SlackCalls decides what is retried, per method: 429s are waited out per message, so one busy channel
    // never pauses the others, and a post whose fate is unknown is never sent twice.
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: 10_000,
  };
  const health = () => JSON.stringify({ ok: true, mode: slack.mode, queue: deps.queue.load });

  let receiver: Receiver;
  let httpReceiver: HTTPReceiver | null = null;
  let socketReceiver: SocketModeReceiver | null = null;
  // Socket Mode has no listener of its own; containers still probe /healthz. Bolt's socket receiver would
  // serve customRoutes on every interface (ignoring HOST) and crash the process on a taken PORT, so the
  // probe gets a server of ours.
  let healthServer: Server | null = null;
  if (slack.mode === 'socket') {
    // Bolt 5.1 does not hand App's clientOptions to the socket client, so apps.connections.open would go to
    // slack.com whatever SLACK_API_URL says; building the receiver ourselves fixes that.
    socketReceiver = new SocketModeReceiver({
      appToken: slack.appToken!,
      logLevel,
      logger: deps.logger,
      installerOptions: { clientOptions: { slackApiUrl: slack.apiUrl } },
    });
    receiver = socketReceiver;
    healthServer = createServer((req, res) => {
      const isProbe = req.method === 'GET' && req.url?.split('?')[0] === '/healthz';
      res.writeHead(isProbe ? 200 : 404, { 'content-type': 'application/json' });
      res.end(isProbe ? health() : '{"ok":false}');
    });
  } else {
    const healthz: CustomRoute = {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(health());
      },
    };
    httpReceiver = new HTTPReceiver({
      signingSecret: slack.signingSecret!,
      endpoints: '/slack/events',
      logLevel,
      logger: deps.logger,
      customRoutes: [healthz],
    });
    receiver = httpReceiver;
  }

  // Deferred so start() checks the token (auth.test) once, up front, and can say clearly when it is wrong.
  const app = new App({
    token: slack.botToken,
    receiver,
    logLevel,
    logger: deps.logger,
    clientOptions,
    deferInitialization: true,
  });
  const logger = app.logger;
  const calls = new SlackCalls(logger, deps.sleep);
  const work = new WorkTracker();
  const ctx: SlackContext = {
    calls,
    queue: deps.queue,
    store: deps.store,
    logger,
    watchChannels: slack.watchChannels,
    maxLinks: slack.maxLinksPerMessage,
    work,
    answerer: new LinkAnswerer({
      client: app.client,
      calls,
      queue: deps.queue,
      store: deps.store,
      logger,
      maxLinks: slack.maxLinksPerMessage,
      work,
    }),
  };
  registerMention(app, ctx);
  registerMessages(app, ctx);
  registerSummarize(app, ctx);
  registerPostToChannel(app, ctx);
  app.error(async (err) => {
    logger.error(`Unhandled error in a listener: ${err.message}`);
  });

  return {
    app,
    async start() {
      try {
        await app.init();
      } catch (err) {
        throw startError(err, {
          refusedBy: ['invalid_auth', 'not_authed', 'account_inactive'],
          refused: (code) =>
            `Slack refused SLACK_BOT_TOKEN (${code}); copy the Bot User OAuth Token again from OAuth & Permissions`,
          failed: (why) => `could not reach Slack at ${slack.apiUrl} (${why})`,
        });
      }
      try {
        if (httpReceiver) {
          const server = (await httpReceiver.start({ port: slack.port, host: slack.host })) as Server;
          return { port: (server.address() as AddressInfo).port };
        }
        const server = healthServer!;
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(slack.port, slack.host, () => {
            server.off('error', reject);
            resolve();
          });
        });
      } catch (err) {
        throw listenError(err, slack.port, slack.host);
      }
      try {
        await app.start();
      } catch (err) {
        throw startError(err, {
          refusedBy: ['invalid_auth', 'not_authed', 'not_allowed_token_type'],
          refused: (code) =>
            `Slack refused SLACK_APP_TOKEN (${code}); create an app-level token with scope connections:write under Basic Information → App-Level Tokens`,
          failed: (why) => `could not open a Socket Mode connection through ${slack.apiUrl} (${why})`,
        });
      }
      return { port: (healthServer!.address() as AddressInfo).port };
    },
    async stop() {
      // SocketModeReceiver.stop() resolves before the WebSocket has closed; wait for the client to say so,
      // or the process (or a test) would tear down under a half-closed socket.
      const client = socketReceiver?.client;
      const disconnected =
        client?.websocket?.isActive() === true
          ? new Promise<void>((resolve) => client.once('disconnected', () => resolve()))
          : Promise.resolve();
      await app.stop();
      await disconnected;
      if (healthServer?.listening) {
        const server = healthServer;
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      // Answers already promised get to finish; the fetch and model deadlines bound how long that takes.
      await work.drain(45_000);
    },
  };
}

/** A start-up call that failed: a refused token names the setting to fix, anything else says what failed. */
function startError(
  err: unknown,
  say: { refusedBy: string[]; refused: (code: string) => string; failed: (why: string) => string },
): Error {
  const code = slackErrorCode(err);
  const message =
    code && say.refusedBy.includes(code)
      ? say.refused(code)
      : say.failed(networkCause(err) ?? code ?? (err instanceof Error ? err.message : String(err)));
  return new Error(message, { cause: err });
}

/**
 * What lies under a web-api request_error: the socket error ("ECONNREFUSED") or, failing that, the innermost
 * message ("bad port"), either of which says more than "request_error".
 */
function networkCause(err: unknown): string | null {
  let current = (err as { original?: unknown } | null)?.original;
  let innermost: string | null = null;
  for (let depth = 0; current && depth < 5; depth++) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
    if (typeof message === 'string' && message) innermost = message;
    current = cause;
  }
  return innermost;
}

/** A listener that could not start, said in terms of the settings that fix it. */
function listenError(err: unknown, port: number, host: string): Error {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  const message =
    code === 'EADDRINUSE'
      ? `PORT ${port} is already in use on ${host}; stop what is using it or set PORT to a free port`
      : code === 'EACCES'
        ? `not allowed to listen on PORT ${port}; use a port above 1023 or run with the needed rights`
        : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND'
          ? `HOST ${host} is not an address of this machine; use 0.0.0.0 or 127.0.0.1`
          : `could not listen on ${host}:${port} (${err instanceof Error ? err.message : String(err)})`;
  return new Error(message, { cause: err });
}
