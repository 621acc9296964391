// The "Post to channel" button under an ephemeral /summarize answer: posts the same analysis publicly, once.
import type { App, BlockButtonAction } from '@slack/bolt';
import { renderAnalysisMessage } from '../../render/blocks';
import type { SlackContext } from '../context';
import { cannotPostLine, failureLine } from '../messages';
import { POST_ACTION_ID } from '../post-blocks';
import { postPublicly } from '../share';

export function registerPostToChannel(app: App, ctx: SlackContext): void {
  app.action<BlockButtonAction>(POST_ACTION_ID, async ({ ack, body, action, client, respond }) => {
    await ack();
    const url = action.value ?? '';
    const channel = body.channel?.id ?? body.container?.channel_id;
    if (!url || !channel) return;
    // A double click must not post twice: one claim per ephemeral message and link.
    const key = `post:${channel}:${body.container?.message_ts ?? body.response_url ?? ''}:${url}`;
    if (ctx.store.claim(key, 60_000) !== 'claimed') return;
    let posted = false;
    await ctx.work.track(async () => {
      try {
        let rendered;
        try {
          rendered = renderAnalysisMessage((await ctx.queue.analyze(url)).analysis);
        } catch (err) {
          await respond({ response_type: 'ephemeral', replace_original: false, text: failureLine(url, err) });
          return;
        }
        const outcome = await postPublicly(client, ctx.calls, channel, rendered, body.user.id);
        posted = 'value' in outcome;
        const error = 'error' in outcome ? outcome.error : null;
        const text = posted
          ? ':white_check_mark: Posted to the channel.'
          : cannotPostLine(error ?? '', 'and press the button again.');
        await respond({ response_type: 'ephemeral', replace_original: posted, text });
      } catch (err) {
        ctx.logger.error(`Post to channel failed: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        if (posted) ctx.store.complete(key, 2 * 60 * 60_000);
        else ctx.store.release(key);
      }
    });
  });
}
