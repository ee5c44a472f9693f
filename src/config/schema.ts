/**
 * The shape of `roadmap.config.ts`. Each area has its own schema under `schemas/`; this file
 * puts them together. Every option documents its default, and `RoadmapConfig` is what the
 * rest of the project reads: the user's config with all defaults applied and values normalised.
 */
import { z } from 'zod';
import { hintFor } from './error-map.ts';
import { changelogSchema } from './schemas/changelog.ts';
import { channelsSchema } from './schemas/channels.ts';
import { duplicatesSchema } from './schemas/duplicates.ts';
import { embedSchema } from './schemas/embed.ts';
import { excludeSchema } from './schemas/exclude.ts';
import { projectSchema } from './schemas/project.ts';
import { siteSchema } from './schemas/site.ts';
import { sourcesSchema } from './schemas/sources.ts';
import { statusesSchema } from './schemas/statuses.ts';
import { syncSchema } from './schemas/sync.ts';
import { votesSchema } from './schemas/votes.ts';

export const roadmapConfigSchema = z.strictObject(
  {
    /** Title, address and look of the site. */
    site: siteSchema,
    /** The GitHub repositories the roadmap is built from. */
    sources: sourcesSchema,
    /** How labels, milestones and open/closed state become roadmap statuses. */
    statuses: statusesSchema,
    /** A GitHub Project (v2) whose fields decide status and Now / Next / Later; null for none. */
    project: projectSchema,
    /** How duplicate items are recognised. */
    duplicates: duplicatesSchema,
    /** Which reactions count as votes, and how votes rank items. */
    votes: votesSchema,
    /** Labels and accounts that are left out. */
    exclude: excludeSchema,
    /** How often the GitHub sync does a full pass, and how much it keeps. */
    sync: syncSchema,
    /** How release pages group what they shipped. */
    changelog: changelogSchema,
    /** Who may show the widget page, `/embed/`, in a frame. */
    embed: embedSchema,
    /** Requests imported from files: email, forms, chat, or a board the project leaves. */
    channels: channelsSchema,
  },
  {
    error: hintFor(
      'export the configuration object: export default defineConfig({ site: { … }, sources: [ … ] })',
      (issue) => issue.code === 'invalid_type',
    ),
  },
);

/** What `roadmap.config.ts` may contain: most options optional, some spellings still loose. */
export type RoadmapConfigInput = z.input<typeof roadmapConfigSchema>;
/** The validated configuration, every default applied. */
export type RoadmapConfig = z.output<typeof roadmapConfigSchema>;

export { STATUS_IDS, type StatusId } from './status-ids.ts';
export { REACTION_CONTENTS, REACTION_ALIASES, type ReactionContent, type ReactionAlias } from './reactions.ts';
export { siteSchema, type SiteConfig } from './schemas/site.ts';
export { themeSchema, type ThemeConfig } from './schemas/theme.ts';
export { sourceSchema, sourcesSchema, type SourceConfig, type SuggestConfig } from './schemas/sources.ts';
export { statusesSchema, DEFAULT_STATUS_LABELS, type StatusesConfig } from './schemas/statuses.ts';
export { projectSchema, HORIZON_IDS, type HorizonId, type ProjectConfig } from './schemas/project.ts';
export { duplicatesSchema, type DuplicatesConfig } from './schemas/duplicates.ts';
export { votesSchema, type VotesConfig } from './schemas/votes.ts';
export { excludeSchema, type ExcludeConfig } from './schemas/exclude.ts';
export { syncSchema, type SyncConfig } from './schemas/sync.ts';
export { changelogSchema, DEFAULT_CHANGELOG_CATEGORIES, type ChangelogConfig, type ChangelogCategory } from './schemas/changelog.ts';
export { embedSchema, type EmbedConfig } from './schemas/embed.ts';
export { channelsSchema, type ChannelConfig, type ChannelFormat } from './schemas/channels.ts';
