// manifest.json is how a newsroom creates the app; if it drifts from what the code calls and listens to, the
// bot installs fine and then silently misses events or fails with missing_scope. So the Web API methods,
// events and commands are read from the source itself, and each must be covered by the manifest.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { SHARED } from '../support/articles';

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8'));
const scopes = new Set<string>(manifest.oauth_config.scopes.bot);
const events = new Set<string>(manifest.settings.event_subscriptions.bot_events);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sources(file) : file.endsWith('.ts') ? [file] : [];
  });
}
const code = sources('src')
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');
const used = (re: RegExp) => new Set([...code.matchAll(re)].map((m) => m[1]!));

/**
 * The bot-token scope each method needs. The shared 2020 spec names the legacy scopes (chat:write:bot);
 * the granular bot scopes are these, and each must be one the spec lists for the method's family.
 */
const SCOPE_FOR_METHOD: Record<string, string[]> = {
  'chat.postMessage': ['chat:write'],
  'chat.update': ['chat:write'],
  // a placeholder left behind when its update could not be made
  'chat.delete': ['chat:write'],
  'reactions.add': ['reactions:write'],
  // the 👀 taken back when a watched channel's link was not an article
  'reactions.remove': ['reactions:write'],
  // thread parents in public and private channels
  'conversations.replies': ['channels:history', 'groups:history'],
};

/** What each event the code listens to needs: `message` serves DMs and watched public and private channels. */
const FOR_EVENT: Record<string, { events: string[]; scopes: string[] }> = {
  app_mention: { events: ['app_mention'], scopes: ['app_mentions:read'] },
  message: {
    events: ['message.im', 'message.channels', 'message.groups'],
    scopes: ['im:history', 'channels:history', 'groups:history'],
  },
};

describe('the Slack app manifest', () => {
  const methods = used(/client\.(\w+\.\w+)\(/g);

  it('asks for the scope behind every Web API method the code calls', () => {
    expect(methods.size).toBeGreaterThan(2);
    const spec = JSON.parse(readFileSync(path.join(SHARED, 'slack/slack_web_openapi_v2.json'), 'utf8'));
    for (const method of methods) {
      expect({ method, known: method in SCOPE_FOR_METHOD }).toEqual({ method, known: true });
      const specScopes: string[] = Object.values(spec.paths[`/${method}`] as object).flatMap(
        (op: { security?: { slackAuth?: string[] }[] }) => op.security?.[0]?.slackAuth ?? [],
      );
      for (const scope of SCOPE_FOR_METHOD[method]!) {
        expect(specScopes.some((s) => s === scope || s.startsWith(`${scope}:`))).toBe(true);
        expect(scopes).toContain(scope);
      }
    }
  });

  it('subscribes to, and is allowed to read, every event the listeners handle', () => {
    const listened = used(/app\.event\('(\w+)'/g);
    expect([...listened].sort()).toEqual(Object.keys(FOR_EVENT).sort());
    for (const name of listened) {
      for (const e of FOR_EVENT[name]!.events) expect(events).toContain(e);
      for (const s of FOR_EVENT[name]!.scopes) expect(scopes).toContain(s);
    }
  });

  it('asks for nothing the code does not use', () => {
    const needed = new Set([
      ...[...methods].flatMap((m) => SCOPE_FOR_METHOD[m] ?? []),
      ...Object.values(FOR_EVENT).flatMap((e) => e.scopes),
      'commands',
    ]);
    expect([...scopes].filter((s) => !needed.has(s))).toEqual([]);
  });

  it('declares every slash command, interactivity for the button, and Socket Mode', () => {
    const commands = [...used(/app\.command\('([^']+)'/g)];
    expect(commands).toEqual(['/summarize']);
    expect(scopes).toContain('commands');
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual(commands);
    expect(manifest.features.slash_commands[0]).toMatchObject({ usage_hint: '<link> [public]' });
    expect(code).toMatch(/app\.action</);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    // DMs need the Messages tab
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
  });
});
