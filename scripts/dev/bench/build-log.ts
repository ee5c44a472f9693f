/**
 * Reads what `astro build` printed: how many pages it generated and how many it restored from its
 * incremental cache, and the lines the roadmap's integrations log about search and images.
 */
export interface BuildLog {
  /** "N page(s) built in …": HTML pages Astro wrote. */
  pagesBuilt: number | null;
  /** Routes (pages and endpoints) rendered this time. */
  routesRendered: number;
  /** Routes skipped and restored by `experimental.incrementalBuild`. */
  routesRestored: number;
  search: { pagesIndexed: number; htmlFiles: number; milliseconds: number } | null;
  images: { rendered: number; reused: number; milliseconds: number } | null;
}

export function parseBuildLog(output: string): BuildLog {
  // eslint-disable-next-line no-control-regex -- colour codes, in case a terminal forced them on
  const text = output.replace(/\u001b\[[\d;]*m/g, '');
  const routeLines = text.split('\n').filter((line) => /[├└]─ \//.test(line));
  const restored = routeLines.filter((line) => /\((?:cached|restored)\)/.test(line)).length;

  const pages = /(\d+) page\(s\) built in/.exec(text);
  const search = /Indexed (\d+) of (\d+) pages for search in ([\d.]+)(ms|s)\b/.exec(text);
  const images = /Social images: (\d+) rendered in ([\d.]+)s, (\d+) reused/.exec(text);
  return {
    pagesBuilt: pages ? Number(pages[1]) : null,
    routesRendered: routeLines.length - restored,
    routesRestored: restored,
    search: search
      ? {
          pagesIndexed: Number(search[1]),
          htmlFiles: Number(search[2]),
          milliseconds: Number(search[3]) * (search[4] === 's' ? 1000 : 1),
        }
      : null,
    images: images
      ? { rendered: Number(images[1]), reused: Number(images[3]), milliseconds: Number(images[2]) * 1000 }
      : null,
  };
}
