// The centre-wide view of emergency-capable staff (可应急资源): tier, skills, and who is on shift, off or reachable today, per project.
import type { AgentProfile, AgentAvailability, Assignment } from '../intraday/types.ts';

/** One emergency-capable agent as the view lists them. */
export interface EmergencyResource {
  agentId: string;
  tier: number;
  /** Projects the agent can answer, most proficient first. */
  skills: { project: string; proficiency: number }[];
  availability: AgentAvailability;
  /** Today's shift in minutes after midnight, if any. */
  shift: { startMinute: number; endMinute: number; project: string } | null;
  absent: boolean;
}

/** A project's emergency-capable staff with counts by tier and availability. */
export interface ProjectResources {
  project: string;
  agents: EmergencyResource[];
  /** e.g. { 1: { onShift: 3, off: 1, reachable: 2 } }. */
  countsByTier: Record<number, Record<AgentAvailability, number>>;
}

/**
 * Who can be called on in an emergency, per home project, tier 1 first, then by agent id?
 * Agents without a tier are left out; an absent agent counts as off.
 * @example emergencyResources([{ agentId: 'A1', homeProject: 'EV', skills: { EV: 1, '95598': 0.7 }, emergencyTier: 1, availability: 'reachable' }], [])
 *   // [{ project: 'EV', agents: [{ agentId: 'A1', tier: 1, availability: 'reachable', shift: null, … }], countsByTier: { 1: { onShift: 0, off: 0, reachable: 1 } } }]
 */
export function emergencyResources(agents: readonly AgentProfile[], assignments: readonly Assignment[]): ProjectResources[] {
  const byAgent = new Map(assignments.map((a) => [a.agentId, a]));
  const byProject = new Map<string, ProjectResources>();
  const sorted = agents
    .filter((a) => a.emergencyTier !== null)
    .sort((x, y) => (x.emergencyTier as number) - (y.emergencyTier as number) || (x.agentId < y.agentId ? -1 : x.agentId > y.agentId ? 1 : 0));
  for (const a of sorted) {
    const tier = a.emergencyTier as number;
    const assignment = byAgent.get(a.agentId);
    const absent = assignment?.absent ?? false;
    const availability: AgentAvailability = absent ? 'off' : a.availability;
    let entry = byProject.get(a.homeProject);
    if (!entry) byProject.set(a.homeProject, (entry = { project: a.homeProject, agents: [], countsByTier: {} }));
    entry.agents.push({
      agentId: a.agentId,
      tier,
      skills: Object.entries(a.skills)
        .map(([project, proficiency]) => ({ project, proficiency }))
        .sort((x, y) => y.proficiency - x.proficiency || (x.project < y.project ? -1 : 1)),
      availability,
      shift: assignment ? { startMinute: assignment.startMinute, endMinute: assignment.endMinute, project: assignment.project } : null,
      absent,
    });
    const counts = (entry.countsByTier[tier] ??= { onShift: 0, off: 0, reachable: 0 });
    counts[availability] += 1;
  }
  return [...byProject.values()].sort((x, y) => (x.project < y.project ? -1 : 1));
}
