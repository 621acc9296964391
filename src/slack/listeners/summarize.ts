// /summarize <link> [public]. Acked at once (Slack allows 3 s); the analysis then arrives ephemerally through
// response_url with a "Post to channel" button, or, with `public`, is posted in the channel. Slash commands
// cannot run inside threads, so these replies are never thread replies.
import type { App, RespondFn } from '@slack/bolt';
import { randomUUID } from 'node:crypto';
import { findLinks } from '../../article/links';
import { renderAnalysisMessage } from '../../render/blocks';
import type { SlackContext } from '../context';
import { cannotPostLine, COMMAND_USAGE, failureLine, readingLine, skippedLine } from '../messages';
import { postToChannelButton } from '../post-blocks';
import { postPublicly, RESPONSE_URL_USES, safeRespond } from '../share';

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

/**
 * Each link's answer takes one response_url post and a failed public post one more note, and Slack takes
 * five posts at most: more links than this could never all be answered.
 */
const MAX_COMMAND_LINKS = RESPONSE_URL_USES - 1;
/** A private answer's "Post to channel" posts what was shown for this long; later it reads the link again. */
const KEEP_SHOWN_MS = 24 * 60 * 60_000;

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
    const max = Math.min(ctx.maxLinks, MAX_COMMAND_LINKS);
    const links = req.links.slice(0, max);
    const skipped = req.links.slice(max);
    const lines = links.map(readingLine);
    if (skipped.length) lines.push(skippedLine(max, skipped));
    await ack({ response_type: 'ephemeral', text: lines.join('\n') });

    const reply = (message: Parameters<RespondFn>[0]) => safeRespond(respond, ctx.logger, message);
    // Said once however many links failed to post, and before any of their private answers.
    let cannotPost: Promise<void> | undefined;
    const answers = links.map((url) => async () => {
      let rendered;
      const shownId = randomUUID();
      try {
        const { analysis } = await ctx.queue.analyze(url);
        ctx.store.keepShown(shownId, analysis, KEEP_SHOWN_MS);
        rendered = renderAnalysisMessage(analysis);
      } catch (err) {
        await reply({ response_type: 'ephemeral', text: failureLine(url, err) });
        return;
      }
      if (req.isPublic) {
        const outcome = await postPublicly(client, ctx.calls, command.channel_id, rendered, command.user_id);
        if ('value' in outcome) return;
        cannotPost ??= reply({
          response_type: 'ephemeral',
          text: cannotPostLine(outcome.error, 'or run `/summarize` without `public` to see it privately.'),
        });
        await cannotPost;
      }
      await reply({
        response_type: 'ephemeral',
        text: rendered.text,
        blocks: [...rendered.blocks, ...postToChannelButton(shownId, url)] as never,
      });
    });
    await ctx.work.track(() => Promise.all(answers.map((answer) => answer())));
  });
}
