import { describe, it, expect } from 'vitest';
import { planPortions, portionSeed } from './portions.ts';

describe('draw portions', () => {
  it('cuts the period into 7-day portions from its first day, the last one shorter', () => {
    expect(planPortions('2026-11-01', '2026-11-16', 'week')).toEqual([
      { n: 1, start: '2026-11-01', end: '2026-11-07' },
      { n: 2, start: '2026-11-08', end: '2026-11-14' },
      { n: 3, start: '2026-11-15', end: '2026-11-16' },
    ]);
    // across a month end: 28 days are exactly four portions
    expect(planPortions('2026-11-20', '2026-12-17', 'week').map((p) => [p.start, p.end])).toEqual([
      ['2026-11-20', '2026-11-26'],
      ['2026-11-27', '2026-12-03'],
      ['2026-12-04', '2026-12-10'],
      ['2026-12-11', '2026-12-17'],
    ]);
  });
  it('keeps the whole period as one draw with the plan seed itself', () => {
    expect(planPortions('2026-11-01', '2026-11-30', 'once')).toEqual([{ n: 1, start: '2026-11-01', end: '2026-11-30' }]);
    expect(portionSeed('abc', 'once', 1)).toBe('abc');
    expect(portionSeed('abc', 'week', 3)).toBe('abc#3');
  });
});
