import { DAY, HOUR, MINUTE, NOW } from './clock.ts';
import { hostileBody, type BodyPayloadKind } from './hostile-payloads.ts';
import { addComment, react, type DraftComment } from './item-builder.ts';
import type { Cast, Person } from './people.ts';
import type { Random } from './random.ts';
import {
  BUG_CONFIRMATIONS,
  CONTRIBUTOR_OFFERS,
  MAINTAINER_ANSWERS,
  MAINTAINER_BUG_REPLIES,
  MAINTAINER_TRIAGE,
  QUESTION_REPLIES,
  NOT_STALE_REPLIES,
  PING_COMMENTS,
  SITE_KINDS,
  SPAM_BODY,
  STALE_BOT_COMMENT,
  SUPPORT_COMMENTS,
  WORKAROUND_COMMENTS,
  fill,
} from './vocabulary.ts';

/**
 * The conversation under a request: people adding their use case, asking for updates, sharing
 * workarounds, maintainers chiming in, the stale bot, the odd spam comment that gets hidden.
 */

export interface ConversationInput {
  count: number;
  from: number;
  until: number;
  /** The request's author, who sometimes answers. */
  author: Person | null;
  /** Earlier item numbers a comment may mention. */
  related: number[];
  /** Let the stale bot visit if the thread is old enough. */
  allowStale: boolean;
  /** Payloads for one hostile comment, if any. */
  hostile: readonly BodyPayloadKind[];
  /** What is being discussed: people talk differently under a request, a bug and a question. */
  tone: 'request' | 'bug' | 'question';
}

type CommentKind = 'support' | 'ping' | 'workaround' | 'offer' | 'maintainer' | 'author' | 'spam';

/** Someone other than the request's author (who answers in their own voice). */
function commenter(random: Random, cast: Cast, author: Person | null): Person | null {
  const roll = random.next();
  if (roll < 0.03) return null;
  if (roll < 0.035) return cast.mannequin;
  const chosen = random.chance(0.3) ? random.pick(cast.participants.slice(0, 30)) : random.pick(cast.participants);
  return chosen === author ? random.pick(cast.voters) : chosen;
}

function sortedTimes(random: Random, count: number, from: number, until: number): number[] {
  const end = Math.max(from + MINUTE, Math.min(until, NOW - MINUTE));
  const times: number[] = [];
  for (let index = 0; index < count; index++) {
    // Conversations are busiest right after a request is posted.
    const share = random.chance(0.5) ? Math.pow(random.next(), 2.2) : random.next();
    times.push(from + share * (end - from));
  }
  return times.sort((left, right) => left - right);
}

function reactToComment(random: Random, cast: Cast, comment: DraftComment, kind: CommentKind): void {
  const pool = cast.voters;
  const add = (content: Parameters<typeof react>[1], count: number): void => {
    for (const member of random.sample(pool, count)) {
      react(comment.reactions, content, member, Math.min(comment.at + random.between(MINUTE, 5 * DAY), NOW - MINUTE));
    }
  };
  if (kind === 'support' && random.chance(0.3)) add('THUMBS_UP', random.int(1, 6));
  if (kind === 'workaround') {
    add('HEART', random.int(1, 8));
    add('THUMBS_UP', random.int(2, 12));
  }
  if (kind === 'maintainer' && random.chance(0.5)) add('THUMBS_UP', random.int(1, 10));
  if (kind === 'offer') add('ROCKET', random.int(1, 4));
  if (kind === 'ping' && random.chance(0.3)) add('THUMBS_DOWN', random.int(1, 3));
  if (kind === 'spam') add('CONFUSED', 1);
}

export function addConversation(random: Random, cast: Cast, target: { comments: DraftComment[] }, input: ConversationInput): void {
  if (input.count <= 0 && input.hostile.length === 0) return;
  const times = sortedTimes(random, input.count, input.from + 20 * MINUTE, input.until);
  // Without earlier items to point at, templates that mention one are left out.
  const usable = (templates: readonly string[]): readonly string[] =>
    input.related.length > 0 ? templates : templates.filter((template) => !template.includes('{related}'));
  for (const at of times) {
    const old = at - input.from > 90 * DAY;
    const kind = random.weighted<CommentKind>([
      ['support', 52],
      ['ping', old ? 10 : 0],
      ['workaround', 6],
      ['offer', 3],
      ['maintainer', 14],
      ['author', input.author === null ? 0 : 10],
      ['spam', 1],
    ]);
    const values = {
      site: random.pick(SITE_KINDS),
      count: random.pick([300, 1200, 4000, 15000, 60000]),
      mention: random.pick(cast.participants).login,
      related: input.related.length > 0 ? random.pick(input.related) : 0,
      author: input.author?.login ?? 'ghost',
      login: random.pick(cast.participants).login,
      branch: random.pick(['feat/prototype', 'wip', 'experiment']),
    };
    let author: Person | null;
    let body: string;
    let minimizedReason: string | null = null;
    if (input.tone !== 'request' && kind !== 'spam' && kind !== 'author') {
      const fromMaintainer = kind === 'maintainer';
      author = fromMaintainer ? random.pick(cast.maintainers) : commenter(random, cast, input.author);
      const templates =
        input.tone === 'bug' ? (fromMaintainer ? MAINTAINER_BUG_REPLIES : BUG_CONFIRMATIONS) : fromMaintainer ? MAINTAINER_ANSWERS : QUESTION_REPLIES;
      body = fill(random.pick(usable(templates)), { ...values, os: random.pick(['macOS', 'Windows 11', 'Ubuntu', 'Debian']) });
      const comment = addComment(target, { author, body, at });
      reactToComment(random, cast, comment, fromMaintainer ? 'maintainer' : 'support');
      continue;
    }
    switch (kind) {
      case 'support':
        author = commenter(random, cast, input.author);
        body = fill(random.pick(usable(SUPPORT_COMMENTS)), values);
        if (body.startsWith('+1') && body.length < 12 && random.chance(0.25)) minimizedReason = random.pick(['duplicate', 'off-topic']);
        break;
      case 'ping':
        author = commenter(random, cast, input.author);
        body = random.pick(PING_COMMENTS);
        if (random.chance(0.35)) minimizedReason = 'off-topic';
        break;
      case 'workaround':
        author = commenter(random, cast, input.author);
        body = random.pick(WORKAROUND_COMMENTS);
        break;
      case 'offer':
        author = random.pick(cast.contributors);
        body = fill(random.pick(CONTRIBUTOR_OFFERS), { ...values, login: author.login });
        break;
      case 'maintainer':
        author = random.pick(cast.maintainers);
        body = fill(random.pick(usable(MAINTAINER_TRIAGE)), values);
        break;
      case 'author':
        author = input.author;
        body = random.pick([
          'Thanks for looking into this!',
          'To clarify: the main thing I need is for this to work in `lumen build`; dev mode matters less.',
          `Here is a small reproduction of our setup: https://github.com/${input.author?.login ?? 'example'}/lumen-repro`,
          'Happy to help test if there is a branch.',
        ]);
        break;
      case 'spam':
        author = commenter(random, cast, input.author);
        body = SPAM_BODY;
        minimizedReason = 'spam';
        break;
    }
    const edited = random.chance(0.1) ? at + random.between(MINUTE, 3 * HOUR) : null;
    const comment = addComment(target, { author, body, at, editedAt: edited !== null && edited < NOW ? edited : null, minimizedReason });
    reactToComment(random, cast, comment, kind);
  }

  if (input.allowStale && input.until - input.from > 240 * DAY && random.chance(0.25)) {
    const staleAt = input.from + random.between(200 * DAY, Math.max(201 * DAY, input.until - input.from - 5 * DAY));
    if (staleAt < NOW - 2 * DAY) {
      const stale = addComment(target, { author: cast.bots.actions, body: STALE_BOT_COMMENT, at: staleAt });
      for (const member of random.sample(cast.voters, random.int(1, 6))) {
        react(stale.reactions, 'THUMBS_DOWN', member, Math.min(staleAt + random.between(HOUR, 2 * DAY), NOW - MINUTE));
      }
      addComment(target, { author: commenter(random, cast, input.author), body: random.pick(NOT_STALE_REPLIES), at: Math.min(staleAt + random.between(HOUR, 3 * DAY), NOW - MINUTE) });
    }
  }

  if (input.hostile.length > 0) {
    const at = input.from + random.between(HOUR, Math.max(2 * HOUR, Math.min(input.until, NOW - MINUTE) - input.from));
    addComment(target, { author: random.pick(cast.participants), body: hostileBody(input.hostile), at });
  }
}
