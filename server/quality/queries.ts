// SQL of the quality area: typed rows in and out, no business rules.
import type { Sql } from '../db/index.ts';
import type { CallInput } from '../../knowledge/quality/calls-io.ts';
import type { TranscriptSegment } from '../../knowledge/quality/transcript.ts';
import type { ScorecardBody } from './demo.ts';

type Tx = Sql;

export interface CallRow {
  id: string;
  agent_id: number;
  agent_name: string;
  agent_username: string;
  project_id: number;
  project_code: string;
  queue: string;
  started_at: Date;
  duration_seconds: number;
  direction: 'in' | 'out';
  caller_account: string | null;
  scenario_code: string | null;
  work_order_id: string | null;
  order_kind: string | null;
  recording_url: string | null;
  transcript: TranscriptSegment[] | null;
}

/** Users (active) by username, for resolving imported agents. */
export async function userIdsByUsername(sql: Sql, usernames: string[]): Promise<Map<string, number>> {
  if (!usernames.length) return new Map();
  const rows = await sql<{ id: number; username: string }[]>`SELECT id, username FROM users WHERE username = ANY(${usernames}::text[])`;
  return new Map(rows.map((r) => [r.username, r.id]));
}

export async function projectIdsByCode(sql: Sql): Promise<Map<string, number>> {
  const rows = await sql<{ id: number; code: string }[]>`SELECT id, code FROM projects`;
  return new Map(rows.map((r) => [r.code, r.id]));
}

export async function listProjects(sql: Sql): Promise<{ id: number; code: string; name: string; name_en: string }[]> {
  return sql`SELECT id, code, name, name_en FROM projects ORDER BY id`;
}

export async function existingCallIds(sql: Sql, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await sql<{ id: string }[]>`SELECT id FROM calls WHERE id = ANY(${ids}::text[])`;
  return new Set(rows.map((r) => r.id));
}

/** Inserts resolved calls in one statement. */
export async function insertCalls(tx: Tx, calls: (CallInput & { agentId: number; projectId: number })[]): Promise<number> {
  if (!calls.length) return 0;
  const rows = calls.map((c) => ({
    id: c.id,
    agent_id: c.agentId,
    project_id: c.projectId,
    queue: c.queue,
    started_at: c.startedAt,
    duration_seconds: c.durationSeconds,
    direction: c.direction,
    caller_account: c.callerAccount,
    scenario_code: c.scenarioCode,
    work_order_id: c.workOrderId,
    order_kind: c.orderKind,
    recording_url: c.recordingUrl,
    transcript: c.transcript,
  }));
  const res = await tx`
    INSERT INTO calls (id, agent_id, project_id, queue, started_at, duration_seconds, direction, caller_account, scenario_code, work_order_id, order_kind, recording_url, transcript)
    SELECT id, agent_id, project_id, queue, started_at, duration_seconds, direction, caller_account, scenario_code, work_order_id, order_kind, recording_url, transcript
    FROM jsonb_to_recordset(${tx.json(rows as never)}::jsonb) AS r(id text, agent_id int, project_id int, queue text, started_at timestamptz, duration_seconds int, direction text,
      caller_account text, scenario_code text, work_order_id text, order_kind text, recording_url text, transcript jsonb)`;
  return res.count;
}

const CALL_COLUMNS = `c.id, c.agent_id, u.display_name AS agent_name, u.username AS agent_username, c.project_id, p.code AS project_code, c.queue, c.started_at,
  c.duration_seconds, c.direction, c.caller_account, c.scenario_code, c.work_order_id, c.order_kind, c.recording_url, c.transcript`;

export async function findCall(sql: Sql, id: string): Promise<CallRow | undefined> {
  const [row] = await sql<CallRow[]>`SELECT ${sql.unsafe(CALL_COLUMNS)} FROM calls c JOIN users u ON u.id = c.agent_id JOIN projects p ON p.id = c.project_id WHERE c.id = ${id}`;
  return row;
}

export async function countCalls(sql: Sql): Promise<number> {
  const [row] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM calls`;
  return row.n;
}

// ── scorecards ──────────────────────────────────────────────────────────────

export interface ScorecardVersionRow {
  id: number;
  scorecard_id: number;
  code: string;
  name: string;
  version: number;
  body: ScorecardBody;
  fingerprint: string;
}

export async function latestScorecardVersion(sql: Sql, scorecardId: number): Promise<ScorecardVersionRow | undefined> {
  const [row] = await sql<ScorecardVersionRow[]>`
    SELECT v.id, v.scorecard_id, s.code, s.name, v.version, v.body, v.fingerprint
    FROM scorecard_versions v JOIN scorecards s ON s.id = v.scorecard_id
    WHERE v.scorecard_id = ${scorecardId} ORDER BY v.version DESC LIMIT 1`;
  return row;
}

export async function scorecardVersion(sql: Sql, id: number): Promise<ScorecardVersionRow | undefined> {
  const [row] = await sql<ScorecardVersionRow[]>`
    SELECT v.id, v.scorecard_id, s.code, s.name, v.version, v.body, v.fingerprint
    FROM scorecard_versions v JOIN scorecards s ON s.id = v.scorecard_id WHERE v.id = ${id}`;
  return row;
}

export async function listScorecards(sql: Sql): Promise<{ id: number; code: string; name: string; version: number }[]> {
  return sql`SELECT s.id, s.code, s.name, max(v.version)::int AS version FROM scorecards s JOIN scorecard_versions v ON v.scorecard_id = s.id GROUP BY s.id ORDER BY s.id`;
}

// ── plans, draws, samples ───────────────────────────────────────────────────

export interface PlanRow {
  id: number;
  created_by: number | null;
  name: string;
  project_ids: number[];
  period_start: string;
  period_end: string;
  scorecard_id: number;
  filters: Record<string, unknown>;
  method: Record<string, unknown>;
  seed: string;
  strategy: 'inspector' | 'peer' | 'joint' | 'mutual';
  reviewer_ids: number[];
  daily_cap: number;
  created_at: Date;
  version: number;
  /** 'once': one draw over the period; 'week': one draw per 7-day portion. */
  draw_every: 'once' | 'week';
  /** Who arbitrates disputes of this plan's evaluations (null: the centre's arbitrator, else the original inspector). */
  arbitrator_id: number | null;
}

const PLAN_COLUMNS = `id, name, project_ids, to_char(period_start, 'YYYY-MM-DD') AS period_start, to_char(period_end, 'YYYY-MM-DD') AS period_end,
  scorecard_id, filters, method, seed, strategy, reviewer_ids, daily_cap, created_at, version, created_by, draw_every, arbitrator_id`;

export async function findPlan(sql: Sql, id: number): Promise<PlanRow | undefined> {
  const [row] = await sql<PlanRow[]>`SELECT ${sql.unsafe(PLAN_COLUMNS)} FROM plans WHERE id = ${id}`;
  return row;
}

export async function listPlans(sql: Sql): Promise<(PlanRow & { samples: number; scored: number; drawn: boolean })[]> {
  return sql`
    SELECT pl.id, pl.name, pl.project_ids, to_char(pl.period_start, 'YYYY-MM-DD') AS period_start, to_char(pl.period_end, 'YYYY-MM-DD') AS period_end,
      pl.scorecard_id, pl.filters, pl.method, pl.seed, pl.strategy, pl.reviewer_ids, pl.daily_cap, pl.created_at, pl.version, pl.created_by,
      (SELECT count(*)::int FROM samples s WHERE s.plan_id = pl.id AND s.status <> 'replaced') AS samples,
      (SELECT count(*)::int FROM samples s WHERE s.plan_id = pl.id AND s.status = 'scored') AS scored,
      EXISTS (SELECT 1 FROM plan_draws d WHERE d.plan_id = pl.id) AS drawn
    FROM plans pl ORDER BY pl.id DESC`;
}

export interface NewPlan {
  name: string;
  projectIds: number[];
  periodStart: string;
  periodEnd: string;
  scorecardId: number;
  filters: Record<string, unknown>;
  method: Record<string, unknown>;
  seed: string;
  strategy: PlanRow['strategy'];
  reviewerIds: number[];
  dailyCap: number;
  createdBy: number | null;
  drawEvery?: 'once' | 'week';
  arbitratorId?: number | null;
}

export async function insertPlan(sql: Sql, p: NewPlan): Promise<number> {
  const [row] = await sql<{ id: number }[]>`
    INSERT INTO plans (name, project_ids, period_start, period_end, scorecard_id, filters, method, seed, strategy, reviewer_ids, daily_cap, created_by, draw_every, arbitrator_id)
    VALUES (${p.name}, ${sql.array(p.projectIds)}::int[], ${p.periodStart}, ${p.periodEnd}, ${p.scorecardId}, ${sql.json(p.filters as never)}, ${sql.json(p.method as never)},
            ${p.seed}, ${p.strategy}, ${sql.array(p.reviewerIds)}::int[], ${p.dailyCap}, ${p.createdBy}, ${p.drawEvery ?? 'once'}, ${p.arbitratorId ?? null})
    RETURNING id`;
  return row.id;
}

/** A call as the sampler sees it (raw columns; the service builds the CallRecord). */
export interface PopulationRow {
  id: string;
  agent_id: number;
  local_date: string;
  duration_seconds: number;
  queue: string;
  direction: string;
  project_code: string;
  order_kind: string | null;
  scenario_code: string | null;
  repeat_caller: boolean;
  tenure_days: number;
  recent_score: number | null;
}

export interface PopulationQuery {
  projectIds: number[];
  periodStart: string;
  periodEnd: string;
  timeZone: string;
  minDuration?: number;
  maxDuration?: number;
  queue?: string;
  direction?: string;
  hasRecording?: boolean;
  notEvaluated?: boolean;
  ids?: string[];
}

/** Calls in a plan's scope (or exactly `ids`, for re-deriving a stored snapshot). */
export async function population(sql: Sql, q: PopulationQuery): Promise<PopulationRow[]> {
  const byIds = q.ids !== undefined;
  return sql<PopulationRow[]>`
    WITH scoped AS (
      SELECT c.* FROM calls c WHERE ${
        byIds
          ? sql`c.id = ANY(${q.ids!}::text[])`
          : sql`c.project_id = ANY(${q.projectIds}::int[])
        AND (c.started_at AT TIME ZONE ${q.timeZone})::date BETWEEN ${q.periodStart}::date AND ${q.periodEnd}::date
        AND (${q.minDuration ?? null}::int IS NULL OR c.duration_seconds >= ${q.minDuration ?? null}::int)
        AND (${q.maxDuration ?? null}::int IS NULL OR c.duration_seconds <= ${q.maxDuration ?? null}::int)
        AND (${q.queue ?? null}::text IS NULL OR c.queue = ${q.queue ?? null}::text)
        AND (${q.direction ?? null}::text IS NULL OR c.direction = ${q.direction ?? null}::text)
        AND (${q.hasRecording ? true : null}::boolean IS NULL OR c.recording_url IS NOT NULL)
        AND (${q.notEvaluated ? true : null}::boolean IS NULL OR NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.call_id = c.id AND e.status IN ('submitted', 'released')))`
      }),
    repeats AS (
      SELECT a.id, (a.started_at - lag(a.started_at) OVER (PARTITION BY a.caller_account ORDER BY a.started_at)) <= interval '7 days' AS repeat_caller
      FROM calls a WHERE a.caller_account IN (SELECT caller_account FROM scoped)),
    scores AS (
      SELECT ec.agent_id, avg(e.score)::float8 AS recent_score FROM evaluations e JOIN calls ec ON ec.id = e.call_id
      WHERE e.status IN ('submitted', 'released') AND e.sample_id IS NOT NULL AND e.score IS NOT NULL GROUP BY ec.agent_id)
    SELECT c.id, c.agent_id, to_char((c.started_at AT TIME ZONE ${q.timeZone})::date, 'YYYY-MM-DD') AS local_date, c.duration_seconds, c.queue, c.direction,
      p.code AS project_code, c.order_kind, c.scenario_code, coalesce(r.repeat_caller, false) AS repeat_caller,
      (extract(epoch FROM (c.started_at - u.created_at)) / 86400)::int AS tenure_days, sc.recent_score
    FROM scoped c JOIN projects p ON p.id = c.project_id JOIN users u ON u.id = c.agent_id
      LEFT JOIN repeats r ON r.id = c.id LEFT JOIN scores sc ON sc.agent_id = c.agent_id
    ORDER BY c.id`;
}

export interface DrawRow {
  id: number;
  plan_id: number;
  seed: string;
  filters: Record<string, unknown>;
  method: Record<string, unknown>;
  population_ids: string[];
  population_fingerprint: string;
  sample: { callId: string; stratum: string; rank: number; key: string }[];
  strata: { stratum: string; populationSize: number; drawn: number }[];
  drawn_at: Date;
  portion: number;
  portion_start: string | null;
  portion_end: string | null;
}

export async function findDraw(sql: Sql, planId: number): Promise<DrawRow | undefined> {
  const [row] = await sql<DrawRow[]>`SELECT ${sql.unsafe(DRAW_COLUMNS)} FROM plan_draws WHERE plan_id = ${planId} ORDER BY id DESC LIMIT 1`;
  return row;
}

const DRAW_COLUMNS = `id, plan_id, seed, filters, method, population_ids, population_fingerprint, sample, strata, drawn_by, drawn_at, portion,
  to_char(portion_start, 'YYYY-MM-DD') AS portion_start, to_char(portion_end, 'YYYY-MM-DD') AS portion_end`;

/** Every draw of a plan, first portion first. */
export async function drawsOfPlan(sql: Sql, planId: number): Promise<DrawRow[]> {
  return sql<DrawRow[]>`SELECT ${sql.unsafe(DRAW_COLUMNS)} FROM plan_draws WHERE plan_id = ${planId} ORDER BY portion, id`;
}

export interface SampleListRow {
  id: number;
  plan_id: number;
  plan_name: string;
  call_id: string;
  stratum: string;
  rank: number;
  status: string;
  due_date: string | null;
  assigned_to: number | null;
  reviewer_name: string | null;
  agent_name: string;
  project_code: string;
  started_at: Date;
  duration_seconds: number;
  has_recording: boolean;
  score: number | null;
  replace_reason: string | null;
}

const SAMPLE_LIST = `SELECT s.id, s.plan_id, pl.name AS plan_name, s.call_id, s.stratum, s.rank, s.status, to_char(s.due_date, 'YYYY-MM-DD') AS due_date,
    s.assigned_to, r.display_name AS reviewer_name, a.display_name AS agent_name, p.code AS project_code, c.started_at, c.duration_seconds,
    (c.recording_url IS NOT NULL) AS has_recording, s.replace_reason,
    (SELECT e.score FROM evaluations e WHERE e.sample_id = s.id AND e.status IN ('submitted', 'released') ORDER BY e.id DESC LIMIT 1) AS score
  FROM samples s JOIN plans pl ON pl.id = s.plan_id JOIN calls c ON c.id = s.call_id JOIN users a ON a.id = c.agent_id
  JOIN projects p ON p.id = c.project_id LEFT JOIN users r ON r.id = s.assigned_to`;

/** Submitted (not yet released or retracted) evaluations of a sample, oldest first. */
export async function submittedOfSample(sql: Sql, sampleId: number): Promise<EvaluationRow[]> {
  return sql<EvaluationRow[]>`SELECT ${sql.unsafe(EVAL_COLUMNS)} FROM evaluations e JOIN users u ON u.id = e.evaluator_id
    WHERE e.sample_id = ${sampleId} AND e.status = 'submitted' ORDER BY e.id`;
}

/** The peer evaluation a recheck replaces, if the sample's current evaluation is one. */
export async function peerEvaluationOfSample(sql: Sql, sampleId: number): Promise<EvaluationRow | undefined> {
  const [row] = await sql<EvaluationRow[]>`SELECT ${sql.unsafe(EVAL_COLUMNS)} FROM evaluations e JOIN users u ON u.id = e.evaluator_id
    WHERE e.sample_id = ${sampleId} AND e.status IN ('submitted', 'retracted') AND NOT ('inspector' = ANY(u.roles)) ORDER BY e.id DESC LIMIT 1`;
  return row;
}

export async function samplesAssignedTo(sql: Sql, userId: number): Promise<SampleListRow[]> {
  return sql<SampleListRow[]>`${sql.unsafe(SAMPLE_LIST)} WHERE s.assigned_to = ${userId} AND s.status <> 'replaced'
    ORDER BY (s.status = 'scored'), c.recording_url IS NULL, s.due_date NULLS LAST, s.plan_id DESC, s.id LIMIT 500`;
}

/** A client reviewer's samples: of their project, on plans that name them as a reviewer. */
export async function clientSamples(sql: Sql, userId: number, projectId: number): Promise<SampleListRow[]> {
  return sql<SampleListRow[]>`${sql.unsafe(SAMPLE_LIST)} WHERE c.project_id = ${projectId} AND ${userId}::int = ANY(pl.reviewer_ids) AND s.status <> 'replaced'
    ORDER BY (s.assigned_to = ${userId}::int) DESC, (s.status = 'scored'), s.due_date NULLS LAST, s.plan_id DESC, s.id LIMIT 500`;
}

export async function samplesOfPlan(sql: Sql, planId: number): Promise<SampleListRow[]> {
  return sql<SampleListRow[]>`${sql.unsafe(SAMPLE_LIST)} WHERE s.plan_id = ${planId} ORDER BY s.stratum, s.rank`;
}

export interface SampleRow {
  id: number;
  plan_id: number;
  draw_id: number;
  call_id: string;
  stratum: string;
  rank: number;
  assigned_to: number | null;
  due_date: string | null;
  status: string;
  replaced_by: number | null;
  replace_reason: string | null;
}

export async function findSample(sql: Sql, id: number): Promise<SampleRow | undefined> {
  const [row] = await sql<SampleRow[]>`SELECT id, plan_id, draw_id, call_id, stratum, rank, assigned_to, to_char(due_date, 'YYYY-MM-DD') AS due_date, status, replaced_by, replace_reason
    FROM samples WHERE id = ${id}`;
  return row;
}

export async function reviewers(sql: Sql, role: 'inspector' | 'agent' | 'client'): Promise<{ id: number; username: string; display_name: string }[]> {
  return sql`SELECT id, username, display_name FROM users WHERE active AND ${role} = ANY(roles) ORDER BY username`;
}

// ── evaluations ─────────────────────────────────────────────────────────────

export interface EvaluationRow {
  id: number;
  sample_id: number | null;
  call_id: string;
  scorecard_version_id: number;
  evaluator_id: number;
  evaluator_name: string;
  evaluator_roles: string[];
  answers: Record<string, string | number>;
  comments: Record<string, { text: string; atSeconds: number | null }>;
  status: 'draft' | 'submitted' | 'released' | 'retracted';
  score: number | null;
  result: unknown;
  version: number;
  updated_at: Date;
  submitted_at: Date | null;
  released_at: Date | null;
  supersedes: number | null;
  /** Error category code per failed item. */
  error_categories: Record<string, string>;
}

const EVAL_COLUMNS = `e.id, e.sample_id, e.call_id, e.scorecard_version_id, e.evaluator_id, u.display_name AS evaluator_name, u.roles AS evaluator_roles, e.answers, e.comments, e.status, e.score,
  e.result, e.version, e.updated_at, e.submitted_at, e.released_at, e.supersedes, e.error_categories`;

/** The configurable error categories (active ones first, in list order). */
export async function errorCategories(sql: Sql, all = false): Promise<{ code: string; name: string; position: number; active: boolean }[]> {
  return sql`SELECT code, name, position, active FROM error_categories WHERE ${all} OR active ORDER BY active DESC, position, code`;
}

/** The current (not retracted) evaluation of a sample. */
export async function evaluationOfSample(sql: Sql, sampleId: number): Promise<EvaluationRow | undefined> {
  const [row] = await sql<EvaluationRow[]>`SELECT ${sql.unsafe(EVAL_COLUMNS)} FROM evaluations e JOIN users u ON u.id = e.evaluator_id
    WHERE e.sample_id = ${sampleId} AND e.status <> 'retracted' ORDER BY e.id DESC LIMIT 1`;
  return row;
}

export async function findEvaluation(sql: Sql, id: number): Promise<EvaluationRow | undefined> {
  const [row] = await sql<EvaluationRow[]>`SELECT ${sql.unsafe(EVAL_COLUMNS)} FROM evaluations e JOIN users u ON u.id = e.evaluator_id WHERE e.id = ${id}`;
  return row;
}

export async function insertEvaluation(
  sql: Sql,
  e: { sampleId: number; callId: string; scorecardVersionId: number; evaluatorId: number; answers: unknown; comments: unknown; at: Date; supersedes?: number | null; errorCategories?: Record<string, string> },
): Promise<EvaluationRow> {
  const [row] = await sql<{ id: number }[]>`
    INSERT INTO evaluations (sample_id, call_id, scorecard_version_id, evaluator_id, answers, comments, created_at, updated_at, supersedes, error_categories)
    VALUES (${e.sampleId}, ${e.callId}, ${e.scorecardVersionId}, ${e.evaluatorId}, ${sql.json(e.answers as never)}, ${sql.json(e.comments as never)}, ${e.at}, ${e.at}, ${e.supersedes ?? null},
            ${sql.json((e.errorCategories ?? {}) as never)})
    RETURNING id`;
  return (await findEvaluation(sql, row.id))!;
}

/** Saves a draft if `version` is current; undefined on a version conflict. */
export async function saveDraft(sql: Sql, id: number, version: number, answers: unknown, comments: unknown, at: Date, errorCategories: Record<string, string> = {}): Promise<number | undefined> {
  const [row] = await sql<{ version: number }[]>`
    UPDATE evaluations SET answers = ${sql.json(answers as never)}, comments = ${sql.json(comments as never)}, error_categories = ${sql.json(errorCategories as never)}, version = version + 1, updated_at = ${at}
    WHERE id = ${id} AND version = ${version} AND status = 'draft' RETURNING version`;
  return row?.version;
}

export async function submitEvaluation(
  sql: Sql,
  id: number,
  version: number,
  e: { answers: unknown; comments: unknown; score: number | null; result: unknown; at: Date; errorCategories?: Record<string, string> },
): Promise<boolean> {
  const res = await sql`
    UPDATE evaluations SET answers = ${sql.json(e.answers as never)}, comments = ${sql.json(e.comments as never)}, score = ${e.score}, result = ${sql.json(e.result as never)},
      error_categories = ${sql.json((e.errorCategories ?? {}) as never)},
      status = 'submitted', submitted_at = ${e.at}, updated_at = ${e.at}, version = version + 1
    WHERE id = ${id} AND version = ${version} AND status = 'draft'`;
  return res.count === 1;
}

export async function releaseEvaluation(sql: Sql, id: number, at: Date): Promise<boolean> {
  const res = await sql`UPDATE evaluations SET status = 'released', released_at = ${at}, updated_at = ${at}, version = version + 1 WHERE id = ${id} AND status = 'submitted'`;
  return res.count === 1;
}

export interface MyEvaluationRow extends EvaluationRow {
  started_at: Date;
  project_code: string;
  queue: string;
  recording_url: string | null;
  duration_seconds: number;
}

/** Released evaluations of the agent's own calls. */
export async function releasedForAgent(sql: Sql, agentId: number): Promise<MyEvaluationRow[]> {
  return sql<MyEvaluationRow[]>`
    SELECT ${sql.unsafe(EVAL_COLUMNS)}, c.started_at, p.code AS project_code, c.queue, c.recording_url, c.duration_seconds
    FROM evaluations e JOIN users u ON u.id = e.evaluator_id JOIN calls c ON c.id = e.call_id JOIN projects p ON p.id = c.project_id
    WHERE c.agent_id = ${agentId} AND e.status = 'released' AND e.sample_id IS NOT NULL
    ORDER BY e.released_at DESC LIMIT 200`;
}
