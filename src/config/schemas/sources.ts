import { z } from 'zod';
import { hintFor, isMissing } from '../error-map.ts';
import { describeValue, withHint } from '../messages.ts';

/**
 * GitHub owners are letters, digits and hyphens (managed users add `_suffix`); names also allow
 * `.` and `_`, but are never `.` or `..` and never end in `.git`.
 */
const REPOSITORY = /^[A-Za-z\d][\w-]*\/(?!\.{1,2}$)(?!.*\.git$)[\w.-]+$/i;
const GITHUB_URL = /^(?:https?:\/\/)?(?:www\.)?github\.com\/([^/\s]+)\/([^/\s#?]+)/i;

/** The fix that matches the slip: a pasted URL, a `.git` suffix, or just a name. */
function repositoryHint(value: string): string {
  const fromUrl = GITHUB_URL.exec(value);
  if (fromUrl) return `write just "${fromUrl[1] ?? ''}/${(fromUrl[2] ?? '').replace(/\.git$/, '')}"`;
  if (value.endsWith('.git') && REPOSITORY.test(value.slice(0, -4))) return `drop ".git": "${value.slice(0, -4)}"`;
  return 'write the repository as "owner/name", e.g. "withastro/astro"';
}

const repositorySchema = z
  .string({ error: hintFor('name the repository, e.g. repo: "withastro/astro"', isMissing) })
  .trim()
  .refine((value) => REPOSITORY.test(value), {
    error: (issue) =>
      withHint(`${describeValue(issue.input)} is not "owner/name"`, repositoryHint(String(issue.input))),
  });

const nonEmptyName = z.string().trim().min(1);

const issuesSchema = z
  .union(
    [
      z.literal(false),
      z.strictObject({
        /**
         * Publish only issues that carry at least one of these labels; `[]` publishes every issue.
         * @default []
         */
        labels: z.array(nonEmptyName).default(() => []),
      }),
    ],
    {
      error: hintFor(
        'write { labels: ["enhancement"] } for issues with those labels, { labels: [] } for every issue, or false to skip issues',
        (issue) => issue.code === 'invalid_union',
      ),
    },
  )
  .default(() => ({ labels: [] }));

const discussionsSchema = z
  .union(
    [
      z.literal(false),
      z.strictObject({
        /**
         * Publish only Discussions in these categories (slug or name, e.g. `ideas` or `Ideas`);
         * `[]` publishes every category.
         * @default []
         */
        categories: z.array(nonEmptyName).default(() => []),
      }),
    ],
    {
      error: hintFor(
        'write { categories: ["ideas"] } for those categories, { categories: [] } for every category, or false to skip Discussions',
        (issue) => issue.code === 'invalid_union',
      ),
    },
  )
  .default(() => ({ categories: [] }));

/** A file name in `.github/ISSUE_TEMPLATE`, e.g. `feature_request.yml`: issue forms are YAML, templates Markdown. */
const ISSUE_TEMPLATE = /^[\w.-]+\.(?:ya?ml|md)$/i;
/** A Discussion category's slug as in its address (`/discussions/categories/ideas`): lowercase words and hyphens. */
const CATEGORY_SLUG = /^[a-z\d]+(?:-[a-z\d]+)*$/;

function slugHint(value: string): string {
  const slug = value.trim().toLowerCase().replace(/[^a-z\d]+/g, '-').replace(/^-|-$/g, '');
  return slug === '' ? 'write the slug from the category\'s address, e.g. "ideas"' : `write the slug from the category's address, e.g. "${slug}"`;
}

/**
 * Where a visitor of the site goes to suggest something: GitHub's new-issue chooser, one issue
 * form, or a Discussion category. Addresses follow GitHub's docs:
 * https://docs.github.com/en/issues/tracking-your-work-with-issues/using-issues/creating-an-issue#creating-an-issue-from-a-url-query
 * https://docs.github.com/en/discussions/managing-discussions-for-your-community/creating-discussion-category-forms
 */
const suggestSchema = z.union(
  [
    z.literal(false),
    z.literal('issues'),
    z
      .strictObject({
        /** A form or template in `.github/ISSUE_TEMPLATE`, e.g. `feature_request.yml`. */
        issueTemplate: z
          .string()
          .trim()
          .refine((value) => ISSUE_TEMPLATE.test(value), {
            error: (issue) =>
              withHint(
                `${describeValue(issue.input)} is not a file name in .github/ISSUE_TEMPLATE`,
                'write the file name alone, e.g. "feature_request.yml"',
              ),
          })
          .optional(),
        /** The slug of a Discussion category, e.g. `ideas`. */
        discussionCategory: z
          .string()
          .trim()
          .refine((value) => CATEGORY_SLUG.test(value), {
            error: (issue) => withHint(`${describeValue(issue.input)} is not a Discussion category slug`, slugHint(String(issue.input))),
          })
          .optional(),
      })
      .superRefine((target, context) => {
        if ((target.issueTemplate === undefined) === (target.discussionCategory === undefined)) {
          context.addIssue({
            code: 'custom',
            input: target,
            message: withHint(
              target.issueTemplate === undefined ? 'names no issue form and no Discussion category' : 'names both an issue form and a Discussion category',
              'write { issueTemplate: "feature_request.yml" } or { discussionCategory: "ideas" }',
            ),
          });
        }
      }),
  ],
  {
    error: hintFor(
      'write "issues" for GitHub\'s new-issue chooser, { issueTemplate: "feature_request.yml" }, { discussionCategory: "ideas" }, or false for no link',
      (issue) => issue.code === 'invalid_union',
    ),
  },
);

export type SuggestConfig = z.output<typeof suggestSchema>;

/** One GitHub repository whose issues and Discussions feed the roadmap. */
export const sourceSchema = z
  .strictObject(
    {
      /** The repository as `owner/name`, e.g. `withastro/astro`. Required. */
      repo: repositorySchema,
      /**
       * Which issues to publish, or `false` to publish none.
       * @default { labels: [] }
       */
      issues: issuesSchema,
      /**
       * Which Discussions to publish, or `false` to publish none.
       * @default { categories: [] }
       */
      discussions: discussionsSchema,
      /**
       * Publish items of this repository even when it is private. Off by default so that a
       * token with access to private repositories never leaks them onto a public site.
       * @default false
       */
      allowPrivate: z.boolean().default(false),
      /**
       * Where the site's "Suggest a feature" links lead for this repository: `'issues'` (GitHub's
       * new-issue chooser), `{ issueTemplate: 'feature_request.yml' }` (one issue form),
       * `{ discussionCategory: 'ideas' }` (a new Discussion in that category), or `false` for no
       * link. A private repository is never offered, whatever this says.
       * @default 'issues' when the source publishes issues, otherwise false
       */
      suggest: suggestSchema.optional(),
    },
    {
      error: hintFor(
        (issue) => (typeof issue.input === 'string' ? `write { repo: ${JSON.stringify(issue.input)} }` : undefined),
        (issue) => issue.code === 'invalid_type',
      ),
    },
  )
  .superRefine((source, context) => {
    if (source.issues === false && source.discussions === false) {
      context.addIssue({
        code: 'custom',
        input: source,
        message: withHint(
          `issues and discussions are both false, so nothing from "${source.repo}" would be published`,
          'remove this source, or publish its issues or Discussions',
        ),
      });
    }
  });

export type SourceConfig = z.output<typeof sourceSchema>;

/** The repositories the roadmap is built from; at least one, each listed once. */
export const sourcesSchema = z
  .array(sourceSchema, {
    error: hintFor(
      (issue) =>
        typeof issue.input === 'object' && issue.input !== null
          ? 'put the source in a list: sources: [{ repo: … }]'
          : 'list the repositories to publish, e.g. sources: [{ repo: "withastro/astro" }]',
      (issue) => issue.code === 'invalid_type',
    ),
  })
  .min(1, { error: hintFor('list at least one repository, e.g. [{ repo: "withastro/astro" }]') })
  .superRefine((sources, context) => {
    // GitHub treats owner and name case-insensitively, so `Acme/Widgets` is `acme/widgets`.
    const firstIndex = new Map<string, number>();
    sources.forEach((source, index) => {
      const key = source.repo.toLowerCase();
      const earlier = firstIndex.get(key);
      if (earlier === undefined) {
        firstIndex.set(key, index);
        return;
      }
      context.addIssue({
        code: 'custom',
        input: source.repo,
        path: [index, 'repo'],
        message: withHint(
          `"${source.repo}" is already listed as sources[${earlier}]`,
          'list each repository once, with all its options in one entry',
        ),
      });
    });
  });
