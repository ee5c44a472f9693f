/**
 * The fonts social images are set in, read from disk once per process and shared by every render
 * (satori parses each font it is handed, so re-reading them per image would cost more than the
 * layout itself):
 *
 * - Inter (`@fontsource/inter`) for Latin, Cyrillic, Greek and Vietnamese, always;
 * - Noto Sans JP (`@fontsource/noto-sans-jp`) for Japanese kanji and kana, and the Chinese
 *   characters Japanese shares, when a title is written in Han, Hiragana or Katakana;
 * - Noto Sans Arabic (`@fontsource/noto-sans-arabic`) when a title is written in Arabic script;
 * - emoji as Twemoji's SVG pictures (`@twemoji/svg`), which satori draws as images.
 *
 * satori reads TrueType, OpenType and WOFF but not WOFF2, hence the `.woff` files. Each Unicode
 * subset is its own file (Noto Sans JP has over a hundred); satori falls back from one font to the
 * next per character, so a title gets only the files its characters need, found from the packages'
 * `unicode.json` (the CSS `unicode-range` of each file), and a Latin title loads nothing but Inter.
 * Characters no font covers would be drawn as a "NO GLYPH" box, so `hasGlyph` lets the layout
 * leave them out instead.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Font } from 'satori';

export const SOCIAL_IMAGE_FONT_FAMILY = 'Inter';

const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'] as const;
const WEIGHTS = [400, 700] as const;

/** A font for one script, loaded only for titles written in it. */
interface ScriptFont {
  family: string;
  packageName: string;
  /** Files are `<filePrefix>-<subset>-<weight>-normal.woff`. */
  filePrefix: string;
  /** Whether a title uses the script: Unicode script properties, as CLDR and fontsource name them. */
  usedBy: RegExp;
  /** Which of the package's subsets belong to the script (not its Latin ones: Inter draws those). */
  isScriptSubset: (name: string) => boolean;
}

const SCRIPT_FONTS: readonly ScriptFont[] = [
  {
    family: 'Noto Sans JP',
    packageName: '@fontsource/noto-sans-jp',
    filePrefix: 'noto-sans-jp',
    usedBy: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u,
    isScriptSubset: (name) => /^\[\d+\]$/.test(name),
  },
  {
    family: 'Noto Sans Arabic',
    packageName: '@fontsource/noto-sans-arabic',
    filePrefix: 'noto-sans-arabic',
    usedBy: /\p{Script=Arabic}/u,
    isScriptSubset: (name) => name === 'arabic',
  },
];

/** Pictographs, and the regional indicators that pair into flags: drawn from Twemoji. */
const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}]/u;

export interface SocialImageFonts {
  /** Every Inter subset. */
  fonts: Font[];
  /**
   * Only the fonts `text` needs: Inter's Latin always, its other subsets and the script fonts'
   * files only for characters of theirs. satori looks for each character in every font it is
   * given, so a Latin title set with Latin alone lays out about twice as fast. For Inter alone
   * the same array comes back for the same subsets, which lets satori reuse its parsed fonts.
   */
  fontsFor: (text: string) => Promise<Font[]>;
  /** Whether one of the fonts, or the emoji set, can draw this code point. */
  hasGlyph: (codePoint: number) => boolean;
  /** An emoji (one grapheme, as satori hands it over) as an SVG data URL, or undefined if Twemoji lacks it. */
  emoji: (grapheme: string) => Promise<string | undefined>;
}

let fontsPromise: Promise<SocialImageFonts> | undefined;

/** The fonts, loaded on first call and cached for the process. */
export function loadSocialImageFonts(): Promise<SocialImageFonts> {
  fontsPromise ??= readFonts().catch((error: unknown) => {
    // Let a later call retry instead of caching the failure for the whole build.
    fontsPromise = undefined;
    throw error;
  });
  return fontsPromise;
}

type Ranges = Array<[number, number]>;

const covers = (ranges: Ranges, codePoint: number) => ranges.some(([from, to]) => codePoint >= from && codePoint <= to);

async function unicodeRanges(packageDirectory: string): Promise<Record<string, Ranges>> {
  // The subsets' CSS `unicode-range`s, e.g. "U+0000-00FF,U+0131": what each file is meant to cover.
  const ranges = JSON.parse(await readFile(join(packageDirectory, 'unicode.json'), 'utf8')) as Record<string, string>;
  return Object.fromEntries(Object.entries(ranges).map(([subset, value]) => [subset, parseUnicodeRanges(value)]));
}

async function readFonts(): Promise<SocialImageFonts> {
  const interDirectory = packageDirectory('@fontsource/inter');
  const interRanges = await unicodeRanges(interDirectory);
  const subsets = await Promise.all(
    SUBSETS.map(async (subset) => ({
      subset,
      ranges: interRanges[subset] ?? [],
      fonts: await Promise.all(
        WEIGHTS.map(async (weight): Promise<Font> => ({
          name: SOCIAL_IMAGE_FONT_FAMILY,
          data: await readFile(join(interDirectory, 'files', `inter-${subset}-${weight}-normal.woff`)),
          weight,
          style: 'normal',
        })),
      ),
    })),
  );
  const [latin, ...others] = subsets;
  if (!latin) throw new Error('No Latin subset of Inter.');

  const scripts = await Promise.all(
    SCRIPT_FONTS.map(async (font) => {
      const directory = packageDirectory(font.packageName);
      const ranges = Object.entries(await unicodeRanges(directory)).filter(([subset]) => font.isScriptSubset(subset));
      return { font, directory, ranges };
    }),
  );
  const scriptFiles = new Map<string, Promise<Font[]>>();
  const scriptSubsetFonts = (script: (typeof scripts)[number], subset: string): Promise<Font[]> => {
    const file = `${script.font.filePrefix}-${subset.replace(/[[\]]/g, '')}`;
    let fonts = scriptFiles.get(file);
    if (!fonts) {
      fonts = Promise.all(
        WEIGHTS.map(async (weight): Promise<Font> => ({
          // A family per file: satori keeps one font per family, weight and style, and falls
          // back across families character by character.
          name: `${script.font.family} ${subset}`,
          data: await readFile(join(script.directory, 'files', `${file}-${weight}-normal.woff`)),
          weight,
          style: 'normal',
        })),
      );
      scriptFiles.set(file, fonts);
    }
    return fonts;
  };

  const combinations = new Map<string, Font[]>();
  const fontsFor = async (text: string): Promise<Font[]> => {
    const needed = new Set<string>();
    const uncovered: number[] = [];
    for (const character of text) {
      const codePoint = character.codePointAt(0) ?? 0;
      if (covers(latin.ranges, codePoint)) continue;
      const subset = others.find((candidate) => covers(candidate.ranges, codePoint));
      if (subset) needed.add(subset.subset);
      else uncovered.push(codePoint);
    }
    const chosen = [latin, ...others.filter((candidate) => needed.has(candidate.subset))];
    const key = chosen.map((candidate) => candidate.subset).join(',');
    let fonts = combinations.get(key);
    if (!fonts) {
      fonts = chosen.flatMap((candidate) => candidate.fonts);
      combinations.set(key, fonts);
    }
    const scriptFonts = await Promise.all(
      scripts
        .filter((script) => script.font.usedBy.test(text))
        .flatMap((script) => {
          const files = new Set(uncovered.flatMap((codePoint) => script.ranges.filter(([, ranges]) => covers(ranges, codePoint)).map(([subset]) => subset)));
          return [...files].map((subset) => scriptSubsetFonts(script, subset));
        }),
    );
    return scriptFonts.length === 0 ? fonts : [...fonts, ...scriptFonts.flat()];
  };

  const emojiDirectory = packageDirectory('@twemoji/svg');
  const emoji = async (grapheme: string): Promise<string | undefined> => {
    for (const name of twemojiNames(grapheme)) {
      const file = join(emojiDirectory, `${name}.svg`);
      if (existsSync(file)) return `data:image/svg+xml;base64,${(await readFile(file)).toString('base64')}`;
    }
    return undefined;
  };

  return {
    fonts: subsets.flatMap((subset) => subset.fonts),
    fontsFor,
    hasGlyph: (codePoint) =>
      subsets.some((subset) => covers(subset.ranges, codePoint)) ||
      scripts.some((script) => script.ranges.some(([, ranges]) => covers(ranges, codePoint))) ||
      EMOJI.test(String.fromCodePoint(codePoint)),
    emoji,
  };
}

/**
 * Twemoji's file names for an emoji, most exact first: its code points in hex joined by `-`,
 * without the emoji variation selector U+FE0F unless the emoji is a ZWJ sequence (Twemoji's rule),
 * then without it at all.
 */
export function twemojiNames(grapheme: string): string[] {
  const hex = (text: string) => [...text].map((character) => (character.codePointAt(0) ?? 0).toString(16)).join('-');
  const exact = hex(grapheme.includes('\u200d') ? grapheme : grapheme.replace(/\ufe0f/g, ''));
  const bare = hex(grapheme.replace(/\ufe0f/g, ''));
  return exact === bare ? [exact] : [exact, bare];
}

export function parseUnicodeRanges(value: string): Array<[number, number]> {
  return value
    .split(',')
    .map((part) => /^\s*U\+([\da-f]+)(?:-([\da-f]+))?\s*$/i.exec(part))
    .filter((match) => match !== null)
    .map((match) => {
      const from = Number.parseInt(match[1] ?? '', 16);
      return [from, match[2] === undefined ? from : Number.parseInt(match[2], 16)];
    });
}

function packageDirectory(name: string): string {
  // Resolved from this module first, then from the working directory: if Astro has bundled this
  // code, it runs from a chunk inside the build output, which may sit outside the project (a
  // temporary outDir) where no node_modules can be found by walking up.
  const origins = [import.meta.url, join(process.cwd(), 'package.json')];
  for (const origin of origins) {
    try {
      return dirname(createRequire(origin).resolve(`${name}/package.json`));
    } catch {
      // Try the next origin.
    }
  }
  throw new Error(`Social images need fonts and emoji from ${name}, which could not be found. Run \`npm install\` in the project folder.`);
}
