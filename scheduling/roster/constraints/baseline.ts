// Minimal perturbation for weekly re-plans: every cell changed against the published baseline costs.
import type { AgentConstraint } from '../context.ts';
import { numberParam } from '../rules.ts';
import { agentDayItem } from './emit.ts';

/**
 * 少改动已发布排班: one unit per cell whose shift changed; projectOnlyFactor units when only the project changed.
 * @example baselineChange // baseline E, now D → 1 × 50; project only → 0.5 × 50
 */
export const baselineChange: AgentConstraint = {
  id: 'baseline-change',
  label: 'Changes against the published baseline',
  scope: 'agent',
  evaluate(ix, rule, agent, cells, out) {
    const base = ix.model.baseline?.[agent.id];
    if (!base) return;
    const projectOnly = numberParam(rule, 'projectOnlyFactor', 0.5);
    cells.forEach((cell, d) => {
      const was = base[d];
      if (!was) return;
      if (was.shift !== cell.shift) out.push(agentDayItem(ix, rule, agent.id, d, 1, `${agent.name}: ${was.shift ?? 'off'} → ${cell.shift ?? 'off'}`));
      else if (cell.shift && was.project !== cell.project) out.push(agentDayItem(ix, rule, agent.id, d, projectOnly, `${agent.name}: project ${was.project} → ${cell.project}`));
    });
  },
};
