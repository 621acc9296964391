// CMS template artefacts: placeholders that a plugin, theme or page builder should have replaced, left in the
// article text when the plugin is off or the page came from a preview ("{loadposition ads}", "{{author}}",
// "[caption id=…]…[/caption]"). Only forms no reporter writes are removed: braces and brackets in prose
// ("[sic]", "[the minister]", "{Redacted}", "The set {1, 2, 3}") are the article's own words.

// Joomla/Mambo content-plugin names no prose uses ("{loadposition user1}", "{mosimage}", "{LOADPOSITION x}").
const JOOMLA_NAMES = [
  'loadposition',
  'loadmodule',
  'loadmoduleid',
  'loadcomponent',
  'loadnav',
  'modulepos',
  'mosloadposition',
  'mospagebreak',
  'mosimage',
  'mosads',
  'mosgoogle',
  'mosmap',
  'emailcloak',
  'jcomments',
  'jumi',
  'jathumbnail',
  'phocagallery',
  'phocadownload',
  'rokbox',
  'sigplus',
  'sigpro',
  'artsexylightbox',
  'highslide',
  'jwplayer',
  'avsplayer',
];
// Plugin names that are also words ("{module Latest News}", "{tab=Facts}…{/tabs}"): lower case only, as the
// plugins write them.
const JOOMLA_WORDS = [
  'module',
  'gallery',
  'tab',
  'tabs',
  'slide',
  'slider',
  'sliders',
  'slides',
  'accordion',
];
// Joomla media plugins ("{youtube}dQw4w9WgXcQ{/youtube}"): what they wrap is an id, URL or folder, not text.
const JOOMLA_MEDIA = [
  'youtube',
  'vimeo',
  'dailymotion',
  'flv',
  'mp4',
  'mp3',
  'swf',
  'wmv',
  'mov',
  'soundcloud',
  'gallery',
  'sigplus',
  'sigpro',
  'jwplayer',
  'avsplayer',
];
const ARGS = '(?:[\\s=][^{}\\n]{0,200})?';
const JOOMLA_TOKEN = new RegExp(`\\{/?(?:${JOOMLA_NAMES.join('|')})${ARGS}\\}`, 'gi');
const JOOMLA_WORD_TOKEN = new RegExp(
  `\\{/?(?:${[...JOOMLA_WORDS, ...JOOMLA_MEDIA].join('|')})${ARGS}\\}`,
  'g',
);
const JOOMLA_MEDIA_PAIR = new RegExp(
  `\\{(${JOOMLA_MEDIA.join('|')})${ARGS}\\}[^{}\\s]{0,500}\\{/\\1\\}`,
  'gi',
);
// Any other lower-case token that touches a word or stands alone ("{mosads}Moscow", "{adsense}"): a
// reporter's braces have spaces round them.
const GLUED_TOKEN = /(?<=[\p{L}\p{N}])\{[a-z][a-z0-9_]{1,30}\}|\{[a-z][a-z0-9_]{1,30}\}(?=[\p{L}\p{N}])/gu;
const LONE_TOKEN = /^\s*\{[a-z][a-z0-9_]{1,30}\}\s*$/;

// Mustache/Handlebars/Angular ("{{author}}", "{{{body}}}", "{{#if paid}}"), Jinja/Liquid ("{% include ad %}"),
// JavaScript and EL ("${headline}") and Yoast SEO ("%%title%% %%sep%% %%sitename%%") variables.
const MUSTACHE = /\{\{\{?\s*[#/^!>&]?\s*[\p{L}_$@][\w$@.-]*(?:\s[^{}\n]{0,100})?\}\}\}?/gu;
const JINJA = /\{%-?\s*[a-z]\w*(?:\s[^{}\n]{0,100})?-?%\}|\{#[^{}\n]{0,100}#\}/g;
const DOLLAR_VAR = /\$\{\s*[A-Za-z_][\w.]*\s*\}/g;
const YOAST_VAR = /%%[a-z_]{2,30}%%/g;

// WordPress shortcodes whose names are ordinary words ("[caption …]", "[video …]", "[button …]"): taken
// only with attributes or in an open/close pair, because "[video]" alone is also a headline label.
const WP_NAMES = [
  'caption',
  'gallery',
  'embed',
  'audio',
  'video',
  'playlist',
  'button',
  'tweet',
  'instagram',
  'youtube',
  'vimeo',
  'soundcloud',
  'googlemaps',
  'ad',
  'ads',
  'adsense',
  'adrotate',
  'related',
  'dropcap',
  'divider',
  'toggle',
  'tabs',
  'tab',
  'accordion',
  'column',
  'row',
  'box',
  'spacer',
  'clear',
  'contact-form',
  'contact-form-7',
  'gravityform',
];
// Media shortcodes whose content is a URL or id ("[embed]https://…[/embed]").
const WP_MEDIA = new Set([
  'embed',
  'audio',
  'video',
  'playlist',
  'tweet',
  'instagram',
  'youtube',
  'vimeo',
  'soundcloud',
]);
const WP_KNOWN = new Set(WP_NAMES);

const QUOTES = `"'\u201C\u201D\u2018\u2019\u2033\u00AB\u00BB`;
// "[name key="v" key2='w' flag]": attributes as WordPress writes them, curly quotes included (wptexturize).
const SHORTCODE_OPEN = /\[([a-z][a-z0-9_-]{0,40})(\s[^[\]\n]{0,500})?\/?\]/g;
const QUOTED_ATTR = new RegExp(`[\\w-]+\\s*=\\s*[${QUOTES}]`);
const SHORTCODE_PAIR = /\[([a-z][a-z0-9_-]{0,40})(\s[^[\]\n]{0,500})?\]([^[\]]{0,2000}?)\[\/\1\]/g;
// A closing "[/name]" is markup wherever it stands: prose has no use for it.
const SHORTCODE_CLOSE = /\[\/[a-z][a-z0-9_-]{0,40}\]/g;

function stripShortcodes(text: string): string {
  if (!text.includes('[')) return text;
  let out = text;
  // Innermost pairs first: page builders nest them ("[vc_row][vc_column]…[/vc_column][/vc_row]").
  for (let pass = 0; pass < 4; pass++) {
    const before = out;
    out = out.replace(SHORTCODE_PAIR, (_whole, name: string, _attrs, inner: string) =>
      WP_MEDIA.has(name) && !/\s/.test(inner.trim()) ? ' ' : ` ${inner} `,
    );
    if (out === before) break;
  }
  out = out.replace(SHORTCODE_OPEN, (whole, name: string, attrs: string | undefined) => {
    // An underscore is a programmer's name ("[vc_row]", "[et_pb_text]", "[first_name]"), never a reporter's.
    if (name.includes('_')) return ' ';
    const args = attrs ?? '';
    if (args.includes('=') && (WP_KNOWN.has(name) || QUOTED_ATTR.test(args))) return ' ';
    return whole;
  });
  return out.includes('[/') ? out.replace(SHORTCODE_CLOSE, ' ') : out;
}

/** The text without CMS placeholders, template variables and shortcodes; everything else as it was. */
export function stripTemplateArtefacts(text: string): string {
  let out = text;
  if (out.includes('{')) {
    out = out
      .replace(JOOMLA_MEDIA_PAIR, ' ')
      .replace(JOOMLA_TOKEN, ' ')
      .replace(JOOMLA_WORD_TOKEN, ' ')
      .replace(MUSTACHE, ' ')
      .replace(JINJA, ' ')
      .replace(DOLLAR_VAR, ' ')
      .replace(GLUED_TOKEN, ' ');
    if (LONE_TOKEN.test(out)) out = '';
  }
  if (out.includes('%%')) out = out.replace(YOAST_VAR, ' ');
  return stripShortcodes(out);
}
