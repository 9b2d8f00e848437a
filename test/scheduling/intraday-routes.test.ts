// Daily fine-tuning over HTTP: the page and its polled fragment, actuals by upload and API (all-or-nothing with
// numbered errors), applying a suggestion (audited, version-checked), undo, no-shows, and reads that write nothing.
import { describe, it, expect, beforeAll } from 'vitest';
import { type Client, signedIn, testApp } from '../support/app.ts';
import { issueToken } from '../../server/queries/tokens.ts';
import { seedPublishedRoster } from '../../server/scheduling/demo-roster.ts';
import { loadIntradayDay } from '../../server/scheduling/intraday-state.ts';
import { parseActualsCsv, parseActualsJson } from '../../server/scheduling/intraday-actuals.ts';

type T = Awaited<ReturnType<typeof testApp>>;
const DATE = '2026-11-25';
const TZ = 'Asia/Shanghai';
const HEADER = 'project,interval_start,calls_offered,calls_handled,aht_seconds,service_level';
const PROJECTS = new Set(['95598', 'EV', 'INS', 'FIN']);

describe('actuals parsing', () => {
  it('reads CSV with an optional service level, quoted fields and CRLF', () => {
    const r = parseActualsCsv(`${HEADER}\r\n"95598",2026-11-25T10:00:00+08:00,500,480,250.5,0.81\r\nEV,2026-11-25T02:30:00Z,40,40,200,\r\n`, PROJECTS);
    expect(r).toEqual({
      ok: true,
      rows: [
        { project: '95598', intervalStart: '2026-11-25T02:00:00.000Z', callsOffered: 500, callsHandled: 480, ahtSeconds: 250.5, serviceLevel: 0.81 },
        { project: 'EV', intervalStart: '2026-11-25T02:30:00.000Z', callsOffered: 40, callsHandled: 40, ahtSeconds: 200, serviceLevel: null },
      ],
    });
  });

  it('lists every bad line with its number, and a bad header on line 1', () => {
    const text = [
      HEADER,
      '95598,2026-11-25T10:00:00+08:00,500,480,250,0.8',
      '',
      'XX,2026-11-25T10:00:00+08:00,5,5,250,',
      '95598,2026-11-25T10:10:00+08:00,-1,0,250,1.5',
      '95598,2026-11-25T10:00:00+08:00,500,480,250,0.8',
      'EV,2026-11-25T10:00:00+08:00,10,20,250',
    ].join('\n');
    const r = parseActualsCsv(text, PROJECTS);
    expect(r.ok).toBe(false);
    const errors = (r as { errors: { line: number; message: string }[] }).errors;
    expect(errors.map((e) => e.line)).toEqual([4, 5, 5, 5, 6, 7]);
    expect(errors[0]!.message).toBe('line 4: unknown project "XX" (known: 95598, EV, INS, FIN)');
    expect(errors[1]!.message).toContain('does not start a 30-minute interval');
    expect(errors[2]!.message).toBe('line 5: calls_offered "-1" must be a whole number ≥ 0');
    expect(errors[3]!.message).toBe('line 5: service_level "1.5" must be a share from 0 to 1');
    expect(errors[4]!.message).toBe('line 6: 95598 2026-11-25T02:00:00.000Z appears twice (first at line 2)');
    expect(errors[5]!.message).toBe('line 7: 5 fields, the header has 6');
    expect(parseActualsCsv('project,start\n', PROJECTS)).toEqual({ ok: false, errors: [{ line: 1, message: 'line 1: header must be project,interval_start,calls_offered,calls_handled,aht_seconds[,service_level]; missing interval_start, calls_offered, calls_handled, aht_seconds; unknown column(s) start' }] });
  });

  it('reads the API JSON and numbers its errors by index', () => {
    const ok = parseActualsJson({ intervals: [{ project: 'FIN', intervalStart: '2026-11-25T10:00:00+08:00', callsOffered: 9, callsHandled: 8, ahtSeconds: 280 }] }, PROJECTS);
    expect(ok).toEqual({ ok: true, rows: [{ project: 'FIN', intervalStart: '2026-11-25T02:00:00.000Z', callsOffered: 9, callsHandled: 8, ahtSeconds: 280, serviceLevel: null }] });
    const bad = parseActualsJson({ intervals: [{ project: 'FIN', intervalStart: 'today', callsOffered: 9, callsHandled: 8, ahtSeconds: 280 }, 7] }, PROJECTS);
    expect(bad).toEqual({
      ok: false,
      errors: [
        { index: 0, message: 'index 0: intervalStart "today" is not an ISO 8601 time with an offset, e.g. 2026-11-25T10:00:00+08:00' },
        { index: 1, message: 'index 1: must be an object' },
      ],
    });
  });
});

describe('intraday routes', () => {
  let t: T;
  let s: Client;
  let token: string;
  let agentToken: string;
  const board = async () => loadIntradayDay(t.sql, DATE, t.clock.now, TZ);
  const count = async (table: string) => Number((await t.sql.unsafe(`SELECT count(*) AS n FROM ${table}`))[0]!.n);

  beforeAll(async () => {
    t = await testApp();
    t.clock.now = new Date('2026-11-25T04:00:00Z'); // 12:00 in Shanghai
    await seedPublishedRoster(t.sql, '2026-11', TZ);
    s = await signedIn(t, 'scheduler');
    const [scheduler] = await t.sql<{ id: number }[]>`SELECT id FROM users WHERE username = 'scheduler'`;
    const [agent] = await t.sql<{ id: number }[]>`SELECT id FROM users WHERE username = 'agent'`;
    token = (await issueToken(t.sql, scheduler!.id, 'telephony', null, t.clock.now)).token;
    agentToken = (await issueToken(t.sql, agent!.id, 'test', null, t.clock.now)).token;
  }, 120_000);

  it('shows today per project, answers the poll with the board only, and writes nothing', async () => {
    const page = await s.get('/rosters/intraday?project=EV');
    expect(page.status).toBe(200);
    expect(page.headers.get('vary')).toContain('HX-Request');
    const html = await page.text();
    expect(html).toContain('<h1>日微调 · 电动汽车充电服务热线 · 2026-11-25</h1>');
    expect(html).toContain('2026-11-25');
    expect(html).toContain('hx-trigger="every 30s"');
    expect(html).toContain('尚无实际数据');
    expect((html.match(/<tr class="[^"]*" data-interval=/g) ?? []).length).toBe(48);
    const frag = await (await s.get('/rosters/intraday?project=95598', { 'HX-Request': 'true' })).text();
    expect(frag.startsWith('<div id="intraday-board"')).toBe(true);
    expect(frag).not.toContain('<html');
    expect(await count('intraday_days')).toBe(0);
    expect(await count('intraday_changes')).toBe(0);
    expect((await s.get('/rosters/intraday')).status).toBe(200);
    // A day without a published roster: nobody on the floor, nothing to tick as absent; a bad date means today.
    const empty = await (await s.get('/rosters/intraday?project=FIN&date=2027-05-03')).text();
    expect(empty).toContain('2027-05-03');
    expect(empty).not.toContain('name="agent"');
    expect(await (await s.get('/rosters/intraday?date=2026-02-30')).text()).toContain('· 2026-11-25</h1>');
    const agent = await signedIn(t, 'agent');
    expect((await agent.get('/rosters/intraday')).status).toBe(403);
  });

  it('offers a storm sample: the morning of every project, 95598 doubled from 10:00', async () => {
    const res = await s.get(`/rosters/intraday/storm.csv?date=${DATE}`);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text()).trim().split('\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines.length).toBe(1 + 4 * 24);
    const day = await board();
    const row = (p: string, i: number) => lines.find((l) => l.startsWith(`${p},`) && l.includes(new Date(Date.parse(`${DATE}T00:00:00+08:00`) + i * 1_800_000).toISOString()))!.split(',');
    const ratio = (i: number) => Number(row('95598', i)[2]) / day.forecast['95598']![i]!;
    expect(ratio(19)).toBeGreaterThan(0.95);
    expect(ratio(19)).toBeLessThan(1.05);
    expect(ratio(20)).toBeGreaterThan(1.9);
    expect(ratio(23)).toBeLessThan(2.1);
    expect(Number(row('EV', 21)[2]) / day.forecast.EV![21]!).toBeLessThan(1.05);
  });

  it('refuses a bad upload with line numbers and stores nothing; stores a good one and moves the version on', async () => {
    const bad = await s.post('/rosters/intraday/actuals', { date: DATE, project: '95598', version: '0', csv: `${HEADER}\n95598,2026-11-25T10:00:00+08:00,500,480,250,0.8\nEV,2026-11-25T10:00:00+08:00,x,1,200,\n` });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('文件有 1 处错误，未导入任何数据');
    expect(html).toContain('line 3: calls_offered &quot;x&quot; must be a whole number ≥ 0');
    expect(await count('intraday_actuals')).toBe(0);
    const sample = await (await s.get(`/rosters/intraday/storm.csv?date=${DATE}`)).text();
    const ok = await s.post('/rosters/intraday/actuals', { date: DATE, project: '95598', version: '0', csv: sample });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/rosters/intraday?project=95598&date=2026-11-25&notice=uploaded');
    expect(await count('intraday_actuals')).toBe(96);
    const day = await board();
    expect(day.version).toBe(1);
    expect(day.actualsUntilMinute).toBe(720);
    expect(day.reforecast['95598']!.factor).toBeGreaterThan(1.9);
    const [a] = await t.sql<{ action: string; detail: { imported: number } }[]>`SELECT action, detail FROM audit_log WHERE action = 'intraday.actuals'`;
    expect(a!.detail.imported).toBe(96);
    expect(await (await s.get('/rosters/intraday?project=95598&notice=uploaded')).text()).toContain('实际数据至 12:00');
  });

  it('takes actuals from the telephony system as JSON or CSV, all-or-nothing, scheduler tokens only', async () => {
    const call = (body: string, type: string, tok = token) => t.app.request('/api/v1/intervals', { method: 'POST', body, headers: { authorization: `Bearer ${tok}`, 'content-type': type } });
    const good = { project: 'INS', intervalStart: '2026-11-25T12:00:00+08:00', callsOffered: 30, callsHandled: 29, ahtSeconds: 320, serviceLevel: 0.9 };
    const bad = await call(JSON.stringify({ intervals: [good, { ...good, project: 'NOPE' }] }), 'application/json');
    expect(bad.status).toBe(422);
    expect(await bad.json()).toEqual({ error: 'invalid', errors: [{ index: 1, message: 'index 1: unknown project "NOPE" (known: 95598, EV, INS, FIN)' }] });
    expect(await count('intraday_actuals')).toBe(96);
    const ok = await call(JSON.stringify({ intervals: [good] }), 'application/json');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ imported: 1, byProject: { INS: 1 }, dates: [DATE] });
    const [row] = await t.sql<{ calls_offered: number; service_level: number }[]>`SELECT calls_offered, service_level FROM intraday_actuals WHERE interval_start = '2026-11-25T04:00:00Z'`;
    expect(row).toEqual({ calls_offered: 30, service_level: expect.closeTo(0.9, 5) });
    const csv = await call(`${HEADER}\nFIN,2026-11-25T12:00:00+08:00,12,12,280,\n`, 'text/csv');
    expect(await csv.json()).toEqual({ imported: 1, byProject: { FIN: 1 }, dates: [DATE] });
    const csvBad = await call(`${HEADER}\nFIN,2026-11-25T12:00:00+08:00,12,12,280\n`, 'text/csv');
    expect(await csvBad.json()).toEqual({ error: 'invalid', errors: [{ line: 2, message: 'line 2: 5 fields, the header has 6' }] });
    expect((await call('{}', 'text/plain')).status).toBe(415);
    expect((await call('{', 'application/json')).status).toBe(422);
    expect((await call(JSON.stringify({ intervals: [good] }), 'application/json', agentToken)).status).toBe(403);
    expect((await board()).version).toBe(3);
    await t.sql`DELETE FROM intraday_actuals WHERE interval_start = '2026-11-25T04:00:00Z'`;
  });

  it('applies a suggestion: the day changes (not the published cells), audited; a stale apply is refused', async () => {
    const before = await board();
    const cells = await t.sql`SELECT agent_id, date, shift_code, project_code FROM roster_cells ORDER BY 1, 2`;
    const html = await (await s.get('/rosters/intraday?project=95598')).text();
    const version = /name="version" value="(\d+)"/.exec(html)![1]!;
    const id = /name="suggestion" value="([^"]+)"/.exec(html)![1]!;
    const fingerprint = /name="fingerprint" value="([^"]+)"/.exec(html)![1]!;
    expect(version).toBe(String(before.version));
    const stale = await s.post('/rosters/intraday/apply', { date: DATE, project: '95598', version: String(before.version - 1), suggestion: id, fingerprint });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('今日状态已被更新');
    const other = await s.post('/rosters/intraday/apply', { date: DATE, project: '95598', version, suggestion: id, fingerprint: 'x' + fingerprint });
    expect(other.status).toBe(409);
    expect(await count('intraday_changes')).toBe(0);
    const res = await s.post('/rosters/intraday/apply', { date: DATE, project: '95598', version, suggestion: id, fingerprint }, { headers: { 'HX-Request': 'true' } });
    expect(res.status).toBe(200);
    const frag = await res.text();
    expect(frag.startsWith('<div id="intraday-board"')).toBe(true);
    expect(frag).toContain('已采纳，今日排班已更新。');
    const after = await board();
    expect(after.version).toBe(before.version + 1);
    const [change] = await t.sql<{ seq: number; kind: string; changes: { agentId: string }[]; applied_by_name: string }[]>`SELECT seq, kind, changes, applied_by_name FROM intraday_changes`;
    expect(change!.seq).toBe(1);
    expect(change!.applied_by_name).toBe('scheduler');
    expect(id).toContain(change!.kind);
    const moved = change!.changes[0]!.agentId;
    expect(after.state.assignments.find((a) => a.agentId === moved)).not.toEqual(before.state.assignments.find((a) => a.agentId === moved));
    expect(after.published.assignments).toEqual(before.state.assignments);
    expect(await t.sql`SELECT agent_id, date, shift_code, project_code FROM roster_cells ORDER BY 1, 2`).toEqual(cells);
    const [audit] = await t.sql<{ detail: { seq: number; suggestion: string } }[]>`SELECT detail FROM audit_log WHERE action = 'intraday.apply'`;
    expect(audit!.detail).toMatchObject({ seq: 1, suggestion: id });
    // The same form again is now stale: the day moved on.
    expect((await s.post('/rosters/intraday/apply', { date: DATE, project: '95598', version, suggestion: id, fingerprint })).status).toBe(409);
    expect(await count('intraday_changes')).toBe(1);
  });

  it('records no-shows that feed the suggestions, refuses agents not on shift, and undoes the last change', async () => {
    const before = await board();
    const absentee = before.state.assignments.find((a) => a.project === '95598' && a.startMinute >= 720 && !a.absent)!.agentId;
    const wrong = await s.post('/rosters/intraday/no-shows', { date: DATE, project: '95598', version: String(before.version), agent: 'A9999' });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('请选择今日在班、未到岗的坐席。');
    const ok = await s.post('/rosters/intraday/no-shows', { date: DATE, project: '95598', version: String(before.version), agent: [absentee] });
    expect(ok.status).toBe(303);
    expect(await (await s.get(ok.headers.get('location')!)).text()).toContain('已登记缺勤。');
    const after = await board();
    expect(after.state.assignments.find((a) => a.agentId === absentee)!.absent).toBe(true);
    expect(after.state.agents.find((a) => a.agentId === absentee)!.availability).toBe('off');
    expect(await (await s.get('/rosters/intraday?project=95598')).text()).toContain('已登记缺勤：');
    const undo = await s.post('/rosters/intraday/undo', { date: DATE, project: '95598', version: String(after.version) });
    expect(undo.status).toBe(303);
    const undone = await board();
    expect(undone.state.assignments.find((a) => a.agentId === absentee)!.absent).toBe(false);
    expect(undone.changes.map((c) => [c.seq, c.kind, c.undone])).toEqual([
      [1, undone.changes[0]!.kind, false],
      [2, 'noShow', true],
    ]);
    const undo2 = await s.post('/rosters/intraday/undo', { date: DATE, project: '95598', version: String(undone.version) });
    expect(undo2.status).toBe(303);
    const clean = await board();
    expect(clean.state.assignments).toEqual(clean.published.assignments);
    expect((await s.post('/rosters/intraday/undo', { date: DATE, project: '95598', version: String(clean.version) })).status).toBe(409);
    expect((await s.post('/rosters/intraday/undo', { date: DATE, project: '95598', version: 'x' })).status).toBe(409);
    const actions = await t.sql<{ action: string }[]>`SELECT action FROM audit_log WHERE action LIKE 'intraday.%' ORDER BY id`;
    expect(actions.map((a) => a.action)).toEqual(['intraday.actuals', 'intraday.actuals', 'intraday.actuals', 'intraday.apply', 'intraday.noShows', 'intraday.undo', 'intraday.undo']);
  });

  it('credits the points ledger for a move, overtime or call-in, in the apply transaction', async () => {
    const html = await (await s.get('/rosters/intraday?project=95598')).text();
    const version = /name="version" value="(\d+)"/.exec(html)![1]!;
    const forms = [...html.matchAll(/name="suggestion" value="([^"]+)"\/><input type="hidden" name="fingerprint" value="([^"]+)"/g)].map((m) => ({ id: m[1]!, fingerprint: m[2]! }));
    const { id, fingerprint } = forms.find((f) => /moveAgent|overtime|callIn/.test(f.id))!;
    expect(id).toBeDefined();
    const ledgerBefore = await count('incentive_ledger');
    const res = await s.post('/rosters/intraday/apply', { date: DATE, project: '95598', version, suggestion: id, fingerprint });
    expect(res.status).toBe(303);
    const [change] = await t.sql<{ seq: number; changes: { type: string; agentId: string; startMinute?: number; endMinute: number }[] }[]>`SELECT seq, changes FROM intraday_changes WHERE undone_at IS NULL`;
    const ledger = await t.sql<{ code: string; kind: string; hours: number; reference: string }[]>`
      SELECT a.code, l.kind, l.hours::float8 AS hours, l.reference FROM incentive_ledger l JOIN agents_sched a ON a.id = l.agent_id
      WHERE l.reference = ${`intraday:${DATE}:${change!.seq}`} ORDER BY l.id`;
    const expected = change!.changes
      .filter((c) => c.type === 'callIn' || c.type === 'loan' || c.type === 'setShiftEnd')
      .map((c) => ({ code: c.agentId, kind: c.type === 'loan' ? 'coverProject' : c.type === 'callIn' ? 'callIn' : 'peakOvertime' }));
    expect(ledger.map((l) => ({ code: l.code, kind: l.kind }))).toEqual(expected);
    expect(ledger.every((l) => l.hours > 0)).toBe(true);
    expect(await count('incentive_ledger')).toBe(ledgerBefore + expected.length);

    // Undoing the change takes the points back with one reversal line per credited line; a second undo of
    // another change leaves these alone (each line is reversed at most once).
    const points = async () => (await t.sql<{ n: number }[]>`SELECT coalesce(sum(points), 0)::int AS n FROM incentive_ledger`)[0]!.n;
    const credited = (await t.sql<{ n: number }[]>`SELECT sum(points)::int AS n FROM incentive_ledger WHERE reference = ${`intraday:${DATE}:${change!.seq}`}`)[0]!.n;
    expect(credited).toBeGreaterThan(0);
    const totalBefore = await points();
    const page = await (await s.get('/rosters/intraday?project=95598')).text();
    const undo = await s.post('/rosters/intraday/undo', { date: DATE, project: '95598', version: /name="version" value="(\d+)"/.exec(page)![1]! });
    expect(undo.status).toBe(303);
    expect(await points()).toBe(totalBefore - credited);
    const reversals = await t.sql<{ reverses: number; points: number; type: string }[]>`
      SELECT r.reverses::int AS reverses, r.points, r.type FROM incentive_ledger r WHERE r.type = 'reverse' ORDER BY r.id`;
    expect(reversals).toHaveLength(expected.length);
    const ledgerPage = await (await s.get('/rosters/incentives')).text();
    expect(ledgerPage).toContain('撤销：');
  });

  it('lets only one of two simultaneous applies of the same state through', async () => {
    const html = await (await s.get('/rosters/intraday?project=95598')).text();
    const version = /name="version" value="(\d+)"/.exec(html)![1]!;
    const id = /name="suggestion" value="([^"]+)"/.exec(html)![1]!;
    const fingerprint = /name="fingerprint" value="([^"]+)"/.exec(html)![1]!;
    const before = await count('intraday_changes');
    const results = await Promise.all([0, 1].map(() => s.post('/rosters/intraday/apply', { date: DATE, project: '95598', version, suggestion: id, fingerprint })));
    expect(results.map((r) => r.status).sort()).toEqual([303, 409]);
    expect(await count('intraday_changes')).toBe(before + 1);
  });
});
