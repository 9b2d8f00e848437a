// SQL of the knowledge owners' side: the scenario list, drafts and publishing, versions, flags, imports, analytics and the matrix.
import type postgres from 'postgres';
import type { Sql } from '../db/index.ts';
import type { Scenario } from '../../knowledge/scenario.ts';
import { serializeLibraryJsonl } from '../../knowledge/library-io.ts';
import type { Department, MatrixEntry, ResponsibilityMatrix } from '../../knowledge/matrix.ts';

type Tx = postgres.TransactionSql<Record<string, never>>;
/** Either the pool or a transaction: the queries below run on both. */
type Db = Sql | Tx;

const json = (sql: Db, value: unknown) => sql.json(value as never);

/** `%`, `_` and `\` matched literally in an ILIKE pattern. */
function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

export interface ScenarioListRow {
  code: string;
  title: string;
  category: string | null;
  published_version: number | null;
  has_draft: boolean;
  open_flags: number;
  owner_name: string | null;
}

/** The library for the owners' home: published title (or the draft's, before first publish), filtered by text and top-level category. */
export async function listScenarios(sql: Db, filter: { q?: string; category?: string; limit?: number } = {}): Promise<ScenarioListRow[]> {
  const q = filter.q?.trim() ? `%${likeEscape(filter.q.trim())}%` : null;
  const category = filter.category?.trim() || null;
  return sql<ScenarioListRow[]>`
    SELECT s.code, b.body->>'title' AS title, b.body->>'category' AS category, s.published_version,
           s.draft IS NOT NULL AS has_draft,
           (SELECT count(*)::int FROM script_flags f WHERE f.scenario_code = s.code AND f.replied_at IS NULL) AS open_flags,
           u.display_name AS owner_name
    FROM scenarios s
    LEFT JOIN scenario_versions v ON v.code = s.code AND v.version = s.published_version
    LEFT JOIN users u ON u.id = s.owner_id
    CROSS JOIN LATERAL (SELECT coalesce(v.body, s.draft, '{}'::jsonb) AS body) b
    WHERE (${q}::text IS NULL OR s.code ILIKE ${q} OR b.body->>'title' ILIKE ${q} OR coalesce(b.body->>'category', '') ILIKE ${q}
           OR coalesce(b.body->'phrasings', '[]')::text ILIKE ${q} OR coalesce(b.body->'keywords', '[]')::text ILIKE ${q})
      AND (${category}::text IS NULL OR b.body->>'category' = ${category} OR b.body->>'category' LIKE ${category ? `${likeEscape(category)}/%` : ''})
    ORDER BY s.code
    LIMIT ${filter.limit ?? 1000}`;
}

/** Top-level categories (before the first `/`) of the published library, for the filter. */
export async function listCategories(sql: Db): Promise<string[]> {
  const rows = await sql<{ category: string }[]>`
    SELECT DISTINCT split_part(v.body->>'category', '/', 1) AS category
    FROM scenarios s JOIN scenario_versions v ON v.code = s.code AND v.version = s.published_version
    WHERE coalesce(v.body->>'category', '') <> '' ORDER BY 1`;
  return rows.map((r) => r.category);
}

export interface ScenarioRow {
  code: string;
  owner_id: number | null;
  owner_name: string | null;
  published_version: number | null;
  published: Scenario | null;
  draft: Scenario | null;
  draft_version: number;
  draft_updated_by_name: string | null;
  draft_updated_at: Date | null;
}

/** One scenario with its published body and its draft, or undefined. */
export async function findScenario(sql: Db, code: string): Promise<ScenarioRow | undefined> {
  const [row] = await sql<ScenarioRow[]>`
    SELECT s.code, s.owner_id, o.display_name AS owner_name, s.published_version, v.body AS published, s.draft, s.draft_version,
           d.display_name AS draft_updated_by_name, s.draft_updated_at
    FROM scenarios s
    LEFT JOIN scenario_versions v ON v.code = s.code AND v.version = s.published_version
    LEFT JOIN users o ON o.id = s.owner_id
    LEFT JOIN users d ON d.id = s.draft_updated_by
    WHERE s.code = ${code}`;
  return row;
}

export interface VersionRow {
  version: number;
  published_at: Date;
  note: string | null;
  published_by_name: string | null;
}

/** Every published version of a scenario, newest first. */
export async function listVersions(sql: Db, code: string): Promise<VersionRow[]> {
  return sql<VersionRow[]>`
    SELECT v.version, v.published_at, v.note, u.display_name AS published_by_name
    FROM scenario_versions v LEFT JOIN users u ON u.id = v.published_by
    WHERE v.code = ${code} ORDER BY v.version DESC`;
}

/** The body of one published version, or undefined. */
export async function findVersionBody(sql: Db, code: string, version: number): Promise<Scenario | undefined> {
  const [row] = await sql<{ body: Scenario }[]>`SELECT body FROM scenario_versions WHERE code = ${code} AND version = ${version}`;
  return row?.body;
}

/** Creates a scenario holding only a draft; undefined when the code is taken. */
export async function insertDraftScenario(sql: Db, scenario: Scenario, userId: number, now: Date): Promise<{ code: string; draft_version: number } | undefined> {
  const [row] = await sql<{ code: string; draft_version: number }[]>`
    INSERT INTO scenarios (code, owner_id, created_at, draft, draft_version, draft_updated_by, draft_updated_at)
    VALUES (${scenario.code}, ${userId}, ${now}, ${json(sql, scenario)}, 1, ${userId}, ${now})
    ON CONFLICT (code) DO NOTHING
    RETURNING code, draft_version`;
  return row;
}

/** Saves the draft if it is still at `expectedVersion`; the new draft version, or undefined on a concurrent edit. */
export async function saveDraft(sql: Db, code: string, expectedVersion: number, scenario: Scenario, userId: number, now: Date): Promise<number | undefined> {
  const [row] = await sql<{ draft_version: number }[]>`
    UPDATE scenarios SET draft = ${json(sql, scenario)}, draft_version = draft_version + 1, draft_updated_by = ${userId}, draft_updated_at = ${now}
    WHERE code = ${code} AND draft_version = ${expectedVersion}
    RETURNING draft_version`;
  return row?.draft_version;
}

/** Drops the draft if it is still at `expectedVersion`; false on a concurrent edit or when there is none. */
export async function discardDraft(sql: Db, code: string, expectedVersion: number, userId: number, now: Date): Promise<boolean> {
  const rows = await sql`
    UPDATE scenarios SET draft = NULL, draft_version = draft_version + 1, draft_updated_by = ${userId}, draft_updated_at = ${now}
    WHERE code = ${code} AND draft_version = ${expectedVersion} AND draft IS NOT NULL AND published_version IS NOT NULL
    RETURNING code`;
  return rows.length === 1;
}

/** Bumps the library generation, so every process rebuilds its search index (creates the row after a reset). */
export async function bumpGeneration(sql: Db, now: Date): Promise<number> {
  const [row] = await sql<{ generation: string }[]>`
    INSERT INTO library_state (id, generation, updated_at) VALUES (true, 1, ${now})
    ON CONFLICT (id) DO UPDATE SET generation = library_state.generation + 1, updated_at = ${now}
    RETURNING generation`;
  return Number(row.generation);
}

/** Appends the next published version of a scenario and points the scenario at it (no generation bump). */
export async function appendVersion(tx: Db, code: string, body: Scenario, note: string | null, userId: number | null, now: Date): Promise<number> {
  const [{ next }] = await tx<{ next: number }[]>`SELECT coalesce(max(version), 0)::int + 1 AS next FROM scenario_versions WHERE code = ${code}`;
  await tx`INSERT INTO scenario_versions (code, version, body, published_by, published_at, note) VALUES (${code}, ${next}, ${json(tx, body)}, ${userId}, ${now}, ${note})`;
  await tx`UPDATE scenarios SET published_version = ${next} WHERE code = ${code}`;
  return next;
}

export type PublishResult = { ok: true; version: number; generation: number } | { ok: false; reason: 'conflict' | 'no-draft' };

/** Publishes the draft as the next version if it is still at `expectedVersion`, in one transaction with the generation bump. */
export async function publishDraft(sql: Sql, code: string, expectedVersion: number, note: string | null, userId: number, now: Date): Promise<PublishResult> {
  return sql.begin(async (tx): Promise<PublishResult> => {
    const [row] = await tx<{ draft: Scenario | null; draft_version: number }[]>`SELECT draft, draft_version FROM scenarios WHERE code = ${code} FOR UPDATE`;
    if (!row || row.draft_version !== expectedVersion) return { ok: false, reason: 'conflict' };
    if (!row.draft) return { ok: false, reason: 'no-draft' };
    const version = await appendVersion(tx, code, row.draft, note, userId, now);
    await tx`UPDATE scenarios SET draft = NULL, draft_version = draft_version + 1, draft_updated_by = ${userId}, draft_updated_at = ${now} WHERE code = ${code}`;
    const generation = await bumpGeneration(tx, now);
    return { ok: true, version, generation };
  }) as Promise<PublishResult>;
}

/** Whether two scenarios hold the same content (jsonb does not keep key order, so compare canonical text). */
function sameScenario(a: Scenario, b: Scenario): boolean {
  return serializeLibraryJsonl([a]) === serializeLibraryJsonl([b]);
}

export interface ImportOutcome {
  created: string[];
  updated: string[];
  unchanged: string[];
  generation: number | null;
}

/**
 * Writes an already validated library in one transaction: a new code becomes a scenario owned by
 * the importer; with `publish`, each scenario whose body differs from its published one gets the
 * next version (a pending draft is kept), otherwise the body becomes the scenario's draft.
 */
export async function importScenarios(sql: Sql, scenarios: readonly Scenario[], options: { publish: boolean; userId: number | null; note: string; now: Date }): Promise<ImportOutcome> {
  const { publish, userId, note, now } = options;
  return sql.begin(async (tx) => {
    const outcome: ImportOutcome = { created: [], updated: [], unchanged: [], generation: null };
    for (const scenario of scenarios) {
      const [existing] = await tx<{ published: Scenario | null; draft: Scenario | null }[]>`
        SELECT v.body AS published, s.draft FROM scenarios s
        LEFT JOIN scenario_versions v ON v.code = s.code AND v.version = s.published_version
        WHERE s.code = ${scenario.code} FOR UPDATE OF s`;
      if (!existing) {
        await tx`INSERT INTO scenarios (code, owner_id, created_at) VALUES (${scenario.code}, ${userId}, ${now})`;
        outcome.created.push(scenario.code);
      }
      const current = publish ? existing?.published : (existing?.draft ?? existing?.published);
      if (existing && current && sameScenario(current, scenario)) {
        outcome.unchanged.push(scenario.code);
        continue;
      }
      if (existing) outcome.updated.push(scenario.code);
      if (publish) await appendVersion(tx, scenario.code, scenario, note, userId, now);
      else {
        await tx`UPDATE scenarios SET draft = ${json(tx, scenario)}, draft_version = draft_version + 1, draft_updated_by = ${userId}, draft_updated_at = ${now}
                 WHERE code = ${scenario.code}`;
      }
    }
    if (publish && outcome.created.length + outcome.updated.length > 0) outcome.generation = await bumpGeneration(tx, now);
    return outcome;
  }) as Promise<ImportOutcome>;
}

/** Every published scenario, by code, for export. */
export async function listPublishedBodies(sql: Db): Promise<Scenario[]> {
  const rows = await sql<{ body: Scenario }[]>`
    SELECT v.body FROM scenarios s JOIN scenario_versions v ON v.code = s.code AND v.version = s.published_version ORDER BY s.code`;
  return rows.map((r) => r.body);
}

export interface FlagRow {
  id: number;
  scenario_code: string;
  title: string | null;
  version: number;
  kind: 'outdated' | 'unclear' | 'missing';
  comment: string;
  raised_by_name: string | null;
  raised_at: Date;
  reply: string | null;
  replied_by_name: string | null;
  replied_at: Date | null;
}

const FLAG_COLUMNS = (sql: Db) => sql`
  f.id, f.scenario_code, coalesce(v.body, s.draft)->>'title' AS title, f.version, f.kind, f.comment, r.display_name AS raised_by_name, f.raised_at,
  f.reply, p.display_name AS replied_by_name, f.replied_at
  FROM script_flags f
  JOIN scenarios s ON s.code = f.scenario_code
  LEFT JOIN scenario_versions v ON v.code = s.code AND v.version = s.published_version
  LEFT JOIN users r ON r.id = f.raised_by
  LEFT JOIN users p ON p.id = f.replied_by`;

/** Open flags, oldest first: of scenarios owned by `ownerId` (or by nobody), or of all scenarios when `ownerId` is null. */
export async function listOpenFlags(sql: Db, ownerId: number | null): Promise<FlagRow[]> {
  return sql<FlagRow[]>`
    SELECT ${FLAG_COLUMNS(sql)}
    WHERE f.replied_at IS NULL AND (${ownerId}::int IS NULL OR s.owner_id = ${ownerId} OR s.owner_id IS NULL)
    ORDER BY f.raised_at, f.id`;
}

/** Open flags of one scenario, oldest first. */
export async function listScenarioOpenFlags(sql: Db, code: string): Promise<FlagRow[]> {
  return sql<FlagRow[]>`SELECT ${FLAG_COLUMNS(sql)} WHERE f.scenario_code = ${code} AND f.replied_at IS NULL ORDER BY f.raised_at, f.id`;
}

/** The latest closed flags, newest first. */
export async function listClosedFlags(sql: Db, limit = 20): Promise<FlagRow[]> {
  return sql<FlagRow[]>`SELECT ${FLAG_COLUMNS(sql)} WHERE f.replied_at IS NOT NULL ORDER BY f.replied_at DESC, f.id DESC LIMIT ${limit}`;
}

/** One flag, or undefined. */
export async function findFlag(sql: Db, id: number): Promise<FlagRow | undefined> {
  const [row] = await sql<FlagRow[]>`SELECT ${FLAG_COLUMNS(sql)} WHERE f.id = ${id}`;
  return row;
}

/** Closes an open flag with a reply; false when it was already closed. */
export async function closeFlag(sql: Db, id: number, reply: string, userId: number, now: Date): Promise<boolean> {
  const rows = await sql`UPDATE script_flags SET reply = ${reply}, replied_by = ${userId}, replied_at = ${now} WHERE id = ${id} AND replied_at IS NULL RETURNING id`;
  return rows.length === 1;
}

export interface QueryCount {
  query: string;
  searches: number;
  avg_results: number;
}
export interface ScenarioUse {
  code: string;
  title: string | null;
  opened: number;
  orders: number;
}
export interface ScenarioFlags {
  code: string;
  title: string | null;
  raised: number;
  open: number;
  outdated: number;
  unclear: number;
  missing: number;
}
export interface Analytics {
  searches: number;
  topQueries: QueryCount[];
  noResult: QueryCount[];
  noClick: QueryCount[];
  mostUsed: ScenarioUse[];
  flags: ScenarioFlags[];
}

/** Search and usage figures over [from, to): queries grouped case- and space-insensitively. */
export async function analytics(sql: Db, from: Date, to: Date, limit = 20): Promise<Analytics> {
  const [{ searches }] = await sql<{ searches: number }[]>`SELECT count(*)::int AS searches FROM search_log WHERE at >= ${from} AND at < ${to}`;
  const grouped = (where: ReturnType<Sql>) => sql<QueryCount[]>`
    SELECT min(trim(query)) AS query, count(*)::int AS searches, round(avg(result_count), 1)::float8 AS avg_results
    FROM search_log WHERE at >= ${from} AND at < ${to} AND trim(query) <> '' AND ${where}
    GROUP BY lower(trim(query)) ORDER BY count(*) DESC, min(trim(query)) COLLATE "C" LIMIT ${limit}`;
  const topQueries = await grouped(sql`true`);
  const noResult = await grouped(sql`result_count = 0`);
  const noClick = await grouped(sql`result_count > 0 AND clicked_code IS NULL`);
  const mostUsed = await sql<ScenarioUse[]>`
    WITH opened AS (SELECT clicked_code AS code, count(*)::int AS n FROM search_log WHERE at >= ${from} AND at < ${to} AND clicked_code IS NOT NULL GROUP BY 1),
         orders AS (SELECT scenario_code AS code, count(*)::int AS n FROM work_orders WHERE created_at >= ${from} AND created_at < ${to} GROUP BY 1),
         used AS (SELECT coalesce(o.code, w.code) AS code, coalesce(o.n, 0) AS opened, coalesce(w.n, 0) AS orders FROM opened o FULL JOIN orders w ON w.code = o.code)
    SELECT u.code, coalesce(v.body, s.draft)->>'title' AS title, u.opened, u.orders
    FROM used u LEFT JOIN scenarios s ON s.code = u.code LEFT JOIN scenario_versions v ON v.code = s.code AND v.version = s.published_version
    ORDER BY u.opened + u.orders DESC, u.code LIMIT ${limit}`;
  const flags = await sql<ScenarioFlags[]>`
    SELECT f.scenario_code AS code, coalesce(v.body, s.draft)->>'title' AS title, count(*)::int AS raised,
           count(*) FILTER (WHERE f.replied_at IS NULL)::int AS open,
           count(*) FILTER (WHERE f.kind = 'outdated')::int AS outdated,
           count(*) FILTER (WHERE f.kind = 'unclear')::int AS unclear,
           count(*) FILTER (WHERE f.kind = 'missing')::int AS missing
    FROM script_flags f JOIN scenarios s ON s.code = f.scenario_code
    LEFT JOIN scenario_versions v ON v.code = s.code AND v.version = s.published_version
    WHERE f.raised_at >= ${from} AND f.raised_at < ${to}
    GROUP BY f.scenario_code, title ORDER BY raised DESC, f.scenario_code LIMIT ${limit}`;
  return { searches, topQueries, noResult, noClick, mostUsed, flags };
}

export interface MatrixEntryRow extends MatrixEntry {
  version: number;
}

/** The whole matrix (departments and entries by code), with each entry's version. */
export async function loadMatrix(sql: Db): Promise<{ departments: Department[]; entries: MatrixEntryRow[] }> {
  const departments = await sql<Department[]>`SELECT code, name, role FROM departments ORDER BY role, code`;
  const entries = await sql<MatrixEntryRow[]>`SELECT code, level1, level2, level3, specifics, owner, responsible, version FROM matrix_entries ORDER BY code`;
  return { departments: [...departments], entries: [...entries] };
}

/** The matrix as the pure validators take it. */
export async function responsibilityMatrix(sql: Db): Promise<ResponsibilityMatrix> {
  const { departments, entries } = await loadMatrix(sql);
  return { departments, entries: entries.map(({ version: _v, ...entry }) => entry) };
}

/** Inserts a matrix entry; false when the code is taken. */
export async function insertMatrixEntry(sql: Db, entry: MatrixEntry, now: Date): Promise<boolean> {
  const rows = await sql`
    INSERT INTO matrix_entries (code, level1, level2, level3, specifics, owner, responsible, updated_at)
    VALUES (${entry.code}, ${entry.level1}, ${entry.level2}, ${entry.level3}, ${sql.array(entry.specifics ?? [])}, ${entry.owner}, ${sql.array(entry.responsible)}, ${now})
    ON CONFLICT (code) DO NOTHING RETURNING code`;
  return rows.length === 1;
}

/** Updates a matrix entry if still at `expectedVersion`; the new version, or undefined on a concurrent edit. */
export async function updateMatrixEntry(sql: Db, entry: MatrixEntry, expectedVersion: number, now: Date): Promise<number | undefined> {
  const [row] = await sql<{ version: number }[]>`
    UPDATE matrix_entries SET level1 = ${entry.level1}, level2 = ${entry.level2}, level3 = ${entry.level3}, specifics = ${sql.array(entry.specifics ?? [])},
           owner = ${entry.owner}, responsible = ${sql.array(entry.responsible)}, version = version + 1, updated_at = ${now}
    WHERE code = ${entry.code} AND version = ${expectedVersion} RETURNING version`;
  return row?.version;
}
