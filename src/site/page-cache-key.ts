/**
 * Cache keys for Astro's incremental builds (`experimental.incrementalBuild`): a route whose
 * `cacheKey` and code are both unchanged since the last build is copied from that build's output
 * instead of rendered again. So a key must change whenever anything the route shows changes,
 * besides its code, which Astro hashes itself.
 *
 * Every key covers the site as a whole (the configuration, the repositories the footer links and
 * the header's "Suggest a feature" targets)
 * plus the data the route passes in: a request's own data, for its page. Nothing that changes
 * with every sync (the sync time, other requests' votes) may reach a keyed route, or no route
 * would ever be reused.
 */
import { createHash } from 'node:crypto';
import { roadmapOverview } from '../content/collections.ts';
import { canonicalJson } from '../images/image-cache.ts';
import { siteConfig } from './site-config.ts';

let siteFingerprint: Promise<string> | undefined;

function fingerprintOfSite(): Promise<string> {
  siteFingerprint ??= Promise.all([siteConfig(), roadmapOverview()]).then(([config, overview]) =>
    sha256(canonicalJson({ config, repositories: overview.repositories, suggest: overview.suggest })),
  );
  return siteFingerprint;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** The key of a route that shows `data` (anything JSON can hold) inside the site's frame. */
export async function pageCacheKey(data: unknown): Promise<string> {
  return sha256(canonicalJson({ site: await fingerprintOfSite(), data }));
}
