// What /summarize and its "Post to channel" button both do: post an analysis publicly for someone, and
// answer the asker through response_url without letting a failed response take the listener down.
import type { Logger, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackMessage } from '../render/blocks';
import { requestedByBlock } from './post-blocks';
import type { SlackCalls } from './slack-calls';

/** Slack takes at most this many posts to one response_url (within 30 minutes). */
export const RESPONSE_URL_USES = 5;

/** Posts the analysis in the channel (not in a thread: slash commands cannot run in one), credited to `userId`. */
export function postPublicly(
  client: WebClient,
  calls: SlackCalls,
  channel: string,
  rendered: SlackMessage,
  userId: string,
) {
  return calls.attempt('chat.postMessage', () =>
    client.chat.postMessage({
      channel,
      text: rendered.text,
      blocks: [...rendered.blocks, requestedByBlock(userId, '/summarize')] as never,
      unfurl_links: false,
      unfurl_media: false,
    }),
  );
}

/** A response_url post; a failure (expired, used up) is logged, never thrown. */
export async function safeRespond(
  respond: RespondFn,
  logger: Logger,
  message: Parameters<RespondFn>[0],
): Promise<void> {
  try {
    await respond(message);
  } catch (err) {
    logger.error(`response_url post failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}
