import { z } from 'zod';
import { withHint } from '../messages.ts';

/** The formats an imported channel file can be in (see docs/channels.md). */
export const CHANNEL_FORMATS = ['requests', 'fider'] as const;
export type ChannelFormat = (typeof CHANNEL_FORMATS)[number];

const SLUG = /^[a-z\d](?:[a-z\d-]{0,30}[a-z\d])?$/;

/** The segment a channel's requests carry in their addresses: `Old Fider board` → `old-fider-board`. */
export function channelSlugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z\d]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/, '');
}

/** One imported channel: requests collected outside GitHub, read from a file at build time. */
export const channelSchema = z
  .strictObject({
    /** What the site calls the channel ("3 people from Email"). Public: never a person's name. */
    name: z.string().trim().min(1, withHint('the channel has no name', 'name it as visitors should read it, e.g. "Email"')),
    /**
     * The file (or, for `fider`, the folder of the unzipped backup), relative to the project.
     * Read at build time; only counts and the requests' own text reach the site.
     */
    file: z.string().trim().min(1, withHint('the channel names no file', "e.g. 'content/channels/email.csv'")),
    /**
     * `requests`: Open Roadmap's own schema, JSON or CSV (by the file's extension);
     * `fider`: the folder of a Fider backup (`posts.json`, `post_votes.json`, `users.json`).
     * @default 'requests'
     */
    format: z
      .enum(CHANNEL_FORMATS, {
        error: (issue) => withHint(`${JSON.stringify(issue.input)} is not a channel format`, `use ${CHANNEL_FORMATS.map((format) => `'${format}'`).join(' or ')}`),
      })
      .default('requests'),
    /**
     * The channel's segment in request addresses (`/requests/<slug>-<id>/`).
     * @default the name, lower-cased, with hyphens
     */
    slug: z
      .string()
      .regex(SLUG, withHint('the slug is not a short lower-case name', 'use letters, digits and hyphens, e.g. "email"'))
      .optional(),
    /**
     * Marks requests of this channel as duplicates, for exports that cannot say so themselves:
     * the request's id → `owner/repo#12`, a GitHub address, or `<channel slug>:<id>`.
     * Overrides what the file says.
     * @default {}
     */
    duplicateOf: z.record(z.string().trim().min(1), z.string().trim().min(1)).default({}),
  })
  .transform((channel) => ({ ...channel, slug: channel.slug ?? (channelSlugOf(channel.name) || 'channel') }));

export type ChannelConfig = z.output<typeof channelSchema>;

/**
 * Extra channels imported from files: requests that arrived by email, forms or chat, or the
 * export of a board the project is leaving. See docs/channels.md.
 * @default []
 */
export const channelsSchema = z
  .array(channelSchema)
  .default([])
  .superRefine((channels, context) => {
    const seen = new Set<string>();
    channels.forEach((channel, index) => {
      if (seen.has(channel.slug)) {
        context.addIssue({
          code: 'custom',
          path: [index, 'slug'],
          message: withHint(`two channels share the slug "${channel.slug}"`, 'give one of them another name or a `slug` of its own'),
        });
      }
      seen.add(channel.slug);
    });
  });
