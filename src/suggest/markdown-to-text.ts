/**
 * The words of an issue or Discussion body, one block per line, without what would make
 * unrelated requests look alike: code blocks (configuration snippets, stack traces and logs
 * repeat across requests), HTML markup, URLs, images, `#12` references, `@mentions`, and
 * headings — issue forms turn each question into a heading, the same on every issue of a
 * repository.
 *
 * Link text and inline code stay: "`srcset`" or "[view transitions](…)" name the feature. The
 * text is parsed (remark-parse), so fences, headings, images, links and link definitions are
 * told apart as GitHub tells them; lines still matter, because boilerplate runs are found line
 * by line (`boilerplate.ts`).
 */
import type { Nodes } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/**
 * CommonMark without GFM's extensions: of those, only autolinked URLs would change the words, and
 * `URL` drops them from the text, for half the parsing time.
 */
const parser = unified().use(remarkParse);

const SKIPPED = new Set(['heading', 'code', 'image', 'imageReference', 'definition']);
/** What ends a line. */
const LINE_ENDS = new Set(['paragraph', 'listItem', 'blockquote', 'break', 'thematicBreak']);

// Raw HTML keeps the text between its tags, as a browser shows it; comments show nothing.
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const HTML_TAG = /<\/?[a-z][^<>]*>/gi;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>()]+/gi;
const ISSUE_REFERENCE = /(?:\b[\w.-]+\/[\w.-]+)?#\d+\b/g;
const MENTION = /(?<![\w.])@[\w-]+(?:\/[\w-]+)?/g;

function collect(node: Nodes, parts: string[]): void {
  if (SKIPPED.has(node.type)) return;
  switch (node.type) {
    case 'text':
      parts.push(node.value.replace(URL, ' ').replace(ISSUE_REFERENCE, ' ').replace(MENTION, ' '));
      break;
    case 'inlineCode':
      // Kept as words: `<pre>` and `srcset` name things, but not as HTML.
      parts.push(` ${node.value.replace(/[<>/]/g, ' ')} `);
      break;
    case 'html':
      parts.push(` ${node.value.replace(HTML_COMMENT, ' ').replace(HTML_TAG, ' ')} `);
      break;
    case 'link': {
      // An autolink (`<https://…>`, `<name@example.com>`) is its own text: dropped.
      const [only] = node.children;
      if (node.children.length === 1 && only?.type === 'text' && node.url.endsWith(only.value)) break;
      parts.push(' ');
      for (const child of node.children) collect(child, parts);
      parts.push(' ');
      break;
    }
    default:
      if ('children' in node) for (const child of node.children) collect(child, parts);
  }
  if (LINE_ENDS.has(node.type)) parts.push('\n');
}

export function markdownToText(markdown: string): string {
  // remark-parse reads anything as text (undefined as ""): a body that is not text is a broken job, not an empty body.
  if (typeof markdown !== 'string') throw new TypeError(`A body to compare must be text, got ${typeof markdown}.`);
  const parts: string[] = [];
  collect(parser.parse(markdown), parts);
  return parts.join('');
}
