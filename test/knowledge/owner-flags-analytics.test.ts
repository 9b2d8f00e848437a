// The flags queue (reply and close) and search analytics over a period, from seeded flags, search log and work orders.
import { describe, it, expect, beforeEach } from 'vitest';
import { Client, signedIn } from '../support/app.ts';
import { analyticsPeriod } from '../../server/knowledge/owner-period.ts';
import { ownerApp, importLibrary, type OwnerT } from './owner-support.ts';

const LIB = [
  { code: 'T-FA-1', title: '停电报修' },
  { code: 'T-FA-2', title: '电费查询' },
];

describe('knowledge owners: flags queue', () => {
  let t: OwnerT;
  let owner: Client;
  beforeEach(async () => {
    t = await ownerApp();
    owner = await signedIn(t, 'knowledge');
    await importLibrary(owner, LIB, { publish: true });
  });

  it('lists open flags oldest first with kind, comment and who, and closes one with a reply', async () => {
    const [agent] = await t.sql<{ id: number }[]>`SELECT id FROM users WHERE username = 'agent'`;
    await t.sql`INSERT INTO script_flags (scenario_code, version, kind, comment, raised_by, raised_at) VALUES
      ('T-FA-2', 1, 'outdated', '电价已调整', ${agent.id}, '2026-11-24T01:00:00Z'),
      ('T-FA-1', 1, 'missing', '缺少夜间报修情形', ${agent.id}, '2026-11-23T01:00:00Z')`;
    const html = await (await owner.get('/knowledge/flags')).text();
    expect(html.indexOf('缺少夜间报修情形')).toBeLessThan(html.indexOf('电价已调整'));
    expect(html).toContain('<span class="badge">缺少情形</span>');
    expect(html).toContain('李晓梅');
    const [flag] = await t.sql<{ id: number }[]>`SELECT id FROM script_flags WHERE comment = '电价已调整'`;
    const empty = await owner.post(`/knowledge/flags/${flag.id}/close`, { reply: '  ' });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain(`id="f-reply-${flag.id}-error"><p class="error">必填。`);
    const res = await owner.post(`/knowledge/flags/${flag.id}/close`, { reply: '已更新为 2026 年电价' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/knowledge/flags?closed=1');
    const [row] = await t.sql<{ reply: string; replied_by: string }[]>`SELECT f.reply, u.username AS replied_by FROM script_flags f JOIN users u ON u.id = f.replied_by WHERE f.id = ${flag.id}`;
    expect(row).toEqual({ reply: '已更新为 2026 年电价', replied_by: 'knowledge' });
    const after = await (await owner.get('/knowledge/flags?closed=1')).text();
    expect(after).toContain('反馈已答复并关闭。');
    expect(after).not.toContain(`action="/knowledge/flags/${flag.id}/close"`);
    expect(after).toContain('已更新为 2026 年电价');
    const [entry] = await t.sql<{ target: string }[]>`SELECT target FROM audit_log WHERE action = 'flag.close'`;
    expect(entry.target).toBe(`flag:${flag.id}`);
  });

  it('shows only flags of the owner’s (or unowned) scenarios unless asked for all', async () => {
    const [admin] = await t.sql<{ id: number }[]>`SELECT id FROM users WHERE username = 'admin'`;
    await t.sql`UPDATE scenarios SET owner_id = ${admin.id} WHERE code = 'T-FA-1'`;
    await t.sql`INSERT INTO script_flags (scenario_code, version, kind, comment) VALUES ('T-FA-1', 1, 'unclear', '别人负责的场景')`;
    expect(await (await owner.get('/knowledge/flags')).text()).not.toContain('别人负责的场景');
    expect(await (await owner.get('/knowledge/flags?all=1')).text()).toContain('别人负责的场景');
  });

  it('answers an unknown flag with 404', async () => {
    expect((await owner.post('/knowledge/flags/999999/close', { reply: 'x' })).status).toBe(404);
    expect((await owner.post('/knowledge/flags/abc/close', { reply: 'x' })).status).toBe(404);
  });
});

describe('knowledge owners: search analytics', () => {
  let t: OwnerT;
  let owner: Client;
  beforeEach(async () => {
    t = await ownerApp();
    owner = await signedIn(t, 'knowledge');
    await importLibrary(owner, LIB, { publish: true });
    await t.sql`DELETE FROM search_log`;
    const rows: [string, string, number, string | null][] = [
      // at, query, results, clicked
      ['2026-11-24T03:00:00Z', '停电了', 5, 'T-FA-1'],
      ['2026-11-24T04:00:00Z', ' 停电了 ', 5, 'T-FA-1'],
      ['2026-11-23T04:00:00Z', '停电了', 4, null],
      ['2026-11-22T04:00:00Z', '电费', 3, 'T-FA-2'],
      ['2026-11-21T04:00:00Z', '光伏补贴到账', 0, null],
      ['2026-11-21T05:00:00Z', '光伏补贴到账', 0, null],
      ['2026-11-20T05:00:00Z', '充电桩退款', 2, null],
      ['2026-11-10T05:00:00Z', '上个月的搜索', 0, null],
    ];
    for (const [at, query, results, clicked] of rows) {
      await t.sql`INSERT INTO search_log (at, query, result_count, top_code, clicked_code, ms) VALUES (${at}, ${query}, ${results}, ${results ? 'T-FA-1' : null}, ${clicked}, 3)`;
    }
    await t.sql`INSERT INTO work_orders (number, scenario_code, scenario_version, kind, channel, deadline, created_at) VALUES
      ('GD-T-1', 'T-FA-2', 1, 'consultation', '95598', '2026-11-26T00:00:00Z', '2026-11-24T00:00:00Z'),
      ('GD-T-2', 'T-FA-2', 1, 'consultation', '95598', '2026-11-26T00:00:00Z', '2026-11-24T01:00:00Z'),
      ('GD-T-3', 'T-FA-2', 1, 'consultation', '95598', '2026-11-26T00:00:00Z', '2026-11-24T02:00:00Z')`;
    await t.sql`INSERT INTO script_flags (scenario_code, version, kind, comment, raised_at, replied_at) VALUES
      ('T-FA-1', 1, 'outdated', 'a', '2026-11-24T00:00:00Z', null),
      ('T-FA-1', 1, 'unclear', 'b', '2026-11-23T00:00:00Z', '2026-11-24T00:00:00Z'),
      ('T-FA-2', 1, 'missing', 'c', '2026-11-01T00:00:00Z', null)`;
  });

  it('counts the last 7 days by default: top queries, gaps, most used and flags per scenario', async () => {
    const html = await (await owner.get('/knowledge/analytics')).text();
    expect(html).toContain('2026-11-19 至 2026-11-25 共 7 次搜索。');
    const table = (id: string) => html.slice(html.indexOf(`data-testid="${id}"`), html.indexOf('</table>', html.indexOf(`data-testid="${id}"`)));
    expect(table('top-queries')).toMatch(/<td>停电了<\/td><td>3<\/td><td>4.7<\/td>.*<td>光伏补贴到账<\/td><td>2<\/td><td>0<\/td>/);
    expect(table('no-result')).toContain('<td>光伏补贴到账</td><td>2</td>');
    expect(table('no-result')).not.toContain('上个月的搜索');
    expect(table('no-click')).toMatch(/<td>停电了<\/td><td>1<\/td><td>4<\/td>.*<td>充电桩退款<\/td><td>1<\/td><td>2<\/td>/);
    expect(table('most-used')).toMatch(/T-FA-2<\/a><\/td><td>电费查询<\/td><td>1<\/td><td>3<\/td>.*T-FA-1<\/a><\/td><td>停电报修<\/td><td>2<\/td><td>0<\/td>/);
    expect(table('flags-per-scenario')).toMatch(/T-FA-1<\/a><\/td><td>停电报修<\/td><td>2<\/td><td>1<\/td><td>1<\/td><td>1<\/td><td>0<\/td>/);
    expect(table('flags-per-scenario')).not.toContain('T-FA-2');
  });

  it('takes a chosen period and reports an unusable date beside its field', async () => {
    const html = await (await owner.get('/knowledge/analytics?from=2026-11-01&to=2026-11-30')).text();
    expect(html).toContain('2026-11-01 至 2026-11-30 共 8 次搜索。');
    expect(html).toContain('T-FA-2</a></td><td>电费查询</td><td>1</td><td>1</td><td>0</td><td>0</td><td>1</td>');
    const bad = await (await owner.get('/knowledge/analytics?from=2026-02-30')).text();
    expect(bad).toMatch(/id="f-from-error"><p class="error">日期无效，已使用默认值。/);
  });
});

describe('analyticsPeriod', () => {
  const now = new Date('2026-11-25T02:00:00Z');
  it('defaults to the last 7 local days ending today', () => {
    expect(analyticsPeriod({}, now, 'Asia/Shanghai')).toEqual({ fromDate: '2026-11-19', toDate: '2026-11-25', from: new Date('2026-11-18T16:00:00Z'), to: new Date('2026-11-25T16:00:00Z'), errors: {} });
  });
  it('counts a local day in the centre’s zone (16:30 UTC is already the next day in Shanghai)', () => {
    expect(analyticsPeriod({}, new Date('2026-11-25T16:30:00Z'), 'Asia/Shanghai').toDate).toBe('2026-11-26');
  });
  describe('edge cases', () => {
    it('replaces a reversed, too long or invalid start by the default and says why', () => {
      expect(analyticsPeriod({ from: '2026-11-30', to: '2026-11-25' }, now, 'Asia/Shanghai')).toMatchObject({ fromDate: '2026-11-19', errors: { from: 'owner.analytics.reversed' } });
      expect(analyticsPeriod({ from: '2024-01-01' }, now, 'Asia/Shanghai').errors).toEqual({ from: 'owner.analytics.tooLong' });
      expect(analyticsPeriod({ to: 'yesterday' }, now, 'Asia/Shanghai')).toMatchObject({ toDate: '2026-11-25', errors: { to: 'owner.analytics.badDate' } });
    });
    it('accepts a one-day period', () => {
      expect(analyticsPeriod({ from: '2026-11-25', to: '2026-11-25' }, now, 'Asia/Shanghai')).toMatchObject({ from: new Date('2026-11-24T16:00:00Z'), to: new Date('2026-11-25T16:00:00Z'), errors: {} });
    });
  });
});
