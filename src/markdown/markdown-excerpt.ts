/**
 * A short plain-text summary of Markdown, for `<meta name="description">`, feeds and cards:
 * the words a reader sees, without markup, code blocks, raw HTML or images, cut at a word.
 * Headings are left out too: in issues they are mostly the questions of an issue template
 * ("Is your feature request related to a problem?"), the same on every request.
 * A GitHub alert reads as its title and text ("Warning: …"), as the page shows it.
 * The result is text, not HTML: escape it for wherever it goes.
 */
import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { ALERT_TITLES, alertOf, withoutMarker } from './github-alerts.ts';

const parser = unified().use(remarkParse).use(remarkGfm);
const SKIPPED = new Set(['heading', 'code', 'html', 'image', 'imageReference', 'definition', 'footnoteDefinition', 'yaml']);
/** Inline HTML splits into tags and the text between them: drop what such elements enclose too. */
const NON_TEXT_ELEMENTS = /<(script|style|template|textarea|title)\b[\s\S]*?<\/\1\s*>/gi;
const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'tableCell', 'break']);

function collect(node: Root | RootContent, parts: string[]): void {
  if (SKIPPED.has(node.type)) return;
  if (node.type === 'text' || node.type === 'inlineCode') parts.push(node.value);
  if (node.type === 'root') for (const child of node.children) collectTopLevel(child, parts);
  else if ('children' in node) for (const child of node.children) collect(child, parts);
  if (BLOCKS.has(node.type)) parts.push(' ');
}

/** Alerts exist only at the top level of a text, as on GitHub. */
function collectTopLevel(node: RootContent, parts: string[]): void {
  const alert = node.type === 'blockquote' ? alertOf(node) : undefined;
  if (node.type !== 'blockquote' || alert === undefined) return collect(node, parts);
  parts.push(`${ALERT_TITLES[alert.kind]}: `);
  for (const child of withoutMarker(node, alert.rest).children) collect(child, parts);
  parts.push(' ');
}

export function markdownExcerpt(markdown: string, maxLength = 160): string {
  return excerptOf(parser.parse(markdown.replace(NON_TEXT_ELEMENTS, ' ')), maxLength);
}

/**
 * The excerpt of `markdown` from `tree`, its syntax tree as remark-parse and remark-gfm give it
 * (before any transform), so that text rendered to HTML is not parsed a second time for its
 * excerpt. Undefined when the text has elements whose content must go first (see
 * `NON_TEXT_ELEMENTS`): then only `markdownExcerpt` gives the right answer.
 */
export function excerptFromTree(markdown: string, tree: Root, maxLength = 160): string | undefined {
  NON_TEXT_ELEMENTS.lastIndex = 0;
  return NON_TEXT_ELEMENTS.test(markdown) ? undefined : excerptOf(tree, maxLength);
}

function excerptOf(tree: Root, maxLength: number): string {
  const parts: string[] = [];
  collect(tree, parts);
  const text = parts.join('').replace(/\s+/g, ' ').trim();
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:!?-]+$/, '')}…`;
}
