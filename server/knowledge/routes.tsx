// Routes of the knowledge area (registered through the SecureRouter by server/features.ts): agent
// assist (search, scenario call screen, filing, flags), work-order lists, the JSON API, and the
// knowledge owners' routes (owner-routes.tsx).
import { HTTPException } from 'hono/http-exception';
import { fromZonedTime } from 'date-fns-tz';
import type { SecureRouter } from '../http/access.ts';
import { type Ctx, viewContext } from '../http/env.ts';
import { render, wantsFragment } from '../http/render.tsx';
import type { Translate } from '../../views/i18n.ts';
import { audit } from '../queries/audit.ts';
import { highlight } from '../../knowledge/search/index.ts';
import { ORDER_KINDS, type OrderKind, type Scenario } from '../../knowledge/scenario.ts';
import { isoDate, maskAccount, maskPhone, type FieldError } from '../../knowledge/workorder.ts';
import { AgentHome, SearchResults, type HitView, type RecentOrderView } from '../../views/knowledge/agent-search.tsx';
import { ScenarioPage, ScriptPanel, type FlagFormState } from '../../views/knowledge/agent-scenario.tsx';
import { DepartmentIndex, OrderList, OrderPage, type OrderFilterValues, type OrderView } from '../../views/knowledge/agent-orders.tsx';
import { departmentNames, departmentOrderCounts, ORDER_STATUSES, type OrderStatus, findWorkOrder, insertFlag, listWorkOrders, logClick, logSearch, logTypedSearch, publishedScenario, type OrderFilter, type WorkOrderRow } from './queries.ts';
import { knowledgeSearch } from './search-service.ts';
import { fileWorkOrder } from './orders.ts';
import { registerKnowledgeOwnerRoutes } from './owner-routes.tsx';

const AGENT = ['agent'] as const;
const DEPARTMENT_READERS = ['inspector', 'knowledge', 'admin'] as const;
const ORDER_READERS = ['agent', 'inspector', 'knowledge', 'admin'] as const;
const FLAG_KINDS = ['outdated', 'unclear', 'missing'] as const;
/** Longest caller text searched (longer input is cut). */
const MAX_QUERY = 200;
const RESULTS = 10;

/** The translated message of a work-order field error. */
export function fieldErrorText(t: Translate, error: FieldError): string {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(error.params)) params[k] = Array.isArray(v) ? v.join('、') : v;
  if (error.key === 'pattern' && params.message) return `${params.label}：${params.message}`;
  return t(`order.error.${error.key}`, params);
}

/** Searches, logs the search, and shapes the hits for the list (title and snippets marked). */
async function agentSearch(c: Ctx, raw: string): Promise<{ q: string; hits: HitView[]; searchId?: number }> {
  const deps = c.get('deps');
  const q = raw.slice(0, MAX_QUERY);
  if (q.trim() === '') return { q, hits: [] };
  const t0 = performance.now();
  const answer = await knowledgeSearch(deps).search(q, RESULTS);
  const ms = performance.now() - t0;
  const searchId = await logTypedSearch(deps.sql, { at: deps.now(), userId: c.get('user')!.id, query: q, resultCount: answer.hits.length, topCode: answer.hits[0]?.code ?? null, ms });
  const hits = answer.hits.map((h) => ({ code: h.code, title: highlight(h.title, q), sensitivity: h.sensitivity, matches: h.matches }));
  return { q, hits, searchId };
}

async function recentOrders(c: Ctx): Promise<RecentOrderView[]> {
  const rows = await listWorkOrders(c.get('deps').sql, { agentId: c.get('user')!.id, limit: 8 });
  return rows.map((o) => ({ id: o.id, number: o.number, title: o.scenario_title ?? o.scenario_code, kind: o.kind, createdAt: o.created_at, repeat: o.repeat }));
}

async function scenarioOr404(c: Ctx): Promise<{ scenario: Scenario; version: number }> {
  const code = c.req.param('code') ?? '';
  const found = code.length <= 64 ? await publishedScenario(c.get('deps').sql, code) : undefined;
  if (!found) throw new HTTPException(404, { message: 'no such scenario' });
  return found;
}

/** Template field values from a query or form body: only the template's names, text only. */
function templateValues(scenario: Scenario, source: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of scenario.template?.fields ?? []) {
    const v = source[field.name];
    values[field.name] = typeof v === 'string' ? v.slice(0, 2000) : '';
  }
  return values;
}

const emptyFlag = (): FlagFormState => ({ kind: '', comment: '', errors: {} });

function scenarioPage(
  c: Ctx,
  s: { scenario: Scenario; version: number },
  extra: { values?: Record<string, string>; channel?: string; errors?: Record<string, string>; problems?: string[]; flag?: FlagFormState; notice?: string; status?: 200 | 422 } = {},
) {
  const values = extra.values ?? templateValues(s.scenario, {});
  const body = (
    <ScenarioPage
      ctx={viewContext(c)}
      scenario={s.scenario}
      version={s.version}
      values={values}
      channel={extra.channel ?? '95598'}
      errors={extra.errors ?? {}}
      problems={extra.problems ?? []}
      flag={extra.flag ?? emptyFlag()}
      notice={extra.notice}
    />
  );
  return render(c, { title: s.scenario.title, body, status: extra.status, wide: true });
}

/** The order as pages show it; contact details in full only when `full`. */
async function orderView(c: Ctx, o: WorkOrderRow, full: boolean): Promise<OrderView> {
  const names = await departmentNames(c.get('deps').sql);
  const dept = (code: string) => ({ code, name: names.get(code) ?? code });
  const labels = new Map((o.template_fields ?? []).map((f) => [f.name, f.label]));
  const repeatOf = o.repeat_of ? await findWorkOrder(c.get('deps').sql, o.repeat_of) : undefined;
  return {
    id: o.id,
    number: o.number,
    scenarioCode: o.scenario_code,
    scenarioTitle: o.scenario_title ?? o.scenario_code,
    kind: o.kind,
    channel: o.channel,
    status: o.status,
    classification: o.matrix_code ? `${o.matrix_code} ${o.level1}/${o.level2}/${o.level3}` : null,
    owner: o.owner_dept ? dept(o.owner_dept) : null,
    responsible: o.responsible_depts.map(dept),
    routeReason: o.route_reason,
    description: o.description,
    // in the template's field order (jsonb does not keep key order)
    fields: full ? [...new Set([...labels.keys(), ...Object.keys(o.fields)])].filter((k) => (o.fields[k] ?? '') !== '').map((k) => ({ label: labels.get(k) ?? k, value: o.fields[k] })) : [],
    account: o.customer_account ? (full ? o.customer_account : maskAccount(o.customer_account)) : '',
    phone: o.customer_phone ? (full ? o.customer_phone : maskPhone(o.customer_phone)) : '',
    agentName: o.agent_name ?? '',
    createdAt: o.created_at,
    deadline: o.deadline,
    timeLimitHours: Math.round((o.deadline.getTime() - o.created_at.getTime()) / 3_600_000),
    repeat: o.repeat,
    repeatOf: repeatOf ? { id: repeatOf.id, number: repeatOf.number } : null,
    overdue: o.status === 'open' && o.deadline.getTime() < c.get('deps').now().getTime(),
  };
}

/** Reads the list filters; bad dates come back as errors beside the fields. */
function orderFilters(c: Ctx): { values: OrderFilterValues; filter: OrderFilter; errors: Record<string, string> } {
  const tz = c.get('deps').config.timeZone;
  const kind = c.req.query('kind') ?? '';
  const status = c.req.query('status') ?? '';
  const values: OrderFilterValues = {
    kind: (ORDER_KINDS as readonly string[]).includes(kind) ? kind : '',
    status: (ORDER_STATUSES as readonly string[]).includes(status) ? status : '',
    from: (c.req.query('from') ?? '').trim(),
    to: (c.req.query('to') ?? '').trim(),
    repeat: c.req.query('repeat') === '1',
    overdue: c.req.query('overdue') === '1',
  };
  const filter: OrderFilter = {};
  const errors: Record<string, string> = {};
  if (values.kind) filter.kind = values.kind as OrderKind;
  if (values.status) filter.status = values.status as OrderStatus;
  if (values.repeat) filter.repeatOnly = true;
  if (values.overdue) filter.overdueAt = c.get('deps').now();
  for (const key of ['from', 'to'] as const) {
    if (!values[key]) continue;
    const day = isoDate(values[key]);
    if (!day) {
      errors[key] = c.get('t')('order.filter.badDate');
      continue;
    }
    const start = fromZonedTime(`${day}T00:00:00`, tz);
    if (key === 'from') filter.from = start;
    else filter.to = new Date(start.getTime() + 24 * 3_600_000);
  }
  return { values, filter, errors };
}

function apiOrder(o: WorkOrderRow, names: Map<string, string>) {
  const dept = (code: string) => ({ code, name: names.get(code) ?? code });
  return {
    id: o.id,
    number: o.number,
    scenario: o.scenario_code,
    scenarioVersion: o.scenario_version,
    kind: o.kind,
    channel: o.channel,
    classification: o.matrix_code ? { matrixCode: o.matrix_code, level1: o.level1, level2: o.level2, level3: o.level3 } : null,
    route: o.owner_dept ? { owner: dept(o.owner_dept), responsible: o.responsible_depts.map(dept), reason: o.route_reason } : null,
    description: o.description,
    fields: o.fields,
    customerAccount: o.customer_account,
    customerPhone: o.customer_phone,
    createdAt: o.created_at.toISOString(),
    deadline: o.deadline.toISOString(),
    repeat: o.repeat,
    repeatOf: o.repeat_of,
    status: o.status,
  };
}

export function registerKnowledgeRoutes(r: SecureRouter): void {
  // ---- agent assist: search ----
  r.get('/agent', AGENT, async (c) => {
    const body = <AgentHome ctx={viewContext(c)} q="" hits={[]} recent={await recentOrders(c)} />;
    return render(c, { title: c.get('t')('home.agent.title'), body, wide: true });
  });

  r.get('/agent/search', AGENT, async (c) => {
    const found = await agentSearch(c, c.req.query('q') ?? '');
    const ctx = viewContext(c);
    const fragment = <SearchResults ctx={ctx} q={found.q} hits={found.hits} searchId={found.searchId} />;
    if (wantsFragment(c.req.raw.headers)) {
      return render(c, { title: c.get('t')('home.agent.title'), body: fragment, fragment });
    }
    const body = <AgentHome ctx={ctx} q={found.q} hits={found.hits} searchId={found.searchId} recent={await recentOrders(c)} />;
    return render(c, { title: c.get('t')('home.agent.title'), body, fragment, wide: true });
  });

  // ---- the scenario's call screen ----
  r.get('/agent/scenarios/:code', AGENT, async (c) => {
    const s = await scenarioOr404(c);
    const searchId = c.req.query('s');
    if (searchId && /^\d{1,15}$/.test(searchId)) await logClick(c.get('deps').sql, Number(searchId), c.get('user')!.id, s.scenario.code);
    const notice = c.req.query('flagged') === '1' ? c.get('t')('agent.flag.sent') : undefined;
    return scenarioPage(c, s, { notice });
  });

  /**
   * The script filled with the form's values (htmx swaps it in as the agent types; a plain post
   * gets the whole page). A POST, so the caller's details never travel in a URL; it changes nothing.
   */
  r.post('/agent/scenarios/:code/script', AGENT, async (c) => {
    const s = await scenarioOr404(c);
    const form = await c.req.parseBody();
    const values = templateValues(s.scenario, form);
    const channel = typeof form.channel === 'string' ? form.channel : '95598';
    const fragment = <ScriptPanel ctx={viewContext(c)} scenario={s.scenario} values={values} />;
    const body = (
      <ScenarioPage ctx={viewContext(c)} scenario={s.scenario} version={s.version} values={values} channel={channel} errors={{}} problems={[]} flag={emptyFlag()} />
    );
    return render(c, { title: s.scenario.title, body, fragment, wide: true });
  });

  r.post('/agent/scenarios/:code/orders', AGENT, async (c) => {
    const s = await scenarioOr404(c);
    const t = c.get('t');
    const form = await c.req.parseBody();
    const values = templateValues(s.scenario, form);
    const channel = typeof form.channel === 'string' ? form.channel : '95598';
    const user = c.get('user')!;
    const result = await fileWorkOrder(c.get('deps'), { code: s.scenario.code, channel, values, agent: { id: user.id, username: user.username }, requestId: c.get('requestId') });
    if (!result.ok && result.reason === 'unknown-scenario') throw new HTTPException(404);
    if (!result.ok) {
      const errors = Object.fromEntries(Object.entries(result.errors).map(([name, e]) => [name, fieldErrorText(t, e)]));
      const problems = result.problems.map((p) => p.message);
      return scenarioPage(c, { scenario: result.scenario, version: result.version }, { values, channel, errors, problems, status: 422 });
    }
    return c.redirect(`/orders/${result.order.id}?filed=1`, 303);
  });

  r.post('/agent/scenarios/:code/flags', AGENT, async (c) => {
    const s = await scenarioOr404(c);
    const { sql, now } = c.get('deps');
    const t = c.get('t');
    const form = await c.req.parseBody();
    const flag: FlagFormState = { kind: typeof form.kind === 'string' ? form.kind : '', comment: typeof form.comment === 'string' ? form.comment.trim().slice(0, 2000) : '', errors: {} };
    if (!(FLAG_KINDS as readonly string[]).includes(flag.kind)) flag.errors.kind = t('agent.flag.badKind');
    if (!flag.comment) flag.errors.comment = t('form.required');
    if (Object.keys(flag.errors).length) return scenarioPage(c, s, { flag, status: 422 });
    const user = c.get('user')!;
    const id = await insertFlag(sql, { code: s.scenario.code, version: s.version, kind: flag.kind, comment: flag.comment, userId: user.id, at: now() });
    await audit(sql, { at: now(), actorId: user.id, actorName: user.username, action: 'script_flag.create', target: `script_flag:${id}`, detail: { scenario: s.scenario.code, version: s.version, kind: flag.kind }, requestId: c.get('requestId') });
    return c.redirect(`/agent/scenarios/${encodeURIComponent(s.scenario.code)}?flagged=1`, 303);
  });

  // ---- work-order lists and detail ----
  r.get('/agent/orders', AGENT, async (c) => {
    const { values, filter, errors } = orderFilters(c);
    const rows = await listWorkOrders(c.get('deps').sql, { ...filter, agentId: c.get('user')!.id });
    const orders = await Promise.all(rows.map((o) => orderView(c, o, false)));
    const status = Object.keys(errors).length ? 422 : 200;
    return render(c, { title: c.get('t')('order.list.mine'), status, wide: true, body: <OrderList ctx={viewContext(c)} title={c.get('t')('order.list.mine')} action="/agent/orders" orders={orders} filters={values} errors={errors} /> });
  });

  r.get('/orders/departments', DEPARTMENT_READERS, async (c) => {
    const { sql, now } = c.get('deps');
    const departments = await departmentOrderCounts(sql, now());
    return render(c, { title: c.get('t')('order.departments.title'), body: <DepartmentIndex ctx={viewContext(c)} departments={departments} /> });
  });

  r.get('/orders/department/:code', DEPARTMENT_READERS, async (c) => {
    const code = c.req.param('code') ?? '';
    const names = await departmentNames(c.get('deps').sql);
    const name = names.get(code);
    if (!name) throw new HTTPException(404, { message: 'no such department' });
    const { values, filter, errors } = orderFilters(c);
    const rows = await listWorkOrders(c.get('deps').sql, { ...filter, department: code });
    const orders = await Promise.all(rows.map((o) => orderView(c, o, false)));
    const departments = [...names].sort(([a], [b]) => a.localeCompare(b)).map(([d, n]) => ({ code: d, name: n, selected: d === code }));
    const title = c.get('t')('order.list.department', { name });
    const status = Object.keys(errors).length ? 422 : 200;
    return render(c, { title, status, wide: true, body: <OrderList ctx={viewContext(c)} title={title} action={`/orders/department/${encodeURIComponent(code)}`} orders={orders} filters={values} errors={errors} departments={departments} /> });
  });

  r.get('/orders/:id', ORDER_READERS, async (c) => {
    const id = c.req.param('id') ?? '';
    const row = /^\d{1,9}$/.test(id) ? await findWorkOrder(c.get('deps').sql, Number(id)) : undefined;
    const user = c.get('user')!;
    const mine = row?.agent_id === user.id;
    const reader = user.roles.some((role) => (DEPARTMENT_READERS as readonly string[]).includes(role));
    // agents see only the orders they filed; department readers see all
    if (!row || (!mine && !reader)) throw new HTTPException(404, { message: 'no such work order' });
    const full = mine || user.roles.includes('admin');
    const order = await orderView(c, row, full);
    return render(c, { title: row.number, body: <OrderPage ctx={viewContext(c)} order={order} filed={mine && c.req.query('filed') === '1'} /> });
  });

  // ---- JSON API ----
  /** `GET /api/v1/knowledge/search?q=…&limit=N` → `{ results: [{ code, title, score }], tookMs }`. */
  r.get('/api/v1/knowledge/search', ['agent', 'knowledge', 'admin'], async (c) => {
    const deps = c.get('deps');
    const limitText = c.req.query('limit') ?? '10';
    const limit = /^\d{1,3}$/.test(limitText) ? Number(limitText) : NaN;
    if (!(limit >= 1 && limit <= 50)) return c.json({ errors: { limit: 'limit must be an integer from 1 to 50' } }, 422);
    const q = (c.req.query('q') ?? '').slice(0, MAX_QUERY);
    const t0 = performance.now();
    const answer = await knowledgeSearch(deps).search(q, limit);
    const tookMs = Math.round((performance.now() - t0) * 1000) / 1000;
    if (q.trim() !== '') {
      await logSearch(deps.sql, { at: deps.now(), userId: c.get('user')!.id, query: q, resultCount: answer.hits.length, topCode: answer.hits[0]?.code ?? null, ms: tookMs });
    }
    return c.json({ results: answer.hits.map((h) => ({ code: h.code, title: h.title, score: Math.round(h.score * 10000) / 10000 })), tookMs });
  });

  /** `POST /api/v1/work-orders` with `{ scenario, channel, fields }` → 201 with the order, or 422 `{ errors }`. */
  r.post('/api/v1/work-orders', ['agent', 'admin'], async (c) => {
    const t = c.get('t');
    const body: unknown = await c.req.json().catch(() => undefined);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return c.json({ errors: { body: 'expected a JSON object { scenario, channel, fields }' } }, 422);
    const input = body as { scenario?: unknown; channel?: unknown; fields?: unknown };
    if (typeof input.scenario !== 'string' || input.scenario === '') return c.json({ errors: { scenario: 'scenario (a published scenario code) is required' } }, 422);
    const channel = input.channel === undefined ? '95598' : typeof input.channel === 'string' ? input.channel : '';
    const fields = typeof input.fields === 'object' && input.fields !== null && !Array.isArray(input.fields) ? (input.fields as Record<string, unknown>) : {};
    const user = c.get('user')!;
    const result = await fileWorkOrder(c.get('deps'), { code: input.scenario, channel, values: fields, agent: { id: user.id, username: user.username }, requestId: c.get('requestId') });
    if (!result.ok && result.reason === 'unknown-scenario') return c.json({ errors: { scenario: `no published scenario ${input.scenario}` } }, 422);
    if (!result.ok) {
      const errors: Record<string, unknown> = {};
      for (const [name, e] of Object.entries(result.errors)) errors[name] = { key: e.key, message: fieldErrorText(t, e) };
      for (const p of result.problems) errors[p.key] = { key: p.key, message: p.message };
      return c.json({ errors }, 422);
    }
    return c.json({ order: apiOrder(result.order, await departmentNames(c.get('deps').sql)) }, 201);
  });

  registerKnowledgeOwnerRoutes(r);
}
