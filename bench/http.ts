// Benchmark: page render latency in-process (app.request) for each role's home and the admin
// pages, against /healthz (one SQL round trip) as the baseline in the same run; embedded PGlite.
import { createApp } from '../server/app.tsx';
import { featureRoutes } from '../server/features.ts';
import { loadConfig } from '../server/config.ts';
import { createLogger } from '../server/log.ts';
import { openDatabase } from '../server/db/index.ts';
import { migrate } from '../server/db/migrate.ts';
import { seedDemo } from '../server/demo/seed.ts';
import { serverSecret } from '../server/queries/settings.ts';
import { createSession } from '../server/queries/sessions.ts';
import os from 'node:os';

const N = Number(process.env.N ?? 300);
const db = await openDatabase({ memory: true });
await migrate(db.sql);
await seedDemo(db.sql);
const config = loadConfig({ LOG_LEVEL: 'silent' });
const deps = { sql: db.sql, config, log: createLogger('silent'), now: () => new Date(), secret: await serverSecret(db.sql), services: {} };
const { app } = createApp(deps, featureRoutes);

async function cookieFor(username: string): Promise<string> {
  const [u] = await db.sql<{ id: number }[]>`SELECT id FROM users WHERE username = ${username}`;
  const s = await createSession(db.sql, u.id, { now: new Date(), idleMinutes: 480, maxHours: 24 }, {});
  return `pl_session=${s.token}`;
}

const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

async function measure(path: string, cookie?: string) {
  const times: number[] = [];
  for (let i = 0; i < N + 20; i++) {
    const t0 = performance.now();
    const res = await app.request(path, { headers: cookie ? { cookie } : {} });
    await res.arrayBuffer();
    if (i >= 20) times.push(performance.now() - t0);
    if (res.status >= 400) throw new Error(`${path}: ${res.status}`);
  }
  return { p50: q(times, 0.5), p95: q(times, 0.95) };
}

console.log(`machine: ${os.cpus()[0]?.model} × ${os.cpus().length}, node ${process.version}, ${N} requests per path, embedded PGlite`);
const base = await measure('/healthz');
console.log(`baseline /healthz               p50 ${base.p50.toFixed(2)} ms  p95 ${base.p95.toFixed(2)} ms`);
const cases: [string, string | undefined][] = [
  ['/login', undefined],
  ['/agent', 'agent'],
  ['/quality', 'inspector'],
  ['/rosters', 'scheduler'],
  ['/knowledge', 'knowledge'],
  ['/admin/users', 'admin'],
  ['/admin/audit', 'admin'],
];
for (const [path, user] of cases) {
  const r = await measure(path, user ? await cookieFor(user) : undefined);
  console.log(`${path.padEnd(30)} p50 ${r.p50.toFixed(2)} ms  p95 ${r.p95.toFixed(2)} ms  (${(r.p50 / base.p50).toFixed(1)}× baseline p50)`);
}
const mem = process.memoryUsage();
console.log(`memory: rss ${(mem.rss / 1e6).toFixed(0)} MB, heap ${(mem.heapUsed / 1e6).toFixed(0)} MB`);
await db.close();
