/**
 * Renders the 1200×630 card that link previews show for a request or a release:
 * layout tree → satori (SVG, text as paths) → resvg (PNG).
 *
 * Rendering is the expensive part of a build with thousands of requests, so callers go through
 * `image-cache.ts`, keyed by these inputs and `SOCIAL_IMAGE_RENDERER_VERSION`.
 */
import { renderAsync } from '@resvg/resvg-js';
import satori from 'satori';
import { encodeOpaquePng } from './encode-png.ts';
import { loadSocialImageFonts } from './social-image-fonts.ts';
import {
  SOCIAL_IMAGE_HEIGHT,
  SOCIAL_IMAGE_WIDTH,
  socialImageElement,
  type SatoriElement,
  type SocialImageInput,
} from './social-image-layout.ts';

export type { SocialImageInput, SocialImageLabels, SocialImageTheme } from './social-image-layout.ts';
export { SOCIAL_IMAGE_HEIGHT, SOCIAL_IMAGE_WIDTH } from './social-image-layout.ts';

/**
 * Part of every cache key. Bump it whenever the picture for the same inputs changes (layout,
 * fonts, a satori or resvg upgrade), or cached images from earlier builds would be served.
 */
export const SOCIAL_IMAGE_RENDERER_VERSION = 2;

export async function renderSocialImage(input: SocialImageInput): Promise<Buffer> {
  const { fontsFor, hasGlyph, emoji } = await loadSocialImageFonts();
  const element = socialImageElement(input, hasGlyph);
  const svg = await satori(element, {
    width: SOCIAL_IMAGE_WIDTH,
    height: SOCIAL_IMAGE_HEIGHT,
    fonts: await fontsFor(textOf(element)),
    // satori asks for what no font draws: emoji come as pictures; anything else the layout already
    // left out, and builds are offline, so there is no other font to fetch.
    loadAdditionalAsset: async (languageCode, segment) => (languageCode === 'emoji' ? ((await emoji(segment)) ?? []) : []),
    // An odd theme colour must not fail a build of ten thousand pages; satori then drops the style.
    onStyleError: () => {},
  });
  // resvg rasterises on libuv's thread pool, off the main thread.
  const image = await renderAsync(svg, {
    fitTo: { mode: 'original' },
    font: { loadSystemFonts: false },
    logLevel: 'off',
  });
  // Cards are opaque; should a theme ever make one see-through, resvg encodes it with its alpha.
  return encodeOpaquePng(image.width, image.height, image.pixels) ?? image.asPng();
}

/** All the text on the card, to pick the fonts it needs. */
function textOf(element: SatoriElement | string): string {
  if (typeof element === 'string') return element;
  const { children } = element.props;
  if (children === undefined) return '';
  return (Array.isArray(children) ? children : [children]).map(textOf).join(' ');
}
