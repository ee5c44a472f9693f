/**
 * A page per milestone: what is planned in it and how far along it is. A milestone is listed
 * when it holds at least one request; its progress counts the requests in it as GitHub's
 * milestone page counts issues: closed ones are done, whatever the reason they were closed for.
 * A request belongs to the milestone of its canonical item (its duplicates' milestones do not
 * move it). Milestones of repositories that are not published never reach this list.
 */
import type { SourceConfig } from '../config/schemas/sources.ts';
import type { StatusId } from '../config/status-ids.ts';
import type { Snapshot } from '../snapshot/read-snapshot.ts';
import { rankRequests } from './ranking.ts';
import { milestonePath, milestoneSlug } from './site-paths.ts';
import type { ItemKey, MilestoneSummary, Request } from './types.ts';

export interface MilestoneEntry extends MilestoneSummary {
  /** Raw, untrusted Markdown description, as written on GitHub. */
  description: string | null;
  slug: string;
  path: string;
  /** Its requests: open ones first, most wanted first; then the done ones, latest first. */
  requests: ItemKey[];
  /** How many of its requests are in each status. */
  statusCounts: Partial<Record<StatusId, number>>;
  /** Requests closed on GitHub: the milestone's progress is `done` of `requests.length`. */
  done: number;
}

const isDone = (request: Request): boolean => request.closedAt !== null;

export function buildMilestones(
  snapshot: Snapshot,
  requests: readonly Request[],
  sources: readonly Pick<SourceConfig, 'repo'>[],
): MilestoneEntry[] {
  // One pass over the requests, however many milestones there are.
  const byMilestone = new Map<string, Request[]>();
  for (const request of requests) {
    if (request.milestone === null) continue;
    const key = `${request.repository.toLowerCase()}\n${request.milestone.number}`;
    const inIt = byMilestone.get(key);
    if (inIt === undefined) byMilestone.set(key, [request]);
    else inIt.push(request);
  }
  const entries: MilestoneEntry[] = [];
  for (const repository of snapshot.repositories) {
    for (const milestone of repository.milestones) {
      const inIt = byMilestone.get(`${repository.repository.toLowerCase()}\n${milestone.number}`) ?? [];
      if (inIt.length === 0) continue;
      const open = inIt.filter((request) => !isDone(request));
      const done = inIt
        .filter(isDone)
        .sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? '') || a.key.localeCompare(b.key));
      const statusCounts: Partial<Record<StatusId, number>> = {};
      for (const request of inIt) statusCounts[request.status] = (statusCounts[request.status] ?? 0) + 1;
      const ref = { repository: repository.repository, number: milestone.number, title: milestone.title };
      entries.push({
        ...ref,
        dueOn: milestone.dueOn,
        url: milestone.url,
        state: milestone.state,
        description: milestone.description,
        slug: milestoneSlug(ref, sources),
        path: milestonePath(ref, sources),
        requests: [...rankRequests(open, 'top'), ...done].map((request) => request.key),
        statusCounts,
        done: done.length,
      });
    }
  }
  // Open milestones first, soonest due first (no due date last), then closed ones, latest due first.
  return entries.sort(
    (a, b) =>
      Number(a.state === 'CLOSED') - Number(b.state === 'CLOSED') ||
      (a.state === 'OPEN'
        ? (a.dueOn ?? '\uffff').localeCompare(b.dueOn ?? '\uffff')
        : (b.dueOn ?? '').localeCompare(a.dueOn ?? '')) ||
      a.title.localeCompare(b.title) ||
      a.repository.localeCompare(b.repository),
  );
}
