// Counts a party denies or calls false: "Police denied that 20 people were killed", "Rumors that 100 people had
// died were untrue", "Officials dismissed claims that 50 people had died", "had no evidence that 40 civilians
// were killed". Such a count is the claim in a dispute, not a toll anyone states: shown as "20 people killed"
// and credited to the police it would say the opposite of what they said. A count a source states and another
// then disputes ("said 150 were hurt, a figure the ministry disputed") is still that source's figure; only a
// count inside the denial itself is read here.

// A denial and the start of what it denies: "denied that", "denied killing", "dismissed claims that", "rumours
// of", "no evidence that", "rejected the figure of". A bare "disputed" is not one ("in the disputed region").
const CLAIM_NOUN =
  '(?:claims?|reports?|rumou?rs?|allegations?|accounts?|suggestions?|assertions?|speculation)';
// "rejected the figure of 300", "denied the death toll of 50": the count a party rejects, named as a count.
const COUNT_NOUN = '(?:(?:death\\s+)?(?:figures?|toll|tally|count|number|estimates?))';
const DENIAL = new RegExp(
  [
    `\\bden(?:y|ies|ied|ying)\\s+(?:(?:the\\s+|any\\s+|those\\s+)?${CLAIM_NOUN}\\s+)?(?:that\\b|of\\b|[a-z]+ing\\b)`,
    `\\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|disput(?:es|ed|ing)|refut(?:es|ed|ing)|rebut(?:s|ted|ting)?|deb(?:unk|unked|unking))\\s+(?:the\\s+|those\\s+|these\\s+|any\\s+|their\\s+|its\\s+)?(?:${CLAIM_NOUN}\\s+(?:that|of)|${COUNT_NOUN}\\s+of)\\b`,
    '\\bno\\s+(?:evidence|proof|indication)\\s+(?:that|of)\\b',
    `\\bno\\s+truth\\s+(?:to|in)\\s+(?:the\\s+)?${CLAIM_NOUN}\\s+(?:that|of)\\b`,
    `\\b(?:false|untrue|baseless|unfounded|fabricated|fake|bogus)\\s+${CLAIM_NOUN}\\s+(?:that|of)\\b`,
    // "Rumours circulated on social media that 100 people had died".
    "\\brumou?r(?:s|ed)?(?:\\s+[\\w'’-]+){0,5}?\\s+(?:that|of)\\b",
    '\\b(?:not|never)\\s+true\\s+that\\b',
    '\\b(?:falsely|wrongly)\\s+(?:claimed|claims|claiming|said|says|reported|reports|stated)\\b',
  ].join('|'),
  'gi',
);
// What ends the denied clause before the count: a clause break, a new statement ("but health officials said
// 30 were killed", "saying only two had died").
const CLAUSE_END =
  /[,;:!?—–]|\b(?:said|says|say|saying|told|tells|reported|reporting|according to|confirmed|added|stated|estimated|but|while|whereas|though|although|however)\b/i;
// "Reports that 20 people were killed were false", "the figure of 300 was exaggerated", "Claims circulating
// online that 12 had died", "Social media posts claiming 200 were dead": the claim named before the count (a
// few words may describe it), called false after it.
const CLAIM_CARRIER = `(?:${CLAIM_NOUN}|posts?|messages?|videos?|footage|images?|pictures?)`;
const CLAIM_BEFORE = new RegExp(
  `\\b(?:${CLAIM_CARRIER}(?:\\s+(?!said\\b|says\\b|told\\b)[\\w'’-]+){0,5}?\\s+(?:that|of|claiming|saying|alleging|suggesting|showing)|${COUNT_NOUN}\\s+of)\\s+$`,
  'i',
);
// How far before a count its claim may be named: "Claims circulating on social media last week that".
const CLAIM_REACH = 90;
const FALSE_WORD =
  '(?:false|untrue|baseless|unfounded|exaggerated|inaccurate|incorrect|wrong|fabricated|fake|groundless|overblown|inflated|lies|not true)';
// "…were false", "…was greatly exaggerated", or right after the count: "called the toll of 500 exaggerated".
const CALLED_FALSE = new RegExp(
  `^(?:\\s+${FALSE_WORD}\\b|[^;]{0,120}?\\b(?:were|was|are|is|been|be)\\s+(?:(?!not\\b|never\\b)[\\w'’-]+\\s+){0,2}?${FALSE_WORD}\\b)`,
  'i',
);
// A denial is read this far before a count: the longest such phrase is well under this, and a sentence of
// thousands of counts must not be read from its start for each of them.
const REACH = 160;

// Every denial or falsity cue above has one of these words.
const HINT =
  /\b(?:den(?:y|ies|ied|ying)|reject|dismiss|disput|refut|rebut|debunk|no\s+(?:evidence|proof|indication|truth)|false|untrue|baseless|unfounded|fabricated|fake|bogus|rumou?r|true\s+that|wrongly|exaggerated|inaccurate|incorrect|wrong|groundless|overblown|inflated|lies)/i;

/** Whether a sentence may hold a denied count at all: most sentences have no word a denial needs. */
export function mayDeny(sentence: string): boolean {
  return HINT.test(sentence);
}

/** Whether the count at [start, end) of sentence `s` is what a denial or a rumour says, not a stated figure. */
export function isDeniedCount(s: string, start: number, end: number): boolean {
  const before = s.slice(Math.max(0, start - REACH), start);
  if (CLAIM_BEFORE.test(before.slice(-CLAIM_REACH)) && CALLED_FALSE.test(s.slice(end, end + 200)))
    return true;
  let last: RegExpExecArray | null = null;
  DENIAL.lastIndex = 0;
  for (let m = DENIAL.exec(before); m; m = DENIAL.exec(before)) last = m;
  return last !== null && !CLAUSE_END.test(before.slice(last.index + last[0].length));
}
