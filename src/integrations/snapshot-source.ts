/**
 * Says, at the start of every build, which snapshot the site is built from — so nobody deploys
 * the demo by mistake, and a build without a token explains itself.
 */
import type { AstroIntegration } from 'astro';
import { DEFAULT_SNAPSHOT_DIR, readManifest } from '../snapshot/read-snapshot.ts';
import { inProject } from '../config/project-dir.ts';

/** The origin `npm run demo:snapshot` records in the demo snapshot's manifest. */
const DEMO_ORIGIN = /^github-simulator \(demo world/;

export function describeSnapshotSource(
  manifest: { syncedAt: string; apiUrl: string; sources: Array<{ repository: string; itemCount: number }> } | null,
  dir: string,
  env: NodeJS.ProcessEnv,
): string {
  if (!manifest) {
    return `No snapshot in ${dir}. Run \`npm run sync\` with GITHUB_TOKEN set, or restore the demo with \`git checkout -- content/snapshot\`.`;
  }
  const items = manifest.sources.reduce((sum, source) => sum + source.itemCount, 0);
  const what = `${items} items from ${manifest.sources.map((source) => source.repository).join(', ')}, synced ${manifest.syncedAt.slice(0, 16).replace('T', ' ')} UTC`;
  if (DEMO_ORIGIN.test(manifest.apiUrl)) {
    const hint = env.GITHUB_TOKEN
      ? 'Run `npm run sync` first to build your own roadmap.'
      : 'GITHUB_TOKEN is not set, so nothing was synced: set it and run `npm run sync` to build your own roadmap.';
    return `Building the demo roadmap from the committed snapshot in ${dir} (${what}). ${hint}`;
  }
  return `Building from the snapshot in ${dir} (${what}).`;
}

export function snapshotSource(): AstroIntegration {
  return {
    name: 'open-roadmap:snapshot-source',
    hooks: {
      'astro:build:start': async ({ logger }) => {
        const dir = process.env.ROADMAP_SNAPSHOT_DIR || inProject(DEFAULT_SNAPSHOT_DIR);
        logger.info(describeSnapshotSource(await readManifest(dir).catch(() => null), dir, process.env));
      },
    },
  };
}
