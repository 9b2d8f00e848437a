// Server-side sessions and login attempts. The cookie holds a random token; the table holds its hash.
import { createHash, randomBytes } from 'node:crypto';
import type { Sql } from '../db/index.ts';
import type { UserRow } from './users.ts';

/** sha256 of a secret, base64url; what the database stores instead of the secret. */
export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

/** A fresh random secret (session cookie, API token), base64url. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export interface SessionTimes {
  now: Date;
  idleMinutes: number;
  maxHours: number;
}

/** Creates a session and returns the cookie value (never stored). */
export async function createSession(sql: Sql, userId: number, t: SessionTimes, meta: { userAgent?: string; ip?: string }): Promise<{ token: string; id: string }> {
  const token = randomSecret();
  const id = digest(token);
  const expires = new Date(Math.min(t.now.getTime() + t.idleMinutes * 60_000, t.now.getTime() + t.maxHours * 3_600_000));
  await sql`INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at, user_agent, ip)
            VALUES (${id}, ${userId}, ${t.now}, ${t.now}, ${expires}, ${meta.userAgent?.slice(0, 300) ?? null}, ${meta.ip ?? null})`;
  return { token, id };
}

export interface SessionUser extends UserRow {
  session_id: string;
  last_seen_at: Date;
  session_created_at: Date;
}

/** The live session for a cookie value, sliding its expiry; undefined when unknown or expired. */
export async function touchSession(sql: Sql, token: string, t: SessionTimes): Promise<SessionUser | undefined> {
  const id = digest(token);
  const [row] = await sql<SessionUser[]>`
    SELECT u.*, s.id AS session_id, s.last_seen_at, s.created_at AS session_created_at
    FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.id = ${id} AND s.expires_at > ${t.now} AND u.active`;
  if (!row) return undefined;
  if (t.now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
    const hardEnd = new Date(row.session_created_at).getTime() + t.maxHours * 3_600_000;
    const expires = new Date(Math.min(t.now.getTime() + t.idleMinutes * 60_000, hardEnd));
    await sql`UPDATE sessions SET last_seen_at = ${t.now}, expires_at = ${expires} WHERE id = ${id}`;
  }
  return row;
}

export async function deleteSession(sql: Sql, id: string): Promise<void> {
  await sql`DELETE FROM sessions WHERE id = ${id}`;
}

/** Signs a user out everywhere, optionally keeping one session. */
export async function deleteUserSessions(sql: Sql, userId: number, keepId?: string): Promise<void> {
  await sql`DELETE FROM sessions WHERE user_id = ${userId} AND id <> ${keepId ?? ''}`;
}

export async function recordLoginAttempt(sql: Sql, username: string, ip: string, ok: boolean, at: Date): Promise<void> {
  await sql`INSERT INTO login_attempts (username, ip, ok, at) VALUES (${username}, ${ip}, ${ok}, ${at})`;
}

/** Failed attempts since `since` for a username (after its last success) and for an IP. */
export async function recentFailures(sql: Sql, username: string, ip: string, since: Date): Promise<{ byUser: number; byIp: number; oldestUserFailure: Date | null }> {
  const [row] = await sql<{ by_user: number; by_ip: number; oldest: Date | null }[]>`
    WITH last_ok AS (
      SELECT coalesce(max(id), 0) AS id FROM login_attempts WHERE username = ${username} AND ok AND at >= ${since}
    ), fails AS (
      SELECT a.at FROM login_attempts a, last_ok
      WHERE a.username = ${username} AND NOT a.ok AND a.at >= ${since} AND a.id > last_ok.id
    )
    SELECT (SELECT count(*)::int FROM fails) AS by_user,
           (SELECT count(*)::int FROM login_attempts WHERE ip = ${ip} AND NOT ok AND at >= ${since}) AS by_ip,
           (SELECT min(at) FROM fails) AS oldest`;
  return { byUser: row.by_user, byIp: row.by_ip, oldestUserFailure: row.oldest };
}

/** Removes expired sessions and old login attempts. */
export async function pruneSessions(sql: Sql, now: Date): Promise<void> {
  await sql`DELETE FROM sessions WHERE expires_at <= ${now}`;
  await sql`DELETE FROM login_attempts WHERE at < ${new Date(now.getTime() - 7 * 86_400_000)}`;
}
