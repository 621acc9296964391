// The Analysis contract, mirrored from ../shared/analysis.schema.json. Every stage, the CLI's --json and the
// Slack reply obey it; test/unit/schema.test.ts validates real output against the schema file itself.

export type Qualifier =
  'exact' | 'at_least' | 'more_than' | 'about' | 'up_to' | 'fewer_than' | 'range' | 'vague';
export type CasualtyKind = 'killed' | 'injured' | 'missing' | 'displaced' | 'detained' | 'affected' | 'other';
export type SourcingKind =
  'anonymous_source' | 'secondhand' | 'single_source' | 'unverified' | 'update' | 'other';

export interface CasualtyFigure {
  /** The number as written in the article: '30', 'six', 'at least 12'. Verbatim. */
  countText: string;
  min: number | null;
  max: number | null;
  qualifier: Qualifier;
  kind: CasualtyKind;
  /** Who the people are, in the article's words. */
  who: string | null;
  /** Verbatim source of the figure; null when the article states it on its own authority. */
  attributedTo: string | null;
  /** Index in the casualties array of the larger figure this one is a subset of. */
  partOf: number | null;
  /** The sentence that states the figure, verbatim. */
  quote: string;
}

export interface ContestedClaim {
  claim: string;
  claimant: string;
  disputedBy: string;
  quotes: string[];
}

export interface SourcingNote {
  kind: SourcingKind;
  note: string;
  quote: string;
}

export interface AnalyzerInfo {
  kind: 'llm' | 'offline';
  model?: string | null;
  fallbackReason?: string | null;
  droppedUngrounded?: number;
  promptTokens?: number | null;
  completionTokens?: number | null;
  ms?: number | null;
}

/** How `fallbackReason` begins when a model was set up but failed, so the offline analyzer answered instead. */
export const MODEL_UNAVAILABLE = 'model unavailable';

/** The model was meant to answer and could not (an outage, a timeout, a bad reply), not merely absent. */
export function modelWasUnavailable(info: AnalyzerInfo): boolean {
  return info.fallbackReason?.startsWith(MODEL_UNAVAILABLE) === true;
}

export interface Analysis {
  url: string;
  finalUrl?: string | null;
  title: string;
  site?: string | null;
  byline?: string | null;
  published?: string | null;
  updated?: string | null;
  language?: string | null;
  wordCount?: number;
  summary: string[];
  casualties: CasualtyFigure[];
  contested: ContestedClaim[];
  sourcing: SourcingNote[];
  analyzer: AnalyzerInfo;
  /** Set when only part of the article could be read (paywall, consent wall, truncated page). */
  partial?: { wordsRead: number; reason: string } | null;
}

/** The parts of an Analysis an analyzer produces; the pipeline adds the article's metadata around them. */
export type Findings = Pick<Analysis, 'summary' | 'casualties' | 'contested' | 'sourcing'>;
