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
    expect(linksOfMessage(feedPost)).toEqual(['https://news.example/a?x=1&y=2', 'https://news.example/feed']);
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
  });

  it('unescapes only the three Slack entities', () => {
    expect(unescapeSlack('&lt;b&gt; &amp; &quot;')).toBe('<b> & &quot;');
  });
});
