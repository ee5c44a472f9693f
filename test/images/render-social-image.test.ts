import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import satori from 'satori';
import { describe, expect, it } from 'vitest';
import { loadSocialImageFonts } from '../../src/images/social-image-fonts.ts';
import { cleanText, socialImageElement } from '../../src/images/social-image-layout.ts';
import {
  renderSocialImage,
  SOCIAL_IMAGE_HEIGHT,
  SOCIAL_IMAGE_WIDTH,
  type SocialImageInput,
} from '../../src/images/render-social-image.ts';
import { decodePng, differingShare, pixelAt, pngSize } from './png-pixels.ts';

const SNAPSHOT_DIR = fileURLToPath(new URL('./__snapshots__/', import.meta.url));
/** Anti-aliasing may shift between resvg builds; a changed layout moves far more than this. */
const MAX_DIFFERING_SHARE = 0.005;

const theme = { accent: '#2f5bd3' };

const requestImage: SocialImageInput = {
  kind: 'request',
  title: 'Dark mode for the dashboard',
  projectName: 'Lumen roadmap',
  status: 'planned',
  votes: 1234,
  theme,
};

const releaseImage: SocialImageInput = {
  kind: 'release',
  title: 'Lumen 2.4: faster sync and offline mode',
  projectName: 'Lumen roadmap',
  tag: 'v2.4.0',
  date: '2025-03-14T10:00:00Z',
  theme,
};

/**
 * Compares `png` with `__snapshots__/<name>.png`. `UPDATE_IMAGE_SNAPSHOTS=1` rewrites the snapshot
 * instead; a missing snapshot fails, so a forgotten one cannot pass silently in CI.
 */
async function expectMatchesSnapshot(png: Buffer, name: string): Promise<void> {
  const file = join(SNAPSHOT_DIR, `${name}.png`);
  if (process.env['UPDATE_IMAGE_SNAPSHOTS'] === '1') {
    await mkdir(SNAPSHOT_DIR, { recursive: true });
    await writeFile(file, png);
    return;
  }
  if (!existsSync(file)) {
    throw new Error(`No snapshot ${file}. Run UPDATE_IMAGE_SNAPSHOTS=1 npx vitest run test/images to create it.`);
  }
  const share = differingShare(decodePng(png), decodePng(await readFile(file)));
  if (share > MAX_DIFFERING_SHARE) {
    const actual = join(tmpdir(), `${name}.actual.png`);
    await writeFile(actual, png);
    throw new Error(
      `${name}.png differs from its snapshot in ${(share * 100).toFixed(2)}% of pixels (allowed ${MAX_DIFFERING_SHARE * 100}%). ` +
        `See ${actual}; if the change is intended, run UPDATE_IMAGE_SNAPSHOTS=1 npx vitest run test/images.`,
    );
  }
}

describe('renderSocialImage', () => {
  it('renders a request card as a 1200×630 PNG that matches its snapshot', async () => {
    const png = await renderSocialImage(requestImage);
    expect(pngSize(png)).toEqual({ width: SOCIAL_IMAGE_WIDTH, height: SOCIAL_IMAGE_HEIGHT });
    await expectMatchesSnapshot(png, 'request');
  });

  it('renders a release card that matches its snapshot', async () => {
    const png = await renderSocialImage(releaseImage);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    await expectMatchesSnapshot(png, 'release');
  });

  it('paints the top bar in the theme accent and the card in the theme background', async () => {
    const pixels = decodePng(
      await renderSocialImage({ ...requestImage, theme: { accent: '#c2410c', background: '#111318' } }),
    );
    expect(pixelAt(pixels, 600, 6)).toEqual([0xc2, 0x41, 0x0c, 255]);
    expect(pixelAt(pixels, 20, 300)).toEqual([0x11, 0x13, 0x18, 255]);
  });

  it('shows different inputs differently (votes, status, title)', async () => {
    const base = decodePng(await renderSocialImage(requestImage));
    for (const change of [{ votes: 5 }, { status: 'shipped' }, { title: 'Export reports as CSV' }]) {
      const other = decodePng(await renderSocialImage({ ...requestImage, ...change }));
      expect(differingShare(base, other), JSON.stringify(change)).toBeGreaterThan(0.001);
    }
  });

  it.each([
    ['markup', '<script>alert(1)</script><img src=x onerror=alert(1)>'],
    ['a very long title', 'Allow exporting reports '.repeat(400)],
    ['a title with no spaces', 'x'.repeat(5000)],
    ['right-to-left text', 'שלום עולם — مرحبا بالعالم'],
    ['emoji', '🚀🎉 Ship it 👍🏽 👨‍👩‍👧'],
    ['bidi overrides and controls', '\u202Eevil\u202C\u0000\u0007 title\r\n\ttabs'],
    ['a lone surrogate', 'broken \uD800 pair'],
    ['CJK', '夜间模式 ダークモード 다크 모드'],
    ['an empty title', ''],
  ])('renders %s without failing', async (_name, title) => {
    const png = await renderSocialImage({ ...requestImage, title });
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  });

  it('stops a title too long for the card at its last line, clear of the footer', async () => {
    const pixels = decodePng(await renderSocialImage({ ...requestImage, title: 'Allow exporting reports '.repeat(400) }));
    // Four lines of 46 px end near y = 360 and the status pill starts below y = 500: more lines
    // would be drawn in between.
    for (let y = 380; y < 490; y += 2) {
      for (let x = 72; x < 700; x += 4) expect(pixelAt(pixels, x, y), `${x},${y}`).toEqual([255, 255, 255, 255]);
    }
  });

  it('lays the card out without clipped or masked groups, which resvg draws on layers of their own', async () => {
    const { fonts, hasGlyph } = await loadSocialImageFonts();
    for (const input of [requestImage, releaseImage, { ...requestImage, title: 'Allow exporting reports '.repeat(400) }]) {
      const svg = await satori(socialImageElement(input, hasGlyph), {
        width: SOCIAL_IMAGE_WIDTH,
        height: SOCIAL_IMAGE_HEIGHT,
        fonts,
      });
      expect(svg).not.toMatch(/\s(mask|clip-path)=/);
    }
  });

  it('renders odd numbers, dates and theme values without failing', async () => {
    const odd: SocialImageInput = {
      kind: 'release',
      title: 'Odd',
      projectName: '🚀'.repeat(200),
      status: '"><svg onload=alert(1)>',
      votes: Number.NaN,
      date: 'not a date',
      theme: { accent: 'red; } body { display: none', background: 'url(javascript:alert(1))' },
      locale: 'not a locale!',
    };
    expect(pngSize(await renderSocialImage(odd))).toEqual({ width: 1200, height: 630 });
    expect(pngSize(await renderSocialImage({ ...odd, votes: -3, date: new Date(Number.NaN) }))).toEqual({
      width: 1200,
      height: 630,
    });
  });

  it('draws accented Latin, Cyrillic, Greek and Vietnamese, and knows it cannot draw Hebrew', async () => {
    const { hasGlyph, fontsFor } = await loadSocialImageFonts();
    for (const character of ['é', 'Ł', 'Ж', 'Ω', 'ệ']) expect(hasGlyph(character.codePointAt(0) ?? 0), character).toBe(true);
    expect(hasGlyph('ש'.codePointAt(0) ?? 0)).toBe(false);
    // Only the subsets a title needs are handed to satori, the same array each time.
    expect(await fontsFor('Dark mode')).toBe(await fontsFor('Export as CSV'));
    expect((await fontsFor('Тёмная тема')).length).toBeGreaterThan((await fontsFor('Dark mode')).length);
  });

  it('loads the fonts once per process', async () => {
    const first = loadSocialImageFonts();
    expect(loadSocialImageFonts()).toBe(first);
    const { fonts } = await first;
    expect(fonts.length).toBeGreaterThan(0);
    expect(new Set(fonts.map((font) => font.weight))).toEqual(new Set([400, 700]));
  });
});

describe('cleanText', () => {
  const latinOnly = (codePoint: number) => codePoint < 0x250;

  it('leaves out characters the fonts cannot draw, and what remains reads cleanly', () => {
    expect(cleanText('Dark 🚀 mode שלום', 100, latinOnly)).toBe('Dark mode');
  });

  it('drops controls and bidi overrides, collapses whitespace', () => {
    expect(cleanText('  a\u202Eb\u0000c \n\t d  ', 100)).toBe('abc d');
  });

  it('caps the length with an ellipsis', () => {
    const capped = cleanText('word '.repeat(100), 20);
    expect([...capped]).toHaveLength(20);
    expect(capped.endsWith('…')).toBe(true);
  });
});
