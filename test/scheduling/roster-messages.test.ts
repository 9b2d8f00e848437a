// The solver's penalty sentences in the reader's language: every constraint's real message, produced by the
// constraint itself on a tiny model, is rendered in Chinese for zh-CN and kept readable in English.
import { describe, expect, it } from 'vitest';
import { penaltyText } from '../../views/scheduling/roster-pages.tsx';
import { translator } from '../../views/i18n.ts';
import { demoRule, penaltiesOf, rosterOf, testAgent, tinyModel } from '../../scheduling/roster/testing.ts';
import { CONSTRAINTS } from '../../scheduling/roster/constraints/registry.ts';
import type { PenaltyItem } from '../../scheduling/roster/context.ts';

const zh = translator('zh-CN');
const en = translator('en');
const contract = { minWeekMinutes: 2400, maxWeekMinutes: 2400, minMonthMinutes: 9000, maxMonthMinutes: 9600, allowedShifts: ['E', 'D', 'M', 'L', 'N'] };

/** The first message of each constraint on a roster that breaks it (names: 王伟 = a1, 李娜 = a2). */
function messages(): Record<string, PenaltyItem[]> {
  const a1 = testAgent('a1', { name: '王伟' });
  const a2 = testAgent('a2', { name: '李娜' });
  const week = tinyModel({ agents: [a1, a2] });
  const requirement = { P: [Array(48).fill(0)] };
  requirement.P[0]![14] = 2;
  return {
    'leave-respected': penaltiesOf(demoRule('leave-respected'), tinyModel({ dayCount: 3, agents: [a1], leave: [{ agentId: 'a1', date: '2026-12-01' }] }), rosterOf({ a1: 'E E -' })),
    'pinned-respected': penaltiesOf(demoRule('pinned-respected'), tinyModel({ dayCount: 1, agents: [a1], pinned: [{ agentId: 'a1', date: '2026-11-30', shift: 'E', project: 'P' }] }), rosterOf({ a1: 'D@Q' })),
    'skill-coverage': penaltiesOf(demoRule('skill-coverage'), tinyModel({ dayCount: 1, agents: [a1] }), rosterOf({ a1: 'E@Q' })),
    'allowed-shifts': penaltiesOf(demoRule('allowed-shifts'), tinyModel({ dayCount: 1, agents: [testAgent('a1', { name: '王伟', contract: { ...contract, allowedShifts: ['E'] } })] }), rosterOf({ a1: 'N' })),
    'min-rest': penaltiesOf(demoRule('min-rest'), tinyModel({ dayCount: 2, agents: [a1] }), rosterOf({ a1: 'L E' })),
    'forbidden-successions': penaltiesOf(demoRule('forbidden-successions', { pairs: [['N', 'E']] }), tinyModel({ dayCount: 2, agents: [a1] }), rosterOf({ a1: 'N E' })),
    'max-consecutive-work': penaltiesOf(demoRule('max-consecutive-work'), tinyModel({ dayCount: 8, agents: [a1] }), rosterOf({ a1: 'E E E E E E E -' })),
    'max-nights-month': penaltiesOf(demoRule('max-nights-month'), tinyModel({ dayCount: 9, agents: [a1] }), rosterOf({ a1: 'N N N N N N N N N' })),
    'entitlement-day-shifts': penaltiesOf(demoRule('entitlement-day-shifts'), tinyModel({ dayCount: 1, agents: [a1], entitlements: [{ agentId: 'a1', kind: 'day-shifts-only' }] }), rosterOf({ a1: 'N' })),
    'entitlement-holiday-rest': penaltiesOf(demoRule('entitlement-holiday-rest'), tinyModel({ dayCount: 2, agents: [a1], entitlements: [{ agentId: 'a1', kind: 'holiday-rest', dates: ['2026-12-01'] }] }), rosterOf({ a1: '- E' })),
    'entitlement-first-pick': penaltiesOf(demoRule('entitlement-first-pick'), tinyModel({ dayCount: 1, agents: [a1], entitlements: [{ agentId: 'a1', kind: 'first-pick', shifts: ['D'] }] }), rosterOf({ a1: 'E' })),
    coverage: penaltiesOf(demoRule('coverage'), tinyModel({ dayCount: 1, agents: [a1], requirement }), rosterOf({ a1: 'E' })),
    'contract-week-minutes': penaltiesOf(demoRule('contract-week-minutes'), tinyModel({ agents: [testAgent('a1', { name: '王伟', contract })] }), rosterOf({ a1: 'E E E E - - -' })),
    'contract-month-minutes': penaltiesOf(demoRule('contract-month-minutes'), tinyModel({ agents: [testAgent('a1', { name: '王伟', contract })] }), rosterOf({ a1: 'E E E E - - -' })),
    'min-consecutive-work': penaltiesOf(demoRule('min-consecutive-work'), tinyModel({ agents: [a1] }), rosterOf({ a1: 'E - E - - E E' })),
    'min-consecutive-off': penaltiesOf(demoRule('min-consecutive-off'), tinyModel({ agents: [a1] }), rosterOf({ a1: 'E - E E - - E' })),
    'days-off-per-week': penaltiesOf(demoRule('days-off-per-week'), tinyModel({ agents: [a1] }), rosterOf({ a1: 'E E E E E E -' })),
    'max-weekends-month': penaltiesOf(demoRule('max-weekends-month', { maxWeekends: 0 }), tinyModel({ agents: [a1] }), rosterOf({ a1: '- - - - - E -' })),
    'fair-weekends': penaltiesOf(demoRule('fair-weekends'), week, rosterOf({ a1: '- - - - - E -', a2: '- - - - - - -' })),
    'fair-nights': penaltiesOf(demoRule('fair-nights'), week, rosterOf({ a1: 'N - - - - - -', a2: '- - - - - - -' })),
    'fair-holidays': penaltiesOf(demoRule('fair-holidays'), { ...tinyModel({ dayCount: 1, agents: [a1, a2] }), days: [{ date: '2026-11-30', weekday: 0, holiday: true }] }, rosterOf({ a1: 'E', a2: '-' })),
    'preferred-shift': penaltiesOf(demoRule('preferred-shift'), tinyModel({ dayCount: 1, agents: [testAgent('a1', { name: '王伟', preferences: { preferredShifts: [{ weekday: 0, shift: 'E' }], avoidedShifts: [], preferredDaysOff: [] } })] }), rosterOf({ a1: 'D' })),
    'avoided-shift': penaltiesOf(demoRule('avoided-shift'), tinyModel({ dayCount: 1, agents: [testAgent('a1', { name: '王伟', preferences: { preferredShifts: [], avoidedShifts: [{ weekday: 0, shift: 'N' }], preferredDaysOff: [] } })] }), rosterOf({ a1: 'N' })),
    'preferred-day-off': penaltiesOf(demoRule('preferred-day-off'), tinyModel({ dayCount: 1, agents: [testAgent('a1', { name: '王伟', preferences: { preferredShifts: [], avoidedShifts: [], preferredDaysOff: [0] } })] }), rosterOf({ a1: 'E' })),
    'baseline-change': [
      ...penaltiesOf(demoRule('baseline-change'), tinyModel({ dayCount: 1, agents: [a1], baseline: rosterOf({ a1: 'E' }) }), rosterOf({ a1: '-' })),
      ...penaltiesOf(demoRule('baseline-change'), tinyModel({ dayCount: 1, agents: [a1], baseline: rosterOf({ a1: 'E' }) }), rosterOf({ a1: 'E@Q' })),
    ],
  };
}

describe('penaltyText', () => {
  const all = messages();

  it('has a sample for every registered constraint', () => {
    expect(Object.keys(all).sort()).toEqual(CONSTRAINTS.map((c) => c.id).sort());
    for (const [id, items] of Object.entries(all)) expect(items.length, id).toBeGreaterThan(0);
  });

  it('renders each constraint’s real message in Chinese for zh-CN', () => {
    const text = Object.fromEntries(Object.entries(all).map(([id, items]) => [id, items.map((i) => penaltyText(zh, i.message))]));
    expect(text).toEqual({
      'leave-respected': ['王伟 在已批准的假期排了 E'],
      'pinned-respected': ['王伟：锁定为 E/P，实排 D/Q'],
      'skill-coverage': ['王伟 不具备技能却服务 Q'],
      'allowed-shifts': ['王伟 的合同不允许 N 班次'],
      'min-rest': ['王伟：L 与 E 之间只休息 480 分钟，少 180 分钟'],
      'forbidden-successions': ['王伟：E 不能紧接在 N 之后'],
      'max-consecutive-work': ['王伟 连续工作 7 天（上限 6 天）'],
      'max-nights-month': ['王伟 本期 9 个夜班（上限 8 个）'],
      'entitlement-day-shifts': ['王伟 享有常白班，却排了 N'],
      'entitlement-holiday-rest': ['王伟 享有节日连休，却在 2026-12-01 上班'],
      'entitlement-first-pick': ['王伟 享有优选排次（D），却排了 E'],
      // short at 07:00 (2 needed), then over in each of the early shift's other 15 intervals (none needed)
      coverage: ['P 2026-11-30 07:00：在岗 1 人，需求 2 人', 'P 2026-11-30 07:30：在岗 1 人，需求 0 人', ...Array.from({ length: 14 }, (_, k) => `P 2026-11-30 ${String(8 + Math.floor(k / 2)).padStart(2, '0')}:${k % 2 ? '30' : '00'}：在岗 1 人，需求 0 人`)],
      'contract-week-minutes': ['王伟 自 2026-11-30 起的一周工作 1920 分钟（合同 2400–2400 分钟）'],
      'contract-month-minutes': ['王伟 本期工作 1920 分钟（合同 9000–9600 分钟）'],
      'min-consecutive-work': ['王伟 连续工作仅 1 天（至少 2 天）'],
      'min-consecutive-off': ['王伟 连休仅 1 天（至少 2 天）'],
      'days-off-per-week': ['王伟 自 2026-11-30 起的一周只休 1 天（至少 2 天）'],
      'max-weekends-month': ['王伟 本期工作 1 个周末（上限 0 个）'],
      'fair-weekends': ['1 个周末，平均 0.50 个', '0 个周末，平均 0.50 个'],
      'fair-nights': ['1 个夜班，平均 0.50 个', '0 个夜班，平均 0.50 个'],
      'fair-holidays': ['1 个节假日班，平均 0.50 个', '0 个节假日班，平均 0.50 个'],
      'preferred-shift': ['王伟 偏好 E，实排 D'],
      'avoided-shift': ['王伟 不愿在这一天上 N'],
      'preferred-day-off': ['王伟 希望这一天休息'],
      'baseline-change': ['王伟：E → 休息', '王伟：项目 P → Q'],
    });
  });

  it('keeps English readable and shows an unknown sentence as it is', () => {
    expect(penaltyText(en, all['max-consecutive-work']![0]!.message)).toBe('王伟 works 7 days in a row (max 6)');
    expect(penaltyText(en, all.coverage![0]!.message)).toBe('P 2026-11-30 07:00: 1 on duty, 2 required');
    expect(penaltyText(zh, 'something new from a future rule')).toBe('something new from a future rule');
  });
});
