/**
 * The GitHub Project (v2) the Lumen maintainers plan in, "Lumen roadmap" (organization project
 * number 1): a Status field (Backlog, Planned, In progress, Done) and six-week Cycles as an
 * iteration field. What the maintainers put in it follows what the issues say (status labels,
 * milestones), with the project a step ahead here and there, as in a real project: a few
 * Backlog ideas already Planned on the board, every Planned item given a cycle. It also holds a
 * draft issue, a pull request and an issue of the private repository, which the roadmap leaves out.
 */
import type { SimIssue, SimProject, SimProjectItem, SimWorld } from '../github-simulator/store-types.ts';
import { DAY, HOUR, NOW, iso, timeBetween } from './clock.ts';
import { DOCS_REPOSITORY, MAIN_REPOSITORY, ORGANIZATION, PRIVATE_REPOSITORY } from './demo-project.ts';
import type { Random } from './random.ts';

export const ROADMAP_PROJECT_NUMBER = 1;
export const STATUS_OPTIONS = ['Backlog', 'Planned', 'In progress', 'Done'] as const;
const CYCLE_DAYS = 42;
/** The running cycle began 17 days before the world's "now". */
const CURRENT_CYCLE_START = Math.floor((NOW - 17 * DAY) / DAY) * DAY;
const CURRENT_CYCLE = 12;
/** Cycle offsets from the running one that exist on the project. */
const CYCLE_OFFSETS = [-2, -1, 0, 1, 2, 3] as const;

const dateOf = (milliseconds: number): string => new Date(milliseconds).toISOString().slice(0, 10);
const cycleTitle = (offset: number): string => `Cycle ${CURRENT_CYCLE + offset}`;
const cycleStart = (offset: number): number => CURRENT_CYCLE_START + offset * CYCLE_DAYS * DAY;

const NOT_ON_THE_ROADMAP = ['duplicate', 'spam', 'invalid', 'wontfix', 'status: declined', 'status: under review', 'status: shipped'];

function repositoryIssues(world: SimWorld, fullName: string): SimIssue[] {
  return world.repositories.find((repository) => `${repository.owner}/${repository.name}` === fullName)?.issues ?? [];
}

/** The cycle an open issue is planned for: its milestone's due date, else a later cycle. */
function plannedCycle(random: Random, dueOn: string | null): number {
  if (dueOn === null) return random.pick([1, 2, 3]);
  const due = Date.parse(dueOn);
  const offset = Math.floor((due - CURRENT_CYCLE_START) / (CYCLE_DAYS * DAY));
  return Math.max(0, Math.min(3, offset));
}

export function buildRoadmapProject(random: Random, world: SimWorld): SimProject {
  let nextId = 880_000;
  const main = world.repositories.find((repository) => `${repository.owner}/${repository.name}` === MAIN_REPOSITORY);
  const dueOf = (issue: SimIssue): string | null => main?.milestones.find((milestone) => milestone.number === issue.milestone)?.dueOn ?? null;
  const items: SimProjectItem[] = [];
  const add = (content: SimProjectItem['content'], createdAfter: number, values: SimProjectItem['values']): void => {
    const createdAt = timeBetween(random, createdAfter, NOW - 3 * DAY);
    items.push({ id: ++nextId, content, createdAt: iso(createdAt), updatedAt: iso(timeBetween(random, createdAt, NOW - 3 * HOUR)), values });
  };

  for (const repository of [MAIN_REPOSITORY, DOCS_REPOSITORY]) {
    const requests = repositoryIssues(world, repository).filter(
      (issue) => issue.labels.includes('enhancement') && !issue.labels.some((label) => NOT_ON_THE_ROADMAP.includes(label)),
    );
    for (const issue of requests) {
      const createdAfter = Date.parse(issue.createdAt);
      if (issue.state === 'CLOSED') {
        // Recently shipped work stays on the board as Done, in the cycle it was finished in.
        const closedAt = Date.parse(issue.closedAt ?? issue.updatedAt);
        if (issue.stateReason !== 'COMPLETED' || closedAt < cycleStart(-2)) continue;
        const offset = Math.max(-2, Math.floor((closedAt - CURRENT_CYCLE_START) / (CYCLE_DAYS * DAY)));
        add({ type: 'Issue', repository, number: issue.number }, createdAfter, { Status: 'Done', Cycle: cycleTitle(offset) });
      } else if (issue.labels.includes('status: in progress')) {
        add({ type: 'Issue', repository, number: issue.number }, createdAfter, { Status: 'In progress', Cycle: cycleTitle(0) });
      } else if (issue.labels.includes('status: planned') || issue.milestone !== null) {
        add({ type: 'Issue', repository, number: issue.number }, createdAfter, { Status: 'Planned', Cycle: cycleTitle(plannedCycle(random, dueOf(issue))) });
      } else if (random.chance(0.12)) {
        // Planned on the board before anyone relabelled the issue.
        add({ type: 'Issue', repository, number: issue.number }, createdAfter, { Status: 'Planned', Cycle: cycleTitle(random.pick([1, 2, 3])) });
      } else if (random.chance(0.2)) {
        add({ type: 'Issue', repository, number: issue.number }, createdAfter, { Status: 'Backlog' });
      }
    }
  }
  // What the roadmap must leave out: a draft, a pull request, an issue of the private repository.
  add({ type: 'DraftIssue', title: 'Spike: content collections v2 API sketch' }, NOW - 30 * DAY, { Status: 'Backlog' });
  const pull = main?.pullRequests.find((pullRequest) => pullRequest.state === 'OPEN') ?? main?.pullRequests.at(-1);
  if (pull) add({ type: 'PullRequest', repository: MAIN_REPOSITORY, number: pull.number }, Date.parse(pull.createdAt), { Status: 'In progress', Cycle: cycleTitle(0) });
  const secret = repositoryIssues(world, PRIVATE_REPOSITORY).find((issue) => issue.state === 'OPEN');
  if (secret) add({ type: 'Issue', repository: PRIVATE_REPOSITORY, number: secret.number }, Date.parse(secret.createdAt), { Status: 'In progress', Cycle: cycleTitle(0) });

  items.sort((left, right) => left.createdAt.localeCompare(right.createdAt) || left.id - right.id);
  return {
    owner: ORGANIZATION,
    number: ROADMAP_PROJECT_NUMBER,
    id: 4242,
    title: 'Lumen roadmap',
    closed: false,
    createdAt: iso(cycleStart(-3)),
    updatedAt: items.reduce((latest, item) => (item.updatedAt > latest ? item.updatedAt : latest), iso(cycleStart(-3))),
    fields: [
      { id: 1, name: 'Status', dataType: 'SINGLE_SELECT', options: STATUS_OPTIONS.map((name, index) => ({ id: `f75ad84${String(index)}`, name })) },
      {
        id: 2,
        name: 'Cycle',
        dataType: 'ITERATION',
        iterations: CYCLE_OFFSETS.map((offset) => ({ id: `c${String(CURRENT_CYCLE + offset)}`, title: cycleTitle(offset), startDate: dateOf(cycleStart(offset)), duration: CYCLE_DAYS })),
      },
      { id: 3, name: 'Target date', dataType: 'DATE' },
      { id: 4, name: 'Notes', dataType: 'TEXT' },
    ],
    items,
  };
}
