/**
 * How well suggested duplicates do on demo projects the suggestion was not tuned on: for each
 * seed, the demo generator writes another project (other requests paraphrased, other bodies)
 * with its own answer key, and the suggestions are measured against it. One seed could be
 * fitted by accident; the mean over several cannot.
 *
 *   npm run bench:suggest-quality -- [--seeds 1-6] [--threshold 0.375]
 *
 * Seeds are a list, a range or both: `2,5,9` or `2-6` or `1,3-5`. The world is turned into
 * snapshot items directly, as in `suggest-bench.ts`: the sync is not what is measured.
 */
import process from 'node:process';
import { parseArgs } from 'node:util';
import { loadConfig, type RoadmapConfig } from '../../../src/config/index.ts';
import { buildRequests } from '../../../src/model/build-requests.ts';
import { evaluateSuggestions, expectedRequestPairs, type Evaluation } from '../../../src/suggest/evaluate-suggestions.ts';
import { formatPrecisionRecall } from '../../../src/suggest/report-markdown.ts';
import { suggestDuplicateRequests } from '../../../src/suggest/suggest-duplicate-requests.ts';
import { DEFAULT_THRESHOLD } from '../../../src/suggest/suggest-duplicates.ts';
import { generateWorld } from '../demo/generate.ts';
import { snapshotOfWorld } from './suggest-bench.ts';

/** The suggestions on the demo project of one seed, measured against its generator's unmarked duplicates. */
export function evaluateDemoSeed(seed: number, config: RoadmapConfig, threshold = DEFAULT_THRESHOLD): Evaluation {
  const { world, truth } = generateWorld({ preset: 'demo', seed });
  const snapshot = snapshotOfWorld(world);
  const requests = buildRequests(snapshot, config);
  const { suggestions } = suggestDuplicateRequests(requests, snapshot.items, { threshold });
  return evaluateSuggestions(suggestions, expectedRequestPairs(truth.unmarkedDuplicates, requests));
}

/** `1,3-5` → [1, 3, 4, 5]. */
export function parseSeeds(text: string): number[] {
  return text.split(',').flatMap((part) => {
    const range = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(part);
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      if (to < from) throw new Error(`--seeds: "${part}" runs backwards.`);
      return Array.from({ length: to - from + 1 }, (_unused, index) => from + index);
    }
    const seed = Number(part);
    if (part.trim() === '' || !Number.isSafeInteger(seed)) throw new Error(`--seeds: "${part}" is not a seed or a range of seeds.`);
    return [seed];
  });
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seeds: { type: 'string', default: '1-6' }, threshold: { type: 'string' } } });
  const seeds = parseSeeds(values.seeds);
  const threshold = values.threshold === undefined ? DEFAULT_THRESHOLD : Number(values.threshold);
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
    throw new Error(`--threshold must be a number from 0 to 1, got "${values.threshold ?? ''}".`);
  }
  const config = await loadConfig();
  const evaluations = seeds.map((seed) => evaluateDemoSeed(seed, config, threshold));
  const lines = [
    `Suggested duplicates on the demo project, threshold ${threshold}`,
    ...evaluations.map((evaluation, index) => `  seed ${seeds[index] ?? ''}: ${formatPrecisionRecall(evaluation)}`),
    `  mean over ${seeds.length} seed${seeds.length === 1 ? '' : 's'}: precision ${mean(evaluations.map((evaluation) => evaluation.precision)).toFixed(2)}, ` +
      `recall ${mean(evaluations.map((evaluation) => evaluation.recall)).toFixed(2)}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (import.meta.main) {
  try {
    await main();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\nUsage: npm run bench:suggest-quality -- [--seeds 1-6] [--threshold 0.375]\n`);
    process.exitCode = 2;
  }
}
