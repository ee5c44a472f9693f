/**
 * Social images of titles in other scripts: Japanese, Arabic and emoji are drawn with their own
 * glyphs (not left out, not "NO GLYPH" boxes), from fonts loaded only for the scripts a title uses.
 * Glyphs are told from boxes by drawing two different characters: boxes look alike, glyphs do not.
 */
import { describe, expect, it } from 'vitest';
import { renderSocialImage, type SocialImageInput } from '../../src/images/render-social-image.ts';
import { loadSocialImageFonts } from '../../src/images/social-image-fonts.ts';
import { cleanText } from '../../src/images/social-image-layout.ts';
import { decodePng, pixelAt, type Pixels } from './png-pixels.ts';

const card: SocialImageInput = { kind: 'request', title: '', projectName: 'Lumen', theme: { accent: '#2f5bd3' }, status: 'planned', votes: 3 };
/** Where the title is drawn: below the header, above the footer. */
const TITLE_AREA = { left: 60, right: 1140, top: 130, bottom: 420 };

async function titleArea(title: string): Promise<Pixels> {
  return decodePng(await renderSocialImage({ ...card, title }));
}

/** Pixels of the title area that are not the white background. */
function ink(pixels: Pixels): number {
  let count = 0;
  for (let y = TITLE_AREA.top; y < TITLE_AREA.bottom; y += 2) {
    for (let x = TITLE_AREA.left; x < TITLE_AREA.right; x += 2) {
      const [r, g, b] = pixelAt(pixels, x, y);
      if (r + g + b < 600) count++;
    }
  }
  return count;
}

/** Pixels of the title area that are clearly coloured: text is near-black, emoji are not. */
function colourful(pixels: Pixels): number {
  let count = 0;
  for (let y = TITLE_AREA.top; y < TITLE_AREA.bottom; y += 2) {
    for (let x = TITLE_AREA.left; x < TITLE_AREA.right; x += 2) {
      const [r = 0, g = 0, b = 0] = pixelAt(pixels, x, y);
      if (Math.max(r, g, b) - Math.min(r, g, b) > 80) count++;
    }
  }
  return count;
}

/** How many sampled pixels of the title area differ between two cards. */
function difference(a: Pixels, b: Pixels): number {
  let count = 0;
  for (let y = TITLE_AREA.top; y < TITLE_AREA.bottom; y += 2) {
    for (let x = TITLE_AREA.left; x < TITLE_AREA.right; x += 2) {
      if (pixelAt(a, x, y).join() !== pixelAt(b, x, y).join()) count++;
    }
  }
  return count;
}

describe('social images in other scripts', () => {
  it.each([
    ['Japanese', 'ダークモード', 'ダ', 'ク'],
    ['Japanese kanji', '検索ボックス', '検', '索'],
    ['Arabic', 'الوضع الداكن', 'م', 'ب'],
  ])('draws %s titles with their glyphs', async (_script, title, one, other) => {
    expect(ink(await titleArea(title))).toBeGreaterThan(2_000);
    // Two characters of the script come out as two different shapes, which boxes would not.
    expect(difference(await titleArea(one.repeat(6)), await titleArea(other.repeat(6)))).toBeGreaterThan(500);
  }, 60_000);

  it('draws emoji as coloured pictures, joined sequences and flags included', async () => {
    for (const emoji of ['🚀', '👩‍💻', '🇯🇵', '❤️']) {
      expect(colourful(await titleArea(`Ship it ${emoji}`)), emoji).toBeGreaterThan(100);
    }
    expect(colourful(await titleArea('Ship it'))).toBe(0);
    expect(cleanText('Ship 👩‍💻 ❤️ 🇯🇵', 100)).toBe('Ship 👩‍💻 ❤️ 🇯🇵');
  }, 60_000);

  it('loads a script’s font only for titles that use it', async () => {
    const { fontsFor } = await loadSocialImageFonts();
    const families = async (text: string) => new Set((await fontsFor(text)).map((font) => font.name.replace(/ \S+$/, '')));
    expect(await families('Dark mode for the default theme')).toEqual(new Set(['Inter']));
    expect(await families('Ship it 🚀')).toEqual(new Set(['Inter']));
    expect(await families('ダークモード')).toEqual(new Set(['Inter', 'Noto Sans JP']));
    expect(await families('الوضع الداكن')).toEqual(new Set(['Inter', 'Noto Sans Arabic']));
    // Of Noto Sans JP's hundred-odd files, only those holding the title's characters.
    const japanese = (await fontsFor('ダークモード')).filter((font) => font.name.startsWith('Noto Sans JP'));
    expect(japanese.length).toBeGreaterThan(0);
    expect(japanese.length).toBeLessThanOrEqual(4);
  });
});
