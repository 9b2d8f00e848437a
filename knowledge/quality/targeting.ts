// Targeted sampling rules as plain data: predicates over call records and the usual rules (complaints, repeat callers, …).

/**
 * A call as the sampler sees it: an id, the agent, and whatever plain fields the plan's rules
 * look at. The fields below are the ones the preset rules read; the caller (server) fills them
 * from the call, its work order, the agent and recent evaluations.
 */
export interface CallRecord {
  id: string;
  agentId: string;
  /** Local date of the call start in the centre's time zone, `YYYY-MM-DD` (per-period quotas). */
  localDate?: string;
  durationSeconds?: number;
  /** Work-order kind of the call, e.g. `'complaint'`. */
  orderKind?: string;
  /** True when the same caller called again within the plan's repeat window. */
  repeatCaller?: boolean;
  /** Days since the agent started taking calls. */
  agentTenureDays?: number;
  /** The agent's mean evaluation percent over the recent window. */
  agentRecentScorePercent?: number;
  scenarioCode?: string;
  [field: string]: unknown;
}

/** A condition on one call record, as JSON-friendly data. */
export type Predicate =
  | { field: string; equals: string | number | boolean }
  | { field: string; oneOf: Array<string | number> }
  | { field: string; atLeast: number }
  | { field: string; below: number }
  | { all: Predicate[] }
  | { any: Predicate[] }
  | { not: Predicate };

/** A targeted-sampling rule: calls matching `when` are candidates; lower `priority` numbers are drawn first. */
export interface TargetRule {
  /** Stable id; it is also the stratum name of the calls the rule picks. */
  id: string;
  label: string;
  /** 1 is drawn before 2; ties keep the order of the rule list. */
  priority: number;
  when: Predicate;
  /** Optional cap on how many calls this rule contributes. */
  max?: number;
}

/**
 * Does this call satisfy the predicate? Missing fields never satisfy a comparison
 * (`{ field: 'durationSeconds', atLeast: 600 }` is false for a call without a duration).
 *
 * @example matchesPredicate({ id: 'c1', agentId: 'a', orderKind: 'complaint' }, { field: 'orderKind', equals: 'complaint' }) // true
 */
export function matchesPredicate(call: CallRecord, predicate: Predicate): boolean {
  if ('all' in predicate) return predicate.all.every((p) => matchesPredicate(call, p));
  if ('any' in predicate) return predicate.any.some((p) => matchesPredicate(call, p));
  if ('not' in predicate) return !matchesPredicate(call, predicate.not);
  const value = call[predicate.field];
  if ('equals' in predicate) return value === predicate.equals;
  if ('oneOf' in predicate) return (typeof value === 'string' || typeof value === 'number') && predicate.oneOf.includes(value);
  if (typeof value !== 'number' || Number.isNaN(value)) return false;
  if ('atLeast' in predicate) return value >= predicate.atLeast;
  return value < predicate.below;
}

/**
 * Which rule claims this call? The matching rule with the lowest priority number (ties: earlier
 * in the list), or `undefined` when none matches.
 *
 * @example firstMatchingRule(call, [targetRules.complaints(1), targetRules.longCalls(2, 600)])?.id // 'complaints'
 */
export function firstMatchingRule(call: CallRecord, rules: TargetRule[]): TargetRule | undefined {
  let best: TargetRule | undefined;
  for (const rule of rules) {
    if ((best === undefined || rule.priority < best.priority) && matchesPredicate(call, rule.when)) best = rule;
  }
  return best;
}

/**
 * The usual targeted rules of a quality-check plan, built as data.
 *
 * @example targetRules.longCalls(3, 900) // { id: 'long-calls', label: '长通话 ≥ 900 秒', priority: 3, when: { field: 'durationSeconds', atLeast: 900 } }
 */
export const targetRules = {
  /** Calls that produced a complaint work order (投诉). */
  complaints: (priority: number): TargetRule => ({
    id: 'complaints',
    label: '投诉工单',
    priority,
    when: { field: 'orderKind', equals: 'complaint' },
  }),
  /** Calls from a caller who called again within the repeat window (重复来电). */
  repeatCallers: (priority: number): TargetRule => ({
    id: 'repeat-callers',
    label: '重复来电',
    priority,
    when: { field: 'repeatCaller', equals: true },
  }),
  /** Calls lasting at least `minDurationSeconds` (长通话). */
  longCalls: (priority: number, minDurationSeconds: number): TargetRule => ({
    id: 'long-calls',
    label: `长通话 ≥ ${minDurationSeconds} 秒`,
    priority,
    when: { field: 'durationSeconds', atLeast: minDurationSeconds },
  }),
  /** Calls by agents with fewer than `maxTenureDays` days on the phones (新员工). */
  newHires: (priority: number, maxTenureDays: number): TargetRule => ({
    id: 'new-hires',
    label: `新员工 < ${maxTenureDays} 天`,
    priority,
    when: { field: 'agentTenureDays', below: maxTenureDays },
  }),
  /** Calls by agents whose recent mean score is below `belowPercent` (近期低分). */
  lowRecentScores: (priority: number, belowPercent: number): TargetRule => ({
    id: 'low-recent-scores',
    label: `近期得分 < ${belowPercent}`,
    priority,
    when: { field: 'agentRecentScorePercent', below: belowPercent },
  }),
  /** Calls about one of the given sensitive scenarios (服务敏感场景). */
  sensitiveScenarios: (priority: number, scenarioCodes: string[]): TargetRule => ({
    id: 'sensitive-scenarios',
    label: '敏感场景',
    priority,
    when: { field: 'scenarioCode', oneOf: scenarioCodes },
  }),
};
