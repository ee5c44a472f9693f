/**
 * `npm run bench:suggest`: suggested duplicates over a generated 10,000-request repository.
 * Prints the time taken, the pairs compared against all n(n-1)/2 pairs, and the suggestions
 * found: 10,000 requests should take seconds, not minutes. How good the suggestions are is
 * measured by `suggest-quality.ts`.
 *
 *   npx node scripts/dev/bench/suggest-bench.ts [--items 10000] [--seed 1]
 *
 * The generated world is turned into snapshot items directly (no simulator, no sync): the
 * bench measures the suggestion, not the sync.
 */
import { parseArgs } from 'node:util';
import { parseConfig, type RoadmapConfig } from '../../../src/config/index.ts';
import { buildRequests } from '../../../src/model/build-requests.ts';
import type { Snapshot } from '../../../src/snapshot/read-snapshot.ts';
import { SNAPSHOT_SCHEMA_VERSION, type Actor, type Comment, type IssueItem, type DiscussionItem, type Item, type ItemEvent, type RepositorySnapshot, type Vote } from '../../../src/snapshot/schema.ts';
import { suggestDuplicateRequests } from '../../../src/suggest/suggest-duplicate-requests.ts';
import { generateWorld } from '../demo/generate.ts';
import type { SimActor, SimComment, SimReaction, SimRepository, SimTimelineEvent, SimWorld } from '../github-simulator/store-types.ts';

const VOTE_REACTIONS = new Set(['THUMBS_UP', 'HEART']);
const SYNCED_AT = '2026-11-01T12:00:00Z';

function avatarUrl(actor: SimActor): string {
  return `https://avatars.githubusercontent.com/u/${actor.id}?v=4`;
}

/** Snapshot items (as `npm run sync` would write them) of a generated world, without a sync. */
export function snapshotOfWorld(world: SimWorld): Snapshot {
  const actor = (login: string | null): Actor | null => {
    const user = login === null ? undefined : world.users[login];
    return user ? { login: user.login, type: user.type, avatarUrl: avatarUrl(user) } : null;
  };
  const votes = (reactions: readonly SimReaction[]): Vote[] =>
    reactions
      .filter((reaction) => VOTE_REACTIONS.has(reaction.content))
      .map((reaction) => ({
        login: reaction.user,
        type: reaction.user === null ? null : (world.users[reaction.user]?.type ?? 'User'),
        content: reaction.content,
        createdAt: reaction.createdAt,
      }));
  const comments = (list: readonly SimComment[], url: string): Comment[] =>
    list
      .filter((comment) => !comment.isMinimized)
      .map((comment) => ({
        id: String(comment.id),
        author: actor(comment.author),
        authorAssociation: comment.authorAssociation,
        body: comment.body,
        createdAt: comment.createdAt,
        url: `${url}#issuecomment-${comment.id}`,
      }));
  const event = (simEvent: SimTimelineEvent): ItemEvent[] => {
    switch (simEvent.kind) {
      case 'marked_as_duplicate':
      case 'unmarked_as_duplicate':
        return [{ kind: simEvent.kind, createdAt: simEvent.createdAt, actor: simEvent.actor, canonical: simEvent.canonical }];
      case 'closed':
        return [{ kind: 'closed', createdAt: simEvent.createdAt, actor: simEvent.actor, stateReason: simEvent.stateReason, closer: null }];
      case 'reopened':
        return [{ kind: 'reopened', createdAt: simEvent.createdAt, actor: simEvent.actor }];
      case 'labeled':
      case 'unlabeled':
        return [{ kind: simEvent.kind, createdAt: simEvent.createdAt, actor: simEvent.actor, label: simEvent.label }];
      case 'milestoned':
      case 'demilestoned':
        return [{ kind: simEvent.kind, createdAt: simEvent.createdAt, actor: simEvent.actor, milestoneTitle: simEvent.milestoneTitle }];
      default:
        // Renames and transfers are not part of the snapshot's events.
        return [];
    }
  };

  const repositories: RepositorySnapshot[] = [];
  const items: Item[] = [];
  for (const repository of world.repositories) {
    const name = `${repository.owner}/${repository.name}`;
    repositories.push(repositorySnapshot(repository, name));
    for (const issue of repository.issues) {
      const url = `https://github.com/${name}/issues/${issue.number}`;
      const item: IssueItem = {
        type: 'issue',
        repository: name,
        number: issue.number,
        id: `I_${issue.id}`,
        url,
        title: issue.title,
        body: issue.body,
        author: actor(issue.author),
        authorAssociation: issue.authorAssociation,
        labels: issue.labels,
        locked: issue.locked,
        createdAt: issue.createdAt,
        updatedAt: issue.updatedAt,
        closedAt: issue.closedAt,
        votes: votes(issue.reactions),
        commentCount: issue.comments.length,
        comments: comments(issue.comments, url),
        formerAddresses: [],
        state: issue.state,
        stateReason: issue.stateReason,
        milestone: issue.milestone,
        events: issue.events.flatMap(event),
        closingPullRequests: [],
      };
      items.push(item);
    }
    for (const discussion of repository.discussions) {
      const url = `https://github.com/${name}/discussions/${discussion.number}`;
      const category = repository.discussionCategories.find((candidate) => candidate.slug === discussion.category);
      const item: DiscussionItem = {
        type: 'discussion',
        repository: name,
        number: discussion.number,
        id: `D_${discussion.id}`,
        url,
        title: discussion.title,
        body: discussion.body,
        author: actor(discussion.author),
        authorAssociation: discussion.authorAssociation,
        labels: discussion.labels,
        locked: discussion.locked,
        createdAt: discussion.createdAt,
        updatedAt: discussion.updatedAt,
        closedAt: discussion.closedAt,
        votes: votes(discussion.reactions),
        commentCount: discussion.comments.length,
        comments: comments(discussion.comments, url),
        formerAddresses: [],
        state: discussion.closed ? 'CLOSED' : 'OPEN',
        stateReason: discussion.stateReason,
        category: { name: category?.name ?? discussion.category, slug: discussion.category },
        upvoteCount: discussion.upvoteCount,
      };
      items.push(item);
    }
  }
  items.sort((a, b) => a.repository.localeCompare(b.repository) || a.number - b.number);
  return {
    manifest: { schemaVersion: SNAPSHOT_SCHEMA_VERSION, generator: 'open-roadmap', syncedAt: SYNCED_AT, apiUrl: 'generated world', sources: [], files: [] },
    repositories,
    items,
  };
}

function repositorySnapshot(repository: SimRepository, name: string): RepositorySnapshot {
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    repository: name,
    url: `https://github.com/${name}`,
    description: repository.description,
    isPrivate: repository.isPrivate,
    labels: repository.labels,
    milestones: [],
    releases: [],
  };
}

/** The configuration a project like the bench world's would have: enhancement issues and `ideas` Discussions. */
export function configForWorld(world: SimWorld): RoadmapConfig {
  return parseConfig({
    site: { title: 'Bench roadmap' },
    sources: world.repositories.map((repository) => ({
      repo: `${repository.owner}/${repository.name}`,
      issues: { labels: ['enhancement'] },
      discussions: { categories: ['ideas'] },
    })),
  });
}

function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(2)} s`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { items: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' } } });
  const items = Number(values.items);
  const seed = Number(values.seed);

  let started = performance.now();
  const { world } = generateWorld({ preset: 'bench', items, seed });
  const snapshot = snapshotOfWorld(world);
  const config = configForWorld(world);
  const requests = buildRequests(snapshot, config);
  const preparation = performance.now() - started;

  started = performance.now();
  const { suggestions, stats } = suggestDuplicateRequests(requests, snapshot.items);
  const suggestion = performance.now() - started;
  const memory = process.memoryUsage().heapUsed / 1024 / 1024;

  const share = stats.allPairs === 0 ? 0 : (100 * stats.comparedPairs) / stats.allPairs;
  const lines = [
    `Suggested duplicates over a generated world (${items} items, seed ${seed})`,
    `  world, snapshot items and model:  ${seconds(preparation)}`,
    `  suggestion:                       ${seconds(suggestion)}`,
    `  requests compared:                ${stats.documents}`,
    `  pairs scored:                     ${stats.comparedPairs.toLocaleString('en')} of ${stats.allPairs.toLocaleString('en')} (${share.toFixed(2)} %)`,
    `  posting entries visited:          ${stats.postingsVisited.toLocaleString('en')} (terms cut to the ${stats.maxPostings} requests they weigh most in: ${stats.cutTerms})`,
    `  left out as look-alikes:          series ${stats.notDuplicates.series}, different series ${stats.notDuplicates['different-series']}, ` +
      `different names ${stats.notDuplicates['different-names']}, documentation and feature ${stats.notDuplicates['documentation-and-feature']}`,
    `  suggestions:                      ${suggestions.length}`,
    `  heap used:                        ${memory.toFixed(0)} MB`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (import.meta.main) await main();
