// Who may check a sampled call: the client reviewer's project binding, the strategy's constraints
// (never the agent's own calls; peers from the call's project) and the plan's daily cap.
import type { Ctx } from '../http/env.ts';
import type { Sql } from '../db/index.ts';
import type { PlanRow } from './queries.ts';

/**
 * The project a client reviewer is bound to: null for users who are not (only) client reviewers,
 * 0 for a client reviewer bound to no project (who then sees nothing).
 */
export async function clientProject(c: Ctx): Promise<number | null> {
  const u = c.get('user')!;
  if (!u.roles.includes('client') || u.roles.includes('inspector')) return null;
  const [row] = await c.get('deps').sql<{ client_project_id: number | null }[]>`SELECT client_project_id FROM users WHERE id = ${u.id}`;
  return row?.client_project_id ?? 0;
}

export interface ReviewerInfo {
  id: number;
  username: string;
  displayName: string;
  roles: string[];
  clientProjectId: number | null;
  teamProjectId: number | null;
  active: boolean;
}

export async function reviewerInfo(sql: Sql, ids: number[]): Promise<ReviewerInfo[]> {
  if (!ids.length) return [];
  const rows = await sql<{ id: number; username: string; display_name: string; roles: string[]; client_project_id: number | null; team_project_id: number | null; active: boolean }[]>`
    SELECT u.id, u.username, u.display_name, u.roles, u.client_project_id, tm.project_id AS team_project_id, u.active
    FROM users u LEFT JOIN teams tm ON tm.id = u.team_id WHERE u.id = ANY(${ids}::int[]) ORDER BY u.id`;
  return rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name, roles: r.roles, clientProjectId: r.client_project_id, teamProjectId: r.team_project_id, active: r.active }));
}

/**
 * May this reviewer check a call of `projectId` taken by `agentId`? Never the agent's own call;
 * a client reviewer only in their project; an agent (peer) only in their team's project; inactive users never.
 */
export function mayCheck(r: ReviewerInfo, call: { agentId: number; projectId: number }): boolean {
  if (!r.active || r.id === call.agentId) return false;
  const isInspector = r.roles.includes('inspector');
  if (r.roles.includes('client') && !isInspector) return r.clientProjectId === call.projectId;
  if (r.roles.includes('agent') && !isInspector) return r.teamProjectId === null || r.teamProjectId === call.projectId;
  return isInspector;
}

/** The plan's reviewers who may check this call, in the plan's order. */
export async function eligibleReviewers(sql: Sql, plan: PlanRow, call: { agentId: number; projectId: number }): Promise<ReviewerInfo[]> {
  const info = await reviewerInfo(sql, plan.reviewer_ids);
  const byId = new Map(info.map((r) => [r.id, r]));
  return plan.reviewer_ids.flatMap((id) => (byId.has(id) && mayCheck(byId.get(id)!, call) ? [byId.get(id)!] : []));
}
