import { declaredLanguage, decodeHtml, detectorSample, prescanMetaCharset } from '../../src/article/charset';
import { encodeLegacy, encodeUtf16le } from '../fakes/hostile-server';

// Seed paragraphs: the reference story's opening, retold in each language.
const RUSSIAN =
  'Россия нанесла авиаудары по северу Сирии во вторник, сообщили местные власти. По данным ' +
  'министерства здравоохранения, погибли по меньшей мере двенадцать человек, ещё тридцать получили ' +
  'ранения. Представитель оппозиции заявил, что удары пришлись по рынку и больнице, однако в Москве ' +
  'это опровергли и назвали целями склады боеприпасов.';
const JAPANESE =
  'ロシアは火曜日、シリア北部で空爆を行ったと地元当局が発表した。保健省によると、少なくとも十二人が死亡し、' +
  '三十人が負傷した。反体制派の報道官は市場と病院が攻撃されたと述べたが、モスクワ側はこれを否定し、' +
  '弾薬庫を標的にしたと説明した。';
const CHINESE =
  '俄罗斯周二对叙利亚北部发动空袭，当地官员表示。据卫生部称，至少十二人死亡，另有三十人受伤。' +
  '反对派发言人说，空袭击中了市场和医院，但莫斯科方面予以否认，称目标是弹药库。';
const FRENCH =
  'La Russie a mené mardi des frappes aériennes dans le nord de la Syrie, ont déclaré les autorités ' +
  'locales. Selon le ministère de la Santé, au moins douze personnes ont été tuées et trente blessées. ' +
  "Un porte-parole de l'opposition a affirmé que le marché et l'hôpital avaient été touchés ; Moscou a " +
  'démenti, évoquant des dépôts de munitions. « Nous étions là », a déclaré un témoin âgé.';

const page = (body: string, head = ''): string =>
  `<!doctype html><html><head>${head}<title>t</title></head><body><article><p>${body}</p></article></body></html>`;

describe('decodeHtml', () => {
  it('reads windows-1251 Cyrillic with no header charset and no meta (detector)', () => {
    const out = decodeHtml(encodeLegacy(page(RUSSIAN), 'windows-1251'), null);
    expect(out.charset).toBe('windows-1251');
    expect(out.text).toContain(RUSSIAN);
  });

  it('reads Shift_JIS Japanese with no header charset and no meta', () => {
    const out = decodeHtml(encodeLegacy(page(JAPANESE), 'shift_jis'), null);
    expect(out.charset).toBe('shift_jis');
    expect(out.text).toContain(JAPANESE);
  });

  it('reads GBK Chinese with no header charset and no meta', () => {
    const out = decodeHtml(encodeLegacy(page(CHINESE), 'gbk'), null);
    expect(['gbk', 'gb18030']).toContain(out.charset);
    expect(out.text).toContain(CHINESE);
  });

  it('reads Latin-1 French with no header charset and no meta', () => {
    const out = decodeHtml(encodeLegacy(page(FRENCH), 'windows-1252'), null);
    expect(out.charset).toBe('windows-1252');
    expect(out.text).toContain(FRENCH);
  });

  it('maps windows-1252 bytes 0x80-0x9F to curly quotes, dashes and the euro sign', () => {
    const bytes = Buffer.concat([
      Buffer.from('<p>'),
      Buffer.from([0x93, 0x80, 0x35, 0x97, 0x92, 0x94]),
      Buffer.from('</p>'),
    ]);
    expect(decodeHtml(bytes, 'windows-1252').text).toBe('<p>\u201c\u20ac5\u2014\u2019\u201d</p>');
  });

  it('lets the BOM win over a contradicting header (UTF-16LE)', () => {
    const out = decodeHtml(encodeUtf16le(page(RUSSIAN)), 'windows-1252');
    expect(out.charset).toBe('utf-16le');
    expect(out.text).toContain(RUSSIAN);
    expect(out.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('honours a header charset over the detector', () => {
    const out = decodeHtml(encodeLegacy(page(RUSSIAN), 'windows-1251'), 'cp1251');
    expect(out).toMatchObject({ charset: 'windows-1251', source: 'header' });
  });

  it('falls back to <meta> when the header says utf-8 but the bytes are not UTF-8 (no U+FFFD)', () => {
    const bytes = encodeLegacy(page(RUSSIAN, '<meta charset="windows-1251">'), 'windows-1251');
    const out = decodeHtml(bytes, 'utf-8');
    expect(out).toMatchObject({ charset: 'windows-1251', source: 'meta' });
    expect(out.text).not.toContain('\uFFFD');
  });

  it('reads the http-equiv form of <meta> (Shift_JIS)', () => {
    const head = '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">';
    const out = decodeHtml(encodeLegacy(page(JAPANESE, head), 'shift_jis'), null);
    expect(out).toMatchObject({ charset: 'shift_jis', source: 'meta' });
    expect(out.text).toContain(JAPANESE);
  });

  it('ignores an unknown header label (charset=bogus-9) and still decodes', () => {
    const out = decodeHtml(Buffer.from(page(FRENCH), 'utf8'), 'bogus-9');
    expect(out.charset).toBe('utf-8');
    expect(out.text).toContain(FRENCH);
  });

  it('recovers with the detector when <meta charset> sits after the first 1,024 bytes', () => {
    const head = `<!-- ${'x'.repeat(1200)} --><meta charset="windows-1251">`;
    const bytes = encodeLegacy(page(RUSSIAN, head), 'windows-1251');
    expect(prescanMetaCharset(bytes)).toBeNull();
    const out = decodeHtml(bytes, null);
    expect(out.text).toContain(RUSSIAN);
  });

  it('treats a <meta> claiming UTF-16 in ASCII markup as UTF-8', () => {
    expect(prescanMetaCharset(Buffer.from('<meta charset="utf-16">'))).toBe('utf-8');
  });

  it('never leaves U+FFFD in text decoded without any declaration', () => {
    // Bytes that are neither valid UTF-8 nor convincingly anything else end in windows-1252, which maps every byte.
    const noise = Buffer.from([
      0x3c, 0x70, 0x3e, 0x81, 0x8d, 0x8f, 0x90, 0x9d, 0xff, 0xfe, 0x3c, 0x2f, 0x70, 0x3e,
    ]);
    expect(decodeHtml(noise, null).text).not.toContain('\uFFFD');
  });
});

// A realistic page: an inline config script before the body, navigation and a footer in ASCII.
const realistic = (body: string, scriptBytes: number): string =>
  '<!doctype html><html><head><title>News</title><link rel="stylesheet" href="/a.css">' +
  `<script>var config = ${JSON.stringify({ blob: 'x'.repeat(scriptBytes) })};</script>` +
  '<style>body { font: 16px/1.4 serif }</style></head><body>' +
  '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>' +
  `<!-- ad slot ${'-'.repeat(200)} --><article><p>${body}</p><p>${body}</p></article>` +
  '<footer>Copyright 2026 Example Media. All rights reserved.</footer></body></html>';

describe('charset detection on realistic pages (no header, no meta)', () => {
  it.each([
    ['windows-1251', 30_000, RUSSIAN],
    ['windows-1251', 70_000, RUSSIAN],
    ['shift_jis', 70_000, JAPANESE],
    ['gbk', 70_000, CHINESE],
    ['windows-1252', 70_000, FRENCH],
  ] as const)('reads %s behind %i bytes of inline script', (encoding, scriptBytes, text) => {
    const out = decodeHtml(encodeLegacy(realistic(text, scriptBytes), encoding), null);
    expect(out.source).toBe('detector');
    expect(out.text).toContain(text);
  });

  it.each([
    ['a one-sentence brief', 'Москва заявила о новых ударах.'],
    ['a headline only', 'В Сирии погибли 12 человек'],
    ['a single word', 'Новости'],
  ])('reads %s in windows-1251 amid ASCII navigation', (_name, text) => {
    const out = decodeHtml(encodeLegacy(realistic(text, 0), 'windows-1251'), null);
    expect(out.charset).toBe('windows-1251');
    expect(out.text).toContain(text);
  });

  it.each([
    ['windows-1252', 'The café reopened.'],
    ['windows-1252', 'Le président a déclaré mardi que les négociations étaient terminées.'],
    ['windows-1252', 'Die Bundesregierung hat am Dienstag über die Maßnahmen beraten.'],
    ['windows-1250', 'Rząd ogłosił we wtorek nowe środki gospodarcze dla regionu.'],
    ['shift_jis', '東京で地震が発生した。'],
    ['gbk', '北京发生地震。'],
  ] as const)('reads a one-sentence %s page', (encoding, text) => {
    const out = decodeHtml(encodeLegacy(realistic(text, 0), encoding), null);
    expect(out.text).toContain(text);
  });

  it('judges only visible text runs that hold non-ASCII bytes', () => {
    const page = Buffer.concat([
      Buffer.from('<html><head><title>Home</title><script>var s = "'),
      Buffer.from([0xe9, 0xe9]),
      Buffer.from('"; if (a < b) {}</script><style>p:after{content:"'),
      Buffer.from([0xe8]),
      Buffer.from('"}</style></head><body><!-- '),
      Buffer.from([0xe0]),
      Buffer.from(' --><nav>Sport</nav><p title="'),
      Buffer.from([0xfc]),
      Buffer.from('">caf'),
      Buffer.from([0xe9]),
      Buffer.from(' ouvert</p><SCRIPT type=x>'),
      Buffer.from([0xe2]),
      Buffer.from('</SCRIPT >na'),
      Buffer.from([0xef]),
      Buffer.from('ve</body></html>'),
    ]);
    expect(Buffer.from(detectorSample(page)).toString('latin1')).toBe('caf\u00e9 ouvert na\u00efve ');
  });
});

// A page in English with one foreign word: too few bytes for the detector to find anything.
const oneWord = (word: string, lang = ''): string =>
  `<!doctype html><html${lang ? ` lang="${lang}"` : ''}><head><title>News</title></head><body>` +
  `<nav><a href="/">Home</a></nav><p>${word}</p><p>The mayor said the road was closed.</p></body></html>`;

describe('charset detection with too little signal', () => {
  it.each([
    ['windows-1251', 'Москва'],
    ['windows-1251', 'Киев'],
    ['windows-1252', 'Zürich'],
    ['shift_jis', '東京'],
    ['gbk', '北京'],
  ] as const)('reads a single %s word amid ASCII, with no declaration at all', (encoding, word) => {
    const out = decodeHtml(encodeLegacy(oneWord(word), encoding), null);
    expect(out.text).toContain(word);
  });

  it('reads a single Greek word (windows-1253) rather than three rare Chinese characters', () => {
    const bytes = Buffer.concat([
      Buffer.from('<html><body><p>'),
      Buffer.from([0xc5, 0xeb, 0xeb, 0xdc, 0xe4, 0xe1]), // Ελλάδα
      Buffer.from('</p><p>The mayor said the road was closed.</p></body></html>'),
    ]);
    expect(decodeHtml(bytes, null).text).toContain('Ελλάδα');
  });

  it("follows the page's declared language when the bytes could be several encodings", () => {
    const word = 'Poznań';
    expect(decodeHtml(encodeLegacy(oneWord(word), 'windows-1250'), null).text).not.toContain(word);
    const hinted = decodeHtml(encodeLegacy(oneWord(word, 'pl'), 'windows-1250'), null);
    expect(hinted).toMatchObject({ charset: 'windows-1250', source: 'detector' });
    expect(hinted.text).toContain(word);
  });

  it("follows the site's country domain when the page declares nothing", () => {
    const bytes = encodeLegacy(oneWord('Poznań'), 'windows-1250');
    expect(decodeHtml(bytes, null, 'https://www.example.pl/news/1').text).toContain('Poznań');
    expect(decodeHtml(bytes, null, 'https://www.example.com/news/1').charset).toBe('windows-1252');
  });

  it('does not let a declared language override bytes that say otherwise', () => {
    const page = realistic(RUSSIAN, 0).replace('<html>', '<html lang="en">');
    const out = decodeHtml(encodeLegacy(page, 'windows-1251'), null);
    expect(out.charset).toBe('windows-1251');
    expect(out.text).toContain(RUSSIAN);
  });

  it('reads the declared language from <html lang>, Content-Language and og:locale', () => {
    expect(declaredLanguage(Buffer.from('<html class="x" lang="ru-RU">'))).toBe('ru-ru');
    expect(declaredLanguage(Buffer.from('<meta http-equiv="Content-Language" content="pl">'))).toBe('pl');
    expect(declaredLanguage(Buffer.from('<meta content="el_GR" property="og:locale">'))).toBe('el-gr');
    expect(declaredLanguage(Buffer.from('<html><body>'))).toBeNull();
  });
});
