// The CLI as a user runs it: the built binary, real files, a local article server, exit codes.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { ArticleServer } from '../fakes/article-server';
import { FakeOpenAIServer } from '../fakes/openai-server';
import { SHARED, SOHR_TOTAL_FROM_MODEL } from '../support/articles';

const CLI = path.resolve(__dirname, '../../dist/src/cli.js');
const SEED_HTML = path.join(SHARED, 'fixtures/thehill-russia-syria.html');
const SEED_TXT = path.join(SHARED, 'fixtures/thehill-russia-syria.txt');

function run(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    // A clean environment: no keys from the developer's shell or .env reach the test.
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      cwd: path.resolve(__dirname, '..'),
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

const validate = new Ajv2020({ allErrors: true, strict: false }).compile(
  JSON.parse(readFileSync(path.join(SHARED, 'analysis.schema.json'), 'utf8')),
);

let articles: ArticleServer;
beforeAll(async () => {
  articles = await ArticleServer.start();
  articles.serveFile('/seed', SEED_HTML, 'text/html; charset=utf-8');
  articles.route('/gone', { status: 404, headers: { 'content-type': 'text/html' }, body: 'nope' });
  articles.route('/empty-page', {
    headers: { 'content-type': 'text/html' },
    body: '<html><body><nav>Home</nav></body></html>',
  });
});
afterAll(() => articles.close());

describe('newsdesk analyze', () => {
  it('prints a readable offline analysis of the seed page and says it is offline', async () => {
    const r = await run(['analyze', SEED_HTML]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/offline analyzer \(no OPENAI_API_KEY set\)/);
    expect(r.out).toContain('US officials: Russia is not striking ISIS targets in Syria');
    expect(r.out).toMatch(/30 civilians killed — per the Syrian Observatory for Human Rights/);
    expect(r.out).not.toContain('{mosads}');
  });

  it('--json prints exactly one object valid against analysis.schema.json, with the seed figures', async () => {
    const r = await run(['analyze', SEED_HTML, '--json']);
    expect(r.code).toBe(0);
    const analysis = JSON.parse(r.out);
    expect(validate(analysis)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
    const killed = analysis.casualties.filter(
      (c: { kind: string; partOf: number | null }) => c.kind === 'killed' && c.partOf === null,
    );
    expect(killed.map((c: { min: number }) => c.min)).toEqual([30]);
    expect(killed[0].attributedTo).toBe('the Syrian Observatory for Human Rights');
    const parts = analysis.casualties.filter((c: { partOf: number | null }) => c.partOf !== null);
    expect(parts.map((c: { countText: string; who: string }) => `${c.countText} ${c.who}`).sort()).toEqual([
      'six children',
      'six women',
    ]);
    for (const c of analysis.casualties) expect([36, 42]).not.toContain(c.min);
    expect(JSON.stringify(analysis)).not.toContain('{mosads}');
    expect(analysis.analyzer).toMatchObject({ kind: 'offline' });
  });

  it('reads a plain-text article file', async () => {
    const r = await run(['analyze', SEED_TXT, '--json']);
    expect(r.code).toBe(0);
    const analysis = JSON.parse(r.out);
    expect(validate(analysis)).toBe(true);
    expect(analysis.title).toBe('US officials: Russia is not striking ISIS targets in Syria');
  });

  it('fetches a URL (allowed by FETCH_ALLOW_HOSTS) and analyses it', async () => {
    const r = await run(['analyze', `${articles.origin}/seed`, '--json'], {
      FETCH_ALLOW_HOSTS: articles.hostPort,
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).url).toBe(`${articles.origin}/seed`);
  });

  it.each([
    [[], 2, /no command given/],
    [['analyze'], 2, /exactly one URL or file/],
    [['analyze', 'a', 'b'], 2, /exactly one/],
    [['analyze', 'x.html', '--pdf'], 2, /unknown option --pdf/],
    [['analyze', 'thehill.com/policy/story'], 2, /did you mean https:\/\/thehill\.com\/policy\/story\?/],
  ])('exits 2 with one line for usage errors %j', async (args, code, message) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('exits 3 when the URL is refused by policy, without a stack trace', async () => {
    const r = await run(['analyze', `${articles.origin}/seed`]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/private|internal|local/i);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(articles.hits('/seed')).toBe(1); // only the allowed fetch above reached the server
  });

  it('exits 4 when the fetch fails', async () => {
    const r = await run(['analyze', `${articles.origin}/gone`], { FETCH_ALLOW_HOSTS: articles.hostPort });
    expect(r.code).toBe(4);
    expect(r.err).toMatch(/404\)\. Check that the link is complete/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('exits 5 when no article can be extracted', async () => {
    const r = await run(['analyze', `${articles.origin}/empty-page`], {
      FETCH_ALLOW_HOSTS: articles.hostPort,
    });
    expect(r.code).toBe(5);
    expect(r.err).toMatch(/couldn't find an article on that page\. Try the link of the article page itself/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('prints the stack only with LOG_LEVEL=debug', async () => {
    const r = await run(['analyze', `${articles.origin}/gone`], {
      FETCH_ALLOW_HOSTS: articles.hostPort,
      LOG_LEVEL: 'debug',
    });
    expect(r.code).toBe(4);
    expect(r.err).toMatch(/\n\s+at /);
  });
});

describe('newsdesk analyze with a model server', () => {
  it('prints no terminal control sequence the model server sends as its model name', async () => {
    const model = await FakeOpenAIServer.start();
    try {
      model.reply({
        type: 'completion',
        model: 'gpt\u001b[2J\u001b]0;pwned\u0007-e2e',
        content: { summary: [], casualties: [SOHR_TOTAL_FROM_MODEL], contested: [], sourcing: [] },
      });
      const r = await run(['analyze', SEED_HTML], {
        OPENAI_API_KEY: 'sk-test',
        OPENAI_BASE_URL: model.baseURL,
        OPENAI_MODEL: 'gpt-e2e',
      });
      expect(r.code).toBe(0);
      expect(r.out).toContain('Analysis by gpt[2J]0;pwned-e2e, checked against the article text');
      // eslint-disable-next-line no-control-regex -- the point is that none reach the terminal
      expect(r.out).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F]/);
    } finally {
      await model.close();
    }
  });
});
