// Draws spread through a plan's period: the period cut into 7-day portions, each drawn from its own
// seed derived from the plan seed, so every portion can be re-derived from what is stored.

/** One portion of a plan's period (`n` counts from 1; dates `YYYY-MM-DD`, inclusive). */
export interface Portion {
  n: number;
  start: string;
  end: string;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The portions of a period: the whole period once, or consecutive 7-day slices from its first
 * day (the last one may be shorter).
 *
 * @example planPortions('2026-11-01', '2026-11-16', 'week') // [{ n: 1, start: '2026-11-01', end: '2026-11-07' }, { n: 2, …'11-08'…'11-14' }, { n: 3, start: '2026-11-15', end: '2026-11-16' }]
 */
export function planPortions(start: string, end: string, every: 'once' | 'week'): Portion[] {
  if (every === 'once' || end < start) return [{ n: 1, start, end }];
  const out: Portion[] = [];
  for (let s = start, n = 1; s <= end && n <= 1000; s = addDays(s, 7), n++) {
    const e = addDays(s, 6);
    out.push({ n, start: s, end: e < end ? e : end });
  }
  return out;
}

/**
 * The seed a portion is drawn with: the plan seed itself for a single draw, else the plan seed
 * and the portion number (`seed#2`), stored with the draw.
 */
export function portionSeed(seed: string, every: 'once' | 'week', n: number): string {
  return every === 'once' ? seed : `${seed}#${n}`;
}
