/**
 * Renders untrusted Markdown from GitHub (issue bodies, comments, release notes) the way
 * GitHub does, safely:
 *
 *   remark-parse → remark-gfm → remark-github (#12, @user and SHAs linked to the item's own
 *   repository) → remark-rehype (raw HTML kept, to be sanitized rather than dropped) →
 *   rehype-github-alerts (`> [!NOTE]` blockquotes become GitHub's alert boxes, see
 *   `github-alerts.ts`; before rehype-raw, so that only Markdown quotes become alerts, as on
 *   GitHub) → rehype-raw (raw HTML parsed into the tree) → rehype-sanitize (GitHub's schema) →
 *   rehype-user-content (rel on links, lazy images, images from other hosts than GitHub's
 *   replaced by the site's copy or a link, footnote links, blocks kept apart) → rehype-stringify.
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
import type { Node, Parent } from 'unist';
import type { Root } from 'mdast';
import { unified } from 'unified';
import { rehypeGithubTopLevelAlerts } from './github-alerts.ts';
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
  /**
   * Site addresses of the downloaded copies of images from other hosts than GitHub's, by their
   * address (see `rehype-user-content.ts`); any other such image becomes a link.
   */
  images?: Readonly<Record<string, string>>;
  /**
   * Site addresses of the requests the text may reference, by item key (`owner/name#12`): links
   * to them lead there instead of GitHub (see `site-links.ts`).
   */
  siteLinks?: Readonly<Record<string, string>>;
}

const GITHUB = 'https://github.com';

/**
 * The steps a text needs beyond the fixed ones. Most texts have no raw HTML and nothing that can
 * be a reference, and leaving out the steps that would find nothing in them (re-parsing the
 * whole tree as HTML, searching every text node for references) renders them a sixth to a
 * quarter faster, with the same output.
 */
interface Steps {
  /** rehype-raw: the text has HTML of its own (an `html` node in its tree). */
  rawHtml: boolean;
  /** remark-github: the text has something that may be a reference (`REFERENCE_CANDIDATE`). */
  references: boolean;
}

/**
 * What every reference remark-github links needs in the Markdown source: `#` (an issue, or a
 * character reference such as `&#64;`), `@` (a mention, `user@sha`), `GH-12`, a run of hex digits
 * (a commit) or a link to github.com. A text without any of these has nothing for it to find.
 */
const REFERENCE_CANDIDATE = /[#@]|gh-|github\.com|[\da-f]{7}/i;

function createProcessor(options: RenderMarkdownOptions, steps: Steps) {
  const origin = (options.githubUrl ?? GITHUB).replace(/\/+$/, '');
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(
      steps.references
        ? [
            [
              remarkGithub,
              {
                repository: options.repository,
                buildUrl: (values: Parameters<typeof defaultBuildUrl>[0]) => {
                  const url = defaultBuildUrl(values);
                  return origin === GITHUB ? url : url.replace(GITHUB, origin);
                },
              },
            ],
          ]
        : [],
    )
    // Ids get their `user-content-` prefix from sanitizing, once; a prefix here would double it.
    .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' })
    .use(rehypeGithubTopLevelAlerts)
    .use(steps.rawHtml ? [rehypeRaw] : [])
    .use(rehypeSanitize, userContentSchema)
    .use(rehypeUserContent, {
      idPrefix: USER_CONTENT_PREFIX,
      topHeadingLevel: options.topHeadingLevel ?? 3,
      enterpriseOrigin: origin,
      ...(options.taskLabels ? { taskLabels: options.taskLabels } : {}),
    })
    .use(rehypeStringify);
}

type Processor = ReturnType<typeof createProcessor>;

/** The processors of one set of options, one per combination of steps, built when first needed. */
type ProcessorsFor = (steps: Steps) => Processor;

// By repository and options: building a processor costs more than rendering a short comment.
const processorSets = new Map<string, ProcessorsFor>();

function processorsFor(options: RenderMarkdownOptions): ProcessorsFor {
  const cacheKey = JSON.stringify([options.githubUrl ?? GITHUB, options.repository, options.topHeadingLevel ?? 3, options.taskLabels]);
  let processorsOf = processorSets.get(cacheKey);
  if (processorsOf === undefined) {
    const built = new Map<string, Processor>();
    processorsOf = (steps) => {
      const key = `${steps.rawHtml} ${steps.references}`;
      let processor = built.get(key);
      if (processor === undefined) {
        processor = createProcessor(options, steps);
        built.set(key, processor);
      }
      return processor;
    };
    processorSets.set(cacheKey, processorsOf);
  }
  return processorsOf;
}

/** Parsing is the same whatever the steps after it. */
const PARSE_ONLY: Steps = { rawHtml: false, references: false };

function hasRawHtml(node: Node): boolean {
  if (node.type === 'html') return true;
  const children = (node as Partial<Parent>).children;
  return children !== undefined && children.some(hasRawHtml);
}

/** The tree of `markdown` (before any transform) and the processor to finish it with. */
function parse(markdown: string, options: RenderMarkdownOptions): Parsed {
  const processorOf = processorsFor(options);
  const tree = processorOf(PARSE_ONLY).parse(markdown);
  const steps = { rawHtml: hasRawHtml(tree), references: REFERENCE_CANDIDATE.test(markdown) };
  return { tree, processor: processorOf(steps), images: options.images ?? {}, siteLinks: options.siteLinks ?? {} };
}

interface Parsed {
  tree: Root;
  processor: Processor;
  images: Readonly<Record<string, string>>;
  siteLinks: Readonly<Record<string, string>>;
}

function finish({ tree, processor, images, siteLinks }: Parsed): string {
  // The images and links go with the text, not the processor, which many texts share.
  return String(processor.stringify(processor.runSync(tree, { data: { externalImages: images, siteLinks } }))).trim();
}

/** Safe HTML for `markdown`. Synchronous; the same input always gives the same output. */
export function renderMarkdown(markdown: string, options: RenderMarkdownOptions): string {
  return finish(parse(markdown, options));
}

/**
 * `renderMarkdown` and `markdownExcerpt` of the same text, parsing it once where the excerpt
 * allows (parsing is most of the cost of either).
 */
export function renderMarkdownWithExcerpt(markdown: string, options: RenderMarkdownOptions): { html: string; excerpt: string } {
  const parsed = parse(markdown, options);
  // Read before the transforms change the tree.
  const excerpt = excerptFromTree(markdown, parsed.tree) ?? markdownExcerpt(markdown);
  return { html: finish(parsed), excerpt };
}
