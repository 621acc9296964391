// @Newsdesk <link> in a channel: answer in the thread. Mentioned in a thread without a link: read the links
// of the thread's parent. No link anywhere: a two-line how-to.
import type { App } from '@slack/bolt';
import { linksOfMessage } from '../../article/links';
import type { SlackContext } from '../context';

export function registerMention(app: App, { answerer, calls, work }: SlackContext): void {
  app.event('app_mention', async ({ event, client }) => {
    if (event.bot_id || event.subtype) return;
    if (!answerer.claim(event.channel, event.ts)) return;
    await work.track(async () => {
      try {
        let links = linksOfMessage(event);
        const inThread = event.thread_ts !== undefined && event.thread_ts !== event.ts;
        if (!links.length && inThread) {
          const replies = await calls.call('conversations.replies', () =>
            client.conversations.replies({
              channel: event.channel,
              ts: event.thread_ts!,
              limit: 1,
              inclusive: true,
            }),
          );
          const parent = replies?.messages?.[0];
          if (parent) links = linksOfMessage(parent);
        }
        if (!links.length) await answerer.postHowTo(event.channel, event.thread_ts ?? event.ts);
        else
          await answerer.answer({ channel: event.channel, ts: event.ts, threadTs: event.thread_ts, links });
      } finally {
        answerer.complete(event.channel, event.ts);
      }
    });
  });
}
