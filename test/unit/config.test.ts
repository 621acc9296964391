import { readFileSync } from 'node:fs';
import { ConfigError, ENV_VARS, loadAnalysisConfig, loadConfig } from '../../src/config';

const base = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's3cret' };

function errorOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration from the environment', () => {
  it('picks Socket Mode when an app token is set', () => {
    const c = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(c.slack.mode).toBe('socket');
  });

  it('picks HTTP mode with a signing secret and no app token, on port 3000 by default', () => {
    const c = loadConfig(base);
    expect(c.slack.mode).toBe('http');
    expect(c.slack.port).toBe(3000);
    expect(c.slack.apiUrl).toBe('https://slack.com/api/');
  });

  it('adds the trailing slash web-api needs to SLACK_API_URL', () => {
    expect(loadConfig({ ...base, SLACK_API_URL: 'http://127.0.0.1:9/api' }).slack.apiUrl).toBe(
      'http://127.0.0.1:9/api/',
    );
  });

  it('names the missing bot token and how to get it', () => {
    expect(errorOf({ SLACK_SIGNING_SECRET: 'x' })).toMatch(/SLACK_BOT_TOKEN is not set.*xoxb-/);
  });

  it('explains that either an app token or a signing secret is needed', () => {
    expect(errorOf({ SLACK_BOT_TOKEN: 'xoxb-1' })).toMatch(/SLACK_APP_TOKEN.*SLACK_SIGNING_SECRET/);
  });

  it('refuses tokens swapped between variables', () => {
    expect(errorOf({ SLACK_BOT_TOKEN: 'xapp-1', SLACK_APP_TOKEN: 'xoxb-1' })).toMatch(
      /SLACK_BOT_TOKEN must be a bot token/,
    );
    expect(errorOf({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' })).toMatch(
      /SLACK_APP_TOKEN must be an app-level token/,
    );
  });

  it('refuses contradictory mode settings', () => {
    expect(errorOf({ ...base, SLACK_MODE: 'socket' })).toMatch(/SLACK_MODE=socket needs SLACK_APP_TOKEN/);
    expect(errorOf({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_MODE: 'http' })).toMatch(
      /SLACK_MODE=http needs SLACK_SIGNING_SECRET/,
    );
  });

  it('names the variable when a number is malformed', () => {
    expect(errorOf({ ...base, PORT: 'eighty' })).toMatch(/PORT must be a whole number/);
    expect(errorOf({ ...base, MAX_LINKS_PER_MESSAGE: '0' })).toMatch(/MAX_LINKS_PER_MESSAGE/);
  });

  it('reads watched channels and refuses names where IDs are needed', () => {
    expect(loadConfig({ ...base, WATCH_CHANNELS: 'C0AAA, C0BBB' }).slack.watchChannels).toEqual([
      'C0AAA',
      'C0BBB',
    ]);
    expect(errorOf({ ...base, WATCH_CHANNELS: '#news' })).toMatch(/WATCH_CHANNELS takes channel IDs/);
  });

  it('runs offline without an OpenAI key and says why', () => {
    const c = loadAnalysisConfig({});
    expect(c.llm).toBeNull();
    expect(c.offlineReason).toMatch(/OPENAI_API_KEY/);
  });

  it('builds LLM settings from the OpenAI variables', () => {
    const c = loadAnalysisConfig({
      OPENAI_API_KEY: 'sk-x',
      OPENAI_BASE_URL: 'http://127.0.0.1:1/v1',
      OPENAI_MODEL: 'm',
    });
    expect(c.llm).toMatchObject({
      apiKey: 'sk-x',
      baseURL: 'http://127.0.0.1:1/v1',
      model: 'm',
      timeoutMs: 30000,
    });
  });

  it('checks FETCH_ALLOW_HOSTS entries are host:port', () => {
    expect(loadAnalysisConfig({ FETCH_ALLOW_HOSTS: '127.0.0.1:8080,cms.local:443' }).fetchAllowHosts).toEqual(
      ['127.0.0.1:8080', 'cms.local:443'],
    );
    expect(() => loadAnalysisConfig({ FETCH_ALLOW_HOSTS: '10.0.0.0/8' })).toThrow(/host:port/);
  });
});

describe('documentation of settings', () => {
  it('lists every variable the bot reads in .env.example, each with a comment line above it', () => {
    const lines = readFileSync('.env.example', 'utf8').split('\n');
    for (const name of ENV_VARS) {
      const at = lines.findIndex((l) => l.startsWith(`${name}=`));
      expect({ name, documented: at > 0 && lines[at - 1]!.startsWith('#') }).toEqual({
        name,
        documented: true,
      });
    }
  });

  it('lists every variable in the README settings table', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const name of ENV_VARS)
      expect({ name, inReadme: readme.includes(`\`${name}\``) }).toEqual({ name, inReadme: true });
  });
});
