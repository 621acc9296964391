import type { Logger } from '@slack/bolt';
import type { AnalysisQueue } from '../jobs/analysis-queue';
import type { Store } from '../store/store';
import type { LinkAnswerer } from './link-answerer';
import type { SlackCalls } from './slack-calls';
import type { WorkTracker } from './work-tracker';

/** What every listener gets: the shared services, never the raw config. */
export interface SlackContext {
  answerer: LinkAnswerer;
  calls: SlackCalls;
  queue: AnalysisQueue;
  store: Store;
  logger: Logger;
  watchChannels: string[];
  maxLinks: number;
  /** Answers under way; listeners run their work through it so shutdown can wait for them. */
  work: WorkTracker;
}
