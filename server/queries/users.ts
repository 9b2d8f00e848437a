// Users: look-ups and changes, returning typed rows. No business rules here.
import type { Sql } from '../db/index.ts';
import type { Role } from '../auth/roles.ts';
import type { Locale } from '../../views/i18n.ts';

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  roles: Role[];
  locale: Locale | null;
  team_id: number | null;
  active: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export async function findUserByUsername(sql: Sql, username: string): Promise<UserRow | undefined> {
  const [row] = await sql<UserRow[]>`SELECT * FROM users WHERE username = ${username.trim().toLowerCase()}`;
  return row;
}

export async function findUserById(sql: Sql, id: number): Promise<UserRow | undefined> {
  const [row] = await sql<UserRow[]>`SELECT * FROM users WHERE id = ${id}`;
  return row;
}

export interface UserListRow extends Omit<UserRow, 'password_hash'> {
  team_name: string | null;
}

export async function listUsers(sql: Sql): Promise<UserListRow[]> {
  return sql<UserListRow[]>`
    SELECT u.id, u.username, u.display_name, u.roles, u.locale, u.team_id, u.active, u.version,
           u.created_at, u.updated_at, t.name AS team_name
    FROM users u LEFT JOIN teams t ON t.id = u.team_id
    ORDER BY u.username`;
}

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  locale?: Locale | null;
  teamId?: number | null;
}

/** Inserts a user; returns undefined when the username is taken. */
export async function insertUser(sql: Sql, u: NewUser): Promise<UserRow | undefined> {
  const [row] = await sql<UserRow[]>`
    INSERT INTO users (username, display_name, password_hash, roles, locale, team_id)
    VALUES (${u.username}, ${u.displayName}, ${u.passwordHash}, ${sql.array(u.roles)}, ${u.locale ?? null}, ${u.teamId ?? null})
    ON CONFLICT (username) DO NOTHING
    RETURNING *`;
  return row;
}

export interface UserChanges {
  displayName: string;
  roles: Role[];
  locale: Locale | null;
  teamId: number | null;
  active: boolean;
}

/** Updates a user if its version still matches; undefined means someone changed it meanwhile. */
export async function updateUser(sql: Sql, id: number, version: number, ch: UserChanges, now: Date): Promise<UserRow | undefined> {
  const [row] = await sql<UserRow[]>`
    UPDATE users SET display_name = ${ch.displayName}, roles = ${sql.array(ch.roles)}, locale = ${ch.locale},
      team_id = ${ch.teamId}, active = ${ch.active}, version = version + 1, updated_at = ${now}
    WHERE id = ${id} AND version = ${version}
    RETURNING *`;
  return row;
}

export async function setPasswordHash(sql: Sql, id: number, hash: string, now: Date): Promise<void> {
  await sql`UPDATE users SET password_hash = ${hash}, version = version + 1, updated_at = ${now} WHERE id = ${id}`;
}

export async function setUserLocale(sql: Sql, id: number, locale: Locale | null): Promise<void> {
  await sql`UPDATE users SET locale = ${locale} WHERE id = ${id}`;
}

/** Number of active users holding the admin role, other than `exceptId`. */
export async function countOtherActiveAdmins(sql: Sql, exceptId: number): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM users WHERE active AND 'admin' = ANY(roles) AND id <> ${exceptId}`;
  return row.n;
}

export interface TeamRow {
  id: number;
  code: string;
  name: string;
  project_code: string;
}

export async function listTeams(sql: Sql): Promise<TeamRow[]> {
  return sql<TeamRow[]>`SELECT t.id, t.code, t.name, p.code AS project_code FROM teams t JOIN projects p ON p.id = t.project_id ORDER BY p.id, t.code`;
}
