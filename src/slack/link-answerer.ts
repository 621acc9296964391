// Answers the links of one Slack message in its thread: a sign of life first (👀 and a "Reading…" placeholder
// per link), then each placeholder replaced by the analysis or by one line saying what went wrong.
import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { isNewsdeskError } from '../errors';
import type { AnalysisQueue } from '../jobs/analysis-queue';
import { renderAnalysisMessage } from '../render/blocks';
import type { Store } from '../store/store';
import { whileClaimed } from '../store/while-claimed';
import { failureLine, HOW_TO, readingLine, refusedLine, skippedLine } from './messages';
import type { SlackCalls } from './slack-calls';
import type { WorkTracker } from './work-tracker';

export interface IncomingMessage {
  channel: string;
  ts: string;
  /** Set when the message is itself inside a thread. */
  threadTs?: string;
  /**
   * Nobody asked: a link in a watched channel. Only an analysis is worth a reply there; a link that is not an
   * article (a calendar invite, a shared doc) or cannot be read leaves no trace in the channel.
   */
  unasked?: boolean;
  links: string[];
}

export interface AnswererDeps {
  client: WebClient;
  calls: SlackCalls;
  queue: AnalysisQueue;
  store: Store;
  logger: Logger;
  maxLinks: number;
  work: WorkTracker;
}

/** A message whose first delivery died (its claim no longer renewed) gets answered by Slack's retry after this long. */
const STALE_CLAIM_MS = 90_000;
/** Slack retries for about five minutes; keep finished records well past that. */
const KEEP_DONE_MS = 2 * 60 * 60_000;

const POST_DEFAULTS = { unfurl_links: false, unfurl_media: false } as const;
/** Failures after which Slack may or may not have acted (see SlackCalls). */
const UNKNOWN_OUTCOME = new Set(['request_error', 'http_error']);
/**
 * Slack will not let the bot write in this conversation at all: reading the article could only end in a second
 * refused post and more log lines, so the work stops at the placeholder (whose failure is already logged).
 */
const CHANNEL_REFUSED = new Set([
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'missing_scope',
  'restricted_action',
  'not_allowed_token_type',
  'invalid_auth',
  'account_inactive',
  'token_revoked',
]);

export class LinkAnswerer {
  constructor(private readonly deps: AnswererDeps) {}

  /**
   * Answers one Slack message once, however often it arrives: Slack's retries, and the app_mention and
   * message events the same message can raise, share one claim. No link found: the how-to, or the line
   * `findLinks` gives instead when it could not look.
   */
  async answerOnce(
    msg: Omit<IncomingMessage, 'links'>,
    findLinks: () => Promise<string[] | { instead: string }> | string[],
  ): Promise<void> {
    const key = `msg:${msg.channel}:${msg.ts}`;
    const { store, work } = this.deps;
    if (store.claim(key, STALE_CLAIM_MS) !== 'claimed') return;
    await work.track(() =>
      whileClaimed(store, key, STALE_CLAIM_MS, async () => {
        try {
          const links = await findLinks();
          if (Array.isArray(links) && links.length) await this.answer({ ...msg, links });
          else
            await this.post(msg.channel, msg.threadTs ?? msg.ts, 'instead' in links ? links.instead : HOW_TO);
        } finally {
          store.complete(key, KEEP_DONE_MS);
        }
      }),
    );
  }

  private async answer(msg: IncomingMessage): Promise<void> {
    const { calls, client, maxLinks } = this.deps;
    const threadTs = msg.threadTs ?? msg.ts;
    const links = msg.links.slice(0, maxLinks);
    const skipped = msg.links.slice(maxLinks);

    const reacted = calls.call(
      'reactions.add',
      () => client.reactions.add({ channel: msg.channel, timestamp: msg.ts, name: 'eyes' }),
      {
        quietErrors: ['already_reacted', 'missing_scope'],
      },
    );
    if (msg.unasked) return this.answerUnasked(msg.channel, msg.ts, threadTs, links, reacted);
    // One after another, so the placeholders stand in the thread in the order the links were written.
    const placeholders: Array<{ value: { ts?: string } } | { error: string }> = [];
    for (const url of links)
      placeholders.push(await this.attemptPost(msg.channel, threadTs, readingLine(url)));
    if (placeholders.some((p) => 'error' in p && CHANNEL_REFUSED.has(p.error))) return;
    if (skipped.length) await this.post(msg.channel, threadTs, skippedLine(maxLinks, skipped));

    await Promise.all(
      links.map((url, i) => {
        const placeholder = placeholders[i];
        const ts = placeholder && 'value' in placeholder ? (placeholder.value.ts ?? null) : null;
        return this.answerLink(msg.channel, threadTs, url, ts);
      }),
    );
  }

  private async answerUnasked(
    channel: string,
    ts: string,
    threadTs: string,
    links: string[],
    reacted: Promise<unknown>,
  ): Promise<void> {
    const { calls, client, logger, queue } = this.deps;
    const answered = await Promise.all(
      links.map(async (url) => {
        try {
          const message = renderAnalysisMessage((await queue.analyze(url)).analysis);
          return (await this.post(channel, threadTs, message.text, message.blocks)) !== null;
        } catch (err) {
          if (isNewsdeskError(err))
            logger.info(`Not answering ${url} in watched channel ${channel}: ${err.code}`);
          else logger.error(`Analysis of ${url} failed`, err);
          return false;
        }
      }),
    );
    if (answered.some(Boolean)) return;
    await reacted;
    await calls.call(
      'reactions.remove',
      () => client.reactions.remove({ channel, timestamp: ts, name: 'eyes' }),
      { quietErrors: ['no_reaction', 'missing_scope'] },
    );
  }

  private async answerLink(channel: string, threadTs: string, url: string, placeholderTs: string | null) {
    let message: { text: string; blocks?: unknown[] };
    try {
      const { analysis } = await this.deps.queue.analyze(url);
      message = renderAnalysisMessage(analysis);
    } catch (err) {
      if (!isNewsdeskError(err)) this.deps.logger.error(`Analysis of ${url} failed`, err);
      message = { text: failureLine(url, err) };
    }
    if (placeholderTs) {
      const updated = await this.deps.calls.attempt('chat.update', () =>
        this.deps.client.chat.update({
          channel,
          ts: placeholderTs,
          text: message.text,
          ...(message.blocks ? { blocks: message.blocks as never } : {}),
        }),
      );
      if ('value' in updated) return;
      // Slack may have applied an update it never confirmed (a timeout, a 5xx, after retries): a fresh reply
      // could show the answer twice, so the log says it instead.
      if (UNKNOWN_OUTCOME.has(updated.error)) {
        this.deps.logger.error(`The answer to ${url} in ${channel} may not have reached Slack`);
        return;
      }
    }
    // The placeholder could not be posted, or Slack refused to update it: a fresh reply still gets the answer
    // to the reader.
    const posted = await this.attemptPost(channel, threadTs, message.text, message.blocks);
    if (!placeholderTs) return;
    if ('value' in posted) {
      // The answer stands below a placeholder that still says "Reading…": take that away.
      await this.deps.calls.call('chat.delete', () =>
        this.deps.client.chat.delete({ channel, ts: placeholderTs }),
      );
      return;
    }
    // Slack refused the answer itself (its layout or size): the placeholder must not say "Reading…" forever.
    await this.deps.calls.call('chat.update', () =>
      this.deps.client.chat.update({ channel, ts: placeholderTs, text: refusedLine(url, posted.error) }),
    );
  }

  /** Posts in a thread; returns the new message's ts, or null if Slack refused (already logged). */
  async post(channel: string, threadTs: string, text: string, blocks?: unknown[]): Promise<string | null> {
    const res = await this.attemptPost(channel, threadTs, text, blocks);
    return 'value' in res ? (res.value.ts ?? null) : null;
  }

  private attemptPost(channel: string, threadTs: string, text: string, blocks?: unknown[]) {
    return this.deps.calls.attempt('chat.postMessage', () =>
      this.deps.client.chat.postMessage({
        channel,
        thread_ts: threadTs,
        text,
        ...(blocks ? { blocks: blocks as never } : {}),
        ...POST_DEFAULTS,
      }),
    );
  }
}
