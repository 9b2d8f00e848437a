// Exact MIP model of a Curtois instance for HiGHS: x[e,d,s] binaries, cover slacks, weekend flags.
import type { IndexedInstance } from './indexed.ts';

/** A MIP in HiGHS's structured form, plus how to read a roster back from a column vector. */
export interface CurtoisMip {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  integrality: Int32Array;
  offset: number;
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  /** xCol[e][d][s]: column of x, or -1 where the assignment is impossible. */
  xCol: number[][][];
  /** Cover slack columns: people short (`under`) and extra (`over`) for day d, shift s. */
  coverCols: { day: number; shift: number; under: number; over: number }[];
  /** Weekend flag columns per employee (empty when the weekend limit cannot bind). */
  weekendCols: number[][];
}

/**
 * Builds the MIP whose optimum is the official objective (constant offset = on-request weights).
 * Rows: one shift a day, rotation, max per type, minutes, max/min consecutive, min days off,
 * weekends, cover balance. Blocks touching the horizon's ends are exempt from the minimums.
 * @example buildCurtoisMip(indexInstance(instance)).numCols // 112 + cover and weekend columns for Instance1
 */
export function buildCurtoisMip(m: IndexedInstance, infinity = Infinity): CurtoisMip {
  const cost: number[] = [], lower: number[] = [], upper: number[] = [], integer: number[] = [];
  const addCol = (c: number, lo: number, hi: number, isInt: boolean): number => {
    cost.push(c); lower.push(lo); upper.push(hi); integer.push(isInt ? 1 : 0);
    return cost.length - 1;
  };
  const rowLo: number[] = [], rowHi: number[] = [], starts: number[] = [0], idx: number[] = [], val: number[] = [];
  const addRow = (terms: [number, number][], lo: number, hi: number): void => {
    const merged = new Map<number, number>();
    for (const [c, v] of terms) if (c >= 0) merged.set(c, (merged.get(c) ?? 0) + v);
    for (const [c, v] of merged) if (v !== 0) { idx.push(c); val.push(v); }
    starts.push(idx.length); rowLo.push(lo); rowHi.push(hi);
  };
  const { employees: E, days: D, shifts: S } = m;
  const xCol = Array.from({ length: E }, (_, e) => Array.from({ length: D }, (_, d) => Array.from({ length: S }, (_, s) =>
    m.dayOff[e]![d] || m.maxShifts[e]![s]! <= 0 ? -1 : addCol(m.assignCost[e]![d]![s]!, 0, 1, true))));
  const weekendCols: number[][] = Array.from({ length: E }, () => []);
  const coverCols: CurtoisMip['coverCols'] = [];
  const work = (e: number, d: number, sign = 1): [number, number][] => xCol[e]![d]!.map((c) => [c, sign]);

  for (let e = 0; e < E; e++) {
    for (let d = 0; d < D; d++) addRow(work(e, d), -infinity, 1);
    for (let d = 0; d + 1 < D; d++) for (let s = 0; s < S; s++) for (let t = 0; t < S; t++) {
      if (m.forbidden[s]![t] && xCol[e]![d]![s]! >= 0 && xCol[e]![d + 1]![t]! >= 0) addRow([[xCol[e]![d]![s]!, 1], [xCol[e]![d + 1]![t]!, 1]], -infinity, 1);
    }
    for (let s = 0; s < S; s++) {
      if (m.maxShifts[e]![s]! < D) addRow(Array.from({ length: D }, (_, d) => [xCol[e]![d]![s]!, 1] as [number, number]), -infinity, m.maxShifts[e]![s]!);
    }
    const minutes: [number, number][] = [];
    for (let d = 0; d < D; d++) for (let s = 0; s < S; s++) minutes.push([xCol[e]![d]![s]!, m.lengthMinutes[s]!]);
    addRow(minutes, m.minMinutes[e]!, m.maxMinutes[e]!);
    const cMax = m.maxConsecutive[e]!;
    for (let d = 0; d + cMax < D; d++) {
      addRow(Array.from({ length: cMax + 1 }, (_, i) => work(e, d + i)).flat(), -infinity, cMax);
    }
    // A working block of length k on days d..d+k-1 with days off at d-1 and d+k is forbidden for k < min.
    for (let k = 1; k < m.minConsecutive[e]!; k++) {
      for (let d = 1; d + k <= D - 1; d++) {
        addRow([...work(e, d - 1, -1), ...Array.from({ length: k }, (_, i) => work(e, d + i)).flat(), ...work(e, d + k, -1)], -infinity, k - 1);
      }
    }
    // An off block of length k with working days on both sides is forbidden for k < min days off.
    for (let k = 1; k < m.minDaysOff[e]!; k++) {
      for (let d = 1; d + k <= D - 1; d++) {
        addRow([...work(e, d - 1), ...Array.from({ length: k }, (_, i) => work(e, d + i, -1)).flat(), ...work(e, d + k)], -infinity, 1);
      }
    }
    if (m.maxWeekends[e]! < m.weekends) {
      const flags = Array.from({ length: m.weekends }, () => addCol(0, 0, 1, true));
      weekendCols[e] = flags;
      for (let d = 0; d < D; d++) {
        const k = m.weekendOf[d]!;
        if (k >= 0) addRow([...work(e, d), [flags[k]!, -1]], -infinity, 0);
      }
      addRow(flags.map((c) => [c, 1]), -infinity, m.maxWeekends[e]!);
    }
  }
  let offset = m.baseCost;
  for (let d = 0; d < D; d++) for (let s = 0; s < S; s++) {
    const under = m.weightUnder[d]![s]!, over = m.weightOver[d]![s]!;
    if (under === 0 && over === 0) continue;
    const u = addCol(under, 0, infinity, false), o = addCol(over, 0, infinity, false);
    coverCols.push({ day: d, shift: s, under: u, over: o });
    const terms: [number, number][] = Array.from({ length: E }, (_, e) => [xCol[e]![d]![s]!, 1]);
    addRow([...terms, [u, 1], [o, -1]], m.requirement[d]![s]!, m.requirement[d]![s]!);
  }
  return {
    numCols: cost.length, numRows: rowLo.length,
    colCost: Float64Array.from(cost), colLower: Float64Array.from(lower), colUpper: Float64Array.from(upper),
    rowLower: Float64Array.from(rowLo), rowUpper: Float64Array.from(rowHi), integrality: Int32Array.from(integer),
    offset, starts: Int32Array.from(starts), indices: Int32Array.from(idx), values: Float64Array.from(val), xCol, coverCols, weekendCols,
  };
}

/**
 * Reads a roster grid (shift index per employee and day, -1 = off) from a MIP column vector.
 * @example gridFromColumns(mip, solution.colValue)[0] // [0, 0, -1, …]
 */
export function gridFromColumns(mip: CurtoisMip, columns: ArrayLike<number>): number[][] {
  return mip.xCol.map((days) => days.map((shifts) => {
    let best = -1;
    shifts.forEach((c, s) => { if (c >= 0 && columns[c]! > 0.5) best = s; });
    return best;
  }));
}

/**
 * Builds a full column vector (x, cover slacks, weekend flags) for a roster grid, e.g. as a MIP start.
 * Cells the model forbids (days off, shift types not allowed) are left at 0.
 * @example columnsFromGrid(mip, indexed, grid).length === mip.numCols // true
 */
export function columnsFromGrid(mip: CurtoisMip, m: IndexedInstance, grid: number[][]): Float64Array {
  const cols = new Float64Array(mip.numCols);
  const counts = Array.from({ length: m.days }, () => new Array<number>(m.shifts).fill(0));
  grid.forEach((row, e) => row.forEach((s, d) => {
    if (s < 0) return;
    counts[d]![s]!++;
    const c = mip.xCol[e]![d]![s]!;
    if (c >= 0) cols[c] = 1;
    const k = m.weekendOf[d]!;
    if (k >= 0 && mip.weekendCols[e]!.length > 0) cols[mip.weekendCols[e]![k]!] = 1;
  }));
  for (const { day, shift, under, over } of mip.coverCols) {
    const gap = counts[day]![shift]! - m.requirement[day]![shift]!;
    cols[under] = Math.max(0, -gap);
    cols[over] = Math.max(0, gap);
  }
  return cols;
}
