/**
 * The social image layout as a satori element tree: plain `{ type, props }` objects, so this stays
 * a pure function of its inputs with no JSX runtime. Everything here is about how the card looks;
 * fonts and rasterising live in `render-social-image.ts`.
 *
 * satori implements a subset of CSS (flexbox only, every element with more than one child needs
 * `display: flex`): https://github.com/vercel/satori#css
 */
import { isCssColor } from '../config/css-color.ts';
import { SOCIAL_IMAGE_FONT_FAMILY } from './social-image-fonts.ts';

export const SOCIAL_IMAGE_WIDTH = 1200;
export const SOCIAL_IMAGE_HEIGHT = 630;

/** Colours of the card; any CSS colour satori understands. Unset ones fall back to a light theme. */
export interface SocialImageTheme {
  accent: string;
  background?: string;
  foreground?: string;
  muted?: string;
  /** Pill colour per status id (`planned`, `shipped`, …); unknown statuses use the accent. */
  statusColors?: Readonly<Record<string, string>>;
}

/**
 * The words on the card, replaceable for a translated site. Plain strings rather than functions so
 * they can be part of the image cache key.
 */
export interface SocialImageLabels {
  request: string;
  release: string;
  /** The site's own card, shared by pages without one of their own. */
  site: string;
  /** The caption under the vote count, per plural category of the language (`Intl.PluralRules`). */
  votes: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
  /** `{date}` is replaced by the release date. */
  released: string;
  /** Display names of the status ids; other status strings are shown as given. */
  statuses: Readonly<Record<string, string>>;
}

export interface SocialImageInput {
  /** `site`: the card of the roadmap itself (its description as the title), for pages without their own. */
  kind: 'request' | 'release' | 'site';
  title: string;
  projectName: string;
  /** A status id (`planned`) or a label to show as is. */
  status?: string | undefined;
  votes?: number | undefined;
  /** ISO date-time or Date; shown as a calendar date in UTC so it never depends on the machine. */
  date?: string | Date | undefined;
  /** The release's tag, shown in the pill when there is no status. */
  tag?: string | undefined;
  theme: SocialImageTheme;
  labels?: Partial<SocialImageLabels> | undefined;
  /** BCP 47 locale for numbers and dates. */
  locale?: string | undefined;
}

export const DEFAULT_SOCIAL_IMAGE_LABELS: SocialImageLabels = {
  request: 'Feature request',
  release: 'Release',
  site: 'Roadmap',
  votes: { one: 'vote', other: 'votes' },
  released: 'Released {date}',
  statuses: {
    'under-review': 'Under review',
    planned: 'Planned',
    'in-progress': 'In progress',
    shipped: 'Shipped',
    declined: 'Declined',
  },
};

const DEFAULT_ACCENT = '#2f5bd3';
const DEFAULT_COLORS = {
  background: '#ffffff',
  foreground: '#0f172a',
  muted: '#475569',
} as const;

const DEFAULT_STATUS_COLORS: Readonly<Record<string, string>> = {
  'under-review': '#475569',
  planned: '#6d28d9',
  'in-progress': '#b45309',
  shipped: '#15803d',
  declined: '#b91c1c',
};

/** Longer titles are cut before layout: nobody reads past this on a card, and satori's line
 * breaking gets slow on pathological input (a 100 KB title with no spaces). */
const MAX_TITLE_CHARACTERS = 280;
const MAX_PROJECT_NAME_CHARACTERS = 60;
const ACCENT_BAR_HEIGHT = 16;

export interface SatoriElement {
  type: string;
  props: { style?: Record<string, string | number>; children?: SatoriChild | SatoriChild[] };
}
type SatoriChild = SatoriElement | string;

/**
 * @param hasGlyph whether the fonts can draw a code point; others are left out of the picture.
 */
export function socialImageElement(input: SocialImageInput, hasGlyph: (codePoint: number) => boolean = () => true): SatoriElement {
  const labels = { ...DEFAULT_SOCIAL_IMAGE_LABELS, ...input.labels };
  const colors = themeColors(input.theme);
  const clean = (text: string, max: number) => cleanText(text, max, hasGlyph);
  const kindLabel = labels[input.kind];
  // A title written only in a script the fonts lack would leave an empty card.
  const title = clean(input.title, MAX_TITLE_CHARACTERS) || kindLabel;
  const projectName = clean(input.projectName, MAX_PROJECT_NAME_CHARACTERS);
  const titleSize = titleFontSize(title);

  // resvg draws a clipped or masked group on a layer of its own, which took most of a card's
  // drawing time: so the accent bar is a box rather than a border (satori clips borders), and the
  // title has no `overflow: hidden` (satori's lineClamp already drops the lines past the last).
  return el(
    'div',
    {
      width: SOCIAL_IMAGE_WIDTH,
      height: SOCIAL_IMAGE_HEIGHT,
      display: 'flex',
      flexDirection: 'column',
      backgroundColor: colors.background,
      color: colors.foreground,
      fontFamily: SOCIAL_IMAGE_FONT_FAMILY,
    },
    [
      el('div', { height: ACCENT_BAR_HEIGHT, flexShrink: 0, backgroundColor: colors.accent }),
      el(
        'div',
        {
          display: 'flex',
          flexDirection: 'column',
          flexGrow: 1,
          paddingTop: 52,
          paddingRight: 72,
          paddingBottom: 60,
          paddingLeft: 72,
        },
        [
          header(projectName, kindLabel, colors),
          el(
            'div',
            {
              display: 'block',
              flexGrow: 1,
              marginTop: 40,
              fontSize: titleSize.fontSize,
              fontWeight: 700,
              lineHeight: 1.18,
              letterSpacing: '-0.02em',
              lineClamp: titleSize.lines,
              wordBreak: 'break-word',
            },
            title,
          ),
          footer(input, labels, colors, clean),
        ],
      ),
    ],
  );
}

function header(projectName: string, kindLabel: string, colors: ThemeColors): SatoriElement {
  return el('div', { display: 'flex', alignItems: 'center', justifyContent: 'space-between', fontSize: 30 }, [
    el('div', { display: 'flex', alignItems: 'center', fontWeight: 700, maxWidth: 760 }, [
      el('div', { width: 22, height: 22, borderRadius: 11, backgroundColor: colors.accent, marginRight: 16, flexShrink: 0 }),
      el('div', { display: 'block', lineClamp: 1, wordBreak: 'break-all' }, projectName),
    ]),
    el('div', { color: colors.muted, fontSize: 26, textTransform: 'uppercase', letterSpacing: '0.08em' }, kindLabel),
  ]);
}

function footer(
  input: SocialImageInput,
  labels: SocialImageLabels,
  colors: ThemeColors,
  clean: (text: string, max: number) => string,
): SatoriElement {
  const left: SatoriElement[] = [];
  const pillText = pillLabel(input, labels, clean);
  if (pillText) {
    const statusColor = input.status === undefined ? undefined : (colors.statusColors[input.status] ?? DEFAULT_STATUS_COLORS[input.status]);
    left.push(pill(pillText, statusColor ?? colors.accent));
  }
  const date = formatDate(input.date, input.locale);
  if (date && input.kind === 'release') {
    const released = clean(labels.released.replace('{date}', date), 80);
    left.push(el('div', { color: colors.muted, fontSize: 30, marginTop: pillText ? 18 : 0 }, released));
  }

  const right: SatoriElement[] = [];
  if (input.votes !== undefined && Number.isFinite(input.votes)) {
    const votes = Math.max(0, Math.trunc(input.votes));
    right.push(
      el('div', { display: 'flex', flexDirection: 'column', alignItems: 'flex-end' }, [
        el(
          'div',
          { fontSize: 104, fontWeight: 700, lineHeight: 1, letterSpacing: '-0.03em', color: colors.accent },
          formatNumber(votes, input.locale),
        ),
        el('div', { fontSize: 30, color: colors.muted, marginTop: 6 }, clean(labels.votes[pluralRules(input.locale).select(votes)] ?? labels.votes.other, 40)),
      ]),
    );
  }

  return el('div', { display: 'flex', alignItems: 'flex-end', justifyContent: 'space-between' }, [
    el('div', { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', maxWidth: 720 }, left),
    el('div', { display: 'flex' }, right),
  ]);
}

function pillLabel(input: SocialImageInput, labels: SocialImageLabels, clean: (text: string, max: number) => string): string {
  if (input.status !== undefined && input.status !== '') {
    return clean(labels.statuses[input.status] ?? input.status, 40);
  }
  return input.tag === undefined ? '' : clean(input.tag, 40);
}

function pill(text: string, background: string): SatoriElement {
  return el(
    'div',
    {
      display: 'flex',
      alignItems: 'center',
      backgroundColor: background,
      color: readableTextOn(background),
      fontSize: 32,
      fontWeight: 700,
      padding: '12px 30px',
      borderRadius: 999,
    },
    text,
  );
}

/** Bigger type for short titles, more lines for long ones: the title always fills the card. */
function titleFontSize(title: string): { fontSize: number; lines: number } {
  const length = [...title].length;
  if (length <= 40) return { fontSize: 80, lines: 3 };
  if (length <= 80) return { fontSize: 66, lines: 3 };
  if (length <= 140) return { fontSize: 54, lines: 4 };
  return { fontSize: 46, lines: 4 };
}

/**
 * Titles come from GitHub and are untrusted. satori escapes text itself, so this is about looks and
 * robustness: control characters, zero-width and bidi formatting characters (satori lays text out
 * left to right without the Unicode bidi algorithm), emoji variation selectors and anything the
 * fonts cannot draw are dropped, whitespace is collapsed, and the length capped.
 */
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
// A string, not a literal: the `v` flag is newer than the TypeScript target.
const RGI_EMOJI = new RegExp('^\\p{RGI_Emoji}$', 'v');

export function cleanText(text: string, maxCharacters: number, hasGlyph: (codePoint: number) => boolean = () => true): string {
  const cleanCharacter = (character: string): string => {
    const codePoint = character.codePointAt(0) ?? 0;
    if (/\s/.test(character)) return ' ';
    if (isInvisible(codePoint)) return '';
    return hasGlyph(codePoint) ? character : ' ';
  };
  const cleaned = [...graphemes.segment(text)]
    .map(({ segment }) =>
      // An emoji is one picture, whatever joiners and selectors it is made of (👩‍💻, ❤️, 🇯🇵).
      RGI_EMOJI.test(segment) ? (hasGlyph(segment.codePointAt(0) ?? 0) ? segment : ' ') : [...segment].map(cleanCharacter).join(''),
    )
    .join('')
    .replace(/ +/g, ' ')
    .trim();
  const characters = [...cleaned];
  return characters.length <= maxCharacters ? cleaned : `${characters.slice(0, maxCharacters - 1).join('').trimEnd()}…`;
}

/** Controls, zero-width and bidi formatting characters, variation selectors, the byte order mark. */
function isInvisible(codePoint: number): boolean {
  return (
    codePoint <= 0x1f ||
    (codePoint >= 0x7f && codePoint <= 0x9f) ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2060 && codePoint <= 0x206f) ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    codePoint === 0xfeff
  );
}

// Formatters by locale: making one costs more than drawing a card's vote count with it.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function formatDate(date: string | Date | undefined, locale: string | undefined): string {
  if (date === undefined) return '';
  const value = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(value.getTime())) return '';
  const tag = validLocale(locale);
  let format = dateFormats.get(tag);
  if (!format) dateFormats.set(tag, (format = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' })));
  return format.format(value);
}

const pluralRuleSets = new Map<string, Intl.PluralRules>();

function pluralRules(locale: string | undefined): Intl.PluralRules {
  const tag = validLocale(locale);
  let rules = pluralRuleSets.get(tag);
  if (!rules) pluralRuleSets.set(tag, (rules = new Intl.PluralRules(tag)));
  return rules;
}

function formatNumber(value: number, locale: string | undefined): string {
  const tag = validLocale(locale);
  let format = numberFormats.get(tag);
  if (!format) numberFormats.set(tag, (format = new Intl.NumberFormat(tag)));
  return format.format(value);
}

/** Intl throws on a malformed tag; an image is not worth failing the build over. */
function validLocale(locale: string | undefined): string {
  try {
    return Intl.getCanonicalLocales(locale ?? 'en')[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** Near-black or white, whichever reads better on `background` (WCAG relative luminance). */
export function readableTextOn(background: string): string {
  const rgb = parseRgb(background);
  if (!rgb) return '#ffffff';
  const [r, g, b] = rgb.map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast against white is (1.05)/(L+0.05), against #0f172a about (L+0.05)/0.059: pick the larger.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.059 ? '#ffffff' : '#0f172a';
}

function parseRgb(color: string): [number, number, number] | undefined {
  const value = color.trim();
  const hex = /^#([\da-f]{3,8})$/i.exec(value)?.[1];
  if (hex && (hex.length === 3 || hex.length === 4)) {
    return [0, 1, 2].map((i) => Number.parseInt(hex.charAt(i).repeat(2), 16)) as [number, number, number];
  }
  if (hex && (hex.length === 6 || hex.length === 8)) {
    return [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  }
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(value);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return undefined;
}

interface ThemeColors {
  accent: string;
  background: string;
  foreground: string;
  muted: string;
  statusColors: Readonly<Record<string, string>>;
}

/** The theme with defaults for what is unset, and for anything that is not plainly a CSS colour. */
function themeColors(theme: SocialImageTheme): ThemeColors {
  const pick = (value: string | undefined, fallback: string) => (value !== undefined && isCssColor(value) ? value.trim() : fallback);
  const statusColors = Object.fromEntries(
    Object.entries(theme.statusColors ?? {}).filter(([, color]) => isCssColor(color)),
  );
  const background = pick(theme.background, DEFAULT_COLORS.background);
  // Text defaults follow the background, so a dark background alone still gives a readable card.
  const dark = readableTextOn(background) === '#ffffff';
  return {
    accent: pick(theme.accent, DEFAULT_ACCENT),
    background,
    foreground: pick(theme.foreground, dark ? '#f8fafc' : DEFAULT_COLORS.foreground),
    muted: pick(theme.muted, dark ? '#cbd5e1' : DEFAULT_COLORS.muted),
    statusColors,
  };
}

function el(type: string, style: Record<string, string | number>, children?: SatoriChild | SatoriChild[]): SatoriElement {
  return children === undefined ? { type, props: { style } } : { type, props: { style, children } };
}
