// The Slack reply when an LLM is configured (a local OpenAI-compatible fake, through the real openai client):
// what the model invents never reaches the channel, and a model outage still gets an answer.
import { FakeOpenAIServer } from '../fakes/openai-server';
import { SOHR_TOTAL_FROM_MODEL } from '../support/articles';
import {
  accepted,
  SEED_HTML,
  eventBody,
  mention,
  postEvent,
  startHarness,
  visibleText,
  type Harness,
} from './harness';

let h: Harness;
let model: FakeOpenAIServer;
beforeAll(async () => {
  model = await FakeOpenAIServer.start();
  h = await startHarness({
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: model.baseURL,
    OPENAI_MODEL: 'gpt-e2e',
  });
});
afterAll(async () => {
  await h.close();
  await model.close();
});

async function answerIn(channel: string, path: string): Promise<string> {
  h.articles.serveFile(path, SEED_HTML);
  await postEvent(h, eventBody(mention(`<${h.articles.origin}${path}>`, { channel })));
  await h.slack.waitFor(() => accepted(h, 'chat.update', channel).length === 1, 10_000);
  return visibleText(accepted(h, 'chat.update', channel)[0]!.args);
}

describe('with a model configured', () => {
  it('shows only what the article says, and counts what the model invented', async () => {
    model.reply({
      type: 'completion',
      model: 'gpt-e2e',
      usage: { prompt_tokens: 900, completion_tokens: 200 },
      content: {
        summary: ['U.S. defense officials said Russian airstrikes in Syria are not hitting ISIS targets.'],
        casualties: [
          SOHR_TOTAL_FROM_MODEL,
          {
            countText: '500',
            kind: 'killed',
            who: 'fighters',
            attributedTo: 'the Pentagon',
            partOf: null,
            quote: 'The Pentagon said 500 fighters were killed.',
          },
        ],
        contested: [],
        sourcing: [],
      },
    });
    const shown = await answerIn('CLLM', '/llm-ok');
    expect(shown).toContain('*30* civilians killed — per the Syrian Observatory for Human Rights');
    expect(shown).not.toContain('500');
    expect(shown).not.toContain('Pentagon');
    expect(shown).toMatch(
      /Analysis by gpt-e2e, checked against the article text · 1 item dropped: not supported by the article/,
    );
    expect(model.requests[0]!.body.model).toBe('gpt-e2e');
  });

  it('never shows the seed’s 30 civilians killed as wounded, however the model tells them', async () => {
    model.reply({
      type: 'completion',
      model: 'gpt-e2e',
      content: {
        summary: ['Russian strikes wounded 30 civilians, the Syrian Observatory for Human Rights said.'],
        casualties: [{ ...SOHR_TOTAL_FROM_MODEL, kind: 'injured' }],
        contested: [],
        sourcing: [],
      },
    });
    const shown = await answerIn('CKIND', '/llm-kind');
    expect(shown).toContain('*30* civilians killed — per the Syrian Observatory for Human Rights');
    expect(shown).not.toMatch(/wounded 30|30\* civilians (?:injured|wounded)/);
    // The bullet gives way to the article's own sentence.
    expect(shown).toContain(
      'the Russian strikes had killed 30 civilians, including six children and six women.',
    );
    expect(shown).toMatch(/2 items dropped/);
  });

  it('answers with the offline analysis and says the model was unavailable when it keeps failing', async () => {
    model.otherwise({ type: 'error', status: 503, headers: { 'retry-after-ms': '0' } });
    const shown = await answerIn('CDOWN', '/llm-down');
    expect(shown).toContain('Model unavailable — offline analysis');
    expect(shown).toContain('*30* civilians killed — per the Syrian Observatory for Human Rights');
  });
});
