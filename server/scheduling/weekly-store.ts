// Database access of the weekly adjustment: leave entries, re-plan revisions, the published roster's version history,
// shift swaps, and the one place that writes changes into a published roster (version-checked).
import type { Sql } from '../db/index.ts';
import type { ReplanChange, ReplanSummary } from '../../scheduling/roster/replan.ts';
import type { RosterCell } from '../../scheduling/roster/model.ts';
import type { MonthModel } from './roster-model.ts';
import { writeCells } from './roster-store.ts';

export const LEAVE_KINDS = ['annual', 'sick', 'training', 'personal', 'other'] as const;
export type LeaveKind = (typeof LEAVE_KINDS)[number];

/** A leave entry as the leave page lists it. */
export interface LeaveRow {
  id: number;
  agent: string;
  agentName: string;
  team: string;
  from: string;
  to: string;
  kind: LeaveKind;
  note: string;
  createdAt: Date;
  createdBy: string | null;
}

/** A schedulable agent for pickers. */
export interface AgentPick {
  id: number;
  code: string;
  name: string;
  team: string;
  userId: number | null;
  skills: Record<string, number>;
}

/** Every active schedulable agent, by code. */
export async function listAgents(sql: Sql): Promise<AgentPick[]> {
  const rows = await sql<{ id: number; code: string; name: string; team: string | null; user_id: number | null; skills: Record<string, number> }[]>`
    SELECT a.id, a.code, a.name, t.code AS team, a.user_id, a.skills FROM agents_sched a LEFT JOIN teams t ON t.id = a.team_id WHERE a.active ORDER BY a.code`;
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, team: r.team ?? '', userId: r.user_id, skills: r.skills ?? {} }));
}

/** Leave that is not cancelled and ends on or after `from`, optionally for one team or agent, earliest first. */
export async function listLeave(sql: Sql, o: { from: string; team?: string; agent?: string; limit?: number }): Promise<LeaveRow[]> {
  const rows = await sql<{ id: number; code: string; name: string; team: string | null; from_date: string; to_date: string; kind: LeaveKind; note: string; created_at: Date; username: string | null }[]>`
    SELECT l.id, a.code, a.name, t.code AS team, to_char(l.from_date, 'YYYY-MM-DD') AS from_date, to_char(l.to_date, 'YYYY-MM-DD') AS to_date,
           l.kind, l.note, l.created_at, u.username
    FROM leave l JOIN agents_sched a ON a.id = l.agent_id LEFT JOIN teams t ON t.id = a.team_id LEFT JOIN users u ON u.id = l.created_by
    WHERE l.approved AND l.cancelled_at IS NULL AND l.to_date >= ${o.from}::date
      AND (${o.team ?? ''} = '' OR t.code = ${o.team ?? ''}) AND (${o.agent ?? ''} = '' OR a.code = ${o.agent ?? ''})
    ORDER BY l.from_date, a.code, l.id LIMIT ${o.limit ?? 500}`;
  return rows.map((r) => ({ id: r.id, agent: r.code, agentName: r.name, team: r.team ?? '', from: r.from_date, to: r.to_date, kind: r.kind, note: r.note, createdAt: r.created_at, createdBy: r.username }));
}

/** Stores approved leave; returns its id. */
export async function insertLeave(sql: Sql, o: { agentId: number; from: string; to: string; kind: LeaveKind; note: string; userId: number; at: Date }): Promise<number> {
  const [row] = await sql<{ id: number }[]>`
    INSERT INTO leave (agent_id, from_date, to_date, kind, note, created_by, created_at) VALUES (${o.agentId}, ${o.from}, ${o.to}, ${o.kind}, ${o.note}, ${o.userId}, ${o.at}) RETURNING id`;
  return row!.id;
}

/** Cancels leave (it stops counting); the row stays. Returns the cancelled entry, or undefined when there was none. */
export async function cancelLeave(sql: Sql, id: number, userId: number, at: Date): Promise<{ agent: string; from: string; to: string } | undefined> {
  const [row] = await sql<{ code: string; from_date: string; to_date: string }[]>`
    UPDATE leave l SET approved = false, cancelled_at = ${at}, cancelled_by = ${userId} FROM agents_sched a
    WHERE l.id = ${id} AND a.id = l.agent_id AND l.cancelled_at IS NULL AND l.approved
    RETURNING a.code, to_char(l.from_date, 'YYYY-MM-DD') AS from_date, to_char(l.to_date, 'YYYY-MM-DD') AS to_date`;
  return row && { agent: row.code, from: row.from_date, to: row.to_date };
}

/** A change list entry as stored with a revision: the re-plan's change, and whether the scheduler dropped it. */
export interface StoredChange extends ReplanChange {
  dropped?: boolean;
}

/** What a finished re-plan stored. */
export interface RevisionResult {
  window: string[];
  changes: StoredChange[];
  publishedShortfall?: number;
  before: ReplanSummary;
  after: ReplanSummary;
  /** The requirement the re-plan used for the window's days (project → date → per interval). */
  requirement: Record<string, Record<string, number[]>>;
  iterations: number;
  elapsedMs: number;
}

/** A re-plan job and, when done, its proposed revision. */
export interface RevisionRow {
  id: number;
  rosterId: number;
  month: string;
  weekStart: string;
  today: string;
  changeWeight: number;
  baseVersion: number;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled' | 'published' | 'discarded';
  progress: number;
  timeLimitMs: number;
  result: RevisionResult | null;
  error: string | null;
  createdAt: Date;
}

const revisionSelect = (sql: Sql) => sql`
  SELECT w.id, w.roster_id, r.month, to_char(w.week_start, 'YYYY-MM-DD') AS week_start, to_char(w.today, 'YYYY-MM-DD') AS today, w.change_weight,
         w.base_version, w.status, w.progress, w.time_limit_ms, w.result, w.error, w.created_at
  FROM weekly_revisions w JOIN rosters r ON r.id = w.roster_id`;

function toRevision(r: Record<string, unknown>): RevisionRow {
  return {
    id: r.id as number,
    rosterId: r.roster_id as number,
    month: r.month as string,
    weekStart: r.week_start as string,
    today: r.today as string,
    changeWeight: r.change_weight as number,
    baseVersion: r.base_version as number,
    status: r.status as RevisionRow['status'],
    progress: Number(r.progress),
    timeLimitMs: r.time_limit_ms as number,
    result: (r.result as RevisionResult | null) ?? null,
    error: r.error as string | null,
    createdAt: r.created_at as Date,
  };
}

/** A revision by id. */
export async function findRevision(sql: Sql, id: number): Promise<RevisionRow | undefined> {
  const [r] = await sql`${revisionSelect(sql)} WHERE w.id = ${id}`;
  return r && toRevision(r);
}

/** The latest revision of a roster's week. */
export async function latestRevision(sql: Sql, rosterId: number, weekStart: string): Promise<RevisionRow | undefined> {
  const [r] = await sql`${revisionSelect(sql)} WHERE w.roster_id = ${rosterId} AND w.week_start = ${weekStart}::date ORDER BY w.id DESC LIMIT 1`;
  return r && toRevision(r);
}

/** A version of a published roster with its change list. */
export interface VersionRow {
  version: number;
  kind: 'publish' | 'replan' | 'swap' | 'intraday';
  changes: StoredChange[];
  note: string;
  by: string | null;
  at: Date;
}

/** Every recorded version of a roster, newest first. */
export async function listVersions(sql: Sql, rosterId: number): Promise<VersionRow[]> {
  const rows = await sql<{ version: number; kind: VersionRow['kind']; changes: StoredChange[]; note: string; username: string | null; display_name: string | null; created_at: Date }[]>`
    SELECT v.version, v.kind, v.changes, v.note, u.username, u.display_name, v.created_at
    FROM roster_versions v LEFT JOIN users u ON u.id = v.created_by WHERE v.roster_id = ${rosterId} ORDER BY v.version DESC`;
  return rows.map((r) => ({ version: r.version, kind: r.kind, changes: r.changes, note: r.note, by: r.display_name ?? r.username, at: r.created_at }));
}

/** One change to an agent's published schedule, with who made it and when. */
export interface MyChange {
  date: string;
  from: RosterCell;
  to: RosterCell;
  kind: VersionRow['kind'];
  by: string | null;
  at: Date;
}

/** Changes to one agent's published cells recorded since `since`, newest first per date. */
export async function recentChangesFor(sql: Sql, agentCode: string, since: Date): Promise<MyChange[]> {
  const rows = await sql<{ change: StoredChange; kind: VersionRow['kind']; username: string | null; display_name: string | null; created_at: Date }[]>`
    SELECT x.change, v.kind, u.username, u.display_name, v.created_at
    FROM roster_versions v CROSS JOIN LATERAL jsonb_array_elements(v.changes) AS x(change)
    LEFT JOIN users u ON u.id = v.created_by
    WHERE v.created_at >= ${since} AND x.change->>'agent' = ${agentCode} AND NOT coalesce((x.change->>'dropped')::boolean, false)
    ORDER BY v.created_at DESC, v.version DESC`;
  return rows.map((r) => ({ date: r.change.date, from: r.change.from, to: r.change.to, kind: r.kind, by: r.display_name ?? r.username, at: r.created_at }));
}

/**
 * Writes changes into a published roster inside `tx`: refuses (false) unless the roster is published at
 * `expectedVersion`; bumps the version and records it with its change list. Locked flags stay as they are.
 */
export async function publishChanges(
  tx: Sql,
  o: { rosterId: number; mm: MonthModel; expectedVersion: number; kind: VersionRow['kind']; changes: readonly StoredChange[]; note?: string; userId: number; at: Date; locked: ReadonlySet<string> },
): Promise<number | null> {
  const [bumped] = await tx<{ version: number }[]>`
    UPDATE rosters SET version = version + 1 WHERE id = ${o.rosterId} AND status = 'published' AND version = ${o.expectedVersion} RETURNING version`;
  if (!bumped) return null;
  const kept = o.changes.filter((c) => !c.dropped);
  await writeCells(tx, o.rosterId, o.mm, kept.map((c) => ({ agent: c.agent, date: c.date, shift: c.to.shift, project: c.to.shift ? c.to.project : null, locked: o.locked.has(`${c.agent}|${c.date}`) })));
  await tx`INSERT INTO roster_versions (roster_id, version, kind, changes, note, created_by, created_at)
           VALUES (${o.rosterId}, ${bumped.version}, ${o.kind}, ${tx.json(kept as never)}, ${o.note ?? ''}, ${o.userId}, ${o.at})`;
  return bumped.version;
}

/** A swap request as the pages show it. */
export interface SwapRow {
  id: number;
  rosterId: number;
  month: string;
  requester: { id: number; code: string; name: string; userId: number | null };
  requesterDate: string;
  colleague: { id: number; code: string; name: string; userId: number | null };
  colleagueDate: string;
  note: string;
  status: 'pending' | 'accepted' | 'approved' | 'rejected' | 'withdrawn';
  check: SwapCheck;
  createdAt: Date;
  decidedAt: Date | null;
}

/** The rule check of a swap: hard rules it would break, soft penalty change per rule. */
export interface SwapCheck {
  hard: { rule: string; name: string; nameEn: string; count: number }[];
  soft: { rule: string; name: string; nameEn: string; delta: number }[];
  softDelta: number;
  cells: { agent: string; date: string; from: RosterCell; to: RosterCell }[];
}

const swapSelect = (sql: Sql) => sql`
  SELECT s.id, s.roster_id, r.month, s.requester_id, ra.code AS r_code, ra.name AS r_name, ra.user_id AS r_user, to_char(s.requester_date, 'YYYY-MM-DD') AS requester_date,
         s.colleague_id, ca.code AS c_code, ca.name AS c_name, ca.user_id AS c_user, to_char(s.colleague_date, 'YYYY-MM-DD') AS colleague_date,
         s.note, s.status, s.check_result, s.created_at, s.decided_at
  FROM shift_swaps s JOIN rosters r ON r.id = s.roster_id JOIN agents_sched ra ON ra.id = s.requester_id JOIN agents_sched ca ON ca.id = s.colleague_id`;

function toSwap(r: Record<string, unknown>): SwapRow {
  return {
    id: r.id as number,
    rosterId: r.roster_id as number,
    month: r.month as string,
    requester: { id: r.requester_id as number, code: r.r_code as string, name: r.r_name as string, userId: r.r_user as number | null },
    requesterDate: r.requester_date as string,
    colleague: { id: r.colleague_id as number, code: r.c_code as string, name: r.c_name as string, userId: r.c_user as number | null },
    colleagueDate: r.colleague_date as string,
    note: r.note as string,
    status: r.status as SwapRow['status'],
    check: r.check_result as SwapCheck,
    createdAt: r.created_at as Date,
    decidedAt: r.decided_at as Date | null,
  };
}

/** A swap by id. */
export async function findSwap(sql: Sql, id: number): Promise<SwapRow | undefined> {
  const [r] = await sql`${swapSelect(sql)} WHERE s.id = ${id}`;
  return r && toSwap(r);
}

/** Swaps, open ones (pending/accepted) first, then the latest decided. */
export async function listSwaps(sql: Sql, o: { agentId?: number; limit?: number } = {}): Promise<SwapRow[]> {
  const rows = await sql`${swapSelect(sql)}
    WHERE (${o.agentId ?? 0} = 0 OR s.requester_id = ${o.agentId ?? 0} OR s.colleague_id = ${o.agentId ?? 0})
    ORDER BY (s.status IN ('pending', 'accepted')) DESC, s.id DESC LIMIT ${o.limit ?? 100}`;
  return rows.map(toSwap);
}

/** Stores a swap request; returns its id. */
export async function insertSwap(sql: Sql, o: { rosterId: number; requesterId: number; requesterDate: string; colleagueId: number; colleagueDate: string; note: string; check: SwapCheck; userId: number | null; at: Date }): Promise<number> {
  const [row] = await sql<{ id: number }[]>`
    INSERT INTO shift_swaps (roster_id, requester_id, requester_date, colleague_id, colleague_date, note, check_result, created_by, created_at)
    VALUES (${o.rosterId}, ${o.requesterId}, ${o.requesterDate}, ${o.colleagueId}, ${o.colleagueDate}, ${o.note}, ${sql.json(o.check as never)}, ${o.userId}, ${o.at}) RETURNING id`;
  return row!.id;
}

/** Moves a swap from one of `from` to `to`; false when it was not in one of those states (someone acted first). */
export async function setSwapStatus(sql: Sql, id: number, from: SwapRow['status'][], to: SwapRow['status'], o: { userId: number; at: Date; check?: SwapCheck }): Promise<boolean> {
  const decided = to === 'approved' || to === 'rejected';
  const rows = await sql`
    UPDATE shift_swaps SET status = ${to},
      accepted_at = CASE WHEN ${to} = 'accepted' THEN ${o.at}::timestamptz ELSE accepted_at END,
      decided_by = CASE WHEN ${decided} THEN ${o.userId}::integer ELSE decided_by END,
      decided_at = CASE WHEN ${decided} THEN ${o.at}::timestamptz ELSE decided_at END,
      check_result = coalesce(${o.check ? sql.json(o.check as never) : null}::jsonb, check_result)
    WHERE id = ${id} AND status IN ${sql(from)} RETURNING id`;
  return rows.length > 0;
}
