// API tokens for /api/v1: stored as hashes, shown once, revocable.
import type { Sql } from '../db/index.ts';
import { digest, randomSecret } from './sessions.ts';
import type { UserRow } from './users.ts';

export interface TokenRow {
  id: number;
  user_id: number;
  username: string;
  name: string;
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

/** Issues a token for a user; returns the plain token (shown once) and its row id. */
export async function issueToken(sql: Sql, userId: number, name: string, createdBy: number | null, now: Date): Promise<{ token: string; id: number }> {
  const token = `pk_${randomSecret(24)}`;
  const [row] = await sql<{ id: number }[]>`
    INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_by, created_at)
    VALUES (${userId}, ${name}, ${digest(token)}, ${token.slice(0, 10)}, ${createdBy}, ${now})
    RETURNING id`;
  return { token, id: row.id };
}

export async function listTokens(sql: Sql): Promise<TokenRow[]> {
  return sql<TokenRow[]>`
    SELECT t.id, t.user_id, u.username, t.name, t.prefix, t.created_at, t.last_used_at, t.revoked_at
    FROM api_tokens t JOIN users u ON u.id = t.user_id ORDER BY t.revoked_at IS NOT NULL, t.created_at DESC`;
}

/** Revokes a token; false when it was unknown or already revoked. */
export async function revokeToken(sql: Sql, id: number, now: Date): Promise<TokenRow | undefined> {
  const [row] = await sql<TokenRow[]>`
    UPDATE api_tokens t SET revoked_at = ${now} FROM users u
    WHERE t.id = ${id} AND t.revoked_at IS NULL AND u.id = t.user_id
    RETURNING t.id, t.user_id, u.username, t.name, t.prefix, t.created_at, t.last_used_at, t.revoked_at`;
  return row;
}

/** The active user behind a token, recording its use; undefined when unknown or revoked. */
export async function userForToken(sql: Sql, token: string, now: Date): Promise<(UserRow & { token_id: number }) | undefined> {
  const [row] = await sql<(UserRow & { token_id: number; last_used_at: Date | null })[]>`
    SELECT u.*, t.id AS token_id, t.last_used_at FROM api_tokens t JOIN users u ON u.id = t.user_id
    WHERE t.token_hash = ${digest(token)} AND t.revoked_at IS NULL AND u.active`;
  if (!row) return undefined;
  if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > 60_000) {
    await sql`UPDATE api_tokens SET last_used_at = ${now} WHERE id = ${row.token_id}`;
  }
  return row;
}
