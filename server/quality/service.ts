// The quality area's operations over the database: call imports, plan draws and replacements,
// drafts and submitted scores, and the demo seed (scorecard, recordings, calls, plans).
import { randomBytes } from 'node:crypto';
import type { Deps } from '../http/env.ts';
import type { SeedStep } from '../demo/seed.ts';
import type { Sql } from '../db/index.ts';
import { hashPassword } from '../auth/password.ts';
import { audit } from '../queries/audit.ts';
import { type CallInput, type CallIoError, type ParseResult } from '../../knowledge/quality/calls-io.ts';
import { drawSample, replaceSampled, type CallRecord, type SamplingMethod } from '../../knowledge/quality/sampling.ts';
import { scorecardFingerprint, scoreEvaluation, validateAnswers, type Answers, type EvaluationScore } from '../../knowledge/quality/scorecard.ts';
import { checkTranscript, type TranscriptCheck } from '../../knowledge/quality/transcript.ts';
import { preFlags, type PreFlag } from '../../knowledge/quality/preflag.ts';
import { assignBalanced } from '../../knowledge/quality/assignment.ts';
import { planPortions, portionSeed, type Portion } from '../../knowledge/quality/portions.ts';
import { DEMO_AGENTS, DEMO_INSPECTORS, DEMO_RECORDINGS, DEMO_SCORECARD, generateDemoCalls, type ScorecardBody } from './demo.ts';
import * as q from './queries.ts';
import { mayCheck, reviewerInfo } from './reviewers.ts';

/** Who performs an operation, for the audit log. */
export interface Actor {
  actorId: number | null;
  actorName: string;
  requestId?: string;
  at: Date;
}

const asSql = (tx: unknown) => tx as Sql;

// ── calls ───────────────────────────────────────────────────────────────────

/**
 * Stores parsed calls all-or-nothing: unknown agents or projects and ids already stored are
 * errors on their lines; nothing is written unless every line is good.
 */
export async function importCalls(sql: Sql, parsed: ParseResult, actor: Actor, source: string): Promise<{ inserted: number; errors: CallIoError[] }> {
  const errors = [...parsed.errors];
  const users = await q.userIdsByUsername(sql, [...new Set(parsed.calls.map((c) => c.call.agent))]);
  const projects = await q.projectIdsByCode(sql);
  const existing = await q.existingCallIds(sql, parsed.calls.map((c) => c.call.id));
  const resolved: (CallInput & { agentId: number; projectId: number })[] = [];
  for (const { line, call } of parsed.calls) {
    const agentId = users.get(call.agent);
    const projectId = projects.get(call.project);
    if (agentId === undefined) errors.push({ line, message: `agent: no user named ${call.agent}` });
    if (projectId === undefined) errors.push({ line, message: `project: no project with code ${call.project}` });
    if (existing.has(call.id)) errors.push({ line, message: `id: ${call.id} is already stored` });
    if (agentId !== undefined && projectId !== undefined) resolved.push({ ...call, agentId, projectId });
  }
  errors.sort((a, b) => a.line - b.line);
  if (errors.length) return { inserted: 0, errors };
  const inserted = await sql.begin((tx) => q.insertCalls(asSql(tx), resolved));
  await audit(sql, { ...actor, action: 'calls.import', target: 'calls', detail: { count: inserted, source } });
  return { inserted, errors: [] };
}

// ── plans ───────────────────────────────────────────────────────────────────

/** Scope filters of a plan, as stored in plans.filters. */
export interface PlanFilters {
  minDuration?: number;
  maxDuration?: number;
  queue?: string;
  direction?: 'in' | 'out';
  hasRecording?: boolean;
  notEvaluated?: boolean;
}

function toRecord(row: q.PopulationRow): CallRecord {
  return {
    id: row.id,
    agentId: String(row.agent_id),
    localDate: row.local_date,
    durationSeconds: row.duration_seconds,
    queue: row.queue,
    direction: row.direction,
    project: row.project_code,
    ...(row.order_kind ? { orderKind: row.order_kind } : {}),
    ...(row.scenario_code ? { scenarioCode: row.scenario_code } : {}),
    repeatCaller: row.repeat_caller,
    agentTenureDays: row.tenure_days,
    ...(row.recent_score !== null ? { agentRecentScorePercent: row.recent_score } : {}),
  };
}

/** The calls in a plan's scope (or in one portion of its period), as the sampler sees them. */
export async function planPopulation(sql: Sql, plan: q.PlanRow, timeZone: string, portion?: Portion): Promise<CallRecord[]> {
  const f = plan.filters as PlanFilters;
  const rows = await q.population(sql, { projectIds: plan.project_ids, periodStart: portion?.start ?? plan.period_start, periodEnd: portion?.end ?? plan.period_end, timeZone, ...f });
  return rows.map(toRecord);
}

export class DrawError extends Error {
  constructor(public readonly code: 'already-drawn' | 'empty' | 'no-reviewers' | 'bad-method' | 'not-yet') {
    super(code);
  }
}

function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The next portion of a plan to draw (null when every portion is drawn). */
export async function nextPortion(sql: Sql, plan: q.PlanRow): Promise<Portion | null> {
  const drawn = new Set((await q.drawsOfPlan(sql, plan.id)).map((d) => d.portion || 1));
  return planPortions(plan.period_start, plan.period_end, plan.draw_every).find((p) => !drawn.has(p.n)) ?? null;
}

/**
 * Draws a plan's sample — once, or the next 7-day portion of a plan that draws weekly (not before
 * the portion has begun): ranks the portion's population by the keyed hash of the plan seed (and
 * portion number), stores the snapshot (ids, fingerprint, filters, method, seed) and hands the
 * calls out to the plan's reviewers, balanced, within the daily cap, never a reviewer's own calls.
 */
export async function drawPlan(sql: Sql, planId: number, opts: { actor: Actor; timeZone: string }): Promise<{ drawId: number; sampled: number; population: number; portion: number }> {
  const plan = await q.findPlan(sql, planId);
  if (!plan) throw new DrawError('empty');
  const portion = await nextPortion(sql, plan);
  if (!portion) throw new DrawError('already-drawn');
  if (plan.draw_every === 'week' && portion.start > localDate(opts.actor.at, opts.timeZone)) throw new DrawError('not-yet');
  if (plan.reviewer_ids.length === 0) throw new DrawError('no-reviewers');
  const records = await planPopulation(sql, plan, opts.timeZone, plan.draw_every === 'week' ? portion : undefined);
  if (records.length === 0) throw new DrawError('empty');
  const seed = portionSeed(plan.seed, plan.draw_every, portion.n);
  let draw;
  try {
    draw = drawSample({ population: records, method: plan.method as unknown as SamplingMethod, seed });
  } catch {
    throw new DrawError('bad-method');
  }
  const agentOf = new Map(records.map((r) => [r.id, r.agentId]));
  const projectOf = new Map(records.map((r) => [r.id, r.project]));
  const projectIds = await q.projectIdsByCode(sql);
  const reviewers = await reviewerInfo(sql, plan.reviewer_ids);
  // a client reviewer only gets calls of their project, a peer only calls of their team's project
  const excludedFor = (callId: string) => {
    const call = { agentId: Number(agentOf.get(callId)), projectId: projectIds.get(String(projectOf.get(callId))) ?? -1 };
    return reviewers.filter((r) => r.id !== call.agentId && !mayCheck(r, call)).map((r) => String(r.id));
  };
  const byTime = [...draw.sample].sort((a, b) => (a.callId < b.callId ? -1 : 1));
  const { assignments } = assignBalanced({
    samples: byTime.map((s) => ({ id: s.callId, agentId: agentOf.get(s.callId)!, excluded: excludedFor(s.callId) })),
    reviewerIds: plan.reviewer_ids.map(String),
    dailyCap: plan.daily_cap,
    startDate: localDate(opts.actor.at, opts.timeZone),
  });
  const assigned = new Map(assignments.map((a) => [a.id, a]));
  const drawId = await sql.begin(async (txRaw) => {
    const tx = asSql(txRaw);
    const [row] = await tx<{ id: number }[]>`
      INSERT INTO plan_draws (plan_id, seed, filters, method, population_ids, population_fingerprint, sample, strata, drawn_by, drawn_at, portion, portion_start, portion_end)
      VALUES (${planId}, ${seed}, ${tx.json(plan.filters as never)}, ${tx.json(plan.method as never)}, ${tx.json(records.map((r) => r.id) as never)},
              ${draw.populationFingerprint}, ${tx.json(draw.sample as never)}, ${tx.json(draw.strata as never)}, ${opts.actor.actorId}, ${opts.actor.at},
              ${portion.n}, ${portion.start}, ${portion.end})
      RETURNING id`;
    const rows = draw.sample.map((s) => ({
      plan_id: planId,
      draw_id: row.id,
      call_id: s.callId,
      stratum: s.stratum,
      rank: s.rank,
      assigned_to: assigned.has(s.callId) ? Number(assigned.get(s.callId)!.reviewerId) : null,
      due_date: assigned.get(s.callId)?.dueDate ?? null,
    }));
    if (rows.length) {
      await tx`INSERT INTO samples (plan_id, draw_id, call_id, stratum, rank, assigned_to, due_date)
        SELECT plan_id, draw_id, call_id, stratum, rank, assigned_to, due_date
        FROM jsonb_to_recordset(${tx.json(rows as never)}::jsonb) AS r(plan_id int, draw_id int, call_id text, stratum text, rank int, assigned_to int, due_date date)`;
    }
    return row.id;
  });
  await audit(sql, { ...opts.actor, action: 'plan.draw', target: `plan:${planId}`, detail: { population: records.length, sampled: draw.sample.length, fingerprint: draw.populationFingerprint, seed, portion: portion.n, from: portion.start, to: portion.end } });
  return { drawId, sampled: draw.sample.length, population: records.length, portion: portion.n };
}

/** Re-derives a stored draw from its population snapshot; true when the same calls come out. */
export async function verifyDraw(sql: Sql, draw: q.DrawRow, timeZone: string): Promise<{ fingerprintMatches: boolean; sampleMatches: boolean }> {
  const rows = await q.population(sql, { projectIds: [], periodStart: '', periodEnd: '', timeZone, ids: draw.population_ids });
  const again = drawSample({ population: rows.map(toRecord), method: draw.method as unknown as SamplingMethod, seed: draw.seed });
  return {
    fingerprintMatches: again.populationFingerprint === draw.population_fingerprint,
    sampleMatches: JSON.stringify(again.sample.map((s) => s.callId)) === JSON.stringify(draw.sample.map((s) => s.callId)),
  };
}

/**
 * Replaces a sampled call (no audio, wrong queue, …) by the next ranked call of its stratum,
 * with the reason logged; the replacement keeps the reviewer and due date. Returns the new
 * sample id, or null when the stratum has no call left.
 */
export async function replaceSample(sql: Sql, sample: q.SampleRow, reason: string, opts: { actor: Actor; timeZone: string }): Promise<number | null> {
  const [draw] = await sql<q.DrawRow[]>`SELECT * FROM plan_draws WHERE id = ${sample.draw_id}`;
  const rows = await q.population(sql, { projectIds: [], periodStart: '', periodEnd: '', timeZone: opts.timeZone, ids: draw.population_ids });
  const current = await sql<{ call_id: string; stratum: string; rank: number; status: string }[]>`SELECT call_id, stratum, rank, status FROM samples WHERE draw_id = ${draw.id}`;
  const live = current.filter((s) => s.status !== 'replaced').map((s) => ({ callId: s.call_id, stratum: s.stratum, rank: s.rank, key: '' }));
  const excluded = current.filter((s) => s.status === 'replaced').map((s) => s.call_id);
  const result = replaceSampled({ population: rows.map(toRecord), method: draw.method as unknown as SamplingMethod, seed: draw.seed, sample: live, callId: sample.call_id, excludeIds: excluded });
  const newId = await sql.begin(async (txRaw) => {
    const tx = asSql(txRaw);
    let id: number | null = null;
    if (result.replacement) {
      const [row] = await tx<{ id: number }[]>`
        INSERT INTO samples (plan_id, draw_id, call_id, stratum, rank, assigned_to, due_date)
        VALUES (${sample.plan_id}, ${sample.draw_id}, ${result.replacement.callId}, ${result.replacement.stratum}, ${result.replacement.rank}, ${sample.assigned_to}, ${sample.due_date})
        RETURNING id`;
      id = row.id;
    }
    await tx`UPDATE samples SET status = 'replaced', replaced_by = ${id}, replace_reason = ${reason} WHERE id = ${sample.id}`;
    return id;
  });
  await audit(sql, { ...opts.actor, action: 'sample.replace', target: `sample:${sample.id}`, detail: { callId: sample.call_id, reason, replacement: result.replacement?.callId ?? null } });
  return newId;
}

// ── scoring ─────────────────────────────────────────────────────────────────

/** Everything the scoring screen shows for one sample. */
export interface ScoringData {
  sample: q.SampleRow;
  call: q.CallRow;
  version: q.ScorecardVersionRow;
  evaluation: q.EvaluationRow | undefined;
  check: TranscriptCheck | null;
  flags: PreFlag[];
  /** The active error categories a failed item can be put in. */
  categories: { code: string; name: string }[];
}

export async function scoringData(sql: Sql, sampleId: number): Promise<ScoringData | undefined> {
  const sample = await q.findSample(sql, sampleId);
  if (!sample) return undefined;
  const call = (await q.findCall(sql, sample.call_id))!;
  const evaluation = await q.evaluationOfSample(sql, sampleId);
  const plan = (await q.findPlan(sql, sample.plan_id))!;
  const version = evaluation ? (await q.scorecardVersion(sql, evaluation.scorecard_version_id))! : (await q.latestScorecardVersion(sql, plan.scorecard_id))!;
  const check = call.transcript ? checkTranscript(call.transcript, version.body.phrases ?? { forbidden: [], required: [] }) : null;
  const categories = (await q.errorCategories(sql)).filter((c) => c.active).map((c) => ({ code: c.code, name: c.name }));
  return { sample, call, version, evaluation, check, flags: check ? preFlags(version.body, check) : [], categories };
}

/** Comments per item: text and the recording position (seconds) it refers to. */
export type ItemComments = Record<string, { text: string; atSeconds: number | null }>;

/** Reads answers, comments and error categories from a scoring form (`a.<item>`, `c.<item>`, `t.<item>`, `e.<item>`). */
export function readScoringForm(
  body: Record<string, unknown>,
  card: ScorecardBody,
  categoryCodes: readonly string[] = [],
): { answers: Answers; comments: ItemComments; raw: Record<string, string>; categories: Record<string, string> } {
  const answers: Answers = {};
  const comments: ItemComments = {};
  const raw: Record<string, string> = {};
  const categories: Record<string, string> = {};
  for (const section of card.sections) {
    for (const item of section.items) {
      const v = String(body[`a.${item.id}`] ?? '').trim();
      raw[item.id] = v;
      if (v === 'yes' || v === 'no' || v === 'na') answers[item.id] = v;
      else if (v !== '' && Number.isFinite(Number(v))) answers[item.id] = Number(v);
      const text = String(body[`c.${item.id}`] ?? '').trim().slice(0, 1000);
      const at = Number(String(body[`t.${item.id}`] ?? '').trim());
      if (text) comments[item.id] = { text, atSeconds: String(body[`t.${item.id}`] ?? '').trim() !== '' && Number.isFinite(at) && at >= 0 ? Math.round(at * 10) / 10 : null };
      const category = String(body[`e.${item.id}`] ?? '').trim();
      if (categoryCodes.includes(category)) categories[item.id] = category;
    }
  }
  return { answers, comments, raw, categories };
}

/** Keeps the error categories of the items this score missed (a category only belongs to a failed item). */
export function categoriesOfMissed(score: EvaluationScore, categories: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of score.sections) for (const i of s.items) if (i.missed && categories[i.itemId]) out[i.itemId] = categories[i.itemId];
  return out;
}

/** Problems with answers, by item id. */
export function answerProblems(card: ScorecardBody, answers: Answers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const message of validateAnswers(card, answers)) {
    const m = /^item (\S+): (.*)$/.exec(message);
    if (m && !out[m[1]]) out[m[1]] = m[2];
  }
  return out;
}

/** Scores answers with the version's scorecard. */
export function scoreAnswers(card: ScorecardBody, answers: Answers): EvaluationScore {
  return scoreEvaluation(card, answers);
}

// ── demo seed ───────────────────────────────────────────────────────────────

let demoAgentHash: Promise<string> | undefined;
let demoInspectorHash: Promise<string> | undefined;

async function seedAgents(sql: Sql): Promise<void> {
  demoAgentHash ??= hashPassword('demo-agent-pass');
  const hash = await demoAgentHash;
  for (const a of DEMO_AGENTS) {
    await sql`INSERT INTO users (username, display_name, password_hash, roles, team_id, created_at)
              VALUES (${a.username}, ${a.displayName}, ${hash}, ${sql.array(['agent'])}, (SELECT id FROM teams WHERE code = ${a.team}), now() - interval '400 days')
              ON CONFLICT (username) DO NOTHING`;
  }
  demoInspectorHash ??= hashPassword('demo-inspector-pass');
  const inspectorHash = await demoInspectorHash;
  for (const i of DEMO_INSPECTORS) {
    await sql`INSERT INTO users (username, display_name, password_hash, roles) VALUES (${i.username}, ${i.displayName}, ${inspectorHash}, ${sql.array(['inspector'])})
              ON CONFLICT (username) DO NOTHING`;
  }
}

/** Stores a scorecard body as version 1, or as a new version when its scoring fingerprint changed. */
export async function saveScorecard(sql: Sql, body: ScorecardBody, createdBy: number | null): Promise<{ scorecardId: number; versionId: number; version: number }> {
  const [card] = await sql<{ id: number }[]>`INSERT INTO scorecards (code, name) VALUES (${body.id}, ${body.name})
    ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name RETURNING id`;
  const latest = await q.latestScorecardVersion(sql, card.id);
  const fingerprint = scorecardFingerprint(body);
  if (latest && latest.fingerprint === fingerprint) {
    await sql`UPDATE scorecard_versions SET body = ${sql.json(body as never)} WHERE id = ${latest.id}`;
    return { scorecardId: card.id, versionId: latest.id, version: latest.version };
  }
  const version = (latest?.version ?? 0) + 1;
  const [row] = await sql<{ id: number }[]>`INSERT INTO scorecard_versions (scorecard_id, version, body, fingerprint, created_by)
    VALUES (${card.id}, ${version}, ${sql.json(body as never)}, ${fingerprint}, ${createdBy}) RETURNING id`;
  return { scorecardId: card.id, versionId: row.id, version };
}

/** Today in the centre's zone (demo calls end yesterday). */
function centreToday(): string {
  return localDate(new Date(), 'Asia/Shanghai');
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function seedCalls(sql: Sql): Promise<void> {
  const today = centreToday();
  const rows = generateDemoCalls({ endDate: today, days: 28, count: 3000, seed: 95598 });
  await sql`
    INSERT INTO calls (id, agent_id, project_id, queue, started_at, duration_seconds, direction, caller_account, scenario_code, order_kind)
    SELECT r.id, u.id, p.id, r.queue, r.started_at, r.duration_seconds, r.direction, r.caller_account, r.scenario_code, r.order_kind
    FROM jsonb_to_recordset(${sql.json(rows as never)}::jsonb) AS r(id text, agent text, project text, queue text, started_at timestamptz, duration_seconds int,
      direction text, caller_account text, scenario_code text, order_kind text)
    JOIN users u ON u.username = r.agent JOIN projects p ON p.code = r.project
    ON CONFLICT (id) DO NOTHING`;
  const yesterday = Date.parse(`${addDays(today, -1)}T10:00:00+08:00`);
  const recs = DEMO_RECORDINGS.map((r, i) => ({
    id: r.callId,
    agent: r.agent,
    project: r.project,
    queue: r.queue,
    started_at: new Date(yesterday + i * 47 * 60_000).toISOString(),
    duration_seconds: r.durationSeconds,
    caller_account: String(3_100_000_001 + i),
    scenario_code: r.scenarioCode,
    order_kind: r.orderKind,
    recording_url: `/static/${r.file}`,
    transcript: r.transcript,
  }));
  await sql`
    INSERT INTO calls (id, agent_id, project_id, queue, started_at, duration_seconds, direction, caller_account, scenario_code, order_kind, recording_url, transcript)
    SELECT r.id, u.id, p.id, r.queue, r.started_at, r.duration_seconds, 'in', r.caller_account, r.scenario_code, r.order_kind, r.recording_url, r.transcript
    FROM jsonb_to_recordset(${sql.json(recs as never)}::jsonb) AS r(id text, agent text, project text, queue text, started_at timestamptz, duration_seconds int,
      caller_account text, scenario_code text, order_kind text, recording_url text, transcript jsonb)
    JOIN users u ON u.username = r.agent JOIN projects p ON p.code = r.project
    ON CONFLICT (id) DO NOTHING`;
}

async function seedPlans(sql: Sql): Promise<void> {
  const { scorecardId } = await saveScorecard(sql, DEMO_SCORECARD, null);
  const [inspector] = await sql<{ id: number }[]>`SELECT id FROM users WHERE username = 'inspector'`;
  if (!inspector) return;
  const projects = await q.projectIdsByCode(sql);
  const today = centreToday();
  const actor: Actor = { actorId: null, actorName: 'seed', at: new Date() };
  const recordings = await q.insertPlan(sql, {
    name: '录音质检（演示）',
    projectIds: [projects.get('95598')!, projects.get('EV')!],
    periodStart: addDays(today, -7),
    periodEnd: today,
    scorecardId,
    filters: { hasRecording: true },
    method: { kind: 'percentage', percent: 100, minimum: 1, per: 'all' },
    seed: 'demo-recordings-1',
    strategy: 'inspector',
    reviewerIds: [inspector.id],
    dailyCap: 20,
    createdBy: inspector.id,
  });
  await drawPlan(sql, recordings, { actor, timeZone: 'Asia/Shanghai' });
  const monthly = await q.insertPlan(sql, {
    name: '95598 四周质检计划（每人每周 2 通）',
    projectIds: [projects.get('95598')!],
    periodStart: addDays(today, -28),
    periodEnd: addDays(today, -1),
    scorecardId,
    filters: { minDuration: 60 },
    method: { kind: 'quota', perAgent: 2, period: 'week' },
    seed: 'demo-95598-w',
    strategy: 'inspector',
    reviewerIds: [inspector.id],
    dailyCap: 15,
    createdBy: inspector.id,
  });
  await drawPlan(sql, monthly, { actor, timeZone: 'Asia/Shanghai' });
}

let demoClientHash: Promise<string> | undefined;

/**
 * The EV project's client reviewer (联合质检, password `demo-client-pass`) and a joint-check plan
 * of EV calls scored by the inspector and the client, drawn once.
 */
async function seedClientReviewer(sql: Sql): Promise<void> {
  demoClientHash ??= hashPassword('demo-client-pass');
  const hash = await demoClientHash;
  const projects = await q.projectIdsByCode(sql);
  const ev = projects.get('EV');
  if (ev === undefined) return;
  await sql`INSERT INTO users (username, display_name, password_hash, roles, client_project_id) VALUES ('client', '黄蕾（充电服务客户方）', ${hash}, ${sql.array(['client'])}, ${ev})
            ON CONFLICT (username) DO NOTHING`;
  const [inspector] = await sql<{ id: number }[]>`SELECT id FROM users WHERE username = 'inspector'`;
  const [client] = await sql<{ id: number }[]>`SELECT id FROM users WHERE username = 'client'`;
  const [card] = await sql<{ id: number }[]>`SELECT id FROM scorecards WHERE code = ${DEMO_SCORECARD.id}`;
  if (!inspector || !client || !card) return;
  const today = centreToday();
  const plan = await q.insertPlan(sql, {
    name: '充电服务联合质检（演示）',
    projectIds: [ev],
    periodStart: addDays(today, -9),
    periodEnd: addDays(today, -2),
    scorecardId: card.id,
    filters: { minDuration: 60 },
    method: { kind: 'quota', perAgent: 1, period: 'plan' },
    seed: 'demo-ev-joint',
    strategy: 'joint',
    reviewerIds: [inspector.id, client.id],
    dailyCap: 10,
    createdBy: inspector.id,
  });
  await drawPlan(sql, plan, { actor: { actorId: null, actorName: 'seed', at: new Date() }, timeZone: 'Asia/Shanghai' });
}

/** The default error categories (also inserted by migration 011; re-seeded after a reset). */
export const DEFAULT_ERROR_CATEGORIES: [code: string, name: string][] = [
  ['knowledge', '业务知识不足'],
  ['process', '流程执行不规范'],
  ['attitude', '服务态度与情绪'],
  ['expression', '表达与沟通技巧'],
  ['system', '系统操作与工单录入'],
  ['security', '信息安全与合规'],
];

async function seedErrorCategories(sql: Sql): Promise<void> {
  const rows = DEFAULT_ERROR_CATEGORIES.map(([code, name], i) => ({ code, name, position: i + 1 }));
  await sql`INSERT INTO error_categories (code, name, position)
    SELECT code, name, position FROM jsonb_to_recordset(${sql.json(rows as never)}::jsonb) AS r(code text, name text, position int)
    ON CONFLICT (code) DO NOTHING`;
}

/** Demo data of this area, seeded once into an empty database. */
export const qualitySeedSteps: SeedStep[] = [
  { id: 'quality-error-categories', run: seedErrorCategories },
  { id: 'quality-agents', run: seedAgents },
  { id: 'quality-calls', run: seedCalls },
  { id: 'quality-plans', run: seedPlans },
  { id: 'quality-client', run: seedClientReviewer },
];

/** A fresh random plan seed. */
export function newSeed(): string {
  return `plan-${randomBytes(6).toString('hex')}`;
}

/** Starts this area's background services; returns a stop function. */
export async function startQuality(_deps: Deps): Promise<() => Promise<void>> {
  return async () => {};
}
