import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateSuggestions, type Evaluation } from '../../src/suggest/evaluate-suggestions.ts';
import { suggestDuplicateRequests } from '../../src/suggest/suggest-duplicate-requests.ts';
import { loadDemoWorld, type DemoWorld } from './demo-world.ts';

/**
 * The demo generator wrote 25 requests twice, in other words and mostly other titles, and left
 * them unmarked; it also wrote series of look-alike requests that are not duplicates. Measured
 * at the default threshold: precision 0.46 (13 found, 15 false alarms, one of them a pair the
 * generator wrote twice without listing it), recall 0.52 (12 missed). The floors below leave a
 * margin for small changes to the generator.
 */
const PRECISION_FLOOR = 0.4;
const RECALL_FLOOR = 0.45;

describe('suggested duplicates on the demo project', () => {
  let demo: DemoWorld;
  let evaluation: Evaluation;
  beforeAll(async () => {
    demo = await loadDemoWorld();
    const { suggestions } = suggestDuplicateRequests(demo.requests, demo.snapshot.items);
    evaluation = evaluateSuggestions(suggestions, demo.unmarkedDuplicates);
    console.info(
      `Demo: precision ${evaluation.precision.toFixed(2)}, recall ${evaluation.recall.toFixed(2)} ` +
        `(${evaluation.truePositives.length} found, ${evaluation.falsePositives.length} false alarms, ${evaluation.missed.length} missed)`,
    );
  });

  it(`finds at least ${RECALL_FLOOR * 100} % of the unmarked duplicates`, () => {
    expect(evaluation.recall).toBeGreaterThanOrEqual(RECALL_FLOOR);
  });

  it(`keeps false alarms low enough for a precision of ${PRECISION_FLOOR * 100} % or more`, () => {
    expect(evaluation.precision).toBeGreaterThanOrEqual(PRECISION_FLOOR);
  });

  it('finds duplicates across channels: an issue and a Discussion', () => {
    const typeOf = new Map(demo.requests.map((request) => [request.key, request.type]));
    expect(evaluation.truePositives.some(([a, b]) => typeOf.get(a) !== typeOf.get(b))).toBe(true);
  });
});
