// Plans: creating one, drawing a reproducible sample, replacing a sampled call, the sample-size helper.
import { describe, it, expect, beforeEach } from 'vitest';
import { Client, signedIn, testApp } from '../support/app.ts';
import { cochranSampleSize } from '../../knowledge/quality/sampling.ts';

type T = Awaited<ReturnType<typeof testApp>>;

describe('quality: plans and draws', () => {
  let t: T;
  let inspector: Client;
  let ids: { p95598: number; card: number; inspector: number };
  beforeEach(async () => {
    t = await testApp();
    inspector = await signedIn(t, 'inspector');
    const [p] = await t.sql<{ id: number }[]>`SELECT id FROM projects WHERE code = '95598'`;
    const [s] = await t.sql<{ id: number }[]>`SELECT id FROM scorecards WHERE code = 'hotline-standard'`;
    const [u] = await t.sql<{ id: number }[]>`SELECT id FROM users WHERE username = 'inspector'`;
    ids = { p95598: p.id, card: s.id, inspector: u.id };
  });

  async function period() {
    const [r] = await t.sql<{ from: string; to: string }[]>`SELECT to_char(min(started_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD') AS from,
      to_char(max(started_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD') AS to FROM calls`;
    return r;
  }

  function form(extra: Record<string, string | string[]>) {
    return {
      name: '复现测试',
      projectIds: [String(ids.p95598)],
      scorecardId: String(ids.card),
      methodKind: 'quota',
      perAgent: '3',
      quotaPeriod: 'week',
      strategy: 'inspector',
      reviewerIds: [String(ids.inspector)],
      dailyCap: '10',
      seed: 'repro-42',
      minDuration: '60',
      ...extra,
    };
  }

  async function createAndDraw(extra: Record<string, string | string[]>) {
    const res = await inspector.post('/quality/plans', form(extra));
    expect(res.status).toBe(303);
    const id = Number(res.headers.get('location')!.split('/').pop());
    const drawn = await inspector.post(`/quality/plans/${id}/draw`);
    expect(drawn.status).toBe(303);
    const rows = await t.sql<{ call_id: string; stratum: string; rank: number }[]>`SELECT call_id, stratum, rank FROM samples WHERE plan_id = ${id} ORDER BY call_id`;
    return { id, rows };
  }

  it('draws the same sample for the same seed and scope, a different one for another seed, and stores the snapshot', async () => {
    const { from, to } = await period();
    const a = await createAndDraw({ periodStart: from, periodEnd: to });
    const b = await createAndDraw({ periodStart: from, periodEnd: to, name: '复现测试 2' });
    const c = await createAndDraw({ periodStart: from, periodEnd: to, seed: 'other-seed', name: '另一种子' });
    expect(a.rows.length).toBeGreaterThan(20);
    expect(b.rows).toEqual(a.rows);
    expect(c.rows.map((r) => r.call_id)).not.toEqual(a.rows.map((r) => r.call_id));
    // every agent-week stratum holds at most 3, ranked 1..3
    const perStratum = new Map<string, number[]>();
    for (const r of a.rows) perStratum.set(r.stratum, [...(perStratum.get(r.stratum) ?? []), r.rank]);
    for (const ranks of perStratum.values()) expect(ranks.sort()).toEqual([1, 2, 3].slice(0, ranks.length));
    const [draw] = await t.sql<{ seed: string; population_fingerprint: string; n: number; filters: unknown }[]>`
      SELECT seed, population_fingerprint, jsonb_array_length(population_ids) AS n, filters FROM plan_draws WHERE plan_id = ${a.id}`;
    expect(draw.seed).toBe('repro-42');
    expect(draw.filters).toEqual({ minDuration: 60 });
    const [pop] = await t.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM calls c JOIN projects p ON p.id = c.project_id WHERE p.code = '95598' AND c.duration_seconds >= 60
      AND (c.started_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${from}::date AND ${to}::date`;
    expect(draw.n).toBe(pop.n);
    const page = await (await inspector.get(`/quality/plans/${a.id}`)).text();
    expect(page).toContain('data-testid="draw-verified"');
    expect(page).toContain('repro-42');
    // a second draw of the same plan is refused
    expect((await inspector.post(`/quality/plans/${a.id}/draw`)).status).toBe(409);
    const [entry] = await t.sql<{ detail: { sampled: number } }[]>`SELECT detail FROM audit_log WHERE action = 'plan.draw' AND target = ${`plan:${a.id}`}`;
    expect(entry.detail.sampled).toBe(a.rows.length);
  });

  it('assigns within the daily cap and replaces a call by the next of its stratum with the reason', async () => {
    const { from, to } = await period();
    const { id, rows } = await createAndDraw({ periodStart: from, periodEnd: to, dailyCap: '5' });
    const days = await t.sql<{ due_date: string; n: number }[]>`SELECT to_char(due_date, 'YYYY-MM-DD') AS due_date, count(*)::int AS n FROM samples WHERE plan_id = ${id} GROUP BY due_date`;
    expect(Math.max(...days.map((d) => d.n))).toBe(5);
    expect(days.reduce((s, d) => s + d.n, 0)).toBe(rows.length);
    const [first] = await t.sql<{ id: number; call_id: string; stratum: string }[]>`SELECT id, call_id, stratum FROM samples WHERE plan_id = ${id} ORDER BY id LIMIT 1`;
    expect((await inspector.post(`/quality/samples/${first.id}/replace`, { reason: '' })).status).toBe(422);
    const res = await inspector.post(`/quality/samples/${first.id}/replace`, { reason: '录音缺失' });
    expect(res.status).toBe(303);
    const [old] = await t.sql<{ status: string; replace_reason: string; replaced_by: number }[]>`SELECT status, replace_reason, replaced_by FROM samples WHERE id = ${first.id}`;
    expect(old.status).toBe('replaced');
    expect(old.replace_reason).toBe('录音缺失');
    const [repl] = await t.sql<{ stratum: string; rank: number; call_id: string }[]>`SELECT stratum, rank, call_id FROM samples WHERE id = ${old.replaced_by}`;
    const stratumRanks = rows.filter((r) => r.stratum === first.stratum).map((r) => r.rank);
    expect(repl.stratum).toBe(first.stratum);
    expect(repl.rank).toBe(Math.max(...stratumRanks) + 1);
  });

  it('re-renders the form with errors beside the fields and keeps what was typed', async () => {
    const res = await inspector.post('/quality/plans', { name: '', periodStart: '2026-11-10', periodEnd: '2026-11-01', methodKind: 'targeted', limit: 'x', seed: 'ok', queue: '故障' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('结束日期不能早于开始日期。');
    expect(html).toContain('请至少选择一个项目。');
    expect(html).toContain('请至少选择一条规则。');
    expect(html).toContain('value="故障"');
    expect((await inspector.post('/quality/plans', {})).status).toBe(422);
  });

  it('answers unknown plans with 404', async () => {
    expect((await inspector.get('/quality/plans/99999')).status).toBe(404);
    expect((await inspector.get('/quality/plans/abc')).status).toBe(404);
    expect((await inspector.post('/quality/plans/99999/draw')).status).toBe(404);
  });

  it('computes the sample size with Cochran and FPC, and Wilson intervals', async () => {
    const { from, to } = await period();
    const res = await inspector.get(`/quality/sample-size?projectId=${ids.p95598}&from=${from}&to=${to}&margin=5&passed=8&checked=10`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const [pop] = await t.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM calls WHERE project_id = ${ids.p95598}`;
    const expected = cochranSampleSize({ marginOfError: 0.05, populationSize: pop.n }).required;
    expect(html).toContain(`总体 ${pop.n} 通：误差 ±5% 需抽 ${expected} 通（无限总体时 384.2）`);
    // Wilson 8/10: 0.490–0.943 (wilsonInterval's published example)
    expect(html).toContain('合格率 80.0%，95% Wilson 区间 49.0% – 94.3%');
  });
});
