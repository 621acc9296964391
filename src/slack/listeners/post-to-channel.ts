// The "Post to channel" button under an ephemeral /summarize answer: posts the analysis the person was shown
// publicly, once. Reading the link again could post something else (a model's answer varies, a page changes,
// a link dies), so the shown analysis is kept and only read again once that has expired.
import type { App, BlockButtonAction } from '@slack/bolt';
import type { Analysis } from '../../analysis';
import { renderAnalysisMessage } from '../../render/blocks';
import { whileClaimed } from '../../store/while-claimed';
import type { SlackContext } from '../context';
import { cannotPostLine, failureLine, SHOWN_EXPIRED } from '../messages';
import { POST_ACTION_ID, readPostRequest } from '../post-blocks';
import { postPublicly } from '../share';

const STALE_CLAIM_MS = 60_000;
const KEEP_DONE_MS = 2 * 60 * 60_000;

export function registerPostToChannel(app: App, ctx: SlackContext): void {
  app.action<BlockButtonAction>(POST_ACTION_ID, async ({ ack, body, action, client, respond }) => {
    await ack();
    const { shownId, url } = readPostRequest(action.value ?? '');
    const channel = body.channel?.id ?? body.container?.channel_id;
    if ((!shownId && !url) || !channel) return;
    // A double click must not post twice: one claim per ephemeral message and analysis.
    const key = `post:${channel}:${body.container?.message_ts ?? body.response_url ?? ''}:${shownId ?? url}`;
    if (ctx.store.claim(key, STALE_CLAIM_MS) !== 'claimed') return;
    let posted = false;
    const tell = (text: string, replaceOriginal = false) =>
      respond({ response_type: 'ephemeral', replace_original: replaceOriginal, text });
    await ctx.work.track(() =>
      whileClaimed(ctx.store, key, STALE_CLAIM_MS, async () => {
        try {
          let analysis: Analysis | null = shownId ? ctx.store.getShown(shownId) : null;
          if (!analysis) {
            if (!url) {
              await tell(SHOWN_EXPIRED);
              return;
            }
            try {
              analysis = (await ctx.queue.analyze(url)).analysis;
            } catch (err) {
              await tell(failureLine(url, err));
              return;
            }
          }
          const rendered = renderAnalysisMessage(analysis);
          const outcome = await postPublicly(client, ctx.calls, channel, rendered, body.user.id);
          posted = 'value' in outcome;
          await tell(
            posted
              ? ':white_check_mark: Posted to the channel.'
              : cannotPostLine('error' in outcome ? outcome.error : '', 'and press the button again.'),
            posted,
          );
        } catch (err) {
          ctx.logger.error(`Post to channel failed: ${err instanceof Error ? err.message : String(err)}`);
        } finally {
          if (posted) ctx.store.complete(key, KEEP_DONE_MS);
          else ctx.store.release(key);
        }
      }),
    );
  });
}
