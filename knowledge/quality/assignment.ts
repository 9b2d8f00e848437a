// Who checks which sampled call, and on which day: balanced across reviewers, within daily caps, never one's own call.

/** A sampled call to hand out. */
export interface AssignableSample {
  /** Sample key (e.g. call id). */
  id: string;
  /** The agent who took the call; a reviewer never checks their own calls. */
  agentId: string;
  /** Reviewers who may not check this call (e.g. a client reviewer of another project). */
  excluded?: string[];
}

/** One hand-out: reviewer and the day it is due (days counted from `startDate`). */
export interface Assignment {
  id: string;
  reviewerId: string;
  /** `YYYY-MM-DD`. */
  dueDate: string;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Who checks each sample, and when? Samples go, in the order given, to the reviewer with the
 * fewest samples so far (ties: the reviewer listed first) who is not the call's agent and still
 * has room under `dailyCap` on the current day; when nobody has room the day moves on. A sample
 * nobody may take (only its own agent, or everyone else `excluded`) is left out (returned in `unassigned`).
 *
 * @example assignBalanced({ samples: [{ id: 'c1', agentId: 'a' }, { id: 'c2', agentId: 'b' }], reviewerIds: ['r1', 'r2'], dailyCap: 1, startDate: '2026-11-25' }).assignments
 * // [{ id: 'c1', reviewerId: 'r1', dueDate: '2026-11-25' }, { id: 'c2', reviewerId: 'r2', dueDate: '2026-11-25' }]
 */
export function assignBalanced({
  samples,
  reviewerIds,
  dailyCap,
  startDate,
}: {
  samples: AssignableSample[];
  reviewerIds: string[];
  dailyCap: number;
  startDate: string;
}): { assignments: Assignment[]; unassigned: string[] } {
  if (!(Number.isInteger(dailyCap) && dailyCap > 0)) throw new RangeError('assignBalanced: dailyCap must be a whole number > 0');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate)) throw new RangeError('assignBalanced: startDate must be YYYY-MM-DD');
  const reviewers = [...new Set(reviewerIds)];
  const total = new Map(reviewers.map((r) => [r, 0]));
  const perDay = new Map<string, number>();
  const assignments: Assignment[] = [];
  const unassigned: string[] = [];
  for (const s of samples) {
    const eligible = reviewers.filter((r) => r !== s.agentId && !s.excluded?.includes(r));
    if (eligible.length === 0) {
      unassigned.push(s.id);
      continue;
    }
    for (let day = 0; ; day++) {
      const date = addDays(startDate, day);
      const open = eligible.filter((r) => (perDay.get(`${r}|${date}`) ?? 0) < dailyCap);
      if (open.length === 0) continue;
      const reviewer = open.reduce((best, r) => (total.get(r)! < total.get(best)! ? r : best), open[0]);
      total.set(reviewer, total.get(reviewer)! + 1);
      perDay.set(`${reviewer}|${date}`, (perDay.get(`${reviewer}|${date}`) ?? 0) + 1);
      assignments.push({ id: s.id, reviewerId: reviewer, dueDate: date });
      break;
    }
  }
  return { assignments, unassigned };
}
