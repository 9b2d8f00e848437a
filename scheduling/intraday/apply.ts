// Applying intraday changes (call-ins, loans, overtime, early leave, offline work, no-shows) to a day state, purely.
import type { Assignment, DayState, OfflineBlock, OfflineKind } from './types.ts';

/** One edit of today's roster; a suggestion carries one or more. */
export type RosterChange =
  /** An off-duty agent is called in and works `project` for the window. */
  | { type: 'callIn'; agentId: string; project: string; startMinute: number; endMinute: number }
  /** An agent on shift answers another project for the window (一专多能 cover). */
  | { type: 'loan'; agentId: string; project: string; startMinute: number; endMinute: number }
  /** Offline work (never breaks) inside the window is cancelled; blocks are trimmed or split. */
  | { type: 'cancelOffline'; agentId: string; startMinute: number; endMinute: number }
  /** A block of offline work is added (e.g. analysis in a trough). */
  | { type: 'addOffline'; agentId: string; kind: OfflineKind; startMinute: number; endMinute: number }
  /** The shift ends at a new minute: later for overtime, earlier for early leave. */
  | { type: 'setShiftEnd'; agentId: string; endMinute: number };

/** Anything carrying roster changes, such as a suggestion. */
export interface HasChanges {
  changes: readonly RosterChange[];
}

function cutWindow(blocks: readonly OfflineBlock[], startMinute: number, endMinute: number): OfflineBlock[] {
  const out: OfflineBlock[] = [];
  for (const b of blocks) {
    if (b.kind === 'break' || b.endMinute <= startMinute || b.startMinute >= endMinute) {
      out.push(b);
      continue;
    }
    if (b.startMinute < startMinute) out.push({ ...b, endMinute: startMinute });
    if (b.endMinute > endMinute) out.push({ ...b, startMinute: endMinute });
  }
  return out;
}

function applyOne(assignments: Assignment[], change: RosterChange): Assignment[] {
  const index = assignments.findIndex((a) => a.agentId === change.agentId);
  if (change.type === 'callIn') {
    if (index >= 0 && !assignments[index].absent) throw new RangeError(`agent ${change.agentId} already works today`);
    const added: Assignment = {
      agentId: change.agentId,
      project: change.project,
      startMinute: change.startMinute,
      endMinute: change.endMinute,
      offline: [],
      loans: [],
      absent: false,
      origin: 'callIn',
    };
    return index >= 0 ? assignments.map((a, i) => (i === index ? added : a)) : [...assignments, added];
  }
  if (index < 0) throw new RangeError(`agent ${change.agentId} has no assignment today`);
  const a = assignments[index];
  let next: Assignment;
  switch (change.type) {
    case 'loan':
      next = { ...a, loans: [...a.loans, { project: change.project, startMinute: change.startMinute, endMinute: change.endMinute }] };
      break;
    case 'cancelOffline':
      next = { ...a, offline: cutWindow(a.offline, change.startMinute, change.endMinute) };
      break;
    case 'addOffline':
      next = { ...a, offline: [...a.offline, { kind: change.kind, startMinute: change.startMinute, endMinute: change.endMinute }] };
      break;
    case 'setShiftEnd':
      if (!(change.endMinute > a.startMinute)) throw new RangeError(`shift of ${a.agentId} cannot end at ${change.endMinute}, before it starts`);
      next = { ...a, endMinute: change.endMinute };
      break;
  }
  return assignments.map((x, i) => (i === index ? next : x));
}

/**
 * What does today look like once a suggestion (or any set of roster changes) is applied? The input is untouched.
 * @example applySuggestion(state, { changes: [{ type: 'setShiftEnd', agentId: 'A0001', endMinute: 1080 }] })
 *   // a new state whose A0001 shift ends at 18:00
 */
export function applySuggestion(state: DayState, suggestion: HasChanges): DayState {
  let assignments = state.assignments.slice();
  for (const change of suggestion.changes) assignments = applyOne(assignments, change);
  const calledIn = new Set(suggestion.changes.filter((c) => c.type === 'callIn').map((c) => c.agentId));
  const agents = calledIn.size ? state.agents.map((p) => (calledIn.has(p.agentId) ? { ...p, availability: 'onShift' as const } : p)) : state.agents;
  return { ...state, assignments, agents };
}

/**
 * What does today look like once these agents are reported absent (no-shows)? Unknown ids are an error.
 * @example recordNoShows(state, ['A0007']).assignments.find((a) => a.agentId === 'A0007')?.absent // true
 */
export function recordNoShows(state: DayState, agentIds: readonly string[]): DayState {
  const ids = new Set(agentIds);
  for (const id of ids) {
    if (!state.assignments.some((a) => a.agentId === id)) throw new RangeError(`agent ${id} has no assignment today`);
  }
  return {
    ...state,
    assignments: state.assignments.map((a) => (ids.has(a.agentId) ? { ...a, absent: true } : a)),
    agents: state.agents.map((p) => (ids.has(p.agentId) ? { ...p, availability: 'off' as const } : p)),
  };
}
