import type { SimComment, SimReaction, SimRepository, SimWorld } from '../github-simulator/store-types.ts';
import { NOW } from './clock.ts';

/**
 * Checks the invariants GitHub itself guarantees and every consumer of a world relies on: known
 * accounts, unique ids and numbers, times in order and in the past, state consistent with the
 * timeline, labels and milestones that exist. Returns human-readable violations (empty when the
 * world is sound).
 */

const GITHUB_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const SHA = /^[0-9a-f]{40}$/;
const MAX_VIOLATIONS = 200;

export function checkWorld(world: SimWorld): string[] {
  const violations: string[] = [];
  const fail = (message: string): void => {
    if (violations.length < MAX_VIOLATIONS) violations.push(message);
  };

  // Accounts.
  const loginsSeen = new Set<string>();
  const userIds = new Set<number>();
  for (const [key, actor] of Object.entries(world.users)) {
    if (key !== actor.login) fail(`users["${key}"] has login "${actor.login}"`);
    if (loginsSeen.has(key.toLowerCase())) fail(`login ${key} is listed twice (logins are case-insensitive)`);
    loginsSeen.add(key.toLowerCase());
    if (userIds.has(actor.id)) fail(`user id ${actor.id} is used twice`);
    userIds.add(actor.id);
    if (key.endsWith('[bot]') !== (actor.type === 'Bot')) fail(`${key} has type ${actor.type}`);
  }
  const knownLogin = (login: string | null, where: string): void => {
    if (login !== null && world.users[login] === undefined) fail(`${where}: unknown account "${login}"`);
  };

  const time = (value: string, where: string): number => {
    if (!GITHUB_TIME.test(value)) fail(`${where}: "${value}" is not a GitHub timestamp`);
    const parsed = Date.parse(value);
    if (parsed > NOW) fail(`${where}: ${value} is after the world's "now"`);
    return parsed;
  };

  const ids = { issue: new Set<number>(), discussion: new Set<number>(), comment: new Set<number>(), event: new Set<number>(), pull: new Set<number>(), release: new Set<number>(), milestone: new Set<number>() };
  const unique = (kind: keyof typeof ids, id: number, where: string): void => {
    if (ids[kind].has(id)) fail(`${where}: ${kind} id ${id} is used twice`);
    ids[kind].add(id);
  };

  const reactions = (list: SimReaction[], notBefore: number, where: string): void => {
    const seen = new Set<string>();
    for (const reaction of list) {
      knownLogin(reaction.user, `${where} reaction`);
      if (time(reaction.createdAt, `${where} reaction`) < notBefore) fail(`${where}: a reaction predates its subject`);
      if (reaction.user === null) continue;
      const key = `${reaction.content}:${reaction.user}`;
      if (seen.has(key)) fail(`${where}: ${reaction.user} reacted ${reaction.content} twice`);
      seen.add(key);
    }
  };

  const comments = (list: SimComment[], notBefore: number, where: string): number => {
    let latest = 0;
    for (const comment of list) {
      const at = `${where} comment ${comment.id}`;
      unique('comment', comment.id, at);
      knownLogin(comment.author, at);
      const created = time(comment.createdAt, at);
      const updated = time(comment.updatedAt, at);
      if (created < notBefore) fail(`${at}: written before its item`);
      if (updated < created) fail(`${at}: updatedAt before createdAt`);
      if (comment.isMinimized !== (comment.minimizedReason !== null)) fail(`${at}: isMinimized disagrees with minimizedReason`);
      if (comment.author === null && comment.authorAssociation !== 'NONE') fail(`${at}: deleted author with association ${comment.authorAssociation}`);
      reactions(comment.reactions, created, at);
      latest = Math.max(latest, created, updated);
    }
    return latest;
  };

  const repositoriesByName = new Map<string, SimRepository>(world.repositories.map((repository) => [`${repository.owner}/${repository.name}`, repository]));

  for (const repository of world.repositories) {
    const name = `${repository.owner}/${repository.name}`;
    knownLogin(repository.owner, name);
    const labelNames = new Set<string>();
    for (const label of repository.labels) {
      if (labelNames.has(label.name.toLowerCase())) fail(`${name}: label "${label.name}" defined twice`);
      labelNames.add(label.name.toLowerCase());
      if (!/^[0-9a-f]{6}$/i.test(label.color)) fail(`${name}: label "${label.name}" has colour "${label.color}"`);
    }
    const labelExists = (label: string, where: string): void => {
      if (!labelNames.has(label.toLowerCase())) fail(`${where}: label "${label}" does not exist in ${name}`);
    };
    const milestoneNumbers = new Set<number>();
    for (const milestone of repository.milestones) {
      const where = `${name} milestone ${milestone.title}`;
      unique('milestone', milestone.id, where);
      if (milestoneNumbers.has(milestone.number)) fail(`${where}: number ${milestone.number} used twice`);
      milestoneNumbers.add(milestone.number);
      if ((milestone.state === 'CLOSED') !== (milestone.closedAt !== null)) fail(`${where}: closedAt disagrees with state`);
      if (time(milestone.updatedAt, where) < time(milestone.createdAt, where)) fail(`${where}: updatedAt before createdAt`);
      if (milestone.closedAt !== null) time(milestone.closedAt, where);
    }
    const categories = new Set(repository.discussionCategories.map((category) => category.slug));
    const numbers = new Set<number>();
    const claimNumber = (number: number, where: string): void => {
      if (numbers.has(number)) fail(`${where}: number ${number} is taken twice in ${name}`);
      numbers.add(number);
    };

    for (const pull of repository.pullRequests) {
      const where = `${name}#${pull.number} (pull request)`;
      claimNumber(pull.number, where);
      unique('pull', pull.id, where);
      knownLogin(pull.author, where);
      const created = time(pull.createdAt, where);
      const merged = pull.state === 'MERGED';
      if (merged !== (pull.mergedAt !== null) || merged !== (pull.mergeCommit !== null)) fail(`${where}: merge fields disagree with state ${pull.state}`);
      if (pull.mergedAt !== null && time(pull.mergedAt, where) < created) fail(`${where}: merged before it was opened`);
      if (pull.mergeCommit !== null && !SHA.test(pull.mergeCommit)) fail(`${where}: merge commit "${pull.mergeCommit}"`);
      for (const ref of pull.closes) {
        const target = repositoriesByName.get(ref.repository)?.issues.find((issue) => issue.number === ref.number);
        if (target === undefined) fail(`${where}: closes ${ref.repository}#${ref.number}, which is not an issue`);
      }
    }

    for (const issue of repository.issues) {
      const where = `${name}#${issue.number}`;
      claimNumber(issue.number, where);
      unique('issue', issue.id, where);
      knownLogin(issue.author, where);
      if (issue.author === null && issue.authorAssociation !== 'NONE') fail(`${where}: deleted author with association ${issue.authorAssociation}`);
      const created = time(issue.createdAt, where);
      const updated = time(issue.updatedAt, where);
      if (updated < created) fail(`${where}: updatedAt before createdAt`);
      for (const label of issue.labels) labelExists(label, where);
      if (issue.milestone !== null && !milestoneNumbers.has(issue.milestone)) fail(`${where}: milestone ${issue.milestone} does not exist`);
      reactions(issue.reactions, created, where);
      const latestComment = comments(issue.comments, created, where);
      if (latestComment > updated) fail(`${where}: updatedAt is older than a comment`);

      let state: 'OPEN' | 'CLOSED' = 'OPEN';
      let reason: string | null = null;
      let closedAt: string | null = null;
      let renamedTo: string | null = null;
      const labels = new Set<string>();
      let previous = created;
      for (const event of issue.events) {
        const at = `${where} ${event.kind} event ${event.id}`;
        unique('event', event.id, at);
        knownLogin(event.actor, at);
        const eventTime = time(event.createdAt, at);
        if (eventTime < previous) fail(`${at}: events are not in chronological order`);
        previous = eventTime;
        if (eventTime > updated) fail(`${at}: after the issue's updatedAt`);
        switch (event.kind) {
          case 'labeled':
            labelExists(event.label, at);
            if (labels.has(event.label)) fail(`${at}: "${event.label}" added while present`);
            labels.add(event.label);
            break;
          case 'unlabeled':
            if (!labels.has(event.label)) fail(`${at}: "${event.label}" removed while absent`);
            labels.delete(event.label);
            break;
          case 'closed': {
            if (state === 'CLOSED') fail(`${at}: closed while closed`);
            state = 'CLOSED';
            reason = event.stateReason;
            closedAt = event.createdAt;
            if (event.closer !== null) {
              const closer = repositoriesByName.get(event.closer.repository)?.pullRequests.find((pull) => pull.number === event.closer?.number);
              if (closer === undefined) fail(`${at}: closer ${event.closer.repository}#${event.closer.number} is not a pull request`);
              else if (closer.mergedAt !== event.createdAt) fail(`${at}: closed at ${event.createdAt} but its closer merged at ${closer.mergedAt}`);
              else if (!closer.closes.some((ref) => ref.repository === name && ref.number === issue.number)) fail(`${at}: closer does not list the issue in closes`);
            }
            break;
          }
          case 'reopened':
            if (state === 'OPEN') fail(`${at}: reopened while open`);
            state = 'OPEN';
            reason = 'REOPENED';
            closedAt = null;
            break;
          case 'renamed':
            if (event.previousTitle === event.currentTitle) fail(`${at}: renamed to the same title`);
            renamedTo = event.currentTitle;
            break;
          case 'transferred':
            if (event.from.repository === name) fail(`${at}: transferred from its own repository`);
            if (repositoriesByName.get(event.from.repository)?.issues.some((other) => other.number === event.from.number)) {
              fail(`${at}: its old number ${event.from.repository}#${event.from.number} is in use`);
            }
            break;
          case 'marked_as_duplicate':
          case 'unmarked_as_duplicate':
          case 'milestoned':
          case 'demilestoned':
            break;
        }
      }
      if (state !== issue.state) fail(`${where}: state ${issue.state} but the timeline ends ${state}`);
      if (reason !== issue.stateReason) fail(`${where}: stateReason ${issue.stateReason} but the timeline says ${reason}`);
      if (closedAt !== issue.closedAt) fail(`${where}: closedAt ${issue.closedAt} but the timeline says ${closedAt}`);
      if (renamedTo !== null && renamedTo !== issue.title) fail(`${where}: title "${issue.title}" but it was last renamed to "${renamedTo}"`);
      const finalLabels = new Set(issue.labels);
      if (finalLabels.size !== labels.size || [...labels].some((label) => !finalLabels.has(label))) {
        fail(`${where}: labels [${issue.labels.join(', ')}] but the timeline gives [${[...labels].join(', ')}]`);
      }
    }

    for (const discussion of repository.discussions) {
      const where = `${name}#${discussion.number} (discussion)`;
      claimNumber(discussion.number, where);
      unique('discussion', discussion.id, where);
      knownLogin(discussion.author, where);
      if (!categories.has(discussion.category)) fail(`${where}: category "${discussion.category}" does not exist`);
      for (const label of discussion.labels) labelExists(label, where);
      const created = time(discussion.createdAt, where);
      const updated = time(discussion.updatedAt, where);
      if (updated < created) fail(`${where}: updatedAt before createdAt`);
      if (discussion.closed !== (discussion.closedAt !== null)) fail(`${where}: closedAt disagrees with closed`);
      if (discussion.closedAt !== null && time(discussion.closedAt, where) > updated) fail(`${where}: closed after updatedAt`);
      if (!discussion.closed && discussion.stateReason !== null && discussion.stateReason !== 'REOPENED') fail(`${where}: open with stateReason ${discussion.stateReason}`);
      if (discussion.closed && (discussion.stateReason === null || discussion.stateReason === 'REOPENED')) fail(`${where}: closed with stateReason ${discussion.stateReason}`);
      reactions(discussion.reactions, created, where);
      if (comments(discussion.comments, created, where) > updated) fail(`${where}: updatedAt is older than a comment`);
    }

    const tags = new Set<string>();
    for (const release of repository.releases) {
      const where = `${name} release ${release.tagName}`;
      unique('release', release.id, where);
      knownLogin(release.author, where);
      if (tags.has(release.tagName)) fail(`${where}: tag used twice`);
      tags.add(release.tagName);
      if (release.isDraft !== (release.publishedAt === null)) fail(`${where}: isDraft disagrees with publishedAt`);
      const created = time(release.createdAt, where);
      if (release.publishedAt !== null && time(release.publishedAt, where) < created) fail(`${where}: published before created`);
      if (!SHA.test(release.tagCommit)) fail(`${where}: tag commit "${release.tagCommit}"`);
    }
  }
  return violations;
}
