// An agent's own published schedule: their agents_sched row and, once the roster tables exist, their assignments.
import type { Sql } from '../db/index.ts';

/** One assignment as the agent's page shows it. */
export interface MyAssignment {
  date: string;
  shift: string;
  shiftName: string;
  start: string;
  end: string;
  project: string;
}

const hhmm = (minute: number) => `${String(Math.floor((minute % 1440) / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * The signed-in user's schedulable-agent name and published assignments from `fromDate` on.
 * Reads `roster_assignments (agent_id → agents_sched.id, date, shift_code, project_id)` when that table
 * exists (the roster area owns it); `shifts` is null when there is no roster yet.
 */
export async function myAssignments(sql: Sql, userId: number, fromDate: string, exists: (table: string) => Promise<boolean>): Promise<{ agentName: string | null; shifts: MyAssignment[] | null }> {
  const [agent] = await sql<{ id: number; name: string }[]>`SELECT id, name FROM agents_sched WHERE user_id = ${userId}`;
  if (!agent) return { agentName: null, shifts: null };
  if (!(await exists('roster_assignments'))) return { agentName: agent.name, shifts: null };
  try {
    const rows = await sql.unsafe<{ date: string; code: string; name: string; start_minute: number; length_minutes: number; project: string | null }[]>(
      `SELECT to_char(ra.date, 'YYYY-MM-DD') AS date, st.code, st.name, st.start_minute, st.length_minutes, p.code AS project
       FROM roster_assignments ra JOIN shift_types st ON st.code = ra.shift_code LEFT JOIN projects p ON p.id = ra.project_id
       WHERE ra.agent_id = $1 AND ra.date >= $2::date ORDER BY ra.date LIMIT 62`,
      [agent.id, fromDate],
    );
    return { agentName: agent.name, shifts: rows.map((r) => ({ date: r.date, shift: r.code, shiftName: r.name, start: hhmm(r.start_minute), end: hhmm(r.start_minute + r.length_minutes), project: r.project ?? '' })) };
  } catch {
    return { agentName: agent.name, shifts: null };
  }
}
