/**
 * Finishing touches on sanitized user content, after `rehype-sanitize`:
 * - links get `rel="ugc nofollow noopener"`: the content is user-generated, must not pass on
 *   ranking, and must not get a handle on our window;
 * - images load lazily and decode off the main thread, and send no referrer;
 *   one left without a source by sanitizing (a `data:` or `javascript:` URL) is removed, and
 *   one without a text alternative gets an empty one rather than its file name read aloud;
 * - a reader's browser loads images only from GitHub's image hosts (`github-images.ts`) or the
 *   site: an image from any other host shows the copy the build downloaded (`images`), or
 *   becomes a link to it (its text alternative, else its address), so its host never learns who
 *   reads the text; `<source>` alternatives from other hosts (in `<picture>`) are removed;
 * - task list checkboxes say what they show ("Completed task"); any other form control left by
 *   sanitizing (an `<input>` from raw HTML) is removed: it could only confuse;
 * - in-page links (`#fn-1`) follow the `user-content-` prefix sanitizing put on every id, as
 *   GitHub does with a script; we do it at build time, so footnotes work without one;
 * - headings move so that the text's top level becomes `topHeadingLevel` (a body's `#` and a
 *   release's `##` become `<h3>` by default), so they sit under the page's own title and sections
 *   instead of competing with them;
 * - a `data-*` attribute without a value (`data-footnotes`) is written `data-footnotes=""`, as it
 *   is after rehype-raw, which only texts with raw HTML go through: the same Markdown renders the
 *   same whether or not it also has some;
 * - code blocks (`<pre>`) can take the keyboard focus (`tabindex="0"`): a long line scrolls them
 *   sideways, and a region that scrolls must be reachable without a mouse (WCAG 2.1.1; axe's
 *   `scrollable-region-focusable`), whatever `tabindex` the text gave it (GitHub's schema keeps one);
 * - block elements written side by side in raw HTML (`<dt>Term</dt><dd>Meaning</dd>`) get a line
 *   break between them, as Markdown's blocks have: search reads text, not layout, and would take
 *   "TermMeaning" for one word. Never inside `<pre>`, where it would show.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { isGitHubImage, normalImageUrl } from './github-images.ts';
import { linkedItemKey } from './site-links.ts';

declare module 'vfile' {
  interface DataMap {
    /** `UserContentOptions['images']` of this one text, so processors are shared between texts. */
    externalImages: Readonly<Record<string, string>>;
    /** `RenderMarkdownOptions['siteLinks']` of this one text. */
    siteLinks: Readonly<Record<string, string>>;
  }
}

export interface UserContentOptions {
  /** `rel` for links. */
  rel?: readonly string[];
  /** The prefix `rehype-sanitize` put on ids (its schema's `clobberPrefix`). */
  idPrefix?: string;
  /** The level the text's highest heading moves to; the others follow, at most `<h6>`. Default 3. */
  topHeadingLevel?: number;
  /** Accessible names of task list checkboxes. */
  taskLabels?: { done: string; open: string };
  /**
   * Site addresses of the downloaded copies of images from other hosts than GitHub's, by their
   * address as `normalImageUrl` writes it. Any other such image becomes a link.
   */
  images?: Readonly<Record<string, string>>;
  /** The origin of the GitHub Enterprise Server the text comes from: its images are GitHub's too. */
  enterpriseOrigin?: string | undefined;
}

const HEADING = /^h([1-6])$/;
/** Elements that start a line of their own: what is on either side of them is another word. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul',
]);
/** hast's name of a `data-*` attribute: `dataFootnoteRef`. */
const DATA_PROPERTY = /^data[A-Z]/;

function walk(node: Root | RootContent, visit: (element: Element) => void): void {
  if (node.type === 'element') visit(node);
  if ('children' in node) for (const child of node.children) walk(child, visit);
}

function removeElements(node: Root | RootContent, remove: (element: Element, parent: Root | Element) => boolean): void {
  if (!('children' in node)) return;
  const parent = node;
  node.children = node.children.filter((child) => child.type !== 'element' || !remove(child, parent)) as typeof node.children;
  for (const child of node.children) removeElements(child, remove);
}

function separateBlocks(node: Root | RootContent): void {
  if (!('children' in node) || (node.type === 'element' && node.tagName === 'pre')) return;
  const children: RootContent[] = [];
  for (const child of node.children as RootContent[]) {
    const previous = children.at(-1);
    if (previous?.type === 'element' && child.type === 'element' && (BLOCKS.has(previous.tagName) || BLOCKS.has(child.tagName))) {
      children.push({ type: 'text', value: '\n' });
    }
    children.push(child);
  }
  node.children = children as typeof node.children;
  for (const child of node.children) separateBlocks(child);
}

/**
 * `img` elements from other hosts than GitHub's: given their downloaded copy, or replaced by a
 * link to the image (by its text alone inside a link, where a link may not go).
 */
function keepImagesOnTrustedHosts(node: Root | Element, options: UserContentOptions, inLink: boolean): void {
  const images = options.images ?? {};
  const replaced: ElementContent[] = [];
  for (const child of node.children as ElementContent[]) {
    if (child.type !== 'element') {
      replaced.push(child);
      continue;
    }
    if (child.tagName === 'source' && !allOnGitHub(child.properties.srcSet, options.enterpriseOrigin)) continue;
    const src = child.tagName === 'img' ? child.properties.src : undefined;
    if (typeof src === 'string' && !isGitHubImage(src, options.enterpriseOrigin)) {
      const copy = images[normalImageUrl(src) ?? ''];
      if (copy !== undefined) {
        child.properties.src = copy;
      } else {
        const alt = typeof child.properties.alt === 'string' ? child.properties.alt.trim() : '';
        const text: ElementContent = { type: 'text', value: alt === '' ? src : alt };
        replaced.push(inLink ? text : { type: 'element', tagName: 'a', properties: { href: src }, children: [text] });
        continue;
      }
    }
    keepImagesOnTrustedHosts(child, options, inLink || child.tagName === 'a');
    replaced.push(child);
  }
  node.children = replaced as typeof node.children;
}

function allOnGitHub(srcSet: unknown, enterpriseOrigin: string | undefined): boolean {
  const candidates = Array.isArray(srcSet) ? srcSet.map(String) : typeof srcSet === 'string' ? srcSet.split(',') : [];
  return candidates.every((candidate) => isGitHubImage(candidate.trim().split(/\s+/)[0] ?? '', enterpriseOrigin));
}

function isTaskListItem(node: Root | Element): boolean {
  const className = node.type === 'element' ? node.properties.className : undefined;
  return Array.isArray(className) && className.includes('task-list-item');
}

function safelyDecoded(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

export default function rehypeUserContent(options: UserContentOptions = {}) {
  const rel = [...(options.rel ?? ['ugc', 'nofollow', 'noopener'])];
  const idPrefix = options.idPrefix ?? 'user-content-';
  const topHeadingLevel = options.topHeadingLevel ?? 3;
  const taskLabels = options.taskLabels ?? { done: 'Completed task', open: 'Open task' };
  return (tree: Root, file: VFile): undefined => {
    const images = file.data.externalImages ?? options.images;
    const siteLinks = file.data.siteLinks ?? {};
    const origins = ['https://github.com', ...(options.enterpriseOrigin ? [options.enterpriseOrigin] : [])];
    const ids = new Set<string>();
    let highest = 6;
    walk(tree, (element) => {
      if (typeof element.properties.id === 'string') ids.add(element.properties.id);
      const heading = HEADING.exec(element.tagName);
      if (heading) highest = Math.min(highest, Number(heading[1]));
    });
    const headingOffset = Math.max(0, topHeadingLevel - highest);
    keepImagesOnTrustedHosts(tree, { ...options, ...(images ? { images } : {}) }, false);
    removeElements(
      tree,
      (element, parent) =>
        (element.tagName === 'img' && typeof element.properties.src !== 'string') ||
        (element.tagName === 'input' && !isTaskListItem(parent)),
    );
    separateBlocks(tree);
    walk(tree, (element) => {
      for (const [name, value] of Object.entries(element.properties)) {
        if (value === true && DATA_PROPERTY.test(name)) element.properties[name] = '';
      }
      if (element.tagName === 'a' && typeof element.properties.href === 'string') {
        const href = element.properties.href;
        if (href.startsWith('#')) {
          const target = safelyDecoded(href.slice(1));
          if (!target.startsWith(idPrefix) && ids.has(idPrefix + target)) element.properties.href = `#${idPrefix}${target}`;
        } else {
          const key = Object.keys(siteLinks).length > 0 ? linkedItemKey(href, origins) : null;
          const onSite = key === null ? undefined : siteLinks[key];
          if (onSite === undefined) element.properties.rel = rel;
          else element.properties.href = onSite;
        }
      }
      const heading = HEADING.exec(element.tagName);
      if (heading && headingOffset > 0) element.tagName = `h${Math.min(6, Number(heading[1]) + headingOffset)}`;
      if (element.tagName === 'pre') element.properties.tabIndex = 0;
      if (element.tagName === 'input') {
        element.properties.ariaLabel = element.properties.checked ? taskLabels.done : taskLabels.open;
      }
      if (element.tagName === 'img') {
        element.properties.loading = 'lazy';
        element.properties.decoding = 'async';
        element.properties.referrerPolicy = 'no-referrer';
        if (typeof element.properties.alt !== 'string') element.properties.alt = '';
      }
    });
  };
}
