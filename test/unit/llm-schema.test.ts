import Ajv2020 from 'ajv/dist/2020';
import { MODEL_REPLY_JSON_SCHEMA, parseModelReply } from '../../src/analyze/llm-schema';

const reply = {
  summary: ['Officials said 30 civilians were killed.'],
  casualties: [
    { countText: '30', kind: 'killed', who: 'civilians', attributedTo: null, partOf: null, quote: 'q' },
  ],
  contested: [{ claim: 'c', claimant: 'a', disputedBy: 'b', quotes: ['q'] }],
  sourcing: [{ kind: 'single_source', note: 'n', quote: 'q' }],
};

type Node = {
  type?: unknown;
  properties?: Record<string, Node>;
  items?: Node;
  required?: string[];
  additionalProperties?: unknown;
};

describe('the model reply schema', () => {
  it('meets strict structured-output rules: every object closed, every key required', () => {
    const visit = (node: Node): void => {
      if (node.properties) {
        expect(node.additionalProperties).toBe(false);
        expect([...(node.required ?? [])].sort()).toEqual(Object.keys(node.properties).sort());
        Object.values(node.properties).forEach(visit);
      }
      if (node.items) visit(node.items);
    };
    visit(MODEL_REPLY_JSON_SCHEMA as unknown as Node);
  });

  it('accepts the same replies as the zod validator', () => {
    const validate = new Ajv2020({ strict: false }).compile(MODEL_REPLY_JSON_SCHEMA);
    expect(validate(reply)).toBe(true);
    expect(parseModelReply(JSON.stringify(reply)).ok).toBe(true);
    const bad = { ...reply, casualties: [{ ...reply.casualties[0], kind: 'dead' }] };
    expect(validate(bad)).toBe(false);
    expect(parseModelReply(JSON.stringify(bad))).toEqual({ ok: false, problem: 'schema' });
  });

  it('reads JSON wrapped in a Markdown fence and rejects broken JSON', () => {
    expect(parseModelReply('```json\n' + JSON.stringify(reply) + '\n```').ok).toBe(true);
    expect(parseModelReply(JSON.stringify(reply).slice(0, 50))).toEqual({
      ok: false,
      problem: 'invalid_json',
    });
  });
});
