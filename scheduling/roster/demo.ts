// Seeded demo centre for the roster solver: four projects, five shift types, a month of requirement curves, a few hundred agents.
import { mulberry32 } from '../curtois/random.ts';
import { holidayDates } from '../demo/holidays.ts';
import { daysOfMonth, weekdayOf } from '../time.ts';
import type { Agent, Entitlement, Leave, RosterModel, ShiftType } from './model.ts';
import { DEMO_RULEBOOK } from './rules.ts';

const breaks = [{ offsetMinutes: 120, minutes: 15 }, { offsetMinutes: 240, minutes: 30 }, { offsetMinutes: 390, minutes: 15 }];

/**
 * 早 E 07–15, 白 D 09–17, 中 M 12–20, 晚 L 15–23, 夜 N 23–07, each with two rests and a meal break.
 * @example DEMO_ROSTER_SHIFTS[4].night // true
 */
export const DEMO_ROSTER_SHIFTS: ShiftType[] = [
  { code: 'E', name: '早班', startMinute: 7 * 60, lengthMinutes: 480, breaks, night: false },
  { code: 'D', name: '白班', startMinute: 9 * 60, lengthMinutes: 480, breaks, night: false },
  { code: 'M', name: '中班', startMinute: 12 * 60, lengthMinutes: 480, breaks, night: false },
  { code: 'L', name: '晚班', startMinute: 15 * 60, lengthMinutes: 480, breaks, night: false },
  { code: 'N', name: '夜班', startMinute: 23 * 60, lengthMinutes: 480, breaks, night: true },
];

/**
 * The four demo projects, their share of the demand, and whether they run around the clock.
 * @example DEMO_PROJECTS.map((p) => p.code) // ['95598', 'EV', 'INS', 'FIN']
 */
export const DEMO_PROJECTS = [
  { code: '95598', share: 0.58, allDay: true },
  { code: 'EV', share: 0.16, allDay: true },
  { code: 'INS', share: 0.14, allDay: false },
  { code: 'FIN', share: 0.12, allDay: false },
] as const;

/** Relative calls by hour of day (0–23): quiet nights, a morning peak, a softer afternoon peak. */
const HOUR_SHAPE = [0.12, 0.1, 0.08, 0.08, 0.08, 0.1, 0.18, 0.4, 0.75, 1, 1, 0.95, 0.8, 0.85, 0.92, 0.9, 0.85, 0.75, 0.6, 0.55, 0.5, 0.42, 0.3, 0.2];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍';

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)];
}

function makeAgent(next: () => number, i: number, dayCount: number): Agent {
  const roll = next();
  const primary = roll < 0.55 ? '95598' : roll < 0.72 ? 'EV' : roll < 0.87 ? 'INS' : 'FIN';
  const skills: Agent['skills'] = { [primary]: (next() < 0.4 ? 3 : 2) as 2 | 3 };
  if (next() < 0.3) {
    const other = pick(next, DEMO_PROJECTS.map((p) => p.code).filter((c) => c !== primary));
    skills[other] = (next() < 0.5 ? 1 : 2) as 1 | 2;
  }
  const nightCapable = (primary === '95598' || primary === 'EV') && next() < 0.8;
  const shifts = nightCapable ? ['E', 'D', 'M', 'L', 'N'] : ['E', 'D', 'M', 'L'];
  const shiftsPerPeriod = Math.round((dayCount * 5) / 7);
  const tierRoll = next();
  const preferences: Agent['preferences'] = { preferredShifts: [], avoidedShifts: [], preferredDaysOff: [] };
  if (next() < 0.3) preferences.preferredShifts.push({ weekday: Math.floor(next() * 5), shift: pick(next, ['E', 'D', 'M']) });
  if (nightCapable && next() < 0.25) preferences.avoidedShifts.push({ weekday: Math.floor(next() * 7), shift: 'N' });
  if (next() < 0.25) preferences.preferredDaysOff.push(next() < 0.5 ? 5 : 6);
  return {
    id: `A${String(i + 1).padStart(4, '0')}`,
    name: pick(next, [...SURNAMES]) + pick(next, [...GIVEN]) + (next() < 0.5 ? pick(next, [...GIVEN]) : ''),
    team: `${primary}-${1 + Math.floor(next() * 4)}`,
    contract: { minWeekMinutes: 1920, maxWeekMinutes: 2880, minMonthMinutes: (shiftsPerPeriod - 2) * 480, maxMonthMinutes: (shiftsPerPeriod + 1) * 480, allowedShifts: shifts },
    skills,
    emergencyTier: (tierRoll < 0.1 ? 1 : tierRoll < 0.25 ? 2 : 0) as 0 | 1 | 2,
    preferences,
  };
}

/**
 * Which demo roster problem does a seed give for a month? Demand is sized to about 80% of the agents' capacity.
 * @example demoCentreModel({ seed: 1, month: '2026-10', agents: 300 }).agents.length // 300
 */
export function demoCentreModel({ seed = 1, month, agents = 300 }: { seed?: number; month: string; agents?: number }): RosterModel {
  const next = mulberry32(seed);
  const holidays = holidayDates();
  const days = daysOfMonth(month).map((date) => ({ date, weekday: weekdayOf(date), holiday: holidays.has(date) }));
  const roster = Array.from({ length: agents }, (_, i) => makeAgent(next, i, days.length));
  const leave: Leave[] = [];
  for (const agent of roster) {
    if (next() >= 0.25) continue;
    const start = Math.floor(next() * days.length);
    const length = 1 + Math.floor(next() * 4);
    for (let d = start; d < Math.min(days.length, start + length); d++) leave.push({ agentId: agent.id, date: days[d].date });
  }
  const entitlements: Entitlement[] = [];
  const holidayList = days.filter((d) => d.holiday).map((d) => d.date);
  for (const agent of roster) {
    const roll = next();
    if (roll < 0.02) entitlements.push({ agentId: agent.id, kind: 'day-shifts-only' });
    else if (roll < 0.04 && holidayList.length > 0) entitlements.push({ agentId: agent.id, kind: 'holiday-rest', dates: holidayList });
  }
  const coverageMinutesPerShift = 480 - breaks.reduce((s, b) => s + b.minutes, 0);
  const capacityAgentIntervals = (agents * ((days.length * 5) / 7) * 0.96 * coverageMinutesPerShift) / 30;
  const shape = (p: (typeof DEMO_PROJECTS)[number], d: number, k: number) => {
    const hour = Math.floor(k / 2);
    if (!p.allDay && (hour < 8 || hour >= 20)) return 0;
    const dayFactor = days[d].holiday ? 0.7 : days[d].weekday >= 5 ? 0.8 : 1;
    return HOUR_SHAPE[hour] * dayFactor * (0.92 + 0.16 * next());
  };
  const raw = DEMO_PROJECTS.map((p) => days.map((_, d) => Array.from({ length: 48 }, (_, k) => shape(p, d, k))));
  const requirement: Record<string, number[][]> = {};
  DEMO_PROJECTS.forEach((p, j) => {
    const sum = raw[j].flat().reduce((s, v) => s + v, 0);
    const scale = (0.8 * capacityAgentIntervals * p.share) / sum;
    requirement[p.code] = raw[j].map((row) => row.map((v) => Math.round(v * scale)));
  });
  return {
    intervalMinutes: 30,
    projects: DEMO_PROJECTS.map((p) => p.code),
    shiftTypes: DEMO_ROSTER_SHIFTS,
    days,
    agents: roster,
    requirement,
    leave,
    pinned: [],
    entitlements,
    rules: DEMO_RULEBOOK.map((r) => ({ ...r, params: { ...r.params } })),
  };
}
