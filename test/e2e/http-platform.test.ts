// Signatures, rate limits and Slack errors through the real HTTPReceiver and web-api client.
import {
  accepted,
  eventBody,
  mention,
  postEvent,
  sign,
  startHarness,
  visibleText,
  type Harness,
} from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const callsIn = (method: string, channel: string) => accepted(h, method, channel);

describe('request verification', () => {
  it('answers 401 to a bad signature and makes no Slack call', async () => {
    const before = h.slack.calls.length;
    const raw = JSON.stringify(eventBody(mention(`<${h.articles.origin}/seed>`, { channel: 'CX' })));
    const res = await fetch(`${h.base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...sign('not-the-secret', raw) },
      body: raw,
    });
    expect(res.status).toBe(401);
    const stale = await fetch(`${h.base}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...sign(h.signingSecret, raw, Math.floor(Date.now() / 1000) - 600),
      },
      body: raw,
    });
    expect(stale.status).toBe(401);
    // a valid request afterwards is served, so the two above were judged, not lost
    const ok = mention('hi', { channel: 'CX2' });
    await postEvent(h, eventBody(ok));
    await h.slack.waitFor(() => callsIn('chat.postMessage', 'CX2').length === 1);
    // every Slack call since the two refused requests was for the valid one
    expect(h.slack.calls.slice(before).map((c) => `${c.method}:${String(c.args.channel)}`)).toEqual([
      'chat.postMessage:CX2',
    ]);
    expect(h.articles.hits('/seed')).toBe(0);
  });

  it('answers Slack’s url_verification challenge', async () => {
    const res = await postEvent(h, { type: 'url_verification', challenge: 'abc123', token: 'x' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('abc123');
  });

  it('serves GET /healthz with 200', async () => {
    const res = await fetch(`${h.base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, mode: 'http' });
  });
});

describe('Slack API trouble', () => {
  it('waits out a 429 for that message only while other conversations are answered', async () => {
    // The wait is held open until the other conversation has its answer, so "meanwhile" is a fact of the
    // test, not a race against a real second.
    const waits: number[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let waiting: () => void = () => undefined;
    const firstWait = new Promise<void>((resolve) => (waiting = resolve));
    const own = await startHarness({}, 'http', undefined, (ms) => {
      waits.push(ms);
      waiting();
      return held;
    });
    try {
      own.slack.fail('chat.postMessage', { status: 429, retryAfter: 7, when: (a) => a.channel === 'CSLOW' });
      await postEvent(own, eventBody(mention(`<${own.articles.origin}/seed>`, { channel: 'CSLOW' })));
      await firstWait;
      await postEvent(own, eventBody(mention(`<${own.articles.origin}/seed>`, { channel: 'CFAST' })));
      await own.slack.waitFor(() => accepted(own, 'chat.update', 'CFAST').length === 1);
      // CFAST was answered while CSLOW was still waiting its 7 s, and Retry-After was what it waited
      expect(accepted(own, 'chat.postMessage', 'CSLOW')).toHaveLength(0);
      expect(waits).toEqual([7000]);
      release();
      await own.slack.waitFor(() => accepted(own, 'chat.update', 'CSLOW').length === 1);
      expect(own.slack.callsTo('chat.postMessage').filter((c) => c.outcome?.status === 429)).toHaveLength(1);
      expect(accepted(own, 'chat.postMessage', 'CSLOW')).toHaveLength(1);
      expect(visibleText(accepted(own, 'chat.update', 'CSLOW')[0]!.args)).toContain('Syrian Observatory');
      expect(own.logs).toContainEqual(
        expect.stringMatching(/rate-limited chat\.postMessage; retrying this message in 7s/),
      );
    } finally {
      release();
      await own.close();
    }
  });

  it('survives not_in_channel and channel_not_found and keeps serving', async () => {
    const own = await startHarness();
    own.slack.fail('chat.postMessage', {
      error: 'not_in_channel',
      times: 5,
      when: (a) => a.channel === 'CNOT',
    });
    own.slack.fail('chat.postMessage', {
      error: 'channel_not_found',
      times: 5,
      when: (a) => a.channel === 'CGONE',
    });
    await postEvent(own, eventBody(mention(`<${own.articles.origin}/seed>`, { channel: 'CNOT' })));
    await postEvent(own, eventBody(mention('hello', { channel: 'CGONE' })));
    await postEvent(own, eventBody(mention('hello', { channel: 'COK' })));
    await own.slack.waitFor(() => accepted(own, 'chat.postMessage', 'COK').length === 1);
    expect((await fetch(`${own.base}/healthz`)).status).toBe(200);
    // closing lets every answer under way finish, so every log line is in
    await own.close();
    expect(own.logs).toContainEqual(
      expect.stringMatching(/chat\.postMessage failed: not_in_channel — invite the bot/),
    );
    expect(own.logs).toContainEqual(
      expect.stringMatching(/channel_not_found — the channel is private or gone/),
    );
  });

  it('does not read the link when Slack will not let it post in the channel', async () => {
    const own = await startHarness();
    own.slack.fail('chat.postMessage', { error: 'not_in_channel', times: 5 });
    await postEvent(own, eventBody(mention(`<${own.articles.origin}/seed>`, { channel: 'CNOT' })));
    await own.slack.waitFor(() => own.slack.callsTo('chat.postMessage').length >= 1);
    // closing lets every answer under way finish first, so what it did is all there is to see
    await own.close();
    expect(own.slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(own.articles.hits('/seed')).toBe(0);
    expect(own.logs.filter((l) => /not_in_channel/.test(l))).toHaveLength(1);
  });

  it('tries an update again after a Slack 500, and never posts the answer twice', async () => {
    h.slack.fail('chat.update', { status: 500, when: (a) => a.channel === 'CU500' });
    await postEvent(h, eventBody(mention(`<${h.articles.origin}/seed>`, { channel: 'CU500' })));
    await h.slack.waitFor(() => callsIn('chat.update', 'CU500').length === 1);
    expect(h.slack.callsTo('chat.update').filter((c) => c.args.channel === 'CU500')).toHaveLength(2);
    expect(visibleText(callsIn('chat.update', 'CU500')[0]!.args)).toContain('Syrian Observatory');
    // the placeholder was answered in place: no second message in the thread
    expect(h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'CU500')).toHaveLength(1);
  });

  it('does not send a post again when Slack answered 500 (it may have posted it)', async () => {
    const placeholder = (a: Record<string, unknown>) =>
      a.channel === 'CP500' && /Reading/.test(String(a.text));
    h.slack.fail('chat.postMessage', { status: 500, when: placeholder });
    await postEvent(h, eventBody(mention(`<${h.articles.origin}/seed>`, { channel: 'CP500' })));
    await h.slack.waitFor(() => callsIn('chat.postMessage', 'CP500').length === 1);
    const posts = h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'CP500');
    // one placeholder attempt (answered 500, not repeated), then the answer as a reply of its own
    expect(posts.map((c) => c.outcome?.status)).toEqual([500, 200]);
    expect(visibleText(posts[1]!.args)).toContain('Syrian Observatory');
  });

  it('answers once, and takes the placeholder away, when updating it stays rate-limited', async () => {
    h.slack.fail('chat.update', { status: 429, retryAfter: 0, times: 10, when: (a) => a.channel === 'CRL' });
    await postEvent(h, eventBody(mention(`<${h.articles.origin}/seed>`, { channel: 'CRL' })));
    await h.slack.waitFor(() => callsIn('chat.delete', 'CRL').length === 1, 10_000);
    const thread = h.slack.thread(
      'CRL',
      String(h.slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'CRL')!.args.thread_ts),
    );
    // what is left in the thread: the answer, once, and no "Reading…"
    expect(thread).toHaveLength(1);
    expect(visibleText({ ...thread[0]! })).toContain('Syrian Observatory');
    expect(thread[0]!.text).not.toMatch(/Reading/);
  });

  it('posts a fresh reply when the placeholder could not be updated', async () => {
    h.slack.fail('chat.update', { error: 'message_not_found', when: (a) => a.channel === 'CUPD' });
    await postEvent(h, eventBody(mention(`<${h.articles.origin}/seed>`, { channel: 'CUPD' })));
    await h.slack.waitFor(() => callsIn('chat.postMessage', 'CUPD').length === 2);
    expect(visibleText(callsIn('chat.postMessage', 'CUPD')[1]!.args)).toContain('Syrian Observatory');
  });

  it('never leaves the placeholder reading when Slack refuses the analysis itself', async () => {
    const withBlocks = (a: Record<string, unknown>) => a.channel === 'CREF' && a.blocks !== undefined;
    h.slack.fail('chat.update', { error: 'invalid_blocks', when: withBlocks });
    h.slack.fail('chat.postMessage', { error: 'invalid_blocks', when: withBlocks });
    await postEvent(h, eventBody(mention(`<${h.articles.origin}/seed>`, { channel: 'CREF' })));
    const answered = () =>
      h.slack.callsTo('chat.update').filter((c) => c.args.channel === 'CREF' && c.outcome?.ok === true);
    await h.slack.waitFor(() => answered().length === 1);
    const placeholder = h.slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'CREF')!;
    expect(placeholder.args.text).toMatch(/Reading/);
    // the placeholder itself now says what happened, in one line
    const shown = h.slack.message('CREF', String(answered()[0]!.args.ts))!;
    expect(shown.thread_ts).toBe(placeholder.args.thread_ts);
    expect(shown.text).toMatch(/^:warning: .*Slack refused the analysis \(invalid_blocks\)/);
    expect(shown.text.split('\n')).toHaveLength(1);
    expect(h.logs).toContainEqual(
      expect.stringMatching(/invalid_blocks — Slack rejected the message layout/),
    );
  });
});
