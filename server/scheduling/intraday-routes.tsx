// Daily fine-tuning (日微调): today's floor per project (forecast vs actual, required vs present, service level),
// actuals in by upload and API, ranked suggestions applied (audited, version-checked), undo, no-shows.
import type { SecureRouter } from '../http/access.ts';
import { type Ctx, viewContext } from '../http/env.ts';
import { render } from '../http/render.tsx';
import type { Sql } from '../db/index.ts';
import { audit } from '../queries/audit.ts';
import type { SeedStep } from '../demo/seed.ts';
import { isLocalDate, localDateOf } from '../../scheduling/time.ts';
import { dayStatus, serviceLevelWith, type IntervalStatus } from '../../scheduling/intraday/status.ts';
import { suggestAdjustments, type Suggestion } from '../../scheduling/intraday/suggest.ts';
import { applySuggestion } from '../../scheduling/intraday/apply.ts';
import { clockLabel } from '../../scheduling/intraday/reforecast.ts';
import { contributionsOf } from '../../scheduling/incentives/contributions.ts';
import type { Contribution } from '../../scheduling/incentives/ledger.ts';
import type { DayState } from '../../scheduling/intraday/types.ts';
import { IntradayBoard, IntradayPage, type IntradayView, type SuggestionView } from '../../views/scheduling/intraday-pages.tsx';
import { hashOf, loadIntradayDay, INTERVAL_MINUTES, type IntradayDay } from './intraday-state.ts';
import { creditContributions, reverseCredits } from './incentive-store.ts';
import { parseActualsCsv, parseActualsJson, projectCodes, stormCsv, storeActuals, type ActualError } from './intraday-actuals.ts';

/** Demo data of this part: none — the day's state is built from the published roster and the forecast. */
export const intradaySeedSteps: SeedStep[] = [];

/** Credits emergency contributions to the points ledger inside the apply transaction. */
export type CreditContributions = (tx: Sql, contributions: Contribution[], meta: { date: string; userId: number; reference: string }) => Promise<void>;

/** Takes back, inside the undo transaction, the points an undone change earned. */
export type ReverseCredits = (tx: Sql, reference: string, meta: { date: string; userId: number }) => Promise<void>;

/** Options of the routes: the ledger hooks (left out: contributions are neither credited nor reversed). */
export interface IntradayOptions {
  credit?: CreditContributions;
  reverse?: ReverseCredits;
}

/** The ledger reference of one applied change of a day. */
const changeReference = (date: string, seq: number) => `intraday:${date}:${seq}`;

function actor(c: Ctx) {
  const u = c.get('user')!;
  return { actorId: u.id, actorName: u.username, requestId: c.get('requestId'), at: c.get('deps').now() };
}

function todayOf(c: Ctx): string {
  const { now, config } = c.get('deps');
  return localDateOf(now(), { timeZone: config.timeZone });
}

async function formOf(c: Ctx): Promise<Record<string, string | string[] | File>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string | string[] | File> = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string') out[k] = v.trim();
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
    else if (v instanceof File) out[k] = v;
  }
  return out;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Call-weighted predicted service level of a project over some rows. */
function weighted(rows: readonly IntervalStatus[], pick: (r: IntervalStatus) => number): number | null {
  let calls = 0;
  let answered = 0;
  for (const r of rows) {
    calls += r.expectedCalls;
    answered += r.expectedCalls * pick(r);
  }
  return calls > 0 ? answered / calls : null;
}

/** A short fingerprint of what a suggestion changes, so an apply acts on exactly what the page showed. */
export function fingerprintOf(s: Pick<Suggestion, 'changes'>): string {
  return hashOf(JSON.stringify(s.changes)).toString(36);
}

function suggestionView(s: Suggestion, names: Map<string, string>): SuggestionView {
  return {
    id: s.id,
    fingerprint: fingerprintOf(s),
    rank: s.rank,
    kind: s.kind,
    project: s.project,
    sourceProject: s.sourceProject,
    tier: s.tier,
    agents: s.agentIds.map((id) => ({ code: id, name: names.get(id) ?? id })),
    from: clockLabel(s.intervals[0]! * INTERVAL_MINUTES),
    to: clockLabel((s.intervals[s.intervals.length - 1]! + 1) * INTERVAL_MINUTES),
    before: s.effect.serviceLevelBefore,
    after: s.effect.serviceLevelAfter,
    agentsAdded: s.effect.agentsAdded,
    cost: s.cost,
  };
}

/** The suggestions of a day (memoised per version and clock minute: polling and apply ask for the same ones). */
const planCache = new Map<string, ReturnType<typeof suggestAdjustments>>();
function planOf(day: IntradayDay): ReturnType<typeof suggestAdjustments> {
  const key = `${day.date}|${day.version}|${day.state.nowMinute}|${day.changes.length}`;
  let plan = planCache.get(key);
  if (!plan) {
    plan = suggestAdjustments(day.state);
    if (planCache.size > 50) planCache.clear();
    planCache.set(key, plan);
  }
  return plan;
}

interface Extra {
  notice?: string;
  problem?: string;
  uploadErrors?: ActualError[];
}

function predictedRest(state: DayState, project: string): number | null {
  return weighted(dayStatus(state, [project])[project]!.filter((r) => !r.elapsed), (r) => r.predictedServiceLevel);
}

async function boardView(c: Ctx, date: string, projectCode: string, extra: Extra = {}): Promise<IntradayView> {
  const { sql, now, config } = c.get('deps');
  const day = await loadIntradayDay(sql, date, now(), config.timeZone);
  const project = day.projects.find((p) => p.code === projectCode) ?? day.projects.find((p) => p.code === '95598') ?? day.projects[0]!;
  const status = dayStatus(day.state, [project.code])[project.code]!;
  const plan = planOf(day);
  const mine = plan.suggestions.filter((s) => s.project === project.code);
  const elapsed = status.filter((r) => r.elapsed);
  const target = day.state.projects.find((p) => p.project === project.code)!;
  const allApplied = mine.filter((s) => s.effect.agentsAdded > 0).reduce(applySuggestion, day.state);
  const re = day.reforecast[project.code]!;
  const onShift = day.state.assignments
    .filter((a) => !a.absent && a.project === project.code && a.endMinute > day.state.nowMinute && a.origin === 'roster')
    .map((a) => ({ code: a.agentId, name: day.names.get(a.agentId) ?? a.agentId, from: clockLabel(((a.startMinute % 1440) + 1440) % 1440), to: clockLabel(a.endMinute > 1440 ? a.endMinute - 1440 : a.endMinute) }));
  const live = day.changes.filter((x) => !x.undone);
  const locale = c.get('locale');
  return {
    date,
    today: date === todayOf(c),
    version: day.version,
    project: project.code,
    projectName: locale === 'en' ? project.nameEn : project.name,
    projects: day.projects.map((p) => ({ code: p.code, name: locale === 'en' ? p.nameEn : p.name })),
    target: { serviceLevel: target.serviceLevel, seconds: target.targetSeconds },
    nowLabel: clockLabel(day.state.nowMinute),
    actualsUntil: day.actualsUntilMinute > 0 ? clockLabel(day.actualsUntilMinute) : null,
    reforecast: re.observedRatio === null ? null : { from: clockLabel(re.window.fromInterval * INTERVAL_MINUTES), to: clockLabel(re.window.toInterval * INTERVAL_MINUTES), ratio: re.observedRatio, factor: re.factor },
    rows: status.map((r) => ({ ...r, originalForecast: day.forecast[project.code]![r.interval] ?? 0 })),
    slSoFar: weighted(elapsed, (r) => r.actualServiceLevel ?? serviceLevelWith(target, r.expectedCalls, r.presentAgents, INTERVAL_MINUTES)),
    slRest: predictedRest(day.state, project.code),
    slRestAllApplied: mine.some((s) => s.effect.agentsAdded > 0) ? predictedRest(allApplied, project.code) : null,
    slRestPublished: live.length ? predictedRest(day.published, project.code) : null,
    missing: status.filter((r) => !r.elapsed && !r.meetsTarget).length,
    remaining: status.filter((r) => !r.elapsed).length,
    suggestions: mine.slice(0, 12).map((s) => suggestionView(s, day.names)),
    otherSuggestions: day.projects
      .filter((p) => p.code !== project.code)
      .map((p) => ({ code: p.code, count: plan.suggestions.filter((s) => s.project === p.code).length }))
      .filter((x) => x.count > 0),
    changes: day.changes.map((x) => ({ seq: x.seq, kind: x.kind, project: x.project, label: x.label, by: x.appliedByName, at: x.appliedAt, undone: x.undone, skipped: day.skipped.includes(x.seq), agents: x.kind === 'noShow' ? x.noShows.length : new Set(x.changes.map((ch) => ch.agentId)).size })),
    canUndo: live.length > 0,
    onShift,
    absent: day.state.assignments.filter((a) => a.absent && a.project === project.code).map((a) => ({ code: a.agentId, name: day.names.get(a.agentId) ?? a.agentId })),
    uploadErrors: extra.uploadErrors ?? [],
    notice: extra.notice,
    problem: extra.problem,
    timeZone: config.timeZone,
  };
}

function params(c: Ctx, form?: Record<string, unknown>): { date: string; project: string } {
  const d = str(form?.date) || c.req.query('date') || '';
  return { date: isLocalDate(d) ? d : todayOf(c), project: str(form?.project) || c.req.query('project') || '95598' };
}

async function answer(c: Ctx, date: string, project: string, extra: Extra = {}, status: 200 | 409 | 422 = 200) {
  const v = await boardView(c, date, project, extra);
  const ctx = viewContext(c);
  return render(c, { title: c.get('t')('intraday.title'), body: <IntradayPage ctx={ctx} v={v} />, fragment: <IntradayBoard ctx={ctx} v={v} />, status, wide: true });
}

/** After a POST: the board (htmx) or a redirect to the page (plain form). */
async function after(c: Ctx, date: string, project: string, notice: string) {
  if (c.req.header('hx-request') === 'true' && c.req.header('hx-boosted') !== 'true') return answer(c, date, project, { notice: c.get('t')(notice) });
  return c.redirect(`/rosters/intraday?project=${encodeURIComponent(project)}&date=${date}&notice=${notice.split('.').pop()}`, 303);
}

/** Moves a day's version on from `expected`; false when someone else changed the day first. */
async function bump(tx: Sql, date: string, expected: number): Promise<boolean> {
  await tx`INSERT INTO intraday_days (date, version) VALUES (${date}::date, 0) ON CONFLICT (date) DO NOTHING`;
  const rows = await tx`UPDATE intraday_days SET version = version + 1 WHERE date = ${date}::date AND version = ${expected} RETURNING version`;
  return rows.length === 1;
}

class Stale extends Error {}
class CreditFailed extends Error {}

/** The routes as the feature list registers them. */
export function registerIntradayRoutes(r: SecureRouter): void {
  registerIntradayRoutesWith(r, {
    credit: async (tx, contributions, meta) => {
      await creditContributions(tx, contributions, meta);
    },
    reverse: async (tx, reference, meta) => {
      await reverseCredits(tx, reference, meta);
    },
  });
}

/** The routes with an explicit ledger hook. */
export function registerIntradayRoutesWith(r: SecureRouter, options: IntradayOptions): void {
  r.get('/rosters/intraday', ['scheduler'], async (c) => {
    const { date, project } = params(c);
    const notices: Record<string, string> = { applied: 'intraday.applied', undone: 'intraday.undone', noShowsSaved: 'intraday.noShowsSaved', uploaded: 'intraday.uploaded' };
    const n = notices[c.req.query('notice') ?? ''];
    return answer(c, date, project, { notice: n ? c.get('t')(n) : undefined });
  });

  r.get('/rosters/intraday/storm.csv', ['scheduler'], async (c) => {
    const { date } = params(c);
    const { sql, now, config } = c.get('deps');
    const day = await loadIntradayDay(sql, date, now(), config.timeZone);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="storm-actuals-${date}.csv"`);
    c.header('Cache-Control', 'no-store');
    return c.body(stormCsv(day, config.timeZone));
  });

  r.post('/rosters/intraday/apply', ['scheduler'], async (c) => {
    const form = await formOf(c);
    const { date, project } = params(c, form);
    const { sql, now, config } = c.get('deps');
    const t = c.get('t');
    const day = await loadIntradayDay(sql, date, now(), config.timeZone);
    const version = Number(str(form.version));
    if (version !== day.version) return answer(c, date, project, { problem: t('intraday.stale') }, 409);
    // The same state can still suggest differently once the clock moves on: apply only what the page showed.
    const suggestion = planOf(day).suggestions.find((s) => s.id === str(form.suggestion) && fingerprintOf(s) === str(form.fingerprint));
    if (!suggestion) return answer(c, date, project, { problem: t('intraday.stale') }, 409);
    const u = c.get('user')!;
    const contributions = contributionsOf(day.state, suggestion);
    try {
      await sql.begin(async (tx) => {
        const s = tx as unknown as Sql;
        if (!(await bump(s, date, version))) throw new Stale();
        const [{ seq }] = await s<{ seq: number }[]>`SELECT coalesce(max(seq), 0) + 1 AS seq FROM intraday_changes WHERE date = ${date}::date`;
        await s`INSERT INTO intraday_changes (date, seq, kind, project_code, label, changes, effect, cost, applied_by, applied_by_name, applied_at)
                VALUES (${date}::date, ${seq}, ${suggestion.kind}, ${suggestion.project}, ${suggestion.reason}, ${s.json(suggestion.changes as never)},
                        ${s.json(suggestion.effect as never)}, ${suggestion.cost}, ${u.id}, ${u.username}, ${now()})`;
        if (contributions.length && options.credit) {
          // The ledger prices contributions from its configurable catalogue; one it cannot price stops the apply. Lines carry
          // the change's own reference, so undoing the change finds and reverses exactly them.
          await options.credit(s, contributions.map(({ reference: _, ...c }) => c), { date, userId: u.id, reference: changeReference(date, seq) }).catch((err: unknown) => {
            throw err instanceof RangeError ? new CreditFailed(err.message) : err;
          });
        }
        await audit(s, { ...actor(c), action: 'intraday.apply', target: `intraday:${date}`, detail: { seq, suggestion: suggestion.id, kind: suggestion.kind, project: suggestion.project, agents: suggestion.agentIds, changes: suggestion.changes.length, serviceLevel: [suggestion.effect.serviceLevelBefore, suggestion.effect.serviceLevelAfter], contributions: contributions.length } });
      });
    } catch (err) {
      if (err instanceof Stale) return answer(c, date, project, { problem: t('intraday.stale') }, 409);
      if (err instanceof CreditFailed) return answer(c, date, project, { problem: t('intraday.creditFailed', { error: err.message }) }, 422);
      throw err;
    }
    return after(c, date, project, 'intraday.applied');
  });

  r.post('/rosters/intraday/undo', ['scheduler'], async (c) => {
    const form = await formOf(c);
    const { date, project } = params(c, form);
    const { sql, now } = c.get('deps');
    const t = c.get('t');
    const version = Number(str(form.version));
    if (!Number.isInteger(version) || version < 0) return answer(c, date, project, { problem: t('intraday.stale') }, 409);
    try {
      await sql.begin(async (tx) => {
        const s = tx as unknown as Sql;
        if (!(await bump(s, date, version))) throw new Stale();
        const [last] = await s<{ seq: number; kind: string }[]>`SELECT seq, kind FROM intraday_changes WHERE date = ${date}::date AND undone_at IS NULL ORDER BY seq DESC LIMIT 1`;
        if (!last) throw new Stale();
        await s`UPDATE intraday_changes SET undone_at = ${now()}, undone_by = ${c.get('user')!.id} WHERE date = ${date}::date AND seq = ${last.seq}`;
        // Points the change earned are taken back with it (the ledger keeps both lines).
        await options.reverse?.(s, changeReference(date, last.seq), { date, userId: c.get('user')!.id });
        await audit(s, { ...actor(c), action: 'intraday.undo', target: `intraday:${date}`, detail: { seq: last.seq, kind: last.kind } });
      });
    } catch (err) {
      if (err instanceof Stale) return answer(c, date, project, { problem: t('intraday.stale') }, 409);
      throw err;
    }
    return after(c, date, project, 'intraday.undone');
  });

  r.post('/rosters/intraday/no-shows', ['scheduler'], async (c) => {
    const form = await formOf(c);
    const { date, project } = params(c, form);
    const { sql, now, config } = c.get('deps');
    const t = c.get('t');
    const picked = [...new Set((Array.isArray(form.agent) ? form.agent : typeof form.agent === 'string' && form.agent ? [form.agent] : []) as string[])];
    const day = await loadIntradayDay(sql, date, now(), config.timeZone);
    const version = Number(str(form.version));
    if (version !== day.version) return answer(c, date, project, { problem: t('intraday.stale') }, 409);
    const known = new Set(day.state.assignments.filter((a) => !a.absent).map((a) => a.agentId));
    if (!picked.length || picked.some((id) => !known.has(id))) return answer(c, date, project, { problem: t('intraday.noShowsPick') }, 422);
    const u = c.get('user')!;
    try {
      await sql.begin(async (tx) => {
        const s = tx as unknown as Sql;
        if (!(await bump(s, date, version))) throw new Stale();
        const [{ seq }] = await s<{ seq: number }[]>`SELECT coalesce(max(seq), 0) + 1 AS seq FROM intraday_changes WHERE date = ${date}::date`;
        await s`INSERT INTO intraday_changes (date, seq, kind, project_code, label, no_shows, applied_by, applied_by_name, applied_at)
                VALUES (${date}::date, ${seq}, 'noShow', ${project}, ${`No-shows: ${picked.join(', ')}`}, ${s.array(picked)}, ${u.id}, ${u.username}, ${now()})`;
        await audit(s, { ...actor(c), action: 'intraday.noShows', target: `intraday:${date}`, detail: { seq, agents: picked } });
      });
    } catch (err) {
      if (err instanceof Stale) return answer(c, date, project, { problem: t('intraday.stale') }, 409);
      throw err;
    }
    return after(c, date, project, 'intraday.noShowsSaved');
  });

  r.post('/rosters/intraday/actuals', ['scheduler'], async (c) => {
    const form = await formOf(c);
    const { date, project } = params(c, form);
    const { sql, config } = c.get('deps');
    const t = c.get('t');
    const file = form.file instanceof File ? form.file : null;
    const text = file && file.size > 0 ? await file.text() : str(form.csv);
    if (!text.trim()) return answer(c, date, project, { problem: t('intraday.upload.empty') }, 422);
    const parsed = parseActualsCsv(text, await projectCodes(sql));
    if (!parsed.ok) return answer(c, date, project, { problem: t('intraday.upload.invalid', { n: String(parsed.errors.length) }), uploadErrors: parsed.errors }, 422);
    const stored = await storeActuals(sql, parsed.rows, config.timeZone, c.get('deps').now());
    await audit(sql, { ...actor(c), action: 'intraday.actuals', target: `intraday:${stored.dates.join(',')}`, detail: { via: 'upload', imported: stored.imported, byProject: stored.byProject } });
    return after(c, date, project, 'intraday.uploaded');
  });

  /**
   * `POST /api/v1/intervals` — today's actuals from the telephony system: JSON `{ intervals: [{ project, intervalStart,
   * callsOffered, callsHandled, ahtSeconds, serviceLevel? }] }` or text/csv; `{ imported, byProject, dates }`, or 422
   * `{ error: 'invalid', errors: [{ index | line, message }] }` and nothing stored.
   */
  r.post('/api/v1/intervals', ['scheduler'], async (c) => {
    const { sql, config, now } = c.get('deps');
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    const projects = await projectCodes(sql);
    let parsed;
    if (type.startsWith('application/json')) {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return c.json({ error: 'invalid', errors: [{ index: 0, message: 'the body is not valid JSON' }] }, 422);
      }
      parsed = parseActualsJson(body, projects);
    } else if (type.startsWith('text/csv')) parsed = parseActualsCsv(await c.req.text(), projects);
    else return c.json({ error: 'unsupported_media_type', message: 'send application/json or text/csv' }, 415);
    if (!parsed.ok) return c.json({ error: 'invalid', errors: parsed.errors }, 422);
    const stored = await storeActuals(sql, parsed.rows, config.timeZone, now());
    const u = c.get('user')!;
    await audit(sql, { at: now(), actorId: u.id, actorName: u.username, action: 'intraday.actuals', target: `intraday:${stored.dates.join(',')}`, detail: { via: 'api', imported: stored.imported, byProject: stored.byProject }, requestId: c.get('requestId') });
    return c.json(stored);
  });
}
