// Every Web API call the bot makes goes through here, and only here are calls repeated. The client is built
// with rejectRateLimitedCalls and no retries of its own: a 429 for one channel is waited out for that message
// only (the client's own handling pauses its whole queue, stalling every other conversation), and a failed
// call is sent again only when doing so cannot show a reader something twice. Slack errors are logged with a
// hint a workspace admin can act on, and never crash the process.
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

/**
 * A timeout or a 5xx leaves it unknown whether Slack acted. Sending these again would post a second message;
 * every other method the bot uses reads, or sets something to the same value again (chat.update,
 * reactions.add), so repeating it is harmless.
 */
const POSTS_ANEW = new Set(['chat.postMessage']);
/** Connection failures that prove the request never reached Slack, so even a post may be sent again. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** Pauses before the second and third try after a transient failure. */
const TRANSIENT_BACKOFF_MS = [300, 1200];

/** Whether an error is Slack or the network failing for a moment (worth a retry), not Slack saying no. */
function transient(err: unknown): 'never_sent' | 'unknown_outcome' | null {
  const e = err as { code?: string; original?: { cause?: { code?: string }; code?: string } };
  if (e?.code === ErrorCode.HTTPError) return 'unknown_outcome';
  if (e?.code !== ErrorCode.RequestError) return null;
  const cause = e.original?.cause?.code ?? e.original?.code;
  return cause && NEVER_SENT.has(cause) ? 'never_sent' : 'unknown_outcome';
}

export class SlackCalls {
  constructor(
    private readonly logger: Logger,
    private readonly sleep: (ms: number) => Promise<unknown> = wait,
  ) {}

  /**
   * Runs one Web API call. Returns its result, or null when Slack refused it (already logged with a hint).
   * A rate limit is waited out (Retry-After) for this call only, a few times at most; a transient failure is
   * tried again twice when repeating the call cannot duplicate a message. `what` is the method's name.
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
    let waits = 0;
    let retries = 0;
    for (;;) {
      try {
        return { value: await fn() };
      } catch (err) {
        const e = err as { code?: string; retryAfter?: number };
        if (e.code === ErrorCode.RateLimitedError && waits < maxWaits) {
          waits++;
          const seconds = Math.min(Math.max(e.retryAfter ?? 1, 0), 60);
          this.logger.warn(`Slack rate-limited ${what}; retrying this message in ${seconds}s`);
          await this.sleep(seconds * 1000);
          continue;
        }
        const kind = transient(err);
        const backoff = TRANSIENT_BACKOFF_MS[retries];
        if (kind && backoff !== undefined && (kind === 'never_sent' || !POSTS_ANEW.has(what))) {
          retries++;
          this.logger.warn(`Slack ${what} failed for a moment (${slackErrorCode(err)}); trying again`);
          await this.sleep(backoff);
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
