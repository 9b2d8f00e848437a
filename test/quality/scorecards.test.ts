// The scorecard page: rules in words, and versioning — scoring changes make a new version,
// wording changes do not, and evaluations keep the version they were scored with.
import { describe, it, expect } from 'vitest';
import { signedIn, testApp } from '../support/app.ts';
import { SCORING_RULES_ZH } from '../../knowledge/quality/scorecard.ts';
import { DEMO_SCORECARD } from '../../server/quality/demo.ts';

describe('quality: scorecards', () => {
  it('documents the rules, keeps the version for wording changes and adds one for scoring changes', async () => {
    const t = await testApp();
    const inspector = await signedIn(t, 'inspector');
    const [card] = await t.sql<{ id: number }[]>`SELECT id FROM scorecards`;
    const html = await (await inspector.get(`/quality/scorecards/${card.id}`)).text();
    expect(html).toContain(SCORING_RULES_ZH[4]);
    expect(html).toContain('致命项');
    const renamed = { ...DEMO_SCORECARD, name: '95598 通话质检标准（修订文字）' };
    expect((await inspector.post(`/quality/scorecards/${card.id}`, { version: '1', body: JSON.stringify(renamed) })).headers.get('location')).toBe(`/quality/scorecards/${card.id}?saved=1`);
    const heavier = { ...DEMO_SCORECARD, sections: DEMO_SCORECARD.sections.map((s) => (s.id === 'closing' ? { ...s, weight: 2 } : s)) };
    expect((await inspector.post(`/quality/scorecards/${card.id}`, { version: '1', body: JSON.stringify(heavier) })).headers.get('location')).toBe(`/quality/scorecards/${card.id}?saved=2`);
    // a stale form answers 409 and keeps the text
    const stale = await inspector.post(`/quality/scorecards/${card.id}`, { version: '1', body: '{"keep":"me"}' });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('{&quot;keep&quot;:&quot;me&quot;}');
    const bad = await inspector.post(`/quality/scorecards/${card.id}`, { version: '2', body: JSON.stringify({ ...DEMO_SCORECARD, sections: [{ id: 'a', label: 'A', weight: 0, items: [] }] }) });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('section a: weight must be &gt; 0');
    expect((await inspector.post(`/quality/scorecards/${card.id}`, { version: '2', body: 'nope' })).status).toBe(422);
    const versions = await t.sql<{ version: number; name: string }[]>`SELECT version, body->>'name' AS name FROM scorecard_versions ORDER BY version`;
    expect(versions).toEqual([
      { version: 1, name: '95598 通话质检标准（修订文字）' },
      { version: 2, name: '95598 通话质检标准' },
    ]);
    expect((await inspector.get('/quality/scorecards/99999')).status).toBe(404);
  });
});
