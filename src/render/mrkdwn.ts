// Slack mrkdwn escaping. Only &, < and > are special to Slack's parser, and escaping exactly those defuses
// every way article or model text could ping people (<!channel>, <@U…>) or forge a link label (<url|label>).
import { stripInvisible } from '../article/clean-text';

/**
 * Escaped for mrkdwn. Invisible and bidi characters could hide or reorder text in a reply, and model output
 * has not been through the extractor's cleaning, so they are stripped again on the way out.
 */
export function escapeMrkdwn(s: string): string {
  return stripInvisible(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts to at most `max` characters, ending with an ellipsis when cut. Works on code points. */
export function truncate(s: string, max: number): string {
  const chars = Array.from(s);
  if (chars.length <= max) return s;
  return (
    chars
      .slice(0, Math.max(0, max - 1))
      .join('')
      .trimEnd() + '…'
  );
}

/**
 * A link Slack will render with our label. The URL comes from the article or the user, so the characters
 * that would end the link markup early are percent-encoded; only http(s) URLs become links at all.
 */
export function mrkdwnLink(url: string, label: string): string {
  if (!/^https?:\/\//i.test(url)) return escapeMrkdwn(label);
  const safeUrl = url.replace(/[<>|\s]/g, (c) => encodeURIComponent(c));
  return `<${safeUrl}|${escapeMrkdwn(label).replace(/\|/g, '¦')}>`;
}
