/**
 * Every page worth listing in the sitemap, as site paths: the board, the first page of each
 * request list, every request, the changelog and its releases, the milestones, and the written pages.
 * Paginated pages beyond the first are reachable from them and stay out of the sitemap.
 */
import { getCollection } from 'astro:content';
import { siteConfig } from '../site/site-config.ts';
import { listFilters, sortsFor } from '../model/request-lists.ts';
import { repositorySlug, requestListPath, SITE_PATHS } from '../model/site-paths.ts';
import { allReleases, allRequests } from './collections.ts';
import { loadRoadmap } from './load-roadmap.ts';

export interface SitePage {
  path: string;
  lastModified?: string | undefined;
}

export async function requestPages(): Promise<SitePage[]> {
  return (await allRequests()).map(({ data }) => ({ path: data.path, lastModified: data.updatedAt }));
}

export async function otherPages(): Promise<SitePage[]> {
  const [config, requests, releases, pages, { roadmap }] = await Promise.all([
    siteConfig(),
    allRequests(),
    allReleases(),
    getCollection('pages', (entry) => entry.id.startsWith('pages/')),
    loadRoadmap(),
  ]);
  const data = requests.map((entry) => entry.data);
  const lists = listFilters(data, { repositorySlug: (repository) => repositorySlug(repository, config.sources) }).flatMap((filter) =>
    sortsFor(filter, data).map((sort) => ({ path: requestListPath(filter, sort) })),
  );
  return [
    { path: SITE_PATHS.board },
    ...lists,
    { path: SITE_PATHS.changelog, lastModified: releases[0]?.data.publishedAt },
    ...releases.map(({ data: release }) => ({ path: release.path, lastModified: release.publishedAt })),
    ...(roadmap.milestones.length > 0 ? [{ path: SITE_PATHS.milestones }] : []),
    ...roadmap.milestones.map((milestone) => ({ path: milestone.path })),
    { path: SITE_PATHS.about },
    ...pages.map((entry) => ({ path: `/${entry.id.slice('pages/'.length)}/` })),
  ];
}
