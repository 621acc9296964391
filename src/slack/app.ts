// The Slack face: builds the Bolt app in Socket Mode or HTTP mode from config, wires the listeners, and
// nothing else. Listeners stay thin (parse, claim, enqueue, reply); the pipeline knows nothing of Slack.
import { App, HTTPReceiver, LogLevel, SocketModeReceiver, type Logger, type Receiver } from '@slack/bolt';
import type { CustomRoute } from '@slack/bolt/dist/receivers/custom-routes';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
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
  /** Starts listening (HTTP) or connects (Socket Mode). Resolves with the HTTP port when there is one. */
  start(): Promise<{ port: number | null }>;
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
    // We wait out 429s per message ourselves (SlackCalls), so one busy channel never pauses the others.
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2000 },
    timeout: 10_000,
  };
  const healthz: CustomRoute = {
    path: '/healthz',
    method: ['GET'],
    handler: (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, mode: slack.mode, queue: deps.queue.load }));
    },
  };

  let receiver: Receiver;
  let httpReceiver: HTTPReceiver | null = null;
  let socketReceiver: SocketModeReceiver | null = null;
  if (slack.mode === 'socket') {
    // Bolt 5.1 does not hand App's clientOptions to the socket client, so apps.connections.open would go to
    // slack.com whatever SLACK_API_URL says; building the receiver ourselves fixes that.
    socketReceiver = new SocketModeReceiver({
      appToken: slack.appToken!,
      logLevel,
      logger: deps.logger,
      installerOptions: { clientOptions: { slackApiUrl: slack.apiUrl }, port: slack.port },
      customRoutes: [healthz],
    });
    receiver = socketReceiver;
  } else {
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
        const code = slackErrorCode(err);
        throw new Error(
          code === 'invalid_auth' || code === 'not_authed' || code === 'account_inactive'
            ? `Slack refused SLACK_BOT_TOKEN (${code}); copy the Bot User OAuth Token again from OAuth & Permissions`
            : `could not reach Slack at ${slack.apiUrl} (${code ?? (err instanceof Error ? err.message : String(err))})`,
          { cause: err },
        );
      }
      if (httpReceiver) {
        const server = (await httpReceiver.start({ port: slack.port, host: slack.host })) as Server;
        return { port: (server.address() as AddressInfo).port };
      }
      await app.start();
      return { port: null };
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
      // Answers already promised get to finish; the fetch and model deadlines bound how long that takes.
      await work.drain(45_000);
    },
  };
}
