// Article dates as an editor reads them. Metadata gives ISO 8601 ("2015-10-01T14:30:00-04:00"); the terminal
// shows the date with the offset the site gave, and Slack's date token shows each reader the time in their
// own zone. A date whose time zone is unknown is never converted: shifting it would invent a time.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

export interface ArticleDate {
  /** "1 Oct 2015", "1 Oct 2015, 14:30 UTC-04:00", or the metadata as given when it is not ISO 8601. */
  text: string;
  /** The instant, when the metadata gives a time and its zone. */
  instant: Date | null;
}

export function readArticleDate(raw: string): ArticleDate {
  const m = ISO.exec(raw.trim());
  if (!m) return { text: raw, instant: null };
  const [, y, mo, d, hh, mm, ss, zone] = m;
  const month = MONTHS[Number(mo) - 1];
  if (!month || Number(d) < 1 || Number(d) > 31) return { text: raw, instant: null };
  const day = `${Number(d)} ${month} ${y}`;
  if (hh === undefined || mm === undefined) return { text: day, instant: null };
  const time = `${day}, ${hh}:${mm}`;
  if (!zone) return { text: time, instant: null };
  const offset =
    zone.toUpperCase() === 'Z'
      ? ''
      : zone.length === 3
        ? `${zone}:00`
        : zone.replace(/^(.\d{2})(\d{2})$/, '$1:$2');
  const instant = new Date(`${y}-${mo}-${d}T${hh}:${mm}:${ss ?? '00'}${offset || 'Z'}`);
  if (Number.isNaN(instant.getTime())) return { text: raw, instant: null };
  return { text: `${time} UTC${offset}`, instant };
}

/**
 * The date in Slack mrkdwn: a date token (rendered in the reader's time zone, with the plain text as the
 * fallback) when the instant is known, else the escaped text. `escape` is the caller's mrkdwn escaping.
 */
export function slackDate(raw: string, escape: (s: string) => string): string {
  const { text, instant } = readArticleDate(raw);
  if (!instant) return escape(text);
  const unix = Math.floor(instant.getTime() / 1000);
  return `<!date^${unix}^{date_short_pretty} {time}|${escape(text)}>`;
}
