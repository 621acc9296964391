// The blocks the Slack face adds around a rendered analysis (the renderer keeps room for them).
import type { Block } from '../render/blocks';

export const POST_ACTION_ID = 'newsdesk_post_to_channel';
/** Slack caps a button value at 2,000 characters. */
const MAX_BUTTON_VALUE = 2000;

/** What a press of the button asks for: the analysis the person was shown, and its link. */
export interface PostRequest {
  /** The id under which the shown analysis is kept (Store.keepShown). */
  shownId: string | null;
  /** For when the kept analysis has expired; absent when too long for the button. */
  url: string | null;
}

const SHOWN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function postToChannelButton(shownId: string, url: string): Block[] {
  const withUrl = `${shownId} ${url}`;
  return [
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: POST_ACTION_ID,
          text: { type: 'plain_text', text: 'Post to channel' },
          style: 'primary',
          value: withUrl.length <= MAX_BUTTON_VALUE ? withUrl : shownId,
        },
      ],
    },
  ];
}

/** Reads a button value; a bare URL is what buttons posted before shown analyses were kept carry. */
export function readPostRequest(value: string): PostRequest {
  const [first = '', ...rest] = value.split(' ');
  if (SHOWN_ID.test(first)) return { shownId: first, url: rest.join(' ') || null };
  return { shownId: null, url: value || null };
}

export function requestedByBlock(userId: string, how: string): Block {
  // userId comes from Slack's own payload (U/W + alphanumerics), never from article text.
  const safe = /^[UW][A-Z0-9]+$/.test(userId) ? `<@${userId}>` : 'someone';
  return { type: 'context', elements: [{ type: 'mrkdwn', text: `Shared by ${safe} with ${how}` }] };
}
