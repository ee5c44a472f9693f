/** The project step of a sync run: whether a full read is due, and what the previous snapshot holds for it. */
import type { RoadmapConfig } from '../config/index.ts';
import type { Snapshot } from '../snapshot/read-snapshot.ts';
import type { GitHubClient } from './github-client.ts';
import type { SyncProgress } from './progress.ts';
import { projectLabel, syncProject, type PreviousProject, type ProjectSyncResult } from './sync-project.ts';

export async function syncConfiguredProject(options: {
  client: GitHubClient;
  config: RoadmapConfig;
  previous: Snapshot | null;
  full: boolean;
  startedAt: Date;
  progress: SyncProgress;
}): Promise<ProjectSyncResult | null> {
  const { config, previous, startedAt, progress } = options;
  const project = config.project;
  if (!project) return null;
  const login = (project.organization ?? project.user ?? '').toLowerCase();
  const state = previous?.manifest.projects?.find((entry) => entry.owner.toLowerCase() === login && entry.number === project.number);
  const snapshot = previous?.projects?.find((entry) => entry.owner.toLowerCase() === login && entry.number === project.number);
  const prior: PreviousProject | null = state && snapshot ? { state, snapshot } : null;
  const due =
    config.sync.fullSyncEveryHours === 0 ||
    !state?.lastFullSyncAt ||
    startedAt.getTime() - Date.parse(state.lastFullSyncAt) >= config.sync.fullSyncEveryHours * 3_600_000;
  progress.step(projectLabel(project), 'project');
  return syncProject(options.client, config, prior, { full: options.full || due, now: startedAt }, progress);
}
