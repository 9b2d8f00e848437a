// The points ledger of emergency contributions: earning, balance, redeeming rewards, and the entitlements a month's roster must honour.
import { addLocalDays, daysBetween, isLocalDate, localDateOf, DEFAULT_TIME_ZONE } from '../time.ts';
import { DEMO_INCENTIVE_CATALOGUE, type ContributionKind, type IncentiveCatalogue } from './catalogue.ts';

/** A redeemed entitlement, as plain data the monthly solver reads. */
export type Entitlement =
  | { kind: 'dayShiftsOnly'; agentId: string; month: string; shiftCodes: string[]; hard: boolean }
  | { kind: 'firstPick'; agentId: string; month: string; shift: string; hard: boolean }
  | { kind: 'daysOff'; agentId: string; dates: string[]; hard: boolean };

/** One ledger line; the ledger is an append-only array of them. */
export type LedgerEntry =
  | { id: string; type: 'earn'; agentId: string; at: string; kind: ContributionKind; hours: number; points: number; reference: string | null }
  | { id: string; type: 'redeem'; agentId: string; at: string; rewardId: string; points: number; entitlement: Entitlement };

/** A ledger line recording a redeemed reward. */
export type RedemptionEntry = Extract<LedgerEntry, { type: 'redeem' }>;

/** An emergency contribution to be credited. */
export interface Contribution {
  agentId: string;
  kind: ContributionKind;
  hours: number;
  /** What it answered, e.g. a suggestion id or a date and project. */
  reference?: string;
}

/** Why a redemption was refused. */
export type RedeemError = 'rewardNotOffered' | 'insufficientPoints' | 'invalidRequest' | 'alreadyRedeemed';

/** Result of {@link redeem}: the entries to append, or why not. */
export type RedeemResult = { ok: true; entries: RedemptionEntry[] } | { ok: false; error: RedeemError; message: string };

/** What the agent asks for when redeeming: the month (default: the month after `now`), the shift or the dates. */
export interface RedeemRequest {
  month?: string;
  shift?: string;
  dates?: string[];
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function nextId(ledger: readonly LedgerEntry[]): string {
  return `L${ledger.length + 1}`;
}

/**
 * Which ledger entry credits a contribution? Points = pointsPerEvent + pointsPerHour × hours, rounded to whole points.
 * @example earn([], { agentId: 'A1', kind: 'callIn', hours: 4 }, new Date('2026-07-15T06:00:00Z')).points // 40
 */
export function earn(ledger: readonly LedgerEntry[], contribution: Contribution, now: Date, catalogue: IncentiveCatalogue = DEMO_INCENTIVE_CATALOGUE): LedgerEntry {
  const rule = catalogue.contributions.find((r) => r.kind === contribution.kind);
  if (!rule) throw new RangeError(`the catalogue has no points for ${contribution.kind}`);
  if (!(contribution.hours >= 0) || !Number.isFinite(contribution.hours)) throw new RangeError(`hours must be finite and ≥ 0, got ${contribution.hours}`);
  return {
    id: nextId(ledger),
    type: 'earn',
    agentId: contribution.agentId,
    at: now.toISOString(),
    kind: contribution.kind,
    hours: contribution.hours,
    points: Math.round(rule.pointsPerEvent + rule.pointsPerHour * contribution.hours),
    reference: contribution.reference ?? null,
  };
}

/**
 * How many points does an agent hold?
 * @example balance([{ id: 'L1', type: 'earn', agentId: 'A1', at: '…', kind: 'callIn', hours: 4, points: 40, reference: null }], 'A1') // 40
 */
export function balance(ledger: readonly LedgerEntry[], agentId: string): number {
  let sum = 0;
  for (const e of ledger) if (e.agentId === agentId) sum += e.points;
  return sum;
}

function monthAfter(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

function monthOfEntitlement(e: Entitlement): string {
  return e.kind === 'daysOff' ? e.dates[0].slice(0, 7) : e.month;
}

/**
 * Can an agent buy a reward, and which ledger entries record it? Pure: returns entries to append, or an error.
 * Month rewards default to the month after `now` (the next roster); holiday rest needs consecutive future dates.
 * @example redeem(ledger, 'A1', 'regular-day-shift', new Date('2026-07-15T06:00:00Z'))
 *   // { ok: true, entries: [{ type: 'redeem', points: -120, entitlement: { kind: 'dayShiftsOnly', agentId: 'A1', month: '2026-08', … } }] }
 */
export function redeem(
  ledger: readonly LedgerEntry[],
  agentId: string,
  rewardId: string,
  now: Date,
  request: RedeemRequest = {},
  { catalogue = DEMO_INCENTIVE_CATALOGUE, timeZone = DEFAULT_TIME_ZONE }: { catalogue?: IncentiveCatalogue; timeZone?: string } = {},
): RedeemResult {
  const refuse = (error: RedeemError, message: string): RedeemResult => ({ ok: false, error, message });
  const reward = catalogue.rewards.find((r) => r.id === rewardId);
  if (!reward || !reward.offered) return refuse('rewardNotOffered', `reward ${JSON.stringify(rewardId)} is not offered`);
  const today = localDateOf(now, { timeZone });
  const month = request.month ?? monthAfter(today.slice(0, 7));
  if (!MONTH.test(month)) return refuse('invalidRequest', `month must be YYYY-MM, got ${JSON.stringify(month)}`);
  if (month < today.slice(0, 7)) return refuse('invalidRequest', `month ${month} is already over`);
  let entitlement: Entitlement;
  const grant = reward.grants;
  if (grant.kind === 'dayShiftsOnly') entitlement = { kind: 'dayShiftsOnly', agentId, month, shiftCodes: [...grant.shiftCodes], hard: reward.hard };
  else if (grant.kind === 'firstPick') {
    if (!request.shift) return refuse('invalidRequest', 'first pick needs the shift the agent wants');
    entitlement = { kind: 'firstPick', agentId, month, shift: request.shift, hard: reward.hard };
  } else {
    const dates = [...(request.dates ?? [])].sort();
    if (dates.length === 0 || dates.length > grant.maxDays) return refuse('invalidRequest', `holiday rest needs 1 to ${grant.maxDays} dates`);
    if (!dates.every(isLocalDate)) return refuse('invalidRequest', 'dates must be YYYY-MM-DD');
    if (dates.some((d, i) => i > 0 && addLocalDays(dates[i - 1], 1) !== d)) return refuse('invalidRequest', 'holiday rest dates must be consecutive');
    if (daysBetween(today, dates[0]) <= 0) return refuse('invalidRequest', 'holiday rest dates must lie after today');
    entitlement = { kind: 'daysOff', agentId, dates, hard: reward.hard };
  }
  const redeemedMonth = monthOfEntitlement(entitlement);
  const duplicate = ledger.some((e) => e.type === 'redeem' && e.agentId === agentId && e.rewardId === rewardId && monthOfEntitlement(e.entitlement) === redeemedMonth);
  if (duplicate) return refuse('alreadyRedeemed', `${agentId} already redeemed ${rewardId} for ${redeemedMonth}`);
  const held = balance(ledger, agentId);
  if (held < reward.points) return refuse('insufficientPoints', `${agentId} holds ${held} points; ${reward.name} costs ${reward.points}`);
  return { ok: true, entries: [{ id: nextId(ledger), type: 'redeem', agentId, at: now.toISOString(), rewardId, points: -reward.points, entitlement }] };
}

/**
 * Which entitlements must an agent's roster for a month honour? Holiday rest is cut to the dates inside the month.
 * @example entitlementsFor(ledger, 'A1', '2026-08') // [{ kind: 'dayShiftsOnly', agentId: 'A1', month: '2026-08', shiftCodes: ['D'], hard: true }]
 */
export function entitlementsFor(ledger: readonly LedgerEntry[], agentId: string, month: string): Entitlement[] {
  const out: Entitlement[] = [];
  for (const e of ledger) {
    if (e.type !== 'redeem' || e.agentId !== agentId) continue;
    const ent = e.entitlement;
    if (ent.kind === 'daysOff') {
      const dates = ent.dates.filter((d) => d.startsWith(`${month}-`));
      if (dates.length) out.push({ ...ent, dates });
    } else if (ent.month === month) out.push(ent);
  }
  return out;
}
