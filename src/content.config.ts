/**
 * The site's content: the roadmap built from the GitHub snapshot (`requests`, `releases`,
 * `roadmap`), and the pages and release notes written in MDX under `content/` (the project's
 * folder's when ROADMAP_PROJECT_DIR names one).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'zod';
import { inProject } from './config/project-dir.ts';
import { overviewEntrySchema, releaseEntrySchema, requestEntrySchema } from './content/entry-schemas.ts';
import { overviewLoader, releasesLoader, requestsLoader } from './content/roadmap-loaders.ts';

const requests = defineCollection({ loader: requestsLoader(), schema: requestEntrySchema });
const releases = defineCollection({ loader: releasesLoader(), schema: releaseEntrySchema });
const roadmap = defineCollection({ loader: overviewLoader(), schema: overviewEntrySchema });

const pageSchema = z.object({
  title: z.string(),
  description: z.string(),
});

/** `content/intro.mdx` (the About page) and any page under `content/pages/`. */
const pages = defineCollection({
  loader: glob({ pattern: ['intro.mdx', 'pages/**/*.mdx'], base: inProject('./content') }),
  schema: pageSchema,
});

/** This repository's `content/intro.mdx`: the About page of a project folder that has none. */
const defaultPages = defineCollection({
  loader: glob({ pattern: 'intro.mdx', base: './content' }),
  schema: pageSchema,
});

/** `content/changelog/<tag>.mdx`: notes appended to the release with that tag. */
const releaseNotes = defineCollection({
  loader: glob({
    pattern: '*.mdx',
    base: inProject('./content/changelog'),
    // The tag as written (`v1.6.0`): the default id would drop its dots.
    generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
  }),
  schema: z.object({
    /** Which repository's release the notes belong to, when several have the same tag. */
    repository: z.string().optional(),
  }),
});

export const collections = { requests, releases, roadmap, pages, defaultPages, releaseNotes };
