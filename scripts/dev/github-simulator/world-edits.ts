/**
 * Changes to a world that GitHub makes in several places at once, so tests change a live world
 * the way GitHub would: a rename edits the title, records a `RenamedTitleEvent` and bumps
 * `updatedAt`; a transfer also moves the issue to a new number in another repository, keeping
 * its node id (https://docs.github.com/issues/tracking-your-work-with-issues/transferring-an-issue-to-another-repository).
 */
import type { SimIssue, SimRepository, SimWorld } from './store-types.ts';

export interface WorldEdit {
  /** Who made the change: a login of the world, or `null` for a deleted account. */
  actor: string | null;
  /** When, as an ISO 8601 time; later than anything the issue holds. */
  at: string;
}

function repositoryNamed(world: SimWorld, fullName: string): SimRepository {
  const repository = world.repositories.find((candidate) => `${candidate.owner}/${candidate.name}`.toLowerCase() === fullName.toLowerCase());
  if (!repository) throw new Error(`The world has no repository ${fullName}.`);
  return repository;
}

function issueOf(repository: SimRepository, number: number): SimIssue {
  const issue = repository.issues.find((candidate) => candidate.number === number);
  if (!issue) throw new Error(`${repository.owner}/${repository.name} has no issue #${number}.`);
  return issue;
}

/** A database id for a new event, above every event id of the world. */
function nextEventId(world: SimWorld): number {
  let highest = 0;
  for (const repository of world.repositories) {
    for (const issue of repository.issues) for (const event of issue.events) highest = Math.max(highest, event.id);
  }
  return highest + 1;
}

/** Renames issue `number` of `repository` to `title`; returns the issue. */
export function renameIssue(world: SimWorld, repository: string, number: number, title: string, edit: WorldEdit): SimIssue {
  const issue = issueOf(repositoryNamed(world, repository), number);
  issue.events.push({ kind: 'renamed', id: nextEventId(world), actor: edit.actor, createdAt: edit.at, previousTitle: issue.title, currentTitle: title });
  issue.title = title;
  issue.updatedAt = edit.at;
  return issue;
}

/**
 * Moves issue `number` of `from` to the repository `to`, under the next free number there (issues,
 * pull requests and Discussions share numbers), as GitHub does; returns the issue.
 */
export function transferIssue(world: SimWorld, from: string, number: number, to: string, edit: WorldEdit): SimIssue {
  const source = repositoryNamed(world, from);
  const target = repositoryNamed(world, to);
  const issue = issueOf(source, number);
  const taken = [...target.issues, ...target.pullRequests, ...target.discussions].map((item) => item.number);
  issue.events.push({ kind: 'transferred', id: nextEventId(world), actor: edit.actor, createdAt: edit.at, from: { repository: `${source.owner}/${source.name}`, number: issue.number } });
  issue.number = Math.max(0, ...taken) + 1;
  issue.updatedAt = edit.at;
  source.issues = source.issues.filter((candidate) => candidate !== issue);
  target.issues.push(issue);
  return issue;
}
