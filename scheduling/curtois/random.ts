// Seeded pseudo-random numbers (mulberry32), so every search is repeatable for a given seed.

/**
 * Returns a generator of floats in [0, 1) fully determined by `seed`.
 * @example const next = mulberry32(42); next() // 0.6011037519201636
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return function next(): number {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Picks an integer in [0, n) from a generator.
 * @example randomInt(mulberry32(1), 10) // an integer 0–9, the same every run
 */
export function randomInt(next: () => number, n: number): number {
  return Math.floor(next() * n);
}
