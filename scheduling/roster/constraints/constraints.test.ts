// One exact test per registered constraint, each looked up by rule id, and a meta-test that none is left untested.
import { describe, it, expect } from 'vitest';
import { CONSTRAINTS, constraintById } from './registry.ts';
import { coverageShortfall } from './coverage.ts';
import { indexModel } from '../context.ts';
import { DEMO_RULEBOOK } from '../rules.ts';
import { demoRule, penaltiesOf, rosterOf, testAgent, tinyModel, total } from '../testing.ts';

const tested = new Set<string>();
/** Declares the tests of one rule id; the meta-test compares these ids with the registry. */
function rule(id: string, body: () => void): void {
  tested.add(id);
  describe(id, body);
}

rule('leave-respected', () => {
  it('costs one unit per approved-leave day worked, nothing for leave taken off', () => {
    const model = tinyModel({ dayCount: 3, leave: [{ agentId: 'a1', date: '2026-12-01' }, { agentId: 'a1', date: '2026-12-02' }] });
    const items = penaltiesOf(demoRule('leave-respected'), model, rosterOf({ a1: 'E E -' }));
    expect(items.map((i) => [i.date, i.amount])).toEqual([['2026-12-01', 1]]);
  });
});

rule('pinned-respected', () => {
  it('costs one unit per pinned cell whose shift or pinned project differs', () => {
    const model = tinyModel({ dayCount: 4, pinned: [
      { agentId: 'a1', date: '2026-11-30', shift: 'D', project: 'P' },
      { agentId: 'a1', date: '2026-12-01', shift: null },
      { agentId: 'a1', date: '2026-12-02', shift: 'D', project: 'P' },
      { agentId: 'a1', date: '2026-12-03', shift: 'D' },
    ] });
    const items = penaltiesOf(demoRule('pinned-respected'), model, rosterOf({ a1: 'E E D@Q D@Q' }));
    expect(items.map((i) => i.date)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02']);
    expect(total(items)).toBe(3);
  });
});

rule('skill-coverage', () => {
  it('costs one unit per day on an unskilled project or with no project', () => {
    const model = tinyModel({ dayCount: 3 });
    const roster = rosterOf({ a1: 'E@Q E -' });
    roster.a1[1].project = null;
    expect(total(penaltiesOf(demoRule('skill-coverage'), model, roster))).toBe(2);
    expect(total(penaltiesOf(demoRule('skill-coverage'), model, rosterOf({ a1: 'E@P - -' })))).toBe(0);
  });
});

rule('allowed-shifts', () => {
  it('costs one unit per day on a shift type the contract does not allow', () => {
    const a1 = testAgent('a1', { contract: { ...testAgent('a1').contract, allowedShifts: ['E', 'D'] } });
    const items = penaltiesOf(demoRule('allowed-shifts'), tinyModel({ dayCount: 3, agents: [a1] }), rosterOf({ a1: 'E N N' }));
    expect(total(items)).toBe(2);
  });
});

rule('min-rest', () => {
  it('costs the minutes short of 660: late (ends 23:00) then early (07:00) rests 480, 180 short', () => {
    const items = penaltiesOf(demoRule('min-rest'), tinyModel({ dayCount: 2 }), rosterOf({ a1: 'L E' }));
    expect(items.map((i) => [i.date, i.amount])).toEqual([['2026-12-01', 180]]);
  });
  it('computes rest across midnight: night (23:00–07:00) then late (15:00) rests 480, night then night rests 960', () => {
    expect(total(penaltiesOf(demoRule('min-rest'), tinyModel({ dayCount: 2 }), rosterOf({ a1: 'N L' })))).toBe(180);
    expect(total(penaltiesOf(demoRule('min-rest'), tinyModel({ dayCount: 2 }), rosterOf({ a1: 'N N' })))).toBe(0);
  });
  describe('edge cases', () => {
    it('reads the previous month: a night on 30 Nov then a day shift (09:00) on 1 Dec rests 120, 540 short', () => {
      const model = tinyModel({ from: '2026-12-01', dayCount: 2, previousShifts: { a1: ['E', 'N'] } });
      const items = penaltiesOf(demoRule('min-rest'), model, rosterOf({ a1: 'D -' }));
      expect(items.map((i) => [i.date, i.amount])).toEqual([['2026-12-01', 540]]);
    });
    it('does not count rest over a day off', () => {
      expect(penaltiesOf(demoRule('min-rest'), tinyModel({ dayCount: 3 }), rosterOf({ a1: 'N - E' }))).toEqual([]);
    });
  });
});

rule('forbidden-successions', () => {
  it('costs one unit per forbidden pair, including one that starts in the previous period', () => {
    const model = tinyModel({ dayCount: 3, previousShifts: { a1: ['N'] } });
    const items = penaltiesOf(demoRule('forbidden-successions', { pairs: [['N', 'E']] }), model, rosterOf({ a1: 'E N E' }));
    expect(items.map((i) => i.date)).toEqual(['2026-11-30', '2026-12-02']);
  });
});

rule('max-consecutive-work', () => {
  it('costs the days beyond 6 in a run: 8 days in a row cost 2', () => {
    const items = penaltiesOf(demoRule('max-consecutive-work'), tinyModel({ dayCount: 9 }), rosterOf({ a1: 'E E E E E E E E -' }));
    expect(total(items)).toBe(2);
  });
  it('counts working days carried in from the previous period', () => {
    const model = tinyModel({ dayCount: 6, previousShifts: { a1: [null, 'E', 'E'] } });
    expect(total(penaltiesOf(demoRule('max-consecutive-work'), model, rosterOf({ a1: 'E E E E E -' })))).toBe(1);
  });
});

rule('max-nights-month', () => {
  it('costs the nights beyond 8: ten nights cost 2', () => {
    const items = penaltiesOf(demoRule('max-nights-month'), tinyModel({ dayCount: 10 }), rosterOf({ a1: 'N N N N N N N N N N' }));
    expect(items.map((i) => i.amount)).toEqual([2]);
  });
});

rule('entitlement-day-shifts', () => {
  it('costs one unit per non-day shift for an agent holding 常白班, nothing for others', () => {
    const model = tinyModel({ dayCount: 4, agents: [testAgent('a1'), testAgent('a2')], entitlements: [{ agentId: 'a1', kind: 'day-shifts-only' }] });
    expect(total(penaltiesOf(demoRule('entitlement-day-shifts'), model, rosterOf({ a1: 'E D L N', a2: 'E D L N' })))).toBe(2);
  });
  it("uses the entitlement's own shifts when it names them: 常白班 of D only makes E a miss too", () => {
    const model = tinyModel({ dayCount: 4, entitlements: [{ agentId: 'a1', kind: 'day-shifts-only', shifts: ['D'] }] });
    expect(penaltiesOf(demoRule('entitlement-day-shifts'), model, rosterOf({ a1: 'E D L -' })).map((i) => i.date)).toEqual(['2026-11-30', '2026-12-02']);
  });
});

rule('entitlement-holiday-rest', () => {
  it('costs one unit per entitled date worked', () => {
    const model = tinyModel({ dayCount: 3, entitlements: [{ agentId: 'a1', kind: 'holiday-rest', dates: ['2026-12-01', '2026-12-02'] }] });
    expect(penaltiesOf(demoRule('entitlement-holiday-rest'), model, rosterOf({ a1: 'E E -' })).map((i) => i.date)).toEqual(['2026-12-01']);
  });
});

rule('entitlement-first-pick', () => {
  it('costs one unit (× weight 2000, more than one shift of missing coverage) per worked day off the picked shifts, nothing on days off or for others', () => {
    const model = tinyModel({ dayCount: 4, agents: [testAgent('a1'), testAgent('a2')], entitlements: [{ agentId: 'a1', kind: 'first-pick', shifts: ['D'] }] });
    const items = penaltiesOf(demoRule('entitlement-first-pick'), model, rosterOf({ a1: 'E D - L', a2: 'E E E E' }));
    expect(items.map((i) => [i.agentId, i.date, i.amount])).toEqual([['a1', '2026-11-30', 2000], ['a1', '2026-12-03', 2000]]);
  });
});

rule('coverage', () => {
  it('costs 100 per agent short and 2 per agent over, per interval; a night spills into the next day', () => {
    const requirement = { P: [Array(48).fill(0), Array(48).fill(0)] };
    requirement.P[0][14] = 2; // 07:00 on day 0: two needed, one early shift present
    requirement.P[1][0] = 1; // 00:00 on day 1: covered by day 0's night
    const model = tinyModel({ dayCount: 2, agents: [testAgent('a1'), testAgent('a2')], requirement });
    const items = penaltiesOf(demoRule('coverage'), model, rosterOf({ a1: 'E -', a2: 'N -' }));
    // a1: 1 short at #14 (100) + 15 intervals over (30); a2: #46–47 over (4) + day 1 #1–13 over (26)
    expect(total(items)).toBe(160);
    expect(items.find((i) => i.date === '2026-12-01' && i.interval === 0)).toBeUndefined();
    expect(items.find((i) => i.interval === 14 && i.date === '2026-11-30')?.amount).toBe(100);
  });
  it('reports the shortfall alone in agent-intervals (over-staffing ignored)', () => {
    const requirement = { P: [Array(48).fill(0)] };
    requirement.P[0][14] = 3;
    requirement.P[0][15] = 1;
    const model = tinyModel({ dayCount: 1, agents: [testAgent('a1'), testAgent('a2')], requirement });
    expect(coverageShortfall(indexModel(model), rosterOf({ a1: 'E', a2: 'D' }))).toBe(2);
  });
  describe('edge cases', () => {
    it('counts a break as off duty: a 15-minute break halves the interval', () => {
      const shiftTypes = [{ code: 'E', name: '早', startMinute: 420, lengthMinutes: 60, breaks: [{ offsetMinutes: 0, minutes: 15 }], night: false }];
      const requirement = { P: [Array(48).fill(0)] };
      requirement.P[0][14] = 1;
      const model = tinyModel({ dayCount: 1, shiftTypes, requirement });
      expect(total(penaltiesOf(demoRule('coverage'), model, rosterOf({ a1: 'E' })))).toBe(50 + 2);
    });
    it('drops a night\'s minutes past the last day of the period', () => {
      expect(total(penaltiesOf(demoRule('coverage'), tinyModel({ dayCount: 1, requirement: { P: [Array(48).fill(0)] } }), rosterOf({ a1: 'N' })))).toBe(4);
    });
  });
});

rule('contract-week-minutes', () => {
  it('costs 300 per hour over and 20 per hour under the weekly bounds, per full week', () => {
    const contract = { ...testAgent('x').contract, minWeekMinutes: 2400, maxWeekMinutes: 2880 };
    const model = tinyModel({ agents: [testAgent('a1', { contract }), testAgent('a2', { contract })] });
    const items = penaltiesOf(demoRule('contract-week-minutes'), model, rosterOf({ a1: 'E E E E E E E', a2: 'E E E E - - -' }));
    expect(items.map((i) => [i.agentId, i.amount])).toEqual([['a1', 2400], ['a2', 160]]);
  });
  describe('edge cases', () => {
    it('ignores a partial week at the period edge', () => {
      const contract = { ...testAgent('x').contract, minWeekMinutes: 2400, maxWeekMinutes: 2880 };
      const model = tinyModel({ from: '2026-12-01', agents: [testAgent('a1', { contract })] });
      expect(penaltiesOf(demoRule('contract-week-minutes'), model, rosterOf({ a1: 'E E E E E E E' }))).toEqual([]);
    });
  });
});

rule('contract-month-minutes', () => {
  it('costs 300 per hour over the period maximum; each leave day lowers the minimum by 480', () => {
    const contract = { ...testAgent('x').contract, minMonthMinutes: 2400, maxMonthMinutes: 2880 };
    const model = tinyModel({ agents: [testAgent('a1', { contract }), testAgent('a2', { contract })], leave: [{ agentId: 'a2', date: '2026-12-01' }] });
    const items = penaltiesOf(demoRule('contract-month-minutes'), model, rosterOf({ a1: 'E E E E E E E', a2: 'E - E E E - -' }));
    expect(items.map((i) => [i.agentId, i.amount])).toEqual([['a1', 2400]]);
    const short = penaltiesOf(demoRule('contract-month-minutes'), model, rosterOf({ a1: 'E E E E E - -', a2: 'E - E E - - -' }));
    expect(short.map((i) => [i.agentId, i.amount])).toEqual([['a2', 240]]); // 480 min under the lowered 1920 → 8 h × 30
  });
});

rule('min-consecutive-work', () => {
  it('costs 20 per day short in an inner working run; runs touching the period edges are exempt', () => {
    const items = penaltiesOf(demoRule('min-consecutive-work'), tinyModel(), rosterOf({ a1: 'E - E - E E E' }));
    expect(items.map((i) => [i.date, i.amount])).toEqual([['2026-12-02', 20]]);
    expect(penaltiesOf(demoRule('min-consecutive-work'), tinyModel(), rosterOf({ a1: 'E - - E E - E' }))).toEqual([]);
  });
});

rule('min-consecutive-off', () => {
  it('costs 20 per day short in an inner run of days off', () => {
    const items = penaltiesOf(demoRule('min-consecutive-off'), tinyModel(), rosterOf({ a1: 'E - E E - - E' }));
    expect(items.map((i) => [i.date, i.amount])).toEqual([['2026-12-01', 20]]);
  });
});

rule('days-off-per-week', () => {
  it('costs 60 per day off short of two in a full Monday–Sunday week', () => {
    expect(total(penaltiesOf(demoRule('days-off-per-week'), tinyModel(), rosterOf({ a1: 'E E E E E E -' })))).toBe(60);
    expect(total(penaltiesOf(demoRule('days-off-per-week'), tinyModel(), rosterOf({ a1: 'E E E E E E E' })))).toBe(120);
  });
  describe('edge cases', () => {
    it('ignores a week cut by the month boundary', () => {
      expect(penaltiesOf(demoRule('days-off-per-week'), tinyModel({ from: '2026-12-01' }), rosterOf({ a1: 'E E E E E E E' }))).toEqual([]);
    });
  });
});

rule('max-weekends-month', () => {
  it('costs 40 per weekend worked beyond three, a weekend counting when either day is worked', () => {
    const model = tinyModel({ dayCount: 28 });
    const weekendsOnly = Array.from({ length: 28 }, (_, d) => (d % 7 === 5 || (d % 7 === 6 && d > 7) ? 'E' : '-')).join(' ');
    expect(total(penaltiesOf(demoRule('max-weekends-month'), model, rosterOf({ a1: weekendsOnly })))).toBe(40);
  });
  describe('edge cases', () => {
    it('counts a lone Sunday on the first day of the period as a weekend', () => {
      const model = tinyModel({ from: '2026-11-01', dayCount: 28 }); // 1 Nov 2026 is a Sunday
      const sundays = Array.from({ length: 28 }, (_, d) => (d % 7 === 0 ? 'E' : '-')).join(' ');
      expect(total(penaltiesOf(demoRule('max-weekends-month'), model, rosterOf({ a1: sundays })))).toBe(40);
    });
  });
});

rule('fair-weekends', () => {
  it('costs 5 per weekend of distance from the mean for each agent', () => {
    const model = tinyModel({ agents: [testAgent('a1'), testAgent('a2')] });
    expect(total(penaltiesOf(demoRule('fair-weekends'), model, rosterOf({ a1: '- - - - - E -', a2: '- - - - - - -' })))).toBe(5);
  });
});

rule('fair-nights', () => {
  it('compares nights among agents allowed nights only', () => {
    const dayOnly = { ...testAgent('x').contract, allowedShifts: ['D'] };
    const model = tinyModel({ agents: [testAgent('a1'), testAgent('a2'), testAgent('a3', { contract: dayOnly })] });
    const items = penaltiesOf(demoRule('fair-nights'), model, rosterOf({ a1: 'N N - - - - -', a2: '- - - - - - -', a3: 'D D D - - - -' }));
    expect(items.map((i) => [i.agentId, i.amount])).toEqual([['a1', 5], ['a2', 5]]);
  });
});

rule('fair-holidays', () => {
  it('costs 5 × |holidays worked − mean| per agent', () => {
    const model = tinyModel({ dayCount: 2, agents: [testAgent('a1'), testAgent('a2'), testAgent('a3')] });
    model.days[1].holiday = true;
    const items = penaltiesOf(demoRule('fair-holidays'), model, rosterOf({ a1: '- E', a2: 'E -', a3: '- -' }));
    expect(total(items)).toBeCloseTo(20 / 3, 10);
  });
});

rule('preferred-shift', () => {
  it('costs 3 when a working day on a weekday with a preferred shift gets another shift; a day off costs nothing', () => {
    const a1 = testAgent('a1', { preferences: { preferredShifts: [{ weekday: 0, shift: 'E' }, { weekday: 1, shift: 'E' }], avoidedShifts: [], preferredDaysOff: [] } });
    const items = penaltiesOf(demoRule('preferred-shift'), tinyModel({ agents: [a1] }), rosterOf({ a1: 'D - E D - - -' }));
    expect(items.map((i) => [i.date, i.amount])).toEqual([['2026-11-30', 3]]);
  });
});

rule('avoided-shift', () => {
  it('costs 5 per avoided shift on its weekday only', () => {
    const a1 = testAgent('a1', { preferences: { preferredShifts: [], avoidedShifts: [{ weekday: 1, shift: 'N' }], preferredDaysOff: [] } });
    expect(total(penaltiesOf(demoRule('avoided-shift'), tinyModel({ agents: [a1] }), rosterOf({ a1: 'N N - - - - -' })))).toBe(5);
  });
});

rule('preferred-day-off', () => {
  it('costs 5 per working day on a weekday the agent prefers off', () => {
    const a1 = testAgent('a1', { preferences: { preferredShifts: [], avoidedShifts: [], preferredDaysOff: [6] } });
    expect(penaltiesOf(demoRule('preferred-day-off'), tinyModel({ agents: [a1] }), rosterOf({ a1: 'E E - - - - E' })).map((i) => i.date)).toEqual(['2026-12-06']);
  });
});

rule('baseline-change', () => {
  it('costs 50 per changed shift and 25 when only the project changed', () => {
    const model = tinyModel({ dayCount: 4, baseline: rosterOf({ a1: 'E E - D' }) });
    expect(total(penaltiesOf(demoRule('baseline-change'), model, rosterOf({ a1: 'E@Q D E D' })))).toBe(125);
  });
  it('costs nothing without a baseline', () => {
    expect(penaltiesOf(demoRule('baseline-change'), tinyModel({ dayCount: 1 }), rosterOf({ a1: 'E' }))).toEqual([]);
  });
});

describe('the registry', () => {
  it('has an exact test above for every registered constraint id, and no test for an unknown id', () => {
    expect([...tested].sort()).toEqual(CONSTRAINTS.map((c) => c.id).sort());
  });
  it('implements every rule of the demo rulebook, which has at least 14 rules with hard rules first', () => {
    expect(DEMO_RULEBOOK.length).toBeGreaterThanOrEqual(14);
    expect(DEMO_RULEBOOK.map((r) => r.id).sort()).toEqual(CONSTRAINTS.map((c) => c.id).sort());
    const firstSoft = DEMO_RULEBOOK.findIndex((r) => !r.hard);
    expect(DEMO_RULEBOOK.slice(firstSoft).every((r) => !r.hard)).toBe(true);
  });
  describe('edge cases', () => {
    it('refuses an unknown rule id', () => {
      expect(() => constraintById('no-such-rule')).toThrow(/no constraint implements/);
    });
  });
});
