// Checks the queueing formulas against the published reference vectors in ../shared/vectors/erlang.json.
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import {
  erlangA,
  erlangB,
  erlangC,
  erlangCAsaSeconds,
  erlangCServiceLevel,
  requiredAgents,
  requiredLinesErlangB,
  trafficErlangs,
} from './erlang.ts';

const vectors = JSON.parse(readFileSync(new URL('../../shared/vectors/erlang.json', import.meta.url), 'utf8'));

/** Vectors are published to 6 decimals; allow half a unit in the last place plus rounding of the reference. */
const close = (actual: number, expected: number, decimals = 6) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(0.6 * 10 ** -decimals);

describe('requiredAgents (Erlang C)', () => {
  for (const row of vectors.erlangc_required) {
    it(`returns ${row.raw_positions} productive / ${row.positions} scheduled agents for ${row.transactions} calls per ${row.interval} min, AHT ${row.aht} min, SL ${row.service_level_target}, occupancy cap ${row.max_occupancy}, shrinkage ${row.shrinkage}`, () => {
      const out = requiredAgents({
        calls: row.transactions,
        intervalSeconds: row.interval * 60,
        ahtSeconds: row.aht * 60,
        targetSeconds: row.asa * 60,
        serviceLevel: row.service_level_target,
        maxOccupancy: row.max_occupancy,
        shrinkage: row.shrinkage,
      });
      expect(out.productiveAgents).toBe(row.raw_positions);
      expect(out.scheduledAgents).toBe(row.positions);
      close(out.serviceLevel, row.service_level);
      close(out.occupancy, row.occupancy);
      close(out.waitProbability, row.waiting_probability);
    });
  }

  it('reports ASA of the classic 360-call example (55 agents give 8.18 s) when staffed to the same level', () => {
    const ex = vectors.classic_example_360_calls;
    const out = requiredAgents({ calls: 360, intervalSeconds: 1800, ahtSeconds: 240, targetSeconds: 15, serviceLevel: 0.846 - 0.001 });
    expect(out.productiveAgents).toBe(ex.agents);
    expect(Math.abs(out.asaSeconds - ex.asa_seconds)).toBeLessThan(0.006);
    expect(Math.abs(out.waitProbability - ex.waiting_probability)).toBeLessThan(0.00006);
  });

  it('returns the same result when maxOccupancy and shrinkage are omitted as when given as 1 and 0', () => {
    const base = { calls: 100, intervalSeconds: 1800, ahtSeconds: 180, targetSeconds: 20, serviceLevel: 0.8 };
    expect(requiredAgents(base)).toEqual(requiredAgents({ ...base, maxOccupancy: 1, shrinkage: 0 }));
  });
});

describe('Erlang C by number of agents (A = 10, target 20 s, AHT 180 s)', () => {
  for (const row of vectors.erlangc_by_positions_A10_asa20s) {
    it(`gives waiting probability ${row.waiting_probability} and service level ${row.service_level} with ${row.positions} agents`, () => {
      close(erlangC(row.positions, 10), row.waiting_probability);
      close(erlangCServiceLevel({ agents: row.positions, trafficErlangs: 10, ahtSeconds: 180, targetSeconds: 20 }), row.service_level);
    });
  }

  it('matches the classic example: 55 agents at 48 Erlangs wait 23.87%, ASA 8.18 s, 84.6% in 15 s', () => {
    const ex = vectors.classic_example_360_calls;
    const traffic = trafficErlangs({ calls: 360, intervalSeconds: 1800, ahtSeconds: 240 });
    expect(traffic).toBe(ex.traffic_erlangs);
    expect(erlangC(55, traffic)).toBeCloseTo(ex.waiting_probability, 4);
    expect(erlangCAsaSeconds({ agents: 55, trafficErlangs: traffic, ahtSeconds: 240 })).toBeCloseTo(ex.asa_seconds, 2);
    expect(erlangCServiceLevel({ agents: 55, trafficErlangs: traffic, ahtSeconds: 240, targetSeconds: 15 })).toBeCloseTo(ex.service_level_15s, 3);
  });
});

describe('Erlang B', () => {
  for (const row of vectors.erlangb_blocking_A10.rows) {
    it(`blocks ${row.blocking} of calls with ${row.c} lines at 10 Erlangs`, () => {
      close(erlangB(row.c, 10), row.blocking);
    });
  }

  it('needs 17 lines (25 with 30% shrinkage) for 2% blocking at 10 Erlangs', () => {
    const ref = vectors.erlangb_required_A10_b2pct;
    const out = requiredLinesErlangB({ trafficErlangs: 10, maxBlocking: 0.02, shrinkage: 0.3 });
    expect(out.productiveAgents).toBe(ref.raw_positions);
    expect(out.scheduledAgents).toBe(ref.positions);
    expect(out.blockingProbability).toBeCloseTo(ref.blocking_probability, 10);
    expect(out.occupancy).toBeCloseTo(ref.occupancy, 10);
  });
});

describe('Erlang A (abandonment, patience 5 min, 100 calls / 30 min, AHT 3 min)', () => {
  const ref = vectors.erlanga_A10_patience5;
  for (const row of ref.rows) {
    it(`with ${row.positions} agents: wait ${row.waiting_probability}, abandon ${row.abandonment_probability}, SL20 ${row.service_level_20s}`, () => {
      const m = erlangA({ calls: 100, intervalSeconds: 1800, ahtSeconds: 180, agents: row.positions, patienceSeconds: 300, targetSeconds: 20 });
      close(m.waitProbability, row.waiting_probability);
      close(m.abandonmentProbability, row.abandonment_probability);
      close(m.occupancy, row.occupancy);
      close(m.asaSeconds / 60, row.asa_min);
      close(m.serviceLevel, row.service_level_20s);
    });
  }

  it('needs 13 productive and 19 scheduled agents for 80/20, occupancy ≤ 85%, abandonment ≤ 5%, shrinkage 30%', () => {
    const out = requiredAgents({
      calls: 100, intervalSeconds: 1800, ahtSeconds: 180, targetSeconds: 20, serviceLevel: 0.8,
      maxOccupancy: 0.85, shrinkage: 0.3, model: 'erlangA', patienceSeconds: 300, maxAbandonment: 0.05,
    });
    expect(out.productiveAgents).toBe(13);
    expect(out.scheduledAgents).toBe(19);
    close(out.serviceLevel, 0.858178);
    close(out.occupancy, 0.750028);
    close(out.abandonmentProbability as number, 0.024963);
  });

  it('converges to Erlang C when callers are almost infinitely patient', () => {
    const m = erlangA({ calls: 100, intervalSeconds: 1800, ahtSeconds: 180, agents: 14, patienceSeconds: 1e9, targetSeconds: 20 });
    expect(m.waitProbability).toBeCloseTo(erlangC(14, 10), 5);
    expect(m.serviceLevel).toBeCloseTo(erlangCServiceLevel({ agents: 14, trafficErlangs: 10, ahtSeconds: 180, targetSeconds: 20 }), 5);
  });
});

describe('edge cases', () => {
  const base = { intervalSeconds: 1800, ahtSeconds: 300, targetSeconds: 20, serviceLevel: 0.8, maxOccupancy: 0.9, shrinkage: 0.3 };

  it('returns 0 agents for zero calls, with perfect service and no wait', () => {
    expect(requiredAgents({ ...base, calls: 0 })).toEqual({
      productiveAgents: 0, scheduledAgents: 0, serviceLevel: 1, occupancy: 0, waitProbability: 0, asaSeconds: 0,
    });
    expect(requiredAgents({ ...base, calls: 0, model: 'erlangA', patienceSeconds: 60 }).productiveAgents).toBe(0);
  });

  it('staffs 5,000 Erlangs in well under a second with finite, sane figures', () => {
    const started = performance.now();
    const out = requiredAgents({ ...base, calls: 30_000 });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(trafficErlangs({ calls: 30_000, intervalSeconds: 1800, ahtSeconds: 300 })).toBe(5000);
    expect(out.productiveAgents).toBeGreaterThan(5000);
    expect(out.productiveAgents).toBe(Math.ceil(5000 / 0.9)); // occupancy cap binds at this size
    expect(out.occupancy).toBeLessThanOrEqual(0.9);
    for (const v of [out.serviceLevel, out.waitProbability, out.asaSeconds]) expect(Number.isFinite(v)).toBe(true);
  });

  it('needs more agents for more calls, all the way to thousands (monotone, no overflow)', () => {
    let previous = 0;
    for (const calls of [1, 10, 100, 1000, 5000, 10_000, 20_000, 30_000, 40_000]) {
      const out = requiredAgents({ ...base, maxOccupancy: 1, calls });
      expect(out.productiveAgents).toBeGreaterThanOrEqual(previous);
      expect(out.serviceLevel).toBeGreaterThanOrEqual(0.8);
      previous = out.productiveAgents;
    }
    expect(previous).toBeGreaterThan(6000);
  });

  it('has service level rising and waiting probability falling as agents are added at 5,000 Erlangs', () => {
    let lastSl = -1;
    let lastPw = 2;
    for (let agents = 5001; agents <= 5200; agents += 20) {
      const pw = erlangC(agents, 5000);
      const sl = erlangCServiceLevel({ agents, trafficErlangs: 5000, ahtSeconds: 300, targetSeconds: 20 });
      expect(pw).toBeLessThan(lastPw);
      expect(sl).toBeGreaterThan(lastSl);
      lastPw = pw;
      lastSl = sl;
    }
  });

  it('treats an unstable queue (agents ≤ traffic) as always waiting, never answered in time', () => {
    expect(erlangC(10, 10)).toBe(1);
    expect(erlangCServiceLevel({ agents: 9, trafficErlangs: 10, ahtSeconds: 180, targetSeconds: 20 })).toBe(0);
    expect(erlangCAsaSeconds({ agents: 10, trafficErlangs: 10, ahtSeconds: 180 })).toBe(Infinity);
  });

  it('schedules exactly productive / (1 − shrinkage) when that divides evenly (no floating-point extra agent)', () => {
    const out = requiredAgents({ calls: 100, intervalSeconds: 1800, ahtSeconds: 180, targetSeconds: 20, serviceLevel: 0.8, shrinkage: 0.3 });
    expect(out.productiveAgents).toBe(14);
    expect(out.scheduledAgents).toBe(20);
  });

  it('needs 2 agents for a single 5-minute call in 15 minutes (1 agent gives only ≈68% in 20 s)', () => {
    // A = 1/3. One agent: Pw = 1/3, SL = 1 − (1/3)·e^(−(2/3)·20/300) ≈ 0.681. Two agents: B = 0.04, Pw ≈ 0.0476, SL ≈ 0.957.
    const out = requiredAgents({ ...base, calls: 1, intervalSeconds: 900 });
    expect(erlangCServiceLevel({ agents: 1, trafficErlangs: 1 / 3, ahtSeconds: 300, targetSeconds: 20 })).toBeCloseTo(0.681, 3);
    expect(out.productiveAgents).toBe(2);
    expect(out.serviceLevel).toBeCloseTo(0.957, 3);
    expect(out.scheduledAgents).toBe(3);
  });

  it('Erlang A staffs thousands of agents without overflow', () => {
    const out = requiredAgents({ ...base, calls: 30_000, model: 'erlangA', patienceSeconds: 120 });
    expect(out.productiveAgents).toBeGreaterThan(4900);
    expect(out.productiveAgents).toBeLessThanOrEqual(Math.ceil(5000 / 0.9));
    expect(Number.isFinite(out.serviceLevel)).toBe(true);
  });

  it('rejects invalid input with a clear RangeError', () => {
    expect(() => requiredAgents({ ...base, calls: -1 })).toThrow(/calls/);
    expect(() => requiredAgents({ ...base, calls: 10, intervalSeconds: 0 })).toThrow(/intervalSeconds/);
    expect(() => requiredAgents({ ...base, calls: 10, ahtSeconds: 0 })).toThrow(/ahtSeconds/);
    expect(() => requiredAgents({ ...base, calls: 10, serviceLevel: 1.2 })).toThrow(/serviceLevel/);
    expect(() => requiredAgents({ ...base, calls: 10, shrinkage: 1 })).toThrow(/shrinkage/);
    expect(() => requiredAgents({ ...base, calls: 10, maxOccupancy: 0 })).toThrow(/maxOccupancy/);
    expect(() => requiredAgents({ ...base, calls: 10, model: 'erlangA' })).toThrow(/patienceSeconds/);
    expect(() => erlangA({ calls: 10, intervalSeconds: 1800, ahtSeconds: 0, agents: 2, patienceSeconds: 60, targetSeconds: 20 })).toThrow(/ahtSeconds/);
    expect(() => erlangA({ calls: 10, intervalSeconds: 1800, ahtSeconds: 180, agents: 0, patienceSeconds: 60, targetSeconds: 20 })).toThrow(/agents/);
  });
});
