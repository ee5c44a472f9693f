/**
 * Relay connections over in-memory lists, paginated like GitHub's: cursors are opaque and keyed on
 * the sort values of the item they point at (not on its position), so an item inserted or moved
 * between two page requests shifts the following pages the same way it does on GitHub.
 */
import { GraphQLError } from 'graphql';

/** A GraphQL object as the resolvers hand it to graphql-js: plain values, or functions of the arguments. */
export type View = Record<string, unknown>;

export type SortValue = string | number;
export type SortDirection = 'ASC' | 'DESC';

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

export interface Ordering<T> {
  /** Sort values, most significant first; end with something unique (a database id) to break ties. */
  key: (item: T) => SortValue[];
  direction: SortDirection;
}

const CURSOR_PREFIX = 'cursor:v2:';

function encodeCursor(key: SortValue[]): string {
  return Buffer.from(CURSOR_PREFIX + JSON.stringify(key), 'utf8').toString('base64');
}

function decodeCursor(cursor: string): SortValue[] {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  if (text.startsWith(CURSOR_PREFIX)) {
    try {
      const key: unknown = JSON.parse(text.slice(CURSOR_PREFIX.length));
      if (Array.isArray(key) && key.every((part) => typeof part === 'string' || typeof part === 'number')) {
        return key as SortValue[];
      }
    } catch {
      // Falls through to the error GitHub gives for a cursor it did not mint.
    }
  }
  throw new GraphQLError(`\`${cursor}\` does not appear to be a valid cursor.`, {
    extensions: { type: 'INVALID_CURSOR_ARGUMENTS' },
  });
}

function compareKeys(a: readonly SortValue[], b: readonly SortValue[]): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    const left = a[index];
    const right = b[index];
    if (left === right || left === undefined || right === undefined) continue;
    if (typeof left === 'number' && typeof right === 'number') return left < right ? -1 : 1;
    const leftText = String(left);
    const rightText = String(right);
    if (leftText !== rightText) return leftText < rightText ? -1 : 1;
  }
  return a.length - b.length;
}

/** Index of the first entry for which `test` holds, in a list where it holds for a suffix. */
function partition<T>(list: readonly T[], test: (entry: T) => boolean): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (test(list[middle] as T)) high = middle;
    else low = middle + 1;
  }
  return low;
}

interface Page<T> {
  entries: { item: T; key: SortValue[] }[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

function pageOf<T>(items: readonly T[], args: PageArgs, ordering: Ordering<T>): Page<T> {
  const sign = ordering.direction === 'DESC' ? -1 : 1;
  const sorted = items
    .map((item) => ({ item, key: ordering.key(item) }))
    .sort((a, b) => sign * compareKeys(a.key, b.key));
  let start = 0;
  let end = sorted.length;
  if (args.after) {
    const after = decodeCursor(args.after);
    start = partition(sorted, (entry) => sign * compareKeys(entry.key, after) > 0);
  }
  if (args.before) {
    const before = decodeCursor(args.before);
    end = partition(sorted, (entry) => sign * compareKeys(entry.key, before) >= 0);
  }
  end = Math.max(start, end);
  let entries = sorted.slice(start, end);
  let hasNextPage = end < sorted.length;
  let hasPreviousPage = start > 0;
  if (typeof args.first === 'number' && entries.length > args.first) {
    entries = entries.slice(0, Math.max(args.first, 0));
    hasNextPage = true;
  }
  if (typeof args.last === 'number' && entries.length > args.last) {
    entries = entries.slice(entries.length - Math.max(args.last, 0));
    hasPreviousPage = true;
  }
  return { entries, hasNextPage, hasPreviousPage };
}

/**
 * A connection object (`totalCount`, `pageInfo`, `nodes`, `edges`) over `items`. Sorting and
 * slicing happen only if the query selects something that needs them, so `{ totalCount }` is cheap.
 */
export function connectionOf<T>(
  items: readonly T[],
  args: PageArgs,
  ordering: Ordering<T>,
  toNode: (item: T) => unknown,
  extra: View = {},
): View {
  let page: Page<T> | undefined;
  const currentPage = (): Page<T> => (page ??= pageOf(items, args, ordering));
  return {
    ...extra,
    totalCount: items.length,
    nodes: () => currentPage().entries.map((entry) => toNode(entry.item)),
    edges: () =>
      currentPage().entries.map((entry) => ({ cursor: encodeCursor(entry.key), node: () => toNode(entry.item) })),
    pageInfo: () => {
      const { entries, hasNextPage, hasPreviousPage } = currentPage();
      const firstEntry = entries[0];
      const lastEntry = entries[entries.length - 1];
      return {
        hasNextPage,
        hasPreviousPage,
        startCursor: firstEntry ? encodeCursor(firstEntry.key) : null,
        endCursor: lastEntry ? encodeCursor(lastEntry.key) : null,
      };
    },
  };
}

/** The direction an `orderBy` input asks for, or the connection's default. */
export function directionOf(orderBy: { direction?: unknown } | null | undefined, fallback: SortDirection): SortDirection {
  return orderBy?.direction === 'DESC' || orderBy?.direction === 'ASC' ? orderBy.direction : fallback;
}
