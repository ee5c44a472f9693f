/** `/sitemap-pages.xml` and `/sitemap-requests-<n>.xml`: the sitemaps `/sitemap.xml` lists. */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { otherPages, requestPages } from '../content/sitemap-paths.ts';
import { absoluteUrl } from '../site/href.ts';
import { sitemapUrlset, URLS_PER_SITEMAP, xmlResponse } from '../xml/sitemap-xml.ts';

export const getStaticPaths = (async () => {
  const requests = await requestPages();
  const chunks = Math.max(1, Math.ceil(requests.length / URLS_PER_SITEMAP));
  return [
    { params: { part: 'pages' }, props: { pages: await otherPages() } },
    ...Array.from({ length: chunks }, (_, index) => ({
      params: { part: `requests-${index + 1}` },
      props: { pages: requests.slice(index * URLS_PER_SITEMAP, (index + 1) * URLS_PER_SITEMAP) },
    })),
  ];
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props, site }) =>
  xmlResponse(sitemapUrlset(props.pages.map((page) => ({ url: absoluteUrl(page.path, site), lastModified: page.lastModified }))));
