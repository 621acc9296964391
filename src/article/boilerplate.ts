// Decides which extracted blocks are the article's own words and which are furniture that survived content
// selection: the repeated headline, bylines, datelines, "Advertisement", "Read more", sign-up prompts.
import type { Block } from './blocks';
import { countWords } from './clean-text';

const FURNITURE_LINE = new RegExp(
  '^(' +
    [
      'advertisements?',
      'ad(vertising)?',
      'sponsored( content)?',
      'story continues below( advertisement)?',
      'continue reading( below)?',
      'article continues (below|after (this )?advertisement)',
      'scroll to continue( with content)?',
      'read more:?',
      'read more[:»›>].*',
      'read next:?.*',
      'related( stories| articles| coverage| content)?:?',
      'more on this( story)?:?',
      'see also:?',
      'share( this( article| story)?)?( on \\w+)?',
      '(share|tweet|email|print|comment|save)( (on|via) \\w+)?',
      'facebook|twitter|linkedin|whatsapp|reddit|pinterest|email|print',
      'click here.*',
      'sign up( now)?( for (our|the) .* newsletter.*)?',
      'subscribe( now| today)?',
      'listen to (this|the) (article|story).*',
      '(image|photo|picture|video)s?( credit)?: .{0,80}',
      '(getty images|reuters|ap photo|afp)( via .*)?',
      'skip (to|this) .*',
      'loading\\.*',
      'you may (also )?like',
      'most (popular|read)',
      '(image|photo|slide) \\d+ of \\d+',
      '(related|see more|see also|more|watch|listen):\\s.{0,120}',
      'this (slideshow|video|content|page) requires javascript.*',
      '(please )?enable javascript.*',
    ].join('|') +
    ')(\\.\\.\\.|…|[.!:])?$',
  'i',
);

// A line that is only a date and time ("October 1, 2015 2:30 PM ET", "Published 01/10/15"). Update stamps
// are kept on purpose: the analyzer flags them, and an editor wants to see them.
const DATE_ONLY =
  /^(published|posted|last updated|first published|date)?:?\s*(on\s+)?((mon|tue|wed|thu|fri|sat|sun)\w*,?\s+)?((\d{1,2}\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d{2}-\d{2})([\s,|@at]+\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?\s*([a-z]{2,4})?)?$/i;

function squash(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

export function isByline(text: string): boolean {
  return (
    /^([Bb]y|BY|[Ww]ritten by|[Ww]ords by|[Vv]on|[Pp]or|[Pp]ar)\s+\p{Lu}/u.test(text) &&
    countWords(text) <= 12 &&
    !/[.!?]["”’]?$/.test(text)
  );
}

export function isUpdateStamp(text: string): boolean {
  return (
    /^[—–-]?\s*(this (story|article) (was|has been) )?(updated|corrected|correction)\b/i.test(text) &&
    countWords(text) <= 25
  );
}

export function isFurniture(block: Block, title: string | null): boolean {
  const text = block.text;
  if (isUpdateStamp(text)) return false;
  if (title && squash(text) === squash(title)) return true;
  if (FURNITURE_LINE.test(text)) return true;
  // A block that is all link is a teaser for other stories ("More great stories" lists, promo boxes, tag
  // clouds), not this one, however long it is; a page that is nothing but links has no article.
  if (block.linkDensity >= 0.9) return true;
  if (DATE_ONLY.test(text)) return true;
  if (/^(posted|published|first published|last updated)( on)?:?\s/i.test(text) && countWords(text) <= 10)
    return true;
  if (isByline(text)) return true;
  // "Email Jane at jane@example.com or follow her @jane. Follow us on Twitter @site."
  if (
    /\bfollow (us|him|her|them|me)\b|^follow @/i.test(text) &&
    /twitter|facebook|instagram|@\w/i.test(text) &&
    countWords(text) <= 40
  )
    return true;
  // "Get the latest updates in your inbox. Subscribe to our newsletters."
  if (
    /newsletter|inbox/i.test(text) &&
    /\b(subscribe|sign up|sign-up)\b/i.test(text) &&
    countWords(text) <= 30
  )
    return true;
  // A lone copyright line or "All rights reserved" notice belongs to the page, not the story.
  if (/^(©|\(c\)|copyright\b)/i.test(text) && countWords(text) <= 40) return true;
  if (/all rights reserved\.?$/i.test(text) && countWords(text) <= 25) return true;
  return false;
}
