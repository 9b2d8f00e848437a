// Database access of the monthly roster: the roster row, its cells, the undo history and the solve jobs.
import type { Sql } from '../db/index.ts';
import type { Roster, RosterCell } from '../../scheduling/roster/model.ts';
import type { MonthModel } from './roster-model.ts';

type Tx = Sql;

/** A roster row. */
export interface RosterRow {
  id: number;
  month: string;
  status: 'draft' | 'published';
  version: number;
  requirement: Record<string, number[][]>;
  lowerBound: number | null;
  publishedAt: Date | null;
}

/** A stored cell; agent is the agents_sched code. */
export interface StoredCell {
  agent: string;
  date: string;
  shift: string | null;
  project: string | null;
  locked: boolean;
}

/** One cell's change, before and after, as undo needs it. */
export interface CellChange {
  agent: string;
  date: string;
  before: { shift: string | null; project: string | null; locked: boolean };
  after: { shift: string | null; project: string | null; locked: boolean };
}

/** A solve job row. */
export interface JobRow {
  id: number;
  rosterId: number;
  month: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  progress: number;
  bestHard: number | null;
  bestSoft: number | null;
  timeLimitMs: number;
  startedAt: Date | null;
  finishedAt: Date | null;
  error: string | null;
}

/** The roster of a month, if one exists. */
export async function findRoster(sql: Sql, month: string): Promise<RosterRow | undefined> {
  const [r] = await sql<{ id: number; month: string; status: 'draft' | 'published'; version: number; requirement: Record<string, number[][]>; lower_bound: number | null; published_at: Date | null }[]>`
    SELECT id, month, status, version, requirement, lower_bound, published_at FROM rosters WHERE month = ${month}`;
  return r && { id: r.id, month: r.month, status: r.status, version: r.version, requirement: r.requirement, lowerBound: r.lower_bound, publishedAt: r.published_at };
}

/** Creates the month's draft roster (or returns the existing one). */
export async function ensureRoster(sql: Sql, month: string, requirement: Record<string, number[][]>, userId: number): Promise<RosterRow> {
  await sql`INSERT INTO rosters (month, requirement, created_by) VALUES (${month}, ${sql.json(requirement as never)}, ${userId}) ON CONFLICT (month) DO NOTHING`;
  return (await findRoster(sql, month))!;
}

/** Every stored cell of a roster (days off are stored only when locked). */
export async function loadCells(sql: Sql, rosterId: number): Promise<StoredCell[]> {
  return sql<StoredCell[]>`
    SELECT a.code AS agent, to_char(c.date, 'YYYY-MM-DD') AS date, c.shift_code AS shift, c.project_code AS project, c.locked
    FROM roster_cells c JOIN agents_sched a ON a.id = c.agent_id WHERE c.roster_id = ${rosterId}`;
}

/** The model's roster from stored cells, and the locked cells as "agent|date" keys. */
export function rosterFromCells(mm: MonthModel, cells: readonly StoredCell[]): { roster: Roster; locked: Set<string> } {
  const roster: Roster = {};
  const dayIndex = new Map(mm.model.days.map((d, i) => [d.date, i]));
  for (const a of mm.model.agents) roster[a.id] = mm.model.days.map(() => ({ shift: null, project: null }));
  const locked = new Set<string>();
  for (const c of cells) {
    const d = dayIndex.get(c.date);
    if (d === undefined || !roster[c.agent]) continue;
    roster[c.agent]![d] = { shift: c.shift, project: c.project };
    if (c.locked) locked.add(`${c.agent}|${c.date}`);
  }
  return { roster, locked };
}

/** Writes cells (upsert; a day off that is not locked is deleted). */
export async function writeCells(tx: Tx, rosterId: number, mm: MonthModel, cells: readonly StoredCell[]): Promise<void> {
  const keep = cells.filter((c) => c.shift || c.locked).map((c) => ({ agent_id: mm.byCode.get(c.agent)!.id, date: c.date, shift: c.shift, project: c.shift ? c.project : null, locked: c.locked }));
  const drop = cells.filter((c) => !c.shift && !c.locked).map((c) => ({ agent_id: mm.byCode.get(c.agent)!.id, date: c.date }));
  if (drop.length) {
    await tx`DELETE FROM roster_cells c USING jsonb_to_recordset(${tx.json(drop as never)}) AS x(agent_id integer, date date)
             WHERE c.roster_id = ${rosterId} AND c.agent_id = x.agent_id AND c.date = x.date`;
  }
  if (keep.length) {
    await tx`INSERT INTO roster_cells (roster_id, agent_id, date, shift_code, project_code, locked)
             SELECT ${rosterId}, x.agent_id, x.date, x.shift, x.project, x.locked
             FROM jsonb_to_recordset(${tx.json(keep as never)}) AS x(agent_id integer, date date, shift text, project text, locked boolean)
             ON CONFLICT (roster_id, agent_id, date) DO UPDATE SET shift_code = EXCLUDED.shift_code, project_code = EXCLUDED.project_code, locked = EXCLUDED.locked`;
  }
}

/** Records an edit for undo and bumps the roster's version; false when the version moved (someone else edited). */
export async function recordEdit(tx: Tx, rosterId: number, expectedVersion: number | null, kind: string, changes: readonly CellChange[], userId: number | null): Promise<boolean> {
  const bumped = expectedVersion === null
    ? await tx`UPDATE rosters SET version = version + 1 WHERE id = ${rosterId} AND status = 'draft' RETURNING id`
    : await tx`UPDATE rosters SET version = version + 1 WHERE id = ${rosterId} AND status = 'draft' AND version = ${expectedVersion} RETURNING id`;
  if (!bumped.length) return false;
  if (changes.length) {
    await tx`INSERT INTO roster_history (roster_id, seq, kind, changes, created_by)
             VALUES (${rosterId}, (SELECT coalesce(max(seq), 0) + 1 FROM roster_history WHERE roster_id = ${rosterId}), ${kind}, ${tx.json(changes as never)}, ${userId})`;
  }
  return true;
}

/** The last recorded edit of a roster (what undo would revert). */
export async function lastEdit(sql: Sql, rosterId: number): Promise<{ seq: number; kind: string; changes: CellChange[] } | undefined> {
  const [h] = await sql<{ seq: number; kind: string; changes: CellChange[] }[]>`
    SELECT seq, kind, changes FROM roster_history WHERE roster_id = ${rosterId} ORDER BY seq DESC LIMIT 1`;
  return h;
}

/** Removes a history entry (after undoing it). */
export async function dropEdit(tx: Tx, rosterId: number, seq: number): Promise<void> {
  await tx`DELETE FROM roster_history WHERE roster_id = ${rosterId} AND seq = ${seq}`;
}

/** The changes that turn roster `from` into roster `to` (locks kept as they are). */
export function diffRosters(mm: MonthModel, from: Roster, to: Roster, locked: ReadonlySet<string>): CellChange[] {
  const out: CellChange[] = [];
  for (const a of mm.model.agents) {
    mm.model.days.forEach((day, d) => {
      const x: RosterCell = from[a.id]![d]!;
      const y: RosterCell = to[a.id]![d]!;
      if (x.shift === y.shift && x.project === y.project) return;
      const lock = locked.has(`${a.id}|${day.date}`);
      out.push({ agent: a.id, date: day.date, before: { shift: x.shift, project: x.project, locked: lock }, after: { shift: y.shift, project: y.project, locked: lock } });
    });
  }
  return out;
}

const jobColumns = (sql: Sql) => sql`j.id, j.roster_id, r.month, j.status, j.progress, j.best_hard, j.best_soft, j.time_limit_ms, j.started_at, j.finished_at, j.error`;

function toJob(j: Record<string, unknown>): JobRow {
  return {
    id: j.id as number,
    rosterId: j.roster_id as number,
    month: j.month as string,
    status: j.status as JobRow['status'],
    progress: Number(j.progress),
    bestHard: j.best_hard === null ? null : Number(j.best_hard),
    bestSoft: j.best_soft === null ? null : Number(j.best_soft),
    timeLimitMs: j.time_limit_ms as number,
    startedAt: j.started_at as Date | null,
    finishedAt: j.finished_at as Date | null,
    error: j.error as string | null,
  };
}

/** A job by id. */
export async function findJob(sql: Sql, id: number): Promise<JobRow | undefined> {
  const [j] = await sql`SELECT ${jobColumns(sql)} FROM roster_jobs j JOIN rosters r ON r.id = j.roster_id WHERE j.id = ${id}`;
  return j && toJob(j);
}

/** The latest job of a roster. */
export async function latestJob(sql: Sql, rosterId: number): Promise<JobRow | undefined> {
  const [j] = await sql`SELECT ${jobColumns(sql)} FROM roster_jobs j JOIN rosters r ON r.id = j.roster_id WHERE j.roster_id = ${rosterId} ORDER BY j.id DESC LIMIT 1`;
  return j && toJob(j);
}
