// What the model must return: the Analysis findings minus min/max/qualifier, which grounding recomputes
// from countText (the model's integers are never trusted). Field names and meanings follow
// ../shared/analysis.schema.json. The JSON schema is what the server enforces (strict structured outputs);
// the zod validator is what we enforce, since json_object mode and some OpenAI-compatible servers do not.
import { z } from 'zod';

const CASUALTY_KINDS = [
  'killed',
  'injured',
  'missing',
  'displaced',
  'detained',
  'affected',
  'other',
] as const;
const SOURCING_KINDS = [
  'anonymous_source',
  'secondhand',
  'single_source',
  'unverified',
  'update',
  'other',
] as const;

const nullableString = (description: string) => ({ type: ['string', 'null'], description });

/** JSON schema for `response_format: {type: 'json_schema', strict: true}`: every key required, no extras. */
export const MODEL_REPLY_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['summary', 'casualties', 'contested', 'sourcing'],
  properties: {
    summary: {
      type: 'array',
      description:
        '3 to 5 neutral bullet sentences. Attributed claims stay attributed ("Russia says…", not "Russia hit…"). Use only numbers that appear in the article.',
      items: { type: 'string' },
    },
    casualties: {
      type: 'array',
      description:
        'Every count of people killed, injured, missing, displaced, detained or otherwise affected that the article states. A subset ("including six children") is its own item with partOf pointing at the total, never added to it.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['countText', 'kind', 'who', 'attributedTo', 'partOf', 'quote'],
        properties: {
          countText: {
            type: 'string',
            description: 'The number exactly as written in the quote: "30", "six", "at least 12", "dozens".',
          },
          kind: {
            type: 'string',
            enum: [...CASUALTY_KINDS],
            description:
              'What happened to them: killed (dead, died, death toll), injured (wounded, hurt, hospitalised), missing, displaced (fled, evacuated, homeless), detained (arrested, abducted), affected (sickened, infected), other.',
          },
          who: nullableString('Who the people are, in the article\'s words: "civilians", "children".'),
          attributedTo: nullableString(
            'The source the article gives for this figure, copied verbatim; null if the article states it on its own authority.',
          ),
          partOf: {
            type: ['integer', 'null'],
            description:
              'Index in this casualties array of the total this figure is a subset of; null if none.',
          },
          quote: {
            type: 'string',
            description: 'The sentence of the article that states the figure, verbatim.',
          },
        },
      },
    },
    contested: {
      type: 'array',
      description: 'Assertions that one party makes and another party disputes in this article.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['claim', 'claimant', 'disputedBy', 'quotes'],
        properties: {
          claim: { type: 'string', description: 'The disputed assertion, neutrally worded.' },
          claimant: { type: 'string', description: 'Who asserts it, verbatim from the article.' },
          disputedBy: { type: 'string', description: 'Who disputes it, verbatim from the article.' },
          quotes: {
            type: 'array',
            items: { type: 'string' },
            description: 'Verbatim sentences of the article showing the claim and the dispute.',
          },
        },
      },
    },
    sourcing: {
      type: 'array',
      description:
        'Notes a standards editor would want: anonymous sources, second-hand reports, single-source figures, unverified claims, updated copy.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['kind', 'note', 'quote'],
        properties: {
          kind: {
            type: 'string',
            enum: [...SOURCING_KINDS],
            description:
              'anonymous_source (an unnamed source), secondhand (relayed from another outlet), single_source (a figure only one source gives), unverified (the article says it could not verify), update (the story was updated or corrected), other.',
          },
          note: { type: 'string', description: 'One short sentence for the editor.' },
          quote: { type: 'string', description: 'The passage the note is about, verbatim from the article.' },
        },
      },
    },
  },
} as const;

export const MODEL_REPLY_SCHEMA_NAME = 'newsdesk_findings';

// Nullable fields may be missing in json_object mode; that is not worth a retry, so they default to null.
const optionalNullableString = z
  .string()
  .nullable()
  .optional()
  .transform((v) => v ?? null);

export const modelReplySchema = z.object({
  summary: z.array(z.string()),
  casualties: z.array(
    z.object({
      countText: z.string(),
      kind: z.enum(CASUALTY_KINDS),
      who: optionalNullableString,
      attributedTo: optionalNullableString,
      partOf: z
        .number()
        .int()
        .min(0)
        .nullable()
        .optional()
        .transform((v) => v ?? null),
      quote: z.string(),
    }),
  ),
  contested: z.array(
    z.object({
      claim: z.string(),
      claimant: z.string(),
      disputedBy: z.string(),
      quotes: z.array(z.string()),
    }),
  ),
  sourcing: z.array(z.object({ kind: z.enum(SOURCING_KINDS), note: z.string(), quote: z.string() })),
});

/** The model's findings after validation, before grounding. */
export type ModelReply = z.infer<typeof modelReplySchema>;

export type ParseResult = { ok: true; reply: ModelReply } | { ok: false; problem: 'invalid_json' | 'schema' };

/** Parses and validates the model's message content; never throws. */
export function parseModelReply(content: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(stripCodeFence(content));
  } catch {
    return { ok: false, problem: 'invalid_json' };
  }
  const parsed = modelReplySchema.safeParse(data);
  return parsed.success ? { ok: true, reply: parsed.data } : { ok: false, problem: 'schema' };
}

// Some local models wrap JSON in a Markdown fence even in JSON mode.
function stripCodeFence(content: string): string {
  const m = /^\s*```(?:json)?\s*\n([\s\S]*?)\n?```\s*$/.exec(content);
  return m ? m[1]! : content;
}
