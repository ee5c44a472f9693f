/**
 * Maps over the world so every lookup is O(1). Tests mutate `simulator.world` freely between
 * requests (push issues, edit titles, swap whole arrays), so the index is rebuilt for each request
 * instead of being kept in sync: one pass over a 10,000-item world takes about a millisecond.
 */
import { nodeId } from './node-ids.ts';
import type {
  SimActor,
  SimDiscussion,
  SimDiscussionCategory,
  SimIssue,
  SimLabel,
  SimMilestone,
  SimPullRequest,
  SimRef,
  SimRelease,
  SimRepository,
  SimWorld,
} from './store-types.ts';

export interface RepoIndex {
  repo: SimRepository;
  /** `owner/name` as the world spells it. */
  fullName: string;
  issues: Map<number, SimIssue>;
  discussions: Map<number, SimDiscussion>;
  pullRequests: Map<number, SimPullRequest>;
  /** By lower-cased name: GitHub label names are case-insensitive. */
  labels: Map<string, SimLabel>;
  /** Position in the repository's label list, which stands in for creation order. */
  labelPositions: Map<SimLabel, number>;
  milestones: Map<number, SimMilestone>;
  categoriesById: Map<number, SimDiscussionCategory>;
  categoriesBySlug: Map<string, SimDiscussionCategory>;
  releasesById: Map<number, SimRelease>;
  releasesByTag: Map<string, SimRelease>;
}

export type ResolvedRef =
  | { kind: 'issue'; repo: RepoIndex; issue: SimIssue }
  | { kind: 'pullRequest'; repo: RepoIndex; pullRequest: SimPullRequest };

export interface ClosingPullRequest {
  repo: RepoIndex;
  pullRequest: SimPullRequest;
}

export interface WorldIndex {
  world: SimWorld;
  repoByName(owner: string, name: string): RepoIndex | undefined;
  repoByFullName(fullName: string): RepoIndex | undefined;
  repoById(id: number): RepoIndex | undefined;
  user(login: string): SimActor | undefined;
  /** Adds an account to the world (and this index), e.g. the token's user when it first comments. */
  addUser(actor: SimActor): void;
  userById(id: number): SimActor | undefined;
  /** The issue or pull request a cross-reference points at, if it exists. */
  resolveRef(ref: SimRef): ResolvedRef | undefined;
  /** Pull requests whose `closes` names this issue, from any repository. */
  closingPullRequests(repo: RepoIndex, issueNumber: number): ClosingPullRequest[];
  /** Issues in a milestone, counted by state (REST `open_issues` / `closed_issues`). */
  milestoneIssueCounts(repo: RepoIndex, milestoneNumber: number): { open: number; closed: number };
  /** An issue's global node id: a transferred issue keeps the one it was born with. */
  issueNodeId(repo: RepoIndex, issue: SimIssue): string;
  /** The issue transferred away from repository `repositoryId`, where it was number `number`. */
  transferredIssue(repositoryId: number, number: number): { repo: RepoIndex; issue: SimIssue } | undefined;
}

function refKey(fullName: string, number: number): string {
  return `${fullName.toLowerCase()}#${String(number)}`;
}

function indexRepository(repo: SimRepository): RepoIndex {
  const labels = new Map<string, SimLabel>();
  const labelPositions = new Map<SimLabel, number>();
  repo.labels.forEach((label, position) => {
    labels.set(label.name.toLowerCase(), label);
    labelPositions.set(label, position);
  });
  const releasesByTag = new Map<string, SimRelease>();
  for (const release of repo.releases) {
    if (!releasesByTag.has(release.tagName)) releasesByTag.set(release.tagName, release);
  }
  return {
    repo,
    fullName: `${repo.owner}/${repo.name}`,
    // An issue deleted after listing is gone for everything but the REST listing that saw it.
    issues: new Map(repo.issues.filter((issue) => issue.deletedAfterListing !== true).map((issue) => [issue.number, issue])),
    discussions: new Map(repo.discussions.map((discussion) => [discussion.number, discussion])),
    pullRequests: new Map(repo.pullRequests.map((pr) => [pr.number, pr])),
    labels,
    labelPositions,
    milestones: new Map(repo.milestones.map((milestone) => [milestone.number, milestone])),
    categoriesById: new Map(repo.discussionCategories.map((category) => [category.id, category])),
    categoriesBySlug: new Map(repo.discussionCategories.map((category) => [category.slug, category])),
    releasesById: new Map(repo.releases.map((release) => [release.id, release])),
    releasesByTag,
  };
}

export function indexWorld(world: SimWorld): WorldIndex {
  const byName = new Map<string, RepoIndex>();
  const byId = new Map<number, RepoIndex>();
  for (const repo of world.repositories) {
    const indexed = indexRepository(repo);
    byName.set(indexed.fullName.toLowerCase(), indexed);
    byId.set(repo.id, indexed);
  }
  const users = new Map<string, SimActor>();
  const usersById = new Map<number, SimActor>();
  for (const actor of Object.values(world.users)) {
    users.set(actor.login.toLowerCase(), actor);
    usersById.set(actor.id, actor);
  }

  let closers: Map<string, ClosingPullRequest[]> | undefined;
  const closersByIssue = (): Map<string, ClosingPullRequest[]> => {
    if (closers) return closers;
    closers = new Map();
    for (const repo of byName.values()) {
      for (const pullRequest of repo.repo.pullRequests) {
        for (const ref of pullRequest.closes) {
          const key = refKey(ref.repository, ref.number);
          const list = closers.get(key) ?? [];
          list.push({ repo, pullRequest });
          closers.set(key, list);
        }
      }
    }
    return closers;
  };

  const milestoneCounts = new Map<RepoIndex, Map<number, { open: number; closed: number }>>();

  // GitHub keeps an issue's node id when it moves to another repository: the id is minted from
  // where it was first created, so `node(id:)` must find it from there too.
  const birthplaces = new Map<SimIssue, { repositoryId: number; number: number }>();
  const transferred = new Map<string, { repo: RepoIndex; issue: SimIssue }>();
  for (const repo of byName.values()) {
    for (const issue of repo.issues.values()) {
      const first = issue.events.find((event) => event.kind === 'transferred');
      const origin = first?.kind === 'transferred' ? byName.get(first.from.repository.toLowerCase()) : undefined;
      if (first?.kind !== 'transferred' || origin === undefined) continue;
      birthplaces.set(issue, { repositoryId: origin.repo.id, number: first.from.number });
      transferred.set(`${origin.repo.id}:${first.from.number}`, { repo, issue });
    }
  }

  const repoByFullName = (fullName: string): RepoIndex | undefined => byName.get(fullName.toLowerCase());

  return {
    world,
    repoByName: (owner, name) => byName.get(`${owner}/${name}`.toLowerCase()),
    repoByFullName,
    repoById: (id) => byId.get(id),
    user: (login) => users.get(login.toLowerCase()),
    addUser(actor) {
      world.users[actor.login] = actor;
      users.set(actor.login.toLowerCase(), actor);
      usersById.set(actor.id, actor);
    },
    userById: (id) => usersById.get(id),
    resolveRef(ref) {
      const repo = repoByFullName(ref.repository);
      if (!repo) return undefined;
      const issue = repo.issues.get(ref.number);
      if (issue) return { kind: 'issue', repo, issue };
      const pullRequest = repo.pullRequests.get(ref.number);
      if (pullRequest) return { kind: 'pullRequest', repo, pullRequest };
      return undefined;
    },
    closingPullRequests: (repo, issueNumber) => closersByIssue().get(refKey(repo.fullName, issueNumber)) ?? [],
    milestoneIssueCounts(repo, milestoneNumber) {
      let counts = milestoneCounts.get(repo);
      if (!counts) {
        counts = new Map();
        for (const issue of repo.repo.issues) {
          if (issue.milestone === null) continue;
          const entry = counts.get(issue.milestone) ?? { open: 0, closed: 0 };
          if (issue.state === 'OPEN') entry.open += 1;
          else entry.closed += 1;
          counts.set(issue.milestone, entry);
        }
        milestoneCounts.set(repo, counts);
      }
      return counts.get(milestoneNumber) ?? { open: 0, closed: 0 };
    },
    issueNodeId(repo, issue) {
      const birthplace = birthplaces.get(issue);
      return birthplace ? nodeId('Issue', birthplace.repositoryId, birthplace.number) : nodeId('Issue', repo.repo.id, issue.number);
    },
    transferredIssue: (repositoryId, number) => transferred.get(`${repositoryId}:${number}`),
  };
}
