// No Docker engine runs here or in CI, so the image is checked the next best way: the build stage's own
// COPY lines are replayed into an empty folder and its build command is run there. A source file the
// build needs but the Dockerfile forgets to copy fails this test instead of a newsroom's `docker build`.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');

interface Stage {
  name: string | null;
  lines: string[];
}

function stages(): Stage[] {
  const out: Stage[] = [];
  for (const raw of dockerfile.replace(/\\\n/g, ' ').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const from = /^FROM\s+\S+(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) out.push({ name: from[1] ?? null, lines: [] });
    else out.at(-1)?.lines.push(line);
  }
  return out;
}

/** `COPY a b ./` → the sources a, b (stage-to-stage copies are left out). */
function copiedFromContext(stage: Stage): string[] {
  return stage.lines
    .filter((l) => /^COPY\s/i.test(l) && !/--from=/i.test(l))
    .flatMap((l) => l.split(/\s+/).slice(1, -1));
}

describe('the Dockerfile', () => {
  const all = stages();
  const build = all.find((s) => s.name === 'build')!;
  const runtime = all.at(-1)!;

  it('builds the app from exactly what its build stage copies', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newsdesk-docker-'));
    try {
      for (const src of copiedFromContext(build)) {
        cpSync(path.join(ROOT, src), path.join(dir, src), { recursive: true });
      }
      // `npm ci` in the image installs the same lockfile; linking ours stands in for it.
      symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
      const run = build.lines.filter((l) => /^RUN\s/i.test(l)).at(-1)!;
      expect(run).toMatch(/npm run build/);
      execFileSync('npm', ['run', 'build', '--silent'], { cwd: dir, stdio: 'pipe' });
      const cmd = JSON.parse(/^CMD\s+(\[.*\])$/im.exec(runtime.lines.join('\n'))![1]!) as string[];
      // The runtime stage starts the entry point the build produced.
      expect(existsSync(path.join(dir, cmd[1]!))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('runs production dependencies only, as a non-root user, with a health check on /healthz', () => {
    const runtimeText = runtime.lines.join('\n');
    const deps = all.find((s) => runtimeText.includes(`--from=${s.name} /app/node_modules`));
    expect(deps?.lines.join('\n')).toMatch(/npm ci --omit=dev/);
    expect(runtimeText).toMatch(/^USER (?!root)\w+/m);
    expect(runtimeText).toMatch(/^HEALTHCHECK .*\/healthz/m);
  });
});
