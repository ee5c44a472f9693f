/**
 * Requests imported from files (email, forms, chat, the export of a board the project leaves)
 * joining the GitHub ones. Pure: the same imported requests, subscriber map and configuration
 * always give the same items and requests.
 *
 * Each imported request becomes an item of its own, so that duplicates, status, shipments and
 * ranking treat it like an issue. It lives in a repository no GitHub name can spell
 * (`:channel/<slug>`), so it can never collide with a real item; its votes are not GitHub
 * reactions and are counted here, beside `unique-voters.ts`:
 *
 * - A person is one person across channels when known by the same GitHub login (given in the
 *   file, or an email address the subscriber list maps to a login), by the same email address,
 *   or, within one channel, by the same id.
 * - Someone who also voted on GitHub in the same group is counted there, once. Everyone else is
 *   counted under the channel they first voted in, and only counted: no login, address, name or
 *   id from an import is ever part of a request (see docs/channels.md).
 * - Anonymous Discussion upvotes cover named people first (see `unique-voters.ts`), imported
 *   people included: an emailer may well have upvoted too, and the total is the fewest people
 *   the data allows.
 */
import type { ChannelConfig } from '../config/schemas/channels.ts';
import type { ExcludeConfig } from '../config/schemas/exclude.ts';
import type { StatusesConfig } from '../config/schemas/statuses.ts';
import type { StatusId } from '../config/status-ids.ts';
import type { Item, ItemRef } from '../snapshot/schema.ts';
import { isExcludedAccount } from './excluded-accounts.ts';
import { itemKey } from './item-key.ts';
import { titleSlug } from './site-paths.ts';
import type { ImportedVoters, ItemKey, ItemSummary, Request, StatusChange, VoteTally } from './types.ts';

/** Who asked or voted, as the file identifies them. Private: never published, never logged. */
export type ImportedPerson = { email: string } | { github: string } | { id: string };

export interface ImportedVote {
  person: ImportedPerson;
  /** When they voted; the request's date when the file does not say. */
  at: string;
}

/** What an imported request says it duplicates. */
export type ImportedOriginal = { github: ItemRef } | { channel: string; id: string };

export interface ImportedRequest {
  /** The channel's slug (`channels[].slug`). */
  channel: string;
  /** The request's id in its channel: part of its address, so letters, digits, `-` and `_` only. */
  id: string;
  title: string;
  /** Raw, untrusted Markdown. */
  body: string;
  createdAt: string;
  updatedAt: string;
  /** Where the request can be read (a public page of the old board), or null. */
  link: string | null;
  /** Null: the configured status of an open request (`statuses.open`). */
  status: StatusId | null;
  /** Whoever asked: counts as a voter when `votes.countAuthor` is on. */
  author: ImportedPerson | null;
  voters: ImportedVote[];
  duplicateOf: ImportedOriginal | null;
  /** GitHub items that fold into this request. */
  duplicates: ItemRef[];
}

export interface ImportedChannels {
  channels: readonly Pick<ChannelConfig, 'name' | 'slug'>[];
  requests: readonly ImportedRequest[];
  /** The GitHub login the subscriber list gives an email address, if any (case-insensitive). */
  loginOfEmail: (email: string) => string | null;
}

export const NO_IMPORTS: ImportedChannels = { channels: [], requests: [], loginOfEmail: () => null };

type ImportRules = {
  statuses: Pick<StatusesConfig, 'open'>;
  votes: { countAuthor: boolean };
  exclude: ExcludeConfig;
};

/** The repository an imported request's item lives in: no GitHub owner contains a colon. */
function channelRepository(slug: string): string {
  return `:channel/${slug}`;
}

/** The address segment of an imported request: `email-17`. */
export function importedStableSlug(request: Pick<ImportedRequest, 'channel' | 'id'>): string {
  return `${request.channel}-${request.id.toLowerCase()}`;
}

function importedRef(request: Pick<ImportedRequest, 'channel' | 'id'>, numbers: ReadonlyMap<string, number>): ItemRef | null {
  const number = numbers.get(`${request.channel}\n${request.id.toLowerCase()}`);
  return number === undefined ? null : { repository: channelRepository(request.channel), number };
}

/** The item an imported request is known by in the model. */
function itemOf(request: ImportedRequest, number: number): Item {
  const closed = request.status === 'shipped' || request.status === 'declined';
  return {
    type: 'issue',
    repository: channelRepository(request.channel),
    number,
    id: `${request.channel}:${request.id}`,
    url: request.link ?? '',
    title: request.title,
    body: request.body,
    // The author is private: never an actor that a page could show.
    author: null,
    authorAssociation: 'NONE',
    labels: [],
    locked: false,
    createdAt: request.createdAt,
    updatedAt: request.updatedAt,
    closedAt: closed ? request.updatedAt : null,
    votes: [],
    commentCount: 0,
    comments: [],
    formerAddresses: [],
    state: closed ? 'CLOSED' : 'OPEN',
    stateReason: request.status === 'declined' ? 'NOT_PLANNED' : closed ? 'COMPLETED' : null,
    milestone: null,
    events: [],
    closingPullRequests: [],
  };
}

/** The private key a person is counted by: a lower-cased login, or a prefixed address or id. */
function personKey(person: ImportedPerson, channel: string, loginOfEmail: (email: string) => string | null): { key: string; login: string | null } {
  if ('github' in person) return { key: person.github.toLowerCase(), login: person.github };
  if ('email' in person) {
    const login = loginOfEmail(person.email);
    return login === null ? { key: `email:${person.email.toLowerCase()}`, login: null } : { key: login.toLowerCase(), login };
  }
  return { key: `id:${channel}:${person.id}`, login: null };
}

export interface ImportedItems {
  /** One item per imported request, in file order. */
  items: Item[];
  isImported: (item: Pick<Item, 'repository'>) => boolean;
  /**
   * The duplicate marking the files declare for an item, which outranks anything GitHub says:
   * the original's ref, null when an imported request declares none, undefined when the files
   * say nothing about the item (a GitHub item is then resolved from GitHub's signals).
   */
  declaredOriginal: (item: Item) => ItemRef | null | undefined;
  /** The status an imported request has in its file (undefined for GitHub items). */
  statusOf: (item: Item) => { status: StatusId; history: StatusChange[] } | undefined;
  /** Adds the imported voters of a group's items to what GitHub's votes gave. */
  addVoters: (tally: VoteTally, items: readonly Item[]) => { tally: VoteTally; voteTimes: string[] };
  /** Gives an imported request (and imported duplicates) its channel, address and link. */
  finish: (request: Request) => Request;
}

export function importedItems(imports: ImportedChannels, rules: ImportRules): ImportedItems {
  const numbers = new Map<string, number>();
  const byKey = new Map<ItemKey, ImportedRequest>();
  const items: Item[] = [];
  const counters = new Map<string, number>();
  for (const request of imports.requests) {
    const id = `${request.channel}\n${request.id.toLowerCase()}`;
    if (numbers.has(id)) continue;
    const number = (counters.get(request.channel) ?? 0) + 1;
    counters.set(request.channel, number);
    numbers.set(id, number);
    const item = itemOf(request, number);
    items.push(item);
    byKey.set(itemKey(item), request);
  }
  const channelName = new Map(imports.channels.map((channel) => [channel.slug, channel.name]));
  const nameOf = (slug: string): string => channelName.get(slug) ?? slug;

  // "These GitHub items fold into me", read from the imported side.
  const foldsInto = new Map<ItemKey, ItemRef>();
  for (const item of items) {
    const request = byKey.get(itemKey(item));
    for (const duplicate of request?.duplicates ?? []) {
      // The first request to claim an item keeps it: file order, then channel order.
      if (!foldsInto.has(itemKey(duplicate))) foldsInto.set(itemKey(duplicate), { repository: item.repository, number: item.number });
    }
  }

  const declaredOriginal = (item: Item): ItemRef | null | undefined => {
    const request = byKey.get(itemKey(item));
    if (request === undefined) return foldsInto.get(itemKey(item));
    const original = request.duplicateOf;
    if (original === null) return null;
    if ('github' in original) return original.github;
    // The reader refuses a file naming an imported request that does not exist.
    return importedRef(original, numbers);
  };

  const statusOf = (item: Item): { status: StatusId; history: StatusChange[] } | undefined => {
    const request = byKey.get(itemKey(item));
    if (request === undefined) return undefined;
    const status = request.status ?? rules.statuses.open;
    const history: StatusChange[] =
      status === rules.statuses.open || request.updatedAt <= request.createdAt
        ? [{ status, at: request.createdAt }]
        : [
            { status: rules.statuses.open, at: request.createdAt },
            { status, at: request.updatedAt },
          ];
    return { status, history };
  };

  const addVoters = (tally: VoteTally, groupItems: readonly Item[]): { tally: VoteTally; voteTimes: string[] } => {
    const named = new Set(tally.people.map((person) => person.login.toLowerCase()));
    const extra = new Map<string, { channel: string; at: string }>();
    for (const item of groupItems) {
      const request = byKey.get(itemKey(item));
      if (request === undefined) continue;
      const votes = [...request.voters];
      if (rules.votes.countAuthor && request.author !== null) votes.push({ person: request.author, at: request.createdAt });
      for (const vote of votes) {
        const { key, login } = personKey(vote.person, request.channel, imports.loginOfEmail);
        if (named.has(key) || (login !== null && isExcludedAccount(login, 'User', rules.exclude))) continue;
        const known = extra.get(key);
        if (known === undefined || vote.at < known.at) extra.set(key, { channel: request.channel, at: vote.at });
      }
    }
    if (extra.size === 0) return { tally, voteTimes: [] };
    const perChannel = new Map<string, number>();
    for (const { channel } of extra.values()) perChannel.set(channel, (perChannel.get(channel) ?? 0) + 1);
    const imported: ImportedVoters[] = [...perChannel]
      .map(([slug, people]) => ({ channel: nameOf(slug), people }))
      .sort((a, b) => b.people - a.people || a.channel.localeCompare(b.channel));
    const namedCount = tally.people.length + extra.size;
    const anonymous = Math.max(0, tally.upvotes - namedCount);
    return {
      tally: {
        ...tally,
        total: namedCount + anonymous,
        anonymous,
        anonymousSince: anonymous > 0 ? tally.anonymousSince : null,
        imported,
      },
      voteTimes: [...extra.values()].map((entry) => entry.at),
    };
  };

  const summaryOf = (summary: ItemSummary): ItemSummary => {
    const request = byKey.get(summary.key);
    if (request === undefined) return summary;
    const stable = importedStableSlug(request);
    const slug = `${stable}-${titleSlug(request.title)}`;
    return { ...summary, url: request.link ?? '', slug, path: `/requests/${slug}/`, channel: nameOf(request.channel) };
  };

  const finish = (request: Request): Request => {
    const duplicates = request.duplicates.map(summaryOf);
    const imported = byKey.get(request.key);
    if (imported === undefined) return duplicates.some((duplicate, index) => duplicate !== request.duplicates[index]) ? { ...request, duplicates } : request;
    const stable = importedStableSlug(imported);
    const slug = `${stable}-${titleSlug(imported.title)}`;
    return {
      ...request,
      url: imported.link ?? '',
      slug,
      path: `/requests/${slug}/`,
      stablePath: `/requests/${stable}/`,
      formerPaths: [],
      channel: nameOf(imported.channel),
      duplicates,
    };
  };

  return {
    items,
    isImported: (item) => item.repository.startsWith(':channel/'),
    declaredOriginal,
    statusOf,
    addVoters,
    finish,
  };
}
