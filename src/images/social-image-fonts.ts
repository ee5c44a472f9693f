/**
 * The fonts social images are set in: Inter from `@fontsource/inter`, read from disk once per
 * process and shared by every render (satori parses each font it is handed, so re-reading them per
 * image would cost more than the layout itself).
 *
 * satori reads TrueType, OpenType and WOFF but not WOFF2, hence the `.woff` files. Each Unicode
 * subset is its own file; satori falls back from one to the next per character, so titles in
 * accented Latin, Cyrillic, Greek or Vietnamese come out right. Characters no subset covers (emoji,
 * Hebrew, Arabic, CJK…) would be drawn as Inter's "NO GLYPH" box, so `hasGlyph` lets the layout
 * leave them out instead.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Font } from 'satori';

export const SOCIAL_IMAGE_FONT_FAMILY = 'Inter';

const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'] as const;
const WEIGHTS = [400, 700] as const;

export interface SocialImageFonts {
  /** Every loaded font. */
  fonts: Font[];
  /**
   * Only the subsets `text` needs (Latin always). satori looks for each character in every font
   * it is given, so a Latin title set with Latin alone lays out about twice as fast. The same
   * array comes back for the same subsets, which lets satori reuse its parsed fonts.
   */
  fontsFor: (text: string) => Font[];
  /** Whether one of the fonts has a glyph for this code point. */
  hasGlyph: (codePoint: number) => boolean;
}

let fontsPromise: Promise<SocialImageFonts> | undefined;

/** Every Inter subset in regular and bold, loaded on first call and cached for the process. */
export function loadSocialImageFonts(): Promise<SocialImageFonts> {
  fontsPromise ??= readFonts().catch((error: unknown) => {
    // Let a later call retry instead of caching the failure for the whole build.
    fontsPromise = undefined;
    throw error;
  });
  return fontsPromise;
}

async function readFonts(): Promise<SocialImageFonts> {
  const packageDirectory = fontPackageDirectory();
  // The subsets' CSS `unicode-range`s, e.g. "U+0000-00FF,U+0131": what each file is meant to cover.
  const unicodeRanges = JSON.parse(await readFile(join(packageDirectory, 'unicode.json'), 'utf8')) as Record<string, string>;
  const subsets = await Promise.all(
    SUBSETS.map(async (subset) => ({
      subset,
      ranges: parseUnicodeRanges(unicodeRanges[subset] ?? ''),
      fonts: await Promise.all(
        WEIGHTS.map(async (weight): Promise<Font> => ({
          name: SOCIAL_IMAGE_FONT_FAMILY,
          data: await readFile(join(packageDirectory, 'files', `inter-${subset}-${weight}-normal.woff`)),
          weight,
          style: 'normal',
        })),
      ),
    })),
  );
  const covers = (ranges: Array<[number, number]>, codePoint: number) =>
    ranges.some(([from, to]) => codePoint >= from && codePoint <= to);
  const [latin, ...others] = subsets;
  if (!latin) throw new Error('No Latin subset of Inter.');

  const combinations = new Map<string, Font[]>();
  const fontsFor = (text: string): Font[] => {
    const needed = new Set<string>();
    for (const character of text) {
      const codePoint = character.codePointAt(0) ?? 0;
      if (covers(latin.ranges, codePoint)) continue;
      const subset = others.find((candidate) => covers(candidate.ranges, codePoint));
      if (subset) needed.add(subset.subset);
    }
    const chosen = [latin, ...others.filter((candidate) => needed.has(candidate.subset))];
    const key = chosen.map((candidate) => candidate.subset).join(',');
    let fonts = combinations.get(key);
    if (!fonts) {
      fonts = chosen.flatMap((candidate) => candidate.fonts);
      combinations.set(key, fonts);
    }
    return fonts;
  };

  return {
    fonts: subsets.flatMap((subset) => subset.fonts),
    fontsFor,
    hasGlyph: (codePoint) => subsets.some((subset) => covers(subset.ranges, codePoint)),
  };
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

function fontPackageDirectory(): string {
  // Resolved from this module first, then from the working directory: if Astro has bundled this
  // code, it runs from a chunk inside the build output, which may sit outside the project (a
  // temporary outDir) where no node_modules can be found by walking up.
  const origins = [import.meta.url, join(process.cwd(), 'package.json')];
  for (const origin of origins) {
    try {
      return dirname(createRequire(origin).resolve('@fontsource/inter/package.json'));
    } catch {
      // Try the next origin.
    }
  }
  throw new Error(
    'Social images need the Inter font from @fontsource/inter, which could not be found. Run `npm install` in the project folder.',
  );
}
