/**
 * The Now / Next / Later strip of the board, from open milestones' due dates: the milestone
 * due first is Now, the one after it Next, every later one (and those without a due date)
 * Later. Only milestones holding open requests are shown: an empty milestone promises nothing.
 *
 * With a GitHub Project whose horizon field is configured, the requests in the project are
 * placed by that field instead (`project-fields.ts`), in one group per option or iteration (per
 * horizon for a date field), and their milestones no longer place them.
 */
import type { ProjectConfig } from '../config/schemas/project.ts';
import type { Snapshot } from '../snapshot/read-snapshot.ts';
import { sameRepository } from './item-key.ts';
import { entryOfRequest, projectEntries, projectHorizon, type ProjectHorizon } from './project-fields.ts';
import { rankRequests } from './ranking.ts';
import type { ItemKey, MilestoneSummary, Request } from './types.ts';
import { isOpenRequest } from './status.ts';

export const HORIZONS = ['now', 'next', 'later'] as const;
export type HorizonId = (typeof HORIZONS)[number];

/**
 * A group on the strip: a milestone, or a project's option or iteration (then `repository` is the
 * project's owner, `number` the project's number and `url` the project's address).
 */
export interface HorizonMilestone extends MilestoneSummary {
  horizon: HorizonId;
  /** Its open requests, most wanted first. */
  requests: ItemKey[];
}


export function planHorizons(snapshot: Snapshot, requests: readonly Request[], project?: ProjectConfig | null): HorizonMilestone[] {
  const entries = projectEntries(snapshot, project?.horizon ? project : null);
  const inProject = (request: Request) => entryOfRequest([request.key, ...request.duplicates.map((duplicate) => duplicate.key)], entries);
  const open = requests.filter((request) => isOpenRequest(request) && inProject(request) === null);
  const milestones = snapshot.repositories.flatMap((repository) =>
    repository.milestones
      .filter((milestone) => milestone.state === 'OPEN')
      .map((milestone) => {
        const inMilestone = open.filter(
          (request) =>
            request.milestone !== null &&
            request.milestone.number === milestone.number &&
            sameRepository(request.repository, repository.repository),
        );
        return {
          repository: repository.repository,
          number: milestone.number,
          title: milestone.title,
          dueOn: milestone.dueOn,
          url: milestone.url,
          state: milestone.state,
          requests: rankRequests(inMilestone, 'top').map((request) => request.key),
        };
      })
      .filter((milestone) => milestone.requests.length > 0),
  );
  // No due date sorts last: "some day" is later than any date.
  milestones.sort(
    (a, b) =>
      (a.dueOn ?? '\uffff').localeCompare(b.dueOn ?? '\uffff') ||
      a.title.localeCompare(b.title) ||
      a.repository.localeCompare(b.repository),
  );
  const byMilestone = milestones.map((milestone, index): HorizonMilestone => ({
    ...milestone,
    horizon: milestone.dueOn === null ? 'later' : (HORIZONS[Math.min(index, 2)] ?? 'later'),
  }));
  return [...byMilestone, ...projectGroups(snapshot, requests.filter(isOpenRequest), entries, project)];
}

/** The project's groups of open requests, Now first, each in the field's order. */
function projectGroups(
  snapshot: Snapshot,
  open: readonly Request[],
  entries: ReturnType<typeof projectEntries>,
  project: ProjectConfig | null | undefined,
): HorizonMilestone[] {
  if (!project || entries.size === 0) return [];
  const groups = new Map<string, { placement: ProjectHorizon; requests: Request[]; owner: string; number: number; url: string }>();
  for (const request of open) {
    const entry = entryOfRequest([request.key, ...request.duplicates.map((duplicate) => duplicate.key)], entries);
    const placement = entry && projectHorizon(entry, snapshot.manifest.syncedAt, project);
    if (!entry || !placement) continue;
    const group = groups.get(placement.group) ?? { placement, requests: [], owner: entry.project.owner, number: entry.project.number, url: entry.project.url };
    // A date group is due when its last request is.
    if (placement.dueOn !== null && (group.placement.dueOn === null || placement.dueOn > group.placement.dueOn)) group.placement = { ...group.placement, dueOn: placement.dueOn };
    group.requests.push(request);
    groups.set(placement.group, group);
  }
  return [...groups.values()]
    .sort(
      (a, b) =>
        HORIZONS.indexOf(a.placement.horizon) - HORIZONS.indexOf(b.placement.horizon) ||
        a.placement.order.localeCompare(b.placement.order) ||
        a.placement.title.localeCompare(b.placement.title),
    )
    .map(({ placement, requests, owner, number, url }) => ({
      repository: owner,
      number,
      title: placement.title,
      dueOn: placement.dueOn,
      url,
      state: 'OPEN' as const,
      horizon: placement.horizon,
      requests: rankRequests(requests, 'top').map((request) => request.key),
    }));
}
