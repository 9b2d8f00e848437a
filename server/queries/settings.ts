// Key-value settings shared by every process on the database (e.g. the server secret).
import { randomBytes } from 'node:crypto';
import type { Sql } from '../db/index.ts';

/** The server secret, created on first use; shared by all processes so CSRF tokens agree. */
export async function serverSecret(sql: Sql): Promise<Buffer> {
  const fresh = randomBytes(32).toString('base64');
  await sql`INSERT INTO settings (key, value) VALUES ('secret', ${fresh}) ON CONFLICT (key) DO NOTHING`;
  const [row] = await sql<{ value: string }[]>`SELECT value FROM settings WHERE key = 'secret'`;
  return Buffer.from(row.value, 'base64');
}
