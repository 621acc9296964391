// manifest.json is how a newsroom creates the app; if it drifts from what the code calls and listens to, the
// bot installs fine and then silently misses events or fails with missing_scope.
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8'));

describe('the Slack app manifest', () => {
  it('asks for the scopes behind every Web API method and event the bot uses', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      [
        'app_mentions:read', // app_mention events
        'channels:history', // watched channels (message.channels) and thread parents (conversations.replies)
        'chat:write', // chat.postMessage, chat.update
        'commands', // /summarize
        'im:history', // DMs (message.im)
        'reactions:write', // the 👀 sign of life (reactions.add)
      ].sort(),
    );
  });

  it('subscribes to the events the listeners handle', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(
      ['app_mention', 'message.channels', 'message.im'].sort(),
    );
  });

  it('declares /summarize, interactivity for its button, and Socket Mode', () => {
    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({ command: '/summarize', usage_hint: '<link> [public]' }),
    ]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
  });
});
