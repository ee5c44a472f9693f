/**
 * How a request, the changelog and the JSON API name a release: its id, tag, addresses and kind.
 * Pure: the same release and sources always give the same reference.
 */
import type { SourceConfig } from '../config/schemas/sources.ts';
import type { Release } from '../snapshot/schema.ts';
import { releaseId } from './shipments.ts';
import { releasePath, releaseSlug } from './site-paths.ts';
import type { ReleaseRef } from './types.ts';

export function releaseRef(release: Release, sources: readonly Pick<SourceConfig, 'repo'>[]): ReleaseRef {
  return {
    id: releaseId(release),
    repository: release.repository,
    tagName: release.tagName,
    name: release.name,
    url: release.url,
    slug: releaseSlug(release, sources),
    path: releasePath(release, sources),
    isPrerelease: release.isPrerelease,
    publishedAt: release.publishedAt,
  };
}
