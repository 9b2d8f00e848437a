// Background services and demo seed steps of the knowledge area: the demo matrix and library, and
// the search index kept fresh by polling the library generation.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Deps } from '../http/env.ts';
import type { SeedStep } from '../demo/seed.ts';
import type { Sql } from '../db/index.ts';
import type { ResponsibilityMatrix } from '../../knowledge/matrix.ts';
import type { Scenario } from '../../knowledge/scenario.ts';
import { parseLibraryJsonl } from '../../knowledge/library-io.ts';
import { bumpLibraryGeneration } from './queries.ts';
import { KnowledgeSearch } from './search-service.ts';

const demoDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'knowledge', 'demo');

let demoCache: { matrix: ResponsibilityMatrix; scenarios: Scenario[] } | undefined;

/** The demo matrix and library, read and checked once per process. */
export function demoLibrary(): { matrix: ResponsibilityMatrix; scenarios: Scenario[] } {
  if (demoCache) return demoCache;
  const matrix = JSON.parse(readFileSync(join(demoDir, 'matrix.json'), 'utf8')) as ResponsibilityMatrix;
  const parsed = parseLibraryJsonl(readFileSync(join(demoDir, 'scenarios.jsonl'), 'utf8'), { matrix });
  if (!parsed.ok) throw new Error(`demo library: ${parsed.errors.map((e) => `line ${e.line}: ${e.message}`).join('; ')}`);
  demoCache = { matrix, scenarios: parsed.scenarios };
  return demoCache;
}

/** Loads the demo matrix entries (departments are seeded by the shell). One statement each, so test resets stay fast. */
async function seedMatrix(sql: Sql): Promise<void> {
  const { matrix } = demoLibrary();
  await sql`
    INSERT INTO matrix_entries (code, level1, level2, level3, specifics, owner, responsible)
    SELECT e->>'code', e->>'level1', e->>'level2', e->>'level3',
           ARRAY(SELECT jsonb_array_elements_text(coalesce(e->'specifics', '[]'::jsonb))),
           e->>'owner', ARRAY(SELECT jsonb_array_elements_text(e->'responsible'))
    FROM jsonb_array_elements(${sql.json(matrix.entries as never)}::jsonb) e
    ON CONFLICT (code) DO NOTHING`;
}

/** Loads the demo library as published version 1 of each scenario, owned by the `knowledge` demo user. */
async function seedLibrary(sql: Sql): Promise<void> {
  const { scenarios } = demoLibrary();
  const now = new Date();
  await sql.begin(async (tx) => {
    const [owner] = await tx<{ id: number }[]>`SELECT id FROM users WHERE username = 'knowledge'`;
    const ownerId = owner?.id ?? null;
    const inserted = await tx<{ code: string }[]>`
      INSERT INTO scenarios (code, owner_id, created_at, published_version)
      SELECT e->>'code', ${ownerId}, ${now}, 1 FROM jsonb_array_elements(${tx.json(scenarios as never)}::jsonb) e
      ON CONFLICT (code) DO NOTHING RETURNING code`;
    if (inserted.length === 0) return;
    await tx`
      INSERT INTO scenario_versions (code, version, body, published_by, published_at, note)
      SELECT e->>'code', 1, e, ${ownerId}, ${now}, '演示场景库' FROM jsonb_array_elements(${tx.json(scenarios as never)}::jsonb) e
      WHERE e->>'code' IN ${tx(inserted.map((r) => r.code))}
      ON CONFLICT DO NOTHING`;
    await bumpLibraryGeneration(tx as unknown as Sql, now);
  });
}

/** Demo data of this area, seeded once into an empty database (after the shell's departments and users). */
export const knowledgeSeedSteps: SeedStep[] = [
  { id: 'knowledge-matrix', run: seedMatrix },
  { id: 'knowledge-library', run: seedLibrary },
];

/** How often each process checks the library generation (ms). */
export const GENERATION_POLL_MS = 2000;

/** Starts this area's background services (the search index and its poller); returns a stop function. */
export async function startKnowledge(deps: Deps): Promise<() => Promise<void>> {
  const search = new KnowledgeSearch(deps.sql, deps.log, { backend: deps.config.searchBackend });
  deps.services ??= {};
  deps.services.knowledge = search;
  await search.refresh();
  const stop = search.startPolling(GENERATION_POLL_MS);
  return async () => {
    stop();
  };
}
