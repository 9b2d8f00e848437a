// Exact best row for one employee by dynamic programming over days, honouring every hard rule.
import type { IndexedInstance } from './indexed.ts';

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * What is the cheapest hard-feasible row for employee `e`, given the cost of each choice?
 * `cost[d][s]` is the cost of working shift s on day d (a day off costs 0). Returns the row
 * (shift index per day, -1 = off) and its cost, or null when no feasible row exists.
 * State per day: last shift, length of the current block, working weekends, minutes and
 * counts of shift types whose maximum can bind; blocks touching either end are exempt.
 * @example bestEmployeeRow(m, 0, costs)?.row // [0, 0, -1, -1, 1, …]
 */
export function bestEmployeeRow(m: IndexedInstance, e: number, cost: number[][]): { row: number[]; cost: number } | null {
  const D = m.days, S = m.shifts;
  const unit = m.lengthMinutes.reduce((g, l) => gcd(g, l), 0) || 1;
  const len = m.lengthMinutes.map((l) => l / unit);
  const maxM = Math.floor(m.maxMinutes[e]! / unit), minM = m.minMinutes[e]! / unit;
  const maxCons = Math.max(1, m.maxConsecutive[e]!), minCons = m.minConsecutive[e]!, minOff = m.minDaysOff[e]!;
  const offCap = Math.max(1, minOff);
  const runRadix = Math.max(maxCons, offCap) + 1;
  const maxW = m.maxWeekends[e]!;
  // Shift types whose maximum is below the horizon need a counter; others cannot bind.
  const counted = Array.from({ length: S }, (_, s) => s).filter((s) => m.maxShifts[e]![s]! > 0 && m.maxShifts[e]![s]! < D);
  const countIndex = new Array<number>(S).fill(-1);
  counted.forEach((s, i) => (countIndex[s] = i));
  const radix = counted.map((s) => m.maxShifts[e]![s]! + 1);
  const allowed = (d: number, s: number) => !m.dayOff[e]![d] && m.maxShifts[e]![s]! > 0;

  // A state is stored as plain fields; the key merges equal states, keeping the cheapest.
  interface Label { last: number; run: number; weekends: number; minutes: number; counts: number[]; cost: number; parent: number; choice: number }
  const key = (l: Omit<Label, 'cost' | 'parent' | 'choice'>): number => {
    let k = ((((l.last + 1) * runRadix + l.run) * (maxW + 1) + l.weekends) * (maxM + 1)) + l.minutes;
    for (let i = 0; i < counted.length; i++) k = k * radix[i]! + l.counts[i]!;
    return k;
  };
  const layers: Label[][] = [];
  let current: Label[] = [];
  const push = (map: Map<number, number>, layer: Label[], label: Label) => {
    const k = key(label);
    const at = map.get(k);
    if (at === undefined) { map.set(k, layer.length); layer.push(label); }
    else if (label.cost < layer[at]!.cost) layer[at] = label;
  };
  for (let d = 0; d < D; d++) {
    const map = new Map<number, number>();
    const next: Label[] = [];
    const sources: (Label | null)[] = d === 0 ? [null] : current;
    sources.forEach((p, pi) => {
      for (let v = -1; v < S; v++) {
        if (v >= 0 && !allowed(d, v)) continue;
        const c = v >= 0 ? cost[d]![v]! : 0;
        if (p === null) {
          const weekends = v >= 0 && m.weekendOf[d]! >= 0 ? 1 : 0;
          if (weekends > maxW) continue;
          const counts = counted.map((s) => (s === v ? 1 : 0));
          const minutes = v >= 0 ? len[v]! : 0;
          if (minutes > maxM || counts.some((n, i) => n >= radix[i]!)) continue;
          push(map, next, { last: v, run: 1, weekends, minutes, counts, cost: c, parent: -1, choice: v });
          continue;
        }
        let run: number;
        if (v >= 0) {
          if (p.last >= 0) {
            if (m.forbidden[p.last]![v]) continue;
            run = p.run + 1;
            if (run > maxCons) continue;
          } else {
            // An off block of length p.run ends at d-1; it started at day 0 when p.run === d.
            if (p.run < minOff && p.run !== d) continue;
            run = 1;
          }
        } else if (p.last >= 0) {
          if (p.run < minCons && p.run !== d) continue;
          run = 1;
        } else {
          run = Math.min(p.run + 1, offCap);
        }
        let weekends = p.weekends;
        if (v >= 0 && m.weekendOf[d]! >= 0 && !(d % 7 === 6 && p.last >= 0)) weekends++;
        if (weekends > maxW) continue;
        const minutes = p.minutes + (v >= 0 ? len[v]! : 0);
        if (minutes > maxM) continue;
        let counts = p.counts;
        if (v >= 0 && countIndex[v]! >= 0) {
          counts = [...p.counts];
          if (++counts[countIndex[v]!]! >= radix[countIndex[v]!]!) continue;
        }
        push(map, next, { last: v, run, weekends, minutes, counts, cost: p.cost + c, parent: pi, choice: v });
      }
    });
    layers.push(next);
    current = next;
  }
  let bestIndex = -1;
  current.forEach((l, i) => {
    if (l.minutes >= minM && (bestIndex < 0 || l.cost < current[bestIndex]!.cost)) bestIndex = i;
  });
  if (bestIndex < 0) return null;
  const row = new Array<number>(D).fill(-1);
  for (let d = D - 1, i = bestIndex; d >= 0; d--) {
    const l = layers[d]![i]!;
    row[d] = l.choice;
    i = l.parent;
  }
  return { row, cost: current[bestIndex]!.cost };
}
