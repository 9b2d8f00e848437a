// Scores a roster against the model's rulebook and explains the score by rule, agent, day and interval.
import { indexModel, type AgentConstraint, type PenaltyItem, type RosterIndex } from './context.ts';
import { constraintById } from './constraints/registry.ts';
import type { Agent, Roster, RosterCell, RosterModel } from './model.ts';
import type { Rule } from './rules.ts';

/** The score and its explanation; `hard` is the total of hard-rule penalties (0 = feasible). */
export interface RosterScore {
  hard: number;
  soft: number;
  items: PenaltyItem[];
  byRule: Record<string, { name: string; hard: boolean; amount: number; count: number }>;
  byAgent: Record<string, number>;
  byDay: Record<string, number>;
  /** date → penalty per interval (coverage items only carry an interval). */
  byInterval: Record<string, number[]>;
}

/**
 * Which agent-scoped rules apply, hard first, each with its constraint?
 * @example agentRules(ix).filter(([r]) => r.hard).length // 9 for the demo rulebook
 */
export function agentRules(ix: RosterIndex): [Rule, AgentConstraint][] {
  const pairs = [...ix.model.rules].sort((a, b) => Number(b.hard) - Number(a.hard)).map((r) => [r, constraintById(r.id)] as const);
  return pairs.filter((p): p is [Rule, AgentConstraint] => p[1].scope === 'agent');
}

/**
 * What do one agent's cells cost under the agent-scoped rules, split hard/soft?
 * @example agentPenalty(ix, rules, agent, cells) // { hard: 0, soft: 12 }
 */
export function agentPenalty(ix: RosterIndex, rules: [Rule, AgentConstraint][], agent: Agent, cells: RosterCell[], out: PenaltyItem[] = []): { hard: number; soft: number } {
  let hard = 0;
  let soft = 0;
  for (const [rule, constraint] of rules) {
    const start = out.length;
    constraint.evaluate(ix, rule, agent, cells, out);
    let sum = 0;
    for (let k = start; k < out.length; k++) sum += out[k].amount;
    if (rule.hard) hard += sum;
    else soft += sum;
  }
  return { hard, soft };
}

/**
 * How good is this roster, and why? Checks that every agent has one cell per day.
 * @example scoreRoster(model, roster).hard // 0 when no hard rule is broken
 */
export function scoreRoster(model: RosterModel, roster: Roster, ix: RosterIndex = indexModel(model)): RosterScore {
  for (const agent of model.agents) {
    if (roster[agent.id]?.length !== model.days.length) throw new RangeError(`roster needs ${model.days.length} cells for agent ${agent.id}`);
  }
  const items: PenaltyItem[] = [];
  const hardRules = new Set(model.rules.filter((r) => r.hard).map((r) => r.id));
  const ordered = [...model.rules].sort((a, b) => Number(b.hard) - Number(a.hard));
  for (const rule of ordered) {
    const constraint = constraintById(rule.id);
    if (constraint.scope === 'global') constraint.evaluate(ix, rule, roster, items);
    else for (const agent of model.agents) constraint.evaluate(ix, rule, agent, roster[agent.id], items);
  }
  const score: RosterScore = { hard: 0, soft: 0, items, byRule: {}, byAgent: {}, byDay: {}, byInterval: {} };
  for (const rule of ordered) score.byRule[rule.id] = { name: rule.name, hard: rule.hard, amount: 0, count: 0 };
  for (const item of items) {
    if (hardRules.has(item.ruleId)) score.hard += item.amount;
    else score.soft += item.amount;
    const r = score.byRule[item.ruleId];
    r.amount += item.amount;
    r.count++;
    if (item.agentId) score.byAgent[item.agentId] = (score.byAgent[item.agentId] ?? 0) + item.amount;
    if (item.date) score.byDay[item.date] = (score.byDay[item.date] ?? 0) + item.amount;
    if (item.date && item.interval !== undefined) {
      const row = (score.byInterval[item.date] ??= new Array(ix.intervalsPerDay).fill(0));
      row[item.interval] += item.amount;
    }
  }
  return score;
}
