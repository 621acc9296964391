// Plain messages: direct messages to the bot, and any message in a WATCH_CHANNELS channel. Only messages
// people write: bots (ours or others'), edits, deletions and every other subtype are ignored (see subtypes.ts),
// so the bot can never answer itself or start a loop with another bot.
import type { App } from '@slack/bolt';
import { linksOfMessage } from '../../article/links';
import type { SlackContext } from '../context';
import { writtenByPerson } from './subtypes';

interface PlainMessage {
  subtype?: string;
  bot_id?: string;
  channel: string;
  channel_type?: string;
  ts: string;
  thread_ts?: string;
  text?: string;
  blocks?: unknown;
}

export function registerMessages(app: App, { answerer, watchChannels }: SlackContext): void {
  app.event('message', async ({ event, context }) => {
    const msg = event as unknown as PlainMessage;
    if (!writtenByPerson(msg.subtype) || msg.bot_id) return;
    const isDm = msg.channel_type === 'im';
    if (!isDm && !watchChannels.includes(msg.channel)) return;
    // A mention in a watched channel raises app_mention too; that listener answers it.
    if (!isDm && context.botUserId && msg.text?.includes(`<@${context.botUserId}>`)) return;

    const links = linksOfMessage(msg);
    // The how-to answers a DM that starts a conversation, not every "thanks" in a thread after an answer.
    if (!links.length && (!isDm || msg.thread_ts)) return;
    await answerer.answerOnce(
      { channel: msg.channel, ts: msg.ts, threadTs: msg.thread_ts, unasked: !isDm },
      () => links,
    );
  });
}
