// Maximal runs of working days or days off in one employee's row, and the horizon's weekends.

/** A maximal run of equal work/off status: first and last day (inclusive). */
export interface DayBlock {
  working: boolean;
  firstDay: number;
  lastDay: number;
}

/**
 * Which maximal runs of working days and days off does a row of day entries contain?
 * @example dayBlocks(['D', 'D', '', 'E']) // [{working:true,0,1},{working:false,2,2},{working:true,3,3}]
 */
export function dayBlocks(row: readonly string[]): DayBlock[] {
  const blocks: DayBlock[] = [];
  for (let day = 0; day < row.length; day++) {
    const working = row[day] !== '';
    const last = blocks[blocks.length - 1];
    if (last && last.working === working) last.lastDay = day;
    else blocks.push({ working, firstDay: day, lastDay: day });
  }
  return blocks;
}

/**
 * Does a block lie wholly inside the horizon (touches neither day 0 nor the last day)?
 * Only such blocks are bound by the minimum-length rules.
 * @example isInteriorBlock({ working: true, firstDay: 0, lastDay: 2 }, 14) // false
 */
export function isInteriorBlock(block: DayBlock, horizonDays: number): boolean {
  return block.firstDay > 0 && block.lastDay < horizonDays - 1;
}

/**
 * Which days make up each weekend of the horizon? Day 0 is a Monday, so weekend k is
 * days 7k+5 and 7k+6 (a weekend cut by the horizon keeps only its days inside).
 * @example weekendDays(14) // [[5, 6], [12, 13]]
 */
export function weekendDays(horizonDays: number): number[][] {
  const weekends: number[][] = [];
  for (let k = 0; 7 * k + 5 < horizonDays; k++) {
    weekends.push([7 * k + 5, 7 * k + 6].filter((d) => d < horizonDays));
  }
  return weekends;
}
