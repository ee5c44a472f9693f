/**
 * An SVG card for a README: a heading, then one or more columns of lines, each line a text and
 * an optional value on the right (a vote count).
 *
 * README-safe: GitHub shows a README's images through its image proxy as `<img>`, where an SVG
 * may run no script and load nothing else, so the card is self-contained: no script, no
 * external font or image, a system font stack. Text widths are estimated (no font metrics at
 * build time) generously, and a text too long for its place is cut with an ellipsis; all text
 * is escaped.
 * @see https://docs.github.com/en/get-started/writing-on-github/getting-started-with-writing-and-formatting-on-github/basic-writing-and-formatting-syntax#images
 */
import { escapeXml } from './xml-escape.ts';

export interface CardPalette {
  background: string;
  border: string;
  text: string;
  muted: string;
  accent: string;
}

export interface CardLine {
  text: string;
  /** Shown right-aligned in the accent colour: a vote count. */
  value?: string;
  /** A group's name (a milestone), drawn bold. */
  strong?: boolean;
  /** A note ("and 3 more"), drawn muted. */
  muted?: boolean;
}

export interface CardColumn {
  heading?: string;
  lines: CardLine[];
}

export interface Card {
  /** The accessible name, read out instead of the picture. */
  title: string;
  heading: string;
  /** What the values are ("votes"), above them on the right. */
  valueHeading?: string;
  columns: CardColumn[];
  /** A muted line at the bottom: the site's name. */
  footer: string;
}

export const FONT_FAMILY = "-apple-system,BlinkMacSystemFont,'Segoe UI','Noto Sans',Helvetica,Arial,sans-serif";
const PADDING = 20;
const COLUMN_GAP = 24;
const LINE_HEIGHT = 24;
const FONT_SIZE = 13;
const HEADING_SIZE = 16;
const SMALL_SIZE = 12;
/** Width of a card of one column; a card of several gets this much per column, up to WIDE_WIDTH. */
export const NARROW_WIDTH = 480;
export const WIDE_WIDTH = 780;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * A generous width of one grapheme at `fontSize`, in pixels: wide scripts and emoji take about
 * a square, capitals and a few wide letters more than the average, and no font of the stack
 * draws the rest wider than 0.6 em on average.
 */
function graphemeWidth(grapheme: string, fontSize: number): number {
  const code = grapheme.codePointAt(0) ?? 0;
  if (code >= 0x1100 && (code <= 0x115f || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || code >= 0x1f000)) {
    return fontSize * 1.1;
  }
  if (/[MW@%mw]/.test(grapheme)) return fontSize * 0.9;
  if (/[A-Z]/.test(grapheme)) return fontSize * 0.7;
  if (/[il.,:;'|!]/.test(grapheme)) return fontSize * 0.32;
  return fontSize * 0.6;
}

export function estimateTextWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const { segment } of graphemes.segment(text)) width += graphemeWidth(segment, fontSize);
  return width;
}

/** `text` as is when it fits in `maxWidth`, else cut between graphemes and ended with "…". */
export function fitText(text: string, maxWidth: number, fontSize: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  if (estimateTextWidth(oneLine, fontSize) <= maxWidth) return oneLine;
  const room = maxWidth - graphemeWidth('…', fontSize);
  let width = 0;
  let kept = '';
  for (const { segment } of graphemes.segment(oneLine)) {
    width += graphemeWidth(segment, fontSize);
    if (width > room) break;
    kept += segment;
  }
  return `${kept.trimEnd()}…`;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** The card as an SVG document, in `palette`'s colours. */
export function cardSvg(card: Card, palette: CardPalette): string {
  const columns = Math.max(1, card.columns.length);
  const width = columns === 1 ? NARROW_WIDTH : WIDE_WIDTH;
  const columnWidth = (width - PADDING * 2 - COLUMN_GAP * (columns - 1)) / columns;
  const hasColumnHeadings = card.columns.some((column) => column.heading !== undefined);
  const top = PADDING + HEADING_SIZE + 18 + (hasColumnHeadings ? LINE_HEIGHT : 0);
  const rows = Math.max(1, ...card.columns.map((column) => column.lines.length));
  const footerY = top + rows * LINE_HEIGHT + 14;
  const height = footerY + PADDING - 4;
  const text = (x: number, y: number, content: string, attributes = '') =>
    `<text x="${round(x)}" y="${round(y)}"${attributes}>${escapeXml(content)}</text>`;

  const parts: string[] = [];
  const headingRoom = width - PADDING * 2 - (card.valueHeading ? estimateTextWidth(card.valueHeading, SMALL_SIZE) + 12 : 0);
  parts.push(text(PADDING, PADDING + HEADING_SIZE, fitText(card.heading, headingRoom, HEADING_SIZE), ` font-size="${HEADING_SIZE}" font-weight="600"`));
  if (card.valueHeading) {
    parts.push(text(width - PADDING, PADDING + HEADING_SIZE, card.valueHeading, ` font-size="${SMALL_SIZE}" fill="${escapeXml(palette.muted)}" text-anchor="end"`));
  }
  parts.push(`<path d="M${PADDING} ${PADDING + HEADING_SIZE + 10}H${width - PADDING}" stroke="${escapeXml(palette.border)}"/>`);

  card.columns.forEach((column, index) => {
    const left = PADDING + index * (columnWidth + COLUMN_GAP);
    const right = left + columnWidth;
    if (column.heading !== undefined) {
      parts.push(text(left, top - LINE_HEIGHT + 16, fitText(column.heading, columnWidth, SMALL_SIZE), ` font-size="${SMALL_SIZE}" font-weight="600" fill="${escapeXml(palette.muted)}" letter-spacing=".04em"`));
    }
    column.lines.forEach((line, row) => {
      const y = top + row * LINE_HEIGHT + 16;
      const valueWidth = line.value === undefined ? 0 : estimateTextWidth(line.value, FONT_SIZE) + 10;
      const attributes = line.strong ? ' font-weight="600"' : line.muted ? ` fill="${escapeXml(palette.muted)}"` : '';
      parts.push(text(left, y, fitText(line.text, columnWidth - valueWidth, FONT_SIZE), attributes));
      if (line.value !== undefined) {
        parts.push(text(right, y, line.value, ` fill="${escapeXml(palette.accent)}" font-weight="600" text-anchor="end"`));
      }
    });
  });
  parts.push(text(PADDING, footerY, fitText(card.footer, width - PADDING * 2, SMALL_SIZE), ` font-size="${SMALL_SIZE}" fill="${escapeXml(palette.muted)}"`));

  // `role="img"` takes its accessible name from the <title>.
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">` +
    `<title>${escapeXml(card.title)}</title>` +
    `<rect x=".5" y=".5" width="${width - 1}" height="${height - 1}" rx="10" fill="${escapeXml(palette.background)}" stroke="${escapeXml(palette.border)}"/>` +
    `<g font-family="${escapeXml(FONT_FAMILY)}" font-size="${FONT_SIZE}" fill="${escapeXml(palette.text)}">` +
    parts.join('') +
    `</g></svg>\n`
  );
}
