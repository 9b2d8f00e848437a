// The roster problem as plain data: agents, shift types, the period, requirement, leave, pins, baseline, entitlements, and the roster itself.
import type { Rule } from './rules.ts';

/** A break inside a shift, placed by minutes after the shift starts; agents on break do not cover demand. */
export interface ShiftBreak {
  offsetMinutes: number;
  minutes: number;
}

/** A shift type: starts `startMinute` minutes after local midnight of its day and may run past midnight. */
export interface ShiftType {
  code: string;
  name: string;
  startMinute: number;
  lengthMinutes: number;
  breaks: ShiftBreak[];
  night: boolean;
}

/** Contract bounds in minutes (week = a full Monday–Sunday week inside the period) and the shift types it allows. */
export interface Contract {
  minWeekMinutes: number;
  maxWeekMinutes: number;
  minMonthMinutes: number;
  maxMonthMinutes: number;
  allowedShifts: string[];
}

/** A weekday-specific preference; weekday 0 = Monday … 6 = Sunday. */
export interface ShiftPreference {
  weekday: number;
  shift: string;
}

/** What an agent would like: shifts wanted or avoided on given weekdays, weekdays they would like off. */
export interface Preferences {
  preferredShifts: ShiftPreference[];
  avoidedShifts: ShiftPreference[];
  preferredDaysOff: number[];
}

/** One agent: contract, skills (project → proficiency 1–3), emergency tier (0 none, 1 first call, 2 second). */
export interface Agent {
  id: string;
  name: string;
  team: string;
  contract: Contract;
  skills: Record<string, 1 | 2 | 3>;
  emergencyTier: 0 | 1 | 2;
  preferences: Preferences;
}

/** One local date of the period; weekday 0 = Monday … 6 = Sunday. */
export interface PeriodDay {
  date: string;
  weekday: number;
  holiday: boolean;
}

/** Approved leave: the agent is off that date. */
export interface Leave {
  agentId: string;
  date: string;
}

/** A locked cell the solver must keep: a shift (and optionally its project) or a day off (`shift: null`). */
export interface PinnedAssignment {
  agentId: string;
  date: string;
  shift: string | null;
  project?: string | null;
}

/**
 * A redeemed incentive: 常白班 (day shifts only; `shifts` overrides the rule's day shifts), 节日连休 (off on the given
 * dates), or 优选排次 (first pick: the agent's working days on one of `shifts`, a heavily weighted soft rule).
 */
export type Entitlement =
  | { agentId: string; kind: 'day-shifts-only'; shifts?: string[] }
  | { agentId: string; kind: 'holiday-rest'; dates: string[] }
  | { agentId: string; kind: 'first-pick'; shifts: string[] };

/** One cell of a roster: a shift code and the project served, or a day off (both null). */
export interface RosterCell {
  shift: string | null;
  project: string | null;
}

/** A roster: for each agent id, one cell per day of the period, in period order. */
export type Roster = Record<string, RosterCell[]>;

/**
 * The whole problem. `requirement[project][dayIndex][interval]` is the number of agents needed in that interval
 * (intervals of `intervalMinutes` from local midnight). The centre's zone is assumed DST-free (Asia/Shanghai):
 * every day has 1440 minutes, so a night shift's minutes after midnight fall into the next day's first intervals.
 * `previousShifts[agentId]` lists the shift codes (or null) of the days just before the period, oldest first,
 * so rest and run-length rules hold across the month boundary.
 */
export interface RosterModel {
  intervalMinutes: number;
  projects: string[];
  shiftTypes: ShiftType[];
  days: PeriodDay[];
  agents: Agent[];
  requirement: Record<string, number[][]>;
  leave: Leave[];
  pinned: PinnedAssignment[];
  baseline?: Roster;
  entitlements: Entitlement[];
  previousShifts?: Record<string, (string | null)[]>;
  rules: Rule[];
}

/** The off cell. */
export const OFF: RosterCell = Object.freeze({ shift: null, project: null }) as RosterCell;

/**
 * Which roster has every agent off every day?
 * @example emptyRoster(model)['a1'][0] // { shift: null, project: null }
 */
export function emptyRoster(model: Pick<RosterModel, 'agents' | 'days'>): Roster {
  const roster: Roster = {};
  for (const agent of model.agents) roster[agent.id] = model.days.map(() => ({ shift: null, project: null }));
  return roster;
}

/**
 * Which independent copy of a roster can be edited without touching the original?
 * @example cloneRoster(r) !== r // true
 */
export function cloneRoster(roster: Roster): Roster {
  const copy: Roster = {};
  for (const [id, cells] of Object.entries(roster)) copy[id] = cells.map((c) => ({ shift: c.shift, project: c.project }));
  return copy;
}
