// An agent's own published schedule: their agents_sched row, their assignments from today on, and what changed in the
// published roster for them recently (weekly re-plans, swaps), with who changed it and when.
import type { Sql } from '../db/index.ts';
import { recentChangesFor } from './weekly-store.ts';

/** One day as the agent's page shows it: a shift (or a day off that was changed), and its recent change if any. */
export interface MyAssignment {
  date: string;
  /** '' for a day off (listed only when it changed). */
  shift: string;
  shiftName: string;
  start: string;
  end: string;
  project: string;
  change?: MyDayChange;
}

/** What changed on a day: the cell before the first recent change, and the latest change's author and time. */
export interface MyDayChange {
  was: { shift: string | null; project: string | null };
  kind: string;
  by: string | null;
  at: Date;
}

/** The signed-in agent's schedulable-agent row. */
export interface MyAgent {
  id: number;
  code: string;
  name: string;
  team: string;
  skills: Record<string, number>;
}

const hhmm = (minute: number) => `${String(Math.floor((minute % 1440) / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** The schedulable agent linked to a user, if any. */
export async function myAgent(sql: Sql, userId: number): Promise<MyAgent | undefined> {
  const [a] = await sql<{ id: number; code: string; name: string; team: string | null; skills: Record<string, number> }[]>`
    SELECT a.id, a.code, a.name, t.code AS team, a.skills FROM agents_sched a LEFT JOIN teams t ON t.id = a.team_id WHERE a.user_id = ${userId}`;
  return a && { id: a.id, code: a.code, name: a.name, team: a.team ?? '', skills: a.skills ?? {} };
}

/**
 * The signed-in user's schedulable-agent name and published assignments from `fromDate` on, each marked with its
 * change when the published roster changed it since `changedSince`; a day that changed to a day off is listed too.
 * Reads `roster_assignments (agent_id → agents_sched.id, date, shift_code, project_id)` when that table
 * exists (the roster area owns it); `shifts` is null when there is no roster yet.
 */
export async function myAssignments(
  sql: Sql,
  userId: number,
  fromDate: string,
  exists: (table: string) => Promise<boolean>,
  changedSince?: Date,
): Promise<{ agentName: string | null; shifts: MyAssignment[] | null }> {
  const agent = await myAgent(sql, userId);
  if (!agent) return { agentName: null, shifts: null };
  if (!(await exists('roster_assignments'))) return { agentName: agent.name, shifts: null };
  try {
    const rows = await sql.unsafe<{ date: string; code: string; name: string; start_minute: number; length_minutes: number; project: string | null }[]>(
      `SELECT to_char(ra.date, 'YYYY-MM-DD') AS date, st.code, st.name, st.start_minute, st.length_minutes, p.code AS project
       FROM roster_assignments ra JOIN shift_types st ON st.code = ra.shift_code LEFT JOIN projects p ON p.id = ra.project_id
       WHERE ra.agent_id = $1 AND ra.date >= $2::date ORDER BY ra.date LIMIT 62`,
      [agent.id, fromDate],
    );
    const shifts: MyAssignment[] = rows.map((r) => ({ date: r.date, shift: r.code, shiftName: r.name, start: hhmm(r.start_minute), end: hhmm(r.start_minute + r.length_minutes), project: r.project ?? '' }));
    if (changedSince && (await exists('roster_versions'))) {
      const byDate = new Map<string, MyDayChange>();
      // Newest first: the first entry per date names the latest author; the last one holds the original cell.
      for (const ch of await recentChangesFor(sql, agent.code, changedSince)) {
        if (ch.date < fromDate) continue;
        const known = byDate.get(ch.date);
        if (known) known.was = ch.from;
        else byDate.set(ch.date, { was: ch.from, kind: ch.kind, by: ch.by, at: ch.at });
      }
      for (const [date, change] of byDate) {
        const row = shifts.find((s) => s.date === date);
        if (row) {
          if (row.shift !== change.was.shift || row.project !== (change.was.project ?? '')) row.change = change;
        } else if (change.was.shift) shifts.push({ date, shift: '', shiftName: '', start: '', end: '', project: '', change });
      }
      shifts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    }
    return { agentName: agent.name, shifts };
  } catch {
    return { agentName: agent.name, shifts: null };
  }
}
