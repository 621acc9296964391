// The same app over Socket Mode: apps.connections.open on the fake Web API (SLACK_API_URL), a local
// WebSocket, envelopes and acks.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeSlack } from '../fakes/slack';
import { eventBody, mention, startHarness, visibleText, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({}, 'socket');
  await h.slack.socketMode.connected();
});
afterAll(async () => {
  await h.close();
});

describe('Socket Mode', () => {
  it('connects through SLACK_API_URL with the app token', () => {
    const open = h.slack.callsTo('apps.connections.open');
    expect(open.length).toBeGreaterThanOrEqual(1);
    expect(open[0]!.token).toBe('xapp-test');
  });

  it('still serves GET /healthz on PORT for container health checks', async () => {
    const res = await fetch(`${h.base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, mode: 'socket' });
  });

  it('acks an app_mention envelope and answers in the thread', async () => {
    const ev = mention(`<${h.articles.origin}/seed>`, { channel: 'CS' });
    const ack = await h.slack.socketMode.send('events_api', eventBody(ev));
    expect(ack.envelope_id).toBeTruthy();
    await h.slack.waitFor(() => h.slack.callsTo('chat.update').some((c) => c.args.channel === 'CS'));
    const update = h.slack.callsTo('chat.update').find((c) => c.args.channel === 'CS')!;
    expect(visibleText(update.args)).toContain('Syrian Observatory for Human Rights');
    expect(h.slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'CS')!.args.thread_ts).toBe(
      ev.ts,
    );
  });

  it('answers a retried envelope once', async () => {
    const body = eventBody(mention('hello', { channel: 'CS2' }));
    await h.slack.socketMode.send('events_api', body);
    await h.slack.socketMode.send('events_api', body, { retry_attempt: 1, retry_reason: 'timeout' });
    const probe = mention('hello', { channel: 'CS2' });
    await h.slack.socketMode.send('events_api', eventBody(probe));
    await h.slack.waitFor(() =>
      h.slack.callsTo('chat.postMessage').some((c) => c.args.thread_ts === probe.ts),
    );
    expect(
      h.slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === body.event.ts),
    ).toHaveLength(1);
  });

  it('acks /summarize with the usage text as the envelope response', async () => {
    const ack = await h.slack.socketMode.send(
      'slash_commands',
      {
        command: '/summarize',
        text: 'help',
        user_id: 'U1',
        channel_id: 'C1',
        team_id: 'T1',
        response_url: h.slack.responseUrl(),
        trigger_id: '1',
      },
      { accepts_response_payload: true },
    );
    expect(JSON.stringify(ack.payload)).toContain('/summarize <link>');
  });

  it('answers /summarize privately, and its button posts the analysis in the channel', async () => {
    const responseUrl = h.slack.responseUrl();
    const ack = await h.slack.socketMode.send('slash_commands', {
      command: '/summarize',
      text: `${h.articles.origin}/seed`,
      user_id: 'U1',
      channel_id: 'CSOCK',
      team_id: 'T1',
      response_url: responseUrl,
      trigger_id: '1',
    });
    expect(JSON.stringify(ack.payload)).toContain('Reading');
    const id = responseUrl.split('/').pop();
    await h.slack.waitFor(() => h.slack.responses.some((r) => r.id === id));
    const answer = h.slack.responses.find((r) => r.id === id)!.body;
    expect(answer.response_type).toBe('ephemeral');
    expect(visibleText(answer)).toContain('Syrian Observatory for Human Rights');
    const button = (
      answer.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]
    ).find((b) => b.type === 'actions')!.elements![0]!;

    await h.slack.socketMode.send('interactive', {
      type: 'block_actions',
      team: { id: 'T1', domain: 'newsroom' },
      user: { id: 'U1', username: 'reporter', team_id: 'T1' },
      api_app_id: 'A1',
      container: {
        type: 'message',
        message_ts: '1700000000.000111',
        channel_id: 'CSOCK',
        is_ephemeral: true,
      },
      channel: { id: 'CSOCK', name: 'news' },
      response_url: h.slack.responseUrl(),
      trigger_id: '1.2.3',
      actions: [{ ...button, type: 'button', block_id: 'b1', action_ts: '1700000001.000001' }],
    });
    await h.slack.waitFor(() => h.slack.callsTo('chat.postMessage').some((c) => c.args.channel === 'CSOCK'));
    const post = h.slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'CSOCK')!;
    expect(post.args.thread_ts).toBeUndefined();
    expect(visibleText(post.args)).toContain('Shared by <@U1> with /summarize');
    expect(visibleText(post.args)).toContain('Syrian Observatory for Human Rights');
  });

  it('refuses to start with one clear line when PORT is taken, instead of crashing', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      await expect(startHarness({ PORT: String(port) }, 'socket')).rejects.toThrow(
        `PORT ${port} is already in use on 127.0.0.1; stop what is using it or set PORT to a free port`,
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('names SLACK_APP_TOKEN when Slack refuses it', async () => {
    const refuse = (slack: FakeSlack) => slack.fail('apps.connections.open', { error: 'invalid_auth' });
    await expect(startHarness({}, 'socket', refuse)).rejects.toThrow(
      'Slack refused SLACK_APP_TOKEN (invalid_auth); create an app-level token with scope connections:write',
    );
  });
});
