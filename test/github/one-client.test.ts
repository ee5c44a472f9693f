/**
 * One place builds a GitHub client: only src/github/ constructs an Octokit or adds plugins to one,
 * so retries, throttling, timeouts and the wording of failures are the same for every command.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

async function sourceFiles(dir: string, recursive: boolean): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && recursive) found.push(...(await sourceFiles(path, true)));
    else if (entry.isFile() && /\.(ts|mts|astro)$/.test(entry.name)) found.push(path);
  }
  return found;
}

/** Constructing an Octokit, extending one, or importing the packages that do either. */
const BUILDS_A_CLIENT = /new\s+Octokit\b|\bOctokit\s*\.\s*plugin\s*\(|\.plugin\s*\(|from\s+['"]@octokit\/(core|plugin-[a-z-]+|rest|graphql)['"]|from\s+['"]octokit['"]/;

describe('the GitHub layer', () => {
  it('only src/github/ builds an Octokit (src/ and the commands in scripts/)', async () => {
    const files = [...(await sourceFiles(join(ROOT, 'src'), true)), ...(await sourceFiles(join(ROOT, 'scripts'), false))];
    const builders: string[] = [];
    for (const file of files) if (BUILDS_A_CLIENT.test(await readFile(file, 'utf8'))) builders.push(relative(ROOT, file));
    expect(builders.length).toBeGreaterThan(0);
    expect(builders.filter((file) => !file.startsWith(join('src', 'github') + '/'))).toEqual([]);
  });
});
