/**
 * A small seeded pseudo-random generator (sfc32) and the sampling helpers the world generators
 * need. Worlds must be byte-identical for the same seed, so nothing here may touch Math.random.
 *
 * `fork(label)` derives an independent stream from the root seed and a label without consuming the
 * parent's state, so adding a draw in one part of a world does not reshuffle every other part.
 */

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** Uniform real in [min, max). */
  between(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks an entry with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** A shuffled copy. */
  shuffle<T>(items: readonly T[]): T[];
  /** `count` distinct items (or all of them when there are fewer), in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** Pareto-distributed value ≥ `minimum`; smaller `alpha` gives a heavier tail. */
  pareto(minimum: number, alpha: number): number;
  /** Lower-case hexadecimal string of the given length. */
  hex(length: number): string;
  fork(label: string): Random;
}

/** Returns the element or throws: for indexes the caller has already proven valid. */
export function must<T>(value: T | undefined, what = 'value'): T {
  if (value === undefined) throw new Error(`missing ${what}`);
  return value;
}

/** cyrb128: spreads a string over four 32-bit words, enough state to seed sfc32 well. */
function hashSeed(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = h2 ^ Math.imul(h1 ^ code, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ code, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ code, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ code, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export function createRandom(seed: number | string): Random {
  const seedText = String(seed);
  let [a, b, c, d] = hashSeed(seedText);

  function next(): number {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  // Warm up: the first outputs of sfc32 correlate with the seed words.
  for (let index = 0; index < 15; index++) next();

  function int(min: number, max: number): number {
    return min + Math.floor(next() * (max - min + 1));
  }

  function pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return must(items[Math.floor(next() * items.length)]);
  }

  function shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let index = copy.length - 1; index > 0; index--) {
      const other = Math.floor(next() * (index + 1));
      const held = copy[index] as T;
      copy[index] = copy[other] as T;
      copy[other] = held;
    }
    return copy;
  }

  return {
    next,
    int,
    between: (min, max) => min + next() * (max - min),
    chance: (probability) => next() < probability,
    pick,
    weighted<T>(entries: readonly (readonly [T, number])[]): T {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [value, weight] of entries) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return must(entries.at(-1), 'weighted entry')[0];
    },
    shuffle,
    sample<T>(items: readonly T[], count: number): T[] {
      if (count >= items.length) return shuffle(items);
      // Partial Fisher-Yates over indexes: cheap even when sampling a few from a large pool.
      const chosen = new Map<number, number>();
      const result: T[] = [];
      for (let index = 0; index < count; index++) {
        const other = index + Math.floor(next() * (items.length - index));
        const atOther = chosen.get(other) ?? other;
        chosen.set(other, chosen.get(index) ?? index);
        result.push(items[atOther] as T);
      }
      return result;
    },
    pareto: (minimum, alpha) => minimum / Math.pow(1 - next(), 1 / alpha),
    hex(length: number): string {
      let text = '';
      while (text.length < length) text += Math.floor(next() * 16).toString(16);
      return text;
    },
    fork: (label) => createRandom(`${seedText}/${label}`),
  };
}
