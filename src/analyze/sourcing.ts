// Notes a standards editor wants before running a story on: unnamed sources, second-hand reports,
// figures that rest on one source, claims nobody has verified, and copy that has been updated.
import type { CasualtyFigure, ContestedClaim, SourcingNote } from '../analysis';
import { findContested, noneCounted, rivalCounts, sameSource, samePeopleCounted } from './contested';
import type { Sentence } from './sentences';

const ANONYMOUS =
  /\b(?:on background|on condition of anonymity|(?:asked|declined) not to be (?:named|identified)|(?:asked|declined) to be (?:named|identified)|spoke anonymously|not authori[sz]ed to (?:speak|discuss|comment)|sources? (?:said|say|told|familiar)|(?:a|an|one|two|three|four|several) (?:person|persons|people|sources?) (?:familiar with|close to|briefed on|with (?:direct )?knowledge of)|(?:a|an|one|two|three|several) (?:[\w.'’-]+ ){0,3}?(?:official|officials|diplomat|diplomats|source|sources) (?:said|told|says|who)\b)/i;
const MEDIA =
  /(?:\b(?:The New York Times|The Washington Post|The Wall Street Journal|Reuters|The Associated Press|Associated Press|AFP|Agence France-Presse|BBC|CNN|Al Jazeera|Bloomberg|TASS|Tass|RIA Novosti|Interfax|Xinhua|Politico|Axios)\b|\b(?:[Ss]tate|[Ll]ocal|[Nn]ews|Western|Russian|Israeli|Iranian|Chinese) media\b|\b(?:state )?(?:broadcaster|television|TV|[Rr]adio(?: station)?|newspaper|[Nn]ews [Aa]gency|news channel|news outlet|daily)\b|\b(?:NBC|CBS|ABC|NPR|ITV|Sky News|France 24|Deutsche Welle|Al Arabiya|Anadolu|Yonhap|Kyodo|IRNA|Bernama)\b|\b[A-Z][\w.]*(?: [A-Z][\w.]*){0,6} (?:Times|Post|Journal|Gazette|Herald|Tribune|Guardian|Telegraph|Observer|Chronicle|Inquirer|Independent|Courier|Examiner|Dispatch|Sentinel|Mirror|Express|Mail|Standard|News)\b)/;
// "quoted by the state news agency Khovar", "in a statement carried by its Amaq news agency": the outlet relays.
const ACCORDING_TO = /\b(?:according to|reported by|citing|(?:quoted|cited|carried|relayed) by)\s+([^,;]+)/gi;
// "Two parents told the Charlotte Observer": what someone told another outlet reaches the story second-hand. The
// wire agencies are left out: copy without a dateline is often their own ("a witness told Reuters").
const TOLD_MEDIA = /\btold\s+((?:the\s+)?[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,5})/g;
const WIRE = /^(?:the\s+)?(?:Reuters|AP|Associated Press|The Associated Press|AFP|Agence France-Presse)$/i;
// "the BBC could not independently verify", "the Guardian has not been able to verify": only the outlet
// publishing the story speaks of its own checks, so what is told to it is first-hand.
const OWN_CHECK =
  /\b((?:[Tt]he\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\s+(?:could not|cannot|was unable to|were unable to|is unable to|(?:has|have|had) not been able to)\s+(?:independently\s+)?(?:verify|confirm)\b/g;
// "the Spanish NGO Caminando Fronteras, which is in contact with the families": the source passes on what others
// told it.
const RELAYS_OTHERS =
  /(?:^|[,;]\s*)(?:according to\s+)?([^,;]{1,80}?),\s+(?:which|who)\s+(?:is|are|was|were|has been|have been|had been)\s+in\s+(?:contact|touch)\s+with\s+([^,;.]{1,80})/i;
const CITING = /,\s+citing\b/g;
// "State media quoted the governor as saying …" relays as "state media reported" does.
const REPORTED = /([^,;“”"]+?)\s+(?:reported|reports|said|says|quoted|cited)\b/g;
const REPORTING_VERB = /\s+(?:reported|reports|said|says|quoted|cited)\b/g;
const UNVERIFIED =
  /\b(?:could not (?:be )?independently (?:verify|verified|confirm|confirmed)|(?:has|have|had) not been able to (?:independently )?(?:verify|confirm)|(?:[Nn]either|[Nn]one of (?:the|these|those|them))\b[^.;]{0,80}?\b(?:could|can) (?:yet )?be (?:independently )?(?:verified|confirmed)|could not (?:immediately )?(?:verify|confirm)|(?:could|can) not (?:immediately )?(?:be )?(?:verified|confirmed)|(?:was|were|is|are|has been|have been) unable to (?:independently )?(?:verify|confirm)|has not been (?:independently )?(?:verified|confirmed)|have not (?:independently )?(?:confirmed|verified)|unconfirmed|unverified|offered no evidence|provided no evidence|without (?:providing |offering )?(?:any )?evidence)\b/i;
// "(Updates toll, adds rescue of two miners)": the wire's own note on what a new version changed.
// "Update, 4.10pm: …", "This article was last updated at 4.30pm", "An earlier version said five people had died".
const UPDATE =
  /(?:^[—–-]?\s*Updated\b|^Update\b[^:]{0,40}:|^\((?:Updates|Adds|Recasts|Corrects|Changes|Rewrites|Refiles|Writes through)\b|\bThis (?:story|article|report) (?:has been|was) (?:last )?(?:updated|corrected)\b|^Correction\b|\bAn earlier version (?:of this\b|(?:said|stated|reported|gave|misstated|incorrectly|wrongly)\b)|^Editor's note\b)/i;
const DATELINE_OUTLET = /^[A-Z][A-Za-z ,.'’/-]*\(([A-Za-z ]+)\)\s*[—–-]/;

function outletOf(sentences: Sentence[]): string | null {
  const first = sentences.find((s) => DATELINE_OUTLET.test(s.text));
  const m = first ? DATELINE_OUTLET.exec(first.text) : null;
  if (!m) return null;
  return m[1] === 'AP' ? 'Associated Press' : m[1]!;
}

/**
 * The outlets the story is by: its dateline's, and any that speaks of its own checks, unless the story also relays
 * that outlet ("according to Reuters, … Reuters could not independently verify the report").
 */
function ownOutletsOf(sentences: Sentence[]): string[] {
  const own = outletOf(sentences);
  const outlets = own ? [own] : [];
  const checking: string[] = [];
  const relayed: string[] = [];
  for (const { text } of sentences) {
    for (const m of text.matchAll(ACCORDING_TO)) relayed.push(m[1]!);
    if (!/\b(?:verify|confirm)\b/.test(text)) continue;
    for (const m of text.matchAll(OWN_CHECK)) {
      const media = MEDIA.exec(m[1]!);
      if (media) checking.push(media[0]);
    }
  }
  for (const outlet of checking) if (!relayed.some((r) => r.includes(outlet))) outlets.push(outlet);
  return outlets;
}

/** The outlet a sentence relays from ("according to The New York Times", "local media reported"). */
/** "according to The New York Times." names "The New York Times"; "…of the U.S." keeps its abbreviation. */
function withoutSentenceEnd(name: string): string {
  const bare = name.replace(/[,;:]+$/, '');
  return /(?:^|[\s.])\p{Lu}\.$/u.test(bare) ? bare : bare.replace(/\.$/, '');
}

function secondhandSource(s: string, ownOutlets: readonly string[]): string | null {
  const relayers = [
    ...[...s.matchAll(ACCORDING_TO)].map((m) => m[1]!),
    ...citingSubjects(s),
    ...reportingSubjects(s),
    ...[...s.matchAll(TOLD_MEDIA)].map((m) => m[1]!).filter((x) => !WIRE.test(x)),
  ];
  for (const relayer of relayers) {
    const media = MEDIA.exec(relayer.trim());
    if (!media) continue;
    // The outlet's own reporting ("a count by Reuters" in a Reuters story) is first-hand.
    if (ownOutlets.some((own) => media[0].includes(own) || own.includes(media[0]))) continue;
    // "Radio France Internationale", "Kompas TV": a short relayer is the outlet's name, of which "Radio" is a part.
    const name = withoutSentenceEnd(relayer.trim());
    // "the state news agency Khovar": a description before the name is kept with it.
    return name.split(/\s+/).length <= 6 && /^(?:the\s|its\s|their\s|[A-Z])/.test(name) && /[A-Z]/.test(name)
      ? name
      : media[0];
  }
  return null;
}

/**
 * "Radio France Internationale, citing a local youth association, put the toll at 38": the party before ", citing"
 * relays what it cites. Read back from each ", citing" to the clause break before it, so a long stretch with no
 * comma is read once, not once for every place a match could start.
 */
function citingSubjects(s: string): string[] {
  const subjects: string[] = [];
  for (const m of s.matchAll(CITING)) {
    const before = s.slice(Math.max(0, m.index - 200), m.index);
    const at = Math.max(...[',', ';', '“', '”', '"'].map((c) => before.lastIndexOf(c)));
    subjects.push(before.slice(at + 1));
  }
  return subjects;
}

const DETERMINER_END = /\b(?:the|a|an|these|those|this|that|its|their|his|her|such|any|no|of)$/i;

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
    for (const m of stretch.slice(0, end).matchAll(REPORTED)) {
      // "Reuters could not verify the reports": after a determiner the word is a noun, and names no relayer.
      if (!DETERMINER_END.test(m[1]!)) subjects.push(m[1]!);
    }
  }
  return subjects;
}

/**
 * Whether another party answers the headline figure with a count of its own in a dispute with the figure's source
 * ("Health Ministry officials had told reporters that 90 people had died, but the Interior Ministry said that
 * figure was wrong", "police … said no one had died"): then the figure is contested, not resting on one source,
 * even when the rival count is an earlier one. A dispute over something else ("the minister said the study was
 * speculative", a count of other people or another harm) leaves it resting on one source.
 */
function countedAgainst(
  lead: CasualtyFigure,
  contested: readonly ContestedClaim[],
  figures: CasualtyFigure[],
): boolean {
  return contested.some((c) => {
    const other = sameSource(c.claimant, lead.attributedTo!)
      ? c.disputedBy
      : sameSource(c.disputedBy, lead.attributedTo!)
        ? c.claimant
        : null;
    if (other === null) return false;
    return c.quotes.some(
      (q) =>
        q !== lead.quote &&
        (noneCounted(q) === lead.kind ||
          figures.some(
            (f) =>
              f.quote === q &&
              f.partOf === null &&
              f.kind === lead.kind &&
              samePeopleCounted(f, lead) &&
              f.attributedTo !== null &&
              sameSource(f.attributedTo, other),
          )),
    );
  });
}

// "Fishermen found a further eight bodies …, bringing the total to 77": a running total built on the counts before.
const RUNNING_TOTAL_BEFORE =
  /\b(?:bringing|taking|raising|pushing)\s+(?:the|its|their)\s+(?:(?:death|overall|total|confirmed|official)\s+)?(?:toll|total|number|tally|count)\s+(?:of\s+[a-z]+\s+)?to\s+$/i;

function runningTotal(f: CasualtyFigure): boolean {
  for (let at = f.quote.indexOf(f.countText); at >= 0; at = f.quote.indexOf(f.countText, at + 1)) {
    if (RUNNING_TOTAL_BEFORE.test(f.quote.slice(Math.max(0, at - 80), at))) return true;
  }
  return false;
}

/**
 * The first attributed total; but in "Nine more people died overnight …, bringing the total to 34" the headline
 * figure is the running total, not the increment before it. A later running total ("a further eight bodies …,
 * bringing the total to 77") builds on the earlier count and does not rival it.
 */
function headlineFigure(figures: CasualtyFigure[]): CasualtyFigure | undefined {
  const i = figures.findIndex((f) => f.partOf === null && f.attributedTo);
  if (i < 0) return undefined;
  const first = figures[i]!;
  const next = figures.slice(i + 1).find((f) => f.partOf === null);
  return next && next.quote === first.quote && next.kind === first.kind && runningTotal(next) ? next : first;
}

function describe(f: CasualtyFigure): string {
  const who = f.who ? ` ${f.who}` : '';
  return `${f.countText}${who} ${f.kind}`;
}

/** Sourcing notes in article order; figure notes follow the sentence notes. */
export function findSourcing(sentences: Sentence[], figures: CasualtyFigure[]): SourcingNote[] {
  const notes: SourcingNote[] = [];
  const ownOutlets = ownOutletsOf(sentences);
  for (const { text } of sentences) {
    if (ANONYMOUS.test(text)) {
      notes.push({
        kind: 'anonymous_source',
        note: 'Relies on a source the article does not name.',
        quote: text,
      });
    }
    const media = secondhandSource(text, ownOutlets);
    const relay = media || !/\b(?:contact|touch)\b/.test(text) ? null : RELAYS_OTHERS.exec(text);
    if (media) {
      notes.push({
        kind: 'secondhand',
        note: `Second-hand: relayed from ${media}, not reported first-hand.`,
        quote: text,
      });
    } else if (relay) {
      notes.push({
        kind: 'secondhand',
        note: `Second-hand: ${relay[1]!.trim()} passes on what it hears from ${relay[2]!.trim()}.`,
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
  const lead = headlineFigure(figures);
  if (lead) {
    const rivalled =
      figures.some((f) => f !== lead && !runningTotal(f) && rivalCounts(lead, f, false)) ||
      countedAgainst(lead, findContested(sentences, figures), figures);
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
