// /summarize <link> [public]. Acked at once (Slack allows 3 s); the analysis then arrives ephemerally through
// response_url with a "Post to channel" button, or, with `public`, is posted in the channel. Slash commands
// cannot run inside threads, so these replies are never thread replies.
import type { App, RespondFn } from '@slack/bolt';
import { findLinks } from '../../article/links';
import { renderAnalysisMessage } from '../../render/blocks';
import type { SlackContext } from '../context';
import { cannotPostLine, COMMAND_USAGE, failureLine, readingLine, skippedLine } from '../messages';
import { postToChannelButton, requestedByBlock } from '../post-blocks';

export interface SummarizeRequest {
  links: string[];
  isPublic: boolean;
}

/** null means "show usage". */
export function parseSummarize(text: string): SummarizeRequest | null {
  const trimmed = text.trim();
  if (!trimmed || /^help$/i.test(trimmed)) return null;
  const words = trimmed.replace(/<[^>]*>/g, ' ').split(/\s+/);
  return { links: findLinks(trimmed), isPublic: words.some((w) => /^public$/i.test(w)) };
}

async function safeRespond(respond: RespondFn, ctx: SlackContext, message: Parameters<RespondFn>[0]) {
  try {
    await respond(message);
  } catch (err) {
    ctx.logger.error(`response_url post failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export function registerSummarize(app: App, ctx: SlackContext): void {
  app.command('/summarize', async ({ command, ack, respond, client }) => {
    const req = parseSummarize(command.text ?? '');
    if (!req) {
      await ack({ response_type: 'ephemeral', text: COMMAND_USAGE });
      return;
    }
    if (!req.links.length) {
      await ack({ response_type: 'ephemeral', text: `I couldn't find a link in that.\n${COMMAND_USAGE}` });
      return;
    }
    const links = req.links.slice(0, ctx.maxLinks);
    const skipped = req.links.slice(ctx.maxLinks);
    const lines = links.map(readingLine);
    if (skipped.length) lines.push(skippedLine(ctx.maxLinks, skipped));
    await ack({ response_type: 'ephemeral', text: lines.join('\n') });

    const answers = links.map((url) => async () => {
      let rendered;
      try {
        rendered = renderAnalysisMessage((await ctx.queue.analyze(url)).analysis);
      } catch (err) {
        await safeRespond(respond, ctx, { response_type: 'ephemeral', text: failureLine(url, err) });
        return;
      }
      if (req.isPublic) {
        const outcome = await ctx.calls.attempt('chat.postMessage', () =>
          client.chat.postMessage({
            channel: command.channel_id,
            text: rendered.text,
            blocks: [...rendered.blocks, requestedByBlock(command.user_id, '/summarize')] as never,
            unfurl_links: false,
            unfurl_media: false,
          }),
        );
        if ('value' in outcome) return;
        const why = cannotPostLine(
          outcome.error,
          'or run `/summarize` without `public` to see it privately.',
        );
        await safeRespond(respond, ctx, { response_type: 'ephemeral', text: why });
      }
      await safeRespond(respond, ctx, {
        response_type: 'ephemeral',
        text: rendered.text,
        blocks: [...rendered.blocks, ...postToChannelButton(url)] as never,
      });
    });
    await ctx.work.track(() => Promise.all(answers.map((answer) => answer())));
  });
}
