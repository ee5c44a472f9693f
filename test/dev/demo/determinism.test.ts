import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateWorld } from '../../../scripts/dev/demo/generate.ts';
import { worldJsonChunks } from '../../../scripts/dev/demo/write-world.ts';

function serialise(options: Parameters<typeof generateWorld>[0]): { world: string; truth: string } {
  const { world, truth } = generateWorld(options);
  return { world: [...worldJsonChunks(world)].join(''), truth: JSON.stringify(truth) };
}

describe('world generation is reproducible', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('gives byte-identical demo worlds and truths for the same seed', () => {
    const first = serialise({ preset: 'demo', seed: 1 });
    const second = serialise({ preset: 'demo', seed: 1 });
    expect(second.world).toBe(first.world);
    expect(second.truth).toBe(first.truth);
  });

  it('gives a different demo world for another seed', () => {
    expect(serialise({ preset: 'demo', seed: 2 }).world).not.toBe(serialise({ preset: 'demo', seed: 1 }).world);
  });

  it('uses seed 1 when no seed is given', () => {
    expect(serialise({ preset: 'demo' }).world).toBe(serialise({ preset: 'demo', seed: 1 }).world);
  });

  it('gives byte-identical bench worlds for the same seed and size, and different ones otherwise', () => {
    const first = serialise({ preset: 'bench', items: 2000, seed: 7 });
    expect(serialise({ preset: 'bench', items: 2000, seed: 7 }).world).toBe(first.world);
    expect(serialise({ preset: 'bench', items: 2000, seed: 8 }).world).not.toBe(first.world);
  });

  it('does not depend on the real clock or on Math.random', () => {
    const reference = serialise({ preset: 'demo', seed: 3 });
    vi.useFakeTimers({ now: new Date('2031-05-05T05:05:05Z') });
    vi.spyOn(Math, 'random').mockReturnValue(0.42);
    expect(serialise({ preset: 'demo', seed: 3 }).world).toBe(reference.world);
  });

  it('rejects options that make no sense', () => {
    expect(() => generateWorld({ preset: 'demo', items: 100 })).toThrow(/bench/);
    expect(() => generateWorld({ preset: 'bench', items: 2.5 })).toThrow(/items/);
    expect(() => generateWorld({ preset: 'bench', seed: Number.NaN })).toThrow(/seed/);
  });
});
