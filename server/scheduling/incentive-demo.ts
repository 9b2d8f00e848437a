// Demo data of the incentives part: four weeks of emergency contributions for the emergency tiers (the demo agent
// A0001 with enough points for 常白班), a summer peak (度夏) next July and a campaign week two weeks out.
import type { Sql } from '../db/index.ts';
import { addLocalDays, localDateOf, weekdayOf } from '../../scheduling/time.ts';

/** The demo agent's contributions: 40 + 50 + 20 + 18 = 128 points, enough for 常白班 (120), not for it and 优选排次 too. */
const DEMO_AGENT_LINES = [
  { daysAgo: 24, kind: 'callIn', hours: 4, reference: '95598 雷雨天气停电 应急召回 14:00–18:00' },
  { daysAgo: 17, kind: 'callIn', hours: 6, reference: '95598 线路故障话务激增 应急召回 09:00–15:00' },
  { daysAgo: 10, kind: 'coverProject', hours: 5, reference: '支援 EV 充电服务热线 10:00–15:00' },
  { daysAgo: 3, kind: 'peakOvertime', hours: 3, reference: '95598 晚高峰加班 18:00–21:00' },
] as const;

const KINDS = ['callIn', 'coverProject', 'peakOvertime'] as const;
const REFS: Record<(typeof KINDS)[number], string> = {
  callIn: '应急召回',
  coverProject: '跨项目支援',
  peakOvertime: '高峰加班',
};

/**
 * Seeds the ledger history and peak plans unless present (idempotent; one insert statement each, well under a second).
 * @example await seedIncentiveDemo(sql, new Date(), 'Asia/Shanghai')
 */
export async function seedIncentiveDemo(sql: Sql, now: Date, timeZone: string): Promise<void> {
  const today = localDateOf(now, { timeZone });
  const [has] = await sql`SELECT 1 FROM incentive_ledger LIMIT 1`;
  if (!has) {
    const agents = await sql<{ code: string; tier: number; home: string | null }[]>`
      SELECT a.code, a.emergency_tier AS tier, p.code AS home FROM agents_sched a
      LEFT JOIN teams t ON t.id = a.team_id LEFT JOIN projects p ON p.id = t.project_id
      WHERE a.active AND a.emergency_tier IS NOT NULL AND a.code <> 'A0001' ORDER BY a.code`;
    const lines: { code: string; date: string; kind: string; hours: number; reference: string }[] = DEMO_AGENT_LINES.map((l) => ({
      code: 'A0001',
      date: addLocalDays(today, -l.daysAgo),
      kind: l.kind,
      hours: l.hours,
      reference: `${addLocalDays(today, -l.daysAgo)} ${l.reference}`,
    }));
    agents.forEach((a, i) => {
      // Tier 1 answers more call-ins than tier 2, tier 3 rarely; a fixed pattern, the same on every machine.
      const count = a.tier === 1 ? 2 + (i % 3) : a.tier === 2 ? 1 + (i % 2) : i % 2;
      for (let k = 0; k < count; k++) {
        const kind = KINDS[(i + k) % 3]!;
        const hours = 2 + ((i * 7 + k * 3) % 5);
        const date = addLocalDays(today, -(1 + ((i * 5 + k * 9) % 27)));
        lines.push({ code: a.code, date, kind, hours, reference: `${date} ${a.home ?? ''} ${REFS[kind]}`.replace(/\s+/g, ' ') });
      }
    });
    await sql`
      INSERT INTO incentive_ledger (agent_id, type, at, date, kind, hours, points, reference)
      SELECT a.id, 'earn', (l.date::date + time '20:00') AT TIME ZONE ${timeZone}, l.date::date, l.kind, l.hours,
             round(r.points_per_event + r.points_per_hour * l.hours)::int, l.reference
      FROM jsonb_to_recordset(${sql.json(lines as never)}) AS l(code text, date text, kind text, hours numeric, reference text)
      JOIN agents_sched a ON a.code = l.code JOIN incentive_rules r ON r.kind = l.kind
      ORDER BY l.date, l.code`;
  }
  const [plans] = await sql`SELECT 1 FROM peak_plans LIMIT 1`;
  if (!plans) {
    const [y, m] = today.split('-').map(Number) as [number, number];
    const july = m < 7 ? y : y + 1;
    // The campaign week: the Monday at least two weeks out, Monday to Sunday.
    let start = addLocalDays(today, 14);
    while (weekdayOf(start) !== 0) start = addLocalDays(start, 1);
    await sql`
      INSERT INTO peak_plans (name, kind, from_date, to_date, uplift, note) VALUES
        (${`${july}年度夏高峰`}, 'summerPeak', ${`${july}-07-01`}, ${`${july}-07-31`}, ${sql.json({ '95598': 0.2, EV: 0.15 })}, '高温超出往年：在预测（已含度夏系数）之上，停电报修与充电咨询再增'),
        ('数字金融推广周', 'campaign', ${start}, ${addLocalDays(start, 6)}, ${sql.json({ FIN: 0.4, INS: 0.1 })}, '线上缴费优惠活动，金融专线咨询量上升')`;
  }
}
