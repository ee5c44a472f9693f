/** `/sitemap.xml`: the sitemap index, pointing at `/sitemap-pages.xml` and `/sitemap-requests-<n>.xml`. */
import type { APIRoute } from 'astro';
import { roadmapOverview } from '../content/collections.ts';
import { requestPages } from '../content/sitemap-paths.ts';
import { absoluteUrl } from '../site/href.ts';
import { sitemapIndex, URLS_PER_SITEMAP, xmlResponse } from '../xml/sitemap-xml.ts';

export const GET: APIRoute = async ({ site }) => {
  const [overview, requests] = await Promise.all([roadmapOverview(), requestPages()]);
  const requestSitemaps = Math.max(1, Math.ceil(requests.length / URLS_PER_SITEMAP));
  return xmlResponse(
    sitemapIndex([
      { url: absoluteUrl('/sitemap-pages.xml', site), lastModified: overview.syncedAt },
      ...Array.from({ length: requestSitemaps }, (_, index) => ({
        url: absoluteUrl(`/sitemap-requests-${index + 1}.xml`, site),
        lastModified: overview.syncedAt,
      })),
    ]),
  );
};
