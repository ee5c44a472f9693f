import type { ActorType, AuthorAssociation, SimActor } from '../github-simulator/store-types.ts';
import type { IdSequence } from './ids.ts';
import type { Random } from './random.ts';

/**
 * The people of a world: maintainers, contributors, the users who open and comment on requests,
 * the much larger crowd that only reacts, bots, an imported Mannequin and the owning organization.
 * Deleted accounts are not people: they appear as `null` wherever an actor is expected.
 */

export type PersonRole =
  | 'organization'
  | 'maintainer'
  | 'contributor'
  | 'participant'
  | 'voter'
  | 'bot'
  | 'mannequin';

export interface Person {
  login: string;
  type: ActorType;
  role: PersonRole;
  /** How GitHub labels this account's posts in the project's repositories. */
  association: AuthorAssociation;
}

export interface Cast {
  organization: Person;
  /** The owner first, then members and collaborators. */
  maintainers: Person[];
  /** Users with merged pull requests; also in `participants`. */
  contributors: Person[];
  /** Everyone who writes: opens requests, comments. Includes contributors, not maintainers. */
  participants: Person[];
  /** Accounts that only react; they make popular requests possible without hundreds of authors. */
  voters: Person[];
  bots: { dependabot: Person; actions: Person; renovate: Person };
  mannequin: Person;
  everyone: Person[];
}

const FIRST_NAMES = [
  'aaron', 'abebe', 'adaeze', 'aditya', 'agnieszka', 'ahmed', 'aiko', 'alejandro', 'alex', 'amara',
  'amelie', 'ana', 'anders', 'andrei', 'anika', 'arjun', 'astrid', 'ayesha', 'bart', 'beatriz',
  'ben', 'bilal', 'bjorn', 'bruno', 'camille', 'carlos', 'chen', 'chiara', 'chloe', 'chidi',
  'dani', 'daniel', 'daria', 'david', 'deepa', 'diego', 'dmitri', 'elena', 'elif', 'emeka',
  'emil', 'emma', 'erik', 'esra', 'fatima', 'felix', 'finn', 'florian', 'francesca', 'gabriel',
  'giulia', 'grace', 'hana', 'hannah', 'haruto', 'hassan', 'helena', 'hiroshi', 'ines', 'ingrid',
  'isaac', 'ivan', 'jakob', 'jamal', 'james', 'jana', 'javier', 'jin', 'joao', 'johanna',
  'jonas', 'jorge', 'julia', 'kai', 'karim', 'kasia', 'kate', 'kenji', 'kevin', 'kwame',
  'lars', 'laura', 'lea', 'leon', 'li', 'lina', 'lucas', 'lucia', 'luis', 'maja',
  'malik', 'marco', 'maria', 'marta', 'mateo', 'matt', 'max', 'mehmet', 'mei', 'mia',
  'mikko', 'min', 'nadia', 'naveen', 'nia', 'niklas', 'nina', 'noah', 'nora', 'olga',
  'olu', 'omar', 'oscar', 'pablo', 'paula', 'pedro', 'pieter', 'priya', 'rafael', 'rahul',
  'ravi', 'rosa', 'ruth', 'sam', 'sara', 'sebastian', 'sergei', 'shira', 'simone', 'sofia',
  'sven', 'tanvi', 'theo', 'tomas', 'valentina', 'vikram', 'wei', 'yara', 'yusuf', 'zoe',
];

const LAST_NAMES = [
  'abara', 'adeyemi', 'alvarez', 'andersen', 'bauer', 'becker', 'bianchi', 'brandt', 'castro', 'chowdhury',
  'costa', 'dubois', 'eriksson', 'fernandes', 'fischer', 'garcia', 'gupta', 'haddad', 'hansen', 'hoffmann',
  'horvat', 'ibrahim', 'ito', 'ivanova', 'jansen', 'jensen', 'kaur', 'kim', 'kowalski', 'kruger',
  'lambert', 'larsen', 'lee', 'lindqvist', 'lopez', 'mahlangu', 'martin', 'meyer', 'moreau', 'morris',
  'mwangi', 'nakamura', 'nguyen', 'nielsen', 'novak', 'okafor', 'oliveira', 'osei', 'park', 'patel',
  'petrov', 'popescu', 'quinn', 'ramos', 'reddy', 'richter', 'rossi', 'sato', 'schmidt', 'silva',
  'singh', 'sokolov', 'suzuki', 'tanaka', 'torres', 'tran', 'vargas', 'varga', 'virtanen', 'wagner',
  'walsh', 'wang', 'weber', 'wilson', 'wong', 'yamamoto', 'yilmaz', 'zhang', 'zielinski', 'zimmermann',
];

const HANDLE_WORDS = [
  'amber', 'arc', 'byte', 'cedar', 'cloud', 'code', 'copper', 'craft', 'dev', 'dusk',
  'echo', 'ember', 'fern', 'flux', 'fox', 'frost', 'ghost', 'glitch', 'grid', 'hack',
  'harbor', 'iron', 'jade', 'kilo', 'lambda', 'lark', 'lumen', 'maple', 'mint', 'moss',
  'neon', 'nimbus', 'north', 'null', 'oak', 'orbit', 'owl', 'pixel', 'quartz', 'rust',
  'sage', 'signal', 'slate', 'sol', 'static', 'stack', 'tide', 'vector', 'wave', 'zen',
];

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** One plausible GitHub login: letters, digits and single inner hyphens, at most 39 characters. */
function candidateLogin(random: Random): string {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const pattern = random.int(0, 11);
  switch (pattern) {
    case 0:
      return `${first}${last}`;
    case 1:
      return `${first}-${last}`;
    case 2:
      return `${first.charAt(0)}${last}`;
    case 3:
      return `${first}${random.int(1, 99)}`;
    case 4:
      return `${first}${last.charAt(0)}`;
    case 5:
      return `${capitalise(first)}${capitalise(last)}`;
    case 6:
      return `${random.pick(HANDLE_WORDS)}${random.pick(HANDLE_WORDS)}`;
    case 7:
      return `${random.pick(HANDLE_WORDS)}-${random.pick(HANDLE_WORDS)}`;
    case 8:
      return `${first}-dev`;
    case 9:
      return `${last}${first.charAt(0)}${random.int(0, 9)}`;
    case 10:
      return `the${capitalise(random.pick(HANDLE_WORDS))}${capitalise(random.pick(HANDLE_WORDS))}`;
    default:
      return `${first}${last}${random.int(1985, 2009)}`;
  }
}

/** `count` new logins, unique among themselves and against `taken` (compared case-insensitively, like GitHub). */
export function createLogins(random: Random, count: number, taken: Set<string>): string[] {
  const logins: string[] = [];
  let attempts = 0;
  while (logins.length < count) {
    let login = candidateLogin(random);
    // Large casts exhaust the name patterns; a numeric suffix keeps them plausible and unique.
    if (attempts > count * 3) login = `${login}${random.int(2, 9999)}`;
    attempts++;
    const key = login.toLowerCase();
    if (taken.has(key) || login.length > 39) continue;
    taken.add(key);
    logins.push(login);
  }
  return logins;
}

function person(login: string, role: PersonRole, association: AuthorAssociation, type: ActorType = 'User'): Person {
  return { login, type, role, association };
}

export interface CastShape {
  organization: string;
  maintainers: ReadonlyArray<readonly [login: string, association: 'OWNER' | 'MEMBER' | 'COLLABORATOR']>;
  participants: number;
  contributors: number;
  voters: number;
  mannequin: string;
}

export function createCast(random: Random, shape: CastShape): Cast {
  const taken = new Set<string>();
  const reserve = (login: string): string => {
    taken.add(login.toLowerCase());
    return login;
  };
  const organization = person(reserve(shape.organization), 'organization', 'NONE', 'Organization');
  const maintainers = shape.maintainers.map(([login, association]) => person(reserve(login), 'maintainer', association));
  const bots = {
    dependabot: person(reserve('dependabot[bot]'), 'bot', 'CONTRIBUTOR', 'Bot'),
    actions: person(reserve('github-actions[bot]'), 'bot', 'NONE', 'Bot'),
    renovate: person(reserve('renovate[bot]'), 'bot', 'CONTRIBUTOR', 'Bot'),
  };
  const mannequin = person(reserve(shape.mannequin), 'mannequin', 'MANNEQUIN', 'Mannequin');

  const participantLogins = createLogins(random, shape.participants, taken);
  const participants = participantLogins.map((login, index) => {
    if (index < shape.contributors) return person(login, 'contributor', 'CONTRIBUTOR');
    // A few newcomers: GitHub marks them until their first contribution lands.
    const association: AuthorAssociation = index % 23 === 0 ? 'FIRST_TIME_CONTRIBUTOR' : index % 31 === 0 ? 'FIRST_TIMER' : 'NONE';
    return person(login, 'participant', association);
  });
  const contributors = participants.filter((member) => member.role === 'contributor');
  const voters = createLogins(random, shape.voters, taken).map((login) => person(login, 'voter', 'NONE'));

  return {
    organization,
    maintainers,
    contributors,
    participants,
    voters,
    bots,
    mannequin,
    everyone: [organization, ...maintainers, bots.dependabot, bots.actions, bots.renovate, mannequin, ...participants, ...voters],
  };
}

/** The world's `users` map, sorted by login so the output does not depend on casting order. */
export function toSimUsers(people: readonly Person[], userIds: IdSequence): Record<string, SimActor> {
  const sorted = [...people].sort((left, right) => (left.login < right.login ? -1 : left.login > right.login ? 1 : 0));
  const users: Record<string, SimActor> = {};
  for (const member of sorted) users[member.login] = { login: member.login, type: member.type, id: userIds.next() };
  return users;
}

export function loginOf(member: Person | null): string | null {
  return member === null ? null : member.login;
}

export function associationOf(member: Person | null): AuthorAssociation {
  return member === null ? 'NONE' : member.association;
}
