// What the emergency-resources, incentive and peak screens compute from the database: today's emergency-capable staff,
// redemptions under the agent's row lock, catalogue edits with version checks, peak plans and the gap they open.
import type { Sql } from '../db/index.ts';
import { emergencyResources, type ProjectResources } from '../../scheduling/incentives/resources.ts';
import { peakGap, type BaselineDay, type EmergencyAgent, type PeakGap, type PeakPlan } from '../../scheduling/incentives/peak.ts';
import { redeem, type RedeemRequest, type RedeemResult } from '../../scheduling/incentives/ledger.ts';
import type { AgentProfile, Assignment, ProjectTarget } from '../../scheduling/intraday/types.ts';
import { addLocalDays, localDateRange } from '../../scheduling/time.ts';
import { listProjects } from './queries.ts';
import { planProject, staffingDefaults } from './service.ts';
import { insertRedemption, ledgerOf, loadCatalogue, type LedgerRow } from './incentive-store.ts';
import type { PeakNoticeItem } from '../../views/scheduling/incentive-pages.tsx';

/** An emergency-capable agent's name and team, beside the pure module's view. */
export interface ResourcesToday {
  date: string;
  projects: ProjectResources[];
  names: Map<string, { name: string; team: string }>;
}

/**
 * Who of the emergency tiers is on shift today (published roster), off (leave, or resting after last night's night
 * shift), or reachable (free today), per home project?
 * @example (await resourcesToday(sql, '2026-12-04')).projects[0].project // '95598'
 */
export async function resourcesToday(sql: Sql, date: string): Promise<ResourcesToday> {
  const agents = await sql<{ id: number; code: string; name: string; team: string | null; home: string | null; skills: Record<string, number>; tier: number }[]>`
    SELECT a.id, a.code, a.name, t.code AS team, p.code AS home, a.skills, a.emergency_tier AS tier
    FROM agents_sched a LEFT JOIN teams t ON t.id = a.team_id LEFT JOIN projects p ON p.id = t.project_id
    WHERE a.active AND a.emergency_tier IS NOT NULL ORDER BY a.code`;
  const yesterday = addLocalDays(date, -1);
  const cells = await sql<{ agent_id: number; date: string; start_minute: number; length_minutes: number; project: string | null; night: boolean }[]>`
    SELECT c.agent_id, to_char(c.date, 'YYYY-MM-DD') AS date, st.start_minute, st.length_minutes, c.project_code AS project, st.night
    FROM roster_cells c JOIN rosters r ON r.id = c.roster_id AND r.status = 'published'
    JOIN shift_types st ON st.code = c.shift_code
    WHERE c.date IN (${date}::date, ${yesterday}::date)`;
  const onLeave = new Set(
    (await sql<{ agent_id: number }[]>`SELECT agent_id FROM leave WHERE approved AND from_date <= ${date}::date AND to_date >= ${date}::date`).map((l) => l.agent_id),
  );
  const today = new Map<number, (typeof cells)[number]>();
  const restingAfterNight = new Set<number>();
  for (const c of cells) {
    if (c.date === date) today.set(c.agent_id, c);
    else if (c.start_minute + c.length_minutes > 1440) restingAfterNight.add(c.agent_id);
  }
  const profiles: AgentProfile[] = [];
  const assignments: Assignment[] = [];
  const names = new Map<string, { name: string; team: string }>();
  for (const a of agents) {
    const cell = today.get(a.id);
    const home = a.home ?? Object.keys(a.skills ?? {})[0] ?? '';
    names.set(a.code, { name: a.name, team: a.team ?? '' });
    profiles.push({
      agentId: a.code,
      homeProject: home,
      skills: a.skills ?? {},
      emergencyTier: a.tier,
      availability: cell ? 'onShift' : onLeave.has(a.id) || restingAfterNight.has(a.id) ? 'off' : 'reachable',
    });
    if (cell) {
      assignments.push({ agentId: a.code, project: cell.project ?? home, startMinute: cell.start_minute, endMinute: cell.start_minute + cell.length_minutes, offline: [], loans: [], absent: false, origin: 'roster' });
    }
  }
  return { date, projects: emergencyResources(profiles, assignments), names };
}

/** Result of {@link redeemForAgent}: the stored line, or the pure module's refusal. */
export type StoredRedeemResult = { ok: true; row: LedgerRow } | Extract<RedeemResult, { ok: false }>;

/**
 * Redeems a reward for an agent against the stored catalogue and ledger. The agent's row is locked for the
 * transaction so two redemptions cannot both spend the same points; the unique index refuses a second redemption of
 * a reward for the same month even across processes.
 * @example await redeemForAgent(sql, { agentId: 'A0001', rewardId: 'regular-day-shift', request: { month: '2027-01' }, now, timeZone, userId })
 */
export async function redeemForAgent(
  sql: Sql,
  input: { agentId: string; rewardId: string; request: RedeemRequest; now: Date; timeZone: string; today: string; userId: number | null },
): Promise<StoredRedeemResult> {
  return sql.begin(async (tx) => {
    const t = tx as unknown as Sql;
    const [locked] = await t`SELECT id FROM agents_sched WHERE code = ${input.agentId} FOR UPDATE`;
    if (!locked) return { ok: false as const, error: 'invalidRequest' as const, message: `no schedulable agent ${input.agentId}` };
    const catalogue = await loadCatalogue(t);
    const ledger = await ledgerOf(t, input.agentId);
    const result = redeem(ledger, input.agentId, input.rewardId, input.now, input.request, { catalogue, timeZone: input.timeZone });
    if (!result.ok) return result;
    const entry = result.entries[0]!;
    const row = await insertRedemption(t, { agentId: input.agentId, rewardId: entry.rewardId, points: entry.points, entitlement: entry.entitlement, at: input.now, date: input.today, userId: input.userId });
    return { ok: true as const, row };
  });
}

/** A stored peak plan. */
export interface PeakPlanRow extends PeakPlan {
  version: number;
  note: string;
  updatedAt: Date;
}

type RawPlan = { id: number; name: string; kind: PeakPlan['kind']; from_date: string; to_date: string; uplift: Record<string, number>; note: string; version: number; updated_at: Date };

function toPlan(r: RawPlan): PeakPlanRow {
  return { id: String(r.id), name: r.name, kind: r.kind, from: r.from_date, to: r.to_date, upliftByProject: r.uplift ?? {}, note: r.note, version: r.version, updatedAt: r.updated_at };
}

/**
 * Peak plans, by start date; with `overlap`, only those touching from..to.
 * @example (await listPeakPlans(sql, { from: '2027-07-01', to: '2027-07-01' }))[0].kind // 'summerPeak'
 */
export async function listPeakPlans(sql: Sql, overlap?: { from: string; to: string }): Promise<PeakPlanRow[]> {
  const rows = await sql<RawPlan[]>`
    SELECT id, name, kind, to_char(from_date, 'YYYY-MM-DD') AS from_date, to_char(to_date, 'YYYY-MM-DD') AS to_date, uplift, note, version, updated_at
    FROM peak_plans WHERE ${overlap ? sql`from_date <= ${overlap.to}::date AND to_date >= ${overlap.from}::date` : sql`true`}
    ORDER BY from_date, id`;
  return rows.map(toPlan);
}

/** One peak plan, if it exists. */
export async function findPeakPlan(sql: Sql, id: number): Promise<PeakPlanRow | undefined> {
  const [r] = await sql<RawPlan[]>`
    SELECT id, name, kind, to_char(from_date, 'YYYY-MM-DD') AS from_date, to_char(to_date, 'YYYY-MM-DD') AS to_date, uplift, note, version, updated_at
    FROM peak_plans WHERE id = ${id}`;
  return r && toPlan(r);
}

/** A plan's gap with per-day totals for the chart. */
export interface PlanGap {
  gap: PeakGap;
  /** Per date: extra agent-hours over all projects, and how much tier 1, tier 2, … and nobody close. */
  days: { date: string; extra: number; byTier: Record<number, number>; uncovered: number }[];
  /** Projects of the plan without forecast history (their gap is unknown). */
  missing: string[];
}

/** Longest plan the gap is computed for (days); longer plans show the first this many days. */
export const MAX_GAP_DAYS = 92;

/**
 * What gap does a plan open against the current forecast (Erlang C agent-hours on the phones, each project's
 * service target and mean AHT over the period), and which emergency tier closes it (each tier agent giving up to
 * 4 extra hours a day on projects they answer at proficiency ≥ 0.6)?
 * @example (await planGap(sql, plan, 'Asia/Shanghai')).gap.extraAgentHours // 312.5
 */
export async function planGap(sql: Sql, plan: PeakPlan, timeZone: string): Promise<PlanGap> {
  const projects = (await listProjects(sql)).filter((p) => p.code in plan.upliftByProject);
  const params = await staffingDefaults(sql);
  const to = localDateRange(plan.from, plan.to).length > MAX_GAP_DAYS ? addLocalDays(plan.from, MAX_GAP_DAYS - 1) : plan.to;
  const baseline: BaselineDay[] = [];
  const targets: ProjectTarget[] = [];
  const missing: string[] = [];
  for (const p of projects) {
    const fc = await planProject(sql, p, plan.from, to, params, timeZone).catch(() => null);
    if (!fc || fc.rows.length === 0) {
      missing.push(p.code);
      continue;
    }
    const byDate = new Map<string, number[]>();
    let calls = 0;
    let weighted = 0;
    for (const r of fc.rows) {
      if (!byDate.has(r.date)) byDate.set(r.date, new Array<number>(48).fill(0));
      byDate.get(r.date)![r.interval] = r.calls;
      calls += r.calls;
      weighted += r.calls * r.ahtSeconds;
    }
    for (const [date, c] of byDate) baseline.push({ project: p.code, date, calls: c });
    targets.push({ project: p.code, ahtSeconds: calls > 0 ? weighted / calls : 300, targetSeconds: p.slSeconds, serviceLevel: p.slTarget });
  }
  const emergency = await emergencyAgents(sql);
  return summarise(peakGap({ plan: { ...plan, upliftByProject: Object.fromEntries(Object.entries(plan.upliftByProject).filter(([k]) => !missing.includes(k))) }, baseline, targets, emergency }), missing);
}

/**
 * Per-day totals of a gap, for the chart and the forecast notice.
 * @example summarise(gap, []).days[0] // { date: '2027-07-01', extra: 10.5, byTier: { 1: 8, 2: 2.5 }, uncovered: 0 }
 */
export function summarise(gap: PeakGap, missing: string[]): PlanGap {
  const days = new Map<string, PlanGap['days'][number]>();
  for (const r of gap.rows) {
    let d = days.get(r.date);
    if (!d) days.set(r.date, (d = { date: r.date, extra: 0, byTier: {}, uncovered: 0 }));
    d.extra += r.extraAgentHours;
    d.uncovered += r.uncoveredAgentHours;
    for (const c of r.closedBy) d.byTier[c.tier] = (d.byTier[c.tier] ?? 0) + c.agentHours;
  }
  return { gap, days: [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1)), missing };
}

/** The emergency tiers as the gap calculation draws on them. */
export async function emergencyAgents(sql: Sql): Promise<EmergencyAgent[]> {
  const rows = await sql<{ code: string; tier: number; skills: Record<string, number> }[]>`
    SELECT code, emergency_tier AS tier, skills FROM agents_sched WHERE active AND emergency_tier IS NOT NULL ORDER BY code`;
  return rows.map((r) => ({ agentId: r.code, tier: r.tier, skills: r.skills ?? {} }));
}

/**
 * The forecast page's notice: peak plans overlapping `date`, each with the gap it opens on `project` that day (the
 * whole plan's day computed, so emergency hours shared with other projects are counted once).
 * @example await peakNotice(sql, '95598', '2027-07-05', 'Asia/Shanghai') // [{ name: '2027年度夏高峰', uplift: 0.2, extra: 41.5, … }]
 */
export async function peakNotice(sql: Sql, project: string, date: string, timeZone: string): Promise<PeakNoticeItem[]> {
  const out: PeakNoticeItem[] = [];
  for (const p of await listPeakPlans(sql, { from: date, to: date })) {
    const uplift = p.upliftByProject[project];
    const item: PeakNoticeItem = { id: p.id, name: p.name, kind: p.kind, from: p.from, to: p.to, uplift: uplift ?? null, extra: 0, byTier: [], uncovered: 0 };
    if (uplift !== undefined) {
      const g = await planGap(sql, { ...p, from: date, to: date }, timeZone);
      const row = g.gap.rows.find((r) => r.project === project);
      if (row) {
        item.extra = row.extraAgentHours;
        item.byTier = row.closedBy.map((x) => ({ tier: x.tier, agentHours: x.agentHours }));
        item.uncovered = row.uncoveredAgentHours;
      }
    }
    out.push(item);
  }
  return out;
}
