// Extraction runs in worker threads. It is synchronous work (parsing, Readability, our cleaning): on the
// bot's event loop, one costly page would stall every other conversation until it finished. The page budget
// (page-budget.ts) keeps the pages we know of to a few hundred ms, but it estimates cost from the source;
// a worker can be stopped, so a page that outlasts every estimate ends at a hard time limit, with a plain
// refusal, and the next page gets a fresh worker.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ExtractError, NewsdeskError, type ErrorKind } from '../errors';
import type { ExtractInput } from './extract';
import type { Article } from './types';

/** Ten times what the page budget lets the costliest page take on a quiet machine, for a loaded one. */
export const EXTRACT_TIME_LIMIT_MS = 3_000;
/** Two pages are read at once; more would only share the same cores. */
const WORKERS = 2;
/** An idle worker is stopped after this long, and the next page starts a new one (~100 ms). */
const IDLE_MS = 60_000;
/** A page the budget let through needs a few tens of MB; a runaway one is stopped before the bot is. */
const HEAP_MB = 512;
/**
 * Parsing allocates a node object per tag, text and attribute, nearly all short-lived: a young generation of
 * 96 MB (V8's default is 16–32) scavenges less often and read the 181 bench pages ~8% faster.
 */
const YOUNG_MB = 96;

export type WorkerReply =
  | { article: Article }
  | { refusal: { kind: ErrorKind; code: string; userMessage: string } }
  | { failure: string };

export function tooComplex(cause?: unknown): ExtractError {
  return new ExtractError('too_complex', 'That page is too complex for me to read.', { cause });
}

interface Task {
  input: ExtractInput;
  timeLimitMs: number;
  resolve(article: Article): void;
  reject(err: unknown): void;
}

const SRC = path.resolve(__dirname, '..');
const COMPILED_SRC = path.resolve(__dirname, '../../dist/src');

/** Whether every source under src/ has a compiled copy in dist/ at least as new (as `npm test` leaves it). */
function compiledIsCurrent(dir = SRC): boolean {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const source = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!compiledIsCurrent(source)) return false;
    } else if (entry.name.endsWith('.ts')) {
      const compiled = path.join(COMPILED_SRC, path.relative(SRC, source)).replace(/\.ts$/, '.js');
      if (!existsSync(compiled) || statSync(compiled).mtimeMs < statSync(source).mtimeMs) return false;
    }
  }
  return true;
}

let compiledWorker: string | null | undefined;

/**
 * The worker script: the compiled sibling of this module. Run from TypeScript sources (the test suite, under
 * ts-jest), the build's copy when it is current, so a worker starts in ~0.3 s; else the worker compiles the
 * sources as it loads them, with the project's own TypeScript (~1.5 s to start, but never stale).
 */
function spawnWorker(): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: YOUNG_MB };
  if (path.extname(__filename) !== '.ts')
    return new Worker(path.join(__dirname, 'extract-worker.js'), { resourceLimits });
  compiledWorker ??= compiledIsCurrent() ? path.join(COMPILED_SRC, 'article/extract-worker.js') : null;
  if (compiledWorker) return new Worker(compiledWorker, { resourceLimits });
  const typescript = JSON.stringify(require.resolve('typescript'));
  const script = `
    const ts = require(${typescript});
    const fs = require('node:fs');
    const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
    require.extensions['.ts'] = (module, file) =>
      module._compile(ts.transpileModule(fs.readFileSync(file, 'utf8'), { fileName: file, compilerOptions }).outputText, file);
    require(${JSON.stringify(path.join(__dirname, 'extract-worker.ts'))});`;
  return new Worker(script, { eval: true, resourceLimits });
}

/** One worker thread, reading one page at a time. */
class ExtractionWorker {
  private readonly worker = spawnWorker();
  private ready = false;
  private task: Task | null = null;
  private timer: NodeJS.Timeout | null = null;
  private dead = false;

  constructor(private readonly onFree: (worker: ExtractionWorker) => void) {
    this.worker.on('message', (msg: WorkerReply | 'ready') => {
      if (msg === 'ready') {
        this.ready = true;
        this.start();
      } else this.finish(msg);
    });
    this.worker.on('error', (err: Error & { code?: string }) => {
      const out = err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooComplex(err) : err;
      this.stop(out);
    });
    this.worker.on('exit', () => this.stop(new Error('the extraction worker stopped')));
  }

  get alive(): boolean {
    return !this.dead;
  }

  get busy(): boolean {
    return this.task !== null;
  }

  run(task: Task): void {
    this.task = task;
    this.worker.ref();
    this.start();
  }

  /** Stops the worker; the page it was reading, if any, is refused with `err`. */
  stop(err: unknown = new Error('extraction stopped')): void {
    if (this.dead) return;
    this.dead = true;
    if (this.timer) clearTimeout(this.timer);
    const task = this.task;
    this.task = null;
    void this.worker.terminate();
    task?.reject(err);
    this.onFree(this);
  }

  private start(): void {
    const task = this.task;
    if (!this.ready || !task || this.timer) return;
    this.timer = setTimeout(() => this.stop(tooComplex()), task.timeLimitMs);
    this.worker.postMessage(task.input);
  }

  private finish(msg: WorkerReply): void {
    const task = this.task;
    if (!task) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.task = null;
    // Idle, the worker must not keep the process alive (the CLI exits when its one page is done).
    this.worker.unref();
    if ('article' in msg) task.resolve(msg.article);
    else if ('refusal' in msg) {
      const { kind, code, userMessage } = msg.refusal;
      task.reject(
        kind === 'extract' ? new ExtractError(code, userMessage) : new NewsdeskError(kind, code, userMessage),
      );
    } else task.reject(new Error(`extraction failed: ${msg.failure}`));
    this.onFree(this);
  }
}

class ExtractionPool {
  private workers: ExtractionWorker[] = [];
  private readonly queue: Task[] = [];
  private idleTimer: NodeJS.Timeout | null = null;

  extract(input: ExtractInput, timeLimitMs: number): Promise<Article> {
    return new Promise<Article>((resolve, reject) => {
      this.queue.push({ input, timeLimitMs, resolve, reject });
      this.dispatch();
    });
  }

  close(): void {
    for (const task of this.queue.splice(0)) task.reject(new Error('extraction stopped'));
    for (const w of this.workers) w.stop();
  }

  private readonly freed = (): void => {
    this.workers = this.workers.filter((w) => w.alive);
    this.dispatch();
  };

  private dispatch(): void {
    for (let task = this.queue[0]; task; task = this.queue[0]) {
      let worker = this.workers.find((w) => !w.busy);
      if (!worker && this.workers.length < WORKERS) {
        worker = new ExtractionWorker(this.freed);
        this.workers.push(worker);
      }
      if (!worker) return;
      this.queue.shift();
      worker.run(task);
    }
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.workers.length > 0 && this.workers.every((w) => !w.busy)) {
      this.idleTimer = setTimeout(() => this.close(), IDLE_MS);
      this.idleTimer.unref();
    }
  }
}

const pool = new ExtractionPool();

export interface ExtractOptions {
  /** When the page is refused as too complex (from when a worker starts reading it). */
  timeLimitMs?: number;
}

/** extractArticle, off the event loop and within a time limit: same article, same errors, or too_complex. */
export function extractInWorker(input: ExtractInput, options: ExtractOptions = {}): Promise<Article> {
  return pool.extract(input, options.timeLimitMs ?? EXTRACT_TIME_LIMIT_MS);
}

/** Stops the workers (they also stop by themselves after a minute idle). */
export function stopExtractionWorkers(): void {
  pool.close();
}
