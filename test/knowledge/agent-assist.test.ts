// Agent assist over HTTP: Chinese search (page and fragment, logged), the scenario call screen,
// filing a work order (errors beside fields, routing, deadline, repeat flag), flags, lists, the API.
import { describe, it, expect, beforeAll } from 'vitest';
import { signedIn, testApp, type Client } from '../support/app.ts';
import { issueToken } from '../../server/queries/tokens.ts';

type T = Awaited<ReturnType<typeof testApp>>;

const TS003 = {
  channel: '95598',
  name: '王先生',
  phone: '138 1234 5678',
  account: '3100012345',
  address: '人民路1号',
  staffInfo: '',
  visitTime: '2026-11-24 15:30',
  issue: '态度恶劣',
};

async function userId(t: T, username: string): Promise<number> {
  const [row] = await t.sql<{ id: number }[]>`SELECT id FROM users WHERE username = ${username}`;
  return row.id;
}

describe('agent search on the lunr backend (SEARCH_BACKEND=lunr)', () => {
  it('serves the same Chinese search from a lunr index', async () => {
    const t = await testApp();
    t.deps.config.searchBackend = 'lunr';
    const agent = await signedIn(t, 'agent');
    const html = await (await agent.get(`/agent/search?q=${encodeURIComponent('充电桩插枪半天没动静')}`, { 'HX-Request': 'true' })).text();
    expect(/href="\/agent\/scenarios\/([A-Z]+-\d+)\?/.exec(html)?.[1]).toBe('CD-001');
    expect(html).toContain('<mark>充电桩</mark>');
    const { knowledgeSearch } = await import('../../server/knowledge/search-service.ts');
    expect((await knowledgeSearch(t.deps).searchIndex()).backend.kind).toBe('lunr');
  });
});

describe('agent search', () => {
  let t: T;
  let agent: Client;
  beforeAll(async () => {
    t = await testApp();
    agent = await signedIn(t, 'agent');
  });

  it('finds the scenario for a colloquial Chinese complaint and marks the matched words', async () => {
    const res = await agent.get(`/agent/search?q=${encodeURIComponent('充电桩插枪半天没动静')}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<!doctype html>');
    expect(html).toMatch(/id="agent-q"[^>]*value="充电桩插枪半天没动静"/);
    const first = /<li role="option"[^>]*id="hit-([A-Z]+-\d+)"/.exec(html);
    expect(first?.[1]).toBe('CD-001');
    expect(html).toContain('<mark>充电桩</mark>');
    expect(html).toMatch(/href="\/agent\/scenarios\/CD-001\?s=\d+"/);
  });

  it('answers an htmx request with the results fragment only, and logs the search', async () => {
    const before = await t.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM search_log`;
    const res = await agent.get(`/agent/search?q=${encodeURIComponent('我家没电了')}`, { 'HX-Request': 'true' });
    expect(res.status).toBe(200);
    expect(res.headers.get('vary')).toContain('HX-Request');
    const html = await res.text();
    expect(html.startsWith('<div id="hits"')).toBe(true);
    expect(html).not.toContain('<html');
    const [log] = await t.sql<{ query: string; result_count: number; top_code: string; ms: number; user_id: number }[]>`SELECT * FROM search_log ORDER BY id DESC LIMIT 1`;
    expect(log.query).toBe('我家没电了');
    expect(log.result_count).toBe(10);
    expect(log.top_code).toBe('TD-002');
    expect(log.user_id).toBe(await userId(t, 'agent'));
    expect(log.ms).toBeGreaterThanOrEqual(0);
    const after = await t.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM search_log`;
    expect(after[0].n).toBe(before[0].n + 1);
  });

  it('logs a typing session as one search: each keystroke continues the row until a result is opened or time passes', async () => {
    const count = async () => (await t.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM search_log`)[0].n;
    const before = await count();
    for (const q of ['抄表', '抄表员', '抄表员上门', '抄表员上']) await agent.get(`/agent/search?q=${encodeURIComponent(q)}`, { 'HX-Request': 'true' });
    expect(await count()).toBe(before + 1);
    const [row] = await t.sql<{ query: string }[]>`SELECT query FROM search_log ORDER BY id DESC LIMIT 1`;
    expect(row.query).toBe('抄表员上');
    await agent.get(`/agent/search?q=${encodeURIComponent('停电')}`, { 'HX-Request': 'true' }); // a new topic
    expect(await count()).toBe(before + 2);
    t.clock.advanceMinutes(1);
    await agent.get(`/agent/search?q=${encodeURIComponent('停电了')}`, { 'HX-Request': 'true' }); // too late to continue
    expect(await count()).toBe(before + 3);
  });

  it('takes query syntax characters from caller text without breaking (户号:3100012345, a^b~c*+-)', async () => {
    for (const q of ['户号:3100012345', '电费^2~ *+- 户号:3100012345 交不上', ':', '~']) {
      const res = await agent.get(`/agent/search?q=${encodeURIComponent(q)}`, { 'HX-Request': 'true' });
      expect(res.status).toBe(200);
    }
    const html = await (await agent.get(`/agent/search?q=${encodeURIComponent('户号:3100012345 电费交不上')}`, { 'HX-Request': 'true' })).text();
    expect(html).toContain('hit-list');
  });

  it('escapes the query and finds nothing for gibberish with a plain message', async () => {
    const html = await (await agent.get(`/agent/search?q=${encodeURIComponent('<script>zzqqxx</script>')}`, { 'HX-Request': 'true' })).text();
    expect(html).not.toContain('<script>zzqqxx');
    expect(html).toContain('&lt;script&gt;zzqqxx');
  });

  it('logs which result was opened from a search', async () => {
    const html = await (await agent.get(`/agent/search?q=${encodeURIComponent('充电桩充不上电')}`, { 'HX-Request': 'true' })).text();
    const href = /href="(\/agent\/scenarios\/CD-001\?s=(\d+))"/.exec(html)!;
    const page = await agent.get(href[1]);
    expect(page.status).toBe(200);
    const [log] = await t.sql<{ clicked_code: string }[]>`SELECT clicked_code FROM search_log WHERE id = ${Number(href[2])}`;
    expect(log.clicked_code).toBe('CD-001');
  });

  it('shows the search page with recent orders and answers unknown scenarios with 404', async () => {
    const home = await agent.get('/agent');
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toMatch(/<input[^>]*id="agent-q"[^>]*autofocus/);
    expect(html).toContain('hx-trigger="agent-search delay:150ms"');
    expect(html).toContain('您还没有提交过工单。');
    expect((await agent.get('/agent/scenarios/NOPE-999')).status).toBe(404);
    expect((await agent.post('/agent/scenarios/NOPE-999/orders', {})).status).toBe(404);
  });
});

describe('the scenario call screen and filing', () => {
  let t: T;
  let agent: Client;
  beforeAll(async () => {
    t = await testApp();
    agent = await signedIn(t, 'agent');
  });

  it('shows the script, inquiry checklist, forbidden phrases, escalation for sensitive scenarios and the template form', async () => {
    const html = await (await agent.get('/agent/scenarios/TS-001')).text();
    expect(html).toContain('营业厅人员服务态度差');
    expect(html).toContain('data-testid="escalation"');
    expect(html).toContain('敏感·中');
    expect(html).toContain('type="checkbox"');
    expect(html).toContain('class="never"');
    expect(html).toMatch(/<form method="post" action="\/agent\/scenarios\/TS-001\/orders"[^>]*id="order-form"/);
    expect(html).toMatch(/<select id="f-demand" name="demand"/);
    // not sensitive enough for an escalation path
    expect(await (await agent.get('/agent/scenarios/TD-001')).text()).not.toContain('data-testid="escalation"');
  });

  it('fills the script placeholders from the typed values (fragment for htmx)', async () => {
    const res = await agent.post('/agent/scenarios/TD-001/script', { name: '张三', address: '<b>人民路</b>' }, { headers: { 'HX-Request': 'true' } });
    const html = await res.text();
    expect(html.startsWith('<section id="script"')).toBe(true);
    expect(html).toContain('请问是张三吗？');
    expect(html).toContain('&lt;b&gt;人民路&lt;/b&gt;的计划停电信息');
    const blank = await (await agent.post('/agent/scenarios/TD-001/script', {}, { headers: { 'HX-Request': 'true' } })).text();
    expect(blank).toContain('<span class="placeholder">{name}</span>');
  });

  it('re-renders errors beside the fields and keeps what was typed (422), then files the corrected order', async () => {
    const bad = await agent.post('/agent/scenarios/TS-003/orders', { ...TS003, phone: '12345', visitTime: '' });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toMatch(/id="f-phone-error"[^>]*>联系电话须为11位手机号或带区号的固定电话。</);
    expect(html).toMatch(/id="f-visitTime-error"[^>]*>时间为必填项。</);
    expect(html).toContain('value="12345"');
    expect(html).toContain('value="3100012345"');
    expect(html).toMatch(/<option value="态度恶劣" selected="">/);
    expect(await t.sql`SELECT 1 FROM work_orders`).toHaveLength(0);

    const ok = await agent.post('/agent/scenarios/TS-003/orders', TS003);
    expect(ok.status).toBe(303);
    const location = ok.headers.get('location')!;
    expect(location).toMatch(/^\/orders\/\d+\?filed=1$/);
    const [row] = await t.sql<{ number: string; owner_dept: string; responsible_depts: string[]; deadline: Date; created_at: Date; customer_phone: string; repeat: boolean; kind: string; matrix_code: string; scenario_version: number }[]>`SELECT * FROM work_orders`;
    expect(row.number).toBe('GD20261125-000001');
    expect(row.kind).toBe('complaint');
    expect(row.matrix_code).toBe('C02-03');
    expect(row.owner_dept).toBe('D-OPS');
    expect(row.responsible_depts).toEqual(['D-DIS', 'D-STN']);
    expect(row.created_at.toISOString()).toBe('2026-11-25T02:00:00.000Z');
    expect(row.deadline.toISOString()).toBe('2026-12-01T02:00:00.000Z'); // complaint: 144 h
    expect(row.customer_phone).toBe('13812345678');
    expect(row.repeat).toBe(false);
    expect(row.scenario_version).toBe(1);

    const page = await (await agent.get(location)).text();
    expect(page).toContain('工单 GD20261125-000001 已提交并派发。');
    expect(page).toMatch(/data-testid="owner">运维检修部</);
    expect(page).toMatch(/data-testid="responsible">配电运检室、各供电所</);
    expect(page).toMatch(/data-testid="deadline">2026\/12\/01 10:00 （144 小时）/);
    expect(page).toMatch(/data-testid="phone">13812345678</);
    expect(page).not.toContain('data-testid="repeat"');
    const [entry] = await t.sql<{ action: string; actor_name: string; detail: { number: string } }[]>`SELECT * FROM audit_log WHERE action = 'work_order.create'`;
    expect(entry.actor_name).toBe('agent');
    expect(entry.detail.number).toBe('GD20261125-000001');
  });

  it('flags a second complaint for the same account and situation as a repeat (重复投诉), not a third party’s', async () => {
    t.clock.advanceMinutes(60 * 24 * 3);
    agent = await signedIn(t, 'agent'); // the session ended while the clock moved
    const second = await agent.post('/agent/scenarios/TS-008/orders', { channel: '12345', name: '王先生', phone: '13812345678', account: '3100012345', address: '人民路1号', issue: '言语不当', visitTime: '2026-11-27 09:00' });
    expect(second.status).toBe(303);
    const page = await (await agent.get(second.headers.get('location')!)).text();
    expect(page).toContain('data-testid="repeat"');
    expect(page).toContain('重复投诉');
    expect(page).toContain('与工单 GD20261125-000001 重复');
    const other = await agent.post('/agent/scenarios/TS-003/orders', { ...TS003, account: '3100099999' });
    const [row] = await t.sql<{ repeat: boolean }[]>`SELECT repeat FROM work_orders WHERE id = ${Number(/\/orders\/(\d+)/.exec(other.headers.get('location')!)![1])}`;
    expect(row.repeat).toBe(false);
    // beyond the 30-day window it is a new complaint again
    t.clock.advanceMinutes(60 * 24 * 31);
    agent = await signedIn(t, 'agent');
    const late = await agent.post('/agent/scenarios/TS-003/orders', TS003);
    const [lateRow] = await t.sql<{ repeat: boolean }[]>`SELECT repeat FROM work_orders WHERE id = ${Number(/\/orders\/(\d+)/.exec(late.headers.get('location')!)![1])}`;
    expect(lateRow.repeat).toBe(false);
  });

  it('takes the repeat window from the settings (knowledge.repeat_window_days)', async () => {
    // the account's last complaint is now 40 days old: outside the default 30, inside 90
    t.clock.advanceMinutes(60 * 24 * 40);
    await t.sql`INSERT INTO settings (key, value) VALUES ('knowledge.repeat_window_days', '90')`;
    try {
      agent = await signedIn(t, 'agent');
      const res = await agent.post('/agent/scenarios/TS-003/orders', TS003);
      const [row] = await t.sql<{ repeat: boolean }[]>`SELECT repeat FROM work_orders WHERE id = ${Number(/\/orders\/(\d+)/.exec(res.headers.get('location')!)![1])}`;
      expect(row.repeat).toBe(true);
    } finally {
      await t.sql`DELETE FROM settings WHERE key = 'knowledge.repeat_window_days'`;
    }
  });

  it('routes by the template’s dispatch rules (who operates the charging pile)', async () => {
    const res = await agent.post('/agent/scenarios/CD-001/orders', { channel: '95598', name: '刘女士', phone: '13900001111', address: '科技园', stationName: '科技园充电站', pileNo: 'A-03', pileOperator: '私人桩（个人）', faultType: '插枪无反应', charged: '否' });
    expect(res.status).toBe(303);
    const id = Number(/\/orders\/(\d+)/.exec(res.headers.get('location')!)![1]);
    const [row] = await t.sql<{ owner_dept: string; responsible_depts: string[]; route_reason: string; deadline: Date; created_at: Date }[]>`SELECT * FROM work_orders WHERE id = ${id}`;
    expect(row.responsible_depts).toEqual(['D-STN']);
    expect(row.route_reason).toContain('私人桩桩体由品牌商或安装商维保');
    expect(row.deadline.getTime() - row.created_at.getTime()).toBe(4 * 3_600_000);
  });

  it('takes a flag on the script, or re-renders its form with errors', async () => {
    const bad = await agent.post('/agent/scenarios/TD-001/flags', { kind: 'nonsense', comment: '' });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('请选择问题类型。');
    expect(html).toMatch(/id="f-comment-error"/);
    const ok = await agent.post('/agent/scenarios/TD-001/flags', { kind: 'outdated', comment: '停电公告渠道已改为网上国网推送' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/agent/scenarios/TD-001?flagged=1');
    const [flag] = await t.sql<{ scenario_code: string; version: number; kind: string; comment: string; raised_by: number }[]>`SELECT * FROM script_flags`;
    expect(flag).toMatchObject({ scenario_code: 'TD-001', version: 1, kind: 'outdated', comment: '停电公告渠道已改为网上国网推送', raised_by: await userId(t, 'agent') });
    expect(await (await agent.get('/agent/scenarios/TD-001?flagged=1')).text()).toContain('已提交反馈，知识管理员会回复。');
  });
});

describe('work-order lists', () => {
  let t: T;
  let agent: Client;
  beforeAll(async () => {
    t = await testApp();
    agent = await signedIn(t, 'agent');
    await agent.post('/agent/scenarios/TS-003/orders', TS003);
    t.clock.advanceMinutes(60 * 24);
    agent = await signedIn(t, 'agent');
    await agent.post('/agent/scenarios/TS-008/orders', { channel: '95598', name: '王先生', phone: '13812345678', account: '3100012345', address: '人民路1号', issue: '言语不当', visitTime: '2026-11-26 09:00' });
    await agent.post('/agent/scenarios/CD-001/orders', { channel: '95598', name: '刘女士', phone: '13900001111', address: '科技园', stationName: '站', pileNo: 'A-03', pileOperator: '国网电动汽车公司运营', faultType: '其他', charged: '否' });
  });

  it('lists the agent’s own orders with phone and account masked, filtered by kind, date and repeat', async () => {
    const html = await (await agent.get('/agent/orders')).text();
    expect(html).toContain('共 3 张工单');
    expect(html).toContain('3100****45');
    expect(html).toContain('138****5678');
    expect(html).not.toContain('13812345678');
    expect(html).not.toContain('3100012345');
    expect(await (await agent.get('/agent/orders?kind=repair')).text()).toContain('共 1 张工单');
    expect(await (await agent.get('/agent/orders?repeat=1')).text()).toContain('共 1 张工单');
    expect(await (await agent.get('/agent/orders?from=2026-11-26&to=2026-11-26')).text()).toContain('共 2 张工单');
    expect(await (await agent.get('/agent/orders?to=2026-11-25')).text()).toContain('共 1 张工单');
    const bad = await agent.get('/agent/orders?from=yesterday');
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('日期格式应为 YYYY-MM-DD。');
    const home = await (await agent.get('/agent')).text();
    expect(home).toContain('GD20261125-000001');
  });

  it('lists a department’s orders (owner or responsible) for inspectors, masked; 404 for an unknown department', async () => {
    const inspector = await signedIn(t, 'inspector');
    const stn = await (await inspector.get('/orders/department/D-STN')).text();
    expect(stn).toContain('各供电所的工单');
    expect(stn).toContain('共 2 张工单');
    expect(stn).toContain('3100****45');
    const ev = await (await inspector.get('/orders/department/D-EV')).text();
    expect(ev).toContain('共 1 张工单');
    expect((await inspector.get('/orders/department/NOPE')).status).toBe(404);
    expect((await agent.get('/orders/department/D-STN')).status).toBe(403);
  });

  it('shows contact details in full to the filing agent and admins only', async () => {
    const [row] = await t.sql<{ id: number }[]>`SELECT id FROM work_orders ORDER BY id LIMIT 1`;
    expect(await (await agent.get(`/orders/${row.id}`)).text()).toMatch(/data-testid="phone">13812345678</);
    const admin = await signedIn(t, 'admin');
    expect(await (await admin.get(`/orders/${row.id}`)).text()).toMatch(/data-testid="account">3100012345</);
    const inspector = await signedIn(t, 'inspector');
    const masked = await (await inspector.get(`/orders/${row.id}`)).text();
    expect(masked).toMatch(/data-testid="phone">138\*\*\*\*5678</);
    expect(masked).not.toContain('13812345678');
    expect(masked).toContain('<a href="/orders/department/D-OPS">运维检修部</a>');
    expect((await admin.get('/orders/999999')).status).toBe(404);
    expect((await admin.get('/orders/abc')).status).toBe(404);
  });
});

describe('API', () => {
  let t: T;
  let token: string;
  beforeAll(async () => {
    t = await testApp();
    token = (await issueToken(t.sql, await userId(t, 'agent'), 'cti', null, t.clock.now)).token;
  });
  const api = (path: string, init: RequestInit = {}) => t.app.request(path, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers as Record<string, string>) } });

  it('searches with a token: ranked { code, title, score } and the time taken', async () => {
    const res = await api(`/api/v1/knowledge/search?q=${encodeURIComponent('户号:3100012345 我家没电了')}&limit=3`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: { code: string; title: string; score: number }[]; tookMs: number };
    expect(body.results).toHaveLength(3);
    expect(body.results[0]).toMatchObject({ code: 'TD-002', title: '故障停电报修（表前无电）' });
    expect(body.results[0].score).toBeGreaterThanOrEqual(body.results[1].score);
    expect(typeof body.tookMs).toBe('number');
    expect((await api('/api/v1/knowledge/search?q=x&limit=0')).status).toBe(422);
    expect((await api('/api/v1/knowledge/search?q=x&limit=abc')).status).toBe(422);
    expect(await (await api('/api/v1/knowledge/search')).json()).toMatchObject({ results: [] });
    expect((await t.app.request('/api/v1/knowledge/search?q=x')).status).toBe(401);
  });

  it('files a work order: 201 with the routed order, 422 with errors', async () => {
    const res = await api('/api/v1/work-orders', { method: 'POST', body: JSON.stringify({ scenario: 'TS-003', channel: '12345', fields: { ...TS003, channel: undefined } }) });
    expect(res.status).toBe(201);
    const { order } = (await res.json()) as { order: Record<string, unknown> };
    expect(order).toMatchObject({
      number: 'GD20261125-000001',
      scenario: 'TS-003',
      kind: 'complaint',
      channel: '12345',
      route: { owner: { code: 'D-OPS', name: '运维检修部' }, responsible: [{ code: 'D-DIS', name: '配电运检室' }, { code: 'D-STN', name: '各供电所' }] },
      deadline: '2026-12-01T02:00:00.000Z',
      repeat: false,
      customerPhone: '13812345678',
    });
    const bad = await api('/api/v1/work-orders', { method: 'POST', body: JSON.stringify({ scenario: 'TS-003', fields: { name: '王' } }) });
    expect(bad.status).toBe(422);
    const { errors } = (await bad.json()) as { errors: Record<string, { key: string; message: string }> };
    expect(errors.phone.key).toBe('required');
    expect(errors.address.message).toBe('用电地址为必填项。');
    expect((await api('/api/v1/work-orders', { method: 'POST', body: 'not json' })).status).toBe(422);
    expect((await api('/api/v1/work-orders', { method: 'POST', body: JSON.stringify({ scenario: 'NOPE', fields: {} }) })).status).toBe(422);
    expect((await api('/api/v1/work-orders', { method: 'POST', body: JSON.stringify({ scenario: 'TS-003', channel: 'fax', fields: TS003 }) })).status).toBe(422);
  });
});
