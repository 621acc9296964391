// What a reporter can do about a link the bot could not read. Kept beside the errors, not in their sentences,
// so every face (Slack and the terminal) gives the same advice and a sentence that already says "try again
// later" is not told twice.
import type { NewsdeskError } from './errors';

const TRY_LATER = 'Try again in a few minutes.';

const BY_CODE: Record<string, string> = {
  http_404: 'Check that the link is complete and the story is still online.',
  http_410: 'Check that the link is complete and the story is still online.',
  http_401: 'If the story is behind a login or paywall, paste a free-to-read version of it.',
  http_403: 'If the story is behind a login or paywall, paste a free-to-read version of it.',
  dns_failed: 'Check the link for typos.',
  timeout: TRY_LATER,
  connect_timeout: TRY_LATER,
  first_byte_timeout: TRY_LATER,
  idle_timeout: TRY_LATER,
  unreachable: TRY_LATER,
  network: TRY_LATER,
  connection_lost: TRY_LATER,
  empty_page: TRY_LATER,
  bad_encoding: TRY_LATER,
  bad_certificate: 'Try another outlet’s version of the story.',
  too_large: 'Try the article’s own page (or its print or AMP version) rather than a whole section.',
  too_complex: 'Try the article’s print or AMP version, or another outlet’s version of the story.',
  headers_too_large: 'Try another outlet’s version of the story.',
  pdf: 'Paste the link of the web page that carries the document, if there is one.',
  image: 'Paste the link of the article page itself.',
  media: 'Paste the link of the article page itself.',
  binary: 'Paste the link of the article page itself.',
  not_html: 'Paste the link of the article page itself.',
  no_article: 'Try the link of the article page itself (not a section front, search or share page).',
  paywall: 'Paste a free-to-read version of the story, or another outlet’s.',
  login_wall: 'Paste a free-to-read version of the story, or another outlet’s.',
  consent_wall: 'Try another outlet’s version of the story, or the page’s AMP or print version.',
};

/** One short sentence of advice for this failure, or '' when its own sentence already says what to do. */
export function whatToTry(err: NewsdeskError): string {
  return BY_CODE[err.code] ?? '';
}

/** The failure's sentence followed by its advice. */
export function withAdvice(err: NewsdeskError): string {
  const tip = whatToTry(err);
  return tip ? `${err.userMessage} ${tip}` : err.userMessage;
}
