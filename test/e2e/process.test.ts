// `npm start` as a process: the environment wiring, /healthz, and one-line configuration errors.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { FakeSlack } from '../fakes/slack';

const ENTRY = path.resolve(__dirname, '../../dist/src/index.js');

function start(env: Record<string, string>) {
  // cwd is a temp dir so a developer's own .env (read by dotenv) cannot leak into the test.
  const child = spawn(process.execPath, [ENTRY], {
    env: { PATH: process.env.PATH ?? '', ...env },
    cwd: os.tmpdir(),
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  const output = () => out;
  const waitForOutput = (re: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const m = out.match(re);
        if (m) resolve(m);
      };
      child.stdout.on('data', check);
      child.stderr.on('data', check);
      exited.then(() => reject(new Error(`process exited before printing ${re}: ${out}`)));
      check();
    });
  return { child, exited, output, waitForOutput };
}

describe('npm start', () => {
  let slack: FakeSlack;
  let child: ChildProcess | null = null;
  beforeAll(async () => {
    slack = await FakeSlack.start();
  });
  afterAll(async () => {
    child?.kill('SIGTERM');
    await slack.close();
  });

  it('starts in HTTP mode from the environment and answers /healthz', async () => {
    const p = start({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: randomBytes(8).toString('hex'),
      SLACK_API_URL: slack.url,
      PORT: '0',
      HOST: '127.0.0.1',
      STORE_PATH: ':memory:',
    });
    child = p.child;
    const m = await p.waitForOutput(/listening on http:\/\/127\.0\.0\.1:(\d+)\/slack\/events/);
    const res = await fetch(`http://127.0.0.1:${m[1]}/healthz`);
    expect(res.status).toBe(200);
    expect(p.output()).toMatch(/offline analyzer/);
    expect(p.output()).not.toContain('xoxb-test');
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    child = null;
  });

  it('exits 1 with one clear line when Slack refuses the bot token', async () => {
    const p = start({
      SLACK_BOT_TOKEN: 'xoxb-revoked',
      SLACK_SIGNING_SECRET: 'x',
      SLACK_API_URL: slack.url,
      PORT: '0',
      HOST: '127.0.0.1',
      STORE_PATH: ':memory:',
    });
    expect(await p.exited).toBe(1);
    expect(p.output()).toMatch(/Slack refused SLACK_BOT_TOKEN \(invalid_auth\)/);
    expect(p.output()).not.toContain('xoxb-revoked');
  });

  it('exits 1 with one line saying why when Slack cannot be reached', async () => {
    const closed = await FakeSlack.start();
    const url = closed.url;
    await closed.close();
    const p = start({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'x',
      SLACK_API_URL: url,
      PORT: '0',
      HOST: '127.0.0.1',
      STORE_PATH: ':memory:',
    });
    expect(await p.exited).toBe(1);
    // (the web-api client adds a warning line of its own first)
    expect(p.output().trim().split('\n').pop()).toMatch(
      /^newsdesk: could not start: could not reach Slack at .* \(ECONNREFUSED\)$/,
    );
  });

  it('exits 1 with one line naming STORE_PATH when the store cannot be opened', async () => {
    const p = start({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'x',
      SLACK_API_URL: slack.url,
      STORE_PATH: path.join(os.tmpdir(), 'no-such-dir-newsdesk', 'store.sqlite'),
    });
    expect(await p.exited).toBe(1);
    expect(p.output()).toMatch(
      /^newsdesk: could not start: STORE_PATH .*no-such-dir-newsdesk.* cannot be opened/,
    );
    expect(p.output().trim().split('\n')).toHaveLength(1);
  });

  it.each([
    [{}, /SLACK_BOT_TOKEN is not set/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /SLACK_APP_TOKEN .*SLACK_SIGNING_SECRET/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: 'http' }, /PORT must be a whole number/],
  ])('exits 1 with one line naming the variable for %j', async (env, message) => {
    const p = start(env as Record<string, string>);
    expect(await p.exited).toBe(1);
    expect(p.output()).toMatch(message);
    expect(p.output().trim().split('\n')).toHaveLength(1);
  });
});
