// Draws spread through the period: a weekly plan draws one 7-day portion at a time (not before it
// begins), each from the plan seed and the portion number, and each re-derives from its snapshot.
import { describe, it, expect } from 'vitest';
import { signedIn, testApp } from '../support/app.ts';
import { drawSample, type SamplingMethod } from '../../knowledge/quality/sampling.ts';
import { planPopulation } from '../../server/quality/service.ts';
import * as q from '../../server/quality/queries.ts';

const addDays = (d: string, n: number) => {
  const x = new Date(`${d}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() + n);
  return x.toISOString().slice(0, 10);
};

describe('quality: draws in weekly portions', () => {
  it('draws portion by portion with derived seeds, each reproducible, never ahead of time', async () => {
    const t = await testApp();
    const inspector = await signedIn(t, 'inspector');
    const [{ first }] = await t.sql<{ first: string }[]>`SELECT to_char(min(started_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD') AS first FROM calls`;
    const start = addDays(first, 1);
    const end = addDays(start, 20); // three portions of 7 days
    // "today" is the first day of portion 2: portion 3 cannot be drawn yet
    t.clock.now = new Date(`${addDays(start, 7)}T02:00:00Z`);
    const [p] = await t.sql<{ id: number }[]>`SELECT id FROM projects WHERE code = 'EV'`;
    const [card] = await t.sql<{ id: number }[]>`SELECT id FROM scorecards WHERE code = 'hotline-standard'`;
    const [insp] = await t.sql<{ id: number }[]>`SELECT id FROM users WHERE username = 'inspector'`;
    const res = await inspector.post('/quality/plans', {
      name: '充电服务按周抽样',
      projectIds: String(p.id),
      periodStart: start,
      periodEnd: end,
      scorecardId: String(card.id),
      methodKind: 'quota',
      perAgent: '1',
      quotaPeriod: 'plan',
      strategy: 'inspector',
      reviewerIds: String(insp.id),
      dailyCap: '10',
      seed: 'weekly-7',
      drawEvery: 'week',
    });
    expect(res.status).toBe(303);
    const planUrl = res.headers.get('location')!;
    const planId = Number(planUrl.split('/').pop());

    // one call per EV agent (agent05, agent06, agent07) in each portion
    const d1 = await inspector.post(`${planUrl}/draw`);
    expect(d1.headers.get('location')).toBe(`${planUrl}?drawn=3&portion=1`);
    const d2 = await inspector.post(`${planUrl}/draw`);
    expect(d2.headers.get('location')).toBe(`${planUrl}?drawn=3&portion=2`);
    const d3 = await inspector.post(`${planUrl}/draw`);
    expect(d3.status).toBe(422);
    expect(await d3.text()).toContain('这一批的日期尚未开始');

    const draws = await t.sql<{ portion: number; seed: string; from: string; to: string }[]>`
      SELECT portion, seed, to_char(portion_start, 'YYYY-MM-DD') AS from, to_char(portion_end, 'YYYY-MM-DD') AS to FROM plan_draws WHERE plan_id = ${planId} ORDER BY portion`;
    expect(draws).toEqual([
      { portion: 1, seed: 'weekly-7#1', from: start, to: addDays(start, 6) },
      { portion: 2, seed: 'weekly-7#2', from: addDays(start, 7), to: addDays(start, 13) },
    ]);
    // every sampled call lies in its portion's week
    const spread = await t.sql<{ portion: number; day: string }[]>`SELECT d.portion, to_char((c.started_at AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS day
      FROM samples s JOIN plan_draws d ON d.id = s.draw_id JOIN calls c ON c.id = s.call_id WHERE s.plan_id = ${planId}`;
    expect(spread).toHaveLength(6);
    for (const s of spread) {
      expect(s.day >= addDays(start, 7 * (s.portion - 1))).toBe(true);
      expect(s.day <= addDays(start, 7 * s.portion - 1)).toBe(true);
    }
    // portion 2 re-derives from the plan seed and its number over that week's calls
    const plan = (await q.findPlan(t.sql, planId))!;
    const population = await planPopulation(t.sql, plan, 'Asia/Shanghai', { n: 2, start: addDays(start, 7), end: addDays(start, 13) });
    const again = drawSample({ population, method: plan.method as unknown as SamplingMethod, seed: 'weekly-7#2' });
    const stored = await t.sql<{ call_id: string }[]>`SELECT s.call_id FROM samples s JOIN plan_draws d ON d.id = s.draw_id WHERE d.plan_id = ${planId} AND d.portion = 2 ORDER BY s.call_id`;
    expect(again.sample.map((s) => s.callId).sort()).toEqual(stored.map((s) => s.call_id));

    const page = await (await inspector.get(planUrl)).text();
    expect(page.match(/data-testid="portions"[\s\S]*?<\/table>/)![0].match(/badge q-ok/g)).toHaveLength(2);
    expect(page).toContain(`第 3 批自 ${addDays(start, 14)} 起可抽取。`);
    // the next day of portion 3 it can be drawn, and then the plan is complete
    t.clock.now = new Date(`${addDays(start, 14)}T02:00:00Z`);
    expect(await (await inspector.get(planUrl)).text()).toContain(`抽取第 3 批（${addDays(start, 14)} – ${end}）`);
    expect((await inspector.post(`${planUrl}/draw`)).headers.get('location')).toBe(`${planUrl}?drawn=3&portion=3`);
    expect((await inspector.post(`${planUrl}/draw`)).status).toBe(409);
  });
});
