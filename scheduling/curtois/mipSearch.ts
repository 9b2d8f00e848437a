// Runs the compact Curtois MIP with HiGHS from a starting roster, reporting rosters and bounds as found.
import type { Highs } from 'highs';
import type { IndexedInstance } from './indexed.ts';
import { buildCurtoisMip, columnsFromGrid, gridFromColumns } from './mip.ts';

/** Options of one exact run; `shouldStop` is polled from HiGHS callbacks. */
export interface MipSearchOptions {
  clock: () => number;
  until: number;
  seed: number;
  start: number[][] | null;
  onImprove: (grid: number[][]) => void;
  onBound: (lowerBound: number) => void;
  shouldStop: () => boolean;
}

/**
 * Did the compact MIP prove its best roster optimal before the deadline? Rosters found on the way
 * go to `onImprove`, proven integer lower bounds to `onBound`.
 * @example runCompactMip(highs, m, { clock, until, seed: 1, start: grid, onImprove, onBound, shouldStop: () => false }) // true for Instance1
 */
export function runCompactMip(highs: Highs, m: IndexedInstance, options: MipSearchOptions): boolean {
  const remaining = (options.until - options.clock()) / 1000;
  if (remaining <= 0.05) return false;
  const mip = buildCurtoisMip(m, highs.infinity);
  const model = highs.createModel({
    numCols: mip.numCols, numRows: mip.numRows, offset: mip.offset,
    colCost: mip.colCost, colLower: mip.colLower, colUpper: mip.colUpper,
    rowLower: mip.rowLower, rowUpper: mip.rowUpper, integrality: mip.integrality as unknown as Int32Array,
    matrix: { format: 'csr', numRows: mip.numRows, numCols: mip.numCols, starts: mip.starts, indices: mip.indices, values: mip.values },
  });
  try {
    // The objective is integral, so a gap below 1 is optimality.
    model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0.999, random_seed: (options.seed >>> 0) % 2147483647, time_limit: remaining });
    if (options.start) model.setSolution({ colValue: columnsFromGrid(mip, m, options.start) });
    const run = model.run({
      [highs.constants.callbackType.mipImprovingSolution](event) {
        if (event.data.mip_solution) options.onImprove(gridFromColumns(mip, event.data.mip_solution));
      },
      [highs.constants.callbackType.mipInterrupt](event) {
        const bound = event.data.mip_dual_bound;
        if (typeof bound === 'number' && Number.isFinite(bound)) options.onBound(Math.ceil(bound - 1e-6));
        if (options.clock() >= options.until || options.shouldStop()) event.interrupt();
      },
    });
    if (run.modelStatus !== highs.constants.modelStatus.optimal) return false;
    const grid = gridFromColumns(mip, model.getSolution().colValue);
    options.onImprove(grid);
    return true;
  } finally {
    model.dispose();
  }
}
