// Redeemed incentive entitlements (from the points ledger) as the roster model's entitlements for a month.
import type { Sql } from '../db/index.ts';
import type { Entitlement as ModelEntitlement } from '../../scheduling/roster/model.ts';
import { entitlementsFor, type Entitlement, type LedgerEntry } from '../../scheduling/incentives/ledger.ts';
import { redemptionsForMonth } from './incentive-store.ts';

/**
 * Which model entitlements do ledger entitlements become? Hard rewards become hard rules, soft ones the heavily
 * weighted first-pick rule: 常白班 hard → day-shifts-only on its shifts, soft → first-pick of those shifts;
 * 优选排次 soft → first-pick of the named shift, hard → day-shifts-only on it; 节日连休 → holiday-rest (always hard:
 * the model has no soft rest-on-a-date rule, so a soft holiday rest is still honoured as hard).
 * @example toModelEntitlements([{ kind: 'dayShiftsOnly', agentId: 'A1', month: '2027-01', shiftCodes: ['D'], hard: true }])
 *   // [{ agentId: 'A1', kind: 'day-shifts-only', shifts: ['D'] }]
 */
export function toModelEntitlements(entitlements: readonly Entitlement[]): ModelEntitlement[] {
  return entitlements.map((e): ModelEntitlement => {
    if (e.kind === 'daysOff') return { agentId: e.agentId, kind: 'holiday-rest', dates: [...e.dates] };
    const shifts = e.kind === 'dayShiftsOnly' ? [...e.shiftCodes] : [e.shift];
    return e.hard ? { agentId: e.agentId, kind: 'day-shifts-only', shifts } : { agentId: e.agentId, kind: 'first-pick', shifts };
  });
}

/**
 * Which entitlements must a month's roster honour, read from the ledger's redemptions?
 * @example await monthEntitlements(sql, '2027-01') // [{ agentId: 'A0001', kind: 'day-shifts-only', shifts: ['D'] }]
 */
export async function monthEntitlements(sql: Sql, month: string): Promise<ModelEntitlement[]> {
  const ledger: LedgerEntry[] = await redemptionsForMonth(sql, month);
  const agents = [...new Set(ledger.map((e) => e.agentId))];
  return toModelEntitlements(agents.flatMap((a) => entitlementsFor(ledger, a, month)));
}
