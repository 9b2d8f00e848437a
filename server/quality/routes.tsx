// Routes of the quality area: work queue, plans and draws, the scoring screen, call imports (UI and
// API) and the agent's own released evaluations. Registered through the SecureRouter by server/features.ts.
import { HTTPException } from 'hono/http-exception';
import type { SecureRouter } from '../http/access.ts';
import { type Ctx, viewContext } from '../http/env.ts';
import { render, wantsFragment } from '../http/render.tsx';
import { audit } from '../queries/audit.ts';
import { detectCallsFormat, parseCallsBody, parseCallsCsv, parseCallsJsonl } from '../../knowledge/quality/calls-io.ts';
import { cochranSampleSize, wilsonInterval, type SamplingMethod, type TargetRule } from '../../knowledge/quality/sampling.ts';
import { targetRules } from '../../knowledge/quality/targeting.ts';
import type { EvaluationScore } from '../../knowledge/quality/scorecard.ts';
import type { Translate } from '../../views/i18n.ts';
import { QueuePage } from '../../views/quality/queue.tsx';
import { ImportCallsPage } from '../../views/quality/calls.tsx';
import { NewPlanPage, PlanPage, PlansPage, SampleSizePage, type PlanFormValues, type SizeValues } from '../../views/quality/plans.tsx';
import { DraftSaved, ScoringPage, type ScoringProps } from '../../views/quality/scoring.tsx';
import * as q from './queries.ts';
import { registerCalibrationRoutes } from './calibration.tsx';
import { registerDisputeRoutes } from './disputes.tsx';
import { registerLoopRoutes } from './loop.tsx';
import { registerScorecardRoutes } from './scorecards.tsx';
import { registerReportRoutes } from './reports.tsx';
import { registerReassignRoutes } from './reassign.tsx';
import { clientProject, eligibleReviewers } from './reviewers.ts';
import { DrawError, categoriesOfMissed, answerProblems, drawPlan, nextPortion, importCalls, newSeed, readScoringForm, replaceSample, scoreAnswers, scoringData, verifyDraw, type Actor, type PlanFilters, type ScoringData } from './service.ts';

import { PASS_PERCENT } from './constants.ts';
export { PASS_PERCENT };

function actor(c: Ctx): Actor {
  const u = c.get('user')!;
  return { actorId: u.id, actorName: u.username, requestId: c.get('requestId'), at: c.get('deps').now() };
}

function idParam(c: Ctx): number {
  const raw = c.req.param('id') ?? '';
  if (!/^\d{1,9}$/.test(raw)) throw new HTTPException(404);
  return Number(raw);
}

function tz(c: Ctx): string {
  return c.get('deps').config.timeZone;
}

function localDate(at: Date, timeZone: string, addDays = 0): string {
  const d = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  if (!addDays) return d;
  const x = new Date(`${d}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() + addDays);
  return x.toISOString().slice(0, 10);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) => DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

/** A one-line description of a sampling method. */
function methodSummary(method: Record<string, unknown>, t: Translate): string {
  const m = method as unknown as SamplingMethod;
  switch (m.kind) {
    case 'quota':
      return t('quality.summary.quota', { n: m.perAgent, period: t(`quality.period.${m.period}`) });
    case 'percentage':
      return t('quality.summary.percentage', { percent: m.percent, minimum: m.minimum });
    case 'stratified':
      return t('quality.summary.stratified', { n: m.sampleSize, field: t(`quality.stratum.${m.stratumField}`), allocation: t(`quality.method.${m.allocation}`) });
    case 'targeted':
      return t('quality.summary.targeted', { n: m.limit, rules: m.rules.map((r) => r.label).join('、') });
    default:
      return '';
  }
}

function filtersSummary(f: PlanFilters, t: Translate): string {
  const parts: string[] = [];
  if (f.minDuration !== undefined) parts.push(`${t('quality.filter.minDuration')} ${f.minDuration}`);
  if (f.maxDuration !== undefined) parts.push(`${t('quality.filter.maxDuration')} ${f.maxDuration}`);
  if (f.queue) parts.push(`${t('quality.filter.queue')} ${f.queue}`);
  if (f.direction) parts.push(t(`quality.direction.${f.direction}`));
  if (f.hasRecording) parts.push(t('quality.filter.hasRecording'));
  if (f.notEvaluated) parts.push(t('quality.filter.notEvaluated'));
  return parts.length ? parts.join(' · ') : t('quality.filter.none');
}

// ── plan form ───────────────────────────────────────────────────────────────

function str(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  return String(Array.isArray(v) ? v[0] ?? '' : v ?? '').trim();
}
function list(body: Record<string, unknown>, name: string): string[] {
  const v = body[name] ?? body[`${name}[]`];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(String);
}

function planValues(body: Record<string, unknown>): PlanFormValues {
  return {
    name: str(body, 'name').slice(0, 120),
    projectIds: list(body, 'projectIds'),
    periodStart: str(body, 'periodStart'),
    periodEnd: str(body, 'periodEnd'),
    scorecardId: str(body, 'scorecardId'),
    minDuration: str(body, 'minDuration'),
    maxDuration: str(body, 'maxDuration'),
    queue: str(body, 'queue').slice(0, 80),
    direction: str(body, 'direction'),
    hasRecording: str(body, 'hasRecording') === '1',
    notEvaluated: str(body, 'notEvaluated') === '1',
    methodKind: str(body, 'methodKind') || 'quota',
    perAgent: str(body, 'perAgent'),
    quotaPeriod: str(body, 'quotaPeriod') || 'week',
    percent: str(body, 'percent'),
    minimum: str(body, 'minimum'),
    percentPer: str(body, 'percentPer') || 'agent',
    sampleSize: str(body, 'sampleSize'),
    stratumField: str(body, 'stratumField') || 'queue',
    allocation: str(body, 'allocation') || 'proportional',
    stdDevs: String(body.stdDevs ?? '').slice(0, 2000),
    rules: list(body, 'rules'),
    longCallSeconds: str(body, 'longCallSeconds'),
    newHireDays: str(body, 'newHireDays'),
    lowScorePercent: str(body, 'lowScorePercent'),
    sensitiveCodes: str(body, 'sensitiveCodes'),
    limit: str(body, 'limit'),
    strategy: str(body, 'strategy') || 'inspector',
    reviewerIds: list(body, 'reviewerIds'),
    dailyCap: str(body, 'dailyCap'),
    seed: str(body, 'seed'),
    drawEvery: str(body, 'drawEvery') === 'week' ? 'week' : 'once',
    arbitratorId: str(body, 'arbitratorId'),
  };
}

const wholeIn = (s: string, min: number, max: number): number | null => (/^\d{1,7}$/.test(s) && Number(s) >= min && Number(s) <= max ? Number(s) : null);

/** Turns the typed form into a plan, or errors by field. */
function parsePlan(v: PlanFormValues, t: Translate, known: { projects: Set<number>; scorecards: Set<number>; reviewers: Set<number>; inspectors: Set<number> }) {
  const errors: Record<string, string> = {};
  if (!v.name) errors.name = t('form.required');
  const projectIds = v.projectIds.map(Number).filter((id) => known.projects.has(id));
  if (projectIds.length === 0) errors.projectIds = t('quality.plan.pickProject');
  if (!validDate(v.periodStart)) errors.periodStart = t('quality.form.date');
  if (!validDate(v.periodEnd)) errors.periodEnd = t('quality.form.date');
  else if (validDate(v.periodStart) && v.periodEnd < v.periodStart) errors.periodEnd = t('quality.form.endBeforeStart');
  const scorecardId = Number(v.scorecardId);
  if (!known.scorecards.has(scorecardId)) errors.scorecardId = t('form.required');
  const filters: PlanFilters = {};
  if (v.minDuration) {
    const n = wholeIn(v.minDuration, 0, 86_400);
    if (n === null) errors.minDuration = t('quality.form.whole');
    else filters.minDuration = n;
  }
  if (v.maxDuration) {
    const n = wholeIn(v.maxDuration, 0, 86_400);
    if (n === null) errors.maxDuration = t('quality.form.whole');
    else filters.maxDuration = n;
  }
  if (v.queue) filters.queue = v.queue;
  if (v.direction === 'in' || v.direction === 'out') filters.direction = v.direction;
  if (v.hasRecording) filters.hasRecording = true;
  if (v.notEvaluated) filters.notEvaluated = true;

  let method: SamplingMethod | null = null;
  if (v.methodKind === 'quota') {
    const n = wholeIn(v.perAgent, 1, 1000);
    if (n === null) errors.perAgent = t('quality.form.whole');
    const period = (['day', 'week', 'month', 'plan'] as const).find((p) => p === v.quotaPeriod) ?? 'week';
    if (n !== null) method = { kind: 'quota', perAgent: n, period };
  } else if (v.methodKind === 'percentage') {
    const pct = Number(v.percent);
    if (!(v.percent !== '' && pct > 0 && pct <= 100)) errors.percent = t('quality.form.percent');
    const min = v.minimum === '' ? 0 : wholeIn(v.minimum, 0, 100_000);
    if (min === null) errors.minimum = t('quality.form.whole');
    if (!errors.percent && min !== null) method = { kind: 'percentage', percent: pct, minimum: min, per: v.percentPer === 'all' ? 'all' : 'agent' };
  } else if (v.methodKind === 'stratified') {
    const n = wholeIn(v.sampleSize, 1, 100_000);
    if (n === null) errors.sampleSize = t('quality.form.whole');
    const field = (['queue', 'project', 'direction', 'orderKind'] as const).find((f) => f === v.stratumField) ?? 'queue';
    if (v.allocation === 'neyman') {
      const sds: Record<string, number> = {};
      for (const line of v.stdDevs.split(/\r?\n/)) {
        if (!line.trim()) continue;
        const m = /^\s*([^=]+?)\s*=\s*(\d+(?:\.\d+)?)\s*$/.exec(line);
        if (!m) errors.stdDevs = t('quality.method.stdDevsFormat');
        else sds[m[1]] = Number(m[2]);
      }
      if (!Object.keys(sds).length) errors.stdDevs = t('quality.method.stdDevsFormat');
      if (n !== null && !errors.stdDevs) method = { kind: 'stratified', sampleSize: n, stratumField: field, allocation: 'neyman', stdDevByStratum: sds };
    } else if (n !== null) method = { kind: 'stratified', sampleSize: n, stratumField: field, allocation: 'proportional' };
  } else if (v.methodKind === 'targeted') {
    const limit = wholeIn(v.limit, 1, 100_000);
    if (limit === null) errors.limit = t('quality.form.whole');
    const rules: TargetRule[] = [];
    let priority = 1;
    for (const r of v.rules) {
      if (r === 'complaints') rules.push(targetRules.complaints(priority++));
      else if (r === 'repeatCallers') rules.push(targetRules.repeatCallers(priority++));
      else if (r === 'longCalls') rules.push(targetRules.longCalls(priority++, wholeIn(v.longCallSeconds, 1, 86_400) ?? 900));
      else if (r === 'newHires') rules.push(targetRules.newHires(priority++, wholeIn(v.newHireDays, 1, 3650) ?? 90));
      else if (r === 'lowRecentScores') rules.push(targetRules.lowRecentScores(priority++, wholeIn(v.lowScorePercent, 1, 100) ?? 80));
      else if (r === 'sensitiveScenarios') {
        const codes = v.sensitiveCodes.split(/[\s,，、]+/).filter(Boolean);
        if (codes.length) rules.push(targetRules.sensitiveScenarios(priority++, codes));
      }
    }
    if (!rules.length) errors.rules = t('quality.rule.pickOne');
    if (limit !== null && rules.length) method = { kind: 'targeted', rules, limit };
  } else errors.methodKind = t('form.required');

  const strategy = (['inspector', 'peer', 'joint', 'mutual'] as const).find((s) => s === v.strategy) ?? 'inspector';
  const reviewerIds = v.reviewerIds.map(Number).filter((id) => known.reviewers.has(id));
  if (!reviewerIds.length) errors.reviewerIds = t('quality.plan.pickReviewer');
  const dailyCap = v.dailyCap === '' ? 20 : wholeIn(v.dailyCap, 1, 1000);
  if (dailyCap === null) errors.dailyCap = t('quality.form.whole');
  if (!/^[\w.#:-]{1,64}$/.test(v.seed)) errors.seed = t('quality.plan.seedHint');
  const arbitratorId = v.arbitratorId === '' ? null : Number(v.arbitratorId);
  if (arbitratorId !== null && !known.inspectors.has(arbitratorId)) errors.arbitratorId = t('quality.plan.arbitratorInspector');
  const drawEvery = v.drawEvery === 'week' ? ('week' as const) : ('once' as const);
  if (Object.keys(errors).length || !method) return { errors, plan: null };
  return { errors, plan: { name: v.name, projectIds, periodStart: v.periodStart, periodEnd: v.periodEnd, scorecardId, filters, method, strategy, reviewerIds, dailyCap: dailyCap!, seed: v.seed, drawEvery, arbitratorId } };
}

async function planFormOptions(c: Ctx) {
  const { sql } = c.get('deps');
  const projects = await q.listProjects(sql);
  const scorecards = await q.listScorecards(sql);
  const inspectors = await q.reviewers(sql, 'inspector');
  const agents = await q.reviewers(sql, 'agent');
  const clients = await q.reviewers(sql, 'client');
  return {
    projects,
    scorecards,
    reviewers: [
      ...inspectors.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name, roleKey: 'role.inspector' })),
      ...clients.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name, roleKey: 'role.client' })),
      ...agents.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name, roleKey: 'role.agent' })),
    ],
  };
}

// ── scoring ─────────────────────────────────────────────────────────────────

function scoringProps(c: Ctx, data: ScoringData, planName: string, override?: Partial<ScoringProps>, peer?: q.EvaluationRow): ScoringProps {
  const ev = data.evaluation;
  const answers: Record<string, string> = {};
  for (const f of data.flags) answers[f.itemId] = String(f.suggested);
  if (!ev && peer) for (const [k, v] of Object.entries(peer.answers)) answers[k] = String(v);
  if (ev) for (const [k, v] of Object.entries(ev.answers)) answers[k] = String(v);
  const result = ev?.result as EvaluationScore | null | undefined;
  return {
    ctx: viewContext(c),
    sampleId: data.sample.id,
    planId: data.sample.plan_id,
    planName,
    call: {
      id: data.call.id,
      agent: data.call.agent_name,
      project: data.call.project_code,
      queue: data.call.queue,
      startedAt: data.call.started_at,
      durationSeconds: data.call.duration_seconds,
      direction: data.call.direction,
      scenarioCode: data.call.scenario_code,
      recordingUrl: data.call.recording_url,
      transcript: data.call.transcript,
    },
    card: data.version.body,
    cardVersion: data.version.version,
    answers,
    comments: ev?.comments ?? {},
    categories: data.categories,
    categoryAnswers: ev?.error_categories ?? {},
    flags: data.flags,
    forbidden: data.check?.forbidden ?? [],
    requiredFound: data.check?.required.flatMap((r) => (r.hit ? [r.hit] : [])) ?? [],
    missing: data.check?.required.filter((r) => !r.hit).map((r) => ({ id: r.id, label: r.label })) ?? [],
    errors: {},
    status: ev ? (ev.status === 'retracted' ? 'draft' : ev.status) : 'new',
    evaluationId: ev?.id ?? null,
    version: ev?.version ?? 0,
    result: result ? { percent: result.percent, failedAll: result.failedAll, sections: result.sections.map((s) => ({ sectionId: s.sectionId, percent: s.percent, failed: s.failed })) } : null,
    evaluator: ev && ev.status !== 'draft' ? ev.evaluator_name : null,
    peer: peer ? { name: peer.evaluator_name, score: peer.score } : null,
    ...override,
  };
}

/**
 * The sample being scored, for this user: agents (peer checks) only reach samples assigned to them;
 * on a peer-check plan an inspector opening a peer's submitted score starts a recheck (`peer`).
 */
async function loadScoring(c: Ctx): Promise<{ data: ScoringData; planName: string; plan: q.PlanRow; peer: q.EvaluationRow | undefined; isInspector: boolean; joint: q.EvaluationRow[] }> {
  const { sql } = c.get('deps');
  const user = c.get('user')!;
  const data = await scoringData(sql, idParam(c));
  if (!data || data.sample.status === 'replaced') throw new HTTPException(404);
  // a client reviewer never reaches another project's samples
  const client = await clientProject(c);
  if (client !== null && data.call.project_id !== client) throw new HTTPException(404);
  const isInspector = user.roles.includes('inspector');
  if (!isInspector && (data.sample.assigned_to !== user.id || data.call.agent_id === user.id)) {
    const ev = data.evaluation;
    if (!(ev && ev.evaluator_id === user.id)) throw new HTTPException(404);
  }
  const plan = (await q.findPlan(sql, data.sample.plan_id))!;
  let peer: q.EvaluationRow | undefined;
  if (plan.strategy === 'peer') {
    peer = await q.peerEvaluationOfSample(sql, data.sample.id);
    const ev = data.evaluation;
    if (isInspector && ev && ev.status === 'submitted' && !ev.evaluator_roles.includes('inspector')) data.evaluation = undefined;
    if (peer && !isInspector) peer = undefined;
  }
  let joint: q.EvaluationRow[] = [];
  if (plan.strategy === 'joint') {
    const submitted = (await q.submittedOfSample(sql, data.sample.id)).filter((e) => !e.supersedes);
    const ev = data.evaluation;
    const mine = submitted.some((e) => e.evaluator_id === user.id);
    if (ev && ev.status === 'submitted' && submitted.length === 1 && !mine) data.evaluation = undefined; // the second score is blind
    if (submitted.length === 2 && data.sample.status === 'draft' && data.sample.assigned_to === user.id) {
      // reconciliation: both scores shown, the final one supersedes the second
      joint = submitted;
      if (ev && ev.status === 'submitted') data.evaluation = undefined;
      peer = submitted[1];
    }
  }
  return { data, planName: plan.name, plan, peer, isInspector, joint };
}

/** The two joint scores and the items they answer differently, for the reconciliation screen. */
function jointView(data: ScoringData, joint: q.EvaluationRow[]): ScoringProps['joint'] {
  if (joint.length !== 2) return null;
  const [a, b] = joint;
  const items = data.version.body.sections
    .flatMap((s) => s.items)
    .filter((i) => String(a.answers[i.id]) !== String(b.answers[i.id]))
    .map((i) => ({ itemId: i.id, label: i.label, first: String(a.answers[i.id] ?? ''), second: String(b.answers[i.id] ?? '') }));
  return { names: [a.evaluator_name, b.evaluator_name], scores: [a.score, b.score], items };
}

export function registerQualityRoutes(r: SecureRouter): void {
  registerCalibrationRoutes(r);
  registerDisputeRoutes(r);
  registerLoopRoutes(r);
  registerScorecardRoutes(r);
  registerReportRoutes(r);
  registerReassignRoutes(r);
  r.get('/quality', ['inspector', 'client'], async (c) => {
    const { sql } = c.get('deps');
    const me = c.get('user')!.id;
    const client = await clientProject(c);
    const rows = client === null ? await q.samplesAssignedTo(sql, me) : await q.clientSamples(sql, me, client);
    const clientProjectCode = client ? (await q.listProjects(sql)).find((p) => p.id === client)?.code ?? '' : '';
    const items = rows.map((s) => ({
      id: s.id,
      planId: s.plan_id,
      planName: s.plan_name,
      callId: s.call_id,
      agent: s.agent_name,
      project: s.project_code,
      startedAt: s.started_at,
      durationSeconds: s.duration_seconds,
      hasRecording: s.has_recording,
      dueDate: s.due_date,
      status: s.status,
      // a client sees the score once the sample is settled (joint scores stay blind until then)
      score: client === null || s.status === 'scored' ? s.score : null,
      open: client === null || s.assigned_to === me,
    }));
    return render(c, { title: c.get('t')('home.quality.title'), body: <QueuePage ctx={viewContext(c)} items={items} client={client === null ? undefined : { project: clientProjectCode }} />, wide: true });
  });

  // ── plans ──
  r.get('/quality/plans', ['inspector'], async (c) => {
    const { sql } = c.get('deps');
    const t = c.get('t');
    const projects = new Map((await q.listProjects(sql)).map((p) => [p.id, p.code]));
    const plans = (await q.listPlans(sql)).map((p) => ({
      id: p.id,
      name: p.name,
      projects: p.project_ids.map((id) => projects.get(id) ?? String(id)).join(', '),
      periodStart: p.period_start,
      periodEnd: p.period_end,
      method: methodSummary(p.method, t),
      strategy: p.strategy,
      samples: p.samples,
      scored: p.scored,
      drawn: p.drawn,
    }));
    return render(c, { title: t('quality.plans.title'), body: <PlansPage ctx={viewContext(c)} plans={plans} />, wide: true });
  });

  r.get('/quality/plans/new', ['inspector'], async (c) => {
    const options = await planFormOptions(c);
    const now = c.get('deps').now();
    const values = planValues({
      periodStart: localDate(now, tz(c), -28),
      periodEnd: localDate(now, tz(c), -1),
      methodKind: 'quota',
      perAgent: '2',
      quotaPeriod: 'week',
      percent: '5',
      minimum: '2',
      sampleSize: '50',
      limit: '30',
      dailyCap: '20',
      seed: newSeed(),
      scorecardId: String(options.scorecards[0]?.id ?? ''),
      reviewerIds: [String(c.get('user')!.id)],
    });
    return render(c, { title: c.get('t')('quality.plans.new'), body: <NewPlanPage ctx={viewContext(c)} values={values} errors={{}} options={options} /> });
  });

  r.post('/quality/plans', ['inspector'], async (c) => {
    const { sql } = c.get('deps');
    const t = c.get('t');
    const v = planValues(await c.req.parseBody({ all: true }));
    const options = await planFormOptions(c);
    const { errors, plan } = parsePlan(v, t, {
      projects: new Set(options.projects.map((p) => p.id)),
      scorecards: new Set(options.scorecards.map((s) => s.id)),
      reviewers: new Set(options.reviewers.map((r) => r.id)),
      inspectors: new Set(options.reviewers.filter((r) => r.roleKey === 'role.inspector').map((r) => r.id)),
    });
    if (!plan) return render(c, { title: t('quality.plans.new'), status: 422, body: <NewPlanPage ctx={viewContext(c)} values={v} errors={errors} options={options} /> });
    const id = await q.insertPlan(sql, { ...plan, method: plan.method as unknown as Record<string, unknown>, filters: plan.filters as Record<string, unknown>, createdBy: c.get('user')!.id });
    await audit(sql, { ...actor(c), action: 'plan.create', target: `plan:${id}`, detail: { name: plan.name, method: plan.method, seed: plan.seed, strategy: plan.strategy } });
    return c.redirect(`/quality/plans/${id}`, 303);
  });

  async function planPage(c: Ctx, id: number, extra: { notice?: string; error?: string; status?: 200 | 409 | 422 } = {}) {
    const { sql } = c.get('deps');
    const t = c.get('t');
    const plan = await q.findPlan(sql, id);
    if (!plan) throw new HTTPException(404);
    const projects = new Map((await q.listProjects(sql)).map((p) => [p.id, p.code]));
    const card = await q.latestScorecardVersion(sql, plan.scorecard_id);
    const people = new Map([...(await q.reviewers(sql, 'inspector')), ...(await q.reviewers(sql, 'agent'))].map((u) => [u.id, u.display_name]));
    const drawRow = await q.findDraw(sql, id);
    const samples = drawRow ? await q.samplesOfPlan(sql, id) : [];
    const allDraws = plan.draw_every === 'week' ? await q.drawsOfPlan(sql, id) : [];
    const next = await nextPortion(sql, plan);
    const today = localDate(c.get('deps').now(), tz(c));
    const arbitrator = plan.arbitrator_id ? people.get(plan.arbitrator_id) ?? String(plan.arbitrator_id) : null;
    const byAgent = new Map<string, { checked: number; passed: number }>();
    for (const s of samples) {
      if (s.status !== 'scored' || s.score === null) continue;
      const a = byAgent.get(s.agent_name) ?? { checked: 0, passed: 0 };
      a.checked++;
      if (s.score >= PASS_PERCENT) a.passed++;
      byAgent.set(s.agent_name, a);
    }
    const passRates = [...byAgent].map(([agent, a]) => {
      const w = wilsonInterval(a.passed, a.checked);
      return { agent, checked: a.checked, passed: a.passed, low: w?.low ?? null, high: w?.high ?? null };
    });
    const agentNames = new Map((await q.reviewers(sql, 'agent')).map((u) => [String(u.id), u.display_name]));
    const stratumLabel = (stratum: string) => {
      const [head, ...rest] = stratum.split('|');
      const name = /^\d+$/.test(head) ? agentNames.get(head) : undefined;
      return name ? [name, ...rest].join(' · ') : stratum;
    };
    const draw = drawRow
      ? {
          drawnAt: drawRow.drawn_at,
          populationSize: drawRow.population_ids.length,
          fingerprint: drawRow.population_fingerprint,
          strata: drawRow.strata.map((st) => ({ ...st, stratum: stratumLabel(st.stratum) })),
          verified: await verifyDraw(sql, drawRow, tz(c)),
        }
      : null;
    return render(c, {
      title: plan.name,
      status: extra.status,
      wide: true,
      body: (
        <PlanPage
          ctx={viewContext(c)}
          plan={{
            id: plan.id,
            name: plan.name,
            projects: plan.project_ids.map((p) => projects.get(p) ?? String(p)).join(', '),
            periodStart: plan.period_start,
            periodEnd: plan.period_end,
            scorecard: card ? `${card.name} v${card.version}` : '',
            filters: filtersSummary(plan.filters as PlanFilters, t),
            method: methodSummary(plan.method, t),
            strategy: t(`quality.strategy.${plan.strategy}`),
            reviewers: plan.reviewer_ids.map((r) => people.get(r) ?? String(r)).join('、'),
            dailyCap: plan.daily_cap,
            seed: plan.seed,
            drawEvery: plan.draw_every,
            arbitrator,
          }}
          draw={draw}
          portions={await Promise.all(
            allDraws.map(async (d) => ({
              n: d.portion,
              start: d.portion_start ?? plan.period_start,
              end: d.portion_end ?? plan.period_end,
              seed: d.seed,
              population: d.population_ids.length,
              sampled: samples.filter((s) => d.sample.some((x) => x.callId === s.call_id) && s.status !== 'replaced').length,
              drawnAt: d.drawn_at,
              verified: await verifyDraw(sql, d, tz(c)),
            })),
          )}
          nextPortion={plan.draw_every === 'week' && next ? { ...next, open: next.start <= today } : null}
          samples={samples.map((s) => ({
            id: s.id,
            callId: s.call_id,
            stratum: stratumLabel(s.stratum),
            rank: s.rank,
            agent: s.agent_name,
            reviewer: s.reviewer_name,
            dueDate: s.due_date,
            status: s.status,
            score: s.score,
            durationSeconds: s.duration_seconds,
            replaceReason: s.replace_reason,
          }))}
          passRates={passRates}
          notice={extra.notice}
          error={extra.error}
        />
      ),
    });
  }

  r.get('/quality/plans/:id', ['inspector'], (c) => {
    const t = c.get('t');
    const notice = c.req.query('drawn')
      ? t('quality.draw.done', { count: c.req.query('drawn')! })
      : c.req.query('replaced')
        ? t('quality.sample.replaced')
        : c.req.query('reassigned')
          ? t('quality.reassign.done')
          : undefined;
    return planPage(c, idParam(c), { notice });
  });

  r.post('/quality/plans/:id/draw', ['inspector'], async (c) => {
    const { sql } = c.get('deps');
    const id = idParam(c);
    const plan = await q.findPlan(sql, id);
    if (!plan) throw new HTTPException(404);
    try {
      const res = await drawPlan(sql, id, { actor: actor(c), timeZone: tz(c) });
      return c.redirect(`/quality/plans/${id}?drawn=${res.sampled}${plan.draw_every === 'week' ? `&portion=${res.portion}` : ''}`, 303);
    } catch (err) {
      if (!(err instanceof DrawError)) throw err;
      return planPage(c, id, { error: c.get('t')(`quality.draw.error.${err.code}`), status: err.code === 'already-drawn' ? 409 : 422 });
    }
  });

  r.post('/quality/samples/:id/replace', ['inspector'], async (c) => {
    const { sql } = c.get('deps');
    const sample = await q.findSample(sql, idParam(c));
    if (!sample) throw new HTTPException(404);
    const reason = str(await c.req.parseBody(), 'reason').slice(0, 200);
    if (!reason) return planPage(c, sample.plan_id, { error: c.get('t')('quality.sample.reasonRequired'), status: 422 });
    if (sample.status === 'replaced' || sample.status === 'scored') return planPage(c, sample.plan_id, { error: c.get('t')('quality.sample.cannotReplace'), status: 409 });
    await replaceSample(sql, sample, reason, { actor: actor(c), timeZone: tz(c) });
    return c.redirect(`/quality/plans/${sample.plan_id}?replaced=1`, 303);
  });

  r.get('/quality/sample-size', ['inspector'], async (c) => {
    const { sql, now } = c.get('deps');
    const t = c.get('t');
    const projects = await q.listProjects(sql);
    const query = c.req.query();
    const submitted = query.from !== undefined;
    const v: SizeValues = {
      projectId: query.projectId ?? String(projects[0]?.id ?? ''),
      from: query.from ?? localDate(now(), tz(c), -28),
      to: query.to ?? localDate(now(), tz(c), -1),
      margin: query.margin ?? '5',
      passed: query.passed ?? '',
      checked: query.checked ?? '',
    };
    const errors: Record<string, string> = {};
    let result = null;
    let wilson = null;
    if (submitted) {
      if (!validDate(v.from)) errors.from = t('quality.form.date');
      if (!validDate(v.to)) errors.to = t('quality.form.date');
      const margin = Number(v.margin);
      if (!(margin > 0 && margin < 100)) errors.margin = t('quality.form.percent');
      const project = projects.find((p) => String(p.id) === v.projectId);
      if (!Object.keys(errors).length && project) {
        const [row] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM calls WHERE project_id = ${project.id}
          AND (started_at AT TIME ZONE ${tz(c)})::date BETWEEN ${v.from}::date AND ${v.to}::date`;
        const size = cochranSampleSize({ marginOfError: margin / 100, populationSize: row.n });
        result = { population: row.n, n0: size.n0, required: size.required };
      }
      if (v.passed !== '' || v.checked !== '') {
        const passed = wholeIn(v.passed, 0, 1_000_000);
        const checked = wholeIn(v.checked, 1, 1_000_000);
        if (checked === null) errors.checked = t('quality.form.whole');
        else if (passed === null || passed > checked) errors.passed = t('quality.size.passedTooMany');
        else {
          const w = wilsonInterval(passed, checked)!;
          wilson = { low: w.low, high: w.high, rate: passed / checked };
        }
      }
    }
    return render(c, {
      title: t('quality.size.title'),
      status: Object.keys(errors).length ? 422 : 200,
      body: <SampleSizePage ctx={viewContext(c)} values={v} projects={projects} errors={errors} result={result} wilson={wilson} />,
    });
  });

  // ── calls ──
  r.get('/quality/calls/import', ['inspector', 'admin'], (c) => render(c, { title: c.get('t')('quality.import.title'), body: <ImportCallsPage ctx={viewContext(c)} /> }));

  r.post('/quality/calls/import', ['inspector', 'admin'], async (c) => {
    const { sql } = c.get('deps');
    const t = c.get('t');
    const body = await c.req.parseBody();
    const file = body.file;
    let text = String(typeof body.text === 'string' ? body.text : '');
    let name = 'pasted';
    if (file instanceof File && file.size > 0) {
      text = await file.text();
      name = file.name || 'upload';
    }
    if (!text.trim()) return render(c, { title: t('quality.import.title'), status: 422, body: <ImportCallsPage ctx={viewContext(c)} formError={t('quality.import.nothing')} /> });
    const parsed = detectCallsFormat(name, text) === 'jsonl' ? parseCallsJsonl(text) : parseCallsCsv(text);
    const result = await importCalls(sql, parsed, actor(c), `ui:${name}`);
    const keep = file instanceof File && file.size > 0 ? '' : text.slice(0, 100_000);
    if (result.errors.length) return render(c, { title: t('quality.import.title'), status: 422, body: <ImportCallsPage ctx={viewContext(c)} errors={result.errors} text={keep} /> });
    return render(c, { title: t('quality.import.title'), body: <ImportCallsPage ctx={viewContext(c)} inserted={result.inserted} /> });
  });

  /** `POST /api/v1/calls`: one call object or an array; 201 `{ inserted, ids }` or 422 `{ errors: [{ line, message }] }`. */
  r.post('/api/v1/calls', ['inspector', 'admin'], async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ error: 'invalid_json', errors: [{ line: 1, message: 'body is not valid JSON' }] }, 422);
    }
    const parsed = parseCallsBody(body);
    const result = await importCalls(c.get('deps').sql, parsed, actor(c), 'api');
    if (result.errors.length) return c.json({ error: 'invalid', errors: result.errors }, 422);
    return c.json({ inserted: result.inserted, ids: parsed.calls.map((p) => p.call.id) }, 201);
  });

  // ── scoring ──
  r.get('/quality/samples/:id', ['inspector', 'agent', 'client'], async (c) => {
    const { data, planName, peer, joint } = await loadScoring(c);
    const t = c.get('t');
    const loop = c.req.query('loop');
    const notice = c.req.query('submitted')
      ? t('quality.scoring.submitted')
      : c.req.query('released')
        ? t('quality.scoring.released')
        : c.req.query('saved')
          ? t('quality.scoring.draftSavedPlain')
          : loop === 'finding' || loop === 'training' || loop === 'case'
            ? t(`quality.loop.done.${loop}`)
            : undefined;
    // the owners' resolutions of findings sent from this call link back here
    const findings = c.get('user')!.roles.includes('inspector')
      ? await c.get('deps').sql<{ id: number; proposal: string; status: string; resolution: string | null; resolved_by: string | null; resolved_at: Date | null }[]>`
          SELECT f.id, f.proposal, f.status, f.resolution, u.display_name AS resolved_by, f.resolved_at FROM findings f LEFT JOIN users u ON u.id = f.resolved_by
          WHERE f.call_id = ${data.call.id} ORDER BY f.id`
      : [];
    return render(c, {
      title: `${t('quality.scoring.title')} ${data.call.id}`,
      wide: true,
      body: (
        <ScoringPage
          {...scoringProps(c, data, planName, { notice, joint: jointView(data, joint), ...(joint.length ? { peer: null } : {}), findings: findings.map((f) => ({ id: f.id, proposal: f.proposal, status: f.status, resolution: f.resolution, resolvedBy: f.resolved_by, resolvedAt: f.resolved_at })) }, peer)}
        />
      ),
    });
  });

  r.post('/quality/samples/:id/draft', ['inspector', 'agent', 'client'], async (c) => {
    const { sql, now } = c.get('deps');
    const { data, planName, peer } = await loadScoring(c);
    const body = await c.req.parseBody();
    const { answers, comments, raw, categories } = readScoringForm(body, data.version.body, data.categories.map((x) => x.code));
    const version = Number(str(body, 'version') || '0');
    const fragment = wantsFragment(c.req.raw.headers);
    let saved: number | undefined;
    const ev = data.evaluation;
    if (!ev && version === 0) {
      saved = (await q.insertEvaluation(sql, { sampleId: data.sample.id, callId: data.call.id, scorecardVersionId: data.version.id, evaluatorId: c.get('user')!.id, answers, comments, at: now(), supersedes: peer?.status === 'submitted' ? peer.id : null, errorCategories: categories })).version;
    } else if (ev && ev.status === 'draft') {
      saved = await q.saveDraft(sql, ev.id, version, answers, comments, now(), categories);
    }
    if (saved === undefined) {
      const fresh = await q.evaluationOfSample(sql, data.sample.id);
      if (fragment) return c.html(<DraftSaved ctx={viewContext(c)} at={now()} version={fresh?.version ?? 0} conflict />, 409);
      return render(c, { title: data.call.id, status: 409, wide: true, body: <ScoringPage {...scoringProps(c, { ...data, evaluation: fresh }, planName, { answers: raw, comments, categoryAnswers: categories, conflict: true, version: fresh?.version ?? 0 }, peer)} /> });
    }
    if (data.sample.status === 'assigned') await sql`UPDATE samples SET status = 'draft' WHERE id = ${data.sample.id} AND status = 'assigned'`;
    await audit(sql, { ...actor(c), action: 'evaluation.draft', target: `sample:${data.sample.id}`, detail: { version: saved } });
    if (fragment) return c.html(<DraftSaved ctx={viewContext(c)} at={now()} version={saved} />);
    return c.redirect(`/quality/samples/${data.sample.id}?saved=1`, 303);
  });

  r.post('/quality/samples/:id/submit', ['inspector', 'agent', 'client'], async (c) => {
    const { sql, now } = c.get('deps');
    const t = c.get('t');
    const { data, planName, plan, peer, isInspector, joint } = await loadScoring(c);
    const body = await c.req.parseBody();
    const card = data.version.body;
    const { answers, comments, raw, categories } = readScoringForm(body, card, data.categories.map((x) => x.code));
    const version = Number(str(body, 'version') || '0');
    const page = (status: 409 | 422, override: Partial<ScoringProps>) =>
      render(c, { title: data.call.id, status, wide: true, body: <ScoringPage {...scoringProps(c, data, planName, { answers: raw, comments, categoryAnswers: categories, ...override }, peer)} /> });
    const problems = answerProblems(card, answers);
    if (Object.keys(problems).length) {
      const errors: Record<string, string> = {};
      for (const id of Object.keys(problems)) errors[id] = answers[id] === undefined ? t('quality.answer.required') : t('quality.answer.invalid');
      return page(422, { errors, status: data.evaluation?.status === 'draft' ? 'draft' : 'new', result: null, version });
    }
    const score = scoreAnswers(card, answers);
    const errorCategories = categoriesOfMissed(score, categories);
    let ev = data.evaluation;
    let current = version;
    if (!ev) {
      if (version !== 0) return page(409, { conflict: true, version: 0, status: 'new', result: null });
      ev = await q.insertEvaluation(sql, { sampleId: data.sample.id, callId: data.call.id, scorecardVersionId: data.version.id, evaluatorId: c.get('user')!.id, answers, comments, at: now(), supersedes: peer?.status === 'submitted' ? peer.id : null });
      current = ev.version;
    }
    const ok = ev.status === 'draft' && (await q.submitEvaluation(sql, ev.id, current, { answers, comments, score: score.percent, result: score, at: now(), errorCategories }));
    if (!ok) {
      const fresh = await q.evaluationOfSample(sql, data.sample.id);
      return render(c, { title: data.call.id, status: 409, wide: true, body: <ScoringPage {...scoringProps(c, { ...data, evaluation: fresh }, planName, { answers: raw, comments, categoryAnswers: categories, conflict: true, version: fresh?.version ?? 0 }, peer)} /> });
    }
    const user = c.get('user')!;
    if (plan.strategy === 'joint') {
      // 联合质检: two independent scores; differing answers go to the plan owner to reconcile
      const submitted = (await q.submittedOfSample(sql, data.sample.id)).filter((e) => e.id !== ev.id);
      if (joint.length === 2) {
        const differences = jointView(data, joint)!.items;
        for (const e of joint) await sql`UPDATE evaluations SET status = 'retracted', updated_at = ${now()} WHERE id = ${e.id} AND status = 'submitted'`;
        await sql`UPDATE samples SET status = 'scored' WHERE id = ${data.sample.id}`;
        await audit(sql, { ...actor(c), action: 'evaluation.reconcile', target: `evaluation:${ev.id}`, detail: { sample: data.sample.id, scores: joint.map((e) => e.score), final: score.percent, differences: differences.map((d) => ({ item: d.itemId, first: d.first, second: d.second, final: answers[d.itemId] })) } });
        return c.redirect(`/quality/samples/${data.sample.id}?submitted=1`, 303);
      }
      if (submitted.length === 0) {
        const second = (await eligibleReviewers(sql, plan, { agentId: data.call.agent_id, projectId: data.call.project_id })).find((r) => r.id !== user.id)?.id;
        await sql`UPDATE samples SET status = 'assigned', assigned_to = ${second ?? data.sample.assigned_to} WHERE id = ${data.sample.id}`;
      } else {
        const first = submitted[0];
        const differ = Object.keys({ ...first.answers, ...answers }).some((k) => String(first.answers[k]) !== String(answers[k]));
        if (differ) await sql`UPDATE samples SET status = 'draft', assigned_to = ${plan.created_by ?? user.id} WHERE id = ${data.sample.id}`;
        else {
          // the same answers: the second score stands, the first is kept as history
          await sql`UPDATE evaluations SET status = 'retracted', updated_at = ${now()} WHERE id = ${first.id}`;
          await sql`UPDATE samples SET status = 'scored' WHERE id = ${data.sample.id}`;
        }
      }
    } else if (!isInspector && plan.strategy === 'peer') {
      // 专员互检 → 质检员复检: the peer's score goes to the plan's inspector for a recheck
      await sql`UPDATE samples SET status = 'assigned', assigned_to = ${plan.created_by ?? data.sample.assigned_to} WHERE id = ${data.sample.id}`;
    } else {
      if (ev.supersedes) await sql`UPDATE evaluations SET status = 'retracted', updated_at = ${now()} WHERE id = ${ev.supersedes} AND status = 'submitted'`;
      await sql`UPDATE samples SET status = 'scored' WHERE id = ${data.sample.id}`;
    }
    await audit(sql, { ...actor(c), action: ev.supersedes ? 'evaluation.recheck' : 'evaluation.submit', target: `evaluation:${ev.id}`, detail: { sample: data.sample.id, call: data.call.id, score: score.percent, failedAll: score.failedAll, scorecardVersion: data.version.version } });
    return c.redirect(`/quality/samples/${data.sample.id}?submitted=1`, 303);
  });

  r.post('/quality/evaluations/:id/release', ['inspector'], async (c) => {
    const { sql, now } = c.get('deps');
    const ev = await q.findEvaluation(sql, idParam(c));
    if (!ev || ev.sample_id === null) throw new HTTPException(404);
    if (!(await q.releaseEvaluation(sql, ev.id, now()))) throw new HTTPException(409);
    await audit(sql, { ...actor(c), action: 'evaluation.release', target: `evaluation:${ev.id}`, detail: { call: ev.call_id, score: ev.score } });
    return c.redirect(`/quality/samples/${ev.sample_id}?released=1`, 303);
  });
}
