// Hard facts a roster must keep: approved leave, pinned cells, skills for the project served, contract shift types.
import type { AgentConstraint } from '../context.ts';
import { agentDayItem } from './emit.ts';

/**
 * 已批准假期不排班: one unit per leave day worked.
 * @example leaveRespected // penalty of 'E' on a leave day → 1
 */
export const leaveRespected: AgentConstraint = {
  id: 'leave-respected',
  label: 'Approved leave is a day off',
  scope: 'agent',
  evaluate(ix, rule, agent, cells, out) {
    for (const d of ix.leaveDays.get(agent.id) ?? []) {
      if (cells[d].shift) out.push(agentDayItem(ix, rule, agent.id, d, 1, `${agent.name} works ${cells[d].shift} on approved leave`));
    }
  },
};

/**
 * 锁定的排班保持不变: one unit per pinned cell whose shift (or pinned project) differs.
 * @example pinnedRespected // pinned D, rostered E → 1
 */
export const pinnedRespected: AgentConstraint = {
  id: 'pinned-respected',
  label: 'Pinned assignments are kept',
  scope: 'agent',
  evaluate(ix, rule, agent, cells, out) {
    for (const [d, pin] of ix.pinned.get(agent.id) ?? []) {
      const cell = cells[d];
      const projectDiffers = pin.project !== undefined && pin.shift !== null && cell.project !== pin.project;
      if (cell.shift !== pin.shift || projectDiffers) {
        out.push(agentDayItem(ix, rule, agent.id, d, 1, `${agent.name}: pinned ${pin.shift ?? 'off'}${pin.project ? '/' + pin.project : ''}, rostered ${cell.shift ?? 'off'}${cell.project ? '/' + cell.project : ''}`));
      }
    }
  },
};

/**
 * 只接所掌握技能的项目: one unit per working day without a project, or on a project the agent has no skill for.
 * @example skillCoverage // 'E@Q' for an agent skilled only in P → 1
 */
export const skillCoverage: AgentConstraint = {
  id: 'skill-coverage',
  label: 'Agents serve only projects they are skilled for',
  scope: 'agent',
  evaluate(ix, rule, agent, cells, out) {
    cells.forEach((cell, d) => {
      if (cell.shift && (!cell.project || !agent.skills[cell.project])) {
        out.push(agentDayItem(ix, rule, agent.id, d, 1, `${agent.name} serves ${cell.project ?? 'no project'} without the skill`));
      }
    });
  },
};

/**
 * 仅排合同允许的班次: one unit per day on a shift type the contract does not allow (or that does not exist).
 * @example allowedShifts // 'N' when the contract allows E and D → 1
 */
export const allowedShifts: AgentConstraint = {
  id: 'allowed-shifts',
  label: 'Only shift types the contract allows',
  scope: 'agent',
  evaluate(ix, rule, agent, cells, out) {
    cells.forEach((cell, d) => {
      if (cell.shift && (!agent.contract.allowedShifts.includes(cell.shift) || !ix.shiftByCode.has(cell.shift))) {
        out.push(agentDayItem(ix, rule, agent.id, d, 1, `${agent.name}'s contract does not allow shift ${cell.shift}`));
      }
    });
  },
};
