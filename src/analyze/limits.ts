// How much text the analyzers read. The analyzer runs on the bot's main thread, so its cost must stay bounded
// whatever a page holds: the fetcher lets through 5 MB of decoded text, from which the extractor can make
// half a million words. Every stage is kept near-linear in what it reads; these caps bound what it reads, and
// the Analysis says so when they cut the article (`partial`), the way a paywalled read is reported
// (readable.ts applies the article caps).

/**
 * Words read from an article. Long-form news runs to a few thousand words and real articles stay well under
 * 20,000; a page longer than that is a dump, a list or an attack, and its first 20,000 words are what an
 * editor can use. The figure is also what bounds the number of sentences and figures every later stage sees.
 */
export const MAX_ANALYZED_WORDS = 20_000;

/**
 * Characters read from an article, for text whose "words" are not words (one 5 MB token has no spaces to
 * count). 20,000 words of English run to about 120,000 characters.
 */
export const MAX_ANALYZED_CHARS = 200_000;

/**
 * The longest stretch read as one sentence. Real news sentences stay under 1,000 characters (the labelled set's
 * longest quote is under 300); a longer run with no sentence break is a list or a flattened table, and is read
 * in pieces of at most this size, each a verbatim slice of the text, so a figure's quote stays short and a
 * sentence of thousands of counts is read piece by piece.
 */
export const MAX_SENTENCE_CHARS = 1_000;

/** Why the analysis says it read only part of the article when these caps cut it. */
export const TOO_LONG_REASON = 'very long article';

/**
 * Items read from each list of the model's reply, and quotes from each of its claims. A reply to a real article
 * lists a few dozen figures and a handful of claims; a longer one (a model talked into repeating itself, or a
 * misbehaving server) is not a reading of the article, and checking every item against the text costs a pass
 * over the text each. Items past these caps are left out unread, as surplus summary bullets are.
 */
export const MAX_MODEL_ITEMS = 200;
export const MAX_MODEL_QUOTES = 10;
