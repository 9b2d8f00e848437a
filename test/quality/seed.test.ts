// The demo centre's quality data: calls over four weeks, recordings with transcripts, drawn plans.
import { describe, it, expect } from 'vitest';
import { testApp } from '../support/app.ts';

describe('quality demo seed', () => {
  it('seeds a few thousand calls, five recordings and two drawn plans assigned to the inspector', async () => {
    const t = await testApp();
    const [calls] = await t.sql<{ n: number; rec: number; projects: number }[]>`SELECT count(*)::int AS n, count(recording_url)::int AS rec, count(DISTINCT project_id)::int AS projects FROM calls`;
    expect(calls).toEqual({ n: 3005, rec: 5, projects: 4 });
    const plans = await t.sql<{ name: string; n: number }[]>`SELECT pl.name, count(s.id)::int AS n FROM plans pl JOIN samples s ON s.plan_id = pl.id GROUP BY pl.id ORDER BY pl.id`;
    expect(plans[0]).toEqual({ name: '录音质检（演示）', n: 5 });
    expect(plans[1].n).toBeGreaterThan(30);
  });
});
