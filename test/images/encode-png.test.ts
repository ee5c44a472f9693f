import { Resvg } from '@resvg/resvg-js';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeOpaquePng } from '../../src/images/encode-png.ts';
import { decodePng } from './png-pixels.ts';

const renderOptions = { fitTo: { mode: 'original' as const }, font: { loadSystemFonts: false }, logLevel: 'off' as const };

/** An opaque picture with gradients and anti-aliased edges, drawn by resvg as RGBA. */
function drawn(width: number, height: number): { rgba: Uint8Array; resvgPng: Buffer } {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g"><stop offset="0" stop-color="#2f5bd3"/><stop offset="1" stop-color="#f4b400"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="#ffffff"/>
    <circle cx="${width / 3}" cy="${height / 2}" r="${height / 3}" fill="url(#g)"/>
    <path d="M 5 ${height - 5} L ${width - 5} 7" stroke="#111318" stroke-width="1.5"/>
  </svg>`;
  const image = new Resvg(svg, renderOptions).render();
  return { rgba: new Uint8Array(image.pixels), resvgPng: image.asPng() };
}

/** Decodes `png` with resvg's PNG decoder, by drawing it as an SVG image at its own size. */
function decodeWithResvg(png: Buffer, width: number, height: number): Uint8Array {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}">
    <image width="${width}" height="${height}" image-rendering="optimizeSpeed" xlink:href="data:image/png;base64,${png.toString('base64')}"/>
  </svg>`;
  return new Uint8Array(new Resvg(svg, renderOptions).render().pixels);
}

function chunks(png: Buffer): { type: string; data: Buffer; crc: number }[] {
  const found = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    found.push({
      type: png.toString('latin1', offset + 4, offset + 8),
      data: png.subarray(offset + 8, offset + 8 + length),
      crc: png.readUInt32BE(offset + 8 + length),
    });
    offset += 12 + length;
  }
  return found;
}

describe('encodeOpaquePng', () => {
  const width = 301;
  const height = 157;
  const { rgba, resvgPng } = drawn(width, height);

  it('writes well-formed chunks: an RGB header, checksums that match, nothing after IEND', () => {
    const png = encodeOpaquePng(width, height, rgba);
    expect(png).not.toBeNull();
    const found = chunks(png as Buffer);
    expect(found.map((chunk) => chunk.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    for (const chunk of found) expect(chunk.crc, chunk.type).toBe(crc32(Buffer.concat([Buffer.from(chunk.type, 'latin1'), chunk.data])));
    const header = found[0]?.data as Buffer;
    expect([header.readUInt32BE(0), header.readUInt32BE(4), header[8], header[9], header[10], header[11], header[12]]).toEqual([width, height, 8, 2, 0, 0, 0]);
  });

  it('keeps every pixel: resvg decodes it to the picture it drew', () => {
    const png = encodeOpaquePng(width, height, rgba) as Buffer;
    expect(Buffer.from(decodeWithResvg(png, width, height)).equals(Buffer.from(rgba))).toBe(true);
  });

  it('decodes to the same pixels as resvg’s own encoding', () => {
    const ours = decodePng(encodeOpaquePng(width, height, rgba) as Buffer);
    const theirs = decodePng(resvgPng);
    expect(Buffer.from(ours.data).equals(Buffer.from(theirs.data))).toBe(true);
  });

  it('declines a picture with a pixel that is not fully opaque', () => {
    const seeThrough = Uint8Array.from(rgba);
    seeThrough[(width * 40 + 7) * 4 + 3] = 254;
    expect(encodeOpaquePng(width, height, seeThrough)).toBeNull();
  });

  it('writes the same file reading pixels a word or a byte at a time, for any width and row', () => {
    // The full size comes again last: the encoder keeps its row buffer, so a card after small
    // images must not pick up what they left in it.
    for (const [w, h] of [[width, height], [4, 3], [5, 2], [1, 1], [width, height]] as const) {
      const picture = drawn(w, h).rgba;
      const byWords = encodeOpaquePng(w, h, picture, 'words') as Buffer;
      expect(byWords.equals(encodeOpaquePng(w, h, picture, 'bytes') as Buffer), `${w}×${h}`).toBe(true);
      expect(Buffer.from(decodePng(byWords).data).equals(Buffer.from(decodePng(encodeOpaquePng(w, h, picture, 'bytes') as Buffer).data))).toBe(true);
    }
    // Pixels that do not start on a word boundary are read as well.
    const offset = new Uint8Array(rgba.length + 1);
    offset.set(rgba, 1);
    expect((encodeOpaquePng(width, height, offset.subarray(1), 'words') as Buffer).equals(encodeOpaquePng(width, height, rgba, 'bytes') as Buffer)).toBe(true);
  });

  it('declines a see-through pixel in the last, odd column too, either way of reading', () => {
    for (const read of ['words', 'bytes'] as const) {
      const seeThrough = Uint8Array.from(rgba);
      seeThrough[(width * 100 + width - 1) * 4 + 3] = 0;
      expect(encodeOpaquePng(width, height, seeThrough, read), read).toBeNull();
    }
  });

  it('says what is wrong when the pixels do not fit the size', () => {
    expect(() => encodeOpaquePng(width, height + 1, rgba)).toThrow(`A ${width}×${height + 1} image needs ${width * (height + 1) * 4} bytes of RGBA, not ${rgba.length}.`);
    expect(() => encodeOpaquePng(0, 0, new Uint8Array())).toThrow(RangeError);
  });
});
