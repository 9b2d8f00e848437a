// Staffing helpers of the scheduling service without a database: one interval, daily totals, the CSV export.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/process.ts';
import { dailyTotals, requirementCsv, staffInterval, type IntervalPlan } from '../../server/scheduling/service.ts';

const vectors = (JSON.parse(readFileSync(join(ROOT, '..', 'shared', 'vectors', 'erlang.json'), 'utf8')) as { erlangc_required: Record<string, number>[] }).erlangc_required;

describe('staffInterval', () => {
  it('returns 14 productive and 20 scheduled agents for 100 calls/30 min at AHT 180 s, 80/20, occupancy 0.85, shrinkage 0.30', () => {
    const v = vectors[0]!;
    const r = staffInterval({ calls: v.transactions, ahtSeconds: v.aht * 60 }, { slTarget: v.service_level_target, slSeconds: 20 }, { maxOccupancy: v.max_occupancy, shrinkage: v.shrinkage });
    expect(r.productiveAgents).toBe(v.raw_positions);
    expect(r.scheduledAgents).toBe(v.positions);
    expect(r.occupancy).toBeCloseTo(v.occupancy, 5);
  });
  it('matches every published 30-minute Erlang C row at its own target', () => {
    const rows = vectors.filter((x) => x.interval === 30);
    expect(rows.length).toBeGreaterThan(1);
    for (const v of rows) {
      const r = staffInterval({ calls: v.transactions, ahtSeconds: v.aht * 60 }, { slTarget: v.service_level_target, slSeconds: v.asa * 60 }, { maxOccupancy: v.max_occupancy, shrinkage: v.shrinkage });
      expect([v.transactions, r.productiveAgents, r.scheduledAgents]).toEqual([v.transactions, v.raw_positions, v.positions]);
    }
  });
  describe('edge cases', () => {
    it('needs nobody for an interval without calls or without handling time', () => {
      const params = { maxOccupancy: 0.85, shrinkage: 0.3 };
      expect(staffInterval({ calls: 0, ahtSeconds: 180 }, { slTarget: 0.8, slSeconds: 20 }, params)).toMatchObject({ productiveAgents: 0, scheduledAgents: 0, serviceLevel: 1 });
      expect(staffInterval({ calls: 5, ahtSeconds: 0 }, { slTarget: 0.8, slSeconds: 20 }, params).scheduledAgents).toBe(0);
    });
  });
});

function plan(date: string, interval: number, calls: number, scheduled: number, adjusted?: string): IntervalPlan {
  return { project: 'EV', date, interval, calls, ahtSeconds: 200, ...(adjusted ? { adjusted } : {}), staffing: { productiveAgents: scheduled, scheduledAgents: scheduled, serviceLevel: 0.9, occupancy: 0.5, waitProbability: 0.1, asaSeconds: 2 } };
}

describe('dailyTotals', () => {
  it('sums calls and agent-hours per day and finds the peak interval', () => {
    const rows = [plan('2026-12-01', 0, 10, 2), plan('2026-12-01', 1, 30, 6), plan('2026-12-01', 2, 20, 4), plan('2026-12-02', 0, 5, 1, 'campaign')];
    expect(dailyTotals(rows)).toEqual([
      { date: '2026-12-01', calls: 60, peakInterval: 1, peakCalls: 30, peakScheduled: 6, agentHours: 6, adjusted: false },
      { date: '2026-12-02', calls: 5, peakInterval: 0, peakCalls: 5, peakScheduled: 1, agentHours: 0.5, adjusted: true },
    ]);
  });
});

describe('requirementCsv', () => {
  it('writes one line per interval with its start instant, and quotes notes that need it', () => {
    expect(requirementCsv([plan('2026-12-01', 1, 12.345, 3, 'a, "b"')])).toBe(
      'project,date,interval,interval_start,calls,aht_seconds,productive_agents,scheduled_agents,service_level,occupancy,adjusted\n' +
        'EV,2026-12-01,1,2026-11-30T16:30:00.000Z,12.35,200.0,3,3,0.9000,0.5000,"a, ""b"""\n',
    );
  });
});
