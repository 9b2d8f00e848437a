// Database access of the emergency incentives: the stored catalogue, the append-only points ledger (credits and
// redemptions), the entitlements a month's roster honours, and peak plans.
import type { Sql } from '../db/index.ts';
import type { ContributionKind, ContributionRule, EntitlementGrant, IncentiveCatalogue, IncentiveReward } from '../../scheduling/incentives/catalogue.ts';
import type { Contribution, Entitlement, LedgerEntry } from '../../scheduling/incentives/ledger.ts';

/** One stored ledger line; agentId is the agents_sched code. */
export interface LedgerRow {
  id: number;
  agentId: string;
  agentName: string;
  /** 'reverse': an earned line taken back (its intraday change was undone), with negative points. */
  type: 'earn' | 'redeem' | 'reverse';
  at: Date;
  date: string;
  kind: ContributionKind | null;
  hours: number | null;
  points: number;
  reference: string | null;
  rewardId: string | null;
  entitlement: Entitlement | null;
  month: string | null;
  createdBy: number | null;
}

/** A contribution rule as stored, with its version for concurrent-edit checks. */
export interface StoredRule extends ContributionRule {
  version: number;
  updatedAt: Date;
}

/** A reward as stored, with its version for concurrent-edit checks. */
export interface StoredReward extends IncentiveReward {
  version: number;
  updatedAt: Date;
}

/** The stored catalogue: plain catalogue plus versions. */
export interface StoredCatalogue extends IncentiveCatalogue {
  contributions: StoredRule[];
  rewards: StoredReward[];
}

type RawLedger = {
  id: string | number;
  code: string;
  name: string;
  type: 'earn' | 'redeem';
  at: Date;
  date: string;
  kind: ContributionKind | null;
  hours: string | null;
  points: number;
  reference: string | null;
  reward_id: string | null;
  entitlement: Entitlement | null;
  month: string | null;
  created_by: number | null;
};

function toRow(r: RawLedger): LedgerRow {
  return {
    id: Number(r.id),
    agentId: r.code,
    agentName: r.name,
    type: r.type,
    at: r.at,
    date: r.date,
    kind: r.kind,
    hours: r.hours === null ? null : Number(r.hours),
    points: r.points,
    reference: r.reference,
    rewardId: r.reward_id,
    entitlement: r.entitlement,
    month: r.month,
    createdBy: r.created_by,
  };
}

const LEDGER_COLUMNS = `l.id, a.code, a.name, l.type, l.at, to_char(l.date, 'YYYY-MM-DD') AS date, l.kind, l.hours, l.points, l.reference,
  l.reward_id, l.entitlement, l.month, l.created_by`;

/**
 * What does the stored catalogue say (contribution rules, then rewards in their order, withdrawn ones included)?
 * @example (await loadCatalogue(sql)).rewards.map((r) => r.id) // ['regular-day-shift', 'first-pick', 'holiday-rest']
 */
export async function loadCatalogue(sql: Sql): Promise<StoredCatalogue> {
  const rules = await sql<{ kind: ContributionKind; name: string; name_en: string; points_per_event: number; points_per_hour: number; version: number; updated_at: Date }[]>`
    SELECT kind, name, name_en, points_per_event, points_per_hour, version, updated_at FROM incentive_rules
    ORDER BY CASE kind WHEN 'callIn' THEN 0 WHEN 'coverProject' THEN 1 ELSE 2 END`;
  const rewards = await sql<{ id: string; name: string; name_en: string; points: number; grants: EntitlementGrant; hard: boolean; offered: boolean; version: number; updated_at: Date }[]>`
    SELECT id, name, name_en, points, grants, hard, offered, version, updated_at FROM incentive_rewards ORDER BY sort, id`;
  return {
    contributions: rules.map((r) => ({ kind: r.kind, name: r.name, nameEn: r.name_en, pointsPerEvent: r.points_per_event, pointsPerHour: r.points_per_hour, version: r.version, updatedAt: r.updated_at })),
    rewards: rewards.map((r) => ({ id: r.id, name: r.name, nameEn: r.name_en, points: r.points, grants: r.grants, hard: r.hard, offered: r.offered, version: r.version, updatedAt: r.updated_at })),
  };
}

/**
 * Stores a catalogue's rules and rewards unless they exist (demo seed and tests); existing rows are left as edited.
 * @example await ensureCatalogue(sql, DEMO_INCENTIVE_CATALOGUE)
 */
export async function ensureCatalogue(sql: Sql, catalogue: IncentiveCatalogue): Promise<void> {
  for (const r of catalogue.contributions) {
    await sql`INSERT INTO incentive_rules (kind, name, name_en, points_per_event, points_per_hour)
      VALUES (${r.kind}, ${r.name}, ${r.nameEn}, ${r.pointsPerEvent}, ${r.pointsPerHour}) ON CONFLICT (kind) DO NOTHING`;
  }
  let sort = 0;
  for (const r of catalogue.rewards) {
    await sql`INSERT INTO incentive_rewards (id, name, name_en, points, grants, hard, offered, sort)
      VALUES (${r.id}, ${r.name}, ${r.nameEn}, ${r.points}, ${sql.json(r.grants as never)}, ${r.hard}, ${r.offered}, ${sort++}) ON CONFLICT (id) DO NOTHING`;
  }
}

/**
 * Credits emergency contributions to the ledger inside the caller's transaction, points per the stored catalogue
 * (pointsPerEvent + pointsPerHour × hours, rounded). agentId is the agents_sched code; an unknown agent or a kind the
 * catalogue does not price throws (the caller's transaction rolls back). A contribution's own reference wins over
 * meta.reference.
 * @example await creditContributions(tx, [{ agentId: 'A0001', kind: 'callIn', hours: 4 }], { date: '2026-12-04', userId: 3, reference: 'intraday 95598 10:00' })
 *   // [{ agentId: 'A0001', type: 'earn', kind: 'callIn', hours: 4, points: 40, reference: 'intraday 95598 10:00', … }]
 */
export async function creditContributions(
  tx: Sql,
  contributions: Contribution[],
  meta: { date: string; userId: number | null; reference: string; at?: Date },
): Promise<LedgerRow[]> {
  if (contributions.length === 0) return [];
  const rules = new Map((await tx<{ kind: string; points_per_event: number; points_per_hour: number }[]>`
    SELECT kind, points_per_event, points_per_hour FROM incentive_rules`).map((r) => [r.kind, r]));
  const codes = [...new Set(contributions.map((c) => c.agentId))];
  const agents = new Map((await tx<{ id: number; code: string }[]>`SELECT id, code FROM agents_sched WHERE code = ANY(${codes})`).map((a) => [a.code, a.id]));
  const out: LedgerRow[] = [];
  for (const c of contributions) {
    const rule = rules.get(c.kind);
    if (!rule) throw new RangeError(`the incentive catalogue has no points for ${c.kind}`);
    const agentId = agents.get(c.agentId);
    if (agentId === undefined) throw new RangeError(`no schedulable agent ${JSON.stringify(c.agentId)}`);
    if (!Number.isFinite(c.hours) || c.hours < 0) throw new RangeError(`hours must be finite and ≥ 0, got ${c.hours}`);
    const points = Math.round(rule.points_per_event + rule.points_per_hour * c.hours);
    const reference = (c.reference ?? meta.reference).slice(0, 300);
    const [row] = await tx<RawLedger[]>`
      WITH ins AS (
        INSERT INTO incentive_ledger (agent_id, type, at, date, kind, hours, points, reference, created_by)
        VALUES (${agentId}, 'earn', ${meta.at ?? tx`now()`}, ${meta.date}, ${c.kind}, ${c.hours}, ${points}, ${reference}, ${meta.userId})
        RETURNING *)
      SELECT ${tx.unsafe(LEDGER_COLUMNS)} FROM ins l JOIN agents_sched a ON a.id = l.agent_id`;
    out.push(toRow(row!));
  }
  return out;
}

/**
 * Takes back the points credited under `reference` (an undone intraday change): one 'reverse' line per earned line
 * not yet reversed, inside the caller's transaction. The balance may go below zero if the points were already spent.
 * @example await reverseCredits(tx, 'intraday:2026-12-04:3', { date: '2026-12-04', userId: 3 }) // [{ type: 'reverse', points: -40, … }]
 */
export async function reverseCredits(tx: Sql, reference: string, meta: { date: string; userId: number | null; at?: Date }): Promise<LedgerRow[]> {
  const rows = await tx<RawLedger[]>`
    WITH ins AS (
      INSERT INTO incentive_ledger (agent_id, type, at, date, kind, hours, points, reference, reverses, created_by)
      SELECT e.agent_id, 'reverse', ${meta.at ?? tx`now()`}, ${meta.date}, e.kind, e.hours, -e.points, e.reference, e.id, ${meta.userId}
      FROM incentive_ledger e
      WHERE e.type = 'earn' AND e.reference = ${reference}
        AND NOT EXISTS (SELECT 1 FROM incentive_ledger r WHERE r.reverses = e.id)
      ORDER BY e.id
      RETURNING *)
    SELECT ${tx.unsafe(LEDGER_COLUMNS)} FROM ins l JOIN agents_sched a ON a.id = l.agent_id ORDER BY l.id`;
  return rows.map(toRow);
}

/** Filters of {@link listLedger}. */
export interface LedgerFilter {
  agentId?: string;
  limit?: number;
}

/**
 * Which ledger lines match, newest first?
 * @example (await listLedger(sql, { agentId: 'A0001' }))[0].agentId // 'A0001'
 */
export async function listLedger(sql: Sql, filter: LedgerFilter = {}): Promise<LedgerRow[]> {
  const rows = await sql<RawLedger[]>`
    SELECT ${sql.unsafe(LEDGER_COLUMNS)} FROM incentive_ledger l JOIN agents_sched a ON a.id = l.agent_id
    WHERE ${filter.agentId ? sql`a.code = ${filter.agentId}` : sql`true`}
    ORDER BY l.id DESC LIMIT ${filter.limit ?? 500}`;
  return rows.map(toRow);
}

/** An agent's balance with how much they earned and spent. */
export interface BalanceRow {
  agentId: string;
  name: string;
  team: string;
  tier: number | null;
  earned: number;
  spent: number;
  balance: number;
  lines: number;
}

/**
 * Every agent with ledger lines: points earned, spent and held, highest balance first.
 * @example (await balances(sql))[0] // { agentId: 'A0001', earned: 190, spent: 0, balance: 190, … }
 */
export async function balances(sql: Sql): Promise<BalanceRow[]> {
  const rows = await sql<{ code: string; name: string; team: string | null; tier: number | null; earned: number; spent: number; lines: number }[]>`
    SELECT a.code, a.name, t.code AS team, a.emergency_tier AS tier,
      coalesce(sum(l.points) FILTER (WHERE l.type <> 'redeem'), 0)::int AS earned,
      coalesce(-sum(l.points) FILTER (WHERE l.type = 'redeem'), 0)::int AS spent, count(*)::int AS lines
    FROM incentive_ledger l JOIN agents_sched a ON a.id = l.agent_id LEFT JOIN teams t ON t.id = a.team_id
    GROUP BY a.id, a.code, a.name, t.code, a.emergency_tier`;
  return rows
    .map((r) => ({ agentId: r.code, name: r.name, team: r.team ?? '', tier: r.tier, earned: r.earned, spent: r.spent, balance: r.earned - r.spent, lines: r.lines }))
    .sort((a, b) => b.balance - a.balance || (a.agentId < b.agentId ? -1 : 1));
}

/**
 * An agent's ledger as the pure module's entries (oldest first), for balance/redeem/entitlementsFor.
 * @example balance(await ledgerOf(sql, 'A0001'), 'A0001') // 190
 */
export async function ledgerOf(sql: Sql, agentCode: string): Promise<LedgerEntry[]> {
  const rows = await sql<RawLedger[]>`
    SELECT ${sql.unsafe(LEDGER_COLUMNS)} FROM incentive_ledger l JOIN agents_sched a ON a.id = l.agent_id
    WHERE a.code = ${agentCode} ORDER BY l.id`;
  return rows.map(toRow).map(toEntry);
}

function toEntry(r: LedgerRow): LedgerEntry {
  // A reversal counts for the pure ledger as an earn line with negative points (balance sums points).
  return r.type !== 'redeem'
    ? { id: `L${r.id}`, type: 'earn', agentId: r.agentId, at: r.at.toISOString(), kind: r.kind!, hours: r.hours ?? 0, points: r.points, reference: r.reference }
    : { id: `L${r.id}`, type: 'redeem', agentId: r.agentId, at: r.at.toISOString(), rewardId: r.rewardId!, points: r.points, entitlement: r.entitlement! };
}

/**
 * Which redemptions touch a month (month rewards for it, holiday rest with a date in it), as ledger entries?
 * @example (await redemptionsForMonth(sql, '2027-01')).map((e) => e.agentId) // ['A0001']
 */
export async function redemptionsForMonth(sql: Sql, month: string): Promise<LedgerEntry[]> {
  const rows = await sql<RawLedger[]>`
    SELECT ${sql.unsafe(LEDGER_COLUMNS)} FROM incentive_ledger l JOIN agents_sched a ON a.id = l.agent_id
    WHERE l.type = 'redeem' AND l.month = ${month} ORDER BY l.id`;
  return rows.map(toRow).map(toEntry);
}

/**
 * Appends a redemption line (the caller checked it with the pure `redeem` under the agent's row lock).
 * @example await insertRedemption(tx, { agentId: 'A0001', rewardId: 'regular-day-shift', points: -120, entitlement, at, date: '2026-12-04', userId: 1 })
 */
export async function insertRedemption(
  tx: Sql,
  r: { agentId: string; rewardId: string; points: number; entitlement: Entitlement; at: Date; date: string; userId: number | null },
): Promise<LedgerRow> {
  const month = r.entitlement.kind === 'daysOff' ? r.entitlement.dates[0]!.slice(0, 7) : r.entitlement.month;
  const [row] = await tx<RawLedger[]>`
    WITH ins AS (
      INSERT INTO incentive_ledger (agent_id, type, at, date, points, reward_id, entitlement, month, created_by)
      SELECT id, 'redeem', ${r.at}, ${r.date}, ${r.points}, ${r.rewardId}, ${tx.json(r.entitlement as never)}, ${month}, ${r.userId}
      FROM agents_sched WHERE code = ${r.agentId}
      RETURNING *)
    SELECT ${tx.unsafe(LEDGER_COLUMNS)} FROM ins l JOIN agents_sched a ON a.id = l.agent_id`;
  return toRow(row!);
}

/**
 * An agent's points held and earned, over the whole ledger.
 * @example await agentPoints(sql, 'A0001') // { balance: 128, earned: 128 }
 */
export async function agentPoints(sql: Sql, agentCode: string): Promise<{ balance: number; earned: number }> {
  const [r] = await sql<{ balance: number; earned: number }[]>`
    SELECT coalesce(sum(l.points), 0)::int AS balance, coalesce(sum(l.points) FILTER (WHERE l.type <> 'redeem'), 0)::int AS earned
    FROM incentive_ledger l JOIN agents_sched a ON a.id = l.agent_id WHERE a.code = ${agentCode}`;
  return r ?? { balance: 0, earned: 0 };
}
