// Seeds the demo centre into a database: each step runs once (recorded in settings), so seeding is
// idempotent and later features can add steps of their own.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Sql } from '../db/index.ts';
import { hashPassword } from '../auth/password.ts';
import type { Role } from '../auth/roles.ts';
import type { ResponsibilityMatrix } from '../../knowledge/matrix.ts';
import { featureSeedSteps } from '../features.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The demo projects: the 95598 line and three outsourced lines. */
export const DEMO_PROJECTS = [
  { code: '95598', name: '95598供电服务热线', nameEn: '95598 power service hotline', kind: 'hotline', slTarget: 0.9, slSeconds: 15 },
  { code: 'EV', name: '电动汽车充电服务热线', nameEn: 'EV charging support', kind: 'outsourced', slTarget: 0.8, slSeconds: 20 },
  { code: 'INS', name: '电力保险服务专线', nameEn: 'Insurance service line', kind: 'outsourced', slTarget: 0.8, slSeconds: 20 },
  { code: 'FIN', name: '数字金融服务专线', nameEn: 'Digital finance line', kind: 'outsourced', slTarget: 0.8, slSeconds: 30 },
] as const;

/** Teams per project (班组). */
export const DEMO_TEAMS = [
  { project: '95598', code: '95598-A', name: '95598 一班' },
  { project: '95598', code: '95598-B', name: '95598 二班' },
  { project: '95598', code: '95598-C', name: '95598 三班' },
  { project: '95598', code: '95598-D', name: '95598 四班' },
  { project: 'EV', code: 'EV-A', name: '充电服务一班' },
  { project: 'EV', code: 'EV-B', name: '充电服务二班' },
  { project: 'INS', code: 'INS-A', name: '保险专线班' },
  { project: 'FIN', code: 'FIN-A', name: '金融专线班' },
] as const;

/** One demo user per role; the passwords are printed in the README. */
export const DEMO_USERS: { username: string; displayName: string; password: string; roles: Role[]; team?: string }[] = [
  { username: 'agent', displayName: '李晓梅', password: 'demo-agent-pass', roles: ['agent'], team: '95598-A' },
  { username: 'inspector', displayName: '王建国', password: 'demo-inspector-pass', roles: ['inspector'] },
  { username: 'scheduler', displayName: '张敏', password: 'demo-scheduler-pass', roles: ['scheduler'] },
  { username: 'knowledge', displayName: '陈静', password: 'demo-knowledge-pass', roles: ['knowledge'] },
  { username: 'admin', displayName: '系统管理员', password: 'demo-admin-pass', roles: ['admin'] },
];

export interface SeedStep {
  id: string;
  run(sql: Sql): Promise<void>;
}

async function seedOrganisation(sql: Sql): Promise<void> {
  for (const p of DEMO_PROJECTS) {
    await sql`INSERT INTO projects (code, name, name_en, kind, sl_target, sl_seconds)
              VALUES (${p.code}, ${p.name}, ${p.nameEn}, ${p.kind}, ${p.slTarget}, ${p.slSeconds})
              ON CONFLICT (code) DO NOTHING`;
  }
  for (const t of DEMO_TEAMS) {
    await sql`INSERT INTO teams (project_id, code, name)
              SELECT id, ${t.code}, ${t.name} FROM projects WHERE code = ${t.project}
              ON CONFLICT (code) DO NOTHING`;
  }
  const matrixPath = join(root, 'knowledge', 'demo', 'matrix.json');
  if (existsSync(matrixPath)) {
    const matrix = JSON.parse(readFileSync(matrixPath, 'utf8')) as ResponsibilityMatrix;
    for (const d of matrix.departments) {
      await sql`INSERT INTO departments (code, name, role) VALUES (${d.code}, ${d.name}, ${d.role}) ON CONFLICT (code) DO NOTHING`;
    }
  }
}

/** Demo password hashes, computed once per process (scrypt is deliberately slow; tests reseed often). */
const demoHashes = new Map<string, Promise<string>>();

async function seedUsers(sql: Sql): Promise<void> {
  for (const u of DEMO_USERS) {
    if (!demoHashes.has(u.password)) demoHashes.set(u.password, hashPassword(u.password));
    const hash = await demoHashes.get(u.password)!;
    await sql`INSERT INTO users (username, display_name, password_hash, roles, team_id)
              VALUES (${u.username}, ${u.displayName}, ${hash}, ${sql.array(u.roles)},
                      (SELECT id FROM teams WHERE code = ${u.team ?? ''}))
              ON CONFLICT (username) DO NOTHING`;
  }
}

/** The shell's seed steps; feature areas add theirs (server/features.ts). */
export const SHELL_SEED_STEPS: SeedStep[] = [
  { id: 'organisation', run: seedOrganisation },
  { id: 'users', run: seedUsers },
];

/** Runs every seed step not yet recorded; returns the ids run now. */
export async function seedDemo(sql: Sql, steps?: SeedStep[]): Promise<string[]> {
  steps ??= [...SHELL_SEED_STEPS, ...featureSeedSteps];
  const ran: string[] = [];
  for (const step of steps) {
    const key = `seed:${step.id}`;
    const [done] = await sql`SELECT 1 FROM settings WHERE key = ${key}`;
    if (done) continue;
    await step.run(sql);
    await sql`INSERT INTO settings (key, value) VALUES (${key}, ${new Date().toISOString()}) ON CONFLICT (key) DO NOTHING`;
    ran.push(step.id);
  }
  return ran;
}
