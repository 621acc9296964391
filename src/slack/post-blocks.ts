// The blocks the Slack face adds around a rendered analysis (the renderer keeps room for them).
import type { Block } from '../render/blocks';

export const POST_ACTION_ID = 'newsdesk_post_to_channel';
/** Slack caps a button value at 2,000 characters. */
const MAX_BUTTON_VALUE = 2000;

export function postToChannelButton(url: string): Block[] {
  if (url.length > MAX_BUTTON_VALUE) return [];
  return [
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: POST_ACTION_ID,
          text: { type: 'plain_text', text: 'Post to channel' },
          style: 'primary',
          value: url,
        },
      ],
    },
  ];
}

export function requestedByBlock(userId: string, how: string): Block {
  // userId comes from Slack's own payload (U/W + alphanumerics), never from article text.
  const safe = /^[UW][A-Z0-9]+$/.test(userId) ? `<@${userId}>` : 'someone';
  return { type: 'context', elements: [{ type: 'mrkdwn', text: `Shared by ${safe} with ${how}` }] };
}
