/**
 * The SVG badge a project can put in its README: "votes | 42", in the flat style of shields.io.
 * Text widths are estimated (no font metrics at build time) with a generous per-character
 * width, so the text never overflows; all text is escaped.
 */
import { escapeXml } from './xml-escape.ts';

const CHAR_WIDTH = 7;
const PADDING = 10;

export interface VoteBadge {
  label: string;
  value: string;
  /** Accessible title, e.g. "42 votes for Dark mode". */
  title: string;
  /** Background of the value: a CSS colour from the validated theme. */
  color: string;
}

function textWidth(text: string): number {
  return [...text].length * CHAR_WIDTH + PADDING * 2;
}

export function voteBadgeSvg(badge: VoteBadge): string {
  const left = textWidth(badge.label);
  const right = textWidth(badge.value);
  const width = left + right;
  // Flat, with rounded ends drawn as shapes rather than a clip path: a badge is a few hundred
  // bytes beside every request page. `role="img"` takes its accessible name from the <title>.
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img">` +
    `<title>${escapeXml(badge.title)}</title>` +
    `<rect width="${width}" height="20" rx="3" fill="${escapeXml(badge.color)}"/>` +
    `<path d="M3 0h${left - 3}v20H3a3 3 0 0 1-3-3V3a3 3 0 0 1 3-3z" fill="#555"/>` +
    `<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">` +
    `<text x="${left / 2}" y="14">${escapeXml(badge.label)}</text>` +
    `<text x="${left + right / 2}" y="14">${escapeXml(badge.value)}</text>` +
    `</g></svg>\n`
  );
}
