import * as path from 'node:path';
import { App, LogLevel as BoltLogLevel, SocketModeReceiver } from '@slack/bolt';
import { LogLevel as SocketLogLevel, SocketModeClient } from '@slack/socket-mode';
import { ErrorCode, LogLevel, WebClient } from '@slack/web-api';
import type {
  ChatUpdateArguments,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
} from '@slack/web-api';
import { ArticleServer } from '../fakes/article-server';
import { FakeSlack } from '../fakes/slack';

const fixture = (name: string): string => path.resolve(process.cwd(), '../shared/fixtures', name);

let fake: FakeSlack;
let client: WebClient;

function clientWith(token: string): WebClient {
  return new WebClient(token, {
    slackApiUrl: fake.url,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logLevel: LogLevel.ERROR,
  });
}

/** The error a call fails with (the test fails if it succeeds). */
async function failure<E = Error>(p: Promise<unknown>): Promise<E> {
  try {
    await p;
  } catch (err) {
    return err as E;
  }
  throw new Error('expected the call to fail');
}

/** web-api's own block type (it does not re-export @slack/types). */
type Blocks = NonNullable<Extract<ChatUpdateArguments, { blocks?: unknown }>['blocks']>;
type Block = Blocks[number];
const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text } });

beforeAll(async () => {
  fake = await FakeSlack.start();
  client = clientWith('xoxb-test');
});

afterAll(async () => {
  await fake.close();
});

beforeEach(() => {
  fake.calls.length = 0;
  fake.rejected.length = 0;
  fake.responses.length = 0;
});

// console.error from the fake's rejection log is expected in several tests; keep the output readable.
let errorSpy: jest.SpyInstance;
beforeEach(() => {
  errorSpy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => errorSpy.mockRestore());

describe('Web API: accepted calls', () => {
  test('auth.test identifies the bot the way Bolt needs (user_id, bot_id, team_id)', async () => {
    const res = await client.auth.test();
    expect(res).toMatchObject({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' });
  });

  test('a valid chat.postMessage is accepted, recorded with decoded blocks, and gets increasing ts', async () => {
    const blocks: Blocks = [section('*Summary*'), { type: 'divider' }];
    const first = await client.chat.postMessage({
      channel: 'C1',
      text: 'hello',
      blocks,
      unfurl_links: false,
    });
    const second = await client.chat.postMessage({ channel: 'C1', text: 'again' });

    expect(first.ok).toBe(true);
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(first.message?.text).toBe('hello');
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    const calls = fake.callsTo('chat.postMessage');
    expect(calls).toHaveLength(2);
    expect(calls[0]?.args).toMatchObject({ channel: 'C1', text: 'hello', blocks, unfurl_links: 'false' });
    expect(calls[0]?.token).toBe('xoxb-test');
    expect(calls[0]?.outcome).toEqual({ status: 200, ok: true });
    expect(fake.rejected).toEqual([]);
  });

  test('thread replies are stored and listed by conversations.replies after the seeded parent', async () => {
    fake.seedMessage('C9', { ts: '1600000000.000100', text: 'look at <https://example.com/a>', user: 'U1' });
    const reply = await client.chat.postMessage({
      channel: 'C9',
      text: 'summary',
      thread_ts: '1600000000.000100',
    });

    const thread = await client.conversations.replies({ channel: 'C9', ts: '1600000000.000100' });
    expect(thread.messages?.map((m) => m.text)).toEqual(['look at <https://example.com/a>', 'summary']);
    expect(thread.messages?.[1]).toMatchObject({
      ts: reply.ts,
      bot_id: 'BBOT',
      thread_ts: '1600000000.000100',
    });

    const history = await client.conversations.history({ channel: 'C9' });
    expect(history.messages?.map((m) => m.text)).toEqual(['look at <https://example.com/a>']);
  });

  test('chat.update replaces the bot message; updating a user message is refused', async () => {
    const posted = await client.chat.postMessage({ channel: 'C2', text: 'working…' });
    await client.chat.update({ channel: 'C2', ts: posted.ts ?? '', text: 'done' });
    expect(fake.message('C2', posted.ts ?? '')?.text).toBe('done');

    fake.seedMessage('C2', { ts: '1600000000.000200', text: 'mine', user: 'U1' });
    const err = await failure<WebAPIPlatformError>(
      client.chat.update({ channel: 'C2', ts: '1600000000.000200', text: 'x' }),
    );
    expect(err.data.error).toBe('cant_update_message');
  });

  test('reactions, ephemeral messages, permalinks and setStatus answer like Slack', async () => {
    await client.reactions.add({ channel: 'C3', timestamp: '1600000000.000300', name: 'eyes' });
    expect(fake.reactions('C3', '1600000000.000300')).toEqual(['eyes']);
    const again = await failure<WebAPIPlatformError>(
      client.reactions.add({ channel: 'C3', timestamp: '1600000000.000300', name: 'eyes' }),
    );
    expect(again.data.error).toBe('already_reacted');

    const eph = await client.chat.postEphemeral({ channel: 'C3', user: 'U1', text: 'only you' });
    expect(eph.message_ts).toMatch(/^\d+\.\d+$/);

    const posted = await client.chat.postMessage({ channel: 'C3', text: 'x' });
    const link = await client.chat.getPermalink({ channel: 'C3', message_ts: posted.ts ?? '' });
    expect(link.permalink).toContain('/archives/C3/p');

    await client.assistant.threads.setStatus({
      channel_id: 'C3',
      thread_ts: posted.ts ?? '',
      status: 'reading…',
    });
    expect(fake.callsTo('assistant.threads.setStatus')).toHaveLength(1);
    expect(fake.rejected).toEqual([]);
  });

  test('the streaming methods missing from the 2020 spec work through web-api', async () => {
    const start = await client.chat.startStream({
      channel: 'C4',
      thread_ts: '1600000000.000400',
      markdown_text: 'Sum',
    });
    await client.chat.appendStream({ channel: 'C4', ts: start.ts as string, markdown_text: 'mary' });
    await client.chat.stopStream({ channel: 'C4', ts: start.ts as string, blocks: [section('done')] });
    expect(fake.message('C4', start.ts as string)).toMatchObject({ text: 'Summary', stream: 'stopped' });
    expect(fake.rejected).toEqual([]);
  });
  test('JSON bodies work too, with blocks and metadata as objects', async () => {
    const post = (body: object): Promise<Record<string, unknown>> =>
      fetch(`${fake.url}chat.postMessage`, {
        method: 'POST',
        headers: { authorization: 'Bearer xoxb-test', 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<Record<string, unknown>>);
    const metadata = { event_type: 'newsdesk_analysis', event_payload: { url: 'https://x.test/a' } };
    expect(await post({ channel: 'C5', text: 'x', blocks: [section('ok')], metadata })).toMatchObject({
      ok: true,
    });
    expect(fake.callsTo('chat.postMessage')[0]?.args.metadata).toEqual(metadata);
    expect(
      await post({ channel: 'C5', text: 'x', blocks: [{ type: 'header', text: 'not an object' }] }),
    ).toEqual({
      ok: false,
      error: 'invalid_blocks',
    });
  });

  test('conversations.history lists top-level messages newest first, in pages', async () => {
    for (const n of [1, 2, 3])
      fake.seedMessage('C6', { ts: `1600000000.00000${n}`, text: `m${n}`, user: 'U1' });
    fake.seedMessage('C6', {
      ts: '1600000000.000009',
      text: 'reply',
      user: 'U2',
      thread_ts: '1600000000.000001',
    });
    const first = await client.conversations.history({ channel: 'C6', limit: 2 });
    expect(first.messages?.map((m) => m.text)).toEqual(['m3', 'm2']);
    expect(first.has_more).toBe(true);
    const rest = await client.conversations.history({
      channel: 'C6',
      limit: 2,
      cursor: first.response_metadata?.next_cursor ?? '',
    });
    expect(rest.messages?.map((m) => m.text)).toEqual(['m1']);
    expect(rest.messages?.[0]).toMatchObject({ reply_count: 1, thread_ts: '1600000000.000001' });
  });
});

describe('Web API: calls real Slack would refuse', () => {
  test('an unknown method is rejected with unknown_method', async () => {
    const err = await failure<WebAPIPlatformError>(
      client.apiCall('chat.postMesage', { channel: 'C1', text: 'x' }),
    );
    expect(err.code).toBe(ErrorCode.PlatformError);
    expect(err.data.error).toBe('unknown_method');
    expect(fake.rejected).toEqual([expect.objectContaining({ method: 'chat.postMesage' })]);
    expect(fake.calls).toEqual([]);
  });

  test('a missing required argument (channel) is rejected with invalid_arguments', async () => {
    const err = await failure<WebAPIPlatformError>(client.apiCall('chat.postMessage', { text: 'x' }));
    expect(err.data.error).toBe('invalid_arguments');
    expect(fake.rejected[0]?.reason).toMatch(/missing required channel/);
  });

  test('an argument name the spec does not know is rejected', async () => {
    const err = await failure<WebAPIPlatformError>(
      client.apiCall('chat.postMessage', { channel: 'C1', text: 'x', thread: '1.2' }),
    );
    expect(err.data.error).toBe('invalid_arguments');
    expect(fake.rejected[0]?.reason).toMatch(/unknown argument thread/);
  });

  test('a wrong token is invalid_auth, and the app token only opens connections', async () => {
    const wrong = await failure<WebAPIPlatformError>(
      clientWith('xoxb-wrong').chat.postMessage({ channel: 'C1', text: 'x' }),
    );
    expect(wrong.data.error).toBe('invalid_auth');
    const appTok = await failure<WebAPIPlatformError>(
      clientWith('xapp-test').chat.postMessage({ channel: 'C1', text: 'x' }),
    );
    expect(appTok.data.error).toBe('invalid_auth');
    const botOpens = await failure<WebAPIPlatformError>(client.apps.connections.open());
    expect(botOpens.data.error).toBe('invalid_auth');
    expect(fake.calls).toEqual([]);
  });

  const manyDividers = (n: number): object[] => Array.from({ length: n }, () => ({ type: 'divider' }));
  const mrkdwn = (n: number): object[] => Array.from({ length: n }, () => ({ type: 'mrkdwn', text: 'x' }));
  test.each<[string, Record<string, unknown>, string]>([
    ['more than 50 blocks', { blocks: manyDividers(51) }, 'invalid_blocks'],
    ['a section over 3000 chars', { blocks: [section('a'.repeat(3001))] }, 'invalid_blocks'],
    [
      'a mrkdwn header',
      { blocks: [{ type: 'header', text: { type: 'mrkdwn', text: 'x' } }] },
      'invalid_blocks',
    ],
    [
      'a header over 150 chars',
      { blocks: [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }] },
      'invalid_blocks',
    ],
    ['a context with 11 elements', { blocks: [{ type: 'context', elements: mrkdwn(11) }] }, 'invalid_blocks'],
    [
      'a block_id over 255 chars',
      { blocks: [{ type: 'divider', block_id: 'b'.repeat(256) }] },
      'invalid_blocks',
    ],
    [
      'duplicate block_ids',
      {
        blocks: [
          { type: 'divider', block_id: 'a' },
          { type: 'divider', block_id: 'a' },
        ],
      },
      'invalid_blocks',
    ],
    ['an unknown block type', { blocks: [{ type: 'sektion', text: 'x' }] }, 'invalid_blocks'],
    [
      'five sections of 2,900 chars',
      { blocks: Array.from({ length: 5 }, () => section('s'.repeat(2900))) },
      'msg_blocks_too_long',
    ],
    ['text over 40,000 chars', { text: 't'.repeat(40001) }, 'msg_too_long'],
    ['neither text nor blocks', { text: undefined }, 'no_text'],
  ])('%s is refused', async (_label, content, error) => {
    const err = await failure<WebAPIPlatformError>(
      client.apiCall('chat.postMessage', { channel: 'C1', text: 'fallback', ...content }),
    );
    expect(err.data.error).toBe(error);
    expect(fake.rejected).toEqual([expect.objectContaining({ method: 'chat.postMessage' })]);
    expect(fake.calls).toEqual([]);
  });

  test('blocks just inside every limit are accepted', async () => {
    const blocks: Blocks = [
      { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(150) } },
      section('a'.repeat(3000)),
      { type: 'context', elements: Array.from({ length: 10 }, () => ({ type: 'mrkdwn', text: 'c' })) },
      ...Array.from({ length: 47 }, (_, i) => ({ type: 'divider', block_id: `d${i}` })),
    ];
    const res = await client.chat.postMessage({ channel: 'C1', text: 'fallback', blocks });
    expect(res.ok).toBe(true);
    expect(fake.rejected).toEqual([]);
  });
});

describe('Web API: scripted failures', () => {
  test('a 429 surfaces as WebAPIRateLimitedError with retryAfter, then calls succeed again', async () => {
    fake.fail('chat.postMessage', { status: 429, retryAfter: 7 });
    const err = await failure<WebAPIRateLimitedError>(client.chat.postMessage({ channel: 'C1', text: 'x' }));
    expect(err.code).toBe(ErrorCode.RateLimitedError);
    expect(err.retryAfter).toBe(7);
    expect((await client.chat.postMessage({ channel: 'C1', text: 'x' })).ok).toBe(true);
    expect(fake.callsTo('chat.postMessage').map((c) => c.outcome?.status)).toEqual([429, 200]);
  });

  test('a 500 surfaces as WebAPIHTTPError', async () => {
    fake.fail('chat.update', { status: 500 });
    const err = await failure<WebAPIHTTPError>(
      client.chat.update({ channel: 'C1', ts: '1.000001', text: 'x' }),
    );
    expect(err.code).toBe(ErrorCode.HTTPError);
    expect(err.statusCode).toBe(500);
  });

  test('an {ok:false} error hits only matching calls, `times` times', async () => {
    fake.fail('chat.postMessage', { error: 'not_in_channel', times: 2, when: (a) => a.channel === 'CPRIV' });
    const ok = await client.chat.postMessage({ channel: 'COPEN', text: 'x' });
    expect(ok.ok).toBe(true);
    for (let i = 0; i < 2; i++) {
      const err = await failure<WebAPIPlatformError>(
        client.chat.postMessage({ channel: 'CPRIV', text: 'x' }),
      );
      expect(err.data.error).toBe('not_in_channel');
    }
    expect((await client.chat.postMessage({ channel: 'CPRIV', text: 'x' })).ok).toBe(true);
  });

  test('hold() keeps a method unanswered until release, and waitFor sees the pending call', async () => {
    const held = fake.hold('chat.postMessage');
    let answered = false;
    const pending = client.chat.postMessage({ channel: 'C1', text: 'x' }).then(() => (answered = true));
    await fake.waitFor((f) => f.callsTo('chat.postMessage').length === 1);
    expect(answered).toBe(false);
    held.release();
    await pending;
    expect(answered).toBe(true);
  });

  test('waitFor times out with a message listing the calls made', async () => {
    await client.chat.postMessage({ channel: 'C1', text: 'only call' });
    await expect(fake.waitFor((f) => f.callsTo('chat.update').length > 0, 50)).rejects.toThrow(
      /timed out[\s\S]*chat\.postMessage -> ok/,
    );
  });
});

describe('response_url sink', () => {
  test('records JSON posts; refuses bad blocks and a sixth use', async () => {
    const url = fake.responseUrl();
    const post = (body: object): Promise<Response> =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    const first = await post({ response_type: 'ephemeral', text: 'Working on it' });
    expect(first.status).toBe(200);
    expect(await first.text()).toBe('ok');
    expect(fake.responses).toEqual([
      { id: expect.any(String), body: { response_type: 'ephemeral', text: 'Working on it' } },
    ]);

    const bad = await post({ text: 'x', blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) });
    expect(bad.status).toBe(400);
    for (let i = 0; i < 4; i++) expect((await post({ text: `update ${i}` })).status).toBe(200);
    expect((await post({ text: 'one too many' })).status).toBe(404);
    expect(fake.responses).toHaveLength(5);
    expect(fake.rejected.map((r) => r.reason)).toEqual([
      expect.stringMatching(/invalid_blocks/),
      expect.stringMatching(/more than 5/),
    ]);
  });
});

test('a response_url the fake never issued is refused', async () => {
  const res = await fetch(`${new URL(fake.url).origin}/response/R999`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text: 'x' }),
  });
  expect(res.status).toBe(404);
  expect(fake.rejected).toEqual([expect.objectContaining({ method: 'response_url' })]);
});

describe('Socket Mode', () => {
  let sm: SocketModeClient | undefined;
  afterEach(async () => {
    await sm?.disconnect();
    sm = undefined;
  });

  test('round trip: hello, an event and a slash command acked with a payload, reconnect on disconnect', async () => {
    sm = new SocketModeClient({
      appToken: 'xapp-test',
      clientOptions: { slackApiUrl: fake.url },
      logLevel: SocketLogLevel.ERROR,
      // The client waits this long (× consecutive failures) before reconnecting; its default is 5 s.
      clientPingTimeout: 300,
    });
    const seen: string[] = [];
    sm.on('app_mention', async ({ ack, event }: { ack: () => Promise<void>; event: { text: string } }) => {
      seen.push(event.text);
      await ack();
    });
    sm.on(
      'slash_commands',
      async ({ ack, body }: { ack: (r: object) => Promise<void>; body: { text: string } }) => {
        await ack({ text: `working on ${body.text}` });
      },
    );
    await sm.start();
    await fake.socketMode.connected();
    expect(fake.socketMode.connections).toBe(1);
    expect(fake.callsTo('apps.connections.open')[0]?.token).toBe('xapp-test');

    const eventAck = await fake.socketMode.send(
      'events_api',
      {
        type: 'event_callback',
        event_id: 'Ev1',
        event: { type: 'app_mention', text: '<@UBOT> hi', ts: '1.1' },
      },
      { retry_attempt: 1, retry_reason: 'timeout' },
    );
    expect(eventAck.envelope_id).toMatch(/\w/);
    expect(seen).toEqual(['<@UBOT> hi']);

    const cmdAck = await fake.socketMode.send('slash_commands', {
      command: '/summarize',
      text: 'https://x.test/a',
    });
    expect(cmdAck.payload).toEqual({ text: 'working on https://x.test/a' });

    // Wait on the client's own event: the fake has sent hello before the client has read it.
    const client = sm;
    const reconnected = new Promise((resolve) => client.once('connected', resolve));
    fake.socketMode.disconnect('refresh_requested');
    await reconnected;
    expect(fake.callsTo('apps.connections.open')).toHaveLength(2);
    expect(fake.socketMode.connections).toBe(1);
    expect(fake.rejected).toEqual([]);
  });

  test('send() with no client connected fails at once', async () => {
    const lonely = await FakeSlack.start();
    try {
      await expect(lonely.socketMode.send('events_api', {})).rejects.toThrow(/no client connected/);
    } finally {
      await lonely.close();
    }
  });
});

describe('ArticleServer', () => {
  let articles: ArticleServer;
  beforeAll(async () => {
    articles = await ArticleServer.start();
  });
  afterAll(async () => {
    await articles.close();
  });

  test('serves the reference fixture with its content type, and 404 elsewhere', async () => {
    articles.serveFile('/world/russia-syria', fixture('thehill-russia-syria.html'));
    const res = await fetch(articles.urlFor('/world/russia-syria?utm=x'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect((await res.text()).length).toBeGreaterThan(1000);
    expect((await fetch(articles.urlFor('/nope'))).status).toBe(404);
    expect(articles.hits('/world/russia-syria')).toBe(1);
    expect(articles.hostPort).toBe(new URL(articles.origin).host);
  });

  test('hold() keeps concurrent requests waiting until release()', async () => {
    articles.route('/slow', { status: 200, headers: { 'Content-Type': 'text/plain' }, body: 'late' });
    const held = articles.hold('/slow');
    const a = fetch(articles.urlFor('/slow'));
    const b = fetch(articles.urlFor('/slow'));
    await articles.waitForHits('/slow', 2);
    let settled = false;
    void Promise.race([a, b]).then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    held.release();
    const bodies = await Promise.all([a, b].map(async (p) => (await p).text()));
    expect(bodies).toEqual(['late', 'late']);
  });

  test('custom handlers see the request (e.g. to answer a redirect)', async () => {
    articles.route('/moved', (_req, res) => {
      res.writeHead(301, { location: '/final' });
      res.end();
    });
    articles.route('/final', { body: '<p>here</p>' });
    const res = await fetch(articles.urlFor('/moved'));
    expect(await res.text()).toBe('<p>here</p>');
    expect(articles.hits('/final')).toBe(1);
  });
});

describe('a real Bolt app against the fake', () => {
  test('a mention answered in its thread and a command answered through response_url pass every check', async () => {
    const receiver = new SocketModeReceiver({
      appToken: 'xapp-test',
      installerOptions: { clientOptions: { slackApiUrl: fake.url } },
      logLevel: BoltLogLevel.ERROR,
    });
    const app = new App({
      token: 'xoxb-test',
      receiver,
      logLevel: BoltLogLevel.ERROR,
      clientOptions: { slackApiUrl: fake.url, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true },
    });
    app.event('app_mention', async ({ event, say, setStatus }) => {
      await setStatus('Reading the article…');
      await say({ text: 'Summary', thread_ts: event.thread_ts ?? event.ts, unfurl_links: false });
    });
    app.command('/summarize', async ({ ack, respond }) => {
      await ack({ response_type: 'ephemeral', text: 'Working on it' });
      await respond({ response_type: 'ephemeral', text: 'Done', replace_original: true });
    });
    await app.start();
    await fake.socketMode.connected();
    try {
      fake.seedMessage('CB', { ts: '1700000500.000100', text: '<@UBOT> <https://x.test/a>', user: 'U1' });
      await fake.socketMode.send('events_api', {
        type: 'event_callback',
        team_id: 'T1',
        api_app_id: 'A1',
        event_id: 'EvBolt',
        event_time: 1700000500,
        event: {
          type: 'app_mention',
          user: 'U1',
          text: '<@UBOT> <https://x.test/a>',
          ts: '1700000500.000100',
          channel: 'CB',
          event_ts: '1700000500.000100',
        },
      });
      const cmdAck = await fake.socketMode.send('slash_commands', {
        command: '/summarize',
        text: 'https://x.test/a',
        user_id: 'U1',
        channel_id: 'CB',
        team_id: 'T1',
        api_app_id: 'A1',
        response_url: fake.responseUrl(),
        trigger_id: '1.2.3',
      });
      expect(cmdAck.payload).toEqual({ response_type: 'ephemeral', text: 'Working on it' });
      await fake.waitFor((f) => f.callsTo('chat.postMessage').length === 1 && f.responses.length === 1);

      expect(fake.callsTo('assistant.threads.setStatus')[0]?.args).toMatchObject({
        channel_id: 'CB',
        thread_ts: '1700000500.000100',
      });
      expect(fake.thread('CB', '1700000500.000100').map((m) => m.text)).toEqual([
        '<@UBOT> <https://x.test/a>',
        'Summary',
      ]);
      expect(fake.responses[0]?.body).toMatchObject({ text: 'Done', replace_original: true });
      expect(fake.rejected).toEqual([]);
    } finally {
      const sm = receiver.client;
      const gone = sm.websocket?.isActive()
        ? new Promise<void>((resolve) => sm.once('disconnected', () => resolve()))
        : Promise.resolve();
      await app.stop();
      await gone;
    }
  });
});
