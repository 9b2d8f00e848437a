// What each agent may be given on each day: fixed cells (leave, pins, holiday rest) and the (shift, project) options the hard rules allow.
import type { RosterIndex } from './context.ts';
import type { RosterCell } from './model.ts';

/** Per agent: the cells it may take (shift × skilled project) and the cells fixed by leave, pins or holiday rest. */
export interface AgentOptions {
  options: RosterCell[];
  fixed: Map<number, RosterCell>;
}

/**
 * Which cells may each agent take, and which of their days are fixed?
 * @example agentOptions(ix)[0].options[0] // { shift: 'E', project: '95598' }
 */
export function agentOptions(ix: RosterIndex): AgentOptions[] {
  const dayRule = ix.rules.get('entitlement-day-shifts');
  const dayShifts = (dayRule?.params.shifts as string[] | undefined) ?? ['D'];
  return ix.model.agents.map((agent) => {
    const own = ix.dayShiftsOnly.get(agent.id) ?? dayShifts;
    const shifts = agent.contract.allowedShifts.filter((s) => ix.shiftByCode.has(s) && (!dayRule || !ix.dayShiftsOnly.has(agent.id) || own.includes(s)));
    const projects = ix.model.projects.filter((p) => agent.skills[p]);
    const options = shifts.flatMap((shift) => projects.map((project) => ({ shift, project })));
    const fixed = new Map<number, RosterCell>();
    if (ix.rules.has('entitlement-holiday-rest')) for (const d of ix.holidayRest.get(agent.id) ?? []) fixed.set(d, { shift: null, project: null });
    if (ix.rules.has('leave-respected')) for (const d of ix.leaveDays.get(agent.id) ?? []) fixed.set(d, { shift: null, project: null });
    if (ix.rules.has('pinned-respected')) {
      for (const [d, pin] of ix.pinned.get(agent.id) ?? []) {
        fixed.set(d, pin.shift === null ? { shift: null, project: null } : { shift: pin.shift, project: pin.project ?? projects[0] ?? null });
      }
    }
    return { options, fixed };
  });
}
