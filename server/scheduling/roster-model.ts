// Builds the roster solver's model for a month from the database: agents, shift types, leave, the rulebook and the
// requirement (a snapshot of the forecast's scheduled agents per project, day and interval).
import type { Sql } from '../db/index.ts';
import type { Agent, RosterModel, ShiftType } from '../../scheduling/roster/model.ts';
import { DEMO_RULEBOOK, type Rule } from '../../scheduling/roster/rules.ts';
import { demoCentreModel } from '../../scheduling/roster/demo.ts';
import { holidayDates } from '../../scheduling/demo/holidays.ts';
import { daysOfMonth, weekdayOf } from '../../scheduling/time.ts';
import { listProjects } from './queries.ts';
import { planProject, staffingDefaults } from './service.ts';
import { monthEntitlements } from './incentive-entitlements.ts';

/** A schedulable agent as the roster screens need it besides the model: database id, team and user. */
export interface RosterAgentRow {
  id: number;
  code: string;
  name: string;
  team: string;
  userId: number | null;
}

/** The model plus what maps it back to the database. */
export interface MonthModel {
  model: RosterModel;
  agents: RosterAgentRow[];
  byCode: Map<string, RosterAgentRow>;
}

const level = (p: number): 1 | 2 | 3 => (p >= 0.8 ? 3 : p >= 0.6 ? 2 : 1);

/**
 * What does the forecast require per project, day and interval for a month (agents to schedule)? Projects without
 * history fall back to the demo centre's requirement curves for that project (scaled to the agents who can serve it).
 * @example (await monthRequirement(sql, '2026-12', 'Asia/Shanghai'))['95598'][0].length // 48
 */
export async function monthRequirement(sql: Sql, month: string, timeZone: string): Promise<Record<string, number[][]>> {
  const days = daysOfMonth(month);
  const projects = await listProjects(sql);
  const params = await staffingDefaults(sql);
  const out: Record<string, number[][]> = {};
  let demo: RosterModel | undefined;
  for (const project of projects) {
    const plan = await planProject(sql, project, days[0]!, days.at(-1)!, params, timeZone).catch(() => null);
    const grid = days.map(() => new Array<number>(48).fill(0));
    if (plan && plan.rows.length) {
      const index = new Map(days.map((d, i) => [d, i]));
      for (const row of plan.rows) {
        const d = index.get(row.date);
        if (d !== undefined && row.interval >= 0 && row.interval < 48) grid[d]![row.interval] = row.staffing.scheduledAgents;
      }
    } else {
      demo ??= demoCentreModel({ seed: 1, month, agents: 300 });
      const curve = demo.requirement[project.code];
      if (curve) curve.forEach((row, d) => row.forEach((v, k) => (grid[d]![k] = v)));
    }
    out[project.code] = grid;
  }
  return out;
}

/**
 * Which roster model does the database describe for a month, against a stored requirement? Rules come from the `rules`
 * table (same ids as the solver's rulebook; disabled rules left out), or DEMO_RULEBOOK when the table is empty.
 * @example (await monthModel(sql, '2026-12', requirement)).model.days.length // 31
 */
export async function monthModel(sql: Sql, month: string, requirement: Record<string, number[][]>): Promise<MonthModel> {
  const dates = daysOfMonth(month);
  const holidays = holidayDates();
  const shiftRows = await sql<{ code: string; name: string; start_minute: number; length_minutes: number; breaks: { offsetMinutes: number; minutes: number }[]; night: boolean }[]>`
    SELECT code, name, start_minute, length_minutes, breaks, night FROM shift_types ORDER BY start_minute, code`;
  const shiftTypes: ShiftType[] = shiftRows.map((s) => ({
    code: s.code,
    name: s.name,
    startMinute: s.start_minute,
    lengthMinutes: s.length_minutes,
    breaks: (s.breaks ?? []).map((b) => ({ offsetMinutes: b.offsetMinutes, minutes: b.minutes })),
    night: s.night,
  }));
  const agentRows = await sql<
    { id: number; code: string; name: string; team: string | null; user_id: number | null; weekly_hours: string; monthly_min_hours: string; monthly_max_hours: string; allowed_shifts: string[]; skills: Record<string, number>; emergency_tier: number | null; preferences: { preferredShifts?: string[]; avoidedShifts?: string[]; preferredDaysOff?: number[] } }[]
  >`SELECT a.id, a.code, a.name, t.code AS team, a.user_id, a.weekly_hours, a.monthly_min_hours, a.monthly_max_hours, a.allowed_shifts, a.skills, a.emergency_tier, a.preferences
    FROM agents_sched a LEFT JOIN teams t ON t.id = a.team_id WHERE a.active ORDER BY a.code`;
  const projects = Object.keys(requirement);
  const agents: Agent[] = agentRows.map((a) => {
    const weekly = Number(a.weekly_hours) * 60;
    const prefs = a.preferences ?? {};
    const skills: Agent['skills'] = {};
    for (const [p, v] of Object.entries(a.skills ?? {})) if (projects.includes(p)) skills[p] = level(Number(v));
    return {
      id: a.code,
      name: a.name,
      team: a.team ?? '',
      contract: {
        minWeekMinutes: Math.round(weekly * 0.8),
        maxWeekMinutes: Math.round(weekly * 1.2),
        minMonthMinutes: Math.round(Number(a.monthly_min_hours) * 60),
        maxMonthMinutes: Math.round(Number(a.monthly_max_hours) * 60),
        allowedShifts: a.allowed_shifts,
      },
      skills,
      emergencyTier: (a.emergency_tier === 1 ? 1 : a.emergency_tier ? 2 : 0) as 0 | 1 | 2,
      preferences: {
        preferredShifts: (prefs.preferredShifts ?? []).flatMap((shift) => [0, 1, 2, 3, 4].map((weekday) => ({ weekday, shift }))),
        avoidedShifts: (prefs.avoidedShifts ?? []).flatMap((shift) => [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, shift }))),
        preferredDaysOff: prefs.preferredDaysOff ?? [],
      },
    };
  });
  const leaveRows = await sql<{ code: string; date: string }[]>`
    SELECT a.code, to_char(d, 'YYYY-MM-DD') AS date
    FROM leave l JOIN agents_sched a ON a.id = l.agent_id,
         generate_series(greatest(l.from_date, ${dates[0]!}::date), least(l.to_date, ${dates.at(-1)!}::date), interval '1 day') AS d
    WHERE l.approved AND l.to_date >= ${dates[0]!}::date AND l.from_date <= ${dates.at(-1)!}::date`;
  const ruleRows = await sql<{ id: string; name: string; name_en: string; hard: boolean; weight: number; params: Record<string, unknown> }[]>`
    SELECT id, name, name_en, hard, weight, params FROM rules WHERE enabled ORDER BY sort, id`;
  const known = new Set(DEMO_RULEBOOK.map((r) => r.id));
  const rules: Rule[] = ruleRows.length
    ? ruleRows.filter((r) => known.has(r.id)).map((r) => ({ id: r.id, name: r.name, nameEn: r.name_en, hard: r.hard, weight: r.weight, params: r.params ?? {} }))
    : DEMO_RULEBOOK.map((r) => ({ ...r, params: { ...r.params } }));
  const rows: RosterAgentRow[] = agentRows.map((a) => ({ id: a.id, code: a.code, name: a.name, team: a.team ?? '', userId: a.user_id }));
  const model: RosterModel = {
    intervalMinutes: 30,
    projects,
    shiftTypes,
    days: dates.map((date) => ({ date, weekday: weekdayOf(date), holiday: holidays.has(date) })),
    agents,
    requirement,
    leave: leaveRows.map((l) => ({ agentId: l.code, date: l.date })),
    pinned: [],
    // Redeemed incentives (常白班, 优选排次, 节日连休) from the points ledger.
    entitlements: await monthEntitlements(sql, month),
    rules,
  };
  return { model, agents: rows, byCode: new Map(rows.map((r) => [r.code, r])) };
}
