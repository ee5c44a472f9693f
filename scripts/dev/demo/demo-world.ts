import type { SimDiscussionCategory, SimWorld } from '../github-simulator/store-types.ts';
import { NOW, iso } from './clock.ts';
import { planOtherIssues, renderOtherIssue, renderQuestionDiscussion } from './demo-other-issues.ts';
import { plantHistories } from './demo-histories.ts';
import { planRef, targetRef, type RequestPlan } from './demo-plan.ts';
import { buildPrivateItems } from './demo-private-repository.ts';
import { DOCS_REPOSITORY, DRAFT_RELEASE, MAINTAINERS, MAIN_REPOSITORY, ORGANIZATION, PRIVATE_REPOSITORY } from './demo-project.ts';
import { HOSTILE_RELEASE_TAG, buildMilestones, buildReleases, renderPullRequest } from './demo-releases.ts';
import { plantHostilePayloads } from './demo-hostile.ts';
import { buildRoadmapProject } from './demo-roadmap-project.ts';
import { renderRequestDiscussion, renderRequestIssue, type RenderContext } from './demo-render-requests.ts';
import { planDemoRequests } from './demo-requests.ts';
import type { GroundTruth, MarkedDuplicate, Ref } from './ground-truth.ts';
import { createWorldIds, type WorldIds } from './ids.ts';
import { documentationLabels, projectLabels } from './labels.ts';
import { createCast, toSimUsers } from './people.ts';
import { createRandom } from './random.ts';
import { createSlotRegistry, type Slot } from './slots.ts';
import { emptyRepository } from './world-builder.ts';

/**
 * The demo world: Lumen, a believable open-source static site generator, with its docs
 * repository and a private repository that must never leak. See `demo-requests.ts` for what is
 * asked, `demo-releases.ts` for what shipped, and `ground-truth.ts` for what tests can rely on.
 */

function categories(ids: WorldIds, slugs: readonly string[]): SimDiscussionCategory[] {
  const all: SimDiscussionCategory[] = [
    { id: 0, name: 'Announcements', slug: 'announcements', emoji: ':mega:', description: 'Updates from the maintainers' },
    { id: 0, name: 'General', slug: 'general', emoji: ':speech_balloon:', description: 'Chat about anything and everything here' },
    { id: 0, name: 'Ideas', slug: 'ideas', emoji: ':bulb:', description: 'Share ideas for new features' },
    { id: 0, name: 'Q&A', slug: 'q-a', emoji: ':pray:', description: 'Ask the community for help' },
    { id: 0, name: 'Show and tell', slug: 'show-and-tell', emoji: ':raised_hands:', description: 'Show off something you have made' },
  ];
  return all.filter((category) => slugs.includes(category.slug)).map((category) => ({ ...category, id: ids.category.next() }));
}

function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Follows duplicate markings the way a careful resolver should: ignore self-references, unknown
 * and private targets and markings that were undone; in a cycle the earliest-created item wins.
 */
function resolveCanonical(plan: RequestPlan): RequestPlan {
  const path: RequestPlan[] = [];
  let current = plan;
  for (;;) {
    const marking = current.marking;
    const followable =
      marking !== null &&
      'plan' in marking.target &&
      marking.target.plan !== current &&
      !marking.expression.undone &&
      marking.how !== 'self';
    if (!followable || !('plan' in marking.target)) return current;
    path.push(current);
    const next = marking.target.plan;
    const loopStart = path.indexOf(next);
    if (loopStart >= 0) {
      const cycle = path.slice(loopStart);
      return cycle.reduce((earliest, member) => (member.slot.createdAt < earliest.slot.createdAt ? member : earliest));
    }
    current = next;
  }
}

export function generateDemoWorld(seed: number): { world: SimWorld; truth: GroundTruth } {
  const random = createRandom(`demo:${seed}`);
  const cast = createCast(random.fork('cast'), {
    organization: ORGANIZATION,
    maintainers: MAINTAINERS,
    participants: 146,
    contributors: 22,
    voters: 360,
    mannequin: 'hgreaves-legacy',
  });
  const ids = createWorldIds(random.fork('ids'), cast.everyone.length);
  const slots = createSlotRegistry();

  const requests = planDemoRequests(random.fork('requests'), cast, slots);
  const untouchable = new Set<RequestPlan>([...requests.unmarkedPairs.flat(), requests.repeatVoter.canonical]);
  const hostile = plantHostilePayloads(random.fork('hostile'), requests.main, untouchable);
  const others = planOtherIssues(random.fork('others'), cast, slots);
  slots.assignNumbers();

  const unknownTarget = requests.main.find((plan) => plan.marking?.how === 'unknown-target')?.marking;
  if (unknownTarget !== undefined && unknownTarget !== null && targetRef(unknownTarget).number <= slots.highestNumber(MAIN_REPOSITORY)) {
    throw new Error('the "unknown" duplicate target exists; raise it');
  }

  const allSlots: Slot[] = [
    ...requests.main.map((plan) => plan.slot),
    ...requests.docs.map((plan) => plan.slot),
    ...others.issues.map((plan) => plan.slot),
  ].sort((left, right) => left.createdAt - right.createdAt);
  const milestones = buildMilestones(random.fork('milestones'), ids);
  const renderRandom = random.fork('render');
  const context: RenderContext = {
    random: renderRandom,
    cast,
    ids,
    milestoneNumber(repository, title) {
      if (repository !== MAIN_REPOSITORY) throw new Error(`${repository} has no milestones`);
      return milestones.numberOf(title);
    },
    earlierNumbers(repository, time, count) {
      if (count <= 0) return [];
      const earlier = allSlots.filter((slot) => slot.repository === repository && slot.createdAt < time);
      return renderRandom.sample(earlier.slice(-60), count).map((slot) => slot.number);
    },
    voters: [...cast.voters, ...cast.participants, ...cast.maintainers],
  };

  const main = emptyRepository(MAIN_REPOSITORY, { id: ids.repository.next(), description: 'Lumen, a fast static site generator' });
  const docs = emptyRepository(DOCS_REPOSITORY, { id: ids.repository.next(), description: 'Documentation for Lumen — https://lumen.dev/docs' });
  const internal = emptyRepository(PRIVATE_REPOSITORY, { id: ids.repository.next(), description: 'Private maintainer coordination for Lumen', isPrivate: true });

  main.labels = projectLabels();
  main.milestones = milestones.list;
  main.discussionCategories = categories(ids, ['announcements', 'general', 'ideas', 'q-a', 'show-and-tell']);
  docs.labels = documentationLabels();
  internal.labels = projectLabels();
  internal.discussionCategories = categories(ids, ['ideas']);

  const byNumber = <T extends { number: number }>(items: T[]): T[] => items.sort((left, right) => left.number - right.number);
  for (const plan of [...requests.main, ...requests.docs]) {
    const repository = plan.slot.repository === DOCS_REPOSITORY ? docs : main;
    if (plan.kind === 'issue') repository.issues.push(renderRequestIssue(context, plan));
    else repository.discussions.push(renderRequestDiscussion(context, plan));
  }
  for (const plan of others.issues) main.issues.push(renderOtherIssue(context, plan));
  for (const plan of others.questions) main.discussions.push(renderQuestionDiscussion(context, plan));
  const pulls = [...requests.pulls, ...others.pulls];
  for (const pull of pulls) (pull.slot.repository === DOCS_REPOSITORY ? docs : main).pullRequests.push(renderPullRequest(pull, ids));
  main.releases = buildReleases(random.fork('releases'), ids, cast, pulls, requests.main);
  const privateItems = buildPrivateItems({ ...context, random: random.fork('private') });
  internal.issues = privateItems.issues;
  internal.discussions = privateItems.discussions;
  for (const repository of [main, docs, internal]) {
    byNumber(repository.issues);
    byNumber(repository.discussions);
    byNumber(repository.pullRequests);
  }

  const world: SimWorld = { users: toSimUsers(cast.everyone, ids.user), repositories: [main, docs, internal] };
  world.projects = [buildRoadmapProject(random.fork('roadmap-project'), world)];

  const allRequests = [...requests.main, ...requests.docs];
  const markedDuplicates: MarkedDuplicate[] = allRequests
    .filter((plan) => plan.marking !== null)
    .map((plan) => ({
      duplicate: planRef(plan),
      canonical: planRef(resolveCanonical(plan)),
      how: plan.marking?.how ?? 'unmarked',
      target: plan.marking === null ? planRef(plan) : targetRef(plan.marking),
    }));
  const hostileRefs: Ref[] = [
    ...hostile.map(planRef),
    ...others.issues.filter((plan) => plan.hostileComment.length > 0).map(planRef),
    ...privateItems.hostileNumbers.map((number) => ({ repository: PRIVATE_REPOSITORY, number })),
  ];
  const truth: GroundTruth = {
    preset: 'demo',
    seed,
    now: iso(NOW),
    requests: allRequests
      .map((plan) => ({ ref: planRef(plan), type: plan.kind, canonical: planRef(resolveCanonical(plan)) }))
      .sort((left, right) => compareText(left.ref.repository, right.ref.repository) || left.ref.number - right.ref.number),
    markedDuplicates,
    unmarkedDuplicates: requests.unmarkedPairs.map(([original, copy]) => [planRef(original), planRef(copy)]),
    repeatVoter: {
      login: requests.repeatVoter.voter.login,
      canonical: planRef(requests.repeatVoter.canonical),
      votedOn: requests.repeatVoter.votedOn.map(planRef),
    },
    hostile: hostileRefs,
    hostileReleases: [{ repository: MAIN_REPOSITORY, tagName: HOSTILE_RELEASE_TAG }],
    privateRepository: PRIVATE_REPOSITORY,
    draftReleases: [{ repository: MAIN_REPOSITORY, tagName: DRAFT_RELEASE.tag }],
    shipped: requests.main.flatMap((plan) =>
      plan.fate.kind === 'shipped' ? [{ ref: planRef(plan), release: plan.fate.release.tag, via: plan.fate.via }] : [],
    ),
    histories: [],
  };
  return { world, truth };
}

/**
 * The demo world with the histories real projects accumulate (`demo-histories.ts`) planted after
 * its own items: reopened and re-shipped requests, late closes, moved milestones, leftover and
 * piled-up status labels, renames, a transfer and a duplicate that was not one.
 */
export function generateHistoriesWorld(seed: number): { world: SimWorld; truth: GroundTruth } {
  const { world, truth } = generateDemoWorld(seed);
  const planted = plantHistories(createRandom(`histories:${seed}`), world);
  const requests = [...truth.requests, ...planted.map((entry) => ({ ref: entry.ref, type: 'issue' as const, canonical: entry.ref }))].sort(
    (left, right) => compareText(left.ref.repository, right.ref.repository) || left.ref.number - right.ref.number,
  );
  return {
    world,
    truth: {
      ...truth,
      preset: 'histories',
      requests,
      shipped: [...truth.shipped, ...planted.flatMap((entry) => (entry.shippedIn === null ? [] : [entry.shippedIn]))],
      histories: planted.map((entry) => ({ kind: entry.kind, ref: entry.ref })),
    },
  };
}
