// Process entry for `npm start`: config → store → queue → Slack app → start. A settings problem is one line
// naming the variable, and exit code 1.
import 'dotenv/config';
import { ConfigError, loadConfig, type Config } from './config';
import { AnalysisQueue } from './jobs/analysis-queue';
import { analyzeUrl } from './pipeline';
import { createSlackApp } from './slack/app';
import { SqliteStore } from './store/sqlite-store';

export async function main(env: Record<string, string | undefined> = process.env): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`newsdesk: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const store = openStore(config.storePath);
  const queue = new AnalysisQueue((url) => analyzeUrl(url, config), store, {
    concurrency: config.concurrency,
    perHost: config.perHostConcurrency,
    cacheTtlMs: config.cacheTtlMs,
  });
  const slack = createSlackApp(config, { queue, store });
  const { port } = await slack.start();
  const analyzer = config.llm ? `model ${config.llm.model}` : `offline analyzer (${config.offlineReason})`;
  slack.app.logger.info(
    config.slack.mode === 'socket'
      ? `Newsdesk connected in Socket Mode (health check on http://${config.slack.host}:${port}/healthz); ${analyzer}`
      : `Newsdesk listening on http://${config.slack.host}:${port}/slack/events (HTTP mode); ${analyzer}`,
  );

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    slack.app.logger.info(`${signal} received; stopping`);
    slack
      .stop()
      .catch(() => undefined)
      .finally(() => {
        store.close();
        process.exit(0);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

/** The embedded store, or a startup error that names the setting to fix. */
function openStore(file: string): SqliteStore {
  try {
    return new SqliteStore(file);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(`STORE_PATH ${file} cannot be opened (${why}); set STORE_PATH to a writable file path`, {
      cause: err,
    });
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`newsdesk: could not start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
