// Every Web API call the bot makes goes through here. The client is built with rejectRateLimitedCalls, so a
// 429 for one channel surfaces as an error we wait out for that message only, instead of pausing the
// client's whole queue (which would stall every other conversation). Slack errors are logged with a hint a
// workspace admin can act on, and never crash the process.
import type { Logger } from '@slack/bolt';
import { ErrorCode, type WebAPICallError } from '@slack/web-api';

const HINTS: Record<string, string> = {
  not_in_channel: 'invite the bot to the channel (/invite @Newsdesk)',
  channel_not_found: 'the channel is private or gone; invite the bot or check WATCH_CHANNELS',
  is_archived: 'the channel is archived',
  missing_scope: 'add the missing scope in the app settings (see manifest.json) and reinstall the app',
  invalid_auth: 'SLACK_BOT_TOKEN is wrong or revoked; copy it again from OAuth & Permissions',
  not_authed: 'SLACK_BOT_TOKEN is missing',
  account_inactive: 'the bot token belongs to a deleted app or user; reinstall the app',
  msg_too_long: 'the message was too long (a rendering bug; please report it)',
  invalid_blocks: 'Slack rejected the message layout (a rendering bug; please report it)',
  already_reacted: 'harmless',
};

export interface CallOptions {
  /** How many 429s to wait out before giving up on this call. */
  maxRateLimitWaits?: number;
  /** Errors that are expected and not worth a warning (e.g. already_reacted). */
  quietErrors?: string[];
}

export function slackErrorCode(err: unknown): string | null {
  const e = err as Partial<WebAPICallError> & { data?: { error?: string } };
  if (e?.code === ErrorCode.PlatformError) return e.data?.error ?? 'unknown_error';
  if (e?.code === ErrorCode.RateLimitedError) return 'ratelimited';
  if (e?.code === ErrorCode.HTTPError) return 'http_error';
  if (e?.code === ErrorCode.RequestError) return 'request_error';
  return null;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class SlackCalls {
  constructor(
    private readonly logger: Logger,
    private readonly sleep: (ms: number) => Promise<unknown> = wait,
  ) {}

  /**
   * Runs one Web API call. Returns its result, or null when Slack refused it (already logged with a hint).
   * A rate limit is waited out (Retry-After) for this call only, a few times at most.
   */
  async call<T>(what: string, fn: () => Promise<T>, opts: CallOptions = {}): Promise<T | null> {
    const outcome = await this.attempt(what, fn, opts);
    return 'value' in outcome ? outcome.value : null;
  }

  /** Like call(), but tells the caller which Slack error ended it, for callers that answer it differently. */
  async attempt<T>(
    what: string,
    fn: () => Promise<T>,
    opts: CallOptions = {},
  ): Promise<{ value: T } | { error: string }> {
    const maxWaits = opts.maxRateLimitWaits ?? 3;
    for (let attempt = 0; ; attempt++) {
      try {
        return { value: await fn() };
      } catch (err) {
        const e = err as { code?: string; retryAfter?: number };
        if (e.code === ErrorCode.RateLimitedError && attempt < maxWaits) {
          const seconds = Math.min(Math.max(e.retryAfter ?? 1, 0), 60);
          this.logger.warn(`Slack rate-limited ${what}; retrying this message in ${seconds}s`);
          await this.sleep(seconds * 1000);
          continue;
        }
        const code = slackErrorCode(err) ?? 'unexpected_error';
        if (!opts.quietErrors?.includes(code)) {
          const hint = HINTS[code];
          this.logger.error(`Slack ${what} failed: ${code}${hint ? ` — ${hint}` : ''}`);
          if (!slackErrorCode(err)) this.logger.debug(String(err));
        }
        return { error: code };
      }
    }
  }
}
