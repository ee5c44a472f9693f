/**
 * Snapshot releases → changelog entries, newest first, each with the requests it shipped,
 * most wanted first. Drafts never reach the snapshot; prereleases are kept and marked.
 */
import type { Snapshot } from '../snapshot/read-snapshot.ts';
import type { ModelConfig } from './build-requests.ts';
import { publishedReleases } from './publishable-items.ts';
import { rankRequests } from './ranking.ts';
import { releaseRef } from './release-ref.ts';
import type { ReleaseEntry, Request } from './types.ts';

export function buildChangelog(snapshot: Snapshot, config: Pick<ModelConfig, 'sources'>, requests: readonly Request[]): ReleaseEntry[] {
  const shippedBy = new Map<string, Request[]>();
  for (const request of requests) {
    for (const release of request.shippedIn) shippedBy.set(release.id, [...(shippedBy.get(release.id) ?? []), request]);
  }
  return publishedReleases(snapshot, config)
    .map((release): ReleaseEntry => {
      const ref = releaseRef(release, config.sources);
      return {
        ...ref,
        body: release.body,
        author: release.author,
        shipped: rankRequests(shippedBy.get(ref.id) ?? [], 'top').map((request) => request.key),
      };
    })
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.id.localeCompare(b.id));
}
