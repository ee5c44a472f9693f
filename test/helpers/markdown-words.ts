/**
 * The words a reader sees in a text, read for the tests without the site's own Markdown code:
 * remark's syntax tree, every text, code and inline code value, blocks kept apart. Words are
 * lower-cased runs of letters and digits, so punctuation a renderer adds (Pagefind ends blocks
 * with a full stop) does not matter, and text that runs together ("themesDescription") does.
 */
import type { Nodes } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkGfm);
const BLOCKS = new Set(['paragraph', 'heading', 'code', 'blockquote', 'list', 'listItem', 'table', 'tableRow', 'tableCell', 'thematicBreak']);

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Whether `markdown` has raw HTML, which only a sanitizer can say what is left of. */
export function hasRawHtml(markdown: string): boolean {
  const found = (node: Nodes): boolean => node.type === 'html' || ('children' in node && node.children.some(found));
  return found(parser.parse(markdown));
}

export function markdownWords(markdown: string): string[] {
  const parts: string[] = [];
  const collect = (node: Nodes): void => {
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') parts.push(node.value);
    if ('children' in node) for (const child of node.children) collect(child);
    if (BLOCKS.has(node.type)) parts.push(' ');
  };
  collect(parser.parse(markdown));
  return words(parts.join(''));
}

/** Text of an HTML excerpt (`<mark>` around matches, text escaped). */
export function htmlText(html: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };
  return html.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_match, name: string) => entities[name] ?? '');
}

/** Where `part` runs, word for word, inside `whole`; -1 when it does not. */
export function indexOfRun(whole: readonly string[], part: readonly string[]): number {
  for (let start = 0; start + part.length <= whole.length; start++) {
    if (part.every((word, offset) => whole[start + offset] === word)) return start;
  }
  return -1;
}
