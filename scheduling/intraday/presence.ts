// Who is on the phones, for which project, in each interval of today — from assignments, absences, loans and offline work.
import type { Assignment } from './types.ts';

/** What an agent does during one interval. */
export type Activity =
  | { kind: 'offShift' }
  | { kind: 'absent'; project: string }
  | { kind: 'offline'; project: string }
  | { kind: 'phones'; project: string };

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

/**
 * What does an agent do in the interval [startMinute, endMinute)? A part counts when it covers at
 * least half the interval: on shift, on loan to another project, in offline work.
 * @example activityAt({ agentId: 'a', project: 'EV', startMinute: 540, endMinute: 1020, offline: [], loans: [], absent: false, origin: 'roster' }, 600, 630)
 *   // { kind: 'phones', project: 'EV' }
 */
export function activityAt(assignment: Assignment, startMinute: number, endMinute: number): Activity {
  const half = (endMinute - startMinute) / 2;
  if (overlap(assignment.startMinute, assignment.endMinute, startMinute, endMinute) < half) return { kind: 'offShift' };
  let project = assignment.project;
  for (const loan of assignment.loans) {
    if (overlap(loan.startMinute, loan.endMinute, startMinute, endMinute) >= half) project = loan.project;
  }
  if (assignment.absent) return { kind: 'absent', project };
  let offlineMinutes = 0;
  for (const block of assignment.offline) offlineMinutes += overlap(block.startMinute, block.endMinute, startMinute, endMinute);
  if (offlineMinutes >= half) return { kind: 'offline', project };
  return { kind: 'phones', project };
}

/** Head counts of one project in one interval. */
export interface IntervalPresence {
  /** Agents whose shift (or loan) puts them on this project in the interval, absent or not. */
  scheduled: number;
  absent: number;
  offline: number;
  /** On the phones for this project: scheduled − absent − offline. */
  present: number;
}

/**
 * How many agents are scheduled, absent, offline and present per project and interval today?
 * @example presenceByProject([{ agentId: 'a', project: 'EV', startMinute: 0, endMinute: 60, offline: [], loans: [], absent: false, origin: 'roster' }], ['EV'], 30, 2)
 *   // { EV: [{ scheduled: 1, absent: 0, offline: 0, present: 1 }, { scheduled: 1, absent: 0, offline: 0, present: 1 }] }
 */
export function presenceByProject(
  assignments: readonly Assignment[],
  projects: readonly string[],
  intervalMinutes: number,
  intervalCount: number,
): Record<string, IntervalPresence[]> {
  const out: Record<string, IntervalPresence[]> = {};
  for (const p of projects) out[p] = Array.from({ length: intervalCount }, () => ({ scheduled: 0, absent: 0, offline: 0, present: 0 }));
  for (const a of assignments) {
    const first = Math.max(0, Math.floor(a.startMinute / intervalMinutes));
    const last = Math.min(intervalCount - 1, Math.ceil(a.endMinute / intervalMinutes));
    for (let i = first; i <= last; i++) {
      const activity = activityAt(a, i * intervalMinutes, (i + 1) * intervalMinutes);
      if (activity.kind === 'offShift') continue;
      const row = out[activity.project]?.[i];
      if (!row) continue;
      row.scheduled++;
      if (activity.kind === 'absent') row.absent++;
      else if (activity.kind === 'offline') row.offline++;
      else row.present++;
    }
  }
  return out;
}
