/**
 * The SVG badge a project can put in its README: "votes | 42", in the style of shields.io.
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
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${escapeXml(badge.title)}">
  <title>${escapeXml(badge.title)}</title>
  <linearGradient id="shine" x2="0" y2="100%"><stop offset="0" stop-color="#fff" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
  <clipPath id="round"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath>
  <g clip-path="url(#round)">
    <rect width="${left}" height="20" fill="#555"/>
    <rect x="${left}" width="${right}" height="20" fill="${escapeXml(badge.color)}"/>
    <rect width="${width}" height="20" fill="url(#shine)"/>
  </g>
  <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
    <text x="${left / 2}" y="14">${escapeXml(badge.label)}</text>
    <text x="${left + right / 2}" y="14">${escapeXml(badge.value)}</text>
  </g>
</svg>
`;
}
