import { DAY, NOW, at } from './clock.ts';

/** The fictional project the demo world describes: Lumen, a fast static site generator. */

export const ORGANIZATION = 'lumen-dev';
export const MAIN_REPOSITORY = 'lumen-dev/lumen';
export const DOCS_REPOSITORY = 'lumen-dev/lumen-docs';
export const PRIVATE_REPOSITORY = 'lumen-dev/lumen-internal';

export const PROJECT_START = at('2024-06-03T09:12:00Z');

export const MAINTAINERS = [
  ['mira-okafor', 'OWNER'],
  ['tkessler', 'MEMBER'],
  ['jonaslindqvist', 'MEMBER'],
  ['priya-raman', 'COLLABORATOR'],
] as const;

export interface ReleaseSchedule {
  tag: string;
  /** Release name shown on GitHub; the tag when the project did not bother. */
  name: string;
  publishedAt: number;
  prerelease: boolean;
}

/** Published releases, oldest first. The milestone of each stable release has the same title. */
export const RELEASES: readonly ReleaseSchedule[] = [
  { tag: 'v1.0.0', name: 'v1.0.0 — Hello, world', publishedAt: at('2025-01-20T15:04:11Z'), prerelease: false },
  { tag: 'v1.1.0', name: 'v1.1.0', publishedAt: at('2025-03-24T13:40:52Z'), prerelease: false },
  { tag: 'v1.2.0', name: 'v1.2.0 — Images', publishedAt: at('2025-05-26T10:02:37Z'), prerelease: false },
  { tag: 'v1.3.0', name: 'v1.3.0 — Dark mode', publishedAt: at('2025-08-04T16:21:09Z'), prerelease: false },
  { tag: 'v1.4.0', name: 'v1.4.0', publishedAt: at('2025-10-13T09:45:30Z'), prerelease: false },
  { tag: 'v1.5.0', name: 'v1.5.0 — Search', publishedAt: at('2026-03-16T14:12:44Z'), prerelease: false },
  { tag: 'v1.6.0', name: 'v1.6.0', publishedAt: at('2026-07-13T11:30:05Z'), prerelease: false },
  { tag: 'v1.7.0-beta.1', name: 'v1.7.0-beta.1', publishedAt: at('2026-10-19T17:55:18Z'), prerelease: true },
];

/** Never published: the sync must not show it. */
export const DRAFT_RELEASE = { tag: 'v1.7.0', name: 'v1.7.0', createdAt: at('2026-10-28T08:14:00Z') } as const;

export type UpcomingHorizon = 'now' | 'next' | 'later';

export interface UpcomingMilestone {
  title: string;
  horizon: UpcomingHorizon;
  description: string;
  createdAt: number;
  dueOn: number | null;
}

export const UPCOMING_MILESTONES: readonly UpcomingMilestone[] = [
  {
    title: 'v2.0.0',
    horizon: 'later',
    description: 'Bigger changes we want to make when we next break compatibility. No date yet.',
    createdAt: at('2025-04-02T08:00:00Z'),
    dueOn: null,
  },
  {
    title: 'v1.7.0',
    horizon: 'now',
    description: 'i18n fallbacks, incremental build groundwork, and the usual fixes.',
    createdAt: at('2026-07-14T09:00:00Z'),
    dueOn: NOW + 23 * DAY - 12 * 3_600_000,
  },
  {
    title: 'v1.8.0',
    horizon: 'next',
    description: 'Planned for early next year.',
    createdAt: at('2026-09-02T09:00:00Z'),
    dueOn: NOW + 92 * DAY - 12 * 3_600_000,
  },
];

/** The Lumen version someone would report at a given time. */
export function versionAt(time: number): string {
  const released = RELEASES.filter((release) => release.publishedAt <= time && !release.prerelease).at(-1);
  return released === undefined ? '1.0.0-rc.2' : released.tag.slice(1);
}

export function nodeVersionAt(time: number): string {
  if (time < at('2025-04-01T00:00:00Z')) return '20.18.1';
  if (time < at('2025-11-01T00:00:00Z')) return '22.12.0';
  return '24.11.0';
}
