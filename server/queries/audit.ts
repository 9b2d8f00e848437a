// The audit log of who changed what.
import type { Sql } from '../db/index.ts';

export interface AuditEntry {
  actorId: number | null;
  actorName: string;
  action: string;
  target?: string;
  detail?: Record<string, unknown>;
  requestId?: string;
  at: Date;
}

export interface AuditRow {
  id: number;
  at: Date;
  actor_name: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
  request_id: string | null;
}

export async function audit(sql: Sql, e: AuditEntry): Promise<void> {
  await sql`INSERT INTO audit_log (at, actor_id, actor_name, action, target, detail, request_id)
            VALUES (${e.at}, ${e.actorId}, ${e.actorName}, ${e.action}, ${e.target ?? null}, ${sql.json((e.detail ?? {}) as never)}, ${e.requestId ?? null})`;
}

export async function listAudit(sql: Sql, limit = 200): Promise<AuditRow[]> {
  return sql<AuditRow[]>`SELECT id, at, actor_name, action, target, detail, request_id FROM audit_log ORDER BY id DESC LIMIT ${limit}`;
}
