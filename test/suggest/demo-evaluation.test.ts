import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { evaluateSuggestions, type Evaluation } from '../../src/suggest/evaluate-suggestions.ts';
import { suggestDuplicateRequests } from '../../src/suggest/suggest-duplicate-requests.ts';
import { evaluateDemoSeed } from '../../scripts/dev/bench/suggest-quality.ts';
import { loadDemoWorld, type DemoWorld } from './demo-world.ts';

/**
 * The demo generator wrote 25 requests twice, in other words and mostly other titles, and left
 * them unmarked; it also wrote series of look-alike requests that are not duplicates, and
 * requests that are related without being the same. Measured at the default threshold on the
 * committed demo (seed 1): precision 0.77, recall 0.68 (17 found, 5 false alarms, 8 missed).
 * On demo projects of seeds 2 to 6, which the suggestion was not tuned on, precision is 0.74
 * to 0.94 and recall 0.64 to 0.80, 0.83 and 0.70 on average. The floors below sit a pair or
 * so under those numbers, a margin for small changes to the generator.
 */
const SEED_1_FLOOR = { precision: 0.7, recall: 0.64 };
const HELD_OUT_SEEDS = [2, 3, 4, 5, 6];
const HELD_OUT_MEAN_FLOOR = { precision: 0.78, recall: 0.66 };
const HELD_OUT_EACH_FLOOR = { precision: 0.68, recall: 0.6 };

function summary(name: string, evaluation: Evaluation): string {
  return (
    `${name}: precision ${evaluation.precision.toFixed(2)}, recall ${evaluation.recall.toFixed(2)} ` +
    `(${evaluation.truePositives.length} found, ${evaluation.falsePositives.length} false alarms, ${evaluation.missed.length} missed)`
  );
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

describe('suggested duplicates on the demo project', () => {
  let demo: DemoWorld;
  let evaluation: Evaluation;
  beforeAll(async () => {
    demo = await loadDemoWorld();
    const { suggestions } = suggestDuplicateRequests(demo.requests, demo.snapshot.items);
    evaluation = evaluateSuggestions(suggestions, demo.unmarkedDuplicates);
    console.info(summary('Demo', evaluation));
  });

  it(`finds at least ${SEED_1_FLOOR.recall * 100} % of the unmarked duplicates`, () => {
    expect(evaluation.recall).toBeGreaterThanOrEqual(SEED_1_FLOOR.recall);
  });

  it(`keeps false alarms low enough for a precision of ${SEED_1_FLOOR.precision * 100} % or more`, () => {
    expect(evaluation.precision).toBeGreaterThanOrEqual(SEED_1_FLOOR.precision);
  });

  it('finds duplicates across channels: an issue and a Discussion', () => {
    const typeOf = new Map(demo.requests.map((request) => [request.key, request.type]));
    expect(evaluation.truePositives.some(([a, b]) => typeOf.get(a) !== typeOf.get(b))).toBe(true);
  });
});

describe(`suggested duplicates on demo projects it was not tuned on (seeds ${HELD_OUT_SEEDS.join(', ')})`, () => {
  let evaluations: Evaluation[] = [];
  beforeAll(async () => {
    const config = await loadConfig();
    evaluations = HELD_OUT_SEEDS.map((seed) => evaluateDemoSeed(seed, config));
    evaluations.forEach((held, index) => console.info(summary(`Seed ${HELD_OUT_SEEDS[index] ?? ''}`, held)));
  });

  it(`finds at least ${HELD_OUT_MEAN_FLOOR.recall * 100} % of the unmarked duplicates on average, and ${HELD_OUT_EACH_FLOOR.recall * 100} % on each`, () => {
    expect(mean(evaluations.map((held) => held.recall))).toBeGreaterThanOrEqual(HELD_OUT_MEAN_FLOOR.recall);
    for (const held of evaluations) expect(held.recall).toBeGreaterThanOrEqual(HELD_OUT_EACH_FLOOR.recall);
  });

  it(`keeps a precision of ${HELD_OUT_MEAN_FLOOR.precision * 100} % on average, and ${HELD_OUT_EACH_FLOOR.precision * 100} % on each`, () => {
    expect(mean(evaluations.map((held) => held.precision))).toBeGreaterThanOrEqual(HELD_OUT_MEAN_FLOOR.precision);
    for (const held of evaluations) expect(held.precision).toBeGreaterThanOrEqual(HELD_OUT_EACH_FLOOR.precision);
  });
});
