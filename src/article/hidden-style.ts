// Whether CSS hides an element's text: its inline style, and the simple rules of the page's own <style>
// elements. Hidden text is where instructions aimed at a summariser hide, so the idioms are read the way a
// browser reads them (comments and escapes first, any unit, shorthands), not by spelling. No CSS engine:
// external stylesheets are not fetched, and only rules a reader can match without one are applied.
import type { DomElement } from './dom';
import { toArray } from './dom';

/** CSS text as a browser tokenises it: comments gone (they separate tokens), escapes decoded. */
export function decodeCss(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?(?:\*\/|$)/g, ' ')
    .replace(/\\(?:([0-9a-fA-F]{1,6})[ \t\r\n\f]?|([^\r\n\f0-9a-fA-F]))/g, (_m, hex: string, ch: string) => {
      if (ch !== undefined) return ch;
      const code = parseInt(hex, 16);
      return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)
        ? '\uFFFD'
        : String.fromCodePoint(code);
    });
}

// px per unit, for a 1280×800 desktop viewport and 16px text: only "how small is it" matters here.
const PX_PER_UNIT: Record<string, number> = {
  '': 1,
  px: 1,
  pt: 4 / 3,
  pc: 16,
  in: 96,
  cm: 96 / 2.54,
  mm: 96 / 25.4,
  q: 96 / 101.6,
  em: 16,
  rem: 16,
  ex: 8,
  rex: 8,
  ch: 8,
  rch: 8,
  cap: 11,
  rcap: 11,
  ic: 16,
  ric: 16,
  lh: 19,
  rlh: 19,
  vw: 12.8,
  vi: 12.8,
  vh: 8,
  vb: 8,
  vmin: 8,
  vmax: 12.8,
};

const NUMBER = '[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:e[+-]?\\d+)?';
const LENGTH = new RegExp(`^(${NUMBER})([a-z]*|%)$`, 'i');

/**
 * A CSS length in px, or null when it is not one. Zero is zero whatever the unit; a percentage is a share of
 * `percentOf` (null when the property has no base worth guessing). calc(), min(), max() and clamp() over
 * plain lengths are evaluated, since they are the easiest way to spell 0 without writing it.
 */
export function lengthPx(value: string, percentOf: number | null = null): number | null {
  const v = value.trim().toLowerCase();
  const fn = /^(calc|min|max|clamp)\((.*)\)$/.exec(v);
  if (fn) {
    const args = (fn[2] ?? '').split(',').map((a) => lengthPx(a, percentOf));
    if (args.some((a) => a === null)) return null;
    const n = args as number[];
    if (fn[1] === 'calc') return n.length === 1 ? n[0]! : null;
    if (fn[1] === 'min') return Math.min(...n);
    if (fn[1] === 'max') return Math.max(...n);
    return n.length === 3 ? Math.max(n[0]!, Math.min(n[1]!, n[2]!)) : null;
  }
  const m = LENGTH.exec(v);
  if (!m) return null;
  const n = Number(m[1]);
  if (n === 0) return 0;
  const unit = m[2] ?? '';
  if (unit === '%') return percentOf === null ? null : (n * percentOf) / 100;
  // Small/large/dynamic viewport units (svh, dvw…) are viewport units for this purpose.
  const per = PX_PER_UNIT[unit] ?? PX_PER_UNIT[unit.replace(/^[sld](?=v)/, '')];
  return per === undefined ? null : n * per;
}

function numberOrPercent(value: string): number | null {
  const m = new RegExp(`^(${NUMBER})(%)?$`, 'i').exec(value.trim());
  if (!m) return null;
  return m[2] ? Number(m[1]) / 100 : Number(m[1]);
}

/** True when a colour is fully transparent: `transparent`, rgba/hsla with alpha 0, #rgba / #rrggbbaa ending 0. */
function isTransparent(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === 'transparent') return true;
  if (/^#([0-9a-f]{3}0|[0-9a-f]{6}00)$/.test(v)) return true;
  const fn = /^(?:rgba?|hsla?)\((.*)\)$/.exec(v);
  if (!fn) return false;
  const parts = (fn[1] ?? '').split(/[\s,/]+/).filter(Boolean);
  if (parts.length !== 4) return false;
  const alpha = numberOrPercent(parts[3]!);
  return alpha !== null && alpha <= 0;
}

/** Every number in a clip/clip-path/transform argument list, or null when one is not a plain length. */
function numbersIn(args: string): number[] | null {
  const out: number[] = [];
  for (const part of args.split(/[\s,]+/).filter(Boolean)) {
    const px = lengthPx(part) ?? numberOrPercent(part);
    if (px === null) return null;
    out.push(px);
  }
  return out;
}

// Far enough off-screen that no viewport shows it: the "left: -9999px" idiom and its variants.
const OFFSCREEN_PX = -999;
// Text scaled below this is a speck; opacity below it is invisible.
const VANISHING = 0.05;

/** The font-size part of a `font` shorthand ("italic bold 0/0 a", "12px/1.4 Georgia"), or ''. */
function fontShorthandSize(font: string): string {
  for (const token of font.split(/\s+/)) {
    const size = token.split('/')[0] ?? '';
    // A bare number is a font-weight (400), except 0, which is a valid size.
    if (
      size === '0' ||
      /^[+-]?[\d.]+(?:e[+-]?\d+)?([a-z]+|%)$/i.test(size) ||
      /^(calc|min|max|clamp)\(/.test(size)
    )
      return size;
  }
  return '';
}

/** Translation offsets (px) and scale factors that a transform list or the translate/scale properties apply. */
function transformParts(
  transform: string,
  translate: string,
  scale: string,
): { moves: number[]; scales: number[] } {
  const moves: number[] = [];
  const scales: number[] = [];
  for (const m of transform.matchAll(/([a-z0-9]+)\(([^)]*)\)/g)) {
    const name = m[1] ?? '';
    const args = numbersIn(m[2] ?? '');
    if (!args) continue;
    if (name.startsWith('translate')) moves.push(...args);
    else if (name.startsWith('scale')) scales.push(...args);
    else if (name === 'matrix' && args.length === 6) {
      // matrix(a, b, c, d, tx, ty): a zero column collapses the box; tx/ty move it.
      if (Math.hypot(args[0]!, args[1]!) <= VANISHING || Math.hypot(args[2]!, args[3]!) <= VANISHING)
        scales.push(0);
      moves.push(args[4]!, args[5]!);
    }
  }
  moves.push(...(numbersIn(translate) ?? []));
  scales.push(...(numbersIn(scale) ?? []));
  return { moves, scales };
}

/** Declarations of a style attribute or rule body, last one winning as in CSS. Input must be decoded. */
function declarations(style: string): Map<string, string> {
  const decl = new Map<string, string>();
  for (const part of style.split(';')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const prop = part.slice(0, colon).trim().toLowerCase();
    const value = part
      .slice(colon + 1)
      .replace(/!\s*important\s*$/i, '')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase();
    if (prop && value) decl.set(prop, value);
  }
  return decl;
}

function declarationsHide(decl: Map<string, string>): boolean {
  const get = (p: string): string => decl.get(p) ?? '';
  if (get('display') === 'none') return true;
  if (get('visibility') === 'hidden' || get('visibility') === 'collapse') return true;
  if (get('content-visibility') === 'hidden') return true;
  const opacity = numberOrPercent(get('opacity'));
  if (opacity !== null && opacity <= VANISHING) return true;
  for (const m of get('filter').matchAll(/opacity\(([^)]*)\)/g)) {
    const o = numberOrPercent(m[1] ?? '');
    if (o !== null && o <= VANISHING) return true;
  }
  const fontSize = lengthPx(decl.has('font-size') ? get('font-size') : fontShorthandSize(get('font')), 16);
  if (fontSize !== null && fontSize <= 1) return true;
  if (isTransparent(get('color')) || isTransparent(get('-webkit-text-fill-color'))) return true;
  for (const side of ['left', 'top', 'right', 'bottom', 'text-indent', 'margin-left', 'margin-top']) {
    const px = lengthPx(get(side));
    if (px !== null && px <= OFFSCREEN_PX) return true;
  }
  const { moves, scales } = transformParts(get('transform'), get('translate'), get('scale'));
  if (moves.some((px) => px <= OFFSCREEN_PX)) return true;
  if (scales.some((s) => Math.abs(s) <= VANISHING)) return true;
  const clip = /^rect\((.*)\)$/.exec(get('clip'));
  if (clip) {
    const n = numbersIn(clip[1] ?? '');
    // rect(top right bottom left): nothing left to see when the box is at most a pixel either way
    if (n && n.length === 4 && Math.abs(n[2]! - n[0]!) <= 1 && Math.abs(n[1]! - n[3]!) <= 1) return true;
  }
  const clipPath = get('clip-path');
  const inset = /^inset\((.*)\)$/.exec(clipPath);
  if (inset && (numbersIn(inset[1] ?? '') ?? []).some((v) => v >= 0.5 && v <= 1)) return true;
  if (/^(circle|ellipse)\(\s*0([a-z]+|%)?[\s)]/.test(clipPath)) return true;
  const polygon = /^polygon\((.*)\)$/.exec(clipPath);
  if (polygon && numbersIn(polygon[1] ?? '')?.every((v) => v === 0)) return true;
  const overflowHidden = /^(hidden|clip)/.test(get('overflow') || get('overflow-y') || get('overflow-x'));
  if (overflowHidden) {
    for (const dim of ['height', 'max-height', 'width', 'max-width']) {
      const px = lengthPx(get(dim));
      if (px !== null && px <= 1) return true;
    }
  }
  return false;
}

/**
 * Whether an inline style hides its element's text. Declarations are read one by one (last one wins, as
 * in CSS), so the idioms are caught in any order and spelling: display none, opacity or filter opacity 0,
 * font-size (or the font shorthand) 0 in any unit, transparent text, off-screen offsets and translations,
 * clip/clip-path to nothing, a zero-height box with overflow hidden, scale(0), content-visibility hidden.
 */
export function styleHides(style: string): boolean {
  return declarationsHide(declarations(decodeCss(style)));
}

/** A stylesheet rule a reader can match without a CSS engine: `tag`, `#id` and `.class` parts, all required. */
interface SimpleRule {
  tag: string | null;
  id: string | null;
  classes: string[];
}

interface HidingRule {
  /** The class and id names it selects by (`.a`, `#b`). */
  names: string[];
  rule: SimpleRule;
  body: Map<string, string>;
}

/** The page's own simple hiding rules, indexed by the class or id that selects them. */
export interface HidingRules {
  readonly empty: boolean;
  /** Some rule selects by id, so elements with only an id need looking at. */
  readonly byId: boolean;
  /** True when one of the rules selects this element. */
  hides(el: DomElement): boolean;
}

const NO_RULES: HidingRules = { empty: true, byId: false, hides: () => false };

// Hostile pages can carry megabytes of CSS; real pages' inline rules that matter sit well within this.
const MAX_CSS_CHARS = 400_000;
// Real sheets hide with a few hundred simple rules at most; a hostile one with tens of thousands would make
// every element a long search.
const MAX_HIDING_RULES = 2_000;
const MAX_RULES_PER_NAME = 16;
const MAX_UNDO_CHECKS = 256;
const SIMPLE_SELECTOR = /^([a-z][a-z0-9-]*)?((?:[.#][_a-z0-9-]+)+)$/i;
// A selector list with at least one simple selector in it, told apart before it is split and decoded.
const SIMPLE_PART = /(^|,)\s*([a-z][a-z0-9-]*)?([.#][_a-z0-9-]+)+\s*(,|$)/i;
// Shown only on interaction (a hover card, a dropdown): hidden as the page is first seen.
const INTERACTIVE = /:(hover|focus|focus-within|focus-visible|active|checked|target)\b/i;
// At-rules whose body holds rules that apply unconditionally; other conditional groups (@media print,
// narrow screens, @supports) are read only for the rules that show things.
const UNCONDITIONAL_GROUP = /^@(layer\b|media\s+(only\s+)?(all|screen)\s*$)/i;
const CONDITIONAL_GROUP = /^@(media|supports|container|document|scope|layer)\b/i;

// A body that could hide anything mentions one of these; most framework rules (colours, margins) do not.
const HIDE_HINT =
  /none|hidden|collapse|opacity|font[\w-]*\s*:\s*(\.|[^;]*\b0)|-\d{3}|clip|scale|transparent|translate|matrix|rgba|hsla|#[0-9a-f]{4}|\\|\/\*/i;

/** decodeCss, skipped when there is nothing to decode. */
function decode(text: string): string {
  return text.includes('\\') || text.includes('/*') ? decodeCss(text) : text;
}

interface RawRule {
  selector: string;
  body: string;
  conditional: boolean;
}

/**
 * Rule preludes and bodies of a stylesheet, in order, with grouping at-rules opened and other at-rules
 * (@font-face, @keyframes) skipped. One pass with an explicit stack: a hostile sheet can nest deeply.
 */
function readRules(css: string): RawRule[] {
  const rules: RawRule[] = [];
  // Each open block: 'group' holds rules, 'rule' holds declarations, 'skip' is ignored.
  const stack: Array<{
    kind: 'group' | 'rule' | 'skip';
    start: number;
    selector: string;
    conditional: boolean;
  }> = [];
  let start = 0;
  const inRules = (): boolean => stack.length === 0 || stack[stack.length - 1]!.kind === 'group';
  const conditional = (): boolean => stack.length > 0 && stack[stack.length - 1]!.conditional;
  // Jumps from one character that matters to the next with indexOf, each token's next place remembered
  // until passed: a stylesheet is mostly declarations, and inside a rule's body only its end (or a string or
  // comment that might hide one) matters.
  const tokens = ['{', '}', ';', '"', "'", '/*'];
  const nextAt = tokens.map(() => -1);
  let at = 0;
  for (;;) {
    const body = !inRules();
    let i = Infinity;
    let c = '';
    for (let t = 0; t < tokens.length; t++) {
      if (body && t === 2) continue;
      if (nextAt[t]! < at && nextAt[t] !== Infinity) {
        const found = css.indexOf(tokens[t]!, at);
        nextAt[t] = found < 0 ? Infinity : found;
      }
      if (nextAt[t]! < i) {
        i = nextAt[t]!;
        c = tokens[t]!;
      }
    }
    if (i === Infinity) break;
    at = i + c.length;
    if (c === '/*') {
      const end = css.indexOf('*/', i + 2);
      at = end < 0 ? css.length : end + 2;
    } else if (c === '"' || c === "'") {
      // A string ends at its quote, or unterminated at the line's end, as CSS tokenises it.
      let j = i + 1;
      for (; j < css.length && css[j] !== c && css[j] !== '\n'; j++) if (css[j] === '\\') j++;
      at = j + 1;
    } else if (c === '{') {
      const prelude = css.slice(start, i).trim();
      if (!inRules()) stack.push({ kind: 'skip', start: i + 1, selector: '', conditional: true });
      else if (prelude.startsWith('@')) {
        const group = UNCONDITIONAL_GROUP.test(prelude) || CONDITIONAL_GROUP.test(prelude);
        stack.push({
          kind: group ? 'group' : 'skip',
          start: i + 1,
          selector: '',
          conditional: conditional() || !UNCONDITIONAL_GROUP.test(prelude),
        });
      } else stack.push({ kind: 'rule', start: i + 1, selector: prelude, conditional: conditional() });
      start = i + 1;
    } else if (c === '}') {
      const open = stack.pop();
      if (open?.kind === 'rule')
        rules.push({
          selector: open.selector,
          body: css.slice(open.start, i),
          conditional: open.conditional,
        });
      start = i + 1;
    } else if (inRules()) start = i + 1;
  }
  return rules;
}

/** `.a.b#c` → its class and id names, as they appear in the last compound of a selector. */
function subjectNames(selector: string): string[] {
  const compounds = selector.trim().split(/\s*[\s>+~]\s*/);
  const subject = compounds[compounds.length - 1] ?? '';
  return [...subject.matchAll(/[.#][_a-zA-Z0-9-]+/g)].map((m) => m[0]);
}

/**
 * Reads the page's <style> elements for rules like `.k9x{display:none}`:
 * a simple selector whose declarations hide, outside any conditional group. A rule another rule undoes
 * (`.tab{display:none}` with `.tab.active{display:block}`, or a media query that shows it) is left out,
 * since the page may well show that element; one undone only on :hover (a hover card) still hides.
 */
export function hidingRules(styles: ArrayLike<DomElement>): HidingRules {
  const sheets: string[] = [];
  let length = 0;
  for (const style of toArray(styles)) {
    const text = style.textContent ?? '';
    sheets.push(text);
    if ((length += text.length) > MAX_CSS_CHARS) break;
  }
  // One flat string (join, not +=): V8's concatenated strings make every slice and search of it slow. Each
  // sheet closes its own blocks.
  const css = sheets.join('\n}\n');
  if (!css.includes('{')) return NO_RULES;
  const raw = readRules(css.slice(0, MAX_CSS_CHARS));
  // Pages inline hundreds of kilobytes of framework CSS: declarations are parsed only for rules that can hide
  // (a simple selector, a body mentioning a hiding property) and for rules naming what those hide.
  const hiding: HidingRule[] = [];
  for (const { selector, body, conditional } of raw) {
    if (conditional || !(SIMPLE_PART.test(selector) || selector.includes('\\')) || !HIDE_HINT.test(body))
      continue;
    let decl: Map<string, string> | null = null;
    for (const one of decode(selector).split(',')) {
      const sel = one.trim();
      const simple = SIMPLE_SELECTOR.exec(sel);
      if (!simple) continue;
      decl ??= declarations(decode(body));
      if (!declarationsHide(decl)) break;
      const parts = [...(simple[2] ?? '').matchAll(/([.#])([_a-zA-Z0-9-]+)/g)];
      const ids = parts.filter((p) => p[1] === '#').map((p) => p[2]!);
      if (ids.length > 1) continue;
      const rule = {
        tag: simple[1]?.toLowerCase() ?? null,
        id: ids[0] ?? null,
        classes: parts.filter((p) => p[1] === '.').map((p) => p[2]!),
      };
      hiding.push({ names: subjectNames(sel), rule, body: decl });
    }
    if (hiding.length >= MAX_HIDING_RULES) break;
  }
  if (hiding.length === 0) return NO_RULES;
  // Whether another rule may show what this one hides, worked out only for rules that select an element of
  // the page: a framework's hundreds of display:none rules mostly select nothing.
  const undone = new Map<HidingRule, boolean>();
  // Which rules name each hidden class or id in their selector (and which are escaped, so may name any):
  // built the first time an element matches, so each question reads a few rules, not the whole sheet.
  let mentions: Map<string, number[]> | null = null;
  const escaped: number[] = [];
  const hiddenNames = new Set(hiding.flatMap((h) => h.names));
  const rulesNaming = (names: string[]): number[] => {
    if (mentions === null) {
      mentions = new Map();
      raw.forEach(({ selector }, i) => {
        if (selector.includes('\\')) escaped.push(i);
        for (const m of new Set(selector.match(/[.#][_a-zA-Z0-9-]+/g) ?? [])) {
          if (!hiddenNames.has(m)) continue;
          const list = mentions!.get(m) ?? [];
          list.push(i);
          mentions!.set(m, list);
        }
      });
    }
    const found = new Set(escaped);
    for (const name of names) for (const i of mentions.get(name) ?? []) found.add(i);
    return [...found];
  };
  const isUndone = (h: HidingRule): boolean => {
    let answer = undone.get(h);
    if (answer !== undefined) return answer;
    const candidates = rulesNaming(h.names);
    // A sheet that names a class this often is not one a reader can follow: assume the page shows it.
    answer = candidates.length > MAX_UNDO_CHECKS;
    for (const i of answer ? [] : candidates) {
      const { selector, body } = raw[i]!;
      const shown = declarations(decode(body));
      if (declarationsHide(shown)) continue;
      const shows = decode(selector)
        .split(',')
        .some((one) => !INTERACTIVE.test(one) && subjectNames(one).some((name) => h.names.includes(name)));
      if (shows && !declarationsHide(new Map([...h.body, ...shown]))) {
        answer = true;
        break;
      }
    }
    undone.set(h, answer);
    return answer;
  };
  const byClass = new Map<string, HidingRule[]>();
  const byId = new Map<string, HidingRule[]>();
  for (const h of hiding) {
    const [index, key] = h.rule.id !== null ? [byId, h.rule.id] : [byClass, h.rule.classes[0]!];
    const list = index.get(key) ?? [];
    if (list.length < MAX_RULES_PER_NAME) list.push(h);
    index.set(key, list);
  }
  const matches = (el: DomElement, classes: string[], rule: SimpleRule): boolean =>
    (rule.tag === null || rule.tag === el.localName) &&
    (rule.id === null || rule.id === el.getAttribute('id')) &&
    rule.classes.every((c) => classes.includes(c));
  return {
    empty: false,
    byId: byId.size > 0,
    hides(el) {
      const cls = el.getAttribute('class');
      const id = byId.size > 0 ? el.getAttribute('id') : null;
      if (!cls && id === null) return false;
      const tag = el.localName;
      // The anti-flicker idiom (`.async-hide{opacity:0}` on <html>, undone by a script) hides whole pages.
      if (tag === 'html' || tag === 'body') return false;
      const classes = cls ? cls.split(/\s+/) : [];
      const hit = (rules: HidingRule[] | undefined): boolean =>
        rules !== undefined && rules.some((h) => matches(el, classes, h.rule) && !isUndone(h));
      if (id !== null && hit(byId.get(id))) return true;
      for (const c of classes) if (byClass.has(c) && hit(byClass.get(c))) return true;
      return false;
    },
  };
}
