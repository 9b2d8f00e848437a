// Emergency resources, the incentive ledger and catalogue, the agent's points and redemptions, peak plans
// (可应急资源, 应急激励, 高峰预案).
import { loadConfig } from '../config.ts';
import { HTTPException } from 'hono/http-exception';
import type { SecureRouter } from '../http/access.ts';
import type { SeedStep } from '../demo/seed.ts';
import type { Sql } from '../db/index.ts';
import { type Ctx, viewContext } from '../http/env.ts';
import { render } from '../http/render.tsx';
import { audit } from '../queries/audit.ts';
import { DEMO_RULEBOOK } from '../../scheduling/roster/rules.ts';
import { DEMO_INCENTIVE_CATALOGUE, type ContributionKind, type EntitlementGrant } from '../../scheduling/incentives/catalogue.ts';
import { addLocalDays, daysBetween, isLocalDate, localDateOf } from '../../scheduling/time.ts';
import {
  IncentivesPage,
  PeakPlanPage,
  PeaksPage,
  PointsPage,
  ResourcesPage,
  type IncentivesView,
  type LedgerLineView,
  type PeakForm,
  type PeakPlanView,
  type RewardView,
  type RuleView,
} from '../../views/scheduling/incentive-pages.tsx';
import { listProjects } from './queries.ts';
import { agentPoints, balances, creditContributions, ensureCatalogue, listLedger, loadCatalogue, type LedgerRow, type StoredReward } from './incentive-store.ts';
import { MAX_GAP_DAYS, findPeakPlan, listPeakPlans, planGap, redeemForAgent, resourcesToday, type PeakPlanRow } from './incentive-service.ts';
import { seedIncentiveDemo } from './incentive-demo.ts';

const KINDS: readonly ContributionKind[] = ['callIn', 'coverProject', 'peakOvertime'];
const PEAK_KINDS = ['summerPeak', 'campaign', 'storm'] as const;
const REWARD_ID = /^[a-z][a-z0-9-]{1,39}$/;

/** Demo data of this part, seeded after the scheduling area's own steps. */
export const incentiveSeedSteps: SeedStep[] = [
  { id: 'incentive-catalogue', run: (sql) => ensureCatalogue(sql, DEMO_INCENTIVE_CATALOGUE) },
  { id: 'incentive-demo', run: (sql) => seedIncentiveDemo(sql, new Date(), loadConfig().timeZone) },
  {
    // 优选排次 is a rule newer than the rulebook an existing database was seeded with: add it there too.
    id: 'incentive-first-pick-rule',
    run: async (sql) => {
      const index = DEMO_RULEBOOK.findIndex((r) => r.id === 'entitlement-first-pick');
      const r = DEMO_RULEBOOK[index]!;
      await sql`INSERT INTO rules (id, name, name_en, hard, weight, params, sort)
                VALUES (${r.id}, ${r.name}, ${r.nameEn}, ${r.hard}, ${r.weight}, ${sql.json(r.params as never)}, ${index}) ON CONFLICT (id) DO NOTHING`;
    },
  },
];

function actor(c: Ctx) {
  const u = c.get('user')!;
  return { actorId: u.id, actorName: u.username, requestId: c.get('requestId'), at: c.get('deps').now() };
}

function today(c: Ctx): string {
  const { now, config } = c.get('deps');
  return localDateOf(now(), { timeZone: config.timeZone });
}

function monthAfter(month: string, n = 1): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const k = y * 12 + (m - 1) + n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

async function formOf(c: Ctx): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v.trim();
  return out;
}

const intIn = (s: string | undefined, min: number, max: number) => !!s && /^-?\d+$/.test(s) && Number(s) >= min && Number(s) <= max;

async function projectNames(c: Ctx): Promise<{ code: string; name: string }[]> {
  const en = c.get('locale') === 'en';
  return (await listProjects(c.get('deps').sql)).map((p) => ({ code: p.code, name: en ? p.nameEn : p.name }));
}

// ---------------------------------------------------------------------------------------------------------------
// Ledger lines for the views

async function lineViews(c: Ctx, rows: LedgerRow[]): Promise<LedgerLineView[]> {
  const catalogue = await loadCatalogue(c.get('deps').sql);
  const en = c.get('locale') === 'en';
  const rewards = new Map(catalogue.rewards.map((r) => [r.id, en ? r.nameEn : r.name]));
  const t = c.get('t');
  return rows.map((r) => {
    let detail: string | null = null;
    const e = r.entitlement;
    if (e?.kind === 'dayShiftsOnly') detail = t('inc.ent.dayShiftsOnly', { month: e.month, shifts: e.shiftCodes.join('/') });
    else if (e?.kind === 'firstPick') detail = t('inc.ent.firstPick', { month: e.month, shift: e.shift });
    else if (e?.kind === 'daysOff') detail = t('inc.ent.daysOff', { dates: e.dates.join(', ') });
    return {
      id: r.id,
      agentId: r.agentId,
      agentName: r.agentName,
      type: r.type,
      at: r.at,
      date: r.date,
      kind: r.kind,
      hours: r.hours,
      points: r.points,
      reference: r.reference,
      rewardName: r.rewardId ? (rewards.get(r.rewardId) ?? r.rewardId) : null,
      detail,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Catalogue views and validation

function grantParam(g: EntitlementGrant): string {
  return g.kind === 'dayShiftsOnly' ? g.shiftCodes.join(' ') : g.kind === 'daysOff' ? String(g.maxDays) : '';
}

function rewardView(r: StoredReward): RewardView {
  return { id: r.id, name: r.name, nameEn: r.nameEn, points: String(r.points), grantKind: r.grants.kind, param: grantParam(r.grants), hard: r.hard, offered: r.offered, version: r.version, updatedAt: r.updatedAt, errors: {} };
}

const EMPTY_REWARD: RewardView = { id: '', name: '', nameEn: '', points: '', grantKind: 'dayShiftsOnly', param: 'D', hard: true, offered: true, version: 0, updatedAt: null, errors: {} };

async function incentivesPage(
  c: Ctx,
  extra: { credit?: IncentivesView['credit']; creditErrors?: Record<string, string>; rule?: RuleView; reward?: RewardView; newReward?: RewardView; notice?: string; problem?: string } = {},
  status: 200 | 409 | 422 = 200,
) {
  const { sql } = c.get('deps');
  const t = c.get('t');
  const filterAgent = (c.req.query('agent') ?? '').trim().slice(0, 20);
  const catalogue = await loadCatalogue(sql);
  const v: IncentivesView = {
    balances: await balances(sql),
    filterAgent,
    lines: await lineViews(c, await listLedger(sql, { agentId: filterAgent || undefined, limit: 300 })),
    credit: extra.credit ?? { agent: filterAgent, kind: 'callIn', hours: '', date: today(c), reference: '' },
    creditErrors: extra.creditErrors ?? {},
    rules: catalogue.contributions.map((r) =>
      extra.rule?.kind === r.kind
        ? extra.rule
        : { kind: r.kind, name: r.name, nameEn: r.nameEn, pointsPerEvent: String(r.pointsPerEvent), pointsPerHour: String(r.pointsPerHour), version: r.version, updatedAt: r.updatedAt, errors: {} },
    ),
    rewards: catalogue.rewards.map((r) => (extra.reward?.id === r.id ? extra.reward : rewardView(r))),
    newReward: extra.newReward ?? EMPTY_REWARD,
    notice: extra.notice,
    problem: extra.problem,
  };
  return render(c, { title: t('inc.title'), body: <IncentivesPage ctx={viewContext(c)} v={v} />, status, wide: true });
}

async function shiftCodes(sql: Sql): Promise<{ code: string; name: string }[]> {
  return sql<{ code: string; name: string }[]>`SELECT code, name FROM shift_types ORDER BY start_minute, code`;
}

/** Validates a reward form; returns the typed view with errors and, when valid, the values to store. */
async function rewardForm(c: Ctx, form: Record<string, string>, grantKind: EntitlementGrant['kind'], base: Pick<RewardView, 'id' | 'version' | 'updatedAt'>) {
  const t = c.get('t');
  const view: RewardView = { ...base, name: form.name ?? '', nameEn: form.nameEn ?? '', points: form.points ?? '', grantKind, param: form.param ?? '', hard: form.hard === '1', offered: form.offered === '1', errors: {} };
  const e = view.errors;
  if (!view.name || view.name.length > 100) e.name = t('inc.err.name');
  if (!view.nameEn || view.nameEn.length > 100) e.nameEn = t('inc.err.name');
  if (!intIn(view.points, 1, 100_000)) e.points = t('inc.err.points');
  let grants: EntitlementGrant = { kind: 'firstPick' };
  if (grantKind === 'dayShiftsOnly') {
    const known = new Set((await shiftCodes(c.get('deps').sql)).map((s) => s.code));
    const codes = [...new Set(view.param.split(/[\s,，/]+/).filter(Boolean))];
    if (codes.length === 0 || codes.some((s) => !known.has(s))) e.param = t('inc.err.shifts', { known: [...known].join(' ') });
    grants = { kind: 'dayShiftsOnly', shiftCodes: codes };
  } else if (grantKind === 'daysOff') {
    if (!intIn(view.param, 1, 14)) e.param = t('inc.err.maxDays');
    grants = { kind: 'daysOff', maxDays: Number(view.param) };
  }
  return { view, grants, ok: Object.keys(e).length === 0 };
}

// ---------------------------------------------------------------------------------------------------------------
// Peak plans

function emptyPeakForm(projects: { code: string }[]): PeakForm {
  return { name: '', kind: 'campaign', from: '', to: '', note: '', uplift: Object.fromEntries(projects.map((p) => [p.code, ''])), version: '0' };
}

function peakFormOf(plan: PeakPlanRow, projects: { code: string }[]): PeakForm {
  return {
    name: plan.name,
    kind: plan.kind,
    from: plan.from,
    to: plan.to,
    note: plan.note,
    uplift: Object.fromEntries(projects.map((p) => [p.code, p.code in plan.upliftByProject ? String(Math.round(plan.upliftByProject[p.code]! * 1000) / 10) : ''])),
    version: String(plan.version),
  };
}

function validatePeak(c: Ctx, form: Record<string, string>, projects: { code: string }[]) {
  const t = c.get('t');
  const typed: PeakForm = {
    name: form.name ?? '',
    kind: form.kind ?? '',
    from: form.from ?? '',
    to: form.to ?? '',
    note: form.note ?? '',
    uplift: Object.fromEntries(projects.map((p) => [p.code, form[`uplift_${p.code}`] ?? ''])),
    version: form.version ?? '0',
  };
  const errors: Record<string, string> = {};
  if (!typed.name || typed.name.length > 100) errors.name = t('inc.err.name');
  if (!(PEAK_KINDS as readonly string[]).includes(typed.kind)) errors.kind = t('inc.err.kind');
  if (!isLocalDate(typed.from)) errors.from = t('inc.err.date');
  if (!isLocalDate(typed.to)) errors.to = t('inc.err.date');
  else if (!errors.from && typed.to < typed.from) errors.to = t('inc.err.toBeforeFrom');
  else if (!errors.from && daysBetween(typed.from, typed.to) + 1 > MAX_GAP_DAYS) errors.to = t('inc.err.tooLong', { days: MAX_GAP_DAYS });
  if (typed.note.length > 500) errors.note = t('inc.err.note');
  const uplift: Record<string, number> = {};
  for (const p of projects) {
    const s = typed.uplift[p.code] ?? '';
    if (!s) continue;
    const x = Number(s);
    if (!Number.isFinite(x) || x <= -90 || x > 500) errors[`uplift_${p.code}`] = t('inc.err.uplift');
    else uplift[p.code] = Math.round(x * 10) / 1000;
  }
  if (Object.keys(uplift).length === 0 && !Object.keys(errors).some((k) => k.startsWith('uplift_'))) errors.uplift = t('inc.err.noUplift');
  return { typed, errors, uplift, ok: Object.keys(errors).length === 0 };
}

async function peaksPage(c: Ctx, extra: { form?: PeakForm; errors?: Record<string, string>; notice?: string } = {}, status: 200 | 422 = 200) {
  const { sql, config } = c.get('deps');
  const projects = await projectNames(c);
  const plans = await listPeakPlans(sql);
  const items = [];
  for (const p of plans) {
    const g = await planGap(sql, p, config.timeZone);
    items.push({ id: p.id, name: p.name, kind: p.kind, from: p.from, to: p.to, uplift: p.upliftByProject, extra: g.gap.extraAgentHours, uncovered: g.gap.uncoveredAgentHours, byTier: g.gap.byTier });
  }
  return render(c, {
    title: c.get('t')('inc.peak.title'),
    body: <PeaksPage ctx={viewContext(c)} v={{ plans: items, projects, form: extra.form ?? emptyPeakForm(projects), errors: extra.errors ?? {}, notice: extra.notice }} />,
    status,
    wide: true,
  });
}

function planIdParam(c: Ctx): number {
  const id = Number(c.req.param('id'));
  if (!Number.isInteger(id) || id <= 0 || id >= 2 ** 31) throw new HTTPException(404);
  return id;
}

async function peakPlanPage(c: Ctx, plan: PeakPlanRow, extra: { form?: PeakForm; errors?: Record<string, string>; notice?: string; problem?: string } = {}, status: 200 | 409 | 422 = 200) {
  const { sql, config } = c.get('deps');
  const projects = await projectNames(c);
  const g = await planGap(sql, plan, config.timeZone);
  const lastDay = g.days.at(-1)?.date ?? plan.to;
  const v: PeakPlanView = {
    id: plan.id,
    name: plan.name,
    kind: plan.kind,
    from: plan.from,
    to: plan.to,
    note: plan.note,
    uplift: plan.upliftByProject,
    days: g.days,
    rows: g.gap.rows.map((r) => ({
      project: r.project,
      date: r.date,
      baselineCalls: r.baselineCalls,
      peakCalls: r.peakCalls,
      baselineAgentHours: r.baselineAgentHours,
      extraAgentHours: r.extraAgentHours,
      closedBy: r.closedBy.map((x) => ({ tier: x.tier, agentHours: x.agentHours, agents: x.agentIds.length })),
      uncovered: r.uncoveredAgentHours,
    })),
    totals: { extra: g.gap.extraAgentHours, uncovered: g.gap.uncoveredAgentHours, byTier: g.gap.byTier.filter((x) => x.agentHours > 0) },
    missing: g.missing,
    truncatedTo: daysBetween(plan.from, plan.to) + 1 > MAX_GAP_DAYS ? lastDay : null,
    projects,
    form: extra.form ?? peakFormOf(plan, projects),
    errors: extra.errors ?? {},
    notice: extra.notice,
    problem: extra.problem,
  };
  return render(c, { title: plan.name, body: <PeakPlanPage ctx={viewContext(c)} v={v} />, status, wide: true });
}

// ---------------------------------------------------------------------------------------------------------------
// The agent's points

async function myAgent(c: Ctx): Promise<{ id: number; code: string; name: string; allowed: string[] } | undefined> {
  const [a] = await c.get('deps').sql<{ id: number; code: string; name: string; allowed: string[] }[]>`
    SELECT id, code, name, allowed_shifts AS allowed FROM agents_sched WHERE user_id = ${c.get('user')!.id}`;
  return a;
}

async function pointsPage(c: Ctx, form: { reward: string; month: string; shift: string; dates: string; errors: Record<string, string> } | null, notice?: string, status: 200 | 409 | 422 = 200) {
  const { sql } = c.get('deps');
  const t = c.get('t');
  const agent = await myAgent(c);
  const next = monthAfter(today(c).slice(0, 7));
  const months = [next, monthAfter(next), monthAfter(next, 2)];
  if (!agent) {
    return render(c, {
      title: t('inc.my.title'),
      body: <PointsPage ctx={viewContext(c)} v={{ agentName: null, agentId: null, balance: 0, earned: 0, offers: [], lines: [], months, shiftCodes: [], form: { reward: '', month: next, shift: '', dates: '', errors: {} } }} />,
      status,
    });
  }
  const rows = await listLedger(sql, { agentId: agent.code, limit: 500 });
  const { balance, earned } = await agentPoints(sql, agent.code);
  const catalogue = await loadCatalogue(sql);
  const redeemed = await sql<{ reward_id: string; month: string }[]>`
    SELECT l.reward_id, l.month FROM incentive_ledger l WHERE l.agent_id = ${agent.id} AND l.type = 'redeem' ORDER BY l.month`;
  const en = c.get('locale') === 'en';
  const offers = catalogue.rewards
    .filter((r) => r.offered)
    .map((r) => ({
      id: r.id,
      name: en ? r.nameEn : r.name,
      points: r.points,
      grantKind: r.grants.kind,
      param: grantParam(r.grants),
      hard: r.hard,
      affordable: balance >= r.points,
      redeemedMonths: redeemed.filter((x) => x.reward_id === r.id).map((x) => x.month),
    }));
  return render(c, {
    title: t('inc.my.title'),
    body: (
      <PointsPage
        ctx={viewContext(c)}
        v={{ agentName: agent.name, agentId: agent.code, balance, earned, offers, lines: await lineViews(c, rows), months, shiftCodes: (await shiftCodes(sql)).filter((x) => agent.allowed.includes(x.code)), form: form ?? { reward: '', month: next, shift: '', dates: '', errors: {} }, notice }}
      />
    ),
    status,
  });
}

// ---------------------------------------------------------------------------------------------------------------

export function registerIncentiveRoutes(r: SecureRouter): void {
  r.get('/rosters/resources', ['scheduler'], async (c) => {
    const { sql } = c.get('deps');
    const date = today(c);
    const res = await resourcesToday(sql, date);
    const projects = await projectNames(c);
    const names = new Map(projects.map((p) => [p.code, p.name]));
    const project = projects.some((p) => p.code === c.req.query('project')) ? c.req.query('project')! : '';
    const tierQ = c.req.query('tier') ?? '';
    const tier = ['1', '2', '3'].includes(tierQ) ? Number(tierQ) : null;
    const allTiers = [...new Set(res.projects.flatMap((p) => p.agents.map((a) => a.tier)))].sort();
    const groups = res.projects
      .filter((p) => !project || p.project === project)
      .map((p) => ({
        project: p.project,
        name: names.get(p.project) ?? p.project,
        counts: tier === null ? p.countsByTier : { [tier]: p.countsByTier[tier] ?? { onShift: 0, off: 0, reachable: 0 } },
        agents: p.agents
          .filter((a) => tier === null || a.tier === tier)
          .map((a) => ({
            code: a.agentId,
            name: res.names.get(a.agentId)?.name ?? '',
            team: res.names.get(a.agentId)?.team ?? '',
            tier: a.tier,
            skills: a.skills,
            availability: a.availability,
            shift: a.shift ? { start: a.shift.startMinute, end: a.shift.endMinute, project: a.shift.project } : null,
          })),
      }))
      .filter((g) => g.agents.length > 0);
    return render(c, {
      title: c.get('t')('inc.res.title'),
      body: <ResourcesPage ctx={viewContext(c)} v={{ date, projects, filter: { project, tier: tier === null ? '' : String(tier) }, groups, tiers: tier === null ? allTiers : [tier] }} />,
      wide: true,
    });
  });

  r.get('/rosters/incentives', ['scheduler'], async (c) => {
    const notice = { credited: 'inc.credited', saved: 'inc.cat.saved', added: 'inc.cat.added' }[c.req.query('notice') ?? ''];
    return incentivesPage(c, { notice: notice ? c.get('t')(notice) : undefined });
  });

  r.post('/rosters/incentives/credit', ['scheduler'], async (c) => {
    const { sql } = c.get('deps');
    const t = c.get('t');
    const form = await formOf(c);
    const credit = { agent: (form.agent ?? '').toUpperCase(), kind: form.kind ?? '', hours: form.hours ?? '', date: form.date ?? '', reference: form.reference ?? '' };
    const errors: Record<string, string> = {};
    const [agent] = credit.agent ? await sql<{ code: string }[]>`SELECT code FROM agents_sched WHERE code = ${credit.agent}` : [];
    if (!agent) errors.agent = t('inc.err.agent');
    if (!KINDS.includes(credit.kind as ContributionKind)) errors.kind = t('inc.err.kind');
    const hours = Number(credit.hours);
    if (!credit.hours || !Number.isFinite(hours) || hours < 0 || hours > 24) errors.hours = t('inc.err.hours');
    if (!isLocalDate(credit.date)) errors.date = t('inc.err.date');
    else if (credit.date > today(c)) errors.date = t('inc.err.future');
    else if (daysBetween(credit.date, today(c)) > 366) errors.date = t('inc.err.tooOld');
    if (!credit.reference || credit.reference.length > 300) errors.reference = t('inc.err.reference');
    if (Object.keys(errors).length) return incentivesPage(c, { credit, creditErrors: errors, problem: t('inc.err.fix') }, 422);
    const user = c.get('user')!;
    const [row] = await sql.begin(async (tx) => {
      const rows = await creditContributions(tx as never, [{ agentId: credit.agent, kind: credit.kind as ContributionKind, hours }], { date: credit.date, userId: user.id, reference: credit.reference, at: c.get('deps').now() });
      await audit(tx as never, { ...actor(c), action: 'incentive.credit', target: `agent:${credit.agent}`, detail: { kind: credit.kind, hours, date: credit.date, points: rows[0]!.points, reference: credit.reference, ledger: rows[0]!.id } });
      return rows;
    });
    return c.redirect(`/rosters/incentives?agent=${encodeURIComponent(row!.agentId)}&notice=credited#ledger`, 303);
  });

  r.post('/rosters/incentives/rules/:kind', ['scheduler'], async (c) => {
    const kind = c.req.param('kind') as ContributionKind;
    if (!KINDS.includes(kind)) throw new HTTPException(404);
    const { sql } = c.get('deps');
    const t = c.get('t');
    const form = await formOf(c);
    const current = (await loadCatalogue(sql)).contributions.find((x) => x.kind === kind);
    if (!current) throw new HTTPException(404);
    const view: RuleView = { kind, name: form.name ?? '', nameEn: form.nameEn ?? '', pointsPerEvent: form.pointsPerEvent ?? '', pointsPerHour: form.pointsPerHour ?? '', version: Number(form.version) || 0, updatedAt: current.updatedAt, errors: {} };
    if (!view.name || view.name.length > 100) view.errors.name = t('inc.err.name');
    if (!view.nameEn || view.nameEn.length > 100) view.errors.nameEn = t('inc.err.name');
    if (!intIn(view.pointsPerEvent, 0, 1000)) view.errors.pointsPerEvent = t('inc.err.pointsRange');
    if (!intIn(view.pointsPerHour, 0, 1000)) view.errors.pointsPerHour = t('inc.err.pointsRange');
    if (Object.keys(view.errors).length) return incentivesPage(c, { rule: view, problem: t('inc.err.fix') }, 422);
    const rows = await sql`UPDATE incentive_rules SET name = ${view.name}, name_en = ${view.nameEn}, points_per_event = ${Number(view.pointsPerEvent)}, points_per_hour = ${Number(view.pointsPerHour)},
        version = version + 1, updated_by = ${c.get('user')!.id}, updated_at = ${c.get('deps').now()}
      WHERE kind = ${kind} AND version = ${view.version} RETURNING version`;
    if (!rows.length) {
      // Someone saved first: keep what this user typed, show what is stored now, and let a second save overwrite.
      const stale = { ...view, version: current.version, errors: { version: t('inc.err.stale', { name: current.name, perEvent: current.pointsPerEvent, perHour: current.pointsPerHour }) } };
      return incentivesPage(c, { rule: stale, problem: t('inc.err.staleShort') }, 409);
    }
    await audit(sql, { ...actor(c), action: 'incentive.rule.update', target: `incentive-rule:${kind}`, detail: { before: { pointsPerEvent: current.pointsPerEvent, pointsPerHour: current.pointsPerHour, name: current.name }, after: { pointsPerEvent: Number(view.pointsPerEvent), pointsPerHour: Number(view.pointsPerHour), name: view.name } } });
    return c.redirect('/rosters/incentives?notice=saved#catalogue', 303);
  });

  r.post('/rosters/incentives/rewards/:id', ['scheduler'], async (c) => {
    const id = c.req.param('id') ?? '';
    const { sql } = c.get('deps');
    const t = c.get('t');
    const current = (await loadCatalogue(sql)).rewards.find((x) => x.id === id);
    if (!current) throw new HTTPException(404);
    const form = await formOf(c);
    const { view, grants, ok } = await rewardForm(c, form, current.grants.kind, { id, version: Number(form.version) || 0, updatedAt: current.updatedAt });
    if (!ok) return incentivesPage(c, { reward: view, problem: t('inc.err.fix') }, 422);
    const rows = await sql`UPDATE incentive_rewards SET name = ${view.name}, name_en = ${view.nameEn}, points = ${Number(view.points)}, grants = ${sql.json(grants as never)},
        hard = ${view.hard}, offered = ${view.offered}, version = version + 1, updated_by = ${c.get('user')!.id}, updated_at = ${c.get('deps').now()}
      WHERE id = ${id} AND version = ${view.version} RETURNING version`;
    if (!rows.length) {
      const stale = { ...view, version: current.version, errors: { version: t('inc.err.staleReward', { name: current.name, points: current.points, offered: current.offered ? t('inc.cat.offered') : t('inc.cat.withdrawn') }) } };
      return incentivesPage(c, { reward: stale, problem: t('inc.err.staleShort') }, 409);
    }
    await audit(sql, {
      ...actor(c),
      action: 'incentive.reward.update',
      target: `incentive-reward:${id}`,
      detail: { before: { points: current.points, hard: current.hard, offered: current.offered, grants: current.grants }, after: { points: Number(view.points), hard: view.hard, offered: view.offered, grants } },
    });
    return c.redirect('/rosters/incentives?notice=saved#catalogue', 303);
  });

  r.post('/rosters/incentives/rewards', ['scheduler'], async (c) => {
    const { sql } = c.get('deps');
    const t = c.get('t');
    const form = await formOf(c);
    const grantKind = (['dayShiftsOnly', 'firstPick', 'daysOff'] as const).find((g) => g === form.grant) ?? 'dayShiftsOnly';
    const id = (form.id ?? '').toLowerCase();
    const { view, grants, ok } = await rewardForm(c, { ...form, offered: form.offered ?? '1' }, grantKind, { id, version: 0, updatedAt: null });
    if (!REWARD_ID.test(id)) view.errors.id = t('inc.err.rewardId');
    else if ((await sql`SELECT 1 FROM incentive_rewards WHERE id = ${id}`).length) view.errors.id = t('inc.err.rewardExists');
    if (!ok || view.errors.id) return incentivesPage(c, { newReward: view, problem: t('inc.err.fix') }, 422);
    await sql`INSERT INTO incentive_rewards (id, name, name_en, points, grants, hard, offered, sort, updated_by, updated_at)
      VALUES (${id}, ${view.name}, ${view.nameEn}, ${Number(view.points)}, ${sql.json(grants as never)}, ${view.hard}, ${view.offered},
              (SELECT coalesce(max(sort), 0) + 1 FROM incentive_rewards), ${c.get('user')!.id}, ${c.get('deps').now()})`;
    await audit(sql, { ...actor(c), action: 'incentive.reward.create', target: `incentive-reward:${id}`, detail: { points: Number(view.points), grants, hard: view.hard } });
    return c.redirect('/rosters/incentives?notice=added#catalogue', 303);
  });

  r.get('/schedule/points', ['agent'], async (c) => pointsPage(c, null, c.req.query('notice') === 'redeemed' ? c.get('t')('inc.my.redeemed') : undefined));

  r.post('/schedule/points/redeem', ['agent'], async (c) => {
    const { sql, now, config } = c.get('deps');
    const t = c.get('t');
    const agent = await myAgent(c);
    if (!agent) return pointsPage(c, null, undefined, 422);
    const form = await formOf(c);
    const typed = { reward: form.reward ?? '', month: form.month ?? '', shift: form.shift ?? '', dates: form.dates ?? '', errors: {} as Record<string, string> };
    const e = typed.errors;
    const reward = (await loadCatalogue(sql)).rewards.find((r) => r.id === typed.reward);
    const next = monthAfter(today(c).slice(0, 7));
    const months = [next, monthAfter(next), monthAfter(next, 2)];
    if (!reward || !reward.offered) e.form = t('inc.err.notOffered');
    if (!months.includes(typed.month)) e.month = t('inc.err.month', { months: months.join(', ') });
    let dates: string[] | undefined;
    // Only shifts the agent's contract allows: a roster could not honour anything else.
    if (reward?.grants.kind === 'firstPick' && !(await shiftCodes(sql)).some((s) => s.code === typed.shift && agent.allowed.includes(s.code))) e.shift = t('inc.err.pickShift');
    if (reward?.grants.kind === 'dayShiftsOnly' && !reward.grants.shiftCodes.some((x) => agent.allowed.includes(x))) {
      e.form = t('inc.err.contractShifts', { shifts: reward.grants.shiftCodes.join('/') });
    }
    if (reward?.grants.kind === 'daysOff') {
      dates = [...new Set(typed.dates.split(/[\s,，;；]+/).filter(Boolean))].sort();
      const max = reward.grants.maxDays;
      if (dates.length === 0) e.dates = t('inc.err.datesNone');
      else if (!dates.every(isLocalDate)) e.dates = t('inc.err.datesFormat');
      else if (dates.length > max) e.dates = t('inc.err.datesMax', { days: max });
      else if (!e.month && dates.some((d) => d.slice(0, 7) !== typed.month)) e.dates = t('inc.err.datesMonth', { month: typed.month });
      else if (dates.some((d, i) => i > 0 && addLocalDays(dates![i - 1]!, 1) !== d)) e.dates = t('inc.err.datesConsecutive');
    }
    if (Object.keys(e).length) return pointsPage(c, typed, undefined, 422);
    const result = await redeemForAgent(sql, {
      agentId: agent.code,
      rewardId: reward!.id,
      request: { month: typed.month, ...(typed.shift && reward!.grants.kind === 'firstPick' ? { shift: typed.shift } : {}), ...(dates ? { dates } : {}) },
      now: now(),
      timeZone: config.timeZone,
      today: today(c),
      userId: c.get('user')!.id,
    }).catch((err: unknown) => {
      // Two redemptions racing past the check: the unique index refuses the second.
      if (String((err as { code?: string }).code) === '23505') return { ok: false as const, error: 'alreadyRedeemed' as const, message: '' };
      throw err;
    });
    if (!result.ok) {
      const held = (await agentPoints(sql, agent.code)).balance;
      e.form =
        result.error === 'insufficientPoints'
          ? t('inc.err.insufficient', { held, cost: reward!.points, reward: c.get('locale') === 'en' ? reward!.nameEn : reward!.name })
          : result.error === 'alreadyRedeemed'
            ? t('inc.err.already', { month: typed.month })
            : result.error === 'rewardNotOffered'
              ? t('inc.err.notOffered')
              : t('inc.err.invalid', { message: result.message });
      return pointsPage(c, typed, undefined, result.error === 'alreadyRedeemed' ? 409 : 422);
    }
    await audit(sql, { ...actor(c), action: 'incentive.redeem', target: `agent:${agent.code}`, detail: { reward: reward!.id, points: result.row.points, entitlement: result.row.entitlement as never, ledger: result.row.id } });
    return c.redirect('/schedule/points?notice=redeemed', 303);
  });

  r.get('/rosters/peaks', ['scheduler'], async (c) => {
    const notice = { created: 'inc.peak.created', deleted: 'inc.peak.deleted' }[c.req.query('notice') ?? ''];
    return peaksPage(c, { notice: notice ? c.get('t')(notice) : undefined });
  });

  r.post('/rosters/peaks', ['scheduler'], async (c) => {
    const { sql } = c.get('deps');
    const projects = await projectNames(c);
    const { typed, errors, uplift, ok } = validatePeak(c, await formOf(c), projects);
    if (!ok) return peaksPage(c, { form: typed, errors }, 422);
    const [row] = await sql<{ id: number }[]>`INSERT INTO peak_plans (name, kind, from_date, to_date, uplift, note, created_by, created_at, updated_at)
      VALUES (${typed.name}, ${typed.kind}, ${typed.from}, ${typed.to}, ${sql.json(uplift)}, ${typed.note}, ${c.get('user')!.id}, ${c.get('deps').now()}, ${c.get('deps').now()}) RETURNING id`;
    await audit(sql, { ...actor(c), action: 'peak.create', target: `peak:${row!.id}`, detail: { name: typed.name, kind: typed.kind, from: typed.from, to: typed.to, uplift } });
    return c.redirect(`/rosters/peaks/${row!.id}?notice=created`, 303);
  });

  r.get('/rosters/peaks/:id', ['scheduler'], async (c) => {
    const plan = await findPeakPlan(c.get('deps').sql, planIdParam(c));
    if (!plan) throw new HTTPException(404);
    const notice = { created: 'inc.peak.created', saved: 'inc.peak.saved' }[c.req.query('notice') ?? ''];
    return peakPlanPage(c, plan, { notice: notice ? c.get('t')(notice) : undefined });
  });

  r.post('/rosters/peaks/:id', ['scheduler'], async (c) => {
    const { sql } = c.get('deps');
    const t = c.get('t');
    const id = planIdParam(c);
    const plan = await findPeakPlan(sql, id);
    if (!plan) throw new HTTPException(404);
    const projects = await projectNames(c);
    const { typed, errors, uplift, ok } = validatePeak(c, await formOf(c), projects);
    if (!ok) return peakPlanPage(c, plan, { form: typed, errors, problem: t('inc.err.fix') }, 422);
    const rows = await sql`UPDATE peak_plans SET name = ${typed.name}, kind = ${typed.kind}, from_date = ${typed.from}, to_date = ${typed.to}, uplift = ${sql.json(uplift)},
        note = ${typed.note}, version = version + 1, updated_at = ${c.get('deps').now()}
      WHERE id = ${id} AND version = ${Number(typed.version) || 0} RETURNING id`;
    if (!rows.length) return peakPlanPage(c, plan, { form: { ...typed, version: String(plan.version) }, problem: t('inc.err.stalePeak') }, 409);
    await audit(sql, { ...actor(c), action: 'peak.update', target: `peak:${id}`, detail: { before: { name: plan.name, from: plan.from, to: plan.to, uplift: plan.upliftByProject }, after: { name: typed.name, from: typed.from, to: typed.to, uplift } } });
    return c.redirect(`/rosters/peaks/${id}?notice=saved`, 303);
  });

  r.post('/rosters/peaks/:id/delete', ['scheduler'], async (c) => {
    const { sql } = c.get('deps');
    const id = planIdParam(c);
    const plan = await findPeakPlan(sql, id);
    if (!plan) throw new HTTPException(404);
    const form = await formOf(c);
    const rows = await sql`DELETE FROM peak_plans WHERE id = ${id} AND version = ${Number(form.version) || 0} RETURNING id`;
    if (!rows.length) return peakPlanPage(c, plan, { problem: c.get('t')('inc.err.stalePeak') }, 409);
    await audit(sql, { ...actor(c), action: 'peak.delete', target: `peak:${id}`, detail: { name: plan.name, from: plan.from, to: plan.to, uplift: plan.upliftByProject } });
    return c.redirect('/rosters/peaks?notice=deleted', 303);
  });
}


