// SQL of the agent side of the knowledge area: the matrix, published scenarios, the library
// generation, work orders, script flags and the search log. Typed rows, no business rules.
import type { Sql } from '../db/index.ts';
import type { ResponsibilityMatrix } from '../../knowledge/matrix.ts';
import type { OrderKind, Scenario } from '../../knowledge/scenario.ts';
import type { PastOrder, PreparedWorkOrder } from '../../knowledge/workorder.ts';

/** The library generation (bumped on every publish); 0 when the state row is missing. */
export async function libraryGeneration(sql: Sql): Promise<number> {
  const [row] = await sql<{ generation: string }[]>`SELECT generation::text AS generation FROM library_state WHERE id`;
  return row ? Number(row.generation) : 0;
}

/** Bumps the library generation (call inside the publishing transaction); returns the new one. */
export async function bumpLibraryGeneration(sql: Sql, now: Date): Promise<number> {
  const [row] = await sql<{ generation: string }[]>`
    INSERT INTO library_state (id, generation, updated_at) VALUES (true, 1, ${now})
    ON CONFLICT (id) DO UPDATE SET generation = library_state.generation + 1, updated_at = ${now}
    RETURNING generation::text AS generation`;
  return Number(row.generation);
}

/** The responsibility matrix as plain data (departments from 001, entries from 002). */
export async function loadMatrix(sql: Sql): Promise<ResponsibilityMatrix> {
  const departments = await sql<{ code: string; name: string; role: 'owning' | 'responsible' }[]>`SELECT code, name, role FROM departments ORDER BY code`;
  const entries = await sql<{ code: string; level1: string; level2: string; level3: string; specifics: string[]; owner: string; responsible: string[] }[]>`
    SELECT code, level1, level2, level3, specifics, owner, responsible FROM matrix_entries ORDER BY code`;
  return { departments: [...departments], entries: entries.map((e) => ({ ...e, specifics: e.specifics ?? [] })) };
}

/** Department names by code. */
export async function departmentNames(sql: Sql): Promise<Map<string, string>> {
  const rows = await sql<{ code: string; name: string }[]>`SELECT code, name FROM departments`;
  return new Map(rows.map((r) => [r.code, r.name]));
}

export interface PublishedScenario {
  scenario: Scenario;
  version: number;
  ownerId: number | null;
}

/** Every scenario's published version (what agents see and the index holds), by code. */
export async function publishedScenarios(sql: Sql): Promise<PublishedScenario[]> {
  const rows = await sql<{ body: Scenario; version: number; owner_id: number | null }[]>`
    SELECT v.body, v.version, s.owner_id FROM scenarios s
    JOIN scenario_versions v ON v.code = s.code AND v.version = s.published_version
    ORDER BY s.code`;
  return rows.map((r) => ({ scenario: r.body, version: r.version, ownerId: r.owner_id }));
}

/** One scenario's published version, or undefined when unknown or unpublished. */
export async function publishedScenario(sql: Sql, code: string): Promise<PublishedScenario | undefined> {
  const [row] = await sql<{ body: Scenario; version: number; owner_id: number | null }[]>`
    SELECT v.body, v.version, s.owner_id FROM scenarios s
    JOIN scenario_versions v ON v.code = s.code AND v.version = s.published_version
    WHERE s.code = ${code}`;
  return row ? { scenario: row.body, version: row.version, ownerId: row.owner_id } : undefined;
}

/** Complaints with this account filed since `since`, as repeat detection needs them. */
export async function complaintsOfAccount(sql: Sql, account: string, since: Date): Promise<PastOrder[]> {
  const rows = await sql<{ id: number; kind: OrderKind; customer_account: string; matrix_code: string | null; created_at: Date }[]>`
    SELECT id, kind, customer_account, matrix_code, created_at FROM work_orders
    WHERE customer_account = ${account} AND kind = 'complaint' AND created_at >= ${since}
    ORDER BY created_at`;
  return rows.map((r) => ({ id: String(r.id), kind: r.kind, account: r.customer_account, matrixCode: r.matrix_code ?? undefined, createdAt: r.created_at }));
}

export interface WorkOrderRow {
  id: number;
  number: string;
  scenario_code: string;
  scenario_version: number;
  kind: OrderKind;
  channel: string;
  matrix_code: string | null;
  level1: string | null;
  level2: string | null;
  level3: string | null;
  owner_dept: string | null;
  responsible_depts: string[];
  route_reason: string | null;
  fields: Record<string, string>;
  description: string;
  customer_account: string | null;
  customer_phone: string | null;
  agent_id: number | null;
  agent_name: string | null;
  /** Title of the scenario version the order was filed from. */
  scenario_title: string | null;
  /** Template fields of that version (labels for the detail page). */
  template_fields: { name: string; label: string }[] | null;
  created_at: Date;
  deadline: Date;
  repeat: boolean;
  repeat_of: number | null;
  status: string;
}

const ORDER_COLUMNS = "o.*, u.display_name AS agent_name, v.body->>'title' AS scenario_title, v.body->'template'->'fields' AS template_fields";
const ORDER_JOINS = 'work_orders o LEFT JOIN users u ON u.id = o.agent_id LEFT JOIN scenario_versions v ON v.code = o.scenario_code AND v.version = o.scenario_version';

/**
 * Stores a prepared order; its number is `GD` + the centre's local date + `-` + the id in 6 digits.
 * @example insertWorkOrder(sql, { order, scenarioVersion: 1, agentId: 3, timeZone: 'Asia/Shanghai' }) // { number: 'GD20261125-000001', … }
 */
export async function insertWorkOrder(sql: Sql, p: { order: PreparedWorkOrder; scenarioVersion: number; agentId: number | null; timeZone: string }): Promise<WorkOrderRow> {
  const o = p.order;
  const repeatOf = o.repeatOf.length ? Number(o.repeatOf[o.repeatOf.length - 1]) : null;
  const [row] = await sql<{ id: number }[]>`
    WITH n AS (SELECT nextval(pg_get_serial_sequence('work_orders', 'id')) AS id)
    INSERT INTO work_orders (id, number, scenario_code, scenario_version, kind, channel, matrix_code, level1, level2, level3,
                             owner_dept, responsible_depts, route_reason, fields, description, customer_account, customer_phone,
                             agent_id, created_at, deadline, repeat, repeat_of)
    SELECT n.id, 'GD' || to_char(${o.createdAt}::timestamptz AT TIME ZONE ${p.timeZone}, 'YYYYMMDD') || '-' || lpad(n.id::text, 6, '0'),
           ${o.scenarioCode}, ${p.scenarioVersion}, ${o.kind}, ${o.channel}, ${o.classification?.matrixCode ?? null},
           ${o.classification?.level1 ?? null}, ${o.classification?.level2 ?? null}, ${o.classification?.level3 ?? null},
           ${o.route?.owner ?? null}, ${sql.array(o.route?.responsible ?? [])}, ${o.route?.reason ?? null},
           ${sql.json(o.values as never)}, ${o.description}, ${o.account ?? null}, ${o.phone ?? null},
           ${p.agentId}, ${o.createdAt}, ${o.deadline}, ${o.repeat}, ${repeatOf}
    FROM n RETURNING id`;
  return (await findWorkOrder(sql, row.id))!;
}

export async function findWorkOrder(sql: Sql, id: number): Promise<WorkOrderRow | undefined> {
  const [row] = await sql<WorkOrderRow[]>`SELECT ${sql.unsafe(ORDER_COLUMNS)} FROM ${sql.unsafe(ORDER_JOINS)} WHERE o.id = ${id}`;
  return row;
}

export interface OrderFilter {
  /** Only orders this agent filed. */
  agentId?: number;
  /** Only orders routed to this department (owner or responsible). */
  department?: string;
  kind?: OrderKind;
  /** Created at or after. */
  from?: Date;
  /** Created before. */
  to?: Date;
  repeatOnly?: boolean;
  status?: OrderStatus;
  /** Only open orders whose deadline passed before this instant. */
  overdueAt?: Date;
  limit?: number;
}

/** The states of a work order (002's check constraint). */
export const ORDER_STATUSES = ['open', 'answered', 'closed'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Work orders matching the filter, newest first. */
export async function listWorkOrders(sql: Sql, f: OrderFilter): Promise<WorkOrderRow[]> {
  const conds = [sql`true`];
  if (f.agentId !== undefined) conds.push(sql`o.agent_id = ${f.agentId}`);
  if (f.department !== undefined) conds.push(sql`(o.owner_dept = ${f.department} OR ${f.department} = ANY(o.responsible_depts))`);
  if (f.kind !== undefined) conds.push(sql`o.kind = ${f.kind}`);
  if (f.from !== undefined) conds.push(sql`o.created_at >= ${f.from}`);
  if (f.to !== undefined) conds.push(sql`o.created_at < ${f.to}`);
  if (f.repeatOnly) conds.push(sql`o.repeat`);
  if (f.status !== undefined) conds.push(sql`o.status = ${f.status}`);
  if (f.overdueAt !== undefined) conds.push(sql`o.status = 'open' AND o.deadline < ${f.overdueAt}`);
  const where = conds.reduce((acc, c) => sql`${acc} AND ${c}`);
  return sql<WorkOrderRow[]>`
    SELECT ${sql.unsafe(ORDER_COLUMNS)} FROM ${sql.unsafe(ORDER_JOINS)}
    WHERE ${where} ORDER BY o.created_at DESC, o.id DESC LIMIT ${f.limit ?? 200}`;
}

/** A department with the work orders routed to it (as owner or responsible), counted. */
export interface DepartmentOrderCounts {
  code: string;
  name: string;
  role: 'owning' | 'responsible';
  total: number;
  open: number;
  /** Open orders past their deadline at `now`. */
  overdue: number;
  repeat: number;
}

/** Every department with the orders routed to it, counted: all, open, overdue at `now`, repeat complaints. */
export async function departmentOrderCounts(sql: Sql, now: Date): Promise<DepartmentOrderCounts[]> {
  const rows = await sql<DepartmentOrderCounts[]>`
    SELECT d.code, d.name, d.role,
           count(o.id)::int AS total,
           (count(o.id) FILTER (WHERE o.status = 'open'))::int AS open,
           (count(o.id) FILTER (WHERE o.status = 'open' AND o.deadline < ${now}))::int AS overdue,
           (count(o.id) FILTER (WHERE o.repeat))::int AS repeat
    FROM departments d
    LEFT JOIN work_orders o ON o.owner_dept = d.code OR d.code = ANY(o.responsible_depts)
    GROUP BY d.code, d.name, d.role
    ORDER BY d.role, d.code`;
  return [...rows];
}

/** Records an agent's flag on a scenario's script; returns its id. */
export async function insertFlag(sql: Sql, f: { code: string; version: number; kind: string; comment: string; userId: number; at: Date }): Promise<number> {
  const [row] = await sql<{ id: number }[]>`
    INSERT INTO script_flags (scenario_code, version, kind, comment, raised_by, raised_at)
    VALUES (${f.code}, ${f.version}, ${f.kind}, ${f.comment}, ${f.userId}, ${f.at}) RETURNING id`;
  return row.id;
}

/** Logs one search; returns the log id (sent along when a result is opened). */
export async function logSearch(sql: Sql, s: { at: Date; userId: number | null; query: string; resultCount: number; topCode: string | null; ms: number }): Promise<number> {
  const [row] = await sql<{ id: string }[]>`
    INSERT INTO search_log (at, user_id, query, result_count, top_code, ms)
    VALUES (${s.at}, ${s.userId}, ${s.query}, ${s.resultCount}, ${s.topCode}, ${s.ms}) RETURNING id::text AS id`;
  return Number(row.id);
}

/** Seconds within which a search-as-you-type keystroke continues the previous query's log row. */
export const TYPING_SESSION_SECONDS = 20;

/**
 * Logs a search typed as you go: when the same user's last unclicked search, within 20 seconds, is
 * a prefix of this query or this query a prefix of it (typing on, or deleting back), that row is
 * updated instead, so the log holds what the agent meant, not each keystroke. Returns the row id.
 * @example await logTypedSearch(sql, { query: '我家没电', … }); await logTypedSearch(sql, { query: '我家没电了', … }) // same id
 */
export async function logTypedSearch(sql: Sql, s: { at: Date; userId: number; query: string; resultCount: number; topCode: string | null; ms: number }): Promise<number> {
  const since = new Date(s.at.getTime() - TYPING_SESSION_SECONDS * 1000);
  const [updated] = await sql<{ id: string }[]>`
    UPDATE search_log SET query = ${s.query}, result_count = ${s.resultCount}, top_code = ${s.topCode}, ms = ${s.ms}, at = ${s.at}
    WHERE id = (SELECT id FROM search_log WHERE user_id = ${s.userId} ORDER BY id DESC LIMIT 1)
      AND clicked_code IS NULL AND at >= ${since}
      AND (starts_with(${s.query}, query) OR starts_with(query, ${s.query}))
    RETURNING id::text AS id`;
  if (updated) return Number(updated.id);
  return logSearch(sql, s);
}

/** Records which result the user opened from their logged search (only their own, only once). */
export async function logClick(sql: Sql, searchId: number, userId: number, code: string): Promise<boolean> {
  const rows = await sql`UPDATE search_log SET clicked_code = ${code} WHERE id = ${searchId} AND user_id = ${userId} AND clicked_code IS NULL RETURNING id`;
  return rows.length > 0;
}
