import type { SimMilestone, SimPullRequest, SimRelease, SimWorld } from '../github-simulator/store-types.ts';
import { BENCH_COMMENTS, benchText } from './bench-templates.ts';
import { DAY, HOUR, MINUTE, NOW, growingTime, iso, timeBetween } from './clock.ts';
import type { GroundTruth, MarkedDuplicate, Ref, ShippedRequest, TruthRequest } from './ground-truth.ts';
import { createWorldIds } from './ids.ts';
import {
  addComment,
  addLabel,
  closeIssue,
  finishDiscussion,
  finishIssue,
  markDuplicate,
  startDiscussion,
  startIssue,
  type DraftComment,
} from './item-builder.ts';
import { LABEL, areaLabel, projectLabels } from './labels.ts';
import { createCast, toSimUsers, type Person } from './people.ts';
import { createRandom, must, type Random } from './random.ts';
import { createSlotRegistry, refOf, type Slot } from './slots.ts';
import { addReactions, addVoteReactions, recentBurst } from './votes.ts';
import { emptyRepository } from './world-builder.ts';

/**
 * The bench world: one large repository, `bench/big`, with `items` requests (80% enhancement
 * issues, 20% `ideas` Discussions) and realistic distributions, for measuring the sync, the
 * snapshot and the site at 10,000 or 100,000 items. Bodies are short; variety comes from
 * combinatorial titles.
 */

export const BENCH_REPOSITORY = 'bench/big';
export const BENCH_PRIVATE_REPOSITORY = 'bench/private';
const START = NOW - 3 * 365 * DAY;

const RELEASE_TAGS = ['v0.8.0', 'v0.9.0', 'v1.0.0', 'v1.1.0', 'v1.2.0', 'v2.0.0-rc.1'] as const;

interface BenchItem {
  slot: Slot;
  kind: 'issue' | 'discussion';
}

/** Half get no vote; the rest follow a power law with a few above a hundred. */
function benchVotes(random: Random): number {
  if (random.chance(0.5)) return 0;
  return Math.min(400, Math.floor(random.pareto(1, 1.3)));
}

function addShortComments(random: Random, target: { comments: DraftComment[] }, people: readonly Person[], maintainers: readonly Person[], from: number, until: number): void {
  if (!random.chance(0.6)) return;
  const count = 1 + Math.floor(-Math.log(1 - random.next()) * 2);
  for (let index = 0; index < count; index++) {
    const byMaintainer = random.chance(0.15);
    addComment(target, {
      author: byMaintainer ? random.pick(maintainers) : random.chance(0.02) ? null : random.pick(people),
      body: random.pick(BENCH_COMMENTS),
      at: timeBetween(random, from + MINUTE, Math.max(from + MINUTE, until)),
    });
  }
}

export function generateBenchWorld(seed: number, items: number): { world: SimWorld; truth: GroundTruth } {
  const random = createRandom(`bench:${seed}:${items}`);
  const participantCount = Math.max(200, Math.round(items / 5));
  const cast = createCast(random.fork('cast'), {
    organization: 'bench',
    maintainers: [
      ['bench-owner', 'OWNER'],
      ['bench-maintainer', 'MEMBER'],
      ['bench-triager', 'COLLABORATOR'],
    ],
    participants: participantCount,
    contributors: 30,
    voters: Math.max(500, Math.round(items / 4)),
    mannequin: 'bench-imported',
  });
  const ids = createWorldIds(random.fork('ids'), cast.everyone.length);
  const slots = createSlotRegistry();
  const planRandom = random.fork('plan');

  const discussionCount = Math.round(items * 0.2);
  const benchItems: BenchItem[] = [];
  for (let index = 0; index < items; index++) {
    benchItems.push({
      slot: slots.reserve(BENCH_REPOSITORY, growingTime(planRandom, START, NOW - 6 * HOUR)),
      kind: index < discussionCount ? 'discussion' : 'issue',
    });
  }
  const releaseTimes = RELEASE_TAGS.map((_tag, index) => START + ((index + 1) / (RELEASE_TAGS.length + 0.5)) * (NOW - START));
  const pullSlots = releaseTimes.flatMap((time) => Array.from({ length: 5 }, () => slots.reserve(BENCH_REPOSITORY, time - planRandom.between(2 * DAY, 40 * DAY))));
  slots.assignNumbers();
  benchItems.sort((left, right) => left.slot.number - right.slot.number);

  const repository = emptyRepository(BENCH_REPOSITORY, {
    id: ids.repository.next(),
    description: 'A large generated repository for benchmarks',
    labels: projectLabels(),
    discussionCategories: [
      { id: ids.category.next(), name: 'Ideas', slug: 'ideas', emoji: ':bulb:', description: 'Share ideas for new features' },
      { id: ids.category.next(), name: 'Q&A', slug: 'q-a', emoji: ':pray:', description: 'Ask the community for help' },
    ],
  });

  const milestoneDrafts: Array<[string, number, number | null, boolean]> = [
    ['v1.0.0', START + 30 * DAY, must(releaseTimes[2]), true],
    ['v1.2.0', must(releaseTimes[3]), must(releaseTimes[4]), true],
    ['v2.0.0', must(releaseTimes[4]), NOW + 20 * DAY, false],
    ['v2.1.0', NOW - 60 * DAY, NOW + 100 * DAY, false],
    ['Backlog', START + 10 * DAY, null, false],
  ];
  repository.milestones = milestoneDrafts
    .sort((left, right) => left[1] - right[1])
    .map(([title, createdAt, due, closed], index): SimMilestone => ({
      number: index + 1,
      id: ids.milestone.next(),
      title,
      description: null,
      state: closed ? 'CLOSED' : 'OPEN',
      dueOn: due === null ? null : iso(due),
      createdAt: iso(createdAt),
      updatedAt: iso(closed && due !== null ? due : NOW - DAY),
      closedAt: closed && due !== null ? iso(due) : null,
    }));
  const openMilestones = repository.milestones.filter((milestone) => milestone.state === 'OPEN').map((milestone) => milestone.number);

  const renderRandom = random.fork('render');
  const crowd = { pool: [...cast.voters, ...cast.participants], deletedShare: 0.01 };
  const requests: TruthRequest[] = [];
  const markedDuplicates: MarkedDuplicate[] = [];
  const shipped: ShippedRequest[] = [];
  /** Issues that are not duplicates themselves: duplicates point at one of these, so no chains. */
  const standaloneIssues: Ref[] = [];
  const beforeNow = (time: number): number => Math.min(time, NOW - MINUTE);
  const closedForRelease: Array<{ ref: Ref; at: number }> = [];

  for (const item of benchItems) {
    const random = renderRandom;
    const ref = refOf(item.slot);
    const createdAt = item.slot.createdAt;
    const text = benchText(random);
    const author = random.chance(0.02) ? null : random.pick(cast.participants);
    const votes = benchVotes(random);
    const burst = createdAt < NOW - 20 * DAY && random.chance(0.02) ? recentBurst(random, createdAt) : null;
    const roll = random.next();
    const canonical = standaloneIssues.length > 20 && roll < 0.03 ? random.pick(standaloneIssues.slice(-2000)) : null;

    if (item.kind === 'discussion') {
      const discussion = startDiscussion({ number: ref.number, title: text.title, body: text.body, author, category: 'ideas', createdAt });
      discussion.upvoteCount = votes;
      let end = NOW - MINUTE;
      if (canonical !== null) {
        const at = timeBetween(random, createdAt + HOUR, Math.min(createdAt + 10 * DAY, NOW - MINUTE));
        addComment(discussion, { author: random.pick(cast.maintainers), body: `Duplicate of #${canonical.number}`, at });
        discussion.closed = { at: at + 1000, reason: 'DUPLICATE' };
        markedDuplicates.push({ duplicate: ref, canonical, how: 'discussion', target: canonical });
        end = at;
      } else if (roll < 0.08) {
        end = beforeNow(timeBetween(random, createdAt + DAY, NOW - MINUTE));
        discussion.closed = { at: end, reason: random.chance(0.5) ? 'RESOLVED' : 'OUTDATED' };
      }
      addReactions(random, discussion.reactions, 'THUMBS_UP', Math.floor(votes / 4), crowd, { from: createdAt, until: NOW - MINUTE, burst });
      addShortComments(random, discussion, cast.participants, cast.maintainers, createdAt, end);
      repository.discussions.push(finishDiscussion(discussion, ids));
      requests.push({ ref, type: 'discussion', canonical: canonical ?? ref });
      continue;
    }

    const issue = startIssue({ number: ref.number, title: text.title, body: text.body, author, createdAt });
    addLabel(issue, LABEL.enhancement, author, createdAt);
    const maintainer = random.pick(cast.maintainers);
    const triagedAt = timeBetween(random, createdAt + HOUR, Math.min(createdAt + 30 * DAY, NOW - 2 * HOUR));
    if (random.chance(0.1)) addLabel(issue, areaLabel(text.area), maintainer, triagedAt);
    let end = NOW - MINUTE;
    let shippedClose = false;
    if (canonical !== null) {
      const at = timeBetween(random, createdAt + HOUR, Math.min(createdAt + 10 * DAY, NOW - MINUTE));
      const withComment = random.chance(0.7);
      if (withComment) addComment(issue, { author: maintainer, body: `Duplicate of #${canonical.number}`, at });
      markDuplicate(issue, canonical, maintainer, at + 1000);
      closeIssue(issue, { actor: maintainer, at: at + 2000, reason: 'DUPLICATE' });
      markedDuplicates.push({ duplicate: ref, canonical, how: withComment ? 'comment+event' : 'state-reason', target: canonical });
      end = at;
    } else if (roll < 0.11) {
      end = beforeNow(timeBetween(random, createdAt + DAY, NOW - MINUTE));
      closeIssue(issue, { actor: maintainer, at: end, reason: 'COMPLETED' });
      if (random.chance(0.5)) addLabel(issue, LABEL.shipped, maintainer, end);
      shippedClose = true;
    } else if (roll < 0.15) {
      end = beforeNow(timeBetween(random, createdAt + DAY, NOW - MINUTE));
      closeIssue(issue, { actor: maintainer, at: end, reason: 'NOT_PLANNED' });
      if (random.chance(0.5)) addLabel(issue, LABEL.declined, maintainer, end);
    } else if (roll < 0.2) {
      addLabel(issue, random.pick([LABEL.underReview, LABEL.planned, LABEL.inProgress]), maintainer, triagedAt);
      if (random.chance(0.4) && openMilestones.length > 0) issue.milestone = random.pick(openMilestones);
    }
    addVoteReactions(random, issue.reactions, votes, crowd, { from: createdAt, until: NOW - MINUTE, burst }, { shipped: shippedClose, controversial: false });
    addShortComments(random, issue, cast.participants, cast.maintainers, createdAt, end);
    repository.issues.push(finishIssue(issue, ids));
    requests.push({ ref, type: 'issue', canonical: canonical ?? ref });
    if (canonical === null) standaloneIssues.push(ref);
    if (shippedClose) closedForRelease.push({ ref, at: end });
  }

  // Releases list a few of the requests closed before them.
  let pullIndex = 0;
  let previous = START;
  RELEASE_TAGS.forEach((tag, index) => {
    const publishedAt = must(releaseTimes[index]);
    const window = closedForRelease.filter((entry) => entry.at > previous && entry.at < publishedAt);
    const listed = random.sample(window, Math.min(12, window.length)).sort((left, right) => left.ref.number - right.ref.number);
    for (const entry of listed) shipped.push({ ref: entry.ref, release: tag, via: 'release-notes' });
    const pulls: SimPullRequest[] = [];
    for (let count = 0; count < 5; count++) {
      const slot = must(pullSlots[pullIndex++]);
      const mergedAt = Math.min(publishedAt - HOUR, slot.createdAt + random.between(HOUR, 5 * DAY));
      pulls.push({
        number: slot.number,
        id: ids.pullRequest.next(),
        title: `fix: ${benchText(random).title.toLowerCase()}`,
        author: random.pick(cast.contributors).login,
        state: 'MERGED',
        createdAt: iso(slot.createdAt),
        mergedAt: iso(mergedAt),
        mergeCommit: random.hex(40),
        closes: [],
      });
    }
    repository.pullRequests.push(...pulls);
    const release: SimRelease = {
      id: ids.release.next(),
      tagName: tag,
      name: tag,
      body: [
        "## What's Changed",
        '',
        ...pulls.map((pull) => `* ${pull.title} by @${pull.author ?? 'ghost'} in https://github.com/${BENCH_REPOSITORY}/pull/${pull.number}`),
        '',
        ...listed.map((entry) => `Closes #${entry.ref.number}`),
        '',
        `**Full Changelog**: https://github.com/${BENCH_REPOSITORY}/compare/${index === 0 ? tag : `${RELEASE_TAGS[index - 1]}...${tag}`}`,
      ].join('\n'),
      author: must(cast.maintainers[0]).login,
      isDraft: false,
      isPrerelease: tag.includes('-'),
      createdAt: iso(publishedAt - 10 * MINUTE),
      publishedAt: iso(publishedAt),
      tagCommit: random.hex(40),
    };
    repository.releases.push(release);
    previous = publishedAt;
  });
  repository.pullRequests.sort((left, right) => left.number - right.number);
  repository.releases.reverse();

  const hidden = emptyRepository(BENCH_PRIVATE_REPOSITORY, {
    id: ids.repository.next(),
    description: 'Never published',
    isPrivate: true,
    labels: projectLabels(),
    issues: [1, 2].map((number) => {
      const issue = startIssue({
        number,
        title: number === 1 ? 'Internal: rotate signing keys' : 'Internal: audit access tokens',
        body: 'Private.',
        author: must(cast.maintainers[0]),
        createdAt: NOW - (40 - number) * DAY,
      });
      addLabel(issue, LABEL.enhancement, must(cast.maintainers[0]), NOW - (40 - number) * DAY);
      return finishIssue(issue, ids);
    }),
  });

  const world: SimWorld = { users: toSimUsers(cast.everyone, ids.user), repositories: [repository, hidden] };
  const truth: GroundTruth = {
    preset: 'bench',
    seed,
    now: iso(NOW),
    requests,
    markedDuplicates,
    unmarkedDuplicates: [],
    repeatVoter: null,
    hostile: [],
    hostileReleases: [],
    privateRepository: BENCH_PRIVATE_REPOSITORY,
    draftReleases: [],
    shipped,
    histories: [],
  };
  return { world, truth };
}
