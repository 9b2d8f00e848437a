// Sampling maths and draws checked against shared/vectors/sampling.json and small hand-checked populations.
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import {
  allocateNeyman,
  allocateProportional,
  cochranSampleSize,
  drawSample,
  hmacSha256Hex,
  inKeyedSample,
  keyedFraction,
  keyedRank,
  largestRemainder,
  neymanQuotas,
  populationFingerprint,
  replaceSampled,
  wilsonInterval,
  type CallRecord,
  type SamplingMethod,
} from './sampling.ts';
import { targetRules } from './targeting.ts';

const vectors = JSON.parse(readFileSync(new URL('../../../shared/vectors/sampling.json', import.meta.url), 'utf8'));

function decimalsOf(x: number): number {
  const s = String(x);
  return s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
}

/** Asserts `actual` rounds to the published value (half a unit of its last published digit). */
function expectPublished(actual: number, published: number): void {
  expect(Math.abs(actual - published)).toBeLessThanOrEqual(0.5 * 10 ** -decimalsOf(published) + 1e-12);
}

const seed: string = vectors.keyed_rank_example.seed;
const ids: string[] = vectors.keyed_rank_example.ids;
/**
 * Full keyed order of the 12 example ids under the example seed, computed independently with
 * Python's hmac module (the vector publishes the first three: CALL-0012, CALL-0011, CALL-0001).
 */
const fullOrder = ['0012', '0011', '0001', '0007', '0010', '0002', '0004', '0008', '0006', '0003', '0009', '0005'].map((n) => `CALL-${n}`);
const num = (id: string): number => Number(id.slice(5));
const callsOf = (extra: (n: number) => Partial<CallRecord> = () => ({})): CallRecord[] =>
  ids.map((id) => ({ id, agentId: num(id) % 2 ? 'A' : 'B', ...extra(num(id)) }));
const sampledIds = (method: SamplingMethod, population = callsOf()): string[] =>
  drawSample({ population, method, seed }).sample.map((s) => s.callId);

describe('cochranSampleSize', () => {
  for (const v of vectors.cochran) {
    it(`needs ${v.rounded_up ?? v.expected_n} calls at z=${v.z}, p=${v.p}, e=${v.e}, N=${v.N}`, () => {
      const size = cochranSampleSize({ z: v.z, proportion: v.p, marginOfError: v.e, populationSize: v.N });
      if (v.expected_n0 !== undefined) expectPublished(size.n0, v.expected_n0);
      if (v.rounded_up !== undefined) {
        expectPublished(size.n, v.expected_n);
        expect(size.required).toBe(v.rounded_up);
      } else {
        expect(size.required).toBe(v.expected_n);
      }
    });
  }
  describe('edge cases', () => {
    it('never asks for more calls than the population holds', () => {
      expect(cochranSampleSize({ marginOfError: 0.01, populationSize: 50 }).required).toBe(50);
    });
    it('asks for nothing from an empty population', () => {
      expect(cochranSampleSize({ marginOfError: 0.05, populationSize: 0 }).required).toBe(0);
    });
    it('rejects a margin outside (0, 1) and a fractional population', () => {
      expect(() => cochranSampleSize({ marginOfError: 0 })).toThrow(RangeError);
      expect(() => cochranSampleSize({ marginOfError: 1.2 })).toThrow(RangeError);
      expect(() => cochranSampleSize({ marginOfError: 0.05, populationSize: 10.5 })).toThrow(RangeError);
    });
  });
});

describe('wilsonInterval', () => {
  for (const v of vectors.wilson_95) {
    it(`gives [${v.expected}] for ${v.successes} of ${v.n} at 95 %`, () => {
      const interval = wilsonInterval(v.successes, v.n)!;
      expectPublished(interval.low, v.expected[0]);
      expectPublished(interval.high, v.expected[1]);
    });
  }
  it('is symmetric: failures mirror successes', () => {
    const a = wilsonInterval(3, 10)!;
    const b = wilsonInterval(7, 10)!;
    expect(a.low).toBeCloseTo(1 - b.high, 12);
    expect(a.high).toBeCloseTo(1 - b.low, 12);
  });
  describe('edge cases', () => {
    it('returns null for no trials', () => {
      expect(wilsonInterval(0, 0)).toBeNull();
    });
    it('reaches exactly 1 when every trial succeeds', () => {
      expect(wilsonInterval(20, 20)!.high).toBe(1);
    });
    it('rejects more successes than trials and fractions', () => {
      expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
      expect(() => wilsonInterval(1.5, 2)).toThrow(RangeError);
    });
  });
});

describe('allocation', () => {
  const [proportional, neyman] = vectors.allocation;
  it(`allocates ${proportional.expected} of ${proportional.n} proportionally to ${proportional.N_h}`, () => {
    expect(allocateProportional(proportional.n, proportional.N_h)).toEqual(proportional.expected);
  });
  it(`gives the exact Neyman quotas ${neyman.expected_exact}`, () => {
    neymanQuotas(neyman.n, neyman.N_h, neyman.S_h).forEach((q, i) => expectPublished(q, neyman.expected_exact[i]));
  });
  it(`rounds Neyman quotas by largest remainder to ${neyman.expected_largest_remainder}`, () => {
    expect(allocateNeyman(neyman.n, neyman.N_h, neyman.S_h)).toEqual(neyman.expected_largest_remainder);
    expect(largestRemainder(neyman.expected_exact, neyman.n)).toEqual(neyman.expected_largest_remainder);
  });
  it('breaks equal remainders in favour of the larger quota', () => {
    // 5 of [1, 9] → 0.5 and 4.5: one unit left, both remainders 0.5 → the larger stratum
    expect(allocateProportional(5, [1, 9])).toEqual([0, 5]);
  });
  it('caps a stratum at its size and re-shares the rest', () => {
    // weights 2·10 = 20 and 100·0.1 = 10 → 6.67 / 3.33, but stratum 1 holds 2 → [2, 8]
    expect(allocateNeyman(10, [2, 100], [10, 0.1])).toEqual([2, 8]);
  });
  describe('edge cases', () => {
    it('takes every call when the sample is as large as the population', () => {
      expect(allocateProportional(20, [3, 4])).toEqual([3, 4]);
    });
    it('falls back to proportional when every standard deviation is 0', () => {
      expect(allocateNeyman(6, [10, 20], [0, 0])).toEqual([2, 4]);
    });
    it('gives empty strata nothing', () => {
      expect(allocateProportional(3, [0, 6, 3])).toEqual([0, 2, 1]);
    });
    it('rejects quotas whose floors exceed the total, negative quotas and a fractional total', () => {
      expect(() => largestRemainder([3, 3], 5)).toThrow(RangeError);
      expect(() => largestRemainder([-1, 3], 2)).toThrow(RangeError);
      expect(() => largestRemainder([1.5, 1.5], 3.5)).toThrow(RangeError);
    });
    it('gives nothing to no strata', () => {
      expect(largestRemainder([], 0)).toEqual([]);
    });
    it('rejects fractional sizes and a missing standard deviation', () => {
      expect(() => allocateProportional(2.5, [3])).toThrow(RangeError);
      expect(() => allocateNeyman(2, [3, 4], [1])).toThrow(RangeError);
    });
  });
});

describe('hmacSha256Hex', () => {
  for (const v of vectors.hmac_sha256_rfc4231) {
    it(`matches the RFC 4231 answer for "${v.data}"`, () => {
      const key = v.key_hex ? Buffer.from(v.key_hex, 'hex') : v.key;
      expect(hmacSha256Hex(key, v.data)).toBe(v.expected);
    });
  }
});

describe('keyedRank', () => {
  const example = vectors.keyed_rank_example;
  it(`puts ${example.expected} first for seed ${example.seed}`, () => {
    expect(keyedRank(example.seed, example.ids).slice(0, example.k)).toEqual(example.expected);
  });
  it('does not depend on the input order', () => {
    expect(keyedRank(seed, [...ids].reverse())).toEqual(keyedRank(seed, ids));
  });
  it('matches the independently computed full order', () => {
    expect(keyedRank(seed, ids)).toEqual(fullOrder);
  });
  describe('edge cases', () => {
    it('returns an empty list for no ids', () => {
      expect(keyedRank(seed, [])).toEqual([]);
    });
  });
});

describe('keyedFraction and inKeyedSample', () => {
  it('reads the first 52 bits of the HMAC as a fraction (CALL-0012 → 0x221a76bc127ed / 2^52, Python)', () => {
    expect(keyedFraction(seed, 'CALL-0012')).toBe(0x221a76bc127ed / 2 ** 52);
    expect(keyedFraction(seed, 'CALL-0012')).toBeCloseTo(0.1332163057, 9);
  });
  it('takes, at a rate of 0.25, exactly the published first three of the 12 example calls', () => {
    // fractions (Python): 0012 → 0.133, 0011 → 0.162, 0001 → 0.233, next 0007 → 0.331
    expect(ids.filter((id) => inKeyedSample(seed, id, 0.25))).toEqual([...vectors.keyed_rank_example.expected].sort());
  });
  it('agrees with keyedRank: the calls taken are a prefix of the ranking', () => {
    for (const rate of [0, 0.2, 0.35, 0.5, 0.9, 1]) {
      const taken = new Set(ids.filter((id) => inKeyedSample(seed, id, rate)));
      expect(fullOrder.slice(0, taken.size).every((id) => taken.has(id))).toBe(true);
    }
  });
  describe('edge cases', () => {
    it('takes nothing at rate 0, everything at rate 1, and rejects rates outside [0, 1]', () => {
      expect(ids.some((id) => inKeyedSample(seed, id, 0))).toBe(false);
      expect(ids.every((id) => inKeyedSample(seed, id, 1))).toBe(true);
      expect(() => inKeyedSample(seed, 'x', 1.5)).toThrow(RangeError);
    });
  });
});

describe('populationFingerprint', () => {
  it('ignores order but not membership', () => {
    expect(populationFingerprint(['b', 'a'])).toBe(populationFingerprint(['a', 'b']));
    expect(populationFingerprint(['a', 'b'])).not.toBe(populationFingerprint(['a', 'c']));
  });
});

describe('drawSample', () => {
  it('takes the published first three calls for a quota of 3 over one agent', () => {
    const population = ids.map((id) => ({ id, agentId: 'A' }));
    const draw = drawSample({ population, method: { kind: 'quota', perAgent: 3, period: 'plan' }, seed });
    expect(draw.sample.map((s) => s.callId)).toEqual(vectors.keyed_rank_example.expected);
    expect(draw.sample.map((s) => s.rank)).toEqual([1, 2, 3]);
    expect(draw.sample[0].key).toBe(hmacSha256Hex(seed, 'CALL-0012'));
    expect(draw.strata).toEqual([{ stratum: 'A|plan', populationSize: 12, drawn: 3 }]);
  });

  it('takes the quota per agent (A odd ids, B even ids)', () => {
    const draw = drawSample({ population: callsOf(), method: { kind: 'quota', perAgent: 2, period: 'plan' }, seed });
    expect(draw.sample.map((s) => [s.callId, s.stratum])).toEqual([
      ['CALL-0011', 'A|plan'],
      ['CALL-0001', 'A|plan'],
      ['CALL-0012', 'B|plan'],
      ['CALL-0010', 'B|plan'],
    ]);
  });

  it('takes the quota per agent per day, week and month of the local date', () => {
    // odd calls 1,3,5 on Mon 2026-11-23; 7,9,11 on Mon 2026-11-30 (next ISO week, same month)
    const population = callsOf((n) => ({ localDate: n <= 5 ? '2026-11-23' : '2026-11-30' })).filter((c) => c.agentId === 'A');
    const perDay = drawSample({ population, method: { kind: 'quota', perAgent: 1, period: 'day' }, seed });
    expect(perDay.sample.map((s) => [s.callId, s.stratum])).toEqual([
      ['CALL-0001', 'A|2026-11-23'],
      ['CALL-0011', 'A|2026-11-30'],
    ]);
    const perWeek = drawSample({ population, method: { kind: 'quota', perAgent: 1, period: 'week' }, seed });
    expect(perWeek.sample.map((s) => s.stratum)).toEqual(['A|2026-W48', 'A|2026-W49']);
    const perMonth = drawSample({ population, method: { kind: 'quota', perAgent: 1, period: 'month' }, seed });
    expect(perMonth.sample.map((s) => [s.callId, s.stratum])).toEqual([['CALL-0011', 'A|2026-11']]);
  });

  it('labels ISO weeks across a year boundary', () => {
    // 2021-01-03 is a Sunday in ISO week 2020-W53; 2026-01-01 is a Thursday in 2026-W01
    const population = [
      { id: 'x', agentId: 'A', localDate: '2021-01-03' },
      { id: 'y', agentId: 'A', localDate: '2026-01-01' },
    ];
    const draw = drawSample({ population, method: { kind: 'quota', perAgent: 1, period: 'week' }, seed });
    expect(draw.sample.map((s) => s.stratum)).toEqual(['A|2020-W53', 'A|2026-W01']);
  });

  it('takes a percentage rounded up, but at least the minimum', () => {
    expect(sampledIds({ kind: 'percentage', percent: 25, minimum: 0, per: 'all' })).toEqual(fullOrder.slice(0, 3));
    expect(sampledIds({ kind: 'percentage', percent: 25, minimum: 5, per: 'all' })).toEqual(fullOrder.slice(0, 5));
    // 10 % of 6 = 0.6 → 1 per agent, raised to the minimum of 2
    expect(sampledIds({ kind: 'percentage', percent: 10, minimum: 2, per: 'agent' })).toEqual([
      'CALL-0011',
      'CALL-0001',
      'CALL-0012',
      'CALL-0010',
    ]);
  });

  describe('stratified', () => {
    // calls 1–9 in queue q1 (order 1,7,2,4,8,6,3,9,5), calls 10–12 in q2 (order 12,11,10)
    const population = callsOf((n) => ({ queue: n <= 9 ? 'q1' : 'q2' }));
    it('allocates proportionally: 4 of 9 + 3 → 3 and 1', () => {
      const draw = drawSample({ population, method: { kind: 'stratified', sampleSize: 4, stratumField: 'queue', allocation: 'proportional' }, seed });
      expect(draw.sample.map((s) => [s.callId, s.stratum])).toEqual([
        ['CALL-0001', 'q1'],
        ['CALL-0007', 'q1'],
        ['CALL-0002', 'q1'],
        ['CALL-0012', 'q2'],
      ]);
      expect(draw.strata).toEqual([
        { stratum: 'q1', populationSize: 9, drawn: 3 },
        { stratum: 'q2', populationSize: 3, drawn: 1 },
      ]);
    });
    it('allocates by Neyman, capping the variable stratum at its size', () => {
      const method: SamplingMethod = {
        kind: 'stratified',
        sampleSize: 4,
        stratumField: 'queue',
        allocation: 'neyman',
        stdDevByStratum: { q1: 0, q2: 1 },
      };
      expect(sampledIds(method, population)).toEqual(['CALL-0001', 'CALL-0012', 'CALL-0011', 'CALL-0010']);
    });
    it('rejects a Neyman plan without a standard deviation for a stratum', () => {
      const method: SamplingMethod = { kind: 'stratified', sampleSize: 4, stratumField: 'queue', allocation: 'neyman', stdDevByStratum: { q1: 1 } };
      expect(() => drawSample({ population, method, seed })).toThrow(/q2/);
    });
  });

  describe('targeted', () => {
    // complaints: calls 5, 6; long calls (≥ 600 s): 6, 7, 8, 9 — call 6 belongs to the higher-priority complaints rule
    const population = callsOf((n) => ({
      orderKind: n === 5 || n === 6 ? 'complaint' : 'consultation',
      durationSeconds: n >= 6 && n <= 9 ? 700 : 120,
    }));
    it('draws higher-priority rules first, each call in its best rule, up to the limit', () => {
      const draw = drawSample({ population, method: { kind: 'targeted', rules: [targetRules.longCalls(2, 600), targetRules.complaints(1)], limit: 4 }, seed });
      expect(draw.sample.map((s) => [s.callId, s.stratum])).toEqual([
        ['CALL-0006', 'complaints'],
        ['CALL-0005', 'complaints'],
        ['CALL-0007', 'long-calls'],
        ['CALL-0008', 'long-calls'],
      ]);
      expect(draw.strata).toEqual([
        { stratum: 'complaints', populationSize: 2, drawn: 2 },
        { stratum: 'long-calls', populationSize: 3, drawn: 2 },
      ]);
    });
    it('respects a per-rule maximum', () => {
      const rules = [{ ...targetRules.complaints(1), max: 1 }, targetRules.longCalls(2, 600)];
      expect(sampledIds({ kind: 'targeted', rules, limit: 4 }, population)).toEqual(['CALL-0006', 'CALL-0007', 'CALL-0008', 'CALL-0009']);
    });
    it('leaves out calls matching no rule', () => {
      expect(sampledIds({ kind: 'targeted', rules: [targetRules.complaints(1)], limit: 10 }, population)).toEqual(['CALL-0006', 'CALL-0005']);
    });
  });

  it('is reproducible: a shuffled population gives the same draw', () => {
    const method: SamplingMethod = { kind: 'quota', perAgent: 3, period: 'plan' };
    const shuffled = [...callsOf()].sort((a, b) => (a.id.endsWith('7') ? -1 : b.id.localeCompare(a.id)));
    expect(drawSample({ population: shuffled, method, seed })).toEqual(drawSample({ population: callsOf(), method, seed }));
  });

  it('draws differently under a different seed', () => {
    // under seed 'other' the 12 ids start with CALL-0009 (Python hmac)
    const population = ids.map((id) => ({ id, agentId: 'A' }));
    const first = drawSample({ population, method: { kind: 'quota', perAgent: 1, period: 'plan' }, seed: 'other' }).sample[0].callId;
    expect(first).toBe('CALL-0009');
  });

  describe('edge cases', () => {
    it('returns an empty sample for an empty population', () => {
      const draw = drawSample({ population: [], method: { kind: 'quota', perAgent: 2, period: 'plan' }, seed });
      expect(draw.sample).toEqual([]);
      expect(draw.strata).toEqual([]);
    });
    it('takes everything when the quota exceeds a stratum', () => {
      expect(sampledIds({ kind: 'quota', perAgent: 50, period: 'plan' })).toHaveLength(12);
    });
    it('rejects duplicate call ids', () => {
      expect(() => drawSample({ population: [{ id: 'x', agentId: 'A' }, { id: 'x', agentId: 'B' }], method: { kind: 'quota', perAgent: 1, period: 'plan' }, seed })).toThrow(/duplicate/);
    });
    it('rejects a per-day quota for a call without a local date', () => {
      expect(() => sampledIds({ kind: 'quota', perAgent: 1, period: 'day' })).toThrow(/localDate/);
    });
    it('rejects negative or fractional counts', () => {
      expect(() => sampledIds({ kind: 'quota', perAgent: -1, period: 'plan' })).toThrow(RangeError);
      expect(() => sampledIds({ kind: 'percentage', percent: 120, minimum: 0, per: 'all' })).toThrow(RangeError);
    });
  });
});

describe('replaceSampled', () => {
  const population = ids.map((id) => ({ id, agentId: 'A' }));
  const method: SamplingMethod = { kind: 'quota', perAgent: 2, period: 'plan' };
  const draw = drawSample({ population, method, seed });

  it('puts the next ranked call of the same stratum in the replaced call’s place', () => {
    const result = replaceSampled({ population, method, seed, sample: draw.sample, callId: 'CALL-0011' });
    expect(result.replaced.callId).toBe('CALL-0011');
    expect(result.replacement).toMatchObject({ callId: 'CALL-0001', rank: 3, stratum: 'A|plan' });
    expect(result.sample.map((s) => s.callId)).toEqual(['CALL-0012', 'CALL-0001']);
  });

  it('moves on past calls replaced before', () => {
    const first = replaceSampled({ population, method, seed, sample: draw.sample, callId: 'CALL-0011' });
    const second = replaceSampled({ population, method, seed, sample: first.sample, callId: 'CALL-0012' });
    expect(second.replacement?.callId).toBe('CALL-0007');
    expect(second.sample.map((s) => s.callId)).toEqual(['CALL-0007', 'CALL-0001']);
  });

  it('skips excluded calls', () => {
    const result = replaceSampled({ population, method, seed, sample: draw.sample, callId: 'CALL-0011', excludeIds: ['CALL-0001'] });
    expect(result.replacement?.callId).toBe('CALL-0007');
  });

  it('stays within the stratum of the replaced call', () => {
    const twoAgents = callsOf();
    const sample = drawSample({ population: twoAgents, method, seed }).sample;
    const result = replaceSampled({ population: twoAgents, method, seed, sample, callId: 'CALL-0012' });
    // B's order: 12, 10, 2, … → rank 3 is CALL-0002
    expect(result.replacement).toMatchObject({ callId: 'CALL-0002', stratum: 'B|plan', rank: 3 });
  });

  describe('edge cases', () => {
    it('removes the call and returns null when the stratum is exhausted', () => {
      const small = population.slice(0, 2);
      const sample = drawSample({ population: small, method, seed }).sample;
      const result = replaceSampled({ population: small, method, seed, sample, callId: sample[0].callId });
      expect(result.replacement).toBeNull();
      expect(result.sample).toHaveLength(1);
    });
    it('rejects a call that is not in the sample', () => {
      expect(() => replaceSampled({ population, method, seed, sample: draw.sample, callId: 'CALL-0005' })).toThrow(RangeError);
    });
  });
});
