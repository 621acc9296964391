#!/usr/bin/env node
// `newsdesk analyze <url | file.html | file.txt> [--json] [--offline]` — the pipeline in a terminal, no
// Slack and no accounts needed. Exit codes are part of the interface (scripts check them).
import 'dotenv/config';
import { existsSync } from 'node:fs';
import { withAdvice } from './advice';
import { modelWasUnavailable } from './analysis';
import { loadAnalysisConfig, ConfigError } from './config';
import { isNewsdeskError, type ErrorKind } from './errors';
import { analyzeFile, analyzeUrl } from './pipeline';
import { renderText } from './render/text';

export const EXIT = { ok: 0, internal: 1, usage: 2, policy: 3, fetch: 4, extract: 5 } as const;

const EXIT_FOR_KIND: Record<ErrorKind, number> = {
  usage: EXIT.usage,
  config: EXIT.usage,
  policy: EXIT.policy,
  fetch: EXIT.fetch,
  extract: EXIT.extract,
  analysis: EXIT.internal,
};

const USAGE = `Usage: newsdesk analyze <url | file.html | file.txt> [--json] [--offline]

  Reads a news article and prints a neutral summary, contested claims, casualty figures
  and sourcing notes, each quoted verbatim from the article.

  --json      print one JSON object (see analysis.schema.json) instead of text
  --offline   use the offline analyzer even if OPENAI_API_KEY is set
  -h, --help  show this help

Exit codes: 0 ok, 2 usage error, 3 URL refused by policy, 4 fetch failed, 5 no article found.`;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  env: Record<string, string | undefined>;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): { input: string; json: boolean; offline: boolean } | 'help' {
  const flags = new Set(argv.filter((a) => a.startsWith('-')));
  const positional = argv.filter((a) => !a.startsWith('-'));
  if (flags.has('-h') || flags.has('--help') || positional[0] === 'help') return 'help';
  for (const f of flags) {
    if (!['--json', '--offline'].includes(f)) throw new UsageError(`unknown option ${f}`);
  }
  if (positional[0] !== 'analyze') {
    throw new UsageError(positional[0] ? `unknown command "${positional[0]}"` : 'no command given');
  }
  if (positional.length !== 2) throw new UsageError('analyze takes exactly one URL or file');
  return { input: positional[1]!, json: flags.has('--json'), offline: flags.has('--offline') };
}

/** A URL (any scheme: the fetch policy explains refusals), or a file on disk; anything else is a usage error. */
function classifyInput(input: string): 'url' | 'file' {
  if (existsSync(input)) return 'file';
  if (/^[a-z][a-z0-9+.-]*:/i.test(input)) return 'url';
  if (/^[\w-]+(\.[\w-]+)+(\/|$)/.test(input)) {
    throw new UsageError(`"${input}" is not a file; did you mean https://${input}?`);
  }
  throw new UsageError(`"${input}" is neither a URL nor a file`);
}

export async function runCli(argv: string[], io: Io): Promise<number> {
  const debug = io.env.LOG_LEVEL === 'debug';
  try {
    const args = parseArgs(argv);
    if (args === 'help') {
      io.out(USAGE + '\n');
      return EXIT.ok;
    }
    const config = loadAnalysisConfig(io.env, { offline: args.offline });
    const source = classifyInput(args.input);
    const analysis =
      source === 'url' ? await analyzeUrl(args.input, config) : await analyzeFile(args.input, config);
    // Said once there is an analysis to say it of: a link that fails gets its one line of error, nothing else.
    if (!config.llm) io.err(`newsdesk: using the offline analyzer (${config.offlineReason}).\n`);

    if (modelWasUnavailable(analysis.analyzer)) {
      io.err(`newsdesk: ${analysis.analyzer.fallbackReason}; showing the offline analysis.\n`);
    }
    io.out(args.json ? JSON.stringify(analysis, null, 2) + '\n' : renderText(analysis));
    return EXIT.ok;
  } catch (err) {
    if (debug && err instanceof Error) io.err(`${err.stack ?? err.message}\n`);
    if (err instanceof UsageError) {
      const end = /[.?]$/.test(err.message) ? '' : '.';
      io.err(`newsdesk: ${err.message}${end} Run "newsdesk --help" for usage.\n`);
      return EXIT.usage;
    }
    if (err instanceof ConfigError) {
      io.err(`newsdesk: ${err.message}\n`);
      return EXIT.usage;
    }
    if (isNewsdeskError(err)) {
      io.err(`newsdesk: ${withAdvice(err)}\n`);
      return EXIT_FOR_KIND[err.kind];
    }
    io.err(
      `newsdesk: something went wrong on our side (${err instanceof Error ? err.message : String(err)}). ` +
        'Run with LOG_LEVEL=debug for details.\n',
    );
    return EXIT.internal;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    env: process.env,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = EXIT.internal;
    },
  );
}
