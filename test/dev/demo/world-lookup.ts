import type { SimDiscussion, SimIssue, SimRepository, SimWorld } from '../../../scripts/dev/github-simulator/store-types.ts';
import type { Ref } from '../../../scripts/dev/demo/ground-truth.ts';

/** Small lookups shared by the demo-world tests. */

export type SimItem = SimIssue | SimDiscussion;

export function fullName(repository: SimRepository): string {
  return `${repository.owner}/${repository.name}`;
}

export function repositoryNamed(world: SimWorld, name: string): SimRepository {
  const found = world.repositories.find((repository) => fullName(repository) === name);
  if (found === undefined) throw new Error(`no repository ${name}`);
  return found;
}

export function itemAt(world: SimWorld, ref: Ref): SimItem | undefined {
  const repository = world.repositories.find((candidate) => fullName(candidate) === ref.repository);
  return repository?.issues.find((issue) => issue.number === ref.number) ?? repository?.discussions.find((discussion) => discussion.number === ref.number);
}

export function mustItemAt(world: SimWorld, ref: Ref): SimItem {
  const item = itemAt(world, ref);
  if (item === undefined) throw new Error(`no item ${ref.repository}#${ref.number}`);
  return item;
}

export function isIssue(item: SimItem): item is SimIssue {
  return 'events' in item;
}

export function isClosed(item: SimItem): boolean {
  return isIssue(item) ? item.state === 'CLOSED' : item.closed;
}

/** Title, body and comment bodies: everything a visitor could read. */
export function textsOf(item: SimItem): string[] {
  return [item.title, item.body, ...item.comments.map((comment) => comment.body)];
}

export function thumbsUp(item: SimItem): number {
  return item.reactions.filter((reaction) => reaction.content === 'THUMBS_UP').length;
}

export function allItems(world: SimWorld): Array<{ repository: SimRepository; item: SimItem }> {
  return world.repositories.flatMap((repository) => [...repository.issues, ...repository.discussions].map((item) => ({ repository, item })));
}

export function refKeyOf(ref: Ref): string {
  return `${ref.repository}#${ref.number}`;
}
