// The short things the bot says in Slack besides the analysis itself. All mrkdwn; anything that came from a
// user or a site is escaped.
import { withAdvice } from '../advice';
import { isNewsdeskError } from '../errors';
import { escapeMrkdwn, truncate } from '../render/mrkdwn';

export const HOW_TO =
  'Paste a news link and mention me, e.g. `@Newsdesk https://example.com/story`, and I’ll reply in the thread.\n' +
  'Or run `/summarize <link>` to get a private summary first (add `public` to post it in the channel).';

export const COMMAND_USAGE =
  '*Usage:* `/summarize <link>` — a private summary with a button to post it to the channel.\n' +
  '`/summarize <link> public` — post it in the channel right away. `/summarize help` — this text.';

/** "Post to channel" pressed on an answer too old to have been kept, with no link to read again. */
export const SHOWN_EXPIRED =
  'That summary is too old to post now. Run `/summarize <link> public` to post a fresh one.';

/** The link as plain text (never a live link, so Slack does not unfurl or re-fetch it). */
export function shortLink(url: string): string {
  let shown = url;
  try {
    const u = new URL(url);
    shown = u.host + (u.pathname === '/' ? '' : u.pathname);
  } catch {
    // not a URL we can shorten; show as given
  }
  return `\`${escapeMrkdwn(truncate(shown, 80))}\``;
}

export function readingLine(url: string): string {
  return `:hourglass_flowing_sand: Reading ${shortLink(url)}…`;
}

/** One line saying what went wrong and what to try. Never a stack trace. */
export function failureLine(url: string, err: unknown): string {
  if (isNewsdeskError(err)) return `:warning: ${shortLink(url)}: ${escapeMrkdwn(withAdvice(err))}`;
  return `:warning: ${shortLink(url)}: something went wrong on my side while reading this link. Please try again in a minute.`;
}

/** Slack would not take the answer itself (most often a layout or size problem on our side). */
export function refusedLine(url: string, slackError: string): string {
  return `:warning: ${shortLink(url)}: Slack refused the analysis (${escapeMrkdwn(slackError)}); please try again, and report it if it keeps happening.`;
}

/** Named one by one up to this many; a pasted round-up of fifty links gets a count, not a wall of links. */
const SKIPPED_NAMED = 5;

export function skippedLine(max: number, skipped: string[]): string {
  const named = skipped.slice(0, SKIPPED_NAMED).map(shortLink).join(', ');
  const more = skipped.length > SKIPPED_NAMED ? ` and ${skipped.length - SKIPPED_NAMED} more` : '';
  return `I read the first ${max} link${max === 1 ? '' : 's'} only; skipped: ${named}${more}.`;
}

/** Mentioned in a thread without a link, and the thread's first message could not be read. */
export function cannotReadThreadLine(slackError: string): string {
  const why =
    slackError === 'missing_scope'
      ? 'I’m not allowed to read this thread’s first message (the app needs channels:history or groups:history).'
      : `I couldn’t read this thread’s first message (Slack said ${escapeMrkdwn(slackError)}).`;
  return `${why} Mention me again with the link itself, e.g. \`@Newsdesk https://example.com/story\`.`;
}

/** Why a public post failed, and what the person can do about it. */
export function cannotPostLine(slackError: string, whatNext: string): string {
  return slackError === 'not_in_channel' || slackError === 'channel_not_found'
    ? `I'm not in this channel, so I can't post here. Invite me with \`/invite @Newsdesk\`, ${whatNext}`
    : "Slack wouldn't let me post in this channel.";
}
