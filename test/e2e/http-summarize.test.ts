// /summarize and its "Post to channel" button, as Slack sends them: signed form posts to /slack/events.
import {
  accepted,
  postForm,
  SEED_HTML,
  slashCommand,
  startHarness,
  visibleText,
  type Harness,
} from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  expect(h.slack.rejected).toEqual([]);
});

const responsesTo = (responseUrl: string) => {
  const id = responseUrl.split('/').pop();
  return h.slack.responses.filter((r) => r.id === id).map((r) => r.body);
};

function buttonPress(responseUrl: string, url: string, channel = 'C1', messageTs = '1700000000.000999') {
  const payload = {
    type: 'block_actions',
    team: { id: 'T1', domain: 'newsroom' },
    user: { id: 'U1', username: 'reporter', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
    container: { type: 'message', message_ts: messageTs, channel_id: channel, is_ephemeral: true },
    trigger_id: '1.2.3',
    channel: { id: channel, name: 'news' },
    response_url: responseUrl,
    actions: [
      {
        action_id: 'newsdesk_post_to_channel',
        block_id: 'b1',
        type: 'button',
        value: url,
        text: { type: 'plain_text', text: 'Post to channel' },
        action_ts: '1700000001.000001',
      },
    ],
  };
  return { payload: JSON.stringify(payload) };
}

describe('/summarize', () => {
  it('acks with a sign of life, then answers only the asker with a Post to channel button', async () => {
    const cmd = slashCommand(h, `${h.articles.origin}/seed`);
    const ack = await postForm(h, cmd);
    expect(ack.status).toBe(200);
    expect(JSON.parse(ack.body)).toMatchObject({ response_type: 'ephemeral' });
    expect(ack.body).toContain('Reading');

    await h.slack.waitFor(() => responsesTo(cmd.response_url).length === 1);
    const reply = responsesTo(cmd.response_url)[0]!;
    expect(reply.response_type).toBe('ephemeral');
    const shown = visibleText(reply);
    expect(shown).toContain('Syrian Observatory for Human Rights');
    expect(shown).toContain('"action_id":"newsdesk_post_to_channel"');
    expect(accepted(h, 'chat.postMessage', 'C1')).toEqual([]);
  });

  it('shows usage for /summarize alone, /summarize help, and text without a link', async () => {
    for (const text of ['', 'help', 'what is this']) {
      const ack = await postForm(h, slashCommand(h, text));
      expect(ack.status).toBe(200);
      expect(JSON.parse(ack.body).text).toContain('/summarize <link>');
    }
  });

  it('posts in the channel at once with `public`, never as a thread reply', async () => {
    const cmd = slashCommand(h, `${h.articles.origin}/seed public`, { channel_id: 'CPUB' });
    await postForm(h, cmd);
    await h.slack.waitFor(() => accepted(h, 'chat.postMessage', 'CPUB').length > 0);
    const post = accepted(h, 'chat.postMessage', 'CPUB')[0]!.args;
    expect(post.thread_ts).toBeUndefined();
    expect(post).toMatchObject({ unfurl_links: 'false', unfurl_media: 'false' });
    expect(visibleText(post)).toContain('Shared by <@U1> with /summarize');
  });

  it('tells the asker privately when it cannot post publicly in a channel it is not in', async () => {
    h.slack.fail('chat.postMessage', { error: 'not_in_channel', when: (a) => a.channel === 'CPRIV' });
    const cmd = slashCommand(h, `${h.articles.origin}/seed public`, { channel_id: 'CPRIV' });
    await postForm(h, cmd);
    await h.slack.waitFor(() => responsesTo(cmd.response_url).length === 2);
    const [why, analysis] = responsesTo(cmd.response_url);
    expect(String(why!.text)).toMatch(/invite me/i);
    expect(visibleText(analysis!)).toContain('Syrian Observatory');
  });

  it('answers every link within response_url’s five uses when it cannot post publicly', async () => {
    h.slack.fail('chat.postMessage', {
      error: 'not_in_channel',
      times: 3,
      when: (a) => a.channel === 'CPRIV3',
    });
    for (const p of ['/p1', '/p2', '/p3']) h.articles.serveFile(p, SEED_HTML, 'text/html');
    const links = ['/p1', '/p2', '/p3'].map((p) => `${h.articles.origin}${p}`).join(' ');
    const cmd = slashCommand(h, `${links} public`, { channel_id: 'CPRIV3' });
    await postForm(h, cmd);
    await h.slack.waitFor(() => responsesTo(cmd.response_url).length === 4 || h.slack.rejected.length > 0);
    expect(h.slack.rejected).toEqual([]);
    // one note saying why, then each analysis privately
    const [why, ...analyses] = responsesTo(cmd.response_url);
    expect(String(why!.text)).toMatch(/invite me/i);
    expect(analyses).toHaveLength(3);
    for (const a of analyses) expect(visibleText(a)).toContain('Syrian Observatory');
  });

  it('answers at most four links (a response_url takes five posts, one kept for a note), whatever MAX_LINKS_PER_MESSAGE says', async () => {
    const wide = await startHarness({ MAX_LINKS_PER_MESSAGE: '7' });
    try {
      const paths = ['/w1', '/w2', '/w3', '/w4', '/w5', '/w6', '/w7'];
      for (const p of paths) wide.articles.serveFile(p, SEED_HTML, 'text/html');
      const cmd = slashCommand(wide, paths.map((p) => `${wide.articles.origin}${p}`).join(' '));
      const ack = await postForm(wide, cmd);
      expect(JSON.parse(ack.body).text).toMatch(/first 4 links only; skipped: .*\/w5.*\/w6.*\/w7/);
      const id = cmd.response_url.split('/').pop();
      const replies = () => wide.slack.responses.filter((r) => r.id === id);
      await wide.slack.waitFor(() => replies().length === 4 || wide.slack.rejected.length > 0);
      expect(wide.slack.rejected).toEqual([]);
      expect(replies().every((r) => visibleText(r.body).includes('Syrian Observatory'))).toBe(true);
      expect(['/w5', '/w6', '/w7'].map((p) => wide.articles.hits(p))).toEqual([0, 0, 0]);
    } finally {
      await wide.close();
    }
  });

  it('answers a bad link with one line to the asker', async () => {
    const cmd = slashCommand(h, 'http://127.0.0.1:1/secret');
    await postForm(h, cmd);
    await h.slack.waitFor(() => responsesTo(cmd.response_url).length === 1);
    const text = String(responsesTo(cmd.response_url)[0]!.text);
    expect(text).toMatch(/^:warning: /);
    expect(text.split('\n')).toHaveLength(1);
  });
});

/** The value of the Post to channel button in a private answer. */
const buttonValue = (reply: Record<string, unknown>) => {
  const actions = (reply.blocks as { type: string; elements?: { value?: string }[] }[]).find(
    (b) => b.type === 'actions',
  );
  return actions!.elements![0]!.value!;
};

describe('the Post to channel button', () => {
  it('posts the analysis the asker was shown, even if the page has changed since', async () => {
    const fresh = await startHarness({ CACHE_TTL_MINUTES: '0' });
    try {
      fresh.articles.serveFile('/story', SEED_HTML, 'text/html');
      const cmd = slashCommand(fresh, `${fresh.articles.origin}/story`, { channel_id: 'CSHOWN' });
      await postForm(fresh, cmd);
      const id = cmd.response_url.split('/').pop();
      await fresh.slack.waitFor(() => fresh.slack.responses.some((r) => r.id === id));
      const shown = fresh.slack.responses.find((r) => r.id === id)!.body;
      // the story is taken down after the asker read the summary
      fresh.articles.route('/story', { status: 404, body: 'gone' });
      const pressUrl = fresh.slack.responseUrl();
      await postForm(fresh, buttonPress(pressUrl, buttonValue(shown), 'CSHOWN'));
      await fresh.slack.waitFor(() => fresh.slack.responses.some((r) => r.id === pressUrl.split('/').pop()));
      const posts = accepted(fresh, 'chat.postMessage', 'CSHOWN');
      expect(posts).toHaveLength(1);
      expect(visibleText(posts[0]!.args)).toContain('Syrian Observatory for Human Rights');
      expect(fresh.articles.hits('/story')).toBe(1);
      expect(fresh.slack.rejected).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('says so, in one line, when the summary behind an old button is gone', async () => {
    const responseUrl = h.slack.responseUrl();
    await postForm(h, buttonPress(responseUrl, '0b9a4c1e-6f1a-4d7e-9a53-2d1f0c8e7b11', 'COLD'));
    await h.slack.waitFor(() => responsesTo(responseUrl).length === 1);
    expect(String(responsesTo(responseUrl)[0]!.text)).toMatch(/too old to post now/);
    expect(h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'COLD')).toEqual([]);
  });

  it('posts once however often it is pressed (a button carrying only the link reads it again)', async () => {
    const responseUrl = h.slack.responseUrl();
    const press = buttonPress(responseUrl, `${h.articles.origin}/seed`, 'CBTN');
    expect((await postForm(h, press)).status).toBe(200);
    expect((await postForm(h, press)).status).toBe(200);
    await h.slack.waitFor(() => responsesTo(responseUrl).length === 1);
    const posts = accepted(h, 'chat.postMessage', 'CBTN');
    expect(posts).toHaveLength(1);
    expect(visibleText(posts[0]!.args)).toContain('Syrian Observatory for Human Rights');
    expect(responsesTo(responseUrl)[0]).toMatchObject({ replace_original: true });
  });
});
