// Reassigning a sample: an inspector hands a not-yet-started sample to another eligible reviewer of
// the plan (never the agent's own call, peers and client reviewers only in their project), within the
// plan's daily cap — the due date moves to the reviewer's first day with room — with a logged reason.
import { HTTPException } from 'hono/http-exception';
import type { SecureRouter } from '../http/access.ts';
import { type Ctx, viewContext } from '../http/env.ts';
import { render } from '../http/render.tsx';
import { audit } from '../queries/audit.ts';
import type { Sql } from '../db/index.ts';
import { ReassignPage, type ReassignOption } from '../../views/quality/reassign.tsx';
import { eligibleReviewers } from './reviewers.ts';
import * as q from './queries.ts';

function idParam(c: Ctx): number {
  const raw = c.req.param('id') ?? '';
  if (!/^\d{1,9}$/.test(raw)) throw new HTTPException(404);
  return Number(raw);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Samples of this plan each reviewer is due to check, per day (replaced ones do not count). */
async function loadByDay(sql: Sql, planId: number): Promise<Map<string, number>> {
  const rows = await sql<{ assigned_to: number; due: string; n: number }[]>`
    SELECT assigned_to, to_char(due_date, 'YYYY-MM-DD') AS due, count(*)::int AS n FROM samples
    WHERE plan_id = ${planId} AND status <> 'replaced' AND assigned_to IS NOT NULL AND due_date IS NOT NULL GROUP BY assigned_to, due_date`;
  return new Map(rows.map((r) => [`${r.assigned_to}|${r.due}`, r.n]));
}

/** The first day on or after `from` on which the reviewer is under the plan's daily cap. */
export function firstDayWithRoom(load: Map<string, number>, reviewerId: number, from: string, cap: number): string {
  let day = from;
  for (let i = 0; i < 3660 && (load.get(`${reviewerId}|${day}`) ?? 0) >= cap; i++) day = addDays(day, 1);
  return day;
}

async function context(c: Ctx) {
  const { sql, now, config } = c.get('deps');
  const sample = await q.findSample(sql, idParam(c));
  if (!sample || sample.status === 'replaced') throw new HTTPException(404);
  const plan = (await q.findPlan(sql, sample.plan_id))!;
  const call = (await q.findCall(sql, sample.call_id))!;
  const today = localDate(now(), config.timeZone);
  const from = sample.due_date && sample.due_date > today ? sample.due_date : today;
  const load = await loadByDay(sql, plan.id);
  const eligible = (await eligibleReviewers(sql, plan, { agentId: call.agent_id, projectId: call.project_id })).filter((r) => r.id !== sample.assigned_to);
  const options: ReassignOption[] = eligible.map((r) => ({
    id: r.id,
    name: r.displayName,
    role: r.roles.includes('inspector') ? 'inspector' : r.roles.includes('client') ? 'client' : 'agent',
    loadOnDay: load.get(`${r.id}|${from}`) ?? 0,
    due: firstDayWithRoom(load, r.id, from, plan.daily_cap),
  }));
  const current = sample.assigned_to ? (await sql<{ display_name: string }[]>`SELECT display_name FROM users WHERE id = ${sample.assigned_to}`)[0]?.display_name ?? null : null;
  const history = await sql<{ from_name: string | null; to_name: string; reason: string; by_name: string | null; at: Date; due: string | null }[]>`
    SELECT f.display_name AS from_name, t.display_name AS to_name, r.reason, b.display_name AS by_name, r.at, to_char(r.due_date, 'YYYY-MM-DD') AS due
    FROM sample_reassignments r LEFT JOIN users f ON f.id = r.from_user JOIN users t ON t.id = r.to_user LEFT JOIN users b ON b.id = r.by_user
    WHERE r.sample_id = ${sample.id} ORDER BY r.id`;
  return { sample, plan, call, options, current, from, history };
}

export function registerReassignRoutes(r: SecureRouter): void {
  async function page(c: Ctx, status: 200 | 409 | 422, errors: Record<string, string>, values: { reviewerId: string; reason: string }) {
    const x = await context(c);
    return render(c, {
      title: c.get('t')('quality.reassign.title'),
      status,
      body: (
        <ReassignPage
          ctx={viewContext(c)}
          sample={{ id: x.sample.id, callId: x.call.id, agent: x.call.agent_name, project: x.call.project_code, planId: x.plan.id, planName: x.plan.name, strategy: x.plan.strategy, status: x.sample.status, dueDate: x.sample.due_date, current: x.current, dailyCap: x.plan.daily_cap }}
          options={x.options}
          history={x.history.map((h) => ({ from: h.from_name, to: h.to_name, reason: h.reason, by: h.by_name, at: h.at, due: h.due }))}
          errors={errors}
          values={values}
        />
      ),
    });
  }

  r.get('/quality/samples/:id/reassign', ['inspector'], (c) => page(c, 200, {}, { reviewerId: '', reason: '' }));

  r.post('/quality/samples/:id/reassign', ['inspector'], async (c) => {
    const { sql, now } = c.get('deps');
    const t = c.get('t');
    const body = await c.req.parseBody();
    const values = { reviewerId: String(body.reviewerId ?? ''), reason: String(body.reason ?? '').trim().slice(0, 200) };
    const x = await context(c);
    const errors: Record<string, string> = {};
    const option = x.options.find((o) => String(o.id) === values.reviewerId);
    if (!option) errors.reviewerId = t('quality.reassign.notEligible');
    if (!values.reason) errors.reason = t('form.required');
    if (x.sample.status !== 'assigned') errors.reviewerId = t('quality.reassign.started');
    if (Object.keys(errors).length) return page(c, x.sample.status !== 'assigned' ? 409 : 422, errors, values);
    const me = c.get('user')!;
    const moved = await sql.begin(async (txRaw) => {
      const tx = txRaw as unknown as Sql;
      const res = await tx`UPDATE samples SET assigned_to = ${option!.id}, due_date = ${option!.due} WHERE id = ${x.sample.id} AND status = 'assigned' AND assigned_to IS NOT DISTINCT FROM ${x.sample.assigned_to}`;
      if (res.count !== 1) return false;
      await tx`INSERT INTO sample_reassignments (sample_id, from_user, to_user, reason, due_date, by_user, at)
        VALUES (${x.sample.id}, ${x.sample.assigned_to}, ${option!.id}, ${values.reason}, ${option!.due}, ${me.id}, ${now()})`;
      return true;
    });
    if (!moved) return page(c, 409, { reviewerId: t('quality.reassign.conflict') }, values);
    await audit(sql, { actorId: me.id, actorName: me.username, requestId: c.get('requestId'), at: now(), action: 'sample.reassign', target: `sample:${x.sample.id}`, detail: { from: x.sample.assigned_to, to: option!.id, due: option!.due, reason: values.reason } });
    return c.redirect(`/quality/plans/${x.plan.id}?reassigned=1`, 303);
  });
}
