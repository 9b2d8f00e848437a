// Test-run setup: against a shared Postgres server (DATABASE_URL), the run works in a database of
// its own, dropped at the end (and leftovers of crashed runs are dropped first), so reruns start clean.
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseUrl: string;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    project.provide('testDatabaseUrl', '');
    return;
  }
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  const stale = await admin<{ datname: string }[]>`SELECT datname FROM pg_database WHERE datname LIKE 'peakline_test_%'`;
  for (const { datname } of stale) {
    const pid = Number(datname.split('_').pop());
    if (!alive(pid)) await admin.unsafe(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
  const name = `peakline_test_${process.pid}`;
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  project.provide('testDatabaseUrl', u.toString());
  return async function teardown() {
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  };
}
