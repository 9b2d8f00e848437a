// Findings in the knowledge owners' queue: an inspector's script-fix proposal shows on /knowledge/flags
// with the recording excerpt, the owner resolves it there, and the resolution shows on the evaluation.
import { describe, it, expect } from 'vitest';
import { signedIn, testApp } from '../support/app.ts';
import type { Answers } from '../../knowledge/quality/scorecard.ts';

const FULL: Answers = { greeting: 'yes', identify: 'na', inquiry: 'yes', accuracy: 10, workorder: 'yes', empathy: 5, responsive: 'yes', 'no-taboo': 'yes', privacy: 'yes', closing: 'yes' };
const form = (a: Answers) => ({ ...Object.fromEntries(Object.entries(a).map(([k, v]) => [`a.${k}`, String(v)])), version: '0' });

describe('quality: findings in the knowledge owners’ queue', () => {
  it('queues the proposal with its excerpt, takes the owner’s answer and links it back', async () => {
    const t = await testApp();
    const inspector = await signedIn(t, 'inspector');
    const knowledge = await signedIn(t, 'knowledge');
    const sampleOf = async (callId: string) => (await t.sql<{ id: number }[]>`SELECT id FROM samples WHERE call_id = ${callId}`)[0].id;
    const s2 = await sampleOf('REC-0002');
    const s1 = await sampleOf('REC-0001');
    expect((await inspector.post(`/quality/samples/${s2}/submit`, form({ ...FULL, 'no-taboo': 'no' }))).status).toBe(303);
    expect((await inspector.post(`/quality/samples/${s1}/submit`, form(FULL))).status).toBe(303);
    expect((await inspector.post(`/quality/samples/${s2}/findings`, { proposal: '路灯报修：补充“非供电设施”的转办话术', itemId: 'no-taboo', atSeconds: '8.1' })).status).toBe(303);
    // a second finding on a scenario another owner looks after
    const [other] = await t.sql<{ id: number }[]>`SELECT id FROM users WHERE username = 'admin'`;
    await t.sql`UPDATE scenarios SET owner_id = ${other.id} WHERE code = 'TD-002'`;
    expect((await inspector.post(`/quality/samples/${s1}/findings`, { proposal: '停电答复补充恢复时间的说法', scenarioCode: 'TD-002', atSeconds: '9' })).status).toBe(303);
    const [f1, f2] = await t.sql<{ id: number }[]>`SELECT id FROM findings ORDER BY id`;

    const mine = await (await knowledge.get('/knowledge/flags')).text();
    const section = mine.slice(mine.indexOf('data-testid="quality-findings"'));
    expect(section).toContain('质检整改建议（1）');
    expect(section).toContain('路灯报修：补充“非供电设施”的转办话术');
    expect(section).toContain('未使用服务忌语（致命项）');
    expect(section).not.toContain('停电答复补充恢复时间的说法'); // TD-002 belongs to another owner
    // excerpt: 3 s before to 12 s after 8.1 s, cut at the 16 s end of the recording; the lines overlapping it
    expect(section).toContain('src="/static/rec-2.wav#t=5.1,16.0"');
    expect(section).toContain('录音片段 0:05–0:16');
    expect(section).toContain('我家门口的路灯坏了好几天了，你们管不管？');
    expect(section).toContain('这不归我们管，你找物业去吧。');
    expect(section).not.toContain('您好，国网客服中心，很高兴为您服务。'); // ends at 3.19 s
    const all = await (await knowledge.get('/knowledge/flags?all=1')).text();
    expect(all).toContain('停电答复补充恢复时间的说法');
    expect(all).toContain('src="/static/rec-1.wav#t=6.0,19.0"');

    const res = await knowledge.post(`/quality/findings/${f1.id}/resolve`, { status: 'accepted', resolution: '已在路灯类场景增加转办话术', back: 'flags' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/knowledge/flags?finding=1');
    const after = await (await knowledge.get('/knowledge/flags?finding=1')).text();
    expect(after).toContain('质检整改建议（0）');
    expect((await knowledge.post(`/quality/findings/${f1.id}/resolve`, { status: 'accepted', resolution: '再次', back: 'flags' })).status).toBe(409);

    // back on the evaluation: the owner's answer, who gave it
    const scoring = await (await inspector.get(`/quality/samples/${s2}`)).text();
    const box = scoring.slice(scoring.indexOf('data-testid="call-findings"'));
    expect(box).toContain('已在路灯类场景增加转办话术');
    expect(box).toContain('陈静');
    const list = await (await inspector.get('/quality/findings')).text();
    expect(list).toContain(`<a href="/quality/samples/${s2}">REC-0002</a>`);
    expect(f2.id).toBeGreaterThan(f1.id);
  });
});
