// Notes a standards editor wants before running a story on: unnamed sources, second-hand reports,
// figures that rest on one source, claims nobody has verified, and copy that has been updated.
import type { CasualtyFigure, SourcingNote } from '../analysis';
import { rivalCounts, sameSource } from './contested';
import type { Sentence } from './sentences';

const ANONYMOUS =
  /\b(?:on background|on condition of anonymity|(?:asked|declined) not to be (?:named|identified)|(?:asked|declined) to be (?:named|identified)|spoke anonymously|not authori[sz]ed to (?:speak|discuss|comment)|sources? (?:said|say|told|familiar)|a (?:person|source|people) familiar with|(?:a|an|one|two|three|several) (?:[\w.'’-]+ ){0,3}?(?:official|officials|diplomat|diplomats|source|sources) (?:said|told|says|who)\b)/i;
const MEDIA =
  /(?:\b(?:The New York Times|The Washington Post|The Wall Street Journal|Reuters|The Associated Press|Associated Press|AFP|Agence France-Presse|BBC|CNN|Al Jazeera|Bloomberg|TASS|Tass|RIA Novosti|Interfax|Xinhua|Politico|Axios)\b|\b(?:[Ss]tate|[Ll]ocal|[Nn]ews|Western|Russian|Israeli|Iranian|Chinese) media\b|\b(?:state )?(?:broadcaster|television|TV|radio(?: station)?|newspaper|news agency|news channel|news outlet|daily)\b|\b[A-Z][\w.]*(?: [A-Z][\w.]*){0,6} (?:Times|Post|Journal|Gazette|Herald|Tribune|Guardian|Telegraph)\b)/;
const ACCORDING_TO = /\b(?:according to|reported by|citing)\s+([^,;]+)/g;
// "State media quoted the governor as saying …" relays as "state media reported" does.
const REPORTED = /([^,;“”"]+?)\s+(?:reported|reports|said|says|quoted|cited)\b/g;
const REPORTING_VERB = /\s+(?:reported|reports|said|says|quoted|cited)\b/g;
const UNVERIFIED =
  /\b(?:could not (?:be )?independently (?:verify|verified|confirm|confirmed)|could not (?:immediately )?(?:verify|confirm)|(?:could|can) not (?:immediately )?(?:be )?(?:verified|confirmed)|has not been (?:independently )?(?:verified|confirmed)|have not (?:independently )?(?:confirmed|verified)|unconfirmed|unverified|offered no evidence|provided no evidence|without (?:providing |offering )?(?:any )?evidence)\b/i;
const UPDATE =
  /(?:^[—–-]?\s*Updated\b|\bThis (?:story|article|report) (?:has been|was) (?:updated|corrected)\b|^Correction\b|\bAn earlier version of this\b|^Editor's note\b)/i;
const DATELINE_OUTLET = /^[A-Z][A-Za-z ,.'’/-]*\(([A-Za-z ]+)\)\s*[—–-]/;

function outletOf(sentences: Sentence[]): string | null {
  const first = sentences.find((s) => DATELINE_OUTLET.test(s.text));
  const m = first ? DATELINE_OUTLET.exec(first.text) : null;
  if (!m) return null;
  return m[1] === 'AP' ? 'Associated Press' : m[1]!;
}

/** The outlet a sentence relays from ("according to The New York Times", "local media reported"). */
function secondhandSource(s: string, ownOutlet: string | null): string | null {
  const relayers = [...[...s.matchAll(ACCORDING_TO)].map((m) => m[1]!), ...reportingSubjects(s)];
  for (const relayer of relayers) {
    const media = MEDIA.exec(relayer.trim());
    if (!media) continue;
    // The outlet's own reporting ("a count by Reuters" in a Reuters story) is first-hand.
    if (ownOutlet && media[0].includes(ownOutlet)) continue;
    return media[0];
  }
  return null;
}

/**
 * The subjects of "X reported" / "X said". A match never crosses , ; or a quote mark, so each stretch between
 * them is read alone and only up to its last verb: a lazy scan over a long stretch with no verb left would
 * restart at every character (n² on hostile text).
 */
function reportingSubjects(s: string): string[] {
  const subjects: string[] = [];
  for (const stretch of s.split(/[,;“”"]/)) {
    let end = -1;
    for (const verb of stretch.matchAll(REPORTING_VERB)) end = verb.index + verb[0].length;
    if (end < 0) continue;
    for (const m of stretch.slice(0, end).matchAll(REPORTED)) subjects.push(m[1]!);
  }
  return subjects;
}

const TIME_MARK =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:19|20)\d\d)\b/g;

/**
 * "In October, a blast in Jigawa state killed more than 150": a sentence dated to a month or year the lead's
 * sentence does not mention is about another occasion, so its count is background, not a rival total.
 */
function otherOccasion(quote: string, leadQuote: string): boolean {
  const marks = quote.match(TIME_MARK) ?? [];
  const leadMarks = new Set(leadQuote.match(TIME_MARK) ?? []);
  return marks.some((m) => !leadMarks.has(m));
}

function describe(f: CasualtyFigure): string {
  const who = f.who ? ` ${f.who}` : '';
  return `${f.countText}${who} ${f.kind}`;
}

/** Sourcing notes in article order; figure notes follow the sentence notes. */
export function findSourcing(sentences: Sentence[], figures: CasualtyFigure[]): SourcingNote[] {
  const notes: SourcingNote[] = [];
  const ownOutlet = outletOf(sentences);
  for (const { text } of sentences) {
    if (ANONYMOUS.test(text)) {
      notes.push({
        kind: 'anonymous_source',
        note: 'Relies on a source the article does not name.',
        quote: text,
      });
    }
    const media = secondhandSource(text, ownOutlet);
    if (media) {
      notes.push({
        kind: 'secondhand',
        note: `Second-hand: relayed from ${media}, not reported first-hand.`,
        quote: text,
      });
    }
    if (UNVERIFIED.test(text)) {
      notes.push({ kind: 'unverified', note: 'The article says this has not been verified.', quote: text });
    }
    if (UPDATE.test(text)) {
      notes.push({
        kind: 'update',
        note: 'The story has been updated; check for the latest version.',
        quote: text,
      });
    }
  }

  // The headline figure: if one source alone gives it and nobody offers a rival count, say so.
  const lead = figures.find((f) => f.partOf === null && f.attributedTo);
  if (lead) {
    const rivalled = figures.some(
      // rivalCounts first: it is the cheap test, and it rules out most figures.
      (f) => f !== lead && rivalCounts(f, lead, false) && !otherOccasion(f.quote, lead.quote),
    );
    const corroborated = figures.some(
      (f) =>
        f !== lead &&
        f.partOf === null &&
        f.kind === lead.kind &&
        // "nine" backs "at least nine"; "nearly 100" (no lower bound) backs only its own number.
        (f.min ?? f.max) === (lead.min ?? lead.max) &&
        f.attributedTo !== null &&
        !sameSource(f.attributedTo, lead.attributedTo!),
    );
    if (!rivalled && !corroborated) {
      notes.push({
        kind: 'single_source',
        note: `Only one source, ${lead.attributedTo}, gives the figure of ${describe(lead)}.`,
        quote: lead.quote,
      });
    }
  }
  return notes;
}
