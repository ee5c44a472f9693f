/**
 * One sync run: every configured source, then the safety checks, then an atomic write of the
 * snapshot. Anything that goes wrong before the write leaves the previous snapshot as it was.
 */
import { createHash } from 'node:crypto';
import type { RoadmapConfig } from '../config/index.ts';
import { readManifest, readSnapshot, type Snapshot } from '../snapshot/read-snapshot.ts';
import { itemSchema, SNAPSHOT_SCHEMA_VERSION, type Item, type ReactionContent, type SourceState } from '../snapshot/schema.ts';
import { recoverSnapshot, writeSnapshot } from '../snapshot/write-snapshot.ts';
import { clearCheckpoint, loadCheckpoint, saveCheckpoint, type SyncCheckpoint } from './checkpoint.ts';
import type { GitHubClient } from './github-client.ts';
import type { SyncProgress } from './progress.ts';
import { sameApi, shrinkRefusal } from './shrink-guard.ts';
import { RoadmapError } from '../errors/roadmap-error.ts';
import { syncConfiguredProject } from './project-step.ts';
import type { ProjectSyncResult, ProjectSummary } from './sync-project.ts';
import { newCheckpoint, syncSource, type ItemProblem, type PreviousSource, type SourceOptions } from './sync-source.ts';
import { carryFormerAddresses } from './to-snapshot.ts';

export interface SyncRunOptions {
  config: RoadmapConfig;
  client: GitHubClient;
  progress: SyncProgress;
  snapshotDir: string;
  checkpointFile: string;
  /** Full pass for every source. */
  full: boolean;
  /** Accept an empty result or one less than half the size of the previous snapshot. */
  force: boolean;
  now?: () => Date;
  /** What the manifest records as the data's origin; defaults to the REST API URL. */
  origin?: string;
}

export interface SourceSummary {
  repository: string;
  mode: 'full' | 'incremental' | 'private (skipped)';
  items: number;
  /** Items new or different from the previous snapshot's copy. */
  changed: number;
  /** Items of the previous snapshot that are gone. */
  removed: number;
  /** Items GitHub could not return, and what became of them. */
  problems: ItemProblem[];
}

export interface SyncSummary {
  sources: SourceSummary[];
  items: number;
  previousItems: number;
  files: { written: number; deleted: number; unchanged: number };
  requests: { rest: number; graphql: number; points: number };
  resumed: boolean;
  /** The configured GitHub Project, when there is one. */
  project?: ProjectSummary;
}

export function sourceOptions(config: RoadmapConfig, index: number): SourceOptions {
  const source = config.sources[index];
  if (!source) throw new Error(`No source at index ${index}`);
  return {
    repository: source.repo,
    issues: source.issues,
    discussions: source.discussions,
    allowPrivate: source.allowPrivate,
    voteContents: [...config.votes.reactions] as ReactionContent[],
    keepComments: config.sync.comments,
    statusLabels: Object.keys(config.statuses.labels),
    duplicateLabel: config.duplicates.label,
  };
}

/** Anything that changes what a source's snapshot holds: a change forces a full pass. */
function sourceDigest(options: SourceOptions): string {
  const { repository, issues, discussions, allowPrivate, voteContents, keepComments, statusLabels, duplicateLabel } = options;
  return createHash('sha256')
    .update(JSON.stringify([SNAPSHOT_SCHEMA_VERSION, repository, issues, discussions, allowPrivate, voteContents, keepComments, statusLabels, duplicateLabel]))
    .digest('hex')
    .slice(0, 16);
}

export async function runSync(options: SyncRunOptions): Promise<SyncSummary> {
  const { config, client, progress, snapshotDir } = options;
  const now = options.now ?? (() => new Date());
  const startedAt = now();

  const apiUrl = options.origin ?? client.endpoints.apiUrl;

  await recoverSnapshot(snapshotDir);
  const manifest = await readManifest(snapshotDir).catch((error: unknown) => {
    progress.warn(`${(error as Error).message.split('\n')[0]} Doing a full sync.`);
    return null;
  });
  let previous: Snapshot | null = null;
  // A snapshot synced from another API (the committed demo, another GitHub Enterprise Server) is
  // no previous result: nothing of it is reused as a starting point or compared with.
  if (manifest && sameApi(manifest.apiUrl, apiUrl)) {
    try {
      previous = await readSnapshot(snapshotDir);
    } catch (error) {
      progress.warn(`The previous snapshot could not be read (${(error as Error).message.split('\n')[0]}); doing a full sync.`);
    }
  }

  const sourcesOptions = config.sources.map((_, index) => sourceOptions(config, index));
  const digests = sourcesOptions.map(sourceDigest);
  // Whether the run is full is not part of it: a stopped run resumes whatever the next run's flags.
  const runDigest = createHash('sha256').update(JSON.stringify([digests])).digest('hex').slice(0, 16);
  const baseSyncedAt = previous?.manifest.syncedAt ?? null;
  const resumed = await loadCheckpoint(options.checkpointFile, { baseSyncedAt, configDigest: runDigest });
  if (resumed && options.full) {
    // `--full` asks for a full pass: sources the stopped run synced incrementally start over.
    resumed.sources = resumed.sources.filter((source) => source.full);
  }
  const checkpoint: SyncCheckpoint = resumed ?? {
    version: 1,
    baseSyncedAt,
    configDigest: runDigest,
    startedAt: startedAt.toISOString(),
    sources: [],
  };
  if (resumed) {
    const full = resumed.sources.some((source) => source.full);
    progress.warn(`Resuming the ${full ? 'full ' : ''}sync that stopped at ${resumed.startedAt}.`);
  }

  const knownItemIds = new Set(previous?.items.map((item) => item.id));
  const results = [];
  let project: ProjectSyncResult | null;
  const states: SourceState[] = [];
  const summaries: SourceSummary[] = [];
  try {
    for (const [index, sourceOption] of sourcesOptions.entries()) {
      const digest = digests[index] as string;
      const state = previous?.manifest.sources.find((source) => source.repository === sourceOption.repository);
      const previousItems = previous?.items.filter((item) => item.repository === sourceOption.repository) ?? [];
      const repository = previous?.repositories.find((repo) => repo.repository === sourceOption.repository);
      const prior: PreviousSource | null =
        state && repository && state.configDigest === digest
          ? {
              repository,
              items: previousItems,
              issuesCursor: state.issuesCursor,
              discussionsCursor: state.discussionsCursor,
            }
          : null;
      const due =
        config.sync.fullSyncEveryHours === 0 ||
        !state?.lastFullSyncAt ||
        startedAt.getTime() - Date.parse(state.lastFullSyncAt) >= config.sync.fullSyncEveryHours * 3_600_000;
      const full = options.full || prior === null || due;
      let sourceCheckpoint = checkpoint.sources.find((entry) => entry.repository === sourceOption.repository);
      if (!sourceCheckpoint) {
        sourceCheckpoint = newCheckpoint(sourceOption.repository, full);
        checkpoint.sources.push(sourceCheckpoint);
      }
      progress.step(sourceOption.repository, sourceCheckpoint.full ? 'full sync' : 'incremental sync');
      const result = await syncSource(client, sourceOption, sourceCheckpoint.full ? null : prior, sourceCheckpoint, progress, previousItems, knownItemIds);
      results.push(result);
      states.push({
        repository: sourceOption.repository,
        issuesCursor: result.issuesCursor,
        discussionsCursor: result.discussionsCursor,
        lastFullSyncAt: sourceCheckpoint.full ? startedAt.toISOString() : state?.lastFullSyncAt ?? null,
        itemCount: result.items.length,
        configDigest: digest,
      });
      summaries.push({
        repository: sourceOption.repository,
        mode: result.skippedPrivate ? 'private (skipped)' : sourceCheckpoint.full ? 'full' : 'incremental',
        items: result.items.length,
        ...compareItems(previousItems, result.items),
        problems: result.problems,
      });
    }
    project = await syncConfiguredProject({ client, config, previous, full: options.full, startedAt, progress });
  } catch (error) {
    if (error instanceof RoadmapError && error.resumable) {
      await saveCheckpoint(options.checkpointFile, checkpoint);
    }
    throw error;
  }

  // After every source, so an item transferred between two listed repositories is recognised.
  const items = carryFormerAddresses(
    results.flatMap((result) => result.items),
    previous?.items ?? [],
  );
  const previousItems = previous?.items.length ?? 0;
  if (!options.force) {
    const refusal = shrinkRefusal(previous, apiUrl, results.map((result) => ({ repository: result.repository.repository, items: result.items.length, skippedPrivate: result.skippedPrivate })));
    if (refusal) throw refusal;
  }

  const files = await writeSnapshot(snapshotDir, {
    syncedAt: startedAt.toISOString(),
    apiUrl,
    sources: states,
    repositories: results.map((result) => result.repository),
    items,
    ...(project ? { projects: [{ state: project.state, snapshot: project.snapshot }] } : {}),
  });
  await clearCheckpoint(options.checkpointFile);
  return {
    sources: summaries,
    items: items.length,
    previousItems,
    files,
    requests: { rest: progress.counts.rest, graphql: progress.counts.graphql, points: progress.counts.points },
    resumed: resumed !== null,
    ...(project ? { project: project.summary } : {}),
  };
}

/** How many items are new or differ from the previous snapshot's copy, and how many are gone. */
function compareItems(before: readonly Item[], after: readonly Item[]): { changed: number; removed: number } {
  const key = (item: Item) => `${item.type}:${item.number}`;
  // Through the schema, as the writer does, so key order and defaults cannot make equal items differ.
  const canonical = (item: Item) => JSON.stringify(itemSchema.parse(item));
  const previous = new Map(before.map((item) => [key(item), item]));
  const kept = new Set(after.map(key));
  let changed = 0;
  for (const item of after) {
    const old = previous.get(key(item));
    if (!old || (old !== item && canonical(old) !== canonical(item))) changed += 1;
  }
  return { changed, removed: [...previous.keys()].filter((itemKey) => !kept.has(itemKey)).length };
}
