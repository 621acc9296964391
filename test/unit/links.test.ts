import { findLinks, findLinksInBlocks, linksOfMessage, unescapeSlack } from '../../src/article/links';

describe('finding links in Slack messages', () => {
  it('reads <url> and <url|label> links and unescapes &amp; in query strings', () => {
    const text = '<@UBOT> look <https://news.example/a?x=1&amp;y=2|the story> and <https://b.example/c>';
    expect(findLinks(text)).toEqual(['https://news.example/a?x=1&y=2', 'https://b.example/c']);
  });

  it('ignores user, channel and special mentions', () => {
    expect(findLinks('<@U123> <#C123|general> <!here> <!subteam^S1|team> hi')).toEqual([]);
  });

  it('ignores non-web schemes', () => {
    expect(findLinks('<mailto:a@b.c|mail> <ftp://x.example/f> <javascript:alert(1)>')).toEqual([]);
  });

  it('finds bare URLs (slash command text) and drops sentence punctuation after them', () => {
    expect(findLinks('please read https://x.example/story. Then https://y.example/a_(b), ok?')).toEqual([
      'https://x.example/story',
      'https://y.example/a_(b)',
    ]);
  });

  it('lists each link once, in the order written', () => {
    expect(findLinks('<https://a.example/1> <https://b.example/2> <https://a.example/1|again>')).toEqual([
      'https://a.example/1',
      'https://b.example/2',
    ]);
  });

  it('reads link elements from rich_text blocks and merges them with the text links', () => {
    const blocks = [
      {
        type: 'rich_text',
        elements: [
          {
            type: 'rich_text_section',
            elements: [
              { type: 'link', url: 'https://a.example/1' },
              { type: 'link', url: 'https://c.example/3' },
            ],
          },
        ],
      },
    ];
    expect(findLinksInBlocks(blocks)).toEqual(['https://a.example/1', 'https://c.example/3']);
    expect(linksOfMessage({ text: '<https://a.example/1>', blocks })).toEqual([
      'https://a.example/1',
      'https://c.example/3',
    ]);
  });

  it('finds the story link of a feed bot’s post in its section blocks or attachments', () => {
    const feedPost = {
      text: 'New story',
      blocks: [
        {
          type: 'section',
          text: { type: 'mrkdwn', text: '*<https://news.example/a?x=1&amp;y=2|Flood kills 12>*' },
        },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'via <https://news.example/feed|Wire>' }] },
      ],
    };
    // the "via" line is the post's furniture, not a second story to answer
    expect(linksOfMessage(feedPost)).toEqual(['https://news.example/a?x=1&y=2']);
    // …unless it is the only link there is
    expect(linksOfMessage({ text: 'New story', blocks: feedPost.blocks.slice(1) })).toEqual([
      'https://news.example/feed',
    ]);
    const rss = {
      text: '',
      attachments: [{ title: 'Flood kills 12', title_link: 'https://news.example/b' }],
    };
    expect(linksOfMessage(rss)).toEqual(['https://news.example/b']);
    // an unfurl of the link the person pasted adds nothing new
    const pasted = {
      text: '<https://news.example/c>',
      attachments: [{ from_url: 'https://news.example/c' }],
    };
    expect(linksOfMessage(pasted)).toEqual(['https://news.example/c']);
    // Slack's unfurl names the page's canonical address too: still the one story that was pasted
    const unfurled = {
      text: '<https://news.example/c?utm_source=twitter>',
      attachments: [
        {
          from_url: 'https://news.example/c?utm_source=twitter',
          title_link: 'https://news.example/c',
          title: 'Flood kills 12',
        },
      ],
    };
    expect(linksOfMessage(unfurled)).toEqual(['https://news.example/c?utm_source=twitter']);
  });

  it('counts a page once whatever its fragment', () => {
    expect(findLinks('<https://x.example/a> and <https://x.example/a#comments>')).toEqual([
      'https://x.example/a',
    ]);
    expect(
      linksOfMessage({
        text: '<https://x.example/a#top>',
        blocks: [{ type: 'rich_text', elements: [{ type: 'link', url: 'https://x.example/a' }] }],
      }),
    ).toEqual(['https://x.example/a#top']);
  });

  it('ends a bare URL at an escaped angle bracket (what "/summarize <https://…>" sends)', () => {
    expect(findLinks('&lt;https://x.example/a?b=1&amp;c=2&gt; public')).toEqual([
      'https://x.example/a?b=1&c=2',
    ]);
    expect(findLinks('see https://x.example/story…')).toEqual(['https://x.example/story']);
  });

  it('unescapes only the three Slack entities', () => {
    expect(unescapeSlack('&lt;b&gt; &amp; &quot;')).toBe('<b> & &quot;');
  });
});
