// @Newsdesk <link> in a channel: answer in the thread. Mentioned in a thread without a link: read the links
// of the thread's parent. No link anywhere: a two-line how-to.
import type { App } from '@slack/bolt';
import { linksOfMessage } from '../../article/links';
import type { SlackContext } from '../context';
import { cannotReadThreadLine } from '../messages';
import { writtenByPerson } from './subtypes';

export function registerMention(app: App, { answerer, calls }: SlackContext): void {
  app.event('app_mention', async ({ event, client }) => {
    // Slack raises app_mention again when a message is edited: answering edits would answer a message twice
    // (or a message from long ago). Broadcast thread replies and file shares are people writing.
    if (event.bot_id || !writtenByPerson(event.subtype) || 'edited' in event) return;
    const msg = { channel: event.channel, ts: event.ts, threadTs: event.thread_ts };
    await answerer.answerOnce(msg, async () => {
      const links = linksOfMessage(event);
      const inThread = event.thread_ts !== undefined && event.thread_ts !== event.ts;
      if (links.length || !inThread) return links;
      const replies = await calls.attempt('conversations.replies', () =>
        client.conversations.replies({
          channel: event.channel,
          ts: event.thread_ts!,
          limit: 1,
          inclusive: true,
        }),
      );
      if ('error' in replies) return { instead: cannotReadThreadLine(replies.error) };
      const parent = replies.value.messages?.[0];
      return parent ? linksOfMessage(parent) : [];
    });
  });
}
