// Today's reported interval actuals in: CSV (upload, API) or JSON (API), all-or-nothing with line- or index-numbered
// errors; stored in intraday_actuals in one transaction that also moves every touched day's version on.
import type { Sql } from '../db/index.ts';
import { mulberry32 } from '../../scheduling/demo/history.ts';
import { intervalStart, localDateOf } from '../../scheduling/time.ts';
import { listProjects } from './queries.ts';
import { hashOf, INTERVAL_MINUTES, type IntradayDay } from './intraday-state.ts';

/** One reported interval of one project. */
export interface ActualRow {
  project: string;
  /** ISO instant in UTC. */
  intervalStart: string;
  callsOffered: number;
  callsHandled: number;
  ahtSeconds: number;
  serviceLevel: number | null;
}

/** A problem with one record: its CSV line (header = 1) or its JSON array index. */
export type ActualError = { line: number; message: string } | { index: number; message: string };

export type ActualsParse = { ok: true; rows: ActualRow[] } | { ok: false; errors: ActualError[] };

export const ACTUAL_COLUMNS = ['project', 'interval_start', 'calls_offered', 'calls_handled', 'aht_seconds'] as const;
const OPTIONAL = 'service_level';
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
/** Most records one upload or API call may carry (a day of four projects is 192). */
export const MAX_ACTUAL_ROWS = 5000;

/** RFC 4180 records with the line each starts on; blank lines skipped. */
function csvRecords(text: string): { line: number; fields: string[] }[] {
  const out: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let any = false;
  const end = () => {
    fields.push(field);
    if (any || fields.length > 1) out.push({ line: start, fields });
    fields = [];
    field = '';
    any = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (!any && fields.length === 0 && field === '') start = line;
    if (ch === '"') {
      quoted = true;
      any = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      any = true;
    } else if (ch === '\n') {
      end();
      line++;
    } else if (ch !== '\r') {
      field += ch;
      if (ch.trim()) any = true;
    }
  }
  if (any || fields.length) end();
  return out;
}

/** Checks one record's raw values; returns the row or the problems with it. */
function checkRecord(raw: Record<string, unknown>, projects: ReadonlySet<string>): ActualRow | string[] {
  const problems: string[] = [];
  const text = (k: string) => (raw[k] === undefined || raw[k] === null ? '' : String(raw[k]).trim());
  const project = text('project');
  if (!project) problems.push('project is missing');
  else if (!projects.has(project)) problems.push(`unknown project "${project}" (known: ${[...projects].join(', ')})`);
  const startText = text('interval_start');
  let start: Date | null = null;
  if (!ISO_WITH_OFFSET.test(startText)) problems.push(`interval_start "${startText}" is not an ISO 8601 time with an offset, e.g. 2026-11-25T10:00:00+08:00`);
  else {
    start = new Date(startText);
    if (Number.isNaN(start.getTime())) problems.push(`interval_start "${startText}" is not a valid time`);
    else if (start.getTime() % (INTERVAL_MINUTES * 60_000) !== 0) problems.push(`interval_start ${startText} does not start a ${INTERVAL_MINUTES}-minute interval`);
  }
  const whole = (k: string): number => {
    const s = text(k);
    if (!/^\d+$/.test(s)) {
      problems.push(`${k} "${s}" must be a whole number ≥ 0`);
      return NaN;
    }
    return Number(s);
  };
  const offered = whole('calls_offered');
  const handled = whole('calls_handled');
  if (handled > offered) problems.push(`calls_handled ${handled} exceeds calls_offered ${offered}`);
  const ahtText = text('aht_seconds');
  const aht = Number(ahtText);
  if (!ahtText || !Number.isFinite(aht) || aht < 0 || aht > 7200) problems.push(`aht_seconds "${ahtText}" must be a number of seconds from 0 to 7200`);
  const slText = text(OPTIONAL);
  const sl = slText === '' ? null : Number(slText);
  if (sl !== null && !(Number.isFinite(sl) && sl >= 0 && sl <= 1)) problems.push(`service_level "${slText}" must be a share from 0 to 1`);
  if (problems.length) return problems;
  return { project, intervalStart: start!.toISOString(), callsOffered: offered, callsHandled: handled, ahtSeconds: aht, serviceLevel: sl };
}

function duplicates<E extends ActualError>(rows: { row: ActualRow; at: E }[]): E[] {
  const seen = new Map<string, E>();
  const out: E[] = [];
  for (const { row, at } of rows) {
    const key = `${row.project}|${row.intervalStart}`;
    const first = seen.get(key);
    if (first) out.push({ ...at, message: `${'line' in at ? `line ${at.line}` : `index ${(at as { index: number }).index}`}: ${row.project} ${row.intervalStart} appears twice (first at ${'line' in first ? `line ${first.line}` : `index ${(first as { index: number }).index}`})` });
    else seen.set(key, at);
  }
  return out;
}

/**
 * Parses actuals CSV (`project,interval_start,calls_offered,calls_handled,aht_seconds[,service_level]`).
 * @example parseActualsCsv('project,interval_start,calls_offered,calls_handled,aht_seconds\n95598,2026-11-25T10:00:00+08:00,500,480,250\n', new Set(['95598']))
 *   // { ok: true, rows: [{ project: '95598', intervalStart: '2026-11-25T02:00:00.000Z', callsOffered: 500, callsHandled: 480, ahtSeconds: 250, serviceLevel: null }] }
 */
export function parseActualsCsv(text: string, projects: ReadonlySet<string>): ActualsParse {
  const records = csvRecords(text.replace(/^\uFEFF/, ''));
  const [header, ...data] = records;
  const expected = `${ACTUAL_COLUMNS.join(',')}[,${OPTIONAL}]`;
  if (!header) return { ok: false, errors: [{ line: 1, message: `line 1: the file is empty; expected a header ${expected}` }] };
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const missing = ACTUAL_COLUMNS.filter((c) => !names.includes(c));
  const unknown = names.filter((n) => !(ACTUAL_COLUMNS as readonly string[]).includes(n) && n !== OPTIONAL);
  if (missing.length || unknown.length) {
    const parts = [missing.length ? `missing ${missing.join(', ')}` : '', unknown.length ? `unknown column(s) ${unknown.join(', ')}` : ''].filter(Boolean);
    return { ok: false, errors: [{ line: header.line, message: `line ${header.line}: header must be ${expected}; ${parts.join('; ')}` }] };
  }
  if (!data.length) return { ok: false, errors: [{ line: header.line, message: `line ${header.line}: no data rows after the header` }] };
  if (data.length > MAX_ACTUAL_ROWS) return { ok: false, errors: [{ line: data[MAX_ACTUAL_ROWS]!.line, message: `line ${data[MAX_ACTUAL_ROWS]!.line}: more than ${MAX_ACTUAL_ROWS} rows in one upload` }] };
  const errors: ActualError[] = [];
  const good: { row: ActualRow; at: { line: number; message: string } }[] = [];
  for (const r of data) {
    if (r.fields.length !== names.length) {
      errors.push({ line: r.line, message: `line ${r.line}: ${r.fields.length} fields, the header has ${names.length}` });
      continue;
    }
    const raw = Object.fromEntries(names.map((n, i) => [n, r.fields[i]]));
    const checked = checkRecord(raw, projects);
    if (Array.isArray(checked)) for (const m of checked) errors.push({ line: r.line, message: `line ${r.line}: ${m}` });
    else good.push({ row: checked, at: { line: r.line, message: '' } });
  }
  errors.push(...duplicates(good.map((g) => ({ row: g.row, at: g.at }))));
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => ('line' in a && 'line' in b ? a.line - b.line : 0)) };
  return { ok: true, rows: good.map((g) => g.row) };
}

/**
 * Parses the API's JSON body `{ intervals: [{ project, intervalStart, callsOffered, callsHandled, ahtSeconds, serviceLevel? }] }`.
 * @example parseActualsJson({ intervals: [] }, new Set(['95598'])) // { ok: false, errors: [{ index: 0, message: 'intervals must be a non-empty array' }] }
 */
export function parseActualsJson(body: unknown, projects: ReadonlySet<string>): ActualsParse {
  const list = (body as { intervals?: unknown } | null)?.intervals;
  if (!Array.isArray(list) || list.length === 0) return { ok: false, errors: [{ index: 0, message: 'intervals must be a non-empty array' }] };
  if (list.length > MAX_ACTUAL_ROWS) return { ok: false, errors: [{ index: MAX_ACTUAL_ROWS, message: `more than ${MAX_ACTUAL_ROWS} intervals in one request` }] };
  const errors: ActualError[] = [];
  const good: { row: ActualRow; at: { index: number; message: string } }[] = [];
  list.forEach((item, index) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      errors.push({ index, message: `index ${index}: must be an object` });
      return;
    }
    const o = item as Record<string, unknown>;
    const raw = { project: o.project, interval_start: o.intervalStart, calls_offered: o.callsOffered, calls_handled: o.callsHandled, aht_seconds: o.ahtSeconds, service_level: o.serviceLevel };
    const checked = checkRecord(raw, projects);
    if (Array.isArray(checked)) for (const m of checked) errors.push({ index, message: `index ${index}: ${m.replace(/^interval_start/, 'intervalStart').replace(/^calls_offered/, 'callsOffered').replace(/^calls_handled/, 'callsHandled').replace(/^aht_seconds/, 'ahtSeconds').replace(/^service_level/, 'serviceLevel')}` });
    else good.push({ row: checked, at: { index, message: '' } });
  });
  errors.push(...duplicates(good));
  return errors.length ? { ok: false, errors } : { ok: true, rows: good.map((g) => g.row) };
}

/** What an import stored: rows, per project, and the local dates it touched. */
export interface ActualsStored {
  imported: number;
  byProject: Record<string, number>;
  dates: string[];
}

/** The known project codes. */
export async function projectCodes(sql: Sql): Promise<Set<string>> {
  return new Set((await listProjects(sql)).map((p) => p.code));
}

/** Stores parsed actuals (replacing earlier reports of the same intervals) and moves each touched day's version on. */
export async function storeActuals(sql: Sql, rows: readonly ActualRow[], timeZone: string, at: Date): Promise<ActualsStored> {
  const ids = new Map((await listProjects(sql)).map((p) => [p.code, p.id]));
  const dates = [...new Set(rows.map((r) => localDateOf(new Date(r.intervalStart), { timeZone })))].sort();
  const byProject: Record<string, number> = {};
  for (const r of rows) byProject[r.project] = (byProject[r.project] ?? 0) + 1;
  await sql.begin(async (tx) => {
    const t = tx as unknown as Sql;
    await t`
      INSERT INTO intraday_actuals (project_id, interval_start, calls_offered, calls_handled, aht_seconds, service_level, reported_at)
      SELECT p, s, o, h, a, NULLIF(l, -1), ${at} FROM unnest(
        ${t.array(rows.map((r) => ids.get(r.project)!))}::int[], ${t.array(rows.map((r) => r.intervalStart))}::timestamptz[],
        ${t.array(rows.map((r) => r.callsOffered))}::int[], ${t.array(rows.map((r) => r.callsHandled))}::int[],
        ${t.array(rows.map((r) => r.ahtSeconds))}::real[], ${t.array(rows.map((r) => r.serviceLevel ?? -1))}::real[]
      ) AS x(p, s, o, h, a, l)
      ON CONFLICT (project_id, interval_start) DO UPDATE SET calls_offered = EXCLUDED.calls_offered, calls_handled = EXCLUDED.calls_handled,
        aht_seconds = EXCLUDED.aht_seconds, service_level = EXCLUDED.service_level, reported_at = EXCLUDED.reported_at`;
    for (const d of dates) await t`INSERT INTO intraday_days (date, version) VALUES (${d}::date, 1) ON CONFLICT (date) DO UPDATE SET version = intraday_days.version + 1`;
  });
  return { imported: rows.length, byProject, dates };
}

/** Interval from which the sample storm doubles 95598's calls (10:00). */
export const STORM_FROM_INTERVAL = 20;
/** The sample covers the morning up to this interval (12:00). */
export const STORM_UNTIL_INTERVAL = 24;

/**
 * A sample of the morning's actuals during an outage storm: every project near its forecast (±4 %, repeatable per
 * date), and the 95598 line at twice its forecast from 10:00, answering fewer calls within target.
 * @example stormCsv(day, 'Asia/Shanghai').split('\n')[0] // 'project,interval_start,calls_offered,calls_handled,aht_seconds,service_level'
 */
export function stormCsv(day: Pick<IntradayDay, 'date' | 'forecast' | 'state'>, timeZone: string, untilInterval = STORM_UNTIL_INTERVAL): string {
  const lines = [[...ACTUAL_COLUMNS, OPTIONAL].join(',')];
  for (const target of day.state.projects) {
    const rand = mulberry32(hashOf(`${day.date}|${target.project}`));
    const calls = day.forecast[target.project] ?? [];
    for (let i = 0; i < untilInterval; i++) {
      const storm = target.project === '95598' && i >= STORM_FROM_INTERVAL;
      const offered = Math.round((calls[i] ?? 0) * (0.96 + 0.08 * rand()) * (storm ? 2 : 1));
      const handled = Math.round(offered * (storm ? 0.78 : 0.97));
      const sl = storm ? 0.35 + 0.1 * rand() : 0.82 + 0.1 * rand();
      lines.push([target.project, intervalStart(day.date, i, { timeZone }).toISOString(), offered, handled, Math.round(target.ahtSeconds), sl.toFixed(3)].join(','));
    }
  }
  return lines.join('\n') + '\n';
}
