/**
 * Release notes for an email: rendered by the site's own pipeline (`src/markdown/`, GitHub's
 * sanitizing rules: no scripts, no event handlers, no `javascript:` URLs), then made to work away
 * from the site: every link and image address absolute (relative ones resolve against the release
 * on GitHub, where the notes were written; in-page anchors against the release's changelog page,
 * which renders the same ids), anything that is not http(s) or mailto dropped. The plain-text
 * version is read off the same sanitized tree, so a `<script>` in the notes is in neither part.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { renderMarkdown } from '../markdown/render-markdown.ts';

export interface EmailReleaseNotes {
  html: string;
  text: string;
}

export interface ReleaseNotesSource {
  repository: string;
  /** Untrusted Markdown. */
  body: string;
  /** The release on GitHub (also gives the GitHub host, for Enterprise Server). */
  url: string;
  /** The release's page in the roadmap's changelog. */
  changelogUrl: string;
}

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'pre', 'blockquote', 'table', 'tr', 'hr', 'section', 'details', 'summary', 'dl', 'dt', 'dd']);

/** The absolute form of `address`, or null when it is not one we let through. */
function absolute(address: string, source: ReleaseNotesSource): string | null {
  try {
    const url = new URL(address, address.startsWith('#') ? source.changelogUrl : source.url);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function visitElements(node: Root | RootContent, visit: (element: Element) => void): void {
  if (node.type === 'element') visit(node);
  if ('children' in node) for (const child of node.children) visitElements(child, visit);
}

function makeAddressesAbsolute(tree: Root, source: ReleaseNotesSource): void {
  visitElements(tree, (element) => {
    for (const property of ['href', 'src'] as const) {
      const value = element.properties[property];
      if (typeof value !== 'string') continue;
      const resolved = absolute(value, source);
      if (resolved === null) delete element.properties[property];
      else element.properties[property] = resolved;
    }
  });
}

const CONTAINERS = new Set(['ul', 'ol', 'table', 'thead', 'tbody', 'tr', 'dl']);

function inlineText(nodes: readonly ElementContent[], container = false): string {
  // Between the items of a list or a table, whitespace is layout, not text.
  return nodes
    .filter((node) => !(container && node.type === 'text' && node.value.trim() === ''))
    .map((node) => textOf(node))
    .join('');
}

function textOf(node: ElementContent | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  const children = node.children;
  switch (node.tagName) {
    case 'br':
      return '\n';
    case 'hr':
      return '\n\n----\n\n';
    case 'img': {
      const alt = node.properties.alt;
      return typeof alt === 'string' && alt.trim() !== '' ? `[${alt}]` : '';
    }
    case 'a': {
      const text = inlineText(children);
      const href = node.properties.href;
      if (typeof href !== 'string' || href === text.trim() || href === `mailto:${text.trim()}`) return text;
      return `${text} (${href})`;
    }
    case 'pre':
      return `\n\n${inlineText(children).replace(/\n+$/, '')}\n\n`;
    case 'li': {
      const content = inlineText(children).trim().replace(/\n{2,}/g, '\n').replace(/\n/g, '\n  ');
      return `\n- ${content}`;
    }
    default: {
      const content = inlineText(children, CONTAINERS.has(node.tagName));
      return BLOCKS.has(node.tagName) ? `\n\n${content}\n\n` : content;
    }
  }
}

function plainText(tree: Root): string {
  const raw = tree.children.map((node) => textOf(node)).join('');
  return raw
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').replace(/ +$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function releaseNotesForEmail(source: ReleaseNotesSource): EmailReleaseNotes {
  if (source.body.trim() === '') return { html: '', text: '' };
  const githubUrl = new URL(source.url).origin;
  const html = renderMarkdown(source.body, { repository: source.repository, githubUrl, topHeadingLevel: 3 });
  // The sanitized HTML, parsed back into a tree (rehype-raw parses `raw` nodes) to be adjusted.
  const tree = unified()
    .use(rehypeRaw)
    .runSync({ type: 'root', children: [{ type: 'raw', value: html }] } as unknown as Root) as Root;
  makeAddressesAbsolute(tree, source);
  return {
    html: unified().use(rehypeStringify).stringify(tree),
    text: plainText(tree),
  };
}
