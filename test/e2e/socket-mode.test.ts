// The same app over Socket Mode: apps.connections.open on the fake Web API (SLACK_API_URL), a local
// WebSocket, envelopes and acks.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeSlack } from '../fakes/slack';
import { eventBody, mention, startHarness, visibleText, type Harness } from './harness';

/** A port nobody is listening on right now (Bolt's Socket Mode health server takes a fixed port). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let h: Harness;
let healthPort: number;
beforeAll(async () => {
  healthPort = await freePort();
  h = await startHarness({ PORT: String(healthPort) }, 'socket');
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
    const res = await fetch(`http://127.0.0.1:${healthPort}/healthz`);
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
    await expect(startHarness({ PORT: String(await freePort()) }, 'socket', refuse)).rejects.toThrow(
      'Slack refused SLACK_APP_TOKEN (invalid_auth); create an app-level token with scope connections:write',
    );
  });
});
