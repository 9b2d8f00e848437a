// Closing the loop (知质培一体化): findings become script-fix proposals in the knowledge owners'
// queue, training assignments (by hand or for agents over a failure threshold), teaching cases
// (录音分享) and the weak-spot report ranked by Wilson lower bound.
import { HTTPException } from 'hono/http-exception';
import type { SecureRouter } from '../http/access.ts';
import { type Ctx, viewContext } from '../http/env.ts';
import { render } from '../http/render.tsx';
import { audit } from '../queries/audit.ts';
import type { Sql } from '../db/index.ts';
import { itemFailureRates, outcomesOf } from '../../knowledge/quality/report.ts';
import { categoryRanking } from '../../knowledge/quality/reports.ts';
import type { EvaluationScore } from '../../knowledge/quality/scorecard.ts';
import { CasesPage, ErrorCategoriesPage, FindingsPage, WeakSpotsPage } from '../../views/quality/loop.tsx';
import * as q from './queries.ts';

function idParam(c: Ctx): number {
  const raw = c.req.param('id') ?? '';
  if (!/^\d{1,9}$/.test(raw)) throw new HTTPException(404);
  return Number(raw);
}

function actor(c: Ctx) {
  const u = c.get('user')!;
  return { actorId: u.id, actorName: u.username, requestId: c.get('requestId'), at: c.get('deps').now() };
}

/** The sample, its call and current evaluation, for the loop actions (404 when unknown). */
async function sampleContext(c: Ctx) {
  const { sql } = c.get('deps');
  const sample = await q.findSample(sql, idParam(c));
  if (!sample) throw new HTTPException(404);
  const call = (await q.findCall(sql, sample.call_id))!;
  const evaluation = await q.evaluationOfSample(sql, sample.id);
  const plan = (await q.findPlan(sql, sample.plan_id))!;
  const version = evaluation ? (await q.scorecardVersion(sql, evaluation.scorecard_version_id))! : (await q.latestScorecardVersion(sql, plan.scorecard_id))!;
  const items = version.body.sections.flatMap((s) => s.items);
  return { sample, call, evaluation, items };
}

interface Graded {
  error_categories: Record<string, string>;
  agent_id: number;
  agent_name: string;
  team: string | null;
  project: string;
  scenario_code: string | null;
  result: EvaluationScore;
}

async function gradedEvaluations(sql: Sql): Promise<Graded[]> {
  return sql<Graded[]>`
    SELECT c.agent_id, u.display_name AS agent_name, tm.name AS team, p.code AS project, c.scenario_code, e.result, e.error_categories
    FROM evaluations e JOIN calls c ON c.id = e.call_id JOIN users u ON u.id = c.agent_id JOIN projects p ON p.id = c.project_id
    LEFT JOIN teams tm ON tm.id = u.team_id
    WHERE e.sample_id IS NOT NULL AND e.status IN ('submitted', 'released') AND e.result IS NOT NULL`;
}

/** One CSV field: quoted when needed; a leading = + - @ is defused so spreadsheets do not run it. */
export function csvField(value: unknown): string {
  let s = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function registerLoopRoutes(r: SecureRouter): void {
  /** Every submitted, released or retracted evaluation of sampled calls, one row each, answers per item. */
  r.get('/quality/evaluations.csv', ['inspector'], async (c) => {
    const { sql } = c.get('deps');
    const rows = await sql<{ id: number; call_id: string; agent: string; team: string | null; project: string; scenario_code: string | null; evaluator: string; version: number; status: string; score: number | null; result: EvaluationScore | null; answers: Record<string, unknown>; submitted_at: Date | null; released_at: Date | null }[]>`
      SELECT e.id, e.call_id, a.username AS agent, tm.code AS team, p.code AS project, c.scenario_code, u.username AS evaluator, v.version, e.status, e.score, e.result, e.answers,
        e.submitted_at, e.released_at
      FROM evaluations e JOIN calls c ON c.id = e.call_id JOIN users a ON a.id = c.agent_id LEFT JOIN teams tm ON tm.id = a.team_id JOIN projects p ON p.id = c.project_id
      JOIN users u ON u.id = e.evaluator_id JOIN scorecard_versions v ON v.id = e.scorecard_version_id
      WHERE e.sample_id IS NOT NULL AND e.status <> 'draft' ORDER BY e.id`;
    const [card] = await q.listScorecards(sql);
    const itemIds = card ? (await q.latestScorecardVersion(sql, card.id))!.body.sections.flatMap((s) => s.items.map((i) => i.id)) : [];
    const header = ['evaluation', 'call', 'agent', 'team', 'project', 'scenario', 'evaluator', 'scorecardVersion', 'status', 'score', 'failedAll', 'submittedAt', 'releasedAt', ...itemIds];
    const lines = [header.join(',')];
    for (const e of rows) {
      lines.push(
        [e.id, e.call_id, e.agent, e.team, e.project, e.scenario_code, e.evaluator, e.version, e.status, e.score === null ? '' : e.score.toFixed(2), e.result?.failedAll ? 1 : 0, e.submitted_at, e.released_at, ...itemIds.map((i) => e.answers[i])]
          .map(csvField)
          .join(','),
      );
    }
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="evaluations.csv"');
    c.header('Cache-Control', 'no-store');
    return c.body(`\ufeff${lines.join('\r\n')}\r\n`);
  });

  r.post('/quality/samples/:id/findings', ['inspector'], async (c) => {
    const { sql, now } = c.get('deps');
    const { sample, call, evaluation, items } = await sampleContext(c);
    const body = await c.req.parseBody();
    const proposal = String(body.proposal ?? '').trim().slice(0, 4000);
    const itemId = items.some((i) => i.id === body.itemId) ? String(body.itemId) : null;
    const scenarioCode = String(body.scenarioCode ?? '').trim().slice(0, 40) || call.scenario_code;
    const at = Number(String(body.atSeconds ?? '').trim());
    if (!proposal) return c.text(c.get('t')('quality.finding.required'), 422);
    const [row] = await sql<{ id: number }[]>`
      INSERT INTO findings (evaluation_id, call_id, scenario_code, item_id, start_seconds, proposal, created_by, created_at)
      VALUES (${evaluation?.id ?? null}, ${call.id}, ${scenarioCode}, ${itemId}, ${String(body.atSeconds ?? '').trim() !== '' && at >= 0 ? at : null}, ${proposal}, ${c.get('user')!.id}, ${now()})
      RETURNING id`;
    await audit(sql, { ...actor(c), action: 'finding.create', target: `finding:${row.id}`, detail: { call: call.id, scenario: scenarioCode, item: itemId } });
    return c.redirect(`/quality/samples/${sample.id}?loop=finding`, 303);
  });

  r.get('/quality/findings', ['inspector', 'knowledge'], async (c) => {
    const { sql } = c.get('deps');
    const rows = await sql<{ id: number; call_id: string | null; scenario_code: string | null; item_id: string | null; start_seconds: number | null; proposal: string; status: string; resolution: string | null; by: string; created_at: Date; recording_url: string | null; sample_id: number | null }[]>`
      SELECT f.id, f.call_id, f.scenario_code, f.item_id, f.start_seconds, f.proposal, f.status, f.resolution, u.display_name AS by, f.created_at, c.recording_url, e.sample_id
      FROM findings f LEFT JOIN users u ON u.id = f.created_by LEFT JOIN calls c ON c.id = f.call_id LEFT JOIN evaluations e ON e.id = f.evaluation_id
      ORDER BY (f.status = 'open') DESC, f.id DESC LIMIT 300`;
    const t = c.get('t');
    return render(c, {
      title: t('quality.finding.title'),
      body: (
        <FindingsPage
          ctx={viewContext(c)}
          canResolve={c.get('user')!.roles.includes('knowledge')}
          notice={c.req.query('resolved') ? t('quality.finding.resolved') : undefined}
          findings={rows.map((f) => ({ id: f.id, callId: f.call_id, scenarioCode: f.scenario_code, item: f.item_id, atSeconds: f.start_seconds, proposal: f.proposal, status: f.status, resolution: f.resolution, by: f.by, createdAt: f.created_at, recordingUrl: f.recording_url, sampleId: f.sample_id }))}
        />
      ),
    });
  });

  r.post('/quality/findings/:id/resolve', ['knowledge'], async (c) => {
    const { sql, now } = c.get('deps');
    const id = idParam(c);
    const [finding] = await sql<{ id: number; status: string }[]>`SELECT id, status FROM findings WHERE id = ${id}`;
    if (!finding) throw new HTTPException(404);
    const body = await c.req.parseBody();
    const status = String(body.status ?? '');
    const resolution = String(body.resolution ?? '').trim().slice(0, 2000);
    if (!['accepted', 'rejected'].includes(status) || !resolution) return c.text(c.get('t')('form.errors'), 422);
    const res = await sql`UPDATE findings SET status = ${status}, resolution = ${resolution}, resolved_by = ${c.get('user')!.id}, resolved_at = ${now()} WHERE id = ${id} AND status = 'open'`;
    if (res.count !== 1) throw new HTTPException(409);
    await audit(sql, { ...actor(c), action: 'finding.resolve', target: `finding:${id}`, detail: { status } });
    // resolved from the owners' queue (/knowledge/flags): back there
    return c.redirect(body.back === 'flags' ? '/knowledge/flags?finding=1' : '/quality/findings?resolved=1', 303);
  });

  r.post('/quality/samples/:id/training', ['inspector'], async (c) => {
    const { sql, now } = c.get('deps');
    const { sample, call, evaluation, items } = await sampleContext(c);
    const body = await c.req.parseBody();
    const topic = String(body.topic ?? '').trim().slice(0, 200);
    const item = items.find((i) => i.id === body.itemId);
    if (!topic) return c.text(c.get('t')('quality.training.required'), 422);
    const [row] = await sql<{ id: number }[]>`
      INSERT INTO training_assignments (agent_id, topic, item_id, reason, evaluation_id, assigned_by, created_at)
      VALUES (${call.agent_id}, ${topic}, ${item?.id ?? null}, ${item ? `${item.label} · ${call.id}` : call.id}, ${evaluation?.id ?? null}, ${c.get('user')!.id}, ${now()}) RETURNING id`;
    await audit(sql, { ...actor(c), action: 'training.assign', target: `training:${row.id}`, detail: { agent: call.agent_username, topic } });
    return c.redirect(`/quality/samples/${sample.id}?loop=training`, 303);
  });

  r.post('/quality/samples/:id/teaching', ['inspector'], async (c) => {
    const { sql, now } = c.get('deps');
    const { sample, call, evaluation } = await sampleContext(c);
    const body = await c.req.parseBody();
    const kind = String(body.kind ?? '');
    const note = String(body.note ?? '').trim().slice(0, 500);
    if (!['good', 'bad'].includes(kind) || !note) return c.text(c.get('t')('form.errors'), 422);
    const [row] = await sql<{ id: number }[]>`INSERT INTO teaching_cases (call_id, kind, note, evaluation_id, created_by, created_at)
      VALUES (${call.id}, ${kind}, ${note}, ${evaluation?.id ?? null}, ${c.get('user')!.id}, ${now()}) RETURNING id`;
    await audit(sql, { ...actor(c), action: 'case.create', target: `case:${row.id}`, detail: { call: call.id, kind } });
    return c.redirect(`/quality/samples/${sample.id}?loop=case`, 303);
  });

  r.get('/quality/cases', ['agent', 'inspector'], async (c) => {
    const rows = await c.get('deps').sql<{ id: number; call_id: string; kind: string; note: string; recording_url: string | null; by: string; created_at: Date }[]>`
      SELECT k.id, k.call_id, k.kind, k.note, c.recording_url, u.display_name AS by, k.created_at
      FROM teaching_cases k JOIN calls c ON c.id = k.call_id LEFT JOIN users u ON u.id = k.created_by ORDER BY k.id DESC LIMIT 200`;
    return render(c, {
      title: c.get('t')('quality.case.title'),
      body: <CasesPage ctx={viewContext(c)} cases={rows.map((k) => ({ id: k.id, callId: k.call_id, kind: k.kind, note: k.note, recordingUrl: k.recording_url, by: k.by, createdAt: k.created_at }))} />,
    });
  });

  async function weakPage(c: Ctx, extra: { notice?: string; errors?: Record<string, string>; threshold?: string; minChecked?: string; status?: 200 | 422 } = {}) {
    const { sql } = c.get('deps');
    const by = (['team', 'project', 'scenario', 'agent'] as const).find((b) => b === c.req.query('by')) ?? 'team';
    const graded = await gradedEvaluations(sql);
    const [card] = await q.listScorecards(sql);
    const labels = new Map<string, string>();
    if (card) for (const i of (await q.latestScorecardVersion(sql, card.id))!.body.sections.flatMap((s) => s.items)) labels.set(i.id, i.label);
    const groupOf = (g: Graded) => (by === 'team' ? g.team ?? '—' : by === 'project' ? g.project : by === 'scenario' ? g.scenario_code ?? '—' : g.agent_name);
    const spots = itemFailureRates(graded.flatMap((g) => outcomesOf(groupOf(g), g.result)))
      .filter((s) => s.failures > 0)
      .slice(0, 100)
      .map((s) => ({ group: s.group, item: labels.get(s.itemId) ?? s.itemId, failures: s.failures, checked: s.checked, rate: s.rate, low: s.low, high: s.high }));
    // failed items ranked by error category, overall and per group (uncategorised failures count as such)
    const names = new Map((await q.errorCategories(sql, true)).map((x) => [x.code, x.name]));
    const failedOf = (g: Graded) => g.result.sections.flatMap((s) => s.items.filter((i) => i.missed).map((i) => g.error_categories?.[i.itemId] ?? null));
    const label = (code: string) => (code ? names.get(code) ?? code : c.get('t')('quality.category.none'));
    const all = graded.flatMap(failedOf);
    const categories = all.length ? categoryRanking(all, '').map((r) => ({ category: label(r.category), failures: r.failures, share: r.share, low: r.low, high: r.high })) : [];
    const groups = [...new Set(graded.map(groupOf))].sort();
    const categoryByGroup = groups
      .flatMap((group) => {
        const failed = graded.filter((g) => groupOf(g) === group).flatMap(failedOf);
        return failed.length ? categoryRanking(failed, '').map((r) => ({ group, category: label(r.category), failures: r.failures, share: r.share, low: r.low, high: r.high })) : [];
      })
      .sort((a, b) => b.failures - a.failures || a.group.localeCompare(b.group))
      .slice(0, 60);
    return render(c, {
      title: c.get('t')('quality.weak.title'),
      status: extra.status,
      body: (
        <WeakSpotsPage
          ctx={viewContext(c)}
          by={by}
          spots={spots}
          categories={categories}
          categoryByGroup={categoryByGroup}
          threshold={extra.threshold ?? '50'}
          minChecked={extra.minChecked ?? '3'}
          notice={extra.notice}
          errors={extra.errors ?? {}}
        />
      ),
    });
  }

  // ── the configurable list of error categories ──
  async function categoriesPage(c: Ctx, status: 200 | 409 | 422, errors: Record<string, string>, values: { code: string; name: string }, notice?: string) {
    const rows = await q.errorCategories(c.get('deps').sql, true);
    return render(c, { title: c.get('t')('quality.category.title'), status, body: <ErrorCategoriesPage ctx={viewContext(c)} categories={rows} errors={errors} values={values} notice={notice} /> });
  }

  r.get('/quality/error-categories', ['inspector'], (c) => categoriesPage(c, 200, {}, { code: '', name: '' }, c.req.query('saved') ? c.get('t')('quality.category.saved') : undefined));

  r.post('/quality/error-categories', ['inspector'], async (c) => {
    const { sql } = c.get('deps');
    const t = c.get('t');
    const body = await c.req.parseBody();
    const values = { code: String(body.code ?? '').trim().toLowerCase(), name: String(body.name ?? '').trim().slice(0, 60) };
    const errors: Record<string, string> = {};
    if (!/^[a-z0-9-]{1,40}$/.test(values.code)) errors.code = t('quality.category.codeHint');
    if (!values.name) errors.name = t('form.required');
    if (Object.keys(errors).length) return categoriesPage(c, 422, errors, values);
    const res = await sql`INSERT INTO error_categories (code, name, position) VALUES (${values.code}, ${values.name}, (SELECT coalesce(max(position), 0) + 1 FROM error_categories))
      ON CONFLICT (code) DO NOTHING`;
    if (res.count !== 1) return categoriesPage(c, 409, { code: t('quality.category.taken') }, values);
    await audit(sql, { ...actor(c), action: 'errorCategory.create', target: `errorCategory:${values.code}`, detail: values });
    return c.redirect('/quality/error-categories?saved=1', 303);
  });

  /** Retires or restores a category (kept on past evaluations either way). */
  r.post('/quality/error-categories/:code/toggle', ['inspector'], async (c) => {
    const { sql } = c.get('deps');
    const code = c.req.param('code') ?? '';
    const [row] = await sql<{ active: boolean }[]>`UPDATE error_categories SET active = NOT active WHERE code = ${code} RETURNING active`;
    if (!row) throw new HTTPException(404);
    await audit(sql, { ...actor(c), action: 'errorCategory.toggle', target: `errorCategory:${code}`, detail: { active: row.active } });
    return c.redirect('/quality/error-categories?saved=1', 303);
  });

  r.get('/quality/weak-spots', ['inspector'], (c) => {
    const n = c.req.query('assigned');
    return weakPage(c, { notice: n !== undefined ? c.get('t')('quality.weak.assigned', { count: Number(n) || 0 }) : undefined });
  });

  r.post('/quality/weak-spots/training', ['inspector'], async (c) => {
    const { sql, now } = c.get('deps');
    const t = c.get('t');
    const body = await c.req.parseBody();
    const threshold = String(body.threshold ?? '').trim();
    const minChecked = String(body.minChecked ?? '').trim();
    const errors: Record<string, string> = {};
    const th = Number(threshold);
    const mc = Number(minChecked);
    if (!(threshold !== '' && th > 0 && th <= 100)) errors.threshold = t('quality.form.percent');
    if (!(Number.isInteger(mc) && mc >= 1 && mc <= 10_000)) errors.minChecked = t('quality.form.whole');
    if (Object.keys(errors).length) return weakPage(c, { errors, threshold, minChecked, status: 422 });
    const graded = await gradedEvaluations(sql);
    const [card] = await q.listScorecards(sql);
    const labels = new Map<string, string>();
    if (card) for (const i of (await q.latestScorecardVersion(sql, card.id))!.body.sections.flatMap((s) => s.items)) labels.set(i.id, i.label);
    const over = itemFailureRates(graded.flatMap((g) => outcomesOf(String(g.agent_id), g.result)), { minChecked: mc }).filter((r) => r.rate * 100 >= th);
    let created = 0;
    for (const r of over) {
      const [open] = await sql`SELECT 1 FROM training_assignments WHERE agent_id = ${Number(r.group)} AND item_id = ${r.itemId} AND status = 'assigned'`;
      if (open) continue;
      await sql`INSERT INTO training_assignments (agent_id, topic, item_id, reason, assigned_by, created_at)
        VALUES (${Number(r.group)}, ${labels.get(r.itemId) ?? r.itemId}, ${r.itemId}, ${t('quality.weak.reason', { failures: r.failures, checked: r.checked })}, ${c.get('user')!.id}, ${now()})`;
      created++;
    }
    await audit(sql, { ...actor(c), action: 'training.threshold', target: 'training', detail: { threshold: th, minChecked: mc, created } });
    return c.redirect(`/quality/weak-spots?assigned=${created}`, 303);
  });
}
