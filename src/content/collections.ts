/**
 * Typed access to the roadmap collections for pages and endpoints, with the orders and lookups
 * they keep needing.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { compareByVotesThenKey } from '../model/ranking.ts';
import type { OverviewEntryData } from './entry-schemas.ts';

/** A stored request with its trending score, which the overview keeps (see `entry-schemas.ts`). */
export type RequestEntry = CollectionEntry<'requests'> & { data: CollectionEntry<'requests'>['data'] & { trendingScore: number } };
export type ReleaseEntry = CollectionEntry<'releases'>;

/** Every canonical request, most votes first. */
export async function allRequests(): Promise<RequestEntry[]> {
  const [requests, { trending }] = await Promise.all([getCollection('requests'), roadmapOverview()]);
  return requests
    .map((entry) => ({ ...entry, data: { ...entry.data, trendingScore: trending[entry.data.key] ?? 0 } }))
    .sort((a, b) => compareByVotesThenKey(a.data, b.data));
}

/** Every release, newest first. */
export async function allReleases(): Promise<ReleaseEntry[]> {
  const releases = await getCollection('releases');
  return releases.sort((a, b) => b.data.publishedAt.localeCompare(a.data.publishedAt) || a.id.localeCompare(b.id));
}

export async function roadmapOverview(): Promise<OverviewEntryData> {
  const entry = await getEntry('roadmap', 'overview');
  if (!entry) throw new Error('The roadmap overview is missing from the content store; run the build again.');
  return entry.data;
}

/** Notes written in `content/changelog/<tag>.mdx` for a release, if any. */
export async function releaseNotesFor(release: ReleaseEntry['data']): Promise<CollectionEntry<'releaseNotes'> | undefined> {
  const notes = await getCollection('releaseNotes', (entry) => entry.id === release.tagName);
  return notes.find((entry) => entry.data.repository === undefined || entry.data.repository.toLowerCase() === release.repository.toLowerCase());
}
