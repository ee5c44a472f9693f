import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SimRepository, SimWorld } from '../github-simulator/store-types.ts';

/**
 * Writes worlds as JSON without building one giant string: a 100,000-item world serialises to
 * several hundred megabytes. Each user, label, issue, Discussion, pull request and release goes on
 * its own line, which also keeps diffs between two worlds readable. Files are written to a
 * temporary name and renamed, so a reader never sees half a world.
 */

/** The world as JSON text, in chunks; joined, they parse back to the same value. */
export function* worldJsonChunks(world: SimWorld): Generator<string> {
  yield '{"users":{';
  let first = true;
  for (const [login, actor] of Object.entries(world.users)) {
    yield `${first ? '' : ','}\n${JSON.stringify(login)}:${JSON.stringify(actor)}`;
    first = false;
  }
  yield '\n},"repositories":[';
  for (const [index, repository] of world.repositories.entries()) yield* repositoryChunks(repository, index === 0);
  yield '\n]}\n';
}

const LIST_FIELDS = ['labels', 'milestones', 'discussionCategories', 'issues', 'discussions', 'pullRequests', 'releases'] as const;

/** Plain fields first, then each list with one element per line. */
function* repositoryChunks(repository: SimRepository, first: boolean): Generator<string> {
  const scalars: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(repository)) {
    if (!(LIST_FIELDS as readonly string[]).includes(key)) scalars[key] = value;
  }
  const head = JSON.stringify(scalars);
  yield `${first ? '' : ','}\n${head.slice(0, -1)}`;
  for (const field of LIST_FIELDS) {
    const items: readonly unknown[] = repository[field];
    yield `,${JSON.stringify(field)}:[`;
    for (let index = 0; index < items.length; index++) yield `${index === 0 ? '' : ','}\n${JSON.stringify(items[index])}`;
    yield items.length === 0 ? ']' : '\n]';
  }
  yield '}';
}

/** Writes text chunks to `path` atomically (temporary file in the same directory, then rename). */
export function writeChunksAtomically(path: string, chunks: Iterable<string>): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const descriptor = openSync(temporary, 'w');
  let open = true;
  try {
    let buffer = '';
    for (const chunk of chunks) {
      buffer += chunk;
      if (buffer.length >= 1 << 20) {
        writeSync(descriptor, buffer);
        buffer = '';
      }
    }
    if (buffer.length > 0) writeSync(descriptor, buffer);
    fsyncSync(descriptor);
    closeSync(descriptor);
    open = false;
    renameSync(temporary, path);
  } catch (error) {
    if (open) closeSync(descriptor);
    rmSync(temporary, { force: true });
    throw error;
  }
}

export function writeWorldFile(path: string, world: SimWorld): void {
  writeChunksAtomically(path, worldJsonChunks(world));
}

export function writeJsonFile(path: string, value: unknown): void {
  writeChunksAtomically(path, [`${JSON.stringify(value, null, 2)}\n`]);
}

/** Where the ground truth of a world file goes: `demo.json` → `demo.truth.json`. */
export function truthPathFor(worldPath: string): string {
  return worldPath.endsWith('.json') ? `${worldPath.slice(0, -'.json'.length)}.truth.json` : `${worldPath}.truth.json`;
}
