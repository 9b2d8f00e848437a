// Calibration sessions: blind scores by two inspectors, a reference, and the report's alpha,
// agreement and deviations; calibration scores never reach the agent.
import { describe, it, expect } from 'vitest';
import { Client, signedIn, testApp } from '../support/app.ts';
import { krippendorffAlpha } from '../../knowledge/quality/agreement.ts';
import { scoreEvaluation, type Answers } from '../../knowledge/quality/scorecard.ts';
import { DEMO_SCORECARD } from '../../server/quality/demo.ts';

const GOOD: Answers = { greeting: 'yes', identify: 'na', inquiry: 'yes', accuracy: 8, workorder: 'yes', empathy: 4, responsive: 'yes', 'no-taboo': 'yes', privacy: 'yes', closing: 'yes' };
const form = (a: Answers) => Object.fromEntries(Object.entries(a).map(([k, v]) => [`a.${k}`, String(v)]));

describe('quality: calibration', () => {
  it('reports Krippendorff alpha, percent agreement and deviation from the reference, blind until scored', async () => {
    const t = await testApp();
    const one = await signedIn(t, 'inspector');
    const two = new Client(t.app, t.deps.secret);
    expect((await two.login('inspector2', 'demo-inspector-pass')).status).toBe(303);
    const ids = await t.sql<{ id: number; username: string }[]>`SELECT id, username FROM users WHERE username IN ('inspector', 'inspector2') ORDER BY username`;
    const calls = ['REC-0001', 'REC-0002', 'REC-0003'];
    expect((await one.post('/quality/calibration', { name: '', callIds: [], participantIds: [String(ids[0].id)] })).status).toBe(422);
    const created = await one.post('/quality/calibration', { name: '十一月校准', callIds: calls, participantIds: ids.map((i) => String(i.id)) });
    expect(created.status).toBe(303);
    const path = created.headers.get('location')!;

    const answersOne: Record<string, Answers> = { 'REC-0001': GOOD, 'REC-0002': { ...GOOD, 'no-taboo': 'no' }, 'REC-0003': GOOD };
    const answersTwo: Record<string, Answers> = { 'REC-0001': GOOD, 'REC-0002': { ...GOOD, 'no-taboo': 'no' }, 'REC-0003': { ...GOOD, closing: 'no' } };
    for (const call of calls) expect((await one.post(`${path}/calls/${call}`, form(answersOne[call]))).status).toBe(303);
    // blind: inspector2 sees no report before scoring every call
    expect(await (await two.get(path)).text()).not.toContain('data-testid="cal-report"');
    expect((await two.post(`${path}/calls/REC-0001`, { 'a.greeting': 'yes' })).status).toBe(422);
    for (const call of calls) expect((await two.post(`${path}/calls/${call}`, form(answersTwo[call]))).status).toBe(303);
    expect((await two.post(`${path}/calls/REC-0001`, form(GOOD))).status).toBe(409);
    // only the owner records the reference
    expect((await two.get(`${path}/calls/REC-0003?reference=1`)).status).toBe(403);
    expect((await one.post(`${path}/calls/REC-0003?reference=1`, form({ ...GOOD, closing: 'no' }))).status).toBe(303);

    const html = await (await two.get(path)).text();
    expect(html).toContain('data-testid="cal-report"');
    const pct = (a: Answers) => scoreEvaluation(DEMO_SCORECARD, a).percent;
    const alpha = krippendorffAlpha([calls.map((c) => pct(answersOne[c])), calls.map((c) => pct(answersTwo[c]))], 'interval')!;
    expect(html).toContain(`data-testid="total-alpha">${alpha.toFixed(3)}<`);
    // closing: agree on 2 of 3 calls → 66.7 %; greeting: all agree → 100 %
    expect(html).toMatch(/data-item="closing">.*?<td class="q-pa">66\.7%<\/td>/s);
    expect(html).toMatch(/data-item="greeting">.*?<td class="q-pa">100\.0%<\/td>/s);
    // deviation: 王建国 scored REC-0003 above the reference by the closing section's share
    const dev = pct(GOOD)! - pct({ ...GOOD, closing: 'no' })!;
    expect(html).toMatch(new RegExp(`<td>王建国</td><td>1</td><td>${dev.toFixed(1)}</td>`));
    expect(html).toMatch(/<td>钱芳<\/td><td>1<\/td><td>0\.0<\/td>/);
    // calibration never counts for the agent
    const agent = await signedIn(t, 'agent');
    expect(await (await agent.get('/quality/mine')).text()).not.toContain('REC-0001');
    expect((await one.get('/quality/calibration/99999')).status).toBe(404);
    expect((await one.get(`${path}/calls/NOPE`)).status).toBe(404);
  });
});
