import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runOnWorkers } from '../../src/workers/worker-pool.ts';

const workerFile = fileURLToPath(new URL('./fixtures/echo-worker.ts', import.meta.url));

type Reply = { value: number; held: number };

async function run(values: number[], options: { threads: number; queued?: number }) {
  const outputs = new Map<number, Reply>();
  let calls = 0;
  await runOnWorkers<{ value: number }, Reply>(
    values.map((value) => ({ value })),
    (index, output) => {
      calls++;
      outputs.set(index, output);
    },
    { workerFile, what: 'echo', ...options },
  );
  return { outputs, calls };
}

describe('runOnWorkers', () => {
  it('hands every output to its input once, one job per worker at a time by default', async () => {
    const values = Array.from({ length: 12 }, (_, index) => index * 7);
    const { outputs, calls } = await run(values, { threads: 2 });
    expect(calls).toBe(values.length);
    expect([...outputs.keys()].sort((a, b) => a - b)).toEqual(values.map((_, index) => index));
    for (const [index, output] of outputs) expect(output.value).toBe(values[index]);
    expect(Math.max(...[...outputs.values()].map((output) => output.held))).toBe(1);
  });

  it('keeps up to `queued` jobs on each worker, so it need not wait for this thread between jobs', async () => {
    const values = Array.from({ length: 20 }, (_, index) => index);
    const { outputs, calls } = await run(values, { threads: 2, queued: 3 });
    expect(calls).toBe(values.length);
    for (const [index, output] of outputs) expect(output.value).toBe(values[index]);
    const held = [...outputs.values()].map((output) => output.held);
    expect(Math.max(...held)).toBe(3);
  });

  it('starts no more workers than there are jobs, and finishes when the jobs are fewer than a queue', async () => {
    const { outputs } = await run([5, 6], { threads: 4, queued: 8 });
    expect([...outputs.values()].map((output) => output.value).sort()).toEqual([5, 6]);
  });

  it('rejects with the failing job and what it was, however many jobs are queued', async () => {
    const values = [1, 2, 3, -4, 5, 6, 7, 8];
    await expect(run(values, { threads: 2, queued: 4 })).rejects.toThrow('Echo 4 of 8 failed: negative value -4');
  });
});
