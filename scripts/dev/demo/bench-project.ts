/**
 * A GitHub Project (v2) for the bench world: `share` percent of the repository's issues (every
 * n-th one), with a Status option and a two-week iteration each, so `npm run bench:sync` measures
 * what reading a project costs next to the repository.
 */
import type { SimProject, SimProjectItem, SimRepository } from '../github-simulator/store-types.ts';
import { DAY, NOW, iso } from './clock.ts';

const STATUSES = ['Backlog', 'Planned', 'In progress', 'Done'] as const;
const ITERATION_DAYS = 14;

export function buildBenchProject(repository: SimRepository, owner: string, share: number): SimProject {
  const every = Math.max(1, Math.round(100 / Math.max(share, 1)));
  const start = Math.floor((NOW - 5 * DAY) / DAY) * DAY;
  const iterations = [-1, 0, 1, 2].map((offset) => ({
    id: `it${String(offset + 1)}`,
    title: `Sprint ${String(offset + 40)}`,
    startDate: new Date(start + offset * ITERATION_DAYS * DAY).toISOString().slice(0, 10),
    duration: ITERATION_DAYS,
  }));
  const items: SimProjectItem[] = repository.issues
    .filter((_, index) => index % every === 0)
    .map((issue, index) => ({
      id: 700_000 + index,
      content: { type: 'Issue', repository: `${repository.owner}/${repository.name}`, number: issue.number },
      createdAt: issue.createdAt,
      updatedAt: issue.updatedAt,
      values: { Status: STATUSES[index % STATUSES.length] ?? 'Backlog', Sprint: iterations[index % iterations.length]?.title ?? 'Sprint 40' },
    }));
  return {
    owner,
    number: 1,
    id: 7000,
    title: 'Bench roadmap',
    closed: false,
    createdAt: iso(NOW - 400 * DAY),
    updatedAt: iso(NOW - DAY),
    fields: [
      { id: 1, name: 'Status', dataType: 'SINGLE_SELECT', options: STATUSES.map((name, index) => ({ id: `s${String(index)}`, name })) },
      { id: 2, name: 'Sprint', dataType: 'ITERATION', iterations },
    ],
    items,
  };
}

export const BENCH_PROJECT_CONFIG = {
  number: 1,
  status: { field: 'Status', options: { Backlog: 'under-review', Planned: 'planned', 'In progress': 'in-progress', Done: 'shipped' } },
  horizon: { field: 'Sprint' },
};
