// Routes of the scheduling area (registered through the SecureRouter by server/features.ts):
// rosters overview, history import, forecast and staffing per day and month with hand adjustments, the agent's schedule.
import { HTTPException } from 'hono/http-exception';
import type { SecureRouter } from '../http/access.ts';
import type { Sql } from '../db/index.ts';
import { type Ctx, viewContext } from '../http/env.ts';
import { render } from '../http/render.tsx';
import { audit } from '../queries/audit.ts';
import { addLocalDays, daysOfMonth, isLocalDate, localDateOf, localDateRange, weekdayOf } from '../../scheduling/time.ts';
import {
  ForecastDayPage,
  ForecastMonthPage,
  HistoryImportPage,
  RostersHome,
  type AdjustmentForm,
  type OverviewItem,
  type ProjectOption,
} from '../../views/scheduling/pages.tsx';
import { deleteAdjustment, findAdjustment, historySummary, insertAdjustment, listProjects, specialDaysFor, tableExists, type ProjectRow } from './queries.ts';
import { backtestProject, dailyTotals, planProject, requirementCsv, staffingDefaults, type StaffingParams } from './service.ts';
import { importHistory } from './import.ts';
import { mySchedulePage } from './weekly-swaps.tsx';
import { registerSchedulingApi } from './api.ts';
import { peakNotice } from './incentive-service.ts';
import { PeakNotice } from '../../views/scheduling/incentive-pages.tsx';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function actor(c: Ctx) {
  const u = c.get('user')!;
  return { actorId: u.id, actorName: u.username, requestId: c.get('requestId'), at: c.get('deps').now() };
}

function option(p: ProjectRow): ProjectOption {
  return { code: p.code, name: p.name, nameEn: p.nameEn, slTarget: p.slTarget, slSeconds: p.slSeconds };
}

function today(c: Ctx): string {
  const { now, config } = c.get('deps');
  return localDateOf(now(), { timeZone: config.timeZone });
}

/** The project named by `code` (the first project when empty); 404 for an unknown code. */
async function pickProject(c: Ctx, code: string | undefined): Promise<{ projects: ProjectRow[]; project: ProjectRow }> {
  const projects = await listProjects(c.get('deps').sql);
  const project = code ? projects.find((p) => p.code === code) : projects[0];
  if (!project) throw new HTTPException(404);
  return { projects, project };
}

/** Staffing parameters from the query or form (occ, shrink), falling back to the configured defaults. */
async function pickParams(c: Ctx, occ: string | undefined, shrink: string | undefined, patience?: string): Promise<StaffingParams> {
  const defaults = await staffingDefaults(c.get('deps').sql);
  const o = Number(occ);
  const s = Number(shrink);
  const p = Number(patience);
  return {
    maxOccupancy: occ && Number.isFinite(o) && o >= 0.5 && o <= 1 ? o : defaults.maxOccupancy,
    shrinkage: shrink && Number.isFinite(s) && s >= 0 && s <= 0.8 ? s : defaults.shrinkage,
    ...(patience && Number.isFinite(p) && p >= 10 && p <= 3600 ? { patienceSeconds: p } : {}),
  };
}

/** The staffing parameters as query-string pairs (for links and redirects). */
function paramsQuery(p: StaffingParams): string {
  return `&occ=${p.maxOccupancy}&shrink=${p.shrinkage}${p.patienceSeconds ? `&patience=${p.patienceSeconds}` : ''}`;
}

async function dayPage(
  c: Ctx,
  input: { projects: ProjectRow[]; project: ProjectRow; date: string; params: StaffingParams; form?: AdjustmentForm; errors?: Record<string, string>; status?: 200 | 422; notice?: string },
) {
  const { sql, config } = c.get('deps');
  const t = c.get('t');
  const plan = await planProject(sql, input.project, input.date, input.date, input.params, config.timeZone);
  const bt = plan ? await backtestProject(sql, input.project, config.timeZone) : null;
  const special = (await specialDaysFor(sql, input.project, input.date, input.date)).map((d) => `${d.label} ×${d.factor}`);
  // Peak plans (server/scheduling/incentive-service.ts) overlapping the shown day, with the gap they open on this project.
  const peaks = await peakNotice(sql, input.project.code, input.date, config.timeZone);
  return render(c, {
    title: t('sched.forecast.title'),
    status: input.status,
    wide: true,
    body: (
      <ForecastDayPage
        ctx={viewContext(c)}
        projects={input.projects.map(option)}
        project={option(input.project)}
        date={input.date}
        params={input.params}
        form={input.form ?? { scope: 'day', kind: 'factor', value: '', note: '', to: '' }}
        errors={input.errors ?? {}}
        notice={input.notice}
        peakNotice={<PeakNotice ctx={viewContext(c)} project={input.project.code} date={input.date} items={peaks} />}
        plan={
          plan && {
            rows: plan.rows.map((r) => ({
              interval: r.interval,
              calls: r.calls,
              ahtSeconds: r.ahtSeconds,
              productive: r.staffing.productiveAgents,
              scheduled: r.staffing.scheduledAgents,
              serviceLevel: r.staffing.serviceLevel,
              occupancy: r.staffing.occupancy,
              adjusted: r.adjusted,
            })),
            adjustments: plan.adjustments,
            trend: plan.trend,
            window: plan.window,
            historyTo: plan.historyTo,
            wape: bt?.wape ?? null,
            holdout: bt?.holdout ?? null,
            special,
          }
        }
      />
    ),
  });
}

async function importPage(c: Ctx, extra: { errors?: { line: number; message: string }[]; notice?: string; text?: string; status?: 200 | 422 }) {
  const { sql } = c.get('deps');
  const projects = await listProjects(sql);
  const summary = (await historySummary(sql)).flatMap((s) => {
    const p = projects.find((x) => x.id === s.projectId);
    return p ? [{ project: option(p), intervals: s.intervals, first: s.first, last: s.last }] : [];
  });
  return render(c, { title: c.get('t')('sched.import.title'), status: extra.status, body: <HistoryImportPage ctx={viewContext(c)} summary={summary} errors={extra.errors} notice={extra.notice} text={extra.text} /> });
}

export function registerSchedulingRoutes(r: SecureRouter): void {
  registerSchedulingApi(r);
  async function overview(c: Ctx, extra: { form?: { maxOccupancy: string; shrinkage: string }; errors?: Record<string, string>; status?: 200 | 422; notice?: string } = {}) {
    const { sql, config } = c.get('deps');
    const first = addLocalDays(today(c).slice(0, 7) + '-01', 31).slice(0, 7);
    const days = daysOfMonth(first);
    const params = await staffingDefaults(sql);
    const items: OverviewItem[] = [];
    for (const p of await listProjects(sql)) {
      const plan = await planProject(sql, p, days[0]!, days.at(-1)!, params, config.timeZone);
      if (!plan) {
        items.push({ project: option(p), calls: null, peak: null, agentHours: null });
        continue;
      }
      const peakRow = plan.rows.reduce((best, row) => (row.calls > best.calls ? row : best), plan.rows[0]!);
      const totals = dailyTotals(plan.rows);
      items.push({
        project: option(p),
        calls: totals.reduce((s, d) => s + d.calls, 0),
        peak: { date: peakRow.date, interval: peakRow.interval, calls: peakRow.calls, scheduled: peakRow.staffing.scheduledAgents },
        agentHours: totals.reduce((s, d) => s + d.agentHours, 0),
      });
    }
    const form = extra.form ?? { maxOccupancy: String(params.maxOccupancy), shrinkage: String(params.shrinkage) };
    return render(c, {
      title: c.get('t')('home.rosters.title'),
      status: extra.status,
      body: <RostersHome ctx={viewContext(c)} month={first} items={items} defaults={form} errors={extra.errors ?? {}} notice={extra.notice} />,
    });
  }

  r.get('/rosters', ['scheduler'], (c) => overview(c, { notice: c.req.query('saved') === '1' ? c.get('t')('sched.defaults.saved') : undefined }));

  r.post('/rosters/staffing-defaults', ['scheduler'], async (c) => {
    const { sql } = c.get('deps');
    const t = c.get('t');
    const body = await c.req.parseBody();
    const form = { maxOccupancy: String(body.maxOccupancy ?? '').trim(), shrinkage: String(body.shrinkage ?? '').trim() };
    const occ = Number(form.maxOccupancy);
    const shrink = Number(form.shrinkage);
    const errors: Record<string, string> = {};
    if (!form.maxOccupancy) errors.maxOccupancy = t('form.required');
    else if (!(occ >= 0.5 && occ <= 1)) errors.maxOccupancy = t('sched.defaults.badOccupancy');
    if (!form.shrinkage) errors.shrinkage = t('form.required');
    else if (!(shrink >= 0 && shrink <= 0.8)) errors.shrinkage = t('sched.defaults.badShrinkage');
    if (Object.keys(errors).length) return overview(c, { form, errors, status: 422 });
    const before = await staffingDefaults(sql);
    await sql.begin(async (tx) => {
      for (const [key, value] of [['scheduling.maxOccupancy', occ], ['scheduling.shrinkage', shrink]] as const) {
        await tx`INSERT INTO settings (key, value) VALUES (${key}, ${String(value)}) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`;
      }
    });
    await audit(sql, { ...actor(c), action: 'staffing.defaults', target: 'settings', detail: { before, after: { maxOccupancy: occ, shrinkage: shrink } } });
    return c.redirect('/rosters?saved=1', 303);
  });

  r.get('/rosters/history/import', ['scheduler'], (c) => {
    const n = c.req.query('imported');
    const notice = n && /^\d+$/.test(n) ? c.get('t')('sched.import.done', { count: Number(n) }) : undefined;
    return importPage(c, { notice });
  });

  r.post('/rosters/history/import', ['scheduler'], async (c) => {
    const { sql } = c.get('deps');
    const t = c.get('t');
    let text = '';
    let typed = '';
    const type = c.req.header('content-type') ?? '';
    if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
      const body = await c.req.parseBody();
      const file = body.file;
      typed = typeof body.text === 'string' ? body.text : '';
      if (file && typeof file !== 'string' && file.size > 0) text = await file.text();
      else text = typed;
    }
    if (!text.trim()) return importPage(c, { status: 422, errors: [{ line: 1, message: t('sched.import.empty') }], text: typed });
    const result = await importHistory(sql, text);
    if (!result.ok) return importPage(c, { status: 422, errors: result.errors, text: typed.length <= 20_000 ? typed : '' });
    await audit(sql, { ...actor(c), action: 'history.import', target: 'interval_history', detail: { imported: result.imported, byProject: result.byProject, from: result.from, to: result.to } });
    return c.redirect(`/rosters/history/import?imported=${result.imported}`, 303);
  });

  r.get('/rosters/forecast', ['scheduler'], async (c) => {
    const { projects, project } = await pickProject(c, c.req.query('project'));
    const date = c.req.query('date') || addLocalDays(today(c), 1);
    if (!isLocalDate(date)) throw new HTTPException(404);
    const params = await pickParams(c, c.req.query('occ'), c.req.query('shrink'), c.req.query('patience'));
    const notice = c.req.query('saved') === '1' ? c.get('t')('sched.adj.saved') : c.req.query('removed') === '1' ? c.get('t')('sched.adj.removed') : undefined;
    return dayPage(c, { projects, project, date, params, notice });
  });

  r.post('/rosters/forecast/adjustments', ['scheduler'], async (c) => {
    const { sql } = c.get('deps');
    const t = c.get('t');
    const body = await c.req.parseBody();
    const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string).trim() : '');
    const form: AdjustmentForm = { scope: str('scope') || 'day', kind: str('kind') || 'factor', value: str('value'), note: str('note').slice(0, 500), to: str('to') };
    const projects = await listProjects(sql);
    const errors: Record<string, string> = {};
    let project = projects.find((p) => p.code === str('project'));
    let date = str('date');
    if (!project || !isLocalDate(date)) {
      errors.form = t('sched.adj.badTarget');
      project ??= projects[0];
      if (!isLocalDate(date)) date = addLocalDays(today(c), 1);
    }
    if (!project) throw new HTTPException(404);
    const params = await pickParams(c, str('occ'), str('shrink'), str('patience'));
    const interval = form.scope === 'day' ? null : /^\d{1,2}$/.test(form.scope) && Number(form.scope) < 48 ? Number(form.scope) : undefined;
    if (interval === undefined) errors.scope = t('sched.adj.badScope');
    if (form.kind !== 'factor' && form.kind !== 'calls') errors.kind = t('sched.adj.badKind');
    const value = Number(form.value);
    if (!form.value) errors.value = t('form.required');
    else if (!Number.isFinite(value)) errors.value = t('sched.adj.badNumber');
    else if (form.kind === 'factor' && !(value > 0 && value <= 10)) errors.value = t('sched.adj.badFactor');
    else if (form.kind === 'calls' && !(value >= 0 && value <= 1_000_000)) errors.value = t('sched.adj.badCalls');
    if (!form.note) errors.note = t('form.required');
    if (form.to && (!isLocalDate(form.to) || form.to < date || form.to > addLocalDays(date, 30))) errors.to = t('sched.adj.badTo');
    if (Object.keys(errors).length) return dayPage(c, { projects, project, date, params, form, errors, status: 422 });
    const days = form.to ? localDateRange(date, form.to) : [date];
    const by = c.get('user')!;
    const at = c.get('deps').now();
    const saved = await sql.begin(async (tx) => {
      const rows = [];
      for (const day of days) {
        rows.push(
          await insertAdjustment(tx as unknown as Sql, { projectId: project.id, date: day, interval: interval ?? null, factor: form.kind === 'factor' ? value : null, calls: form.kind === 'calls' ? value : null, note: form.note, byId: by.id, byName: by.displayName, at }),
        );
      }
      return rows;
    });
    await audit(sql, {
      ...actor(c),
      action: 'forecast.adjust',
      target: `forecast_adjustment:${saved.map((a) => a.id).join(',')}`,
      detail: { project: project.code, date, to: form.to || date, interval: interval ?? null, factor: saved[0]!.factor, calls: saved[0]!.calls, note: form.note },
    });
    return c.redirect(`/rosters/forecast?project=${encodeURIComponent(project.code)}&date=${date}${paramsQuery(params)}&saved=1`, 303);
  });

  r.post('/rosters/forecast/adjustments/:id/delete', ['scheduler'], async (c) => {
    const { sql } = c.get('deps');
    const id = Number(c.req.param('id'));
    const found = Number.isInteger(id) && id > 0 && id < 2 ** 31 ? await findAdjustment(sql, id) : undefined;
    if (!found || !(await deleteAdjustment(sql, id))) throw new HTTPException(404);
    const projects = await listProjects(sql);
    const project = projects.find((p) => p.id === found.projectId)!;
    await audit(sql, { ...actor(c), action: 'forecast.adjust.remove', target: `forecast_adjustment:${id}`, detail: { project: project.code, date: found.date, interval: found.interval, factor: found.factor, calls: found.calls, note: found.note } });
    return c.redirect(`/rosters/forecast?project=${encodeURIComponent(project.code)}&date=${found.date}&removed=1`, 303);
  });

  r.get('/rosters/forecast/month', ['scheduler'], async (c) => {
    const { sql, config } = c.get('deps');
    const { projects, project } = await pickProject(c, c.req.query('project'));
    const month = c.req.query('month') || addLocalDays(today(c).slice(0, 7) + '-01', 31).slice(0, 7);
    if (!MONTH.test(month)) throw new HTTPException(404);
    const params = await pickParams(c, c.req.query('occ'), c.req.query('shrink'), c.req.query('patience'));
    const days = daysOfMonth(month);
    const plan = await planProject(sql, project, days[0]!, days.at(-1)!, params, config.timeZone);
    const special = await specialDaysFor(sql, project, days[0]!, days.at(-1)!);
    const labels = new Map<string, string[]>();
    for (const s of special) {
      for (const d of localDateRange(s.from ?? s.date!, s.to ?? s.date!)) labels.set(d, [...(labels.get(d) ?? []), s.label]);
    }
    const view = plan ? dailyTotals(plan.rows).map((d) => ({ ...d, weekday: weekdayOf(d.date), special: labels.get(d.date) ?? [] })) : null;
    return render(c, {
      title: c.get('t')('sched.month.title'),
      body: <ForecastMonthPage ctx={viewContext(c)} projects={projects.map(option)} project={option(project)} month={month} params={params} days={view} />,
    });
  });

  r.get('/rosters/forecast/month.csv', ['scheduler'], async (c) => {
    const { sql, config } = c.get('deps');
    const { project } = await pickProject(c, c.req.query('project'));
    const month = c.req.query('month') || addLocalDays(today(c).slice(0, 7) + '-01', 31).slice(0, 7);
    if (!MONTH.test(month)) throw new HTTPException(404);
    const params = await pickParams(c, c.req.query('occ'), c.req.query('shrink'), c.req.query('patience'));
    const days = daysOfMonth(month);
    const plan = await planProject(sql, project, days[0]!, days.at(-1)!, params, config.timeZone);
    if (!plan) throw new HTTPException(404);
    const csv = requirementCsv(plan.rows, config.timeZone);
    c.header('Content-Disposition', `attachment; filename="requirement-${project.code}-${month}.csv"`);
    c.header('Cache-Control', 'no-store');
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });

  // The agent's page (with recent changes and shift swaps) belongs to the weekly adjustment: server/scheduling/weekly-swaps.tsx.
  r.get('/schedule', ['agent'], (c) => {
    const notice = ['swap', 'accept', 'decline', 'withdraw'].includes(c.req.query('notice') ?? '') ? c.get('t')(`weekly.swap.notice.${c.req.query('notice')}`) : undefined;
    return mySchedulePage(c, { notice });
  });
}
