// Page-level redirects: `Refresh:` headers and `<meta http-equiv="refresh">`. A reader who pastes a link to a
// consent interstitial or a "this story has moved" stub expects the story the browser would land on, so the
// fetcher follows a prompt refresh as one more redirect hop: same hop budget, same URL and address checks,
// same deadline. A slow refresh (a live page reloading itself every few minutes) is a page meant to be read
// and is left alone.

/** Refreshes that fire later than this are auto-reloads of a readable page, not redirects. */
export const MAX_REFRESH_DELAY_SECONDS = 10;

/** Where the page is scanned for <meta http-equiv=refresh>: browsers obey it anywhere, sites put it up top. */
const META_SCAN_CHARS = 64 * 1024;

/**
 * The URL a Refresh value ("0; url=/next", "3,https://x/", "0;URL='y'") sends the reader to, or null when it
 * names none or fires too late. Parsed as the HTML "shared declarative refresh steps" do.
 */
export function refreshUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^\s*(\d*)(?:\.[\d.]*)?\s*(?:[;,]\s*)?(?:url\s*=\s*)?(.*)$/is.exec(value);
  if (!m || (m[1] === '' && !/^\s*\./.test(value))) return null;
  const delay = m[1] === '' ? 0 : Number(m[1]);
  if (delay > MAX_REFRESH_DELAY_SECONDS) return null;
  let url = (m[2] ?? '').trim();
  const quote = url.charAt(0);
  if (quote === '"' || quote === "'") {
    const end = url.indexOf(quote, 1);
    url = end > 0 ? url.slice(1, end) : url.slice(1);
  }
  return url.trim() || null;
}

/**
 * The refresh target a page declares in markup. Comments, scripts and <noscript> are skipped: a meta tag
 * in a script string or a no-JavaScript fallback is not where a browser with JavaScript goes.
 */
export function metaRefreshUrl(html: string): string | null {
  const head = html
    .slice(0, META_SCAN_CHARS)
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<(script|noscript|template)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, '');
  for (const tag of head.match(/<meta\b[^>]{0,2048}>/gi) ?? []) {
    if (!/\bhttp-equiv\s*=\s*["']?\s*refresh\b/i.test(tag)) continue;
    const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const url = refreshUrl(content?.[1] ?? content?.[2] ?? content?.[3]);
    if (url) return decodeEntities(url);
  }
  return null;
}

function decodeEntities(s: string): string {
  return s.replace(/&(amp|quot|apos|#39|lt|gt);/gi, (_, e: string) => {
    const map: Record<string, string> = { amp: '&', quot: '"', apos: "'", '#39': "'", lt: '<', gt: '>' };
    return map[e.toLowerCase()] ?? _;
  });
}
