// Benchmark: scenario search as agents and integrations meet it — over HTTP in-process (the htmx
// fragment and /api/v1/knowledge/search) — against a Postgres ILIKE scan of the published
// library as the baseline, for latency and Recall@5 on the team's gold set; embedded PGlite.
// SIZES=116,1000,10000 grows the published library with seeded variants spliced from the demo
// library's own text (a worst case for recall: near-duplicates compete with the real scenarios).
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { createApp } from '../server/app.tsx';
import { featureRoutes } from '../server/features.ts';
import { loadConfig } from '../server/config.ts';
import { createLogger } from '../server/log.ts';
import { openDatabase } from '../server/db/index.ts';
import { migrate } from '../server/db/migrate.ts';
import { seedDemo } from '../server/demo/seed.ts';
import { serverSecret } from '../server/queries/settings.ts';
import { createSession } from '../server/queries/sessions.ts';
import { issueToken } from '../server/queries/tokens.ts';

const gold = readFileSync(new URL('../test/fixtures/gold.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { query: string; target: string });

const db = await openDatabase({ memory: true });
await migrate(db.sql);
await seedDemo(db.sql);
const deps = { sql: db.sql, config: loadConfig({ LOG_LEVEL: 'silent' }), log: createLogger('silent'), now: () => new Date(), secret: await serverSecret(db.sql), services: {} };
const { app } = createApp(deps, featureRoutes);
const [agent] = await db.sql<{ id: number }[]>`SELECT id FROM users WHERE username = 'agent'`;
const session = await createSession(db.sql, agent.id, { now: new Date(), idleMinutes: 480, maxHours: 24 }, {});
const { token } = await issueToken(db.sql, agent.id, 'bench', null, new Date());
const cookie = `pl_session=${session.token}`;

const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

async function run(name: string, one: (query: string) => Promise<string[]>) {
  const times: number[] = [];
  let hits = 0;
  for (const g of gold.slice(0, 20)) await one(g.query); // warm-up (first call builds the index)
  for (const g of gold) {
    const t0 = performance.now();
    const codes = await one(g.query);
    times.push(performance.now() - t0);
    if (codes.slice(0, 5).includes(g.target)) hits++;
  }
  console.log(`${name.padEnd(34)} p50 ${q(times, 0.5).toFixed(2)} ms  p95 ${q(times, 0.95).toFixed(2)} ms  Recall@5 ${(hits / gold.length).toFixed(3)}`);
  return q(times, 0.5);
}

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Grows the published library to `size` scenarios with seeded variants of the demo ones. */
async function growLibrary(size: number): Promise<void> {
  const demo = await db.sql<{ body: Record<string, unknown> & { phrasings?: string[]; title: string } }[]>`
    SELECT v.body FROM scenarios s JOIN scenario_versions v ON v.code = s.code AND v.version = s.published_version WHERE s.code NOT LIKE 'GEN-%'`;
  const [{ n }] = await db.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM scenarios WHERE published_version IS NOT NULL`;
  const rand = mulberry32(size);
  const pick = () => demo[Math.floor(rand() * demo.length)].body;
  const rows: { code: string; body: unknown }[] = [];
  for (let i = n; i < size; i++) {
    const a = pick();
    const b = pick();
    const c = pick();
    const code = `GEN-${String(i).padStart(5, '0')}`;
    rows.push({ code, body: { ...a, code, title: `${a.title}（${String(b.title).slice(0, 4)}）`, phrasings: [...(b.phrasings ?? []).slice(0, 2), ...(c.phrasings ?? []).slice(0, 2)], template: undefined } });
  }
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    await db.sql`INSERT INTO scenarios (code, published_version) SELECT code, 1 FROM jsonb_to_recordset(${db.sql.json(batch as never)}) AS x(code text, body jsonb)`;
    await db.sql`INSERT INTO scenario_versions (code, version, body) SELECT code, 1, body FROM jsonb_to_recordset(${db.sql.json(batch as never)}) AS x(code text, body jsonb)`;
  }
  await db.sql`UPDATE library_state SET generation = generation + 1, updated_at = now()`;
}

console.log(`machine: ${os.cpus()[0]?.model} × ${os.cpus().length}, node ${process.version}; ${gold.length} gold queries, embedded PGlite`);
const sizes = (process.env.SIZES ?? '116').split(',').map(Number);
for (const size of sizes) {
  await growLibrary(size);
  const t0 = performance.now();
  await app.request(`/api/v1/knowledge/search?q=${encodeURIComponent('停电')}&limit=5`, { headers: { authorization: `Bearer ${token}` } });
  console.log(`\n== library of ${size} published scenarios (first search after the library changed: ${(performance.now() - t0).toFixed(0)} ms) ==`);
const base = await run('baseline: Postgres ILIKE scan', async (query) => {
  const rows = await db.sql<{ code: string }[]>`
    SELECT v.code FROM scenarios s JOIN scenario_versions v ON v.code = s.code AND v.version = s.published_version
    WHERE v.body::text ILIKE ${'%' + query.replace(/[%_\\]/g, (m) => '\\' + m) + '%'} LIMIT 5`;
  return rows.map((r) => r.code);
});
const page = await run('GET /agent/search (htmx fragment)', async (query) => {
  const res = await app.request(`/agent/search?q=${encodeURIComponent(query)}`, { headers: { cookie, 'hx-request': 'true' } });
  const html = await res.text();
  return [...html.matchAll(/\/agent\/scenarios\/([A-Z]{2}-\d{3})/g)].map((m) => m[1]).filter((c, i, a) => a.indexOf(c) === i);
});
const api = await run('GET /api/v1/knowledge/search', async (query) => {
  const res = await app.request(`/api/v1/knowledge/search?q=${encodeURIComponent(query)}&limit=5`, { headers: { authorization: `Bearer ${token}` } });
  return ((await res.json()) as { results: { code: string }[] }).results.map((r) => r.code);
});
console.log(`ratios to the ILIKE baseline (p50): fragment ${(page / base).toFixed(2)}×, API ${(api / base).toFixed(2)}×`);
}
console.log(`memory: rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB, heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
await db.close();
