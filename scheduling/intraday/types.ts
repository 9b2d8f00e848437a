// Plain-data shapes of one day on the floor: projects' targets, today's assignments, agents' skills and reachability.

/** A project's service target and handling time, as Erlang C needs them. */
export interface ProjectTarget {
  project: string;
  ahtSeconds: number;
  /** Answer-time target in seconds (the "20" of 80/20). */
  targetSeconds: number;
  /** Target share answered within targetSeconds, 0..1 (the "0.8" of 80/20). */
  serviceLevel: number;
  /** Mean caller patience in seconds; when given, status also predicts abandonment (Erlang A). */
  patienceSeconds?: number;
}

/** Kinds of work off the phones; 'break' is never cancelled or moved by a suggestion. */
export type OfflineKind = 'training' | 'scriptWriting' | 'analysis' | 'break';

/** A block of offline work inside a shift, in minutes after local midnight of today. */
export interface OfflineBlock {
  kind: OfflineKind;
  startMinute: number;
  endMinute: number;
}

/** A stretch of a shift spent on another project (一专多能 cover). */
export interface Loan {
  project: string;
  startMinute: number;
  endMinute: number;
}

/**
 * One agent's work today (at most one assignment per agent). Minutes count from local midnight of
 * today and may run past 1440 (a night shift) or start below 0 (yesterday's night shift).
 */
export interface Assignment {
  agentId: string;
  /** Project the agent answers when not on loan. */
  project: string;
  startMinute: number;
  endMinute: number;
  offline: OfflineBlock[];
  loans: Loan[];
  /** Reported absent (no-show, sick): counts as scheduled, never as present. */
  absent: boolean;
  /** How the assignment came about: the published roster, or an emergency call-in today. */
  origin: 'roster' | 'callIn';
}

/** Where an agent is today, as the emergency-resource view (可应急资源) shows it. */
export type AgentAvailability = 'onShift' | 'off' | 'reachable';

/** An agent's skills and emergency standing. */
export interface AgentProfile {
  agentId: string;
  homeProject: string;
  /** Proficiency 0..1 per project the agent can answer. */
  skills: Record<string, number>;
  /** Emergency tier (应急梯队): 1 is called first; null when not on a tier. */
  emergencyTier: number | null;
  availability: AgentAvailability;
}

/** Reported figures of one elapsed interval. */
export interface IntervalActual {
  calls: number;
  /** Share answered within target, when the telephony system reports it. */
  serviceLevel?: number;
}

/** Everything the intraday view knows about today, as plain data. */
export interface DayState {
  /** Local date `YYYY-MM-DD`. */
  date: string;
  intervalMinutes: number;
  /** Minutes after midnight up to which actuals are in; intervals ending after it are still to come. */
  nowMinute: number;
  projects: ProjectTarget[];
  /** Calls expected per interval and project (the re-forecast for the rest of the day). */
  forecastCalls: Record<string, number[]>;
  /** Reported actuals per interval and project; null for intervals not yet reported. */
  actuals: Record<string, (IntervalActual | null)[]>;
  agents: AgentProfile[];
  assignments: Assignment[];
}
