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

/**
 * Cuts to at most `max` characters, ending with an ellipsis when cut. Characters are counted as UTF-16 units
 * (an emoji counts two, as Slack's limits do) and a surrogate pair is never split.
 */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return out.trimEnd() + '…';
}

/** Escaped for mrkdwn and at most `max` characters once escaped (`&` alone grows to five). */
export function escapeWithin(s: string, max: number): string {
  const escaped = escapeMrkdwn(s);
  if (escaped.length <= max) return escaped;
  let out = '';
  for (const ch of stripInvisible(s)) {
    const e = escapeMrkdwn(ch);
    if (out.length + e.length > max - 1) break;
    out += e;
  }
  return out.trimEnd() + '…';
}

/**
 * A link Slack will render with our label. The URL comes from the article or the user, so the characters
 * that would end the link markup early are percent-encoded; only http(s) URLs become links at all.
 */
export function mrkdwnLink(url: string, label: string): string {
  if (!/^https?:\/\//i.test(url)) return escapeMrkdwn(label);
  // Slack reads entities inside link markup too (its own links arrive with &amp;), so & is escaped as well.
  const safeUrl = url.replace(/[<>|\s]/g, (c) => encodeURIComponent(c)).replace(/&/g, '&amp;');
  return `<${safeUrl}|${escapeMrkdwn(label).replace(/\|/g, '¦')}>`;
}
