/**
 * The Now / Next / Later strip of the board, from open milestones' due dates: the milestone
 * due first is Now, the one after it Next, every later one (and those without a due date)
 * Later. Only milestones holding open requests are shown: an empty milestone promises nothing.
 */
import type { Snapshot } from '../snapshot/read-snapshot.ts';
import { sameRepository } from './item-key.ts';
import { rankRequests } from './ranking.ts';
import type { ItemKey, MilestoneSummary, Request } from './types.ts';

export const HORIZONS = ['now', 'next', 'later'] as const;
export type HorizonId = (typeof HORIZONS)[number];

export interface HorizonMilestone extends MilestoneSummary {
  horizon: HorizonId;
  /** Its open requests, most wanted first. */
  requests: ItemKey[];
}

const isOpenRequest = (request: Request): boolean => request.status !== 'shipped' && request.status !== 'declined';

export function planHorizons(snapshot: Snapshot, requests: readonly Request[]): HorizonMilestone[] {
  const open = requests.filter(isOpenRequest);
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
  return milestones.map((milestone, index) => ({
    ...milestone,
    horizon: milestone.dueOn === null ? 'later' : (HORIZONS[Math.min(index, 2)] ?? 'later'),
  }));
}
