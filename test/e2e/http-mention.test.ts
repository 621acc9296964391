// Mentions, DMs and watched channels through signed Events API requests to the real HTTPReceiver.
import path from 'node:path';
import {
  accepted,
  SEED_HTML,
  eventBody,
  mention,
  mrkdwnOf,
  nextTs,
  postEvent,
  startHarness,
  visibleText,
  type Harness,
} from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ WATCH_CHANNELS: 'CWATCH,CWATCH2' });
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  expect(h.slack.rejected).toEqual([]);
});

const updatesIn = (channel: string) => accepted(h, 'chat.update', channel);
const postsIn = (channel: string) => accepted(h, 'chat.postMessage', channel);

describe('a mention with a link', () => {
  it('acks at once, shows a sign of life in the thread, then answers there with the grounded analysis', async () => {
    const ev = mention(`<${h.articles.origin}/seed|The Hill>`, { channel: 'CA' });
    const res = await postEvent(h, eventBody(ev));
    expect(res.status).toBe(200);

    await h.slack.waitFor(() => updatesIn('CA').length === 1);
    const reaction = h.slack.callsTo('reactions.add').find((c) => c.args.channel === 'CA');
    expect(reaction?.args).toMatchObject({ timestamp: ev.ts, name: 'eyes' });
    const [placeholder] = postsIn('CA');
    expect(placeholder!.args).toMatchObject({
      thread_ts: ev.ts,
      unfurl_links: 'false',
      unfurl_media: 'false',
    });
    expect(placeholder!.args.text).toMatch(/Reading/);

    const answer = updatesIn('CA')[0]!.args;
    const shown = visibleText(answer);
    expect(shown).toContain('US officials: Russia is not striking ISIS targets in Syria');
    expect(shown).toContain('*30* civilians killed — per the Syrian Observatory for Human Rights');
    expect(shown).toContain('◦ *six* children (part of the 30)');
    expect(shown).toContain('◦ *six* women (part of the 30)');
    expect(shown).not.toMatch(/\b(36|42)\b/);
    expect(shown).not.toContain('{mosads}');
    expect(shown).toContain('*Russian officials* vs. *U.S. defense officials*');
    expect(shown).toContain('Offline analyzer (no OPENAI_API_KEY set)');
  });

  it('replies inside the existing thread when mentioned in a thread', async () => {
    const ev = mention(`<${h.articles.origin}/seed>`, { channel: 'CB', thread_ts: '1699999999.000001' });
    await postEvent(h, eventBody(ev));
    await h.slack.waitFor(() => updatesIn('CB').length === 1);
    expect(postsIn('CB').every((c) => c.args.thread_ts === '1699999999.000001')).toBe(true);
  });

  it('answers a retried event once', async () => {
    const body = eventBody(mention(`<${h.articles.origin}/seed>`, { channel: 'CC' }));
    await postEvent(h, body);
    await postEvent(h, body, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    await postEvent(h, body, { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' });
    await h.slack.waitFor(() => updatesIn('CC').length >= 1);
    // one more event through the same app proves the retries were fully processed before we count
    const probe = mention('no link here', { channel: 'CC' });
    await postEvent(h, eventBody(probe));
    await h.slack.waitFor(() => postsIn('CC').some((c) => c.args.thread_ts === probe.ts));
    expect(updatesIn('CC')).toHaveLength(1);
    expect(postsIn('CC').filter((c) => c.args.thread_ts === body.event.ts)).toHaveLength(1);
  });

  it('fetches once when two people paste the same link at the same time, and answers both', async () => {
    const held = h.articles.hold('/seed-held');
    h.articles.serveFile('/seed-held', SEED_HTML, 'text/html; charset=utf-8');
    const a = mention(`<${h.articles.origin}/seed-held>`, { channel: 'CD', user: 'U1' });
    const b = mention(`<${h.articles.origin}/seed-held>`, { channel: 'CD2', user: 'U2' });
    await postEvent(h, eventBody(a));
    await postEvent(h, eventBody(b));
    await h.slack.waitFor(() => postsIn('CD').length === 1 && postsIn('CD2').length === 1);
    await h.articles.waitForHits('/seed-held', 1);
    held.release();
    await h.slack.waitFor(() => updatesIn('CD').length === 1 && updatesIn('CD2').length === 1);
    expect(h.articles.hits('/seed-held')).toBe(1);
    expect(visibleText(updatesIn('CD2')[0]!.args)).toContain('Syrian Observatory for Human Rights');
  });

  it('answers up to MAX_LINKS_PER_MESSAGE links, each on its own, and names the rest as skipped', async () => {
    for (const p of ['/l1', '/l2', '/l3', '/l4']) h.articles.serveFile(p, SEED_HTML, 'text/html');
    const links = ['/l1', '/l2', '/l3', '/l4'].map((p) => `<${h.articles.origin}${p}>`).join(' ');
    const ev = mention(links, { channel: 'CE' });
    await postEvent(h, eventBody(ev));
    await h.slack.waitFor(() => updatesIn('CE').length === 3);
    const texts = postsIn('CE').map((c) => String(c.args.text));
    expect(texts.filter((t) => t.includes('Reading'))).toHaveLength(3);
    expect(texts.find((t) => t.includes('skipped'))).toContain('/l4');
    expect(h.articles.hits('/l4')).toBe(0);
  });

  it('names a handful of skipped links and counts the rest, however many were pasted', async () => {
    const links = Array.from({ length: 40 }, (_, i) => `<${h.articles.origin}/roundup-${i}>`);
    await postEvent(h, eventBody(mention(links.join(' '), { channel: 'CMANY' })));
    await h.slack.waitFor(() => updatesIn('CMANY').length === 3);
    const skipped = String(postsIn('CMANY').find((c) => /skipped/.test(String(c.args.text)))!.args.text);
    expect(skipped).toMatch(/^I read the first 3 links only; skipped: `127\.0\.0\.1:\d+\/roundup-3`, /);
    expect(skipped).toContain('roundup-7`');
    expect(skipped).not.toContain('roundup-8');
    expect(skipped).toMatch(/ and 32 more\.$/);
  });

  it('reads the links of the thread parent when mentioned in a thread without a link', async () => {
    h.slack.seedMessage('CF', {
      ts: '1699999000.000100',
      text: `read this <${h.articles.origin}/seed>`,
      user: 'U7',
    });
    const ev = mention('what does this say?', { channel: 'CF', thread_ts: '1699999000.000100' });
    await postEvent(h, eventBody(ev));
    await h.slack.waitFor(() => updatesIn('CF').length === 1);
    expect(h.slack.callsTo('conversations.replies')[0]!.args).toMatchObject({
      channel: 'CF',
      ts: '1699999000.000100',
    });
    expect(visibleText(updatesIn('CF')[0]!.args)).toContain('Syrian Observatory');
  });

  it('says so when it may not read the thread’s first message, instead of the generic how-to', async () => {
    h.slack.fail('conversations.replies', { error: 'missing_scope', when: (a) => a.channel === 'GPRIV' });
    const ev = mention('summarize this please', { channel: 'GPRIV', thread_ts: '1699999000.000200' });
    await postEvent(h, eventBody(ev));
    await h.slack.waitFor(() => postsIn('GPRIV').length === 1);
    const reply = postsIn('GPRIV')[0]!.args;
    expect(reply.thread_ts).toBe('1699999000.000200');
    expect(String(reply.text)).toMatch(
      /^I’m not allowed to read this thread’s first message \(the app needs channels:history or groups:history\)\. Mention me again with the link itself/,
    );
  });

  it('answers a mention with no link anywhere with a short how-to in the thread', async () => {
    const ev = mention('hello', { channel: 'CG' });
    await postEvent(h, eventBody(ev));
    await h.slack.waitFor(() => postsIn('CG').length === 1);
    const reply = postsIn('CG')[0]!.args;
    expect(reply.thread_ts).toBe(ev.ts);
    expect(String(reply.text)).toMatch(/Paste a news link and mention me/);
    expect(String(reply.text).split('\n')).toHaveLength(2);
  });

  it('replaces the placeholder with one plain line saying what happened and what to try when the page does not exist', async () => {
    h.articles.route('/gone', {
      status: 404,
      headers: { 'content-type': 'text/html' },
      body: '<h1>Not found</h1>',
    });
    const ev = mention(`<${h.articles.origin}/gone>`, { channel: 'CH' });
    await postEvent(h, eventBody(ev));
    await h.slack.waitFor(() => updatesIn('CH').length === 1);
    const text = String(updatesIn('CH')[0]!.args.text);
    expect(text).toMatch(/^:warning: .*doesn’t exist \(404\)\. Check that the link is complete/);
    expect(text.split('\n')).toHaveLength(1);
  });

  it('refuses a link to a private address in one plain sentence, and keeps serving', async () => {
    await postEvent(
      h,
      eventBody(mention('<http://169.254.169.254/latest/meta-data/>', { channel: 'CPRIV' })),
    );
    await h.slack.waitFor(() => updatesIn('CPRIV').length === 1);
    expect(String(updatesIn('CPRIV')[0]!.args.text)).toMatch(
      /^:warning: `169\.254\.169\.254\/latest\/meta-data\/`: That link points to a private network address, so I won’t open it\.$/,
    );
  });

  it('says when it could only read the start of a paywalled article', async () => {
    h.articles.serveFile('/paywalled', path.resolve('test/fixtures/pages/paywall.html'), 'text/html');
    await postEvent(h, eventBody(mention(`<${h.articles.origin}/paywalled>`, { channel: 'CPAY' })));
    await h.slack.waitFor(() => updatesIn('CPAY').length === 1);
    expect(visibleText(updatesIn('CPAY')[0]!.args)).toMatch(
      /I could only read the first \d+ words \(paywall\?\)/,
    );
  });

  it('never lets an article ping the channel or forge a link', async () => {
    h.articles.route('/hostile', {
      headers: { 'content-type': 'text/html' },
      body: `<html><head><title>&lt;!channel&gt; Breaking</title></head><body><article><h1>&lt;!channel&gt; Breaking &lt;@U123&gt;</h1>
        ${'<p>Officials said &lt;!here&gt; that the flood had forced 200 residents from their homes, according to &lt;https://evil.example|the Red Cross&gt;, and rescue teams were searching the valley on Tuesday.</p>'.repeat(4)}
        </article></body></html>`,
    });
    const ev = mention(`<${h.articles.origin}/hostile>`, { channel: 'CI' });
    await postEvent(h, eventBody(ev));
    await h.slack.waitFor(() => updatesIn('CI').length === 1);
    const shown = mrkdwnOf(updatesIn('CI')[0]!.args);
    expect(shown).toContain('&lt;!here&gt;');
    expect(shown).not.toMatch(/<!(channel|here|everyone)>/);
    expect(shown).not.toContain('<@U123>');
    expect(shown).not.toContain('<https://evil.example');
  });
  it('answers an article whose title and metadata would overflow Slack’s limits', async () => {
    // 50 long JSON-LD authors (a syndicated wire piece can list that many), a site name full of &, and a
    // headline of astral emoji that Slack counts as two characters each.
    const authors = Array.from({ length: 50 }, (_, i) => ({
      '@type': 'Person',
      name: `Correspondent ${i} ${'of the Field Desk '.repeat(5)}`,
    }));
    const ld = {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: '🔥'.repeat(140),
      author: authors,
    };
    const para =
      '<p>Officials said the flood had forced 200 residents from their homes on Tuesday, according to the Red Cross, and rescue teams were searching the valley.</p>';
    h.articles.route('/overflow', {
      headers: { 'content-type': 'text/html' },
      body: `<html><head><title>${'🔥'.repeat(140)}</title><meta property="og:site_name" content="${'&amp;'.repeat(900)}">
        <script type="application/ld+json">${JSON.stringify(ld)}</script></head>
        <body><article><h1>${'🔥'.repeat(140)}</h1>${para.repeat(4)}</article></body></html>`,
    });
    const ev = mention(`<${h.articles.origin}/overflow>`, { channel: 'COVER' });
    await postEvent(h, eventBody(ev));
    await h.slack.waitFor(() => updatesIn('COVER').length === 1 || h.slack.rejected.length > 0);
    expect(h.slack.rejected).toEqual([]);
    const answer = updatesIn('COVER');
    expect(answer).toHaveLength(1);
    expect(visibleText(answer[0]!.args)).toContain('200 residents');
  });
});

describe('direct messages and watched channels', () => {
  it('answers a link sent in a DM, in the DM thread', async () => {
    const ts = nextTs();
    await postEvent(
      h,
      eventBody({
        type: 'message',
        channel: 'DM1',
        channel_type: 'im',
        user: 'U1',
        text: `<${h.articles.origin}/seed>`,
        ts,
      }),
    );
    await h.slack.waitFor(() => updatesIn('DM1').length === 1);
    expect(postsIn('DM1')[0]!.args.thread_ts).toBe(ts);
  });

  it('answers any message with a link in a watched channel, without a mention', async () => {
    const ts = nextTs();
    await postEvent(
      h,
      eventBody({
        type: 'message',
        channel: 'CWATCH',
        channel_type: 'channel',
        user: 'U1',
        text: `<${h.articles.origin}/seed>`,
        ts,
      }),
    );
    await h.slack.waitFor(() => postsIn('CWATCH').length === 1);
    // nobody asked, so no "Reading…" placeholder: the analysis is the one reply
    const reply = postsIn('CWATCH')[0]!.args;
    expect(reply.thread_ts).toBe(ts);
    expect(visibleText(reply)).toContain('Syrian Observatory');
  });

  it('leaves no trace in a watched channel for a link that is not an article', async () => {
    h.articles.route('/calendar-invite', {
      status: 200,
      headers: { 'content-type': 'text/calendar' },
      body: 'BEGIN:VCALENDAR\nEND:VCALENDAR\n',
    });
    const ts = nextTs();
    const message = { type: 'message', channel: 'CWATCH2', channel_type: 'channel', user: 'U1', ts };
    await postEvent(h, eventBody({ ...message, text: `<${h.articles.origin}/calendar-invite>` }));
    await h.slack.waitFor(() => accepted(h, 'reactions.remove', 'CWATCH2').length === 1);
    expect(h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'CWATCH2')).toEqual([]);
    expect(h.slack.reactions('CWATCH2', ts)).toEqual([]);
    // the same link, asked for by a mention, gets its one-line answer
    await postEvent(h, eventBody(mention(`<${h.articles.origin}/calendar-invite>`, { channel: 'CWATCH2' })));
    await h.slack.waitFor(() => updatesIn('CWATCH2').length === 1);
    expect(String(updatesIn('CWATCH2')[0]!.args.text)).toMatch(/^:warning: .*not a web page I can read/);
  });

  it('answers a mention in a watched channel once, though Slack sends it as a mention and a message', async () => {
    const ts = nextTs();
    const answered = updatesIn('CWATCH').length;
    const text = `<@UBOT> <${h.articles.origin}/seed>`;
    const asMessage = { type: 'message', channel: 'CWATCH', channel_type: 'channel', user: 'U1', text, ts };
    await postEvent(h, eventBody(asMessage));
    await postEvent(h, eventBody({ ...asMessage, type: 'app_mention' }));
    const inThread = () => postsIn('CWATCH').filter((c) => c.args.thread_ts === ts);
    await h.slack.waitFor(() => updatesIn('CWATCH').length > answered);
    expect(inThread()).toHaveLength(1);
    expect(accepted(h, 'reactions.add').filter((c) => c.args.timestamp === ts)).toHaveLength(1);
  });

  it('gives the how-to for a DM without a link, but not for every reply in its thread', async () => {
    const first = nextTs();
    const dm = { type: 'message', channel: 'DM3', channel_type: 'im', user: 'U1', ts: first };
    await postEvent(h, eventBody({ ...dm, text: 'thanks!', ts: nextTs(), thread_ts: first }));
    await postEvent(h, eventBody({ ...dm, text: 'hello' }));
    await h.slack.waitFor(() => postsIn('DM3').length === 1);
    expect(postsIn('DM3')[0]!.args).toMatchObject({ thread_ts: first });
    expect(String(postsIn('DM3')[0]!.args.text)).toMatch(/Paste a news link/);
  });

  it('answers a mention in a thread reply that was also sent to the channel', async () => {
    const parent = nextTs();
    const ev = mention(`<${h.articles.origin}/seed>`, {
      channel: 'CBCAST',
      subtype: 'thread_broadcast',
      thread_ts: parent,
    });
    await postEvent(h, eventBody(ev));
    await h.slack.waitFor(() => updatesIn('CBCAST').length === 1);
    expect(postsIn('CBCAST')[0]!.args.thread_ts).toBe(parent);
    expect(visibleText(updatesIn('CBCAST')[0]!.args)).toContain('Syrian Observatory');
  });

  it('ignores bots, edits, deletions and unwatched channels', async () => {
    const link = `<${h.articles.origin}/seed>`;
    const ignored = [
      { type: 'message', channel: 'CWATCH', user: 'U2', bot_id: 'BOTHER', text: link, ts: nextTs() },
      {
        type: 'message',
        subtype: 'bot_message',
        channel: 'CWATCH',
        bot_id: 'BOTHER',
        text: link,
        ts: nextTs(),
      },
      {
        type: 'message',
        subtype: 'message_changed',
        channel: 'CWATCH',
        message: { text: link },
        ts: nextTs(),
      },
      { type: 'message', subtype: 'message_deleted', channel: 'CWATCH', ts: nextTs() },
      {
        type: 'message',
        channel: 'CNOTWATCHED',
        channel_type: 'channel',
        user: 'U1',
        text: link,
        ts: nextTs(),
      },
      {
        type: 'app_mention',
        channel: 'CWATCH',
        bot_id: 'BOTHER',
        user: 'U2',
        text: `<@UBOT> ${link}`,
        ts: nextTs(),
      },
      // Slack raises app_mention again for an edited message: it was answered (or ignored) when first sent
      {
        type: 'app_mention',
        channel: 'CEDIT',
        user: 'U1',
        text: `<@UBOT> ${link}`,
        ts: nextTs(),
        edited: { user: 'U1', ts: nextTs() },
      },
    ];
    const before = h.slack.calls.length;
    for (const ev of ignored) expect((await postEvent(h, eventBody(ev))).status).toBe(200);
    // a DM sent after them is answered; by then every ignored event has been fully handled
    const ts = nextTs();
    await postEvent(
      h,
      eventBody({ type: 'message', channel: 'DM2', channel_type: 'im', user: 'U1', text: 'hi', ts }),
    );
    await h.slack.waitFor(() => postsIn('DM2').length === 1);
    const newCalls = h.slack.calls.slice(before).filter((c) => c.method !== 'auth.test');
    expect(newCalls.map((c) => c.args.channel)).toEqual(['DM2']);
  });
});
