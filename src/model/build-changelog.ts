/**
 * Snapshot releases → changelog entries, newest first, each with the requests it shipped,
 * most wanted first, sorted into the changelog's categories by label, and the people who asked
 * for them. Drafts never reach the snapshot; prereleases are kept and marked.
 */
import { changelogSchema, type ChangelogConfig } from '../config/schemas/changelog.ts';
import type { Snapshot } from '../snapshot/read-snapshot.ts';
import type { ModelConfig } from './build-requests.ts';
import { publishedReleases } from './publishable-items.ts';
import { rankRequests } from './ranking.ts';
import { releaseRef } from './release-ref.ts';
import type { Person, ReleaseEntry, ReleaseGroup, Request } from './types.ts';

export type ChangelogModelConfig = Pick<ModelConfig, 'sources'> & { changelog?: ChangelogConfig };

// The configuration's own defaults, for callers that pass no `changelog` (the notifier, tests).
const DEFAULT_CHANGELOG: ChangelogConfig = changelogSchema.parse({});

export function buildChangelog(snapshot: Snapshot, config: ChangelogModelConfig, requests: readonly Request[]): ReleaseEntry[] {
  const changelog = config.changelog ?? DEFAULT_CHANGELOG;
  const shippedBy = new Map<string, Request[]>();
  for (const request of requests) {
    for (const release of request.shippedIn) shippedBy.set(release.id, [...(shippedBy.get(release.id) ?? []), request]);
  }
  return publishedReleases(snapshot, config)
    .map((release): ReleaseEntry => {
      const ref = releaseRef(release, config.sources);
      const shipped = rankRequests(shippedBy.get(ref.id) ?? [], 'top');
      return {
        ...ref,
        body: release.body,
        author: release.author,
        shipped: shipped.map((request) => request.key),
        groups: groupByCategory(shipped, changelog),
        thanked: peopleWhoAsked(shipped),
      };
    })
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.id.localeCompare(b.id));
}

/** The first category with one of the request's labels takes it; the rest go under `other`, last. */
export function groupByCategory(requests: readonly Request[], changelog: ChangelogConfig): ReleaseGroup[] {
  const categories = changelog.categories.map((category) => ({
    title: category.title,
    labels: new Set(category.labels.map((label) => label.toLowerCase())),
    requests: [] as string[],
  }));
  const other: string[] = [];
  for (const request of requests) {
    const names = request.labels.map((label) => label.name.toLowerCase());
    const category = categories.find((candidate) => names.some((name) => candidate.labels.has(name)));
    (category?.requests ?? other).push(request.key);
  }
  return [...categories, { title: changelog.other, requests: other }]
    .filter((group) => group.requests.length > 0)
    .map(({ title, requests: keys }) => ({ title, requests: keys }));
}

/**
 * The people whose votes count on the shipped requests (the authors among them, unless
 * `votes.countAuthor` is off: see `unique-voters.ts`), each once, in the order they first asked.
 */
function peopleWhoAsked(requests: readonly Request[]): Person[] {
  const first = new Map<string, { person: Person; at: string }>();
  for (const request of requests) {
    for (const { login, avatarUrl, votedAt } of request.votes.people) {
      const key = login.toLowerCase();
      const known = first.get(key);
      if (known === undefined || votedAt < known.at) first.set(key, { person: { login, avatarUrl }, at: votedAt });
    }
  }
  return [...first.values()]
    .sort((a, b) => a.at.localeCompare(b.at) || a.person.login.localeCompare(b.person.login))
    .map(({ person }) => person);
}
