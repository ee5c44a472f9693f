/**
 * The sync world with a GitHub Project (v2) of the organization `acme`: a Status field, an
 * Iteration field whose iterations are placed around today (one running, one next, one after),
 * a Quarter field and a Target date, with issues, a draft, a pull request, an archived item and
 * an issue of the private repository in it.
 */
import type { SimProject, SimProjectItem, SimWorld } from '../../scripts/dev/github-simulator/store-types.ts';
import { at, issue, syncWorld } from './sync-world.ts';

const DAY_MS = 86_400_000;
/** `YYYY-MM-DD`, `days` from today (UTC). */
export const dayFromToday = (days: number): string => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

export const PROJECT_CONFIG = {
  organization: 'acme',
  number: 1,
  status: { field: 'Status', options: { Backlog: 'under-review', Todo: 'planned', 'In progress': 'in-progress', Done: 'shipped' } },
  horizon: { field: 'Iteration' },
};

let nextItemId = 5000;

export function projectItem(content: SimProjectItem['content'], values: SimProjectItem['values'], extra: Partial<SimProjectItem> = {}): SimProjectItem {
  return { id: ++nextItemId, content, createdAt: at(100), updatedAt: at(100), values, ...extra };
}

const widgetsIssue = (number: number, values: SimProjectItem['values'], extra: Partial<SimProjectItem> = {}) =>
  projectItem({ type: 'Issue', repository: 'acme/widgets', number }, values, extra);

/** `extraIssues` more open issues (numbers from 100), all in the project in the Backlog, to make it span pages. */
export function projectWorld(extraIssues = 0): SimWorld {
  const world = syncWorld();
  world.users['acme'] = { login: 'acme', type: 'Organization', id: 900 };
  const widgets = world.repositories.find((repository) => repository.name === 'widgets');
  if (!widgets) throw new Error('the sync world has acme/widgets');
  const extra = Array.from({ length: extraIssues }, (_, index) => issue(100 + index));
  widgets.issues.push(...extra);
  const project: SimProject = {
    owner: 'acme',
    number: 1,
    id: 77,
    title: 'Widgets roadmap',
    closed: false,
    createdAt: at(90),
    updatedAt: at(120),
    fields: [
      {
        id: 1,
        name: 'Status',
        dataType: 'SINGLE_SELECT',
        options: ['Backlog', 'Todo', 'In progress', 'Blocked', 'Done'].map((name, index) => ({ id: `opt${index}`, name })),
      },
      {
        id: 2,
        name: 'Iteration',
        dataType: 'ITERATION',
        iterations: [
          { id: 'it0', title: 'Iteration 0', startDate: dayFromToday(-21), duration: 14 },
          { id: 'it1', title: 'Iteration 1', startDate: dayFromToday(-7), duration: 14 },
          { id: 'it2', title: 'Iteration 2', startDate: dayFromToday(7), duration: 14 },
          { id: 'it3', title: 'Iteration 3', startDate: dayFromToday(21), duration: 14 },
        ],
      },
      { id: 3, name: 'Quarter', dataType: 'SINGLE_SELECT', options: ['Q1', 'Q2', 'Q3'].map((name, index) => ({ id: `q${index}`, name })) },
      { id: 4, name: 'Target date', dataType: 'DATE' },
      { id: 5, name: 'Notes', dataType: 'TEXT' },
    ],
    items: [
      widgetsIssue(1, { Status: 'In progress', Iteration: 'Iteration 1', Quarter: 'Q1', 'Target date': dayFromToday(10) }),
      // Labelled `status: planned` and in a milestone: the project's Backlog wins.
      widgetsIssue(2, { Status: 'Backlog', Iteration: 'Iteration 2', Quarter: 'Q2', 'Target date': dayFromToday(60) }),
      // Closed as completed: "In progress" on the project does not reopen it.
      widgetsIssue(4, { Status: 'In progress', Iteration: 'Iteration 1' }),
      widgetsIssue(7, { Status: 'Done', Iteration: 'Iteration 0' }),
      // Not mapped: the sync warns, the labels decide.
      widgetsIssue(8, { Status: 'Blocked', Iteration: 'Iteration 3', Quarter: 'Q3', 'Target date': dayFromToday(200) }),
      widgetsIssue(9, { Iteration: 'Iteration 0', Quarter: 'Q1', 'Target date': dayFromToday(-3) }),
      widgetsIssue(10, { Status: 'Done' }, { isArchived: true }),
      projectItem({ type: 'DraftIssue', title: 'Draft: redesign the widget picker' }, { Status: 'Todo', Iteration: 'Iteration 1' }),
      projectItem({ type: 'PullRequest', repository: 'acme/widgets', number: 50 }, { Status: 'Done' }),
      projectItem({ type: 'Issue', repository: 'acme/secret', number: 1 }, { Status: 'In progress', Iteration: 'Iteration 1' }),
      ...extra.map((extraIssue) => widgetsIssue(extraIssue.number, { Status: 'Backlog' })),
    ],
  };
  world.projects = [project];
  return world;
}

/**
 * Sets an item's field value the way GitHub does: the item's and the project's `updatedAt` move.
 * https://docs.github.com/graphql/reference/objects#projectv2item
 */
export function setProjectValue(world: SimWorld, number: number, field: string, value: string | number, when: string): void {
  const project = world.projects?.[0];
  const item = project?.items.find((candidate) => candidate.content.type === 'Issue' && candidate.content.repository === 'acme/widgets' && candidate.content.number === number);
  if (!project || !item) throw new Error(`acme/widgets#${number} is not in the project`);
  item.values[field] = value;
  item.updatedAt = when;
  project.updatedAt = when;
}
