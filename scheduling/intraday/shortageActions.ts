// Actions that fill a project's short intervals: cancel or move offline work, move multi-skilled agents, overtime, tier-ordered call-ins.
import type { RosterChange } from './apply.ts';
import { shortfall, spareAgents, type Board } from './board.ts';
import type { ResolvedSuggestOptions } from './costs.ts';
import { hours, runsWhere, shortIn, skillOf, type Action } from './actions.ts';
import type { Assignment } from './types.ts';

/** Offline work other than breaks covering at least half of interval i. */
function cancellableOfflineAt(board: Board, a: Assignment, i: number): boolean {
  const s = i * board.intervalMinutes;
  const e = s + board.intervalMinutes;
  let minutes = 0;
  for (const b of a.offline) if (b.kind !== 'break') minutes += Math.max(0, Math.min(b.endMinute, e) - Math.max(b.startMinute, s));
  return minutes * 2 >= board.intervalMinutes;
}

/** Cancel offline work that keeps an agent off a short project's phones, or move it to spare intervals of the same shift. */
export function offlineActions(board: Board, project: string, run: [number, number], o: ResolvedSuggestOptions): Action[] {
  const m = board.intervalMinutes;
  const out: Action[] = [];
  for (const a of board.state.assignments) {
    const row = board.rows.get(a.agentId);
    if (!row || a.absent) continue;
    const windows = runsWhere(board, (i) => row[i].kind === 'offline' && (row[i] as { project: string }).project === project && cancellableOfflineAt(board, a, i), run[0], run[1]);
    for (const [from, to] of windows) {
      const cancel: RosterChange = { type: 'cancelOffline', agentId: a.agentId, startMinute: from * m, endMinute: to * m };
      const base = { project, sourceProject: null, tier: null, agentId: a.agentId, proficiency: skillOf(board, a.agentId, project), from, to, benefit: to - from };
      out.push({ ...base, kind: 'cancelOffline', changes: [cancel], cost: hours(board, from, to) * o.costs.cancelOfflinePerHour });
      const spare = (i: number) => row[i].kind === 'phones' && (row[i] as { project: string }).project === project && spareAgents(board, project, i) >= 1;
      const slot = runsWhere(board, spare).find(([s, e]) => e - s >= to - from);
      if (slot) {
        const block = a.offline.find((b) => b.kind !== 'break' && b.endMinute > from * m && b.startMinute < to * m);
        const kind = block ? block.kind : 'analysis';
        const add: RosterChange = { type: 'addOffline', agentId: a.agentId, kind, startMinute: slot[0] * m, endMinute: (slot[0] + to - from) * m };
        out.push({ ...base, kind: 'moveOffline', changes: [cancel, add], cost: hours(board, from, to) * o.costs.moveOfflinePerHour });
      }
    }
  }
  return out;
}

/** Loan multi-skilled agents from projects with guaranteed spare agents; never below the source's own target. */
export function moveActions(board: Board, project: string, run: [number, number], o: ResolvedSuggestOptions): Action[] {
  const m = board.intervalMinutes;
  const out: Action[] = [];
  for (const a of board.state.assignments) {
    const source = a.project;
    if (source === project || a.absent || !board.present[source]) continue;
    const proficiency = skillOf(board, a.agentId, project);
    if (proficiency < o.minProficiency) continue;
    const row = board.rows.get(a.agentId);
    if (!row) continue;
    const onSource = (i: number) => row[i].kind === 'phones' && (row[i] as { project: string }).project === source && spareAgents(board, source, i) >= 1;
    for (const [from, to] of runsWhere(board, onSource, run[0], run[1])) {
      out.push({
        kind: 'moveAgent', project, sourceProject: source, tier: null, agentId: a.agentId, proficiency, from, to,
        changes: [{ type: 'loan', agentId: a.agentId, project, startMinute: from * m, endMinute: to * m }],
        cost: hours(board, from, to) * o.costs.movePerHour,
        benefit: to - from,
      });
    }
  }
  return out;
}

/** Extend rostered shifts ending before or inside a shortage, up to the overtime limit from the rostered end. */
export function overtimeActions(board: Board, project: string, o: ResolvedSuggestOptions): Action[] {
  const m = board.intervalMinutes;
  const out: Action[] = [];
  for (const a of board.state.assignments) {
    if (a.project !== project || a.absent || a.origin !== 'roster') continue;
    const from = Math.ceil(a.endMinute / m);
    if (from < board.firstFuture || from >= board.intervalCount) continue;
    const rosterEnd = board.rosterEndMinute.get(a.agentId) ?? a.endMinute;
    let to = Math.min(board.intervalCount, Math.floor((rosterEnd + o.maxOvertimeMinutes) / m));
    while (to > from && shortfall(board, project, to - 1) <= 0) to--;
    const benefit = shortIn(board, project, from, to);
    if (benefit === 0) continue;
    out.push({
      kind: 'overtime', project, sourceProject: null, tier: null, agentId: a.agentId, proficiency: skillOf(board, a.agentId, project), from, to,
      changes: [{ type: 'setShiftEnd', agentId: a.agentId, endMinute: to * m }],
      cost: hours(board, a.endMinute / m, to) * o.costs.overtimePerHour,
      benefit,
    });
  }
  return out;
}

/** Call in reachable emergency staff, lowest tier first, for at least the minimum call-in after the lead time. */
export function callInActions(board: Board, project: string, run: [number, number], o: ResolvedSuggestOptions): Action[] {
  const m = board.intervalMinutes;
  const minLength = Math.ceil(o.minCallInMinutes / m);
  const maxLength = Math.max(minLength, Math.floor(o.maxCallInMinutes / m));
  const earliest = board.firstFuture + Math.ceil(o.callInLeadMinutes / m);
  const runStart = Math.max(run[0], earliest);
  if (runStart >= run[1]) return [];
  const length = Math.min(maxLength, Math.max(minLength, run[1] - runStart));
  const to = Math.min(board.intervalCount, runStart + length);
  const from = Math.max(earliest, Math.min(runStart, to - minLength));
  if (from >= to) return [];
  const benefit = shortIn(board, project, from, to);
  if (benefit === 0) return [];
  const assigned = new Set(board.state.assignments.map((a) => a.agentId));
  for (const tier of o.callInTiers) {
    const out: Action[] = [];
    for (const p of board.profiles.values()) {
      if (p.availability !== 'reachable' || p.emergencyTier !== tier || assigned.has(p.agentId)) continue;
      const proficiency = skillOf(board, p.agentId, project);
      if (proficiency < o.minProficiency) continue;
      out.push({
        kind: 'callIn', project, sourceProject: null, tier, agentId: p.agentId, proficiency, from, to,
        changes: [{ type: 'callIn', agentId: p.agentId, project, startMinute: from * m, endMinute: to * m }],
        cost: o.costs.callInFixed + hours(board, from, to) * (o.costs.callInPerHourByTier[tier] ?? Infinity),
        benefit,
      });
    }
    if (out.length) return out; // tier 1 before tier 2: a later tier is called only when no one earlier can come
  }
  return [];
}

