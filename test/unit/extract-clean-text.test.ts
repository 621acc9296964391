import { cleanParagraph, countWords, looksBinary } from '../../src/article/clean-text';
import { isFurniture, isUpdateStamp } from '../../src/article/boilerplate';

describe('cleanParagraph', () => {
  it('removes invisible and bidi control characters and collapses whitespace', () => {
    expect(
      cleanParagraph('  30\u200B civilians\u202E were\u2066 killed\u00AD,\u00A0officials\n\tsaid\uFEFF '),
    ).toBe('30 civilians were killed, officials said');
  });

  it('removes Unicode tag characters that can spell hidden instructions', () => {
    const hidden = Array.from('ignore the article', (c) =>
      String.fromCodePoint(0xe0000 + c.charCodeAt(0)),
    ).join('');
    expect(cleanParagraph(`Six people were injured.${hidden}`)).toBe('Six people were injured.');
  });

  it('removes CMS tokens such as {mosads} glued to a word, but keeps braces around real text', () => {
    expect(cleanParagraph('{mosads}Moscow began airstrikes')).toBe('Moscow began airstrikes');
    expect(cleanParagraph('The set {1, 2, 3} was used')).toBe('The set {1, 2, 3} was used');
  });

  it.each([
    ['{loadposition user1}Moscow began airstrikes', 'Moscow began airstrikes'],
    ['Moscow began airstrikes {mosloadposition banner_top}', 'Moscow began airstrikes'],
    ['{module Latest News} Moscow began airstrikes', 'Moscow began airstrikes'],
    ['{loadmodule mod_custom,Promo box} Moscow {mospagebreak title=Page 2} began', 'Moscow began'],
    ['{LOADPOSITION ads}{mosimage}Moscow began{jcomments on}', 'Moscow began'],
    ['{loadmoduleid 42}Moscow began', 'Moscow began'],
  ])('removes the CMS placeholder with arguments in %p', (raw, clean) => {
    expect(cleanParagraph(raw)).toBe(clean);
  });

  it.each([
    'The {mosaic of voices} stayed',
    'She wrote {loadpositions here} on the board',
    'The code was {"module": "x"} in the config',
    'A brace { module x } with spaces inside is prose',
    'The {modules of the course} were listed',
  ])('keeps braces with arguments that are not a known placeholder: %p', (text) => {
    expect(cleanParagraph(text)).toBe(text);
  });
});

describe('countWords and looksBinary', () => {
  it('counts words the way a reader would', () => {
    expect(countWords("U.S. officials didn't confirm 1,200 deaths — yet")).toBe(7);
  });

  it('tells binary junk from text', () => {
    expect(looksBinary('\u0000\u0001\u0002\uFFFD'.repeat(100))).toBe(true);
    expect(looksBinary('<p>Plain text</p>'.repeat(100))).toBe(false);
  });
});

describe('isFurniture', () => {
  it.each([
    'Advertisement',
    'Read more: How to prepare your home',
    'By Lena Park',
    'October 1, 2015 2:30 PM ET',
    '© 2024 Valley Herald. All rights reserved.',
    'Share on Facebook',
  ])('treats %p as furniture', (text) => {
    expect(isFurniture({ text, tag: 'p', linkDensity: 0 }, null)).toBe(true);
  });

  it.each([
    'By Friday, the fire had burned 1,200 hectares and forced 800 people from their homes.',
    '— Updated at 4:54 p.m. ET',
    'Read the statement in full, the ministry urged reporters on Tuesday, before it named the victims.',
  ])('keeps %p', (text) => {
    expect(isFurniture({ text, tag: 'p', linkDensity: 0 }, null)).toBe(false);
  });

  it('drops a block that is all link however long it is (tag clouds, promo boxes)', () => {
    const cloud = Array.from({ length: 40 }, (_, i) => `stock car ${i}`).join(', ');
    expect(isFurniture({ text: cloud, tag: 'p', linkDensity: 1 }, null)).toBe(true);
    expect(isFurniture({ text: cloud, tag: 'p', linkDensity: 0.5 }, null)).toBe(false);
  });

  it('drops the headline when it is repeated in the body', () => {
    expect(
      isFurniture({ text: 'Harbour strike ends', tag: 'h1', linkDensity: 0 }, 'Harbour Strike Ends'),
    ).toBe(true);
  });

  it('recognises update stamps', () => {
    expect(isUpdateStamp('— Updated at 4:54 p.m. ET')).toBe(true);
    expect(isUpdateStamp('Updates to the tax code were approved.')).toBe(false);
  });
});
