/**
 * Renders untrusted Markdown from GitHub (issue bodies, comments, release notes) the way
 * GitHub does, safely:
 *
 *   remark-parse → remark-gfm → remark-github (#12, @user and SHAs linked to the item's own
 *   repository) → remark-rehype (raw HTML kept, to be sanitized rather than dropped) →
 *   rehype-raw (raw HTML parsed into the tree) → rehype-sanitize (GitHub's schema) →
 *   rehype-user-content (rel on links, lazy images, footnote links) → rehype-stringify.
 *
 * Sanitizing comes after everything that can add markup, so nothing escapes it.
 */
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkGithub, { defaultBuildUrl } from 'remark-github';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { excerptFromTree, markdownExcerpt } from './markdown-excerpt.ts';
import rehypeUserContent from './rehype-user-content.ts';
import { USER_CONTENT_PREFIX, userContentSchema } from './sanitize-schema.ts';

export interface RenderMarkdownOptions {
  /** `owner/name` the text belongs to: `#12` links there. */
  repository: string;
  /** Where the repository is hosted, for GitHub Enterprise Server. Default `https://github.com`. */
  githubUrl?: string;
  /** The level the text's highest heading becomes, to fit under the page's own headings. Default 3. */
  topHeadingLevel?: number;
  /** Accessible names of task list checkboxes, in the site's language. */
  taskLabels?: { done: string; open: string };
}

const GITHUB = 'https://github.com';

function createProcessor(options: RenderMarkdownOptions) {
  const origin = (options.githubUrl ?? GITHUB).replace(/\/+$/, '');
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkGithub, {
      repository: options.repository,
      buildUrl: (values) => {
        const url = defaultBuildUrl(values);
        return origin === GITHUB ? url : url.replace(GITHUB, origin);
      },
    })
    // Ids get their `user-content-` prefix from sanitizing, once; a prefix here would double it.
    .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' })
    .use(rehypeRaw)
    .use(rehypeSanitize, userContentSchema)
    .use(rehypeUserContent, {
      idPrefix: USER_CONTENT_PREFIX,
      topHeadingLevel: options.topHeadingLevel ?? 3,
      ...(options.taskLabels ? { taskLabels: options.taskLabels } : {}),
    })
    .use(rehypeStringify);
}

// A processor per repository: building one costs more than rendering a short comment.
const processors = new Map<string, ReturnType<typeof createProcessor>>();

function processorFor(options: RenderMarkdownOptions): ReturnType<typeof createProcessor> {
  const cacheKey = JSON.stringify([options.githubUrl ?? GITHUB, options.repository, options.topHeadingLevel ?? 3, options.taskLabels]);
  let processor = processors.get(cacheKey);
  if (processor === undefined) {
    processor = createProcessor(options);
    processors.set(cacheKey, processor);
  }
  return processor;
}

/** Safe HTML for `markdown`. Synchronous; the same input always gives the same output. */
export function renderMarkdown(markdown: string, options: RenderMarkdownOptions): string {
  return String(processorFor(options).processSync(markdown)).trim();
}

/**
 * `renderMarkdown` and `markdownExcerpt` of the same text, parsing it once where the excerpt
 * allows (parsing is most of the cost of either).
 */
export function renderMarkdownWithExcerpt(markdown: string, options: RenderMarkdownOptions): { html: string; excerpt: string } {
  const processor = processorFor(options);
  const tree = processor.parse(markdown);
  // Read before the transforms below change the tree.
  const excerpt = excerptFromTree(markdown, tree) ?? markdownExcerpt(markdown);
  const html = String(processor.stringify(processor.runSync(tree))).trim();
  return { html, excerpt };
}
