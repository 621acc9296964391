// Who wrote the article, as a reader would say it: "Eric Tucker, Associated Press", not "By ERIC
// TUCKERAssociated Press" or "Bryan DeArdo @BryanDeArdo Nov 18, 2019 at 9:24 pm ET • 2 min read". Publishers
// put dates, handles, read times and job titles in the same element or JSON-LD string as the names.
import { cleanParagraph } from './clean-text';
import type { DomElement, DomNode } from './dom';
import { TEXT_NODE, isElement } from './dom';

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const WEEKDAY_SHORT = '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)';

// Where the names stop: whatever follows one of these is a date, a handle or page furniture. Month names are
// only a date with a day next to them ("April Ryan" and "June Carter" are people).
const NAMES_END = new RegExp(
  [
    '[|•·]',
    '(?:^|\\s)@\\w',
    `\\b${MONTH}\\.?\\s+\\d{1,2}\\b`,
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+${MONTH}\\b`,
    `\\b${WEEKDAY}\\b`,
    `\\b${WEEKDAY_SHORT}\\.?,?\\s+(?:\\d|${MONTH}\\b)`,
    '\\b\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b',
    '\\b\\d{4}-\\d{2}-\\d{2}',
    '\\b\\d{1,2}:\\d{2}\\b',
    '\\b\\d+\\s*(?:-\\s*)?min(?:ute)?s?\\.?\\s+read\\b',
    '\\b(?:updated|published|posted|print|share|follow|e-?mail|contact)\\b',
  ].join('|'),
  'i',
);

// Capitalised words glued to a preceding name by textContent or a CMS: "TUCKERAssociated", "FoustMonday".
const GLUED_CAPS = /(?<=\p{Lu}{2})(?=\p{Lu}\p{Ll})/gu;
const GLUED_WEEKDAY = /(?<=\p{Ll})(?=(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)/gu;

const BY_PREFIX =
  /^(?:(?:analysis|opinion|commentary|review|story|text|words|reporting|report|written|photos?|video)\s+)?by\b[:\s]*/i;

// A comma segment after the names that is a job, not a name or an outlet: "AP Auto Writer", "Staff Writer",
// "CNN Editor-at-large". Agencies and outlets ("Associated Press", "CNN Business", the "AP" of "AP Auto
// Writer") stay: they say where the story comes from, which an editor checking it wants to know.
const JOB_TITLE =
  /\b(?:writer|reporter|correspondent|editor|editor-at-large|columnist|contributor|producer|photographer|photojournalist|critic|analyst|chief|intern|anchor|host|journalist|commentator|blogger|staff)s?\b/i;

const AGENCY_ACRONYM = /^(\p{Lu}{2,5})\s/u;

// CMS account names shown when nobody filled in an author.
const ACCOUNT_NAME = /^(?:[a-z]*admin|administrator|webmaster|superuser)$/i;

const TRAILING_PUNCTUATION = /[\s,;:–—-]+$/;

function isUrl(s: string): boolean {
  return /^(https?:)?\/\//i.test(s);
}

/** One byline string (JSON-LD name, <meta> or page text) reduced to the names and their outlet. */
export function cleanByline(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let s = cleanParagraph(raw).replace(GLUED_WEEKDAY, ' ').replace(GLUED_CAPS, ', ').replace(BY_PREFIX, '');
  const end = NAMES_END.exec(s);
  if (end) s = s.slice(0, end.index);
  s = s.replace(TRAILING_PUNCTUATION, '');
  const segments: string[] = [];
  for (const part of s.split(/\s*,\s*/)) {
    const segment = part.replace(BY_PREFIX, '').trim();
    if (!segment) continue;
    // "AP Auto Writer" and "CNN Editor-at-large" still say whose story it is: the acronym stays.
    const kept = segments.length > 0 && JOB_TITLE.test(segment) ? AGENCY_ACRONYM.exec(segment)?.[1] : segment;
    if (kept && !segments.some((x) => x.toLowerCase() === kept.toLowerCase())) segments.push(kept);
  }
  const out = segments.join(', ');
  if (!out || out.length > 150 || isUrl(out) || ACCOUNT_NAME.test(out) || !/\p{L}/u.test(out)) return null;
  return out;
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'button', 'select', 'svg']);
const MAX_PIECES = 40;

/** The element's text pieces: one per text node, so separate elements never run together. */
function pieces(root: DomElement): string[] {
  const out: string[] = [];
  const stack: DomNode[] = [root];
  while (stack.length > 0 && out.length < MAX_PIECES) {
    const node = stack.pop() as DomNode;
    if (node.nodeType === TEXT_NODE) {
      const text = cleanParagraph(node.textContent ?? '');
      if (text) out.push(text);
      continue;
    }
    if (!isElement(node) || SKIP.has(node.localName)) continue;
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as DomNode);
  }
  return out;
}

// Words that join names inside one byline ("By", "and", "&", ","): pieces either side belong together.
const JOINS_AFTER = /(?:^|\s)(?:by|and|with|of|for|&)$|[,&]$/i;
const JOINS_BEFORE = /^(?:and|with|of|for|&)(?:\s|$)|^[,&]/i;

/**
 * The byline in a page element ("<span class=author>Tom Davies</span> <span class=publication>Associated
 * Press</span> <div>Published 11:34 PM EST Nov 19, 2019</div>"): names joined as the page shows them,
 * separate elements as separate parts ("Tom Davies, Associated Press"), up to the first date or furniture.
 */
export function bylineFromElement(el: DomElement | null): string | null {
  if (!el) return null;
  let joined = '';
  for (const piece of pieces(el)) {
    const end = NAMES_END.exec(piece);
    const kept = (end ? piece.slice(0, end.index) : piece).replace(TRAILING_PUNCTUATION, '').trim();
    if (kept) {
      if (!joined) joined = kept;
      else joined += JOINS_AFTER.test(joined) || JOINS_BEFORE.test(kept) ? ` ${kept}` : `, ${kept}`;
    }
    // A date or a handle ends the names; one before any name (a dateline above the byline) does not.
    if (end && cleanByline(joined)) break;
  }
  return cleanByline(joined);
}
