// Which failed Slack calls are sent again, through the real web-api client against servers that fail the
// ways Slack and networks do. A repeated post is a message the reader sees twice; a repeated update is not.
import { WebAPIRequestError, WebClient } from '@slack/web-api';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SlackCalls } from '../../src/slack/slack-calls';
import { capturingLogger } from '../support/capturing-logger';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

const client = (port: number) =>
  new WebClient('xoxb-test', {
    slackApiUrl: `http://127.0.0.1:${port}/api/`,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 300,
    logger: capturingLogger([]),
  });

function calls() {
  const pauses: number[] = [];
  const sleep = async (ms: number) => {
    pauses.push(ms);
  };
  return { slackCalls: new SlackCalls(capturingLogger([]), sleep), pauses };
}

describe('SlackCalls retries', () => {
  let hanging: Server;
  let hangingPort: number;
  let requests = 0;
  beforeAll(async () => {
    // Takes every request and never answers: the client's timeout fires, Slack's outcome is unknown.
    hanging = createServer(() => {
      requests++;
    });
    hangingPort = await listen(hanging);
  });
  afterAll(async () => {
    hanging.closeAllConnections();
    await new Promise((resolve) => hanging.close(resolve));
  });
  beforeEach(() => {
    requests = 0;
  });

  it('sends a post again when the connection was refused (Slack never saw it)', async () => {
    // Under jest, web-api cannot see the cause of fetch's TypeError (it comes from another realm and fails
    // `instanceof Error`), so the client's error is built here as web-api builds it outside jest.
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
    });
    let tries = 0;
    const { slackCalls, pauses } = calls();
    const out = await slackCalls.attempt('chat.postMessage', async () => {
      tries++;
      throw new WebAPIRequestError(refused);
    });
    expect(out).toEqual({ error: 'request_error' });
    expect(tries).toBe(3);
    expect(pauses).toHaveLength(2);
  });

  it('never sends a post again after a timeout (Slack may have posted it)', async () => {
    const web = client(hangingPort);
    const { slackCalls, pauses } = calls();
    const out = await slackCalls.attempt('chat.postMessage', () =>
      web.chat.postMessage({ channel: 'C1', text: 'hi' }),
    );
    expect(out).toEqual({ error: 'request_error' });
    expect(requests).toBe(1);
    expect(pauses).toEqual([]);
  });

  it('sends an update again after a timeout (the same update twice changes nothing)', async () => {
    const web = client(hangingPort);
    const { slackCalls, pauses } = calls();
    const out = await slackCalls.attempt('chat.update', () =>
      web.chat.update({ channel: 'C1', ts: '1.2', text: 'hi' }),
    );
    expect(out).toEqual({ error: 'request_error' });
    expect(requests).toBe(3);
    expect(pauses).toHaveLength(2);
  });
});
