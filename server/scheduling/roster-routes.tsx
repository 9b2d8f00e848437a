// Routes of the monthly roster (solve job, grid, edits, locks, publish, exports, my schedule).
import { HTTPException } from 'hono/http-exception';
import type { SecureRouter } from '../http/access.ts';
import { type Ctx, viewContext } from '../http/env.ts';
import { render } from '../http/render.tsx';
import { audit } from '../queries/audit.ts';
import { indexModel } from '../../scheduling/roster/context.ts';
import { scoreRoster } from '../../scheduling/roster/score.ts';
import { coverageShortfall, staffedMinutes } from '../../scheduling/roster/constraints/coverage.ts';
import type { PenaltyItem, RosterIndex } from '../../scheduling/roster/context.ts';
import type { Roster, RosterModel } from '../../scheduling/roster/model.ts';
import { addLocalDays, daysOfMonth, localDateOf } from '../../scheduling/time.ts';
import { digest } from '../queries/sessions.ts';
import { CALENDAR_FEED_PATH } from '../routes/me.tsx';
import { EditPreview, RosterJob, RosterMonthPage, type EditView, type JobView, type PreviewView, type RosterView } from '../../views/scheduling/roster-pages.tsx';
import { monthModel, monthRequirement, type MonthModel } from './roster-model.ts';
import { dropEdit, ensureRoster, findJob, findRoster, lastEdit, latestJob, loadCells, recordEdit, rosterFromCells, writeCells, type JobRow, type RosterRow } from './roster-store.ts';
import { cancelJob, effectiveJob, startSolveJob } from './roster-jobs.ts';
import { rosterCsv, rosterSheets, agentCalendar } from './roster-export.ts';
import { xlsxResponse } from '../http/xlsx.ts';

const MONTH = /^(20\d\d)-(0[1-9]|1[0-2])$/;

function actor(c: Ctx) {
  const u = c.get('user')!;
  return { actorId: u.id, actorName: u.username, requestId: c.get('requestId'), at: c.get('deps').now() };
}

function monthParam(c: Ctx): string {
  const month = c.req.param('month') ?? '';
  if (!MONTH.test(month)) throw new HTTPException(404);
  return month;
}

function jobView(job: JobRow): JobView {
  const j = effectiveJob(job);
  return { id: j.id, month: j.month, status: j.status, progress: j.progress, bestHard: j.bestHard, bestSoft: j.bestSoft, error: j.error };
}

async function formOf(c: Ctx): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v.trim();
  return out;
}

/** Builds the month page's view: grid (filtered), score, penalties, coverage of a day, the cell being edited. */
async function monthView(c: Ctx, month: string, extra: Partial<Pick<RosterView, 'errors' | 'seconds' | 'notice' | 'problem'>> & { edit?: { agent: string; date: string; shift?: string; project?: string } } = {}): Promise<RosterView> {
  const { sql } = c.get('deps');
  const t = c.get('t');
  const roster = await findRoster(sql, month);
  const job = roster ? await latestJob(sql, roster.id) : undefined;
  const base: RosterView = {
    month,
    roster: null,
    job: job ? jobView(job) : null,
    days: [],
    agents: [],
    totalAgents: 0,
    teams: [],
    projects: [],
    shiftCodes: [],
    filter: { team: '', project: '' },
    rules: [],
    coverage: null,
    edit: null,
    errors: extra.errors ?? {},
    seconds: extra.seconds ?? '30',
    notice: extra.notice,
    problem: extra.problem,
  };
  if (!roster) return base;
  const mm = await monthModel(sql, month, roster.requirement);
  const { roster: cells, locked } = rosterFromCells(mm, await loadCells(sql, roster.id));
  const ix = indexModel(mm.model);
  const score = scoreRoster(mm.model, cells, ix);
  const teams = [...new Set(mm.agents.map((a) => a.team))].filter(Boolean).sort();
  // The whole floor is ~1.4 MB of grid; a page shows one team unless "all" is asked for.
  const teamQ = c.req.query('team') ?? '';
  const team = teamQ === 'all' ? 'all' : teams.includes(teamQ) ? teamQ : (teams[0] ?? 'all');
  const project = mm.model.projects.includes(c.req.query('project') ?? '') ? c.req.query('project')! : '';
  const agents = mm.model.agents
    .filter((a) => (team === 'all' || a.team === team) && (!project || project in a.skills))
    .map((a) => ({ code: a.id, name: a.name, team: a.team, cells: cells[a.id]!.map((x, d) => ({ ...x, locked: locked.has(`${a.id}|${mm.model.days[d]!.date}`) })) }));
  const dates = mm.model.days.map((d) => d.date);
  const dayQ = c.req.query('day') ?? '';
  const day = dates.includes(dayQ) ? dayQ : dates.includes(extra.edit?.date ?? c.req.query('date') ?? '') ? (extra.edit?.date ?? c.req.query('date'))! : dates[0]!;
  const d = dates.indexOf(day);
  const per = ix.intervalsPerDay;
  const required = new Array<number>(per).fill(0);
  const scheduled = new Array<number>(per).fill(0);
  for (const p of project ? [project] : mm.model.projects) (mm.model.requirement[p]?.[d] ?? []).forEach((v, k) => (required[k]! += v));
  for (const a of mm.model.agents) {
    for (const [dd, offset] of [[d, 0], [d - 1, per]] as const) {
      const cell = dd >= 0 ? cells[a.id]![dd] : undefined;
      if (!cell?.shift || (project && cell.project !== project)) continue;
      const profile = ix.coverageProfile.get(cell.shift);
      if (profile) for (let k = 0; k < per; k++) scheduled[k]! += profile[offset + k]! / mm.model.intervalMinutes;
    }
  }
  let edit: EditView | null = null;
  const editAgent = extra.edit?.agent ?? c.req.query('agent');
  const editDate = extra.edit?.date ?? c.req.query('date');
  const agentRow = editAgent ? mm.byCode.get(editAgent) : undefined;
  if (agentRow && editDate && dates.includes(editDate)) {
    const cell = cells[agentRow.code]![dates.indexOf(editDate)]!;
    const rulesById = new Map(mm.model.rules.map((r) => [r.id, r]));
    edit = {
      agent: agentRow.code,
      name: agentRow.name,
      date: editDate,
      shift: extra.edit?.shift ?? cell.shift ?? '',
      project: extra.edit?.project ?? cell.project ?? bestSkill(mm.model, agentRow.code),
      locked: locked.has(`${agentRow.code}|${editDate}`),
      warnings: score.items
        .filter((i) => i.agentId === agentRow.code)
        .map((i) => {
          const rule = rulesById.get(i.ruleId);
          return { rule: (c.get('locale') === 'en' ? rule?.nameEn : rule?.name) ?? i.ruleId, hard: !!rule?.hard, message: i.message, date: i.date };
        })
        .sort((x, y) => Number(y.hard) - Number(x.hard)),
    };
  }
  const rulesById = new Map(mm.model.rules.map((r) => [r.id, r]));
  return {
    ...base,
    roster: { status: roster.status, version: roster.version, publishedAt: roster.publishedAt, lowerBound: roster.lowerBound, hard: score.hard, soft: score.soft, shortfall: coverageShortfall(ix, cells) },
    days: mm.model.days,
    agents,
    totalAgents: mm.model.agents.length,
    teams,
    projects: mm.model.projects,
    shiftCodes: mm.model.shiftTypes.map((s) => s.code),
    filter: { team, project },
    rules: Object.entries(score.byRule)
      .filter(([, x]) => x.amount > 0)
      .map(([id, x]) => ({ id, name: (c.get('locale') === 'en' ? rulesById.get(id)?.nameEn : x.name) ?? x.name, hard: x.hard, amount: x.amount, count: x.count }))
      .sort((a, b) => Number(b.hard) - Number(a.hard) || b.amount - a.amount),
    coverage: { date: day, required, scheduled },
    edit,
  };

}

/** The project an agent is most proficient in (the cell form's default when the cell is a day off). */
function bestSkill(model: RosterModel, agentId: string): string {
  const skills = model.agents.find((a) => a.id === agentId)?.skills ?? {};
  return model.projects.filter((p) => p in skills).sort((a, b) => (skills[b] ?? 0) - (skills[a] ?? 0))[0] ?? '';
}

/** Agent-intervals short of the requirement on day `d`, per project. */
function dayShortfall(ix: RosterIndex, roster: Roster, d: number): Map<string, number> {
  const staffed = staffedMinutes(ix, roster);
  const per = ix.intervalsPerDay;
  const out = new Map<string, number>();
  for (const p of ix.model.projects) {
    const req = ix.model.requirement[p]?.[d] ?? [];
    const row = staffed.get(p)!;
    let short = 0;
    for (let k = 0; k < per; k++) short += Math.max(0, (req[k] ?? 0) - row[d * per + k]! / ix.model.intervalMinutes);
    out.set(p, short);
  }
  return out;
}

const itemKey = (i: PenaltyItem) => `${i.ruleId}|${i.date ?? ''}|${i.message}`;

/**
 * What saving `shift`/`project` in one cell would do: both rosters scored in full (the same scorer the grid uses),
 * the per-rule change, the coverage change of the day (and the next when a night shift spills over), and the agent's
 * warnings after the edit, new ones marked, cleared ones listed.
 */
function previewOf(c: Ctx, month: string, mm: MonthModel, cells: Roster, agent: string, date: string, shift: string | null, project: string | null): PreviewView {
  const en = c.get('locale') === 'en';
  const model = mm.model;
  const d = model.days.findIndex((x) => x.date === date);
  const name = mm.byCode.get(agent)!.name;
  const old = cells[agent]![d]!;
  const base = { month, agent, name, date };
  if (old.shift === shift && (old.project ?? null) === (shift ? project : null)) return { ...base, same: true };
  const ix = indexModel(model);
  const after: Roster = { ...cells, [agent]: cells[agent]!.map((x, k) => (k === d ? { shift, project: shift ? project : null } : x)) };
  const s0 = scoreRoster(model, cells, ix);
  const s1 = scoreRoster(model, after, ix);
  const rulesById = new Map(model.rules.map((r) => [r.id, r]));
  const ruleName = (id: string) => (en ? rulesById.get(id)?.nameEn : rulesById.get(id)?.name) ?? id;
  const rules = Object.entries(s1.byRule)
    .map(([id, x]) => ({ name: ruleName(id), hard: x.hard, delta: x.amount - (s0.byRule[id]?.amount ?? 0) }))
    .filter((x) => Math.abs(x.delta) > 1e-6)
    .sort((a, b) => Number(b.hard) - Number(a.hard) || Math.abs(b.delta) - Math.abs(a.delta));
  const nightSpill = [old.shift, shift].some((code) => {
    const st = code ? model.shiftTypes.find((x) => x.code === code) : undefined;
    return !!st && st.startMinute + st.lengthMinutes > 1440;
  });
  const coverage: NonNullable<PreviewView['coverage']> = [];
  for (const dd of nightSpill && d + 1 < model.days.length ? [d, d + 1] : [d]) {
    const b = dayShortfall(ix, cells, dd);
    const a = dayShortfall(ix, after, dd);
    const sum = (m: Map<string, number>) => [...m.values()].reduce((x, y) => x + y, 0);
    const projects = model.projects.map((p) => ({ project: p, delta: a.get(p)! - b.get(p)! })).filter((x) => Math.abs(x.delta) > 1e-6);
    if (dd === d || projects.length) coverage.push({ date: model.days[dd]!.date, before: sum(b), after: sum(a), projects });
  }
  const warning = (i: PenaltyItem) => ({ rule: ruleName(i.ruleId), hard: !!rulesById.get(i.ruleId)?.hard, message: i.message, date: i.date });
  const beforeKeys = new Set(s0.items.filter((i) => i.agentId === agent).map(itemKey));
  const afterItems = s1.items.filter((i) => i.agentId === agent);
  const afterKeys = new Set(afterItems.map(itemKey));
  return {
    ...base,
    before: { hard: s0.hard, soft: s0.soft },
    after: { hard: s1.hard, soft: s1.soft },
    rules,
    coverage,
    warnings: afterItems.map((i) => ({ ...warning(i), isNew: !beforeKeys.has(itemKey(i)) })).sort((x, y) => Number(y.hard) - Number(x.hard)),
    cleared: s0.items.filter((i) => i.agentId === agent && !afterKeys.has(itemKey(i))).map(warning),
  };
}

async function page(c: Ctx, month: string, extra: Parameters<typeof monthView>[2] = {}, status: 200 | 409 | 422 = 200) {
  const v = await monthView(c, month, extra);
  return render(c, { title: c.get('t')('roster.title', { month }), body: <RosterMonthPage ctx={viewContext(c)} v={v} />, status, wide: true });
}

function back(c: Ctx, month: string, extra: Record<string, string> = {}) {
  const q = new URLSearchParams();
  for (const k of ['team', 'project', 'day']) if (c.req.query(k)) q.set(k, c.req.query(k)!);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  const s = q.toString();
  return c.redirect(`/rosters/${month}${s ? `?${s}` : ''}`, 303);
}

/** The draft roster of a month and its model, or a 409 page answer when the roster is published or missing. */
async function draftOf(c: Ctx, month: string): Promise<{ roster: RosterRow; mm: MonthModel } | Response> {
  const { sql } = c.get('deps');
  const roster = await findRoster(sql, month);
  if (!roster) throw new HTTPException(404);
  if (roster.status !== 'draft') return page(c, month, { problem: c.get('t')('roster.notDraft') }, 409);
  return { roster, mm: await monthModel(sql, month, roster.requirement) };
}

export function registerRosterRoutes(r: SecureRouter): void {
  r.get('/rosters/:month', ['scheduler'], async (c) => {
    const month = monthParam(c);
    const notice = { saved: 'roster.saved', undone: 'roster.undone', published: 'roster.published' }[c.req.query('notice') ?? ''];
    return page(c, month, { notice: notice ? c.get('t')(notice) : undefined });
  });

  r.post('/rosters/:month/solve', ['scheduler'], async (c) => {
    const month = monthParam(c);
    const deps = c.get('deps');
    const t = c.get('t');
    const form = await formOf(c);
    const seconds = Number(form.seconds);
    if (!form.seconds || !Number.isFinite(seconds) || seconds < 1 || seconds > 300) return page(c, month, { errors: { seconds: t('roster.badSeconds') }, seconds: form.seconds ?? '' }, 422);
    let roster = await findRoster(deps.sql, month);
    if (roster?.status === 'published') return page(c, month, { problem: t('roster.notDraft') }, 409);
    const last = roster ? await latestJob(deps.sql, roster.id) : undefined;
    if (last && (effectiveJob(last).status === 'running' || effectiveJob(last).status === 'queued')) return page(c, month, { problem: t('roster.busy') }, 409);
    roster ??= await ensureRoster(deps.sql, month, await monthRequirement(deps.sql, month, deps.config.timeZone), c.get('user')!.id);
    const id = await startSolveJob(deps, { rosterId: roster.id, month, timeLimitMs: Math.round(seconds * 1000), userId: c.get('user')!.id });
    await audit(deps.sql, { ...actor(c), action: 'roster.solve.start', target: `roster:${month}`, detail: { job: id, seconds } });
    return c.redirect(`/rosters/${month}`, 303);
  });

  r.get('/rosters/jobs/:id', ['scheduler'], async (c) => {
    const id = Number(c.req.param('id'));
    const job = Number.isInteger(id) && id > 0 && id < 2 ** 31 ? await findJob(c.get('deps').sql, id) : undefined;
    if (!job) throw new HTTPException(404);
    const view = jobView(job);
    return render(c, { title: c.get('t')('roster.job.title', { id: String(id) }), body: <section class="panel"><RosterJob ctx={viewContext(c)} job={view} /></section>, fragment: <RosterJob ctx={viewContext(c)} job={view} /> });
  });

  r.post('/rosters/jobs/:id/cancel', ['scheduler'], async (c) => {
    const id = Number(c.req.param('id'));
    const { sql } = c.get('deps');
    const job = Number.isInteger(id) && id > 0 && id < 2 ** 31 ? await findJob(sql, id) : undefined;
    if (!job) throw new HTTPException(404);
    if (cancelJob(id)) await audit(sql, { ...actor(c), action: 'roster.solve.cancel', target: `roster:${job.month}`, detail: { job: id } });
    return c.redirect(`/rosters/${job.month}`, 303);
  });

  r.get('/rosters/:month/preview', ['scheduler'], async (c) => {
    const month = monthParam(c);
    const t = c.get('t');
    const { sql } = c.get('deps');
    const roster = await findRoster(sql, month);
    if (!roster) throw new HTTPException(404);
    const mm = await monthModel(sql, month, roster.requirement);
    const agent = mm.byCode.get(c.req.query('agent') ?? '');
    const date = c.req.query('date') ?? '';
    if (!agent || !mm.model.days.some((d) => d.date === date)) throw new HTTPException(404);
    const shift = c.req.query('shift') ?? '';
    const project = c.req.query('project') ?? '';
    let view: PreviewView;
    const base = { month, agent: agent.code, name: agent.name, date };
    if (shift && !mm.model.shiftTypes.some((s) => s.code === shift)) view = { ...base, error: t('roster.edit.badShift') };
    else if (shift && !mm.model.projects.includes(project)) view = { ...base, error: t('roster.edit.badProject') };
    else if (!shift && project) view = { ...base, error: t('roster.edit.noShiftProject') };
    else {
      const { roster: cells } = rosterFromCells(mm, await loadCells(sql, roster.id));
      view = previewOf(c, month, mm, cells, agent.code, date, shift || null, shift ? project : null);
    }
    const body = <EditPreview ctx={viewContext(c)} p={view} />;
    return render(c, { title: t('roster.preview.title', { agent: agent.name, date }), body: <section class="panel roster"><h1>{t('roster.preview.title', { agent: agent.name, date })}</h1>{body}</section>, fragment: body });
  });

  r.post('/rosters/:month/cells', ['scheduler'], async (c) => {
    const month = monthParam(c);
    const t = c.get('t');
    const form = await formOf(c);
    const found = await draftOf(c, month);
    if (found instanceof Response) return found;
    const { roster, mm } = found;
    const errors: Record<string, string> = {};
    const agent = mm.byCode.get(form.agent ?? '');
    const dates = daysOfMonth(month);
    const shift = form.shift ?? '';
    const project = form.project ?? '';
    if (!agent) errors.agent = t('roster.edit.badAgent');
    if (!dates.includes(form.date ?? '')) errors.date = t('roster.edit.badDate');
    if (shift && !mm.model.shiftTypes.some((s) => s.code === shift)) errors.shift = t('roster.edit.badShift');
    if (shift && !mm.model.projects.includes(project)) errors.project = t('roster.edit.badProject');
    if (!shift && project) errors.project = t('roster.edit.noShiftProject');
    const edit = agent && !errors.date ? { agent: agent.code, date: form.date!, shift, project } : undefined;
    if (Object.keys(errors).length) return page(c, month, { errors, edit, problem: errors.agent ?? errors.date }, 422);
    const { sql } = c.get('deps');
    const { roster: cells, locked } = rosterFromCells(mm, await loadCells(sql, roster.id));
    const d = dates.indexOf(form.date!);
    const old = cells[agent!.code]![d]!;
    const lock = locked.has(`${agent!.code}|${form.date}`);
    const change = { agent: agent!.code, date: form.date!, before: { shift: old.shift, project: old.project, locked: lock }, after: { shift: shift || null, project: shift ? project : null, locked: lock } };
    const ok = await sql.begin(async (tx) => {
      if (!(await recordEdit(tx as never, roster.id, Number(form.version), 'cell', [change], c.get('user')!.id))) return false;
      await writeCells(tx as never, roster.id, mm, [{ agent: change.agent, date: change.date, ...change.after }]);
      return true;
    });
    if (!ok) return page(c, month, { problem: t('roster.conflict'), edit }, 409);
    await audit(sql, { ...actor(c), action: 'roster.cell', target: `roster:${month}`, detail: change as never });
    return back(c, month, { agent: change.agent, date: change.date, notice: 'saved' });
  });

  r.post('/rosters/:month/lock', ['scheduler'], async (c) => {
    const month = monthParam(c);
    const t = c.get('t');
    const form = await formOf(c);
    const found = await draftOf(c, month);
    if (found instanceof Response) return found;
    const { roster, mm } = found;
    const agent = mm.byCode.get(form.agent ?? '');
    const dates = daysOfMonth(month);
    if (!agent || !dates.includes(form.date ?? '') || !['0', '1'].includes(form.locked ?? '')) {
      return page(c, month, { problem: !agent ? t('roster.edit.badAgent') : t('roster.edit.badDate') }, 422);
    }
    const { sql } = c.get('deps');
    const { roster: cells, locked } = rosterFromCells(mm, await loadCells(sql, roster.id));
    const cell = cells[agent.code]![dates.indexOf(form.date!)]!;
    const was = locked.has(`${agent.code}|${form.date}`);
    const change = { agent: agent.code, date: form.date!, before: { ...cell, locked: was }, after: { ...cell, locked: form.locked === '1' } };
    const ok = await sql.begin(async (tx) => {
      if (!(await recordEdit(tx as never, roster.id, Number(form.version), 'lock', [change], c.get('user')!.id))) return false;
      await writeCells(tx as never, roster.id, mm, [{ agent: change.agent, date: change.date, ...change.after }]);
      return true;
    });
    if (!ok) return page(c, month, { problem: t('roster.conflict') }, 409);
    await audit(sql, { ...actor(c), action: form.locked === '1' ? 'roster.lock' : 'roster.unlock', target: `roster:${month}`, detail: { agent: agent.code, date: form.date } });
    return back(c, month, { agent: agent.code, date: form.date!, notice: 'saved' });
  });

  r.post('/rosters/:month/undo', ['scheduler'], async (c) => {
    const month = monthParam(c);
    const t = c.get('t');
    const form = await formOf(c);
    const found = await draftOf(c, month);
    if (found instanceof Response) return found;
    const { roster, mm } = found;
    if (!/^\d+$/.test(form.version ?? '')) return page(c, month, { problem: t('roster.conflict') }, 422);
    const { sql } = c.get('deps');
    const last = await lastEdit(sql, roster.id);
    if (!last) return page(c, month, { problem: t('roster.undo.none') }, 422);
    const ok = await sql.begin(async (tx) => {
      if (!(await recordEdit(tx as never, roster.id, Number(form.version), 'undo', [], c.get('user')!.id))) return false;
      await writeCells(tx as never, roster.id, mm, last.changes.filter((x) => mm.byCode.has(x.agent)).map((x) => ({ agent: x.agent, date: x.date, ...x.before })));
      await dropEdit(tx as never, roster.id, last.seq);
      return true;
    });
    if (!ok) return page(c, month, { problem: t('roster.conflict') }, 409);
    await audit(sql, { ...actor(c), action: 'roster.undo', target: `roster:${month}`, detail: { seq: last.seq, kind: last.kind, cells: last.changes.length } });
    return back(c, month, { notice: 'undone' });
  });

  r.post('/rosters/:month/publish', ['scheduler'], async (c) => {
    const month = monthParam(c);
    const t = c.get('t');
    const form = await formOf(c);
    const found = await draftOf(c, month);
    if (found instanceof Response) return found;
    if (!/^\d+$/.test(form.version ?? '')) return page(c, month, { problem: t('roster.conflict') }, 422);
    const { sql } = c.get('deps');
    const rows = await sql`UPDATE rosters SET status = 'published', version = version + 1, published_by = ${c.get('user')!.id}, published_at = ${c.get('deps').now()}
                           WHERE id = ${found.roster.id} AND status = 'draft' AND version = ${Number(form.version)} RETURNING id`;
    if (!rows.length) return page(c, month, { problem: t('roster.conflict') }, 409);
    await audit(sql, { ...actor(c), action: 'roster.publish', target: `roster:${month}`, detail: { version: found.roster.version + 1 } });
    return back(c, month, { notice: 'published' });
  });

  r.get('/rosters/:month/export.csv', ['scheduler'], async (c) => {
    const month = monthParam(c);
    const { sql } = c.get('deps');
    const roster = await findRoster(sql, month);
    if (!roster) throw new HTTPException(404);
    const mm = await monthModel(sql, month, roster.requirement);
    const { roster: cells, locked } = rosterFromCells(mm, await loadCells(sql, roster.id));
    c.header('Content-Disposition', `attachment; filename="roster-${month}.csv"`);
    c.header('Cache-Control', 'no-store');
    return c.body(rosterCsv(mm, cells, locked), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });

  r.get('/rosters/:month/export.xlsx', ['scheduler'], async (c) => {
    const month = monthParam(c);
    const { sql } = c.get('deps');
    const t = c.get('t');
    const roster = await findRoster(sql, month);
    if (!roster) throw new HTTPException(404);
    const mm = await monthModel(sql, month, roster.requirement);
    const { roster: cells } = rosterFromCells(mm, await loadCells(sql, roster.id));
    const k = (key: string) => t(`roster.xlsx.${key}`);
    const labels = { roster: k('roster'), coverage: k('coverage'), agent: k('agent'), name: k('name'), team: k('team'), date: k('date'), project: k('project'), required: k('required'), scheduled: k('scheduled'), short: k('short'), shortIntervals: k('shortIntervals') };
    return xlsxResponse(c, `roster-${month}.xlsx`, rosterSheets(mm, cells, labels));
  });

  // The subscribable feed: no session, the secret in the query string (request logs record the path only).
  // Unknown, malformed or revoked secrets all answer 404.
  r.get(CALENDAR_FEED_PATH, 'public', async (c) => {
    const { sql, config, now } = c.get('deps');
    const token = c.req.query('token') ?? '';
    if (!/^[\w-]{20,100}$/.test(token)) throw new HTTPException(404);
    const [feed] = await sql<{ user_id: number }[]>`UPDATE calendar_feeds SET last_used_at = ${now()} WHERE token_hash = ${digest(token)} RETURNING user_id`;
    if (!feed) throw new HTTPException(404);
    const from = addLocalDays(localDateOf(now(), { timeZone: config.timeZone }).slice(0, 7) + '-01', -31).slice(0, 7) + '-01';
    const body = await agentCalendar(sql, feed.user_id, from, config.timeZone, now());
    c.header('Cache-Control', 'private, no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return c.body(body, 200, { 'Content-Type': 'text/calendar; charset=utf-8' });
  });

  r.get('/schedule.ics', ['agent'], async (c) => {
    const { sql, config, now } = c.get('deps');
    const from = localDateOf(now(), { timeZone: config.timeZone }).slice(0, 7) + '-01';
    const body = await agentCalendar(sql, c.get('user')!.id, from, config.timeZone, now());
    c.header('Content-Disposition', 'attachment; filename="schedule.ics"');
    c.header('Cache-Control', 'no-store');
    return c.body(body, 200, { 'Content-Type': 'text/calendar; charset=utf-8' });
  });
}
