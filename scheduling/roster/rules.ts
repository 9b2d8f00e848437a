// The centre's rulebook (排班管理实施细则) as data: named rules, hard or soft, with weights and parameters.

/** One rule: hard rules must never be broken; soft ones cost `weight` × how badly they are missed. */
export interface Rule {
  id: string;
  name: string;
  nameEn: string;
  hard: boolean;
  weight: number;
  params: Record<string, unknown>;
}

/**
 * The demo centre's rulebook: 25 rules, hard first, then soft.
 * @example DEMO_RULEBOOK.find((r) => r.id === 'min-rest')?.params.minMinutes // 660
 */
export const DEMO_RULEBOOK: readonly Rule[] = [
  { id: 'leave-respected', name: '已批准假期不排班', nameEn: 'Approved leave is a day off', hard: true, weight: 1, params: {} },
  { id: 'pinned-respected', name: '锁定的排班保持不变', nameEn: 'Pinned assignments are kept', hard: true, weight: 1, params: {} },
  { id: 'skill-coverage', name: '只接所掌握技能的项目', nameEn: 'Agents serve only projects they are skilled for', hard: true, weight: 1, params: {} },
  { id: 'allowed-shifts', name: '仅排合同允许的班次', nameEn: 'Only shift types the contract allows', hard: true, weight: 1, params: {} },
  { id: 'min-rest', name: '班次间最少休息11小时', nameEn: 'Minimum rest between shifts', hard: true, weight: 1, params: { minMinutes: 660 } },
  { id: 'forbidden-successions', name: '禁止的班次衔接', nameEn: 'Forbidden successions', hard: true, weight: 1, params: { pairs: [['N', 'E'], ['N', 'D'], ['N', 'M'], ['L', 'E']] } },
  { id: 'max-consecutive-work', name: '最多连续工作6天', nameEn: 'Maximum consecutive working days', hard: true, weight: 1, params: { maxDays: 6 } },
  { id: 'max-nights-month', name: '每月夜班不超过8个', nameEn: 'Maximum nights a month', hard: true, weight: 1, params: { maxNights: 8 } },
  { id: 'entitlement-day-shifts', name: '常白班：只排白天班次', nameEn: 'Regular day shift entitlement', hard: true, weight: 1, params: { shifts: ['E', 'D'] } },
  { id: 'entitlement-holiday-rest', name: '节日连休：指定日期休息', nameEn: 'Holiday rest entitlement', hard: true, weight: 1, params: {} },
  { id: 'coverage', name: '各时段人力满足需求', nameEn: 'Coverage of the requirement per interval', hard: false, weight: 1, params: { underWeight: 100, overWeight: 2 } },
  { id: 'contract-week-minutes', name: '周工时在合同上下限内', nameEn: 'Weekly minutes within contract bounds', hard: false, weight: 1, params: { perHourOver: 300, perHourUnder: 20 } },
  { id: 'contract-month-minutes', name: '月工时在合同上下限内', nameEn: 'Monthly minutes within contract bounds', hard: false, weight: 1, params: { perHourOver: 300, perHourUnder: 30, leaveCreditMinutes: 480 } },
  { id: 'min-consecutive-work', name: '最少连续工作2天', nameEn: 'Minimum consecutive working days', hard: false, weight: 20, params: { minDays: 2 } },
  { id: 'min-consecutive-off', name: '休息日至少连休2天', nameEn: 'Minimum consecutive days off', hard: false, weight: 20, params: { minDays: 2 } },
  { id: 'days-off-per-week', name: '每周至少休息2天', nameEn: 'Days off per week', hard: false, weight: 60, params: { minDaysOff: 2 } },
  { id: 'max-weekends-month', name: '每月工作周末不超过3个', nameEn: 'Maximum weekends worked a month', hard: false, weight: 40, params: { maxWeekends: 3 } },
  { id: 'fair-weekends', name: '周末班次公平分配', nameEn: 'Fair share of weekends', hard: false, weight: 5, params: {} },
  { id: 'fair-nights', name: '夜班公平分配', nameEn: 'Fair share of nights', hard: false, weight: 5, params: {} },
  { id: 'fair-holidays', name: '节假日班次公平分配', nameEn: 'Fair share of holidays', hard: false, weight: 5, params: {} },
  { id: 'preferred-shift', name: '满足偏好班次', nameEn: 'Preferred shift honoured', hard: false, weight: 3, params: {} },
  { id: 'avoided-shift', name: '避开不愿上的班次', nameEn: 'Avoided shift honoured', hard: false, weight: 5, params: {} },
  { id: 'preferred-day-off', name: '满足偏好休息日', nameEn: 'Preferred day off honoured', hard: false, weight: 5, params: {} },
  { id: 'entitlement-first-pick', name: '优选排次：按所选班次排班', nameEn: 'First pick of shifts entitlement', hard: false, weight: 2000, params: {} },
  { id: 'baseline-change', name: '周调整尽量少改动已发布排班', nameEn: 'Changes against the published baseline', hard: false, weight: 50, params: { projectOnlyFactor: 0.5 } },
];

/**
 * Which numeric parameter does a rule carry (or the fallback)?
 * @example numberParam({ params: { maxDays: 6 } } as Rule, 'maxDays', 5) // 6
 */
export function numberParam(rule: Rule, key: string, fallback: number): number {
  const value = rule.params[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
