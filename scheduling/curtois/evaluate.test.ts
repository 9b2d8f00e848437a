import { readFileSync } from 'node:fs';
import { afterAll, describe, it, expect } from 'vitest';
import { evaluateCurtois } from './evaluate.ts';
import { HARD_RULE_IDS, hardRule, type HardRuleId } from './hardRules.ts';
import { parseCurtois } from './parse.ts';
import { SOFT_CONSTRAINT_IDS, softConstraint, type SoftConstraintId } from './softConstraints.ts';
import type { CurtoisAssignments, CurtoisEmployee, CurtoisInstance } from './types.ts';

/** Ids looked up by the tests below; the meta-test compares them with the registries. */
const covered = new Set<string>();
const rule = (id: HardRuleId) => (covered.add(id), hardRule(id));
const soft = (id: SoftConstraintId) => (covered.add(id), softConstraint(id));

/** A 14-day instance (day 0 Monday) with shifts D (480 min) and N (600 min, D may not follow N) and loose limits. */
function instance(employee: Partial<CurtoisEmployee> = {}, extra: Partial<CurtoisInstance> = {}): CurtoisInstance {
  return {
    horizonDays: 14,
    shifts: [{ id: 'D', lengthMinutes: 480, cannotFollow: [] }, { id: 'N', lengthMinutes: 600, cannotFollow: ['D'] }],
    employees: [{
      id: 'A', maxShifts: { D: 14, N: 14 }, maxTotalMinutes: 100000, minTotalMinutes: 0, maxConsecutiveShifts: 14,
      minConsecutiveShifts: 1, minConsecutiveDaysOff: 1, maxWeekends: 2, daysOff: [], ...employee,
    }],
    shiftOnRequests: [], shiftOffRequests: [], cover: [],
    ...extra,
  };
}
/** 'DD.N' → ['D', 'D', '', 'N'] */
const row = (pattern: string) => [...pattern].map((c) => (c === '.' ? '' : c));
const only = (pattern: string): CurtoisAssignments => ({ A: row(pattern) });

describe('hard rules', () => {
  it('roster-shape: reports a missing row (14 entries short), a short row and an unknown employee', () => {
    const inst = instance();
    expect(rule('roster-shape').check(inst, {})).toMatchObject([{ employeeId: 'A', excess: 14 }]);
    expect(rule('roster-shape').check(inst, only('DD'))).toMatchObject([{ employeeId: 'A', excess: 12 }]);
    expect(rule('roster-shape').check(inst, { ...only('..............'), Z: row('..............') })).toMatchObject([{ employeeId: 'Z' }]);
    expect(rule('roster-shape').check(inst, only('..............'))).toEqual([]);
  });

  it('known-shift: flags a shift id the instance does not define, on its day', () => {
    const a = only('..............');
    a.A![4] = 'X';
    expect(rule('known-shift').check(instance(), a)).toMatchObject([{ ruleId: 'known-shift', days: [4], excess: 1 }]);
  });

  it('one-shift-per-day: flags two shifts in one day entry', () => {
    const a = only('..............');
    a.A![2] = 'D|N';
    expect(rule('one-shift-per-day').check(instance(), a)).toMatchObject([{ ruleId: 'one-shift-per-day', days: [2] }]);
    expect(rule('known-shift').check(instance(), a)).toEqual([]);
  });

  it('days-off: flags work on a required day off and nothing else', () => {
    const inst = instance({ daysOff: [3, 4] });
    expect(rule('days-off').check(inst, only('DDDD..........'))).toMatchObject([{ employeeId: 'A', days: [3], excess: 1 }]);
    expect(rule('days-off').check(inst, only('DDD..DDDDDDDDD'))).toEqual([]);
  });

  it('shift-rotation: D the day after N is forbidden, N after D is allowed', () => {
    expect(rule('shift-rotation').check(instance(), only('.ND...........'))).toMatchObject([{ days: [1, 2], excess: 1 }]);
    expect(rule('shift-rotation').check(instance(), only('.DN.N.N.......'))).toEqual([]);
  });

  it('shift-rotation: is checked within the horizon only (N on the last day is fine)', () => {
    expect(rule('shift-rotation').check(instance(), only('.............N'))).toEqual([]);
  });

  it('max-shifts-per-type: three N with a maximum of 2 exceed by 1; a type missing from MaxShifts allows none', () => {
    expect(rule('max-shifts-per-type').check(instance({ maxShifts: { D: 14, N: 2 } }), only('N.N.N.........'))).toMatchObject([{ days: [0, 2, 4], excess: 1 }]);
    expect(rule('max-shifts-per-type').check(instance({ maxShifts: { D: 14 } }), only('N.............'))).toMatchObject([{ days: [0], excess: 1 }]);
    expect(rule('max-shifts-per-type').check(instance({ maxShifts: { D: 14, N: 0 } }), only('D.............'))).toEqual([]);
  });

  it('max-total-minutes: 2 D + 1 N = 1560 minutes exceed 1500 by 60', () => {
    expect(rule('max-total-minutes').check(instance({ maxTotalMinutes: 1500 }), only('DD.N..........'))).toMatchObject([{ excess: 60, days: [0, 1, 3] }]);
    expect(rule('max-total-minutes').check(instance({ maxTotalMinutes: 1560 }), only('DD.N..........'))).toEqual([]);
  });

  it('min-total-minutes: 1 D = 480 minutes fall 120 short of 600', () => {
    expect(rule('min-total-minutes').check(instance({ minTotalMinutes: 600 }), only('D.............'))).toMatchObject([{ excess: 120 }]);
    expect(rule('min-total-minutes').check(instance({ minTotalMinutes: 600 }), only('N.............'))).toEqual([]);
  });

  it('max-consecutive-shifts: 6 days in a row with a maximum of 4 exceed by 2, naming the block', () => {
    expect(rule('max-consecutive-shifts').check(instance({ maxConsecutiveShifts: 4 }), only('.DDNNNN.DDDD..'))).toMatchObject([{ days: [1, 2, 3, 4, 5, 6], excess: 2 }]);
  });

  it('min-consecutive-shifts: a lone working day inside the horizon is 1 short of 2', () => {
    expect(rule('min-consecutive-shifts').check(instance({ minConsecutiveShifts: 2 }), only('...D...DD.....'))).toMatchObject([{ days: [3], excess: 1 }]);
  });

  it('min-consecutive-shifts: blocks touching day 0 or the last day are exempt', () => {
    expect(rule('min-consecutive-shifts').check(instance({ minConsecutiveShifts: 3 }), only('D............D'))).toEqual([]);
  });

  it('min-consecutive-days-off: a lone day off between working days is 1 short of 2', () => {
    expect(rule('min-consecutive-days-off').check(instance({ minConsecutiveDaysOff: 2 }), only('DD.DD..DDDDDDD'))).toMatchObject([{ days: [2], excess: 1 }]);
  });

  it('min-consecutive-days-off: off blocks touching day 0 or the last day are exempt', () => {
    expect(rule('min-consecutive-days-off').check(instance({ minConsecutiveDaysOff: 3 }), only('.DDDDDDDDDDDD.'))).toEqual([]);
  });

  it('max-weekends: a weekend counts when either day is worked; two weekends exceed a maximum of 1', () => {
    expect(rule('max-weekends').check(instance({ maxWeekends: 1 }), only('.....D......N.'))).toMatchObject([{ days: [5, 12], excess: 1 }]);
    expect(rule('max-weekends').check(instance({ maxWeekends: 1 }), only('.....DD.......'))).toEqual([]);
  });

  it('max-weekends: weekdays never count (Friday and Monday are days 4 and 7)', () => {
    expect(rule('max-weekends').check(instance({ maxWeekends: 0 }), only('DDDDD..DDDDD..'))).toEqual([]);
  });
});

describe('soft constraints', () => {
  const reqs = { shiftOnRequests: [{ employeeId: 'A', day: 1, shiftId: 'D', weight: 3 }], shiftOffRequests: [{ employeeId: 'A', day: 2, shiftId: 'N', weight: 5 }] };

  it('shift-on-request: costs its weight when the day is off or another shift is worked', () => {
    expect(soft('shift-on-request').penalties(instance({}, reqs), only('..............'))).toMatchObject([{ day: 1, cost: 3 }]);
    expect(soft('shift-on-request').penalties(instance({}, reqs), only('.N............'))).toMatchObject([{ cost: 3 }]);
    expect(soft('shift-on-request').penalties(instance({}, reqs), only('.D............'))).toEqual([]);
  });

  it('shift-off-request: costs its weight only when exactly that shift is worked', () => {
    expect(soft('shift-off-request').penalties(instance({}, reqs), only('..N...........'))).toMatchObject([{ day: 2, shiftId: 'N', cost: 5 }]);
    expect(soft('shift-off-request').penalties(instance({}, reqs), only('..D...........'))).toEqual([]);
  });

  const cover = { cover: [{ day: 0, shiftId: 'D', requirement: 3, weightUnder: 100, weightOver: 1 }, { day: 1, shiftId: 'D', requirement: 0, weightUnder: 100, weightOver: 7 }] };

  it('cover-under: each person short costs WeightUnder (2 short × 100 = 200)', () => {
    expect(soft('cover-under').penalties(instance({}, cover), only('DD............'))).toMatchObject([{ day: 0, shiftId: 'D', cost: 200 }]);
  });

  it('cover-over: each extra person costs WeightOver (1 extra × 7 = 7)', () => {
    expect(soft('cover-over').penalties(instance({}, cover), only('DD............'))).toMatchObject([{ day: 1, shiftId: 'D', cost: 7 }]);
  });
});

describe('evaluateCurtois', () => {
  it('adds request and cover penalties into the objective and reports feasibility', () => {
    const inst = instance({}, {
      shiftOnRequests: [{ employeeId: 'A', day: 1, shiftId: 'D', weight: 3 }],
      cover: [{ day: 0, shiftId: 'D', requirement: 3, weightUnder: 100, weightOver: 1 }],
    });
    const result = evaluateCurtois(inst, only('D.............'));
    expect(result.objective).toBe(203);
    expect(result.objectiveByConstraint).toEqual({ 'shift-on-request': 3, 'shift-off-request': 0, 'cover-under': 200, 'cover-over': 0 });
    expect(result.feasible).toBe(true);
  });

  it('lists every broken rule of an infeasible roster', () => {
    const result = evaluateCurtois(instance({ maxConsecutiveShifts: 2, daysOff: [0] }), only('NDD...........'));
    expect(result.feasible).toBe(false);
    expect(result.violations.map((v) => v.ruleId).sort()).toEqual(['days-off', 'max-consecutive-shifts', 'shift-rotation']);
  });

  it('prices an empty roster of Instance1 at all on-request weights plus 100 per uncovered person', () => {
    const text = readFileSync(new URL('../../../shared/vectors/curtois/Instance1.txt', import.meta.url), 'utf8');
    const inst = parseCurtois(text);
    // From the file: 21 on-requests weighing 2·2+3·5+1·5+2·2+2·2+1·5 = 37; cover 5+7+6+4+5+5+5+6+7+4+2+5+6+4 = 71 people.
    const empty = Object.fromEntries(inst.employees.map((e) => [e.id, row('..............')]));
    expect(evaluateCurtois(inst, empty).objective).toBe(37 + 7100);
  });

  describe('edge cases', () => {
    it('does not count an unknown shift toward cover or rules other than known-shift', () => {
      const inst = instance({ maxConsecutiveShifts: 1 }, { cover: [{ day: 0, shiftId: 'D', requirement: 1, weightUnder: 10, weightOver: 1 }] });
      const a = only('..............');
      a.A![0] = 'X';
      const result = evaluateCurtois(inst, a);
      expect(result.objective).toBe(10);
      expect(result.violations.map((v) => v.ruleId)).toEqual(['known-shift']);
    });

    it('an instance without staff scores 0 and is feasible with an empty roster', () => {
      const inst = { ...instance(), employees: [] };
      expect(evaluateCurtois(inst, {})).toMatchObject({ objective: 0, feasible: true });
    });
  });
});

describe('registry', () => {
  it('hardRule and softConstraint refuse unknown ids', () => {
    expect(() => hardRule('no-such-rule' as HardRuleId)).toThrow('unknown hard rule');
    expect(() => softConstraint('no-such' as SoftConstraintId)).toThrow('unknown soft constraint');
  });
});

afterAll(() => {
  // Meta-test: every registered rule and constraint was looked up by at least one test above.
  const registered = [...HARD_RULE_IDS, ...SOFT_CONSTRAINT_IDS].sort();
  expect([...covered].sort()).toEqual(registered);
});
