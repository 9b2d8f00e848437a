// Closing the loop: a finding becomes a script-fix proposal the knowledge owner resolves, training
// is assigned by hand and by threshold, teaching cases reach agents, weak spots carry intervals.
import { describe, it, expect } from 'vitest';
import { signedIn, testApp } from '../support/app.ts';
import { wilsonInterval } from '../../knowledge/quality/sampling.ts';
import type { Answers } from '../../knowledge/quality/scorecard.ts';

const GOOD: Answers = { greeting: 'yes', identify: 'na', inquiry: 'yes', accuracy: 8, workorder: 'yes', empathy: 4, responsive: 'yes', 'no-taboo': 'yes', privacy: 'yes', closing: 'yes' };
const form = (a: Answers) => Object.fromEntries(Object.entries(a).map(([k, v]) => [`a.${k}`, String(v)]));

describe('quality: closing the loop', () => {
  it('turns a finding into a proposal, assigns training, shares a case and ranks weak spots', async () => {
    const t = await testApp();
    const inspector = await signedIn(t, 'inspector');
    const sampleOf = async (callId: string) => (await t.sql<{ id: number }[]>`SELECT id FROM samples WHERE call_id = ${callId}`)[0].id;
    const bad = await sampleOf('REC-0002');
    await inspector.post(`/quality/samples/${bad}/submit`, { ...form({ ...GOOD, 'no-taboo': 'no' }), version: '0' });
    await inspector.post(`/quality/samples/${await sampleOf('REC-0001')}/submit`, { ...form(GOOD), version: '0' });
    await inspector.post(`/quality/samples/${await sampleOf('REC-0003')}/submit`, { ...form({ ...GOOD, closing: 'no' }), version: '0' });
    const page = await (await inspector.get(`/quality/samples/${bad}`)).text();
    expect(page).toContain(`action="/quality/samples/${bad}/findings"`);

    const f = await inspector.post(`/quality/samples/${bad}/findings`, { proposal: '路灯报修场景补充“非供电设施”转办话术', itemId: 'no-taboo', scenarioCode: 'ZM-001', atSeconds: '8.1' });
    expect(f.status).toBe(303);
    expect((await inspector.post(`/quality/samples/${bad}/findings`, { proposal: '' })).status).toBe(422);
    const [finding] = await t.sql<{ id: number; scenario_code: string; item_id: string; start_seconds: number; status: string }[]>`SELECT id, scenario_code, item_id, start_seconds, status FROM findings`;
    expect(finding).toMatchObject({ scenario_code: 'ZM-001', item_id: 'no-taboo', start_seconds: 8.1, status: 'open' });
    const knowledge = await signedIn(t, 'knowledge');
    expect(await (await knowledge.get('/quality/findings')).text()).toContain('路灯报修场景补充');
    expect((await inspector.post(`/quality/findings/${finding.id}/resolve`, { status: 'accepted', resolution: 'x' })).status).toBe(403);
    expect((await knowledge.post(`/quality/findings/${finding.id}/resolve`, { status: 'accepted', resolution: '已在 ZM-001 增加转办话术' })).status).toBe(303);
    expect(await (await inspector.get('/quality/findings')).text()).toContain('已在 ZM-001 增加转办话术');

    expect((await inspector.post(`/quality/samples/${bad}/training`, { topic: '服务忌语与首问负责', itemId: 'no-taboo' })).status).toBe(303);
    expect((await inspector.post(`/quality/samples/${bad}/teaching`, { kind: 'bad', note: '推诿客户的反面案例' })).status).toBe(303);
    const agent = await signedIn(t, 'agent');
    const mine = await (await agent.get('/quality/mine')).text();
    expect(mine).toContain('服务忌语与首问负责');
    const cases = await (await agent.get('/quality/cases')).text();
    expect(cases).toContain('推诿客户的反面案例');
    expect(cases).toContain('src="/static/rec-2.wav"');

    // weak spots by agent: 李晓梅 failed no-taboo once of 3 checks, with the Wilson interval beside it
    const weak = await (await inspector.get('/quality/weak-spots?by=agent')).text();
    const w = wilsonInterval(1, 3)!;
    expect(weak).toContain(`<td>李晓梅</td><td>未使用服务忌语（致命项）</td><td>1<!-- -->/<!-- -->3</td>`.replace(/<!-- -->/g, ''));
    expect(weak).toContain(`${(w.low * 100).toFixed(1)}% – ${(w.high * 100).toFixed(1)}%`);
    // threshold 30 % over at least 3 checks: accuracy 3/3 (8 of 10 points is a miss), empathy 3/3 (4 of 5),
    // closing 1/3 and no-taboo 1/3 — no-taboo already has an open assignment
    const res = await inspector.post('/quality/weak-spots/training', { threshold: '30', minChecked: '3' });
    expect(res.headers.get('location')).toBe('/quality/weak-spots?assigned=3');
    const rows = await t.sql<{ item_id: string; reason: string }[]>`SELECT item_id, reason FROM training_assignments ORDER BY id`;
    expect(rows.map((r) => r.item_id)).toEqual(['no-taboo', 'accuracy', 'empathy', 'closing']);
    expect(rows.map((r) => r.reason).slice(1)).toEqual(['失误 3/3', '失误 3/3', '失误 1/3']);
    expect((await inspector.post('/quality/weak-spots/training', { threshold: '', minChecked: '0' })).status).toBe(422);
  });
});

describe('quality: evaluations CSV export', () => {
  it('exports submitted evaluations with answers per item and defuses formula-like text', async () => {
    const t = await testApp();
    const inspector = await signedIn(t, 'inspector');
    const [s] = await t.sql<{ id: number }[]>`SELECT id FROM samples WHERE call_id = 'REC-0002'`;
    await inspector.post(`/quality/samples/${s.id}/submit`, { ...form({ ...GOOD, 'no-taboo': 'no' }), version: '0' });
    const res = await inspector.get('/quality/evaluations.csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = (await res.text()).replace(/^\ufeff/, '');
    const [header, row, end] = text.split('\r\n');
    expect(header).toBe('evaluation,call,agent,team,project,scenario,evaluator,scorecardVersion,status,score,failedAll,submittedAt,releasedAt,greeting,identify,inquiry,accuracy,workorder,empathy,responsive,no-taboo,privacy,closing');
    expect(row).toMatch(/^\d+,REC-0002,agent,95598-A,95598,,inspector,1,submitted,0\.00,1,2026-11-25T02:00:00\.000Z,,yes,na,yes,8,yes,4,yes,no,yes,yes$/);
    expect(end).toBe('');
    const { csvField } = await import('../../server/quality/loop.tsx');
    expect([csvField('=1+1'), csvField('-5'), csvField('a,"b"'), csvField(null)]).toEqual(["'=1+1", '-5', '"a,""b"""', '']);
    expect((await (await signedIn(t, 'agent')).get('/quality/evaluations.csv')).status).toBe(403);
  });
});
