// What today's floor changes mean for one agent (a call-in, cover on another project, a later or earlier end,
// offline work moved, a no-show): the agent's own schedule page lists them, since they live in the day's
// change log rather than in the published roster.
import type { Sql } from '../db/index.ts';
import type { RosterChange } from '../../scheduling/intraday/apply.ts';

/** One of today's live (not undone) floor changes that concerns the agent. */
export interface MyFloorChange {
  type: RosterChange['type'] | 'noShow';
  project: string | null;
  startMinute: number | null;
  endMinute: number | null;
  offlineKind: string | null;
  by: string;
  at: Date;
}

/**
 * Which of `date`'s live floor changes concern agent `agentCode`, in the order they were applied?
 * @example await myFloorChanges(sql, 'A0001', '2026-12-05') // [{ type: 'loan', project: 'EV', startMinute: 600, endMinute: 720, … }]
 */
export async function myFloorChanges(sql: Sql, agentCode: string, date: string): Promise<MyFloorChange[]> {
  const rows = await sql<{ changes: RosterChange[]; no_shows: string[]; applied_by_name: string; applied_at: Date }[]>`
    SELECT changes, no_shows, applied_by_name, applied_at FROM intraday_changes
    WHERE date = ${date}::date AND undone_at IS NULL
      AND (${agentCode} = ANY(no_shows) OR changes @> ${sql.json([{ agentId: agentCode }] as never)})
    ORDER BY seq`;
  const out: MyFloorChange[] = [];
  for (const r of rows) {
    const base = { by: r.applied_by_name, at: r.applied_at };
    if (r.no_shows.includes(agentCode)) out.push({ type: 'noShow', project: null, startMinute: null, endMinute: null, offlineKind: null, ...base });
    for (const ch of r.changes) {
      if (ch.agentId !== agentCode) continue;
      out.push({
        type: ch.type,
        project: 'project' in ch ? ch.project : null,
        startMinute: 'startMinute' in ch ? ch.startMinute : null,
        endMinute: ch.endMinute,
        offlineKind: ch.type === 'addOffline' ? ch.kind : null,
        ...base,
      });
    }
  }
  return out;
}
