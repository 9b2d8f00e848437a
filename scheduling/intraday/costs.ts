// The cost model and limits of intraday suggestions, as data: calling in costs more than overtime, more than a move, more than cancelling offline work.

/** Cost units per action; only their ratios matter for ranking. Negative costs are savings. */
export interface CostModel {
  /** Fixed cost of calling one agent in (travel, disruption), on top of the hourly rate. */
  callInFixed: number;
  /** Hourly cost of a called-in agent, by emergency tier. */
  callInPerHourByTier: Record<number, number>;
  overtimePerHour: number;
  /** Hourly cost of moving a multi-skilled agent to another project. */
  movePerHour: number;
  /** Hourly cost of moving offline work to a quieter interval of the same shift. */
  moveOfflinePerHour: number;
  /** Hourly cost of cancelling offline work (training, script writing, analysis). */
  cancelOfflinePerHour: number;
  /** Hourly cost of sending an agent home early (negative: a saving). */
  earlyLeavePerHour: number;
  /** Hourly cost of moving an agent to offline work in a trough. */
  toOfflinePerHour: number;
}

/**
 * Default costs: call-in (tier 1: 10 + 6/h, tier 2: 10 + 8/h) > overtime 4/h > move 2/h > cancel offline 1/h > move offline 0.5/h.
 * @example DEFAULT_COST_MODEL.overtimePerHour // 4
 */
export const DEFAULT_COST_MODEL: CostModel = {
  callInFixed: 10,
  callInPerHourByTier: { 1: 6, 2: 8 },
  overtimePerHour: 4,
  movePerHour: 2,
  moveOfflinePerHour: 0.5,
  cancelOfflinePerHour: 1,
  earlyLeavePerHour: -3,
  toOfflinePerHour: 0,
};

/** Limits and rules the suggestions respect. */
export interface SuggestOptions {
  costs?: CostModel;
  /** Emergency tiers that may be called in, in the order they are called (default [1, 2]). */
  callInTiers?: readonly number[];
  /** Lowest proficiency (0..1) at which an agent may answer a project that is not their own (default 0.6). */
  minProficiency?: number;
  /** How long a called-in agent needs to arrive: a call-in starts no sooner than this after now (default 60). */
  callInLeadMinutes?: number;
  /** Shortest and longest call-in, in minutes (default 120 and 240). */
  minCallInMinutes?: number;
  maxCallInMinutes?: number;
  /** Longest shift extension offered as overtime, in minutes (default 120). */
  maxOvertimeMinutes?: number;
  /** Shortest trough worth an early leave or offline block, in minutes (default 60). */
  minTroughMinutes?: number;
  /** Longest early leave and offline block offered at a trough, in minutes (default 120). */
  maxTroughMinutes?: number;
  /** Most single-agent actions considered before grouping (default 400). */
  maxActions?: number;
  /** Also offer early leave and offline work at troughs (default true). */
  troughs?: boolean;
}

/** Options with every default filled in. */
export type ResolvedSuggestOptions = Required<SuggestOptions>;

/**
 * Which options apply, once defaults fill the gaps?
 * @example resolveSuggestOptions({ minProficiency: 0.7 }).maxOvertimeMinutes // 120
 */
export function resolveSuggestOptions(options: SuggestOptions = {}): ResolvedSuggestOptions {
  const o: ResolvedSuggestOptions = {
    costs: DEFAULT_COST_MODEL,
    callInTiers: [1, 2],
    minProficiency: 0.6,
    callInLeadMinutes: 60,
    minCallInMinutes: 120,
    maxCallInMinutes: 240,
    maxOvertimeMinutes: 120,
    minTroughMinutes: 60,
    maxTroughMinutes: 120,
    maxActions: 400,
    troughs: true,
    ...options,
  };
  const minutes = [o.callInLeadMinutes, o.minCallInMinutes, o.maxCallInMinutes, o.maxOvertimeMinutes, o.minTroughMinutes, o.maxTroughMinutes];
  if (!minutes.every((x) => x >= 0 && Number.isFinite(x))) throw new RangeError('durations in minutes must be finite and ≥ 0');
  if (o.minCallInMinutes > o.maxCallInMinutes || o.minTroughMinutes > o.maxTroughMinutes) throw new RangeError('a minimum duration exceeds its maximum');
  if (!(o.minProficiency >= 0 && o.minProficiency <= 1)) throw new RangeError(`minProficiency must be in [0, 1], got ${o.minProficiency}`);
  if (!(Number.isInteger(o.maxActions) && o.maxActions >= 0)) throw new RangeError(`maxActions must be a whole number ≥ 0, got ${o.maxActions}`);
  return o;
}
