/**
 * Generates a simulator world (and its ground truth) from a seed:
 *
 *   npx node scripts/dev/demo/generate.ts --preset demo --out .cache/worlds/demo.json [--seed 1]
 *   npx node scripts/dev/demo/generate.ts --preset bench --items 10000 --out .cache/worlds/bench-10k.json
 *   npx node scripts/dev/demo/generate.ts --preset histories --seed 3 --out .cache/worlds/histories-3.json
 *
 * `histories` is the demo world plus the histories real projects accumulate (reopened and
 * re-shipped requests, late closes, moved milestones, leftover status labels, renames, a transfer;
 * see `demo-histories.ts`), for tests; the committed demo stays the tidy `demo` preset.
 *
 * The same options always produce byte-identical files. The truth goes next to the world
 * (`demo.json` → `demo.truth.json`).
 */
import { parseArgs } from 'node:util';
import type { SimWorld } from '../github-simulator/store-types.ts';
import { generateBenchWorld } from './bench-world.ts';
import { checkWorld } from './check-world.ts';
import { generateDemoWorld, generateHistoriesWorld } from './demo-world.ts';
import type { GroundTruth } from './ground-truth.ts';
import { truthPathFor, writeJsonFile, writeWorldFile } from './write-world.ts';

export type { GroundTruth } from './ground-truth.ts';

export interface GenerateOptions {
  preset: Preset;
  seed?: number;
  /** Bench only: how many requests (issues and Discussions) to generate. */
  items?: number;
}

export type Preset = 'demo' | 'bench' | 'histories';
const PRESETS: readonly Preset[] = ['demo', 'bench', 'histories'];

export const DEFAULT_SEED = 1;
export const DEFAULT_BENCH_ITEMS = 10_000;

/** What is wrong with the options, or null when they are usable. */
export function optionsProblem(options: GenerateOptions): string | null {
  if (options.seed !== undefined && !Number.isSafeInteger(options.seed)) return `the seed must be a whole number, got ${options.seed}`;
  if (options.preset !== 'bench' && options.items !== undefined) return 'items only applies to the bench preset';
  if (options.items !== undefined && (!Number.isSafeInteger(options.items) || options.items < 10)) {
    return `items must be a whole number of at least 10, got ${options.items}`;
  }
  return null;
}

export function generateWorld(options: GenerateOptions): { world: SimWorld; truth: GroundTruth } {
  const problem = optionsProblem(options);
  if (problem !== null) throw new Error(problem);
  const seed = options.seed ?? DEFAULT_SEED;
  if (options.preset === 'demo') return generateDemoWorld(seed);
  if (options.preset === 'histories') return generateHistoriesWorld(seed);
  return generateBenchWorld(seed, options.items ?? DEFAULT_BENCH_ITEMS);
}

const USAGE =
  'Usage: npx node scripts/dev/demo/generate.ts --preset demo|bench|histories [--items <n>] [--seed <n>] [--out <file.json>]';

function defaultOut(preset: Preset, items: number | undefined): string {
  if (preset !== 'bench') return `.cache/worlds/${preset}.json`;
  const count = items ?? DEFAULT_BENCH_ITEMS;
  return `.cache/worlds/bench-${count % 1000 === 0 ? `${count / 1000}k` : count}.json`;
}

function runCli(argv: string[]): number {
  let values: { preset?: string | undefined; seed?: string | undefined; items?: string | undefined; out?: string | undefined };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { preset: { type: 'string' }, seed: { type: 'string' }, items: { type: 'string' }, out: { type: 'string' } },
    }));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  const preset = PRESETS.find((name) => name === values.preset);
  if (preset === undefined) {
    process.stderr.write(`--preset must be "demo", "bench" or "histories", got "${values.preset ?? ''}".\n${USAGE}\n`);
    return 2;
  }
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  const items = values.items === undefined ? undefined : Number(values.items);
  const out = values.out ?? defaultOut(preset, items);
  const options: GenerateOptions = { preset, ...(seed === undefined ? {} : { seed }), ...(items === undefined ? {} : { items }) };
  const problem = optionsProblem(options);
  if (problem !== null) {
    process.stderr.write(`${problem}\n${USAGE}\n`);
    return 2;
  }
  const started = performance.now();
  const result = generateWorld(options);
  const violations = checkWorld(result.world);
  if (violations.length > 0) {
    process.stderr.write(`The generated world breaks its own invariants; nothing was written:\n  ${violations.slice(0, 20).join('\n  ')}\n`);
    return 1;
  }
  writeWorldFile(out, result.world);
  const truthPath = truthPathFor(out);
  writeJsonFile(truthPath, result.truth);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const summary = result.world.repositories
    .map((repository) => `${repository.owner}/${repository.name}${repository.isPrivate ? ' (private)' : ''}: ${repository.issues.length} issues, ${repository.discussions.length} discussions, ${repository.pullRequests.length} pull requests, ${repository.releases.length} releases`)
    .join('\n  ');
  process.stdout.write(`Wrote ${out} and ${truthPath} in ${seconds}s\n  ${summary}\n  ${Object.keys(result.world.users).length} users, ${result.truth.requests.length} requests\n`);
  return 0;
}

if (import.meta.main) process.exitCode = runCli(process.argv.slice(2));
