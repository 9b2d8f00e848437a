// The rulebook setup page: schedulers edit a rule's switch, kind, weight and parameters; bad input is refused with
// field errors, a stale form is refused as a concurrent edit, changes are audited and reach the roster model.
import { describe, it, expect, beforeAll } from 'vitest';
import { signedIn, testApp, type Client } from '../support/app.ts';
import { paramsProblem } from '../../server/scheduling/setup-routes.tsx';
import { monthModel } from '../../server/scheduling/roster-model.ts';

type T = Awaited<ReturnType<typeof testApp>>;

describe('paramsProblem', () => {
  const codes = ['E', 'D', 'M', 'L', 'N'];
  it('accepts the default shape and refuses other keys, negative or fractional counts, unknown shift codes', () => {
    expect(paramsProblem('max-consecutive-work', '{"maxDays": 5}', codes)).toEqual({ value: { maxDays: 5 } });
    expect(paramsProblem('max-consecutive-work', '{"maxDays": 5.5}', codes)).toEqual({ key: 'setup.params.number', vars: { key: 'maxDays' } });
    expect(paramsProblem('max-consecutive-work', '{"maxDays": -1}', codes)).toEqual({ key: 'setup.params.number', vars: { key: 'maxDays' } });
    expect(paramsProblem('max-consecutive-work', '{"maxDay": 5}', codes)).toEqual({ key: 'setup.params.keys', vars: { keys: 'maxDays' } });
    expect(paramsProblem('max-consecutive-work', '[5]', codes)).toEqual({ key: 'setup.params.json' });
    expect(paramsProblem('max-consecutive-work', '{maxDays: 5}', codes)).toEqual({ key: 'setup.params.json' });
    expect(paramsProblem('coverage', '{"underWeight": 80, "overWeight": 1.5}', codes)).toEqual({ value: { underWeight: 80, overWeight: 1.5 } });
    expect(paramsProblem('forbidden-successions', '{"pairs": [["N","E"],["L","E"]]}', codes)).toEqual({ value: { pairs: [['N', 'E'], ['L', 'E']] } });
    expect(paramsProblem('forbidden-successions', '{"pairs": [["N","X"]]}', codes)).toEqual({ key: 'setup.params.pairs', vars: { key: 'pairs' } });
    expect(paramsProblem('entitlement-day-shifts', '{"shifts": []}', codes)).toEqual({ key: 'setup.params.shifts', vars: { key: 'shifts' } });
    expect(paramsProblem('leave-respected', '{}', codes)).toEqual({ value: {} });
  });
});

describe('rules setup page', () => {
  let t: T;
  let s: Client;
  beforeAll(async () => {
    t = await testApp();
    s = await signedIn(t, 'scheduler');
  }, 60_000);

  const versionOf = (html: string, id: string) => new RegExp(`id="rule-${id}"><input type="hidden" name="_csrf" value="[^"]*"/><input type="hidden" name="version" value="([0-9a-f]{32})"`).exec(html)?.[1];

  it('lists the rulebook, saves a valid change, refuses invalid and stale ones, and the roster model reads it', async () => {
    const page = await (await s.get('/rosters/setup')).text();
    expect(page).toContain('排班规则设置');
    expect(page).toContain('最多连续工作6天');
    expect(page).toContain('aria-current="page"');
    const [{ n }] = await t.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM rules`;
    expect(page.match(/class="rule-row/g)).toHaveLength(n);
    const version = versionOf(page, 'max-consecutive-work')!;
    expect(version).toMatch(/^[0-9a-f]{32}$/);

    // Invalid: weight and params, with field errors and what was typed.
    const bad = await s.post('/rosters/setup/rules/max-consecutive-work', { version, enabled: '1', hard: '1', weight: '-3', params: '{"maxDays": "six"}' });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('“最多连续工作6天”未保存');
    expect(badHtml).toContain('请输入 0 到 100000 之间的整数');
    expect(badHtml).toContain('maxDays 须为不小于 0 的数');
    expect(badHtml).toContain('value="{&quot;maxDays&quot;: &quot;six&quot;}"');

    // Valid: soft, weight 30, max 5 days.
    const ok = await s.post('/rosters/setup/rules/max-consecutive-work', { version, enabled: '1', hard: '0', weight: '30', params: '{"maxDays": 5}' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/rosters/setup?saved=max-consecutive-work#rule-max-consecutive-work');
    expect(await (await s.get(ok.headers.get('location')!)).text()).toContain('已保存“最多连续工作6天”');
    const [row] = await t.sql<{ hard: boolean; weight: number; params: unknown; enabled: boolean }[]>`SELECT hard, weight, params, enabled FROM rules WHERE id = 'max-consecutive-work'`;
    expect(row).toEqual({ hard: false, weight: 30, params: { maxDays: 5 }, enabled: true });

    // Stale: the old version is refused as a concurrent edit and nothing changes.
    const stale = await s.post('/rosters/setup/rules/max-consecutive-work', { version, enabled: '1', hard: '1', weight: '1', params: '{"maxDays": 6}' });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('已被他人修改');
    expect((await t.sql<{ weight: number }[]>`SELECT weight FROM rules WHERE id = 'max-consecutive-work'`)[0]!.weight).toBe(30);

    // Switching a rule off (checkbox absent) removes it from the solver's model.
    const v2 = versionOf(await (await s.get('/rosters/setup')).text(), 'preferred-shift')!;
    expect((await s.post('/rosters/setup/rules/preferred-shift', { version: v2, hard: '0', weight: '3', params: '{}' })).status).toBe(303);
    const mm = await monthModel(t.sql, '2026-12', {});
    expect(mm.model.rules.some((r) => r.id === 'preferred-shift')).toBe(false);
    expect(mm.model.rules.find((r) => r.id === 'max-consecutive-work')).toMatchObject({ hard: false, weight: 30, params: { maxDays: 5 } });

    const audits = await t.sql<{ action: string; target: string; detail: { before: { weight: number }; after: { weight: number } } }[]>`SELECT action, target, detail FROM audit_log WHERE action = 'roster.rule.update' ORDER BY id`;
    expect(audits.map((a) => a.target)).toEqual(['rule:max-consecutive-work', 'rule:preferred-shift']);
    expect(audits[0]!.detail.before.weight).toBe(1);
    expect(audits[0]!.detail.after.weight).toBe(30);

    expect((await s.post('/rosters/setup/rules/no-such-rule', { version, weight: '1', params: '{}' })).status).toBe(404);
    const en = await (await s.get('/rosters/setup', { 'Accept-Language': 'en' })).text();
    expect(en).toContain('Roster rules');
    expect(en).toContain('Maximum consecutive working days');
  }, 60_000);

  it('is for schedulers only', async () => {
    const agent = await signedIn(t, 'agent');
    expect((await agent.get('/rosters/setup')).status).toBe(403);
  });
});
