// Exact best row for one employee by dynamic programming over days, honouring every hard rule.
import type { IndexedInstance } from './indexed.ts';

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * What is the cheapest hard-feasible row for employee `e`, given the cost of each choice?
 * `cost[d][s]` is the cost of working shift s on day d (a day off costs 0). Returns the row
 * (shift index per day, -1 = off) and its cost, or null when no feasible row exists.
 * State per day: last shift, length of the current block, working weekends, minutes and
 * counts of shift types whose maximum can bind; blocks touching either end are exempt. A dense
 * table is used when the state space is small ('auto'), otherwise only reachable states are kept.
 * @example bestEmployeeRow(m, 0, costs)?.row // [0, 0, -1, -1, 1, …]
 */
export function bestEmployeeRow(m: IndexedInstance, e: number, cost: number[][], method: 'auto' | 'dense' | 'sparse' = 'auto'): { row: number[]; cost: number } | null {
  const layout = denseLayout(m, e);
  if (method === 'dense' || (method === 'auto' && layout.states * m.days <= 4_000_000)) return denseBestRow(m, e, cost, layout);
  return sparseBestRow(m, e, cost);
}

/** Label-setting version: only reachable states are stored (for large state spaces). */
function sparseBestRow(m: IndexedInstance, e: number, cost: number[][]): { row: number[]; cost: number } | null {
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

interface DenseLayout {
  unit: number; len: number[]; maxM: number; minM: number; maxCons: number; minCons: number; minOff: number;
  offCap: number; R: number; W: number; M: number; C: number; states: number;
  countIndex: number[]; radix: number[]; stride: number[];
}

function denseLayout(m: IndexedInstance, e: number): DenseLayout {
  const D = m.days, S = m.shifts;
  const unit = m.lengthMinutes.reduce((g, l) => gcd(g, l), 0) || 1;
  const len = m.lengthMinutes.map((l) => l / unit);
  const maxM = Math.max(0, Math.min(Math.floor(m.maxMinutes[e]! / unit), D * Math.max(0, ...len)));
  const maxCons = Math.max(1, m.maxConsecutive[e]!), minOff = m.minDaysOff[e]!, offCap = Math.max(1, minOff);
  const counted = Array.from({ length: S }, (_, s) => s).filter((s) => m.maxShifts[e]![s]! > 0 && m.maxShifts[e]![s]! < D);
  const countIndex = new Array<number>(S).fill(-1);
  counted.forEach((s, i) => (countIndex[s] = i));
  const radix = counted.map((s) => m.maxShifts[e]![s]! + 1);
  const stride = radix.map((_, i) => radix.slice(i + 1).reduce((a, b) => a * b, 1));
  const R = Math.max(maxCons, offCap) + 1, W = Math.min(m.maxWeekends[e]!, m.weekends) + 1, M = maxM + 1;
  const C = radix.reduce((a, b) => a * b, 1);
  return { unit, len, maxM, minM: m.minMinutes[e]! / unit, maxCons, minCons: m.minConsecutive[e]!, minOff, offCap, R, W, M, C,
    states: (S + 1) * R * W * M * C, countIndex, radix, stride };
}

/** Table version: every state has a slot; fast when the state space is small. */
function denseBestRow(m: IndexedInstance, e: number, cost: number[][], L: DenseLayout): { row: number[]; cost: number } | null {
  const D = m.days, S = m.shifts, { R, W, M, C, len, maxM, minM, maxCons, minCons, minOff, offCap, countIndex, radix, stride } = L;
  const N = L.states;
  const maxLen = Math.max(0, ...len);
  const index = (l: number, run: number, wk: number, mins: number, c: number) => (((l * R + run) * W + wk) * M + mins) * C + c;
  const costs: Float64Array[] = [], parents: Int32Array[] = [];
  const maxW = W - 1;
  for (let d = 0; d < D; d++) {
    const next = new Float64Array(N).fill(Infinity), parent = new Int32Array(N).fill(-1);
    const reachable = (mins: number) => mins + (D - 1 - d) * maxLen >= minM;
    const relax = (to: number, value: number, from: number) => { if (value < next[to]!) { next[to] = value; parent[to] = from; } };
    const weekendDay = m.weekendOf[d]! >= 0, sunday = d % 7 === 6, dayOff = m.dayOff[e]![d]!;
    if (d === 0) {
      relax(index(0, 1, 0, 0, 0), 0, -1);
      for (let v = 0; v < S && !dayOff; v++) {
        if (m.maxShifts[e]![v]! <= 0 || len[v]! > maxM) continue;
        const wk = weekendDay ? 1 : 0;
        if (wk > maxW) continue;
        const c = countIndex[v]! >= 0 ? stride[countIndex[v]!]! : 0;
        if (countIndex[v]! >= 0 && radix[countIndex[v]!]! < 2) continue;
        if (!reachable(len[v]!)) continue;
        relax(index(v + 1, 1, wk, len[v]!, c), cost[d]![v]!, -1);
      }
    } else {
      const prev = costs[d - 1]!;
      for (let l = 0; l <= S; l++) for (let run = 1; run < R; run++) for (let wk = 0; wk < W; wk++) for (let mins = 0; mins < M; mins++) {
        const base = index(l, run, wk, mins, 0);
        for (let c = 0; c < C; c++) {
          const from = base + c, value = prev[from]!;
          if (value === Infinity) continue;
          const last = l - 1;
          // Day off.
          if (last >= 0) {
            if ((run >= minCons || run === d) && reachable(mins)) relax(index(0, 1, wk, mins, c), value, from);
          } else if (reachable(mins)) {
            relax(index(0, Math.min(run + 1, offCap), wk, mins, c), value, from);
          }
          if (dayOff) continue;
          // Work shift v.
          let newRun: number;
          if (last >= 0) { newRun = run + 1; if (newRun > maxCons) continue; }
          else { if (run < minOff && run !== d) continue; newRun = 1; }
          const newWk = weekendDay && !(sunday && last >= 0) ? wk + 1 : wk;
          if (newWk > maxW) continue;
          for (let v = 0; v < S; v++) {
            if (m.maxShifts[e]![v]! <= 0 || (last >= 0 && m.forbidden[last]![v])) continue;
            const newMins = mins + len[v]!;
            if (newMins > maxM || !reachable(newMins)) continue;
            let newC = c;
            const k = countIndex[v]!;
            if (k >= 0) {
              if (Math.floor(c / stride[k]!) % radix[k]! + 1 >= radix[k]!) continue;
              newC = c + stride[k]!;
            }
            relax(index(v + 1, newRun, newWk, newMins, newC), value + cost[d]![v]!, from);
          }
        }
      }
    }
    costs.push(next); parents.push(parent);
  }
  const last = costs[D - 1]!;
  let bestIndex = -1;
  for (let i = 0; i < N; i++) {
    if (last[i] === Infinity) continue;
    const mins = Math.floor(i / C) % M;
    if (mins >= minM && (bestIndex < 0 || last[i]! < last[bestIndex]!)) bestIndex = i;
  }
  if (bestIndex < 0) return null;
  const row = new Array<number>(D).fill(-1);
  for (let d = D - 1, i = bestIndex; d >= 0; d--) {
    row[d] = Math.floor(i / (R * W * M * C)) - 1;
    i = parents[d]![i]!;
  }
  return { row, cost: last[bestIndex]! };
}
