import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Checks Web API calls against Slack's published OpenAPI 2.0 description (2020), plus a small list of
 * methods and arguments that Slack added later. The spec marks reads as GET/query and the token as a
 * header; the real client POSTs everything as a form, so only names and `required` are compared.
 */

export interface MethodSpec {
  readonly name: string;
  readonly params: ReadonlySet<string>;
  readonly required: ReadonlySet<string>;
}

export type SpecVerdict =
  | { ok: true; spec: MethodSpec }
  | { ok: false; error: 'unknown_method' | 'invalid_arguments'; reason: string };

/** Accepted on every method: Bolt adds `team_id` once authorised; `token` may come in the body. */
export const ALWAYS_ALLOWED_ARGS: readonly string[] = ['team_id', 'token'];

/**
 * Methods absent from the 2020 spec, with their arguments as documented on docs.slack.dev (and typed in
 * @slack/web-api 8). `required` lists what Slack itself rejects a call without.
 */
export const EXTENSION_METHODS: Readonly<Record<string, { required: string[]; optional: string[] }>> = {
  'apps.connections.open': { required: [], optional: [] },
  'assistant.threads.setStatus': {
    required: ['channel_id', 'thread_ts', 'status'],
    optional: ['loading_messages', 'icon_emoji', 'icon_url', 'username'],
  },
  'assistant.threads.setTitle': { required: ['channel_id', 'thread_ts', 'title'], optional: [] },
  'assistant.threads.setSuggestedPrompts': {
    required: ['channel_id', 'prompts'],
    optional: ['thread_ts', 'title'],
  },
  'chat.startStream': {
    required: ['channel', 'thread_ts'],
    optional: [
      'markdown_text',
      'chunks',
      'recipient_team_id',
      'recipient_user_id',
      'task_display_mode',
      'icon_emoji',
      'icon_url',
      'username',
    ],
  },
  'chat.appendStream': { required: ['channel', 'ts'], optional: ['markdown_text', 'chunks'] },
  'chat.stopStream': {
    required: ['channel', 'ts'],
    optional: ['markdown_text', 'chunks', 'blocks', 'metadata', 'session_status'],
  },
};

/** Arguments Slack added to methods that the 2020 spec already has. */
export const EXTENSION_ARGS: Readonly<Record<string, string[]>> = {
  'chat.postMessage': ['metadata', 'markdown_text'],
  'chat.postEphemeral': ['markdown_text'],
  'chat.update': ['metadata', 'markdown_text', 'file_ids', 'reply_broadcast'],
  'chat.unfurl': ['source', 'unfurl_id', 'user_auth_blocks', 'metadata'],
  'conversations.history': ['include_all_metadata'],
  'conversations.replies': ['include_all_metadata'],
};

interface OpenApiParameter {
  name: string;
  required?: boolean;
}
interface OpenApiDoc {
  paths: Record<string, Record<string, { parameters?: OpenApiParameter[] }>>;
}

/** Where the shared spec lives: `../shared` next to the repo root (jest runs from the root), as in CI. */
export function specPath(): string {
  const candidates = [
    path.resolve(process.cwd(), '../shared/slack/slack_web_openapi_v2.json'),
    path.resolve(__dirname, '../../../shared/slack/slack_web_openapi_v2.json'),
  ];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error(`Slack OpenAPI spec not found; looked in ${candidates.join(', ')}`);
  return found;
}

let cache: Map<string, MethodSpec> | undefined;

/** Every known method (spec + extensions), parsed once per process since the file is 1.2 MB. */
export function loadMethodSpecs(): ReadonlyMap<string, MethodSpec> {
  if (cache) return cache;
  const doc = JSON.parse(fs.readFileSync(specPath(), 'utf8')) as OpenApiDoc;
  const specs = new Map<string, MethodSpec>();
  for (const [p, ops] of Object.entries(doc.paths)) {
    const name = p.replace(/^\//, '');
    const params = new Set<string>(ALWAYS_ALLOWED_ARGS);
    const required = new Set<string>();
    for (const op of Object.values(ops)) {
      for (const param of op.parameters ?? []) {
        params.add(param.name);
        if (param.required) required.add(param.name);
      }
    }
    for (const extra of EXTENSION_ARGS[name] ?? []) params.add(extra);
    required.delete('token'); // satisfied by the Authorization header
    specs.set(name, { name, params, required });
  }
  for (const [name, ext] of Object.entries(EXTENSION_METHODS)) {
    specs.set(name, {
      name,
      params: new Set([...ALWAYS_ALLOWED_ARGS, ...ext.required, ...ext.optional]),
      required: new Set(ext.required),
    });
  }
  cache = specs;
  return specs;
}

/** Whether `method` exists and `args` carry every required name and no unknown one. */
export function checkCall(method: string, args: Record<string, unknown>): SpecVerdict {
  const spec = loadMethodSpecs().get(method);
  if (!spec) return { ok: false, error: 'unknown_method', reason: `unknown method ${method}` };
  const missing = [...spec.required].filter((name) => args[name] === undefined || args[name] === '');
  if (missing.length > 0) {
    return {
      ok: false,
      error: 'invalid_arguments',
      reason: `${method}: missing required ${missing.join(', ')}`,
    };
  }
  const unknown = Object.keys(args).filter((name) => !spec.params.has(name));
  if (unknown.length > 0) {
    return {
      ok: false,
      error: 'invalid_arguments',
      reason: `${method}: unknown argument ${unknown.join(', ')}`,
    };
  }
  return { ok: true, spec };
}
