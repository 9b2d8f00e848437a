// Weekly adjustment (周调整): re-plan a week against the published roster, change lists, versions, swaps, leave.
import { loadConfig } from '../config.ts';
import { HTTPException } from 'hono/http-exception';
import type { SecureRouter } from '../http/access.ts';
import { type Ctx, viewContext } from '../http/env.ts';
import { render, wantsFragment } from '../http/render.tsx';
import { audit } from '../queries/audit.ts';
import type { SeedStep } from '../demo/seed.ts';
import { addLocalDays, daysOfMonth, isLocalDate, localDateOf, weekdayOf } from '../../scheduling/time.ts';
import { LeavePage, ReplanJob, SwapsPage, VersionsPage, WeeklyPage, type RevisionView, type WeeklyView } from '../../views/scheduling/weekly-pages.tsx';
import { findRoster } from './roster-store.ts';
import {
  cancelLeave,
  findRevision,
  findSwap,
  insertLeave,
  insertSwap,
  LEAVE_KINDS,
  latestRevision,
  listAgents,
  listLeave,
  listSwaps,
  listVersions,
  publishChanges,
  setSwapStatus,
  type LeaveKind,
  type RevisionRow,
  type SwapRow,
} from './weekly-store.ts';
import { cancelReplan, checkSwap, effectiveRevision, leaveConflicts, loadPublished, overlayRequirement, recheckRevision, startReplan, swapCells, weekForecast } from './weekly-service.ts';
import { registerSwapRequestRoutes, swapView } from './weekly-swaps.tsx';

const MONTH = /^(20\d\d)-(0[1-9]|1[0-2])$/;

function actor(c: Ctx) {
  const u = c.get('user')!;
  return { actorId: u.id, actorName: u.username, requestId: c.get('requestId'), at: c.get('deps').now() };
}

function today(c: Ctx): string {
  const { now, config } = c.get('deps');
  return localDateOf(now(), { timeZone: config.timeZone });
}

async function formOf(c: Ctx): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v.trim();
  return out;
}

function idParam(c: Ctx): number {
  const id = Number(c.req.param('id'));
  if (!Number.isInteger(id) || id <= 0 || id >= 2 ** 31) throw new HTTPException(404);
  return id;
}

/** The Monday of a date's week. */
export function mondayOf(date: string): string {
  return addLocalDays(date, -weekdayOf(date));
}

/** The week asked for (any date → its Monday; default the coming Monday) and the roster month to work on. */
function weekOf(c: Ctx, week?: string, month?: string): { week: string; month: string; months: string[] } {
  const t0 = today(c);
  const asked = week ?? c.req.query('week') ?? '';
  const w = isLocalDate(asked) ? mondayOf(asked) : addLocalDays(mondayOf(t0), 7);
  const months = [...new Set([w.slice(0, 7), addLocalDays(w, 6).slice(0, 7)])];
  const m = month ?? c.req.query('month') ?? '';
  return { week: w, month: months.includes(m) ? m : months[0]!, months };
}

// ---------- leave ----------

async function leavePage(c: Ctx, extra: { form?: Record<string, string>; errors?: Record<string, string>; notice?: string } = {}, status: 200 | 422 = 200) {
  const { sql } = c.get('deps');
  const agents = await listAgents(sql);
  const teams = [...new Set(agents.map((a) => a.team))].filter(Boolean).sort();
  const team = teams.includes(c.req.query('team') ?? '') ? c.req.query('team')! : '';
  const agent = (c.req.query('who') ?? '').trim().toUpperCase().slice(0, 20);
  const rows = await listLeave(sql, { from: today(c), team, agent });
  const t = c.get('t');
  return render(c, {
    title: t('weekly.leave.title'),
    body: <LeavePage ctx={viewContext(c)} v={{ rows, agents, teams, filter: { team, agent }, form: extra.form ?? { from: addLocalDays(today(c), 1), to: addLocalDays(today(c), 1), kind: 'sick' }, errors: extra.errors ?? {}, notice: extra.notice }} />,
    status,
  });
}

// ---------- weekly page ----------

function revisionView(r: RevisionRow, names: Map<string, string>, currentVersion: number, after?: RevisionView['after']): RevisionView {
  const res = r.result;
  return {
    id: r.id,
    status: r.status,
    progress: r.progress,
    error: r.error,
    changeWeight: r.changeWeight,
    stale: r.status === 'done' && r.baseVersion !== currentVersion,
    publishedShortfall: res?.publishedShortfall ?? null,
    before: res?.before ?? null,
    after: after ?? res?.after ?? null,
    changes: (res?.changes ?? []).map((x) => ({ agent: x.agent, name: names.get(x.agent) ?? '', date: x.date, from: x.from, to: x.to, reasons: x.reasons, required: x.required, dropped: !!x.dropped })),
  };
}

async function weeklyView(c: Ctx, extra: Partial<Pick<WeeklyView, 'errors' | 'notice' | 'problem' | 'weight' | 'seconds'>> & { week?: string; month?: string } = {}): Promise<WeeklyView> {
  const { sql, config } = c.get('deps');
  const { week, month, months } = weekOf(c, extra.week, extra.month);
  const t0 = today(c);
  const base: WeeklyView = {
    week,
    month,
    months,
    today: t0,
    roster: null,
    window: [],
    deltas: [],
    conflicts: [],
    revision: null,
    weight: extra.weight ?? '300',
    seconds: extra.seconds ?? '20',
    errors: extra.errors ?? {},
    notice: extra.notice,
    problem: extra.problem,
    ruleNames: {},
  };
  const p = await loadPublished(sql, month);
  if (!p) return base;
  const weekDates = p.mm.model.days.map((d) => d.date).filter((d) => d >= week && d <= addLocalDays(week, 6));
  const window = weekDates.filter((d) => d > t0);
  const { deltas } = await weekForecast(sql, p.roster, window, config.timeZone);
  const conflicts = await leaveConflicts(sql, p, window);
  const names = new Map(p.mm.model.agents.map((a) => [a.id, a.name]));
  const en = c.get('locale') === 'en';
  const ruleNames = Object.fromEntries(p.mm.model.rules.map((r) => [r.id, en ? r.nameEn : r.name]));
  let revision: RevisionView | null = null;
  const latest = await latestRevision(sql, p.roster.id, week);
  if (latest && latest.status !== 'discarded') {
    const eff = (await effectiveRevision(sql, latest.id))!;
    let after: RevisionView['after'] | undefined;
    if (eff.status === 'done' && eff.result && eff.result.changes.some((x) => x.dropped)) {
      after = (await recheckRevision(sql, month, { ...eff.result, weekStart: eff.weekStart, today: eff.today, changeWeight: eff.changeWeight }))?.after;
    }
    revision = revisionView(eff, names, p.roster.version, after);
  }
  return { ...base, roster: { version: p.roster.version, publishedAt: p.roster.publishedAt }, window, deltas, conflicts, revision, ruleNames };
}

async function weeklyPage(c: Ctx, extra: Parameters<typeof weeklyView>[1] = {}, status: 200 | 409 | 422 = 200) {
  const v = await weeklyView(c, extra);
  return render(c, { title: c.get('t')('weekly.title', { week: v.week }), body: <WeeklyPage ctx={viewContext(c)} v={v} />, status, wide: true });
}

function backToWeek(c: Ctx, r: { weekStart: string; month: string }, notice?: string) {
  return c.redirect(`/rosters/weekly?week=${r.weekStart}&month=${r.month}${notice ? `&notice=${notice}` : ''}`, 303);
}

async function revisionOf(c: Ctx): Promise<RevisionRow> {
  const rev = await findRevision(c.get('deps').sql, idParam(c));
  if (!rev) throw new HTTPException(404);
  return rev;
}

// ---------- swaps (scheduler) ----------

async function swapsPage(c: Ctx, extra: { notice?: string; problem?: string } = {}, status: 200 | 409 | 422 = 200) {
  const swaps = await listSwaps(c.get('deps').sql);
  return render(c, { title: c.get('t')('weekly.swaps.title'), body: <SwapsPage ctx={viewContext(c)} swaps={swaps.map((s) => swapView(c, s))} notice={extra.notice} problem={extra.problem} />, status, wide: true });
}

/** Re-checks and writes an approved swap into the published roster; returns a problem key or null. */
async function applySwap(c: Ctx, s: SwapRow): Promise<string | null> {
  const deps = c.get('deps');
  const p = await loadPublished(deps.sql, s.month);
  if (!p) return 'weekly.swap.noRoster';
  for (const date of [s.requesterDate, s.colleagueDate]) {
    if (date <= today(c)) return 'weekly.swap.past';
    if (p.locked.has(`${s.requester.code}|${date}`) || p.locked.has(`${s.colleague.code}|${date}`)) return 'weekly.swap.locked';
  }
  const changes = swapCells(p, s.requester.code, s.requesterDate, s.colleague.code, s.colleagueDate);
  const check = checkSwap(p, changes);
  if (check.hard.length) {
    await deps.sql`UPDATE shift_swaps SET check_result = ${deps.sql.json(check as never)} WHERE id = ${s.id}`;
    return 'weekly.swap.nowBreaks';
  }
  const ok = await deps.sql.begin(async (tx) => {
    if (!(await setSwapStatus(tx as never, s.id, ['pending', 'accepted'], 'approved', { userId: c.get('user')!.id, at: deps.now(), check }))) return false;
    const version = await publishChanges(tx as never, { rosterId: p.roster.id, mm: p.mm, expectedVersion: p.roster.version, kind: 'swap', changes, note: `#${s.id}`, userId: c.get('user')!.id, at: deps.now(), locked: p.locked });
    if (version === null) throw new Error('conflict');
    return true;
  }).catch((e: Error) => (e.message === 'conflict' ? false : Promise.reject(e)));
  return ok ? null : 'weekly.conflict';
}

// ---------- registration ----------

export function registerWeeklyRoutes(r: SecureRouter): void {
  r.get('/rosters/leave', ['scheduler'], (c) => leavePage(c, { notice: { added: c.get('t')('weekly.leave.added'), cancelled: c.get('t')('weekly.leave.cancelled') }[c.req.query('notice') ?? ''] }));

  r.post('/rosters/leave', ['scheduler'], async (c) => {
    const t = c.get('t');
    const form = await formOf(c);
    const { sql } = c.get('deps');
    const errors: Record<string, string> = {};
    const agents = await listAgents(sql);
    const code = (form.agent ?? '').split(/\s/)[0]!.toUpperCase();
    const agent = agents.find((a) => a.code === code);
    if (!form.agent) errors.agent = t('weekly.leave.err.agentMissing');
    else if (!agent) errors.agent = t('weekly.leave.err.agentUnknown', { agent: form.agent });
    if (!isLocalDate(form.from ?? '')) errors.from = t('weekly.leave.err.date');
    if (!isLocalDate(form.to ?? '')) errors.to = t('weekly.leave.err.date');
    else if (!errors.from && form.to! < form.from!) errors.to = t('weekly.leave.err.order');
    else if (!errors.from && (Date.parse(form.to!) - Date.parse(form.from!)) / 86_400_000 > 92) errors.to = t('weekly.leave.err.long');
    if (!LEAVE_KINDS.includes(form.kind as LeaveKind)) errors.kind = t('weekly.leave.err.kind');
    if ((form.note ?? '').length > 200) errors.note = t('weekly.leave.err.note');
    if (Object.keys(errors).length) return leavePage(c, { form, errors }, 422);
    const id = await insertLeave(sql, { agentId: agent!.id, from: form.from!, to: form.to!, kind: form.kind as LeaveKind, note: form.note ?? '', userId: c.get('user')!.id, at: c.get('deps').now() });
    await audit(sql, { ...actor(c), action: 'leave.add', target: `agent:${agent!.code}`, detail: { id, from: form.from, to: form.to, kind: form.kind } });
    return c.redirect('/rosters/leave?notice=added', 303);
  });

  r.post('/rosters/leave/:id/cancel', ['scheduler'], async (c) => {
    const id = idParam(c);
    const { sql, now } = c.get('deps');
    const done = await cancelLeave(sql, id, c.get('user')!.id, now());
    if (!done) throw new HTTPException(404);
    await audit(sql, { ...actor(c), action: 'leave.cancel', target: `agent:${done.agent}`, detail: { id, from: done.from, to: done.to } });
    return c.redirect('/rosters/leave?notice=cancelled', 303);
  });

  r.get('/rosters/weekly', ['scheduler'], (c) => {
    const t = c.get('t');
    const notice = { published: t('weekly.published'), discarded: t('weekly.discarded'), saved: t('weekly.saved') }[c.req.query('notice') ?? ''];
    return weeklyPage(c, { notice });
  });

  r.post('/rosters/weekly/replan', ['scheduler'], async (c) => {
    const deps = c.get('deps');
    const t = c.get('t');
    const form = await formOf(c);
    const { week, month } = weekOf(c, form.week, form.month);
    const weight = Number(form.preset || form.weight);
    const seconds = Number(form.seconds);
    const errors: Record<string, string> = {};
    if (!Number.isInteger(weight) || weight < 1 || weight > 100_000) errors.weight = t('weekly.err.weight');
    if (!form.seconds || !Number.isFinite(seconds) || seconds < 1 || seconds > 300) errors.seconds = t('weekly.err.seconds');
    if (Object.keys(errors).length) return weeklyPage(c, { week, month, errors, weight: form.weight, seconds: form.seconds }, 422);
    const p = await loadPublished(deps.sql, month);
    if (!p) return weeklyPage(c, { week, month, problem: t('weekly.noRoster', { month }) }, 409);
    const t0 = today(c);
    if (!p.mm.model.days.some((d) => d.date >= week && d.date <= addLocalDays(week, 6) && d.date > t0)) return weeklyPage(c, { week, month, problem: t('weekly.pastWeek') }, 409);
    const last = await latestRevision(deps.sql, p.roster.id, week);
    if (last && (last.status === 'queued' || last.status === 'running') && (await effectiveRevision(deps.sql, last.id))!.status !== 'failed') {
      return weeklyPage(c, { week, month, problem: t('weekly.busy') }, 409);
    }
    const id = await startReplan(deps, { rosterId: p.roster.id, month, weekStart: week, today: t0, changeWeight: weight, timeLimitMs: Math.round(seconds * 1000), userId: c.get('user')!.id, baseVersion: p.roster.version });
    await audit(deps.sql, { ...actor(c), action: 'roster.replan.start', target: `roster:${month}`, detail: { revision: id, week, weight, seconds } });
    return c.redirect(`/rosters/weekly?week=${week}&month=${month}`, 303);
  });

  r.get('/rosters/weekly/revisions/:id', ['scheduler'], async (c) => {
    const { sql } = c.get('deps');
    const rev = await effectiveRevision(sql, idParam(c));
    if (!rev) throw new HTTPException(404);
    const roster = await findRoster(sql, rev.month);
    const view = revisionView(rev, new Map(), roster?.version ?? rev.baseVersion);
    // When the job has ended, an htmx poll reloads the page so the change list appears.
    if (wantsFragment(c.req.raw.headers) && view.status !== 'queued' && view.status !== 'running') c.header('HX-Refresh', 'true');
    const job = <ReplanJob ctx={viewContext(c)} r={view} week={rev.weekStart} month={rev.month} link />;
    return render(c, { title: c.get('t')('weekly.job.title', { id: String(rev.id) }), body: <section class="panel">{job}</section>, fragment: job });
  });

  r.post('/rosters/weekly/revisions/:id/cancel', ['scheduler'], async (c) => {
    const rev = await revisionOf(c);
    if (cancelReplan(rev.id)) await audit(c.get('deps').sql, { ...actor(c), action: 'roster.replan.cancel', target: `roster:${rev.month}`, detail: { revision: rev.id } });
    return backToWeek(c, rev);
  });

  r.post('/rosters/weekly/revisions/:id/drop', ['scheduler'], async (c) => {
    const rev = await revisionOf(c);
    const t = c.get('t');
    const form = await formOf(c);
    const { sql } = c.get('deps');
    if (rev.status !== 'done' || !rev.result) return weeklyPage(c, { week: rev.weekStart, month: rev.month, problem: t('weekly.notReviewable') }, 409);
    const change = rev.result.changes.find((x) => x.agent === form.agent && x.date === form.date);
    if (!change) return weeklyPage(c, { week: rev.weekStart, month: rev.month, problem: t('weekly.noSuchChange') }, 422);
    if (change.required) return weeklyPage(c, { week: rev.weekStart, month: rev.month, problem: t('weekly.change.requiredWhy') }, 422);
    const dropped = form.keep !== '1';
    const changes = rev.result.changes.map((x) => (x === change ? { ...x, dropped } : x));
    const rows = await sql`UPDATE weekly_revisions SET result = jsonb_set(result, '{changes}', ${sql.json(changes as never)}) WHERE id = ${rev.id} AND status = 'done' RETURNING id`;
    if (!rows.length) return weeklyPage(c, { week: rev.weekStart, month: rev.month, problem: t('weekly.notReviewable') }, 409);
    await audit(sql, { ...actor(c), action: dropped ? 'roster.replan.drop' : 'roster.replan.keep', target: `roster:${rev.month}`, detail: { revision: rev.id, agent: change.agent, date: change.date } });
    return backToWeek(c, rev, 'saved');
  });

  r.post('/rosters/weekly/revisions/:id/publish', ['scheduler'], async (c) => {
    const rev = await revisionOf(c);
    const t = c.get('t');
    const deps = c.get('deps');
    if (rev.status !== 'done' || !rev.result) return weeklyPage(c, { week: rev.weekStart, month: rev.month, problem: t('weekly.notReviewable') }, 409);
    const checked = await recheckRevision(deps.sql, rev.month, { ...rev.result, weekStart: rev.weekStart, today: rev.today, changeWeight: rev.changeWeight });
    if (!checked) return weeklyPage(c, { week: rev.weekStart, month: rev.month, problem: t('weekly.noRoster', { month: rev.month }) }, 409);
    if (checked.p.roster.version !== rev.baseVersion) return weeklyPage(c, { week: rev.weekStart, month: rev.month, problem: t('weekly.review.stale') }, 409);
    if (checked.after.hard > 0) return weeklyPage(c, { week: rev.weekStart, month: rev.month, problem: t('weekly.review.refuseHard') }, 422);
    const kept = rev.result.changes.filter((x) => !x.dropped);
    const { p } = checked;
    const version = await deps.sql.begin(async (tx) => {
      const v = await publishChanges(tx as never, { rosterId: p.roster.id, mm: p.mm, expectedVersion: rev.baseVersion, kind: 'replan', changes: kept, note: rev.weekStart, userId: c.get('user')!.id, at: deps.now(), locked: p.locked });
      if (v === null) return null;
      // The roster's requirement snapshot now holds the re-forecast the week was re-planned against.
      const requirement = overlayRequirement(rev.month, p.roster.requirement, rev.result!.requirement);
      await tx`UPDATE rosters SET requirement = ${tx.json(requirement as never)} WHERE id = ${p.roster.id}`;
      await tx`UPDATE weekly_revisions SET status = 'published', decided_by = ${c.get('user')!.id}, decided_at = ${deps.now()} WHERE id = ${rev.id} AND status = 'done'`;
      return v;
    });
    if (version === null) return weeklyPage(c, { week: rev.weekStart, month: rev.month, problem: t('weekly.review.stale') }, 409);
    await audit(deps.sql, { ...actor(c), action: 'roster.replan.publish', target: `roster:${rev.month}`, detail: { revision: rev.id, version, week: rev.weekStart, changes: kept.length } });
    return backToWeek(c, rev, 'published');
  });

  r.post('/rosters/weekly/revisions/:id/discard', ['scheduler'], async (c) => {
    const rev = await revisionOf(c);
    const deps = c.get('deps');
    await deps.sql`UPDATE weekly_revisions SET status = 'discarded', decided_by = ${c.get('user')!.id}, decided_at = ${deps.now()} WHERE id = ${rev.id} AND status IN ('done', 'failed', 'cancelled')`;
    await audit(deps.sql, { ...actor(c), action: 'roster.replan.discard', target: `roster:${rev.month}`, detail: { revision: rev.id } });
    return backToWeek(c, rev, 'discarded');
  });

  r.get('/rosters/:month/versions', ['scheduler', 'agent'], async (c) => {
    const month = c.req.param('month') ?? '';
    if (!MONTH.test(month)) throw new HTTPException(404);
    const { sql } = c.get('deps');
    const roster = await findRoster(sql, month);
    if (!roster) throw new HTTPException(404);
    const names = new Map((await listAgents(sql)).map((a) => [a.code, a.name]));
    const [first] = await sql<{ display_name: string | null }[]>`SELECT u.display_name FROM rosters r LEFT JOIN users u ON u.id = r.published_by WHERE r.id = ${roster.id}`;
    const versions = roster.status === 'published' ? await listVersions(sql, roster.id) : [];
    const view = {
      month,
      published: roster.status === 'published' ? { at: roster.publishedAt, by: first?.display_name ?? null, version: roster.version } : null,
      versions: versions.map((v) => ({ ...v, changes: v.changes.map((x) => ({ agent: x.agent, name: names.get(x.agent) ?? '', date: x.date, from: x.from, to: x.to, reasons: x.reasons ?? [] })) })),
      scheduler: c.get('user')!.roles.includes('scheduler'),
    };
    return render(c, { title: c.get('t')('weekly.versions.title', { month }), body: <VersionsPage ctx={viewContext(c)} v={view} /> });
  });

  r.get('/rosters/swaps', ['scheduler'], (c) => {
    const t = c.get('t');
    return swapsPage(c, { notice: { approved: t('weekly.swap.approved'), rejected: t('weekly.swap.rejected') }[c.req.query('notice') ?? ''] });
  });

  r.post('/rosters/swaps/:id/approve', ['scheduler'], async (c) => {
    const { sql } = c.get('deps');
    const t = c.get('t');
    const s = await findSwap(sql, idParam(c));
    if (!s) throw new HTTPException(404);
    if (!(s.status === 'accepted' || (s.status === 'pending' && s.colleague.userId === null))) return swapsPage(c, { problem: t('weekly.swap.notReady') }, 409);
    const problem = await applySwap(c, s);
    if (problem) return swapsPage(c, { problem: t(problem) }, problem === 'weekly.conflict' ? 409 : 422);
    await audit(sql, { ...actor(c), action: 'swap.approve', target: `roster:${s.month}`, detail: { swap: s.id } });
    return c.redirect('/rosters/swaps?notice=approved', 303);
  });

  r.post('/rosters/swaps/:id/reject', ['scheduler'], async (c) => {
    const { sql, now } = c.get('deps');
    const s = await findSwap(sql, idParam(c));
    if (!s) throw new HTTPException(404);
    if (!(await setSwapStatus(sql, s.id, ['pending', 'accepted'], 'rejected', { userId: c.get('user')!.id, at: now() }))) return swapsPage(c, { problem: c.get('t')('weekly.swap.notReady') }, 409);
    await audit(sql, { ...actor(c), action: 'swap.reject', target: `roster:${s.month}`, detail: { swap: s.id } });
    return c.redirect('/rosters/swaps?notice=rejected', 303);
  });

  registerSwapRequestRoutes(r);
}

/**
 * Demo data: one pending swap between two agents of the current month's published roster (when it exists): the first
 * agent of team 95598-A with a shift in the coming days and a colleague of the same team off that day.
 */
export const weeklySeedSteps: SeedStep[] = [
  {
    id: 'weekly-demo-swap',
    run: async (sql) => {
      const timeZone = loadConfig().timeZone;
      const t0 = localDateOf(new Date(), { timeZone });
      const month = t0.slice(0, 7);
      const [exists] = await sql`SELECT 1 FROM shift_swaps LIMIT 1`;
      if (exists) return;
      const p = await loadPublished(sql, month);
      if (!p) return;
      const days = daysOfMonth(month);
      const team = p.mm.model.agents.filter((a) => a.team === '95598-A');
      for (let d = days.indexOf(t0) + 2; d >= 2 && d < days.length; d++) {
        const a = team.find((x) => p.baseline[x.id]![d]!.shift && !p.locked.has(`${x.id}|${days[d]}`));
        if (!a) continue;
        const cell = p.baseline[a.id]![d]!;
        for (const b of team) {
          if (b.id === a.id || p.baseline[b.id]![d]!.shift || !cell.project || !(cell.project in b.skills)) continue;
          const changes = swapCells(p, a.id, days[d]!, b.id, days[d]!);
          const check = checkSwap(p, changes);
          if (check.hard.length) continue;
          const ids = new Map(p.mm.agents.map((x) => [x.code, x.id]));
          await insertSwap(sql, { rosterId: p.roster.id, requesterId: ids.get(a.id)!, requesterDate: days[d]!, colleagueId: ids.get(b.id)!, colleagueDate: days[d]!, note: '家中有事，想和同事换一天班', check, userId: null, at: new Date() });
          return;
        }
      }
    },
  },
];
