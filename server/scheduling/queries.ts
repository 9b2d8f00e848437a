// SQL of the scheduling area: interval history, forecast adjustments, special days, projects' targets.
import type { Sql } from '../db/index.ts';
import type { HistoryRow } from '../../scheduling/history.ts';
import type { SpecialDay } from '../../scheduling/forecast.ts';

/** A project (queue) with its service-level target. */
export interface ProjectRow {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  slTarget: number;
  slSeconds: number;
}

export async function listProjects(sql: Sql): Promise<ProjectRow[]> {
  const rows = await sql<{ id: number; code: string; name: string; name_en: string; sl_target: string; sl_seconds: number }[]>`
    SELECT id, code, name, name_en, sl_target, sl_seconds FROM projects ORDER BY id`;
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, nameEn: r.name_en, slTarget: Number(r.sl_target), slSeconds: r.sl_seconds }));
}

/** Rows per insert statement: arrays through unnest keep one round trip per batch. */
const BATCH = 5000;

/**
 * Inserts (or replaces) history rows; `projectIds` maps project codes to ids. Runs on the given
 * connection or transaction, in batches of unnest arrays.
 */
export async function upsertHistory(sql: Sql, rows: readonly HistoryRow[], projectIds: ReadonlyMap<string, number>): Promise<number> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const ids = batch.map((r) => projectIds.get(r.project)!);
    const starts = batch.map((r) => r.intervalStart);
    const offered = batch.map((r) => r.callsOffered);
    const handled = batch.map((r) => r.callsHandled);
    const aht = batch.map((r) => r.ahtSeconds);
    await sql`
      INSERT INTO interval_history (project_id, interval_start, calls_offered, calls_handled, aht_seconds)
      SELECT * FROM unnest(${sql.array(ids)}::int[], ${sql.array(starts)}::timestamptz[], ${sql.array(offered)}::int[], ${sql.array(handled)}::int[], ${sql.array(aht)}::real[])
      ON CONFLICT (project_id, interval_start) DO UPDATE
        SET calls_offered = EXCLUDED.calls_offered, calls_handled = EXCLUDED.calls_handled, aht_seconds = EXCLUDED.aht_seconds`;
  }
  return rows.length;
}

/** History of one project from an instant on (inclusive), oldest first. */
export async function historySince(sql: Sql, project: ProjectRow, since: Date): Promise<HistoryRow[]> {
  const rows = await sql<{ interval_start: Date; calls_offered: number; calls_handled: number; aht_seconds: number }[]>`
    SELECT interval_start, calls_offered, calls_handled, aht_seconds FROM interval_history
    WHERE project_id = ${project.id} AND interval_start >= ${since} ORDER BY interval_start`;
  return rows.map((r) => ({ project: project.code, intervalStart: r.interval_start.toISOString(), callsOffered: r.calls_offered, callsHandled: r.calls_handled, ahtSeconds: Number(r.aht_seconds) }));
}

/** Latest interval start in a project's history, or null without history. */
export async function lastHistoryInstant(sql: Sql, projectId: number): Promise<Date | null> {
  const [row] = await sql<{ last: Date | null }[]>`SELECT max(interval_start) AS last FROM interval_history WHERE project_id = ${projectId}`;
  return row?.last ?? null;
}

/** What the history holds per project: intervals, first and last instant, calls. */
export interface HistorySummary {
  projectId: number;
  intervals: number;
  first: Date | null;
  last: Date | null;
  calls: number;
}

export async function historySummary(sql: Sql): Promise<HistorySummary[]> {
  const rows = await sql<{ project_id: number; n: string; first: Date | null; last: Date | null; calls: string | null }[]>`
    SELECT p.id AS project_id, count(h.interval_start) AS n, min(h.interval_start) AS first, max(h.interval_start) AS last, sum(h.calls_offered) AS calls
    FROM projects p LEFT JOIN interval_history h ON h.project_id = p.id GROUP BY p.id ORDER BY p.id`;
  return rows.map((r) => ({ projectId: r.project_id, intervals: Number(r.n), first: r.first, last: r.last, calls: Number(r.calls ?? 0) }));
}

/** Special days that touch a date range, for one project (its own and the centre-wide ones). */
export async function specialDaysFor(sql: Sql, project: ProjectRow, from: string, to: string): Promise<SpecialDay[]> {
  const rows = await sql<{ from_date: string; to_date: string; label: string; factor: string; like_weekday: number | null; project_id: number | null }[]>`
    SELECT to_char(from_date, 'YYYY-MM-DD') AS from_date, to_char(to_date, 'YYYY-MM-DD') AS to_date, label, factor, like_weekday, project_id
    FROM special_days
    WHERE (project_id IS NULL OR project_id = ${project.id}) AND from_date <= ${to}::date AND to_date >= ${from}::date
    ORDER BY from_date, id`;
  return rows.map((r) => ({
    from: r.from_date,
    to: r.to_date,
    label: r.label,
    factor: Number(r.factor),
    ...(r.like_weekday === null ? {} : { likeWeekday: r.like_weekday }),
    ...(r.project_id === null ? {} : { project: project.code }),
  }));
}

/** A stored hand adjustment of the forecast, with who made it and when. */
export interface AdjustmentRow {
  id: number;
  projectId: number;
  date: string;
  interval: number | null;
  factor: number | null;
  calls: number | null;
  note: string;
  byName: string;
  at: Date;
}

type AdjustmentDbRow = { id: number; project_id: number; date: string; interval: number | null; factor: string | null; calls: string | null; note: string; created_by_name: string; created_at: Date };

function toAdjustment(r: AdjustmentDbRow): AdjustmentRow {
  return {
    id: r.id,
    projectId: r.project_id,
    date: r.date,
    interval: r.interval,
    factor: r.factor === null ? null : Number(r.factor),
    calls: r.calls === null ? null : Number(r.calls),
    note: r.note,
    byName: r.created_by_name,
    at: r.created_at,
  };
}

/** Adjustments of one project on the dates from..to, in the order they were made (and are applied). */
export async function adjustmentsFor(sql: Sql, projectId: number, from: string, to: string): Promise<AdjustmentRow[]> {
  const rows = await sql<AdjustmentDbRow[]>`
    SELECT id, project_id, to_char(date, 'YYYY-MM-DD') AS date, interval, factor, calls, note, created_by_name, created_at
    FROM forecast_adjustments WHERE project_id = ${projectId} AND date BETWEEN ${from}::date AND ${to}::date ORDER BY id`;
  return rows.map(toAdjustment);
}

export async function findAdjustment(sql: Sql, id: number): Promise<AdjustmentRow | undefined> {
  const [row] = await sql<AdjustmentDbRow[]>`
    SELECT id, project_id, to_char(date, 'YYYY-MM-DD') AS date, interval, factor, calls, note, created_by_name, created_at
    FROM forecast_adjustments WHERE id = ${id}`;
  return row ? toAdjustment(row) : undefined;
}

export async function insertAdjustment(
  sql: Sql,
  a: { projectId: number; date: string; interval: number | null; factor: number | null; calls: number | null; note: string; byId: number; byName: string; at: Date },
): Promise<AdjustmentRow> {
  const [row] = await sql<AdjustmentDbRow[]>`
    INSERT INTO forecast_adjustments (project_id, date, interval, factor, calls, note, created_by, created_by_name, created_at)
    VALUES (${a.projectId}, ${a.date}::date, ${a.interval}, ${a.factor}, ${a.calls}, ${a.note}, ${a.byId}, ${a.byName}, ${a.at})
    RETURNING id, project_id, to_char(date, 'YYYY-MM-DD') AS date, interval, factor, calls, note, created_by_name, created_at`;
  return toAdjustment(row);
}

export async function deleteAdjustment(sql: Sql, id: number): Promise<boolean> {
  const rows = await sql`DELETE FROM forecast_adjustments WHERE id = ${id} RETURNING id`;
  return rows.length > 0;
}

/** Whether a table exists in the current schema (for reading other areas' tables that may not exist yet). */
export async function tableExists(sql: Sql, name: string): Promise<boolean> {
  const [row] = await sql<{ t: string | null }[]>`SELECT to_regclass(${name})::text AS t`;
  return !!row?.t;
}
