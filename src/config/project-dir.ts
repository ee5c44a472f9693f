/**
 * Where a roadmap's own files are: its `roadmap.config.ts`, `content/` (pages, release notes and
 * the synced snapshot), `public/` (a logo) and `.cache/`. By default that is the folder the
 * command runs in, which for this repository is also where the engine is. A project that adopts
 * the roadmap without forking it keeps those files in its own repository and runs the engine from
 * another checkout with `ROADMAP_PROJECT_DIR` pointing at its folder (the GitHub Action in
 * `.github/actions/roadmap/` does this; docs/deploying.md).
 */
import path from 'node:path';
import process from 'node:process';

/** The environment variable naming the project folder. */
export const PROJECT_DIR_VARIABLE = 'ROADMAP_PROJECT_DIR';

/** The project folder: `ROADMAP_PROJECT_DIR` when set, else `fallback` (the working directory). */
export function projectDir(env: NodeJS.ProcessEnv = process.env, fallback: string = process.cwd()): string {
  const given = env[PROJECT_DIR_VARIABLE];
  return path.resolve(given === undefined || given === '' ? fallback : given);
}

/**
 * A path inside the project folder. Without `ROADMAP_PROJECT_DIR` it is returned as it is, so it
 * stays relative to the working directory, as it always was; with it, it is absolute.
 */
export function inProject(relative: string, env: NodeJS.ProcessEnv = process.env): string {
  const given = env[PROJECT_DIR_VARIABLE];
  return given === undefined || given === '' ? relative : path.join(path.resolve(given), relative);
}
