// The repeat-window settings form (validated, audited, concurrent edits detected) and the department
// order index with its filters (status, kind, overdue, repeat).
import { describe, it, expect, beforeAll } from 'vitest';
import { signedIn, testApp, type Client } from '../support/app.ts';

type T = Awaited<ReturnType<typeof testApp>>;

const TS003 = { channel: '95598', name: '王先生', phone: '13812345678', account: '3100012345', address: '人民路1号', staffInfo: '', visitTime: '2026-11-24 15:30', issue: '态度恶劣' };
const CD001 = { channel: '95598', name: '刘女士', phone: '13900001111', address: '科技园', stationName: '站', pileNo: 'A-03', pileOperator: '国网电动汽车公司运营', faultType: '其他', charged: '否' };

const orderId = (res: Response) => Number(/\/orders\/(\d+)/.exec(res.headers.get('location') ?? '')?.[1]);

describe('knowledge settings: the repeat-complaint window', () => {
  let t: T;
  let owner: Client;
  beforeAll(async () => {
    t = await testApp();
    owner = await signedIn(t, 'knowledge');
  });

  it('shows the default of 30 days to owners and admins, not to agents or inspectors', async () => {
    const res = await owner.get('/knowledge/settings');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/id="f-repeatWindowDays"[^>]*value="30"/);
    expect(html).toContain('当前使用默认值 30 天。');
    expect(html).toContain('<input type="hidden" name="expected" value="-"/>');
    expect(html).toContain('href="/knowledge/settings"');
    expect((await (await signedIn(t, 'admin')).get('/knowledge/settings')).status).toBe(200);
    expect((await (await signedIn(t, 'agent')).get('/knowledge/settings')).status).toBe(403);
    expect((await (await signedIn(t, 'inspector')).post('/knowledge/settings', { repeatWindowDays: '5', expected: '-' })).status).toBe(403);
  });

  it('rejects a window that is not a whole number of 1–366 days beside the field, keeping what was typed', async () => {
    for (const typed of ['0', '367', '7.5', '两周', '']) {
      const res = await owner.post('/knowledge/settings', { repeatWindowDays: typed, expected: '-' });
      expect(res.status, typed).toBe(422);
      const html = await res.text();
      expect(html).toMatch(/id="f-repeatWindowDays-error"[^>]*><p class="error">请填写 1 到 366 之间的整数天数。</);
      expect(html).toContain(`value="${typed}"`);
    }
    expect(await t.sql`SELECT 1 FROM settings WHERE key = 'knowledge.repeat_window_days'`).toHaveLength(0);
  });

  it('saves a valid window (full-width digits too), audits before and after, and refuses a stale form (409)', async () => {
    const res = await owner.post('/knowledge/settings', { repeatWindowDays: '６０', expected: '-' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/knowledge/settings?saved=1');
    const [row] = await t.sql<{ value: string }[]>`SELECT value FROM settings WHERE key = 'knowledge.repeat_window_days'`;
    expect(row.value).toBe('60');
    const [entry] = await t.sql<{ actor_name: string; target: string; detail: { before: string | null; after: string } }[]>`SELECT * FROM audit_log WHERE action = 'settings.update'`;
    expect(entry.actor_name).toBe('knowledge');
    expect(entry.target).toBe('setting:knowledge.repeat_window_days');
    expect(entry.detail).toEqual({ before: null, after: '60' });
    const page = await (await owner.get('/knowledge/settings?saved=1')).text();
    expect(page).toContain('设置已保存。');
    expect(page).toContain('当前为 60 天（默认 30 天）。');
    expect(page).toContain('name="expected" value="60"');

    // a second owner's form was loaded before the change
    const stale = await owner.post('/knowledge/settings', { repeatWindowDays: '14', expected: '-' });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('保存前他人已修改此设置（现为 60 天）');
    expect(html).toMatch(/id="f-repeatWindowDays"[^>]*value="14"/);
    expect(html).toContain('name="expected" value="60"');
    const [still] = await t.sql<{ value: string }[]>`SELECT value FROM settings WHERE key = 'knowledge.repeat_window_days'`;
    expect(still.value).toBe('60');
  });

  it('decides repeat complaints at filing time with the window saved here', async () => {
    await t.sql`DELETE FROM settings WHERE key = 'knowledge.repeat_window_days'`;
    let agent = await signedIn(t, 'agent');
    expect(orderId(await agent.post('/agent/scenarios/TS-003/orders', TS003))).toBeGreaterThan(0);
    t.clock.advanceMinutes(60 * 24 * 3); // three days later
    owner = await signedIn(t, 'knowledge');
    expect((await owner.post('/knowledge/settings', { repeatWindowDays: '2', expected: '-' })).status).toBe(303);
    agent = await signedIn(t, 'agent');
    const outside = orderId(await agent.post('/agent/scenarios/TS-003/orders', TS003));
    expect(outside).toBeGreaterThan(0);
    expect((await owner.post('/knowledge/settings', { repeatWindowDays: '5', expected: '2' })).status).toBe(303);
    const inside = orderId(await agent.post('/agent/scenarios/TS-003/orders', TS003));
    const rows = await t.sql<{ id: number; repeat: boolean }[]>`SELECT id, repeat FROM work_orders WHERE id IN (${outside}, ${inside}) ORDER BY id`;
    // 2 days: the first complaint (3 days back) is outside the window; 5 days: both earlier ones are inside
    expect(rows.map((r) => r.repeat)).toEqual([false, true]);
  });
});

describe('department order index and filters', () => {
  let t: T;
  let inspector: Client;
  beforeAll(async () => {
    t = await testApp();
    let agent = await signedIn(t, 'agent');
    await agent.post('/agent/scenarios/TS-003/orders', TS003); // complaint, 144 h: D-OPS; D-DIS, D-STN
    t.clock.advanceMinutes(60 * 24);
    agent = await signedIn(t, 'agent');
    await agent.post('/agent/scenarios/TS-008/orders', { channel: '95598', name: '王先生', phone: '13812345678', account: '3100012345', address: '人民路1号', issue: '言语不当', visitTime: '2026-11-26 09:00' }); // repeat of TS-003
    await agent.post('/agent/scenarios/CD-001/orders', CD001); // repair, 4 h, to D-EV
    t.clock.advanceMinutes(5 * 60); // the repair is now an hour overdue, the complaints are not
    inspector = await signedIn(t, 'inspector');
  });

  it('counts each department’s orders (all, open, overdue, repeat) and links every count to its filtered list', async () => {
    const res = await inspector.get('/orders/departments');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('各部门工单');
    expect((html.match(/<tr data-dept="/g) ?? []).length).toBe(13);
    const row = (code: string) => new RegExp(`<tr data-dept="${code}">([\\s\\S]*?)</tr>`).exec(html)?.[1] ?? '';
    const cells = (code: string) => [...row(code).matchAll(/<td class="num[^"]*">(?:<a [^>]*>)?(?:<span class="muted">)?(\d+)/g)].map((m) => Number(m[1]));
    expect(cells('D-STN')).toEqual([2, 2, 0, 1]);
    expect(cells('D-EV')).toEqual([1, 1, 1, 0]);
    expect(row('D-STN')).toContain('href="/orders/department/D-STN?repeat=1"');
    expect(row('D-EV')).toContain('href="/orders/department/D-EV?overdue=1"');
    expect(row('D-EV')).toContain('<td class="num overdue">');
    expect((await (await signedIn(t, 'knowledge')).get('/orders/departments')).status).toBe(200);
    expect((await (await signedIn(t, 'agent')).get('/orders/departments')).status).toBe(403);
  });

  it('filters a department’s list by status, kind, overdue and repeat, and marks overdue orders', async () => {
    const count = async (path: string) => /共 (\d+) 张工单/.exec(await (await inspector.get(path)).text())?.[1] ?? '0';
    expect(await count('/orders/department/D-STN')).toBe('2');
    expect(await count('/orders/department/D-STN?status=open')).toBe('2');
    expect(await count('/orders/department/D-STN?status=closed')).toBe('0');
    expect(await count('/orders/department/D-STN?overdue=1')).toBe('0');
    expect(await count('/orders/department/D-STN?repeat=1')).toBe('1');
    expect(await count('/orders/department/D-STN?kind=complaint&repeat=1')).toBe('1');
    const ev = await (await inspector.get('/orders/department/D-EV?overdue=1')).text();
    expect(ev).toContain('共 1 张工单');
    expect(ev).toContain('data-testid="overdue"');
    expect(ev).toMatch(/<option value="open"[^>]*>处理中</);
    expect(ev).toMatch(/name="overdue" value="1" checked=""/);
    expect(ev).toContain('href="/orders/departments"');
    await t.sql`UPDATE work_orders SET status = 'closed' WHERE kind = 'repair'`;
    expect(await count('/orders/department/D-EV?overdue=1')).toBe('0');
    expect(await count('/orders/department/D-EV?status=closed')).toBe('1');
  });

  it('is reachable from the knowledge area’s tabs for owners and admins', async () => {
    const owner = await signedIn(t, 'knowledge');
    expect(await (await owner.get('/knowledge')).text()).toContain('href="/orders/departments"');
    const admin = await signedIn(t, 'admin');
    const matrix = await (await admin.get('/knowledge/matrix')).text();
    expect(matrix).toContain('href="/orders/departments"');
    expect(matrix).toContain('href="/knowledge/settings"');
    expect(matrix).not.toContain('href="/knowledge/flags"');
  });
});
