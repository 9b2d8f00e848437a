// Quality reports (/quality/reports): agent trend, item failure rates, project comparison, reviewer
// workload and disagreement, error categories — within one scorecard version — as SVG charts, CSV and XLSX.
import type { SecureRouter } from '../http/access.ts';
import { type Ctx, viewContext } from '../http/env.ts';
import { render } from '../http/render.tsx';
import { xlsxResponse } from '../http/xlsx.ts';
import type { Sql } from '../db/index.ts';
import type { Translate } from '../../views/i18n.ts';
import { inspectorDeviations, itemFailureRates, outcomesOf, type CalibrationScore } from '../../knowledge/quality/report.ts';
import { categoryRanking, passes, rateRows, reviewerDisagreement, scorePairs, weeksBetween, type CategoryRow, type Disagreement, type RateRow, type ReportEvaluation, type ReviewEvaluation } from '../../knowledge/quality/reports.ts';
import { scoreEvaluation, type Answers, type EvaluationScore } from '../../knowledge/quality/scorecard.ts';
import { ReportsPage, type ReportView } from '../../views/quality/reports.tsx';
import { PASS_PERCENT } from './constants.ts';
import { csvField } from './loop.tsx';
import * as q from './queries.ts';

export interface ReportFilters {
  projectId: number | null;
  from: string;
  to: string;
  versionId: number | null;
  agentId: number | null;
}

interface EvalRow {
  id: number;
  sample_id: number;
  evaluator_id: number;
  evaluator_name: string;
  status: string;
  supersedes: number | null;
  score: number;
  result: EvaluationScore | null;
  answers: Answers;
  error_categories: Record<string, string>;
  strategy: ReviewEvaluation['strategy'];
  agent_id: number;
  agent_name: string;
  project: string;
  week: string;
}

export interface ReportData {
  filters: ReportFilters;
  versions: { id: number; label: string; evaluations: number }[];
  projects: { id: number; code: string }[];
  agents: { id: number; name: string }[];
  weeks: (RateRow | { key: string; checked: 0 })[];
  agentRows: (RateRow & { agentId: number })[];
  projectRows: RateRow[];
  items: { itemId: string; label: string; failures: number; checked: number; rate: number; low: number; high: number }[];
  categories: (CategoryRow & { label: string })[];
  reviewers: { id: number; name: string; done: number; open: number; meanGiven: number | null; disagreement: Disagreement | null; calibration: { calls: number; meanAbs: number | null; meanSigned: number | null } | null }[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string | undefined): s is string => !!s && DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

function localDate(at: Date, timeZone: string, addDays = 0): string {
  const d = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  const x = new Date(`${d}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() + addDays);
  return x.toISOString().slice(0, 10);
}

/** Filters from the query string; the period defaults to the last eight weeks up to yesterday. */
export function reportFilters(query: Record<string, string>, now: Date, timeZone: string): ReportFilters {
  const id = (s: string | undefined) => (s && /^\d{1,9}$/.test(s) ? Number(s) : null);
  let from = validDate(query.from) ? query.from : localDate(now, timeZone, -56);
  let to = validDate(query.to) ? query.to : localDate(now, timeZone, -1);
  if (to < from) [from, to] = [to, from];
  return { projectId: id(query.project), from, to, versionId: id(query.version), agentId: id(query.agent) };
}

/** Everything the report page and the exports show, for these filters. */
export async function buildReport(sql: Sql, filters: ReportFilters, timeZone: string): Promise<ReportData & { version: q.ScorecardVersionRow | undefined }> {
  const versions = await sql<{ id: number; label: string; evaluations: number }[]>`
    SELECT v.id, s.name || ' v' || v.version AS label,
      (SELECT count(*)::int FROM evaluations e WHERE e.scorecard_version_id = v.id AND e.sample_id IS NOT NULL AND e.status IN ('submitted', 'released')) AS evaluations
    FROM scorecard_versions v JOIN scorecards s ON s.id = v.scorecard_id ORDER BY s.id, v.version DESC`;
  const best = [...versions].sort((a, b) => b.evaluations - a.evaluations || b.id - a.id)[0];
  const versionId = versions.some((v) => v.id === filters.versionId) ? filters.versionId! : best?.id ?? null;
  const f = { ...filters, versionId };
  const version = versionId !== null ? await q.scorecardVersion(sql, versionId) : undefined;
  const projects = (await q.listProjects(sql)).map((p) => ({ id: p.id, code: p.code }));
  const rows = versionId === null ? [] : await sql<EvalRow[]>`
    SELECT e.id, e.sample_id, e.evaluator_id, ev.display_name AS evaluator_name, e.status, e.supersedes, e.score, e.result, e.answers, e.error_categories, pl.strategy,
      c.agent_id, a.display_name AS agent_name, p.code AS project,
      to_char(date_trunc('week', c.started_at AT TIME ZONE ${timeZone})::date, 'YYYY-MM-DD') AS week
    FROM evaluations e JOIN samples s ON s.id = e.sample_id JOIN plans pl ON pl.id = s.plan_id JOIN calls c ON c.id = e.call_id
      JOIN users a ON a.id = c.agent_id JOIN users ev ON ev.id = e.evaluator_id JOIN projects p ON p.id = c.project_id
    WHERE e.scorecard_version_id = ${versionId} AND e.status <> 'draft' AND e.score IS NOT NULL
      AND (c.started_at AT TIME ZONE ${timeZone})::date BETWEEN ${f.from}::date AND ${f.to}::date
      AND (${f.projectId}::int IS NULL OR c.project_id = ${f.projectId}::int)
    ORDER BY e.id`;
  const current = rows.filter((r) => r.status === 'submitted' || r.status === 'released');
  const asReport = (r: EvalRow): ReportEvaluation => ({ agent: String(r.agent_id), project: r.project, week: r.week, score: r.score, passed: passes(r.score, r.result?.failedAll ?? false, PASS_PERCENT) });
  const forTrend = current.filter((r) => f.agentId === null || r.agent_id === f.agentId);
  const byWeek = new Map(rateRows(forTrend.map(asReport), (e) => e.week).map((w) => [w.key, w]));
  const weeks = weeksBetween(f.from, f.to).map((w) => byWeek.get(w) ?? { key: w, checked: 0 as const });
  const agentNames = new Map(current.map((r) => [String(r.agent_id), r.agent_name]));
  const agentRows = rateRows(current.map(asReport), (e) => e.agent)
    .map((r) => ({ ...r, agentId: Number(r.key), key: agentNames.get(r.key) ?? r.key }))
    .sort((a, b) => a.low - b.low || a.key.localeCompare(b.key));
  const projectRows = rateRows(current.map(asReport), (e) => e.project);
  const labels = new Map((version?.body.sections ?? []).flatMap((s) => s.items.map((i) => [i.id, i.label] as const)));
  const items = itemFailureRates(current.flatMap((r) => (r.result ? outcomesOf('all', r.result) : [])))
    .map((x) => ({ itemId: x.itemId, label: labels.get(x.itemId) ?? x.itemId, failures: x.failures, checked: x.checked, rate: x.rate, low: x.low, high: x.high }));
  const categoryNames = new Map((await sql<{ code: string; name: string }[]>`SELECT code, name FROM error_categories`).map((c) => [c.code, c.name]));
  const failedCategories = current.flatMap((r) => (r.result ? r.result.sections.flatMap((s) => s.items.filter((i) => i.missed).map((i) => r.error_categories?.[i.itemId] ?? null)) : []));
  const categories = failedCategories.length ? categoryRanking(failedCategories, '').map((c) => ({ ...c, label: c.category ? categoryNames.get(c.category) ?? c.category : '' })) : [];

  // reviewers: work done in scope, open work, disagreement between paired scores, calibration deviation
  const pairs = scorePairs(rows.map((r) => ({ id: r.id, sampleId: r.sample_id, evaluatorId: String(r.evaluator_id), strategy: r.strategy, supersedes: r.supersedes, score: r.score, answers: r.answers })));
  const disagreement = new Map(reviewerDisagreement(pairs).map((d) => [d.reviewerId, d]));
  const open = versionId === null ? [] : await sql<{ assigned_to: number; name: string; n: number }[]>`
    SELECT s.assigned_to, u.display_name AS name, count(*)::int AS n FROM samples s JOIN plans pl ON pl.id = s.plan_id JOIN calls c ON c.id = s.call_id JOIN users u ON u.id = s.assigned_to
    WHERE s.status IN ('assigned', 'draft') AND pl.scorecard_id = ${version!.scorecard_id}
      AND (c.started_at AT TIME ZONE ${timeZone})::date BETWEEN ${f.from}::date AND ${f.to}::date
      AND (${f.projectId}::int IS NULL OR c.project_id = ${f.projectId}::int)
    GROUP BY s.assigned_to, u.display_name`;
  const calibration = versionId === null ? [] : await sql<{ session_id: number; evaluator_id: number; name: string; call_id: string; score: number; answers: Answers }[]>`
    SELECT e.calibration_session_id AS session_id, e.evaluator_id, u.display_name AS name, e.call_id, e.score, e.answers
    FROM evaluations e JOIN calibration_sessions cs ON cs.id = e.calibration_session_id JOIN users u ON u.id = e.evaluator_id
    WHERE cs.scorecard_version_id = ${versionId} AND e.status = 'submitted'
      AND (cs.created_at AT TIME ZONE ${timeZone})::date BETWEEN ${f.from}::date AND ${f.to}::date`;
  const refs = versionId === null ? [] : await sql<{ session_id: number; call_id: string; answers: Answers }[]>`
    SELECT r.session_id, r.call_id, r.answers FROM calibration_reference r JOIN calibration_sessions cs ON cs.id = r.session_id
    WHERE cs.scorecard_version_id = ${versionId} AND (cs.created_at AT TIME ZONE ${timeZone})::date BETWEEN ${f.from}::date AND ${f.to}::date`;
  const calScores: CalibrationScore[] = calibration.map((s) => ({ inspectorId: String(s.evaluator_id), callId: `${s.session_id}|${s.call_id}`, percent: s.score, answers: s.answers }));
  const deviations = new Map(
    inspectorDeviations(calScores, refs.map((r) => ({ callId: `${r.session_id}|${r.call_id}`, percent: scoreEvaluation(version!.body, r.answers).percent, answers: r.answers }))).map((d) => [d.inspectorId, d]),
  );
  const names = new Map<number, string>();
  for (const r of rows) names.set(r.evaluator_id, r.evaluator_name);
  for (const o of open) names.set(o.assigned_to, o.name);
  for (const s of calibration) names.set(s.evaluator_id, s.name);
  const reviewers = [...names.entries()]
    .map(([id, name]) => {
      const mine = rows.filter((r) => r.evaluator_id === id);
      const dev = deviations.get(String(id));
      return {
        id,
        name,
        done: mine.length,
        open: open.find((o) => o.assigned_to === id)?.n ?? 0,
        meanGiven: mine.length ? mine.reduce((s, r) => s + r.score, 0) / mine.length : null,
        disagreement: disagreement.get(String(id)) ?? null,
        calibration: dev ? { calls: dev.calls, meanAbs: dev.meanAbsoluteDeviation, meanSigned: dev.meanSignedDeviation } : null,
      };
    })
    .sort((a, b) => b.done - a.done || a.name.localeCompare(b.name));
  const agents = [...agentNames.entries()].map(([id, name]) => ({ id: Number(id), name })).sort((a, b) => a.name.localeCompare(b.name));
  return { filters: f, version, versions, projects, agents, weeks, agentRows, projectRows, items, categories, reviewers };
}

/** A report table for export: a sheet name, a header and rows of plain values. */
export interface ReportTable {
  name: string;
  header: string[];
  rows: (string | number | null)[][];
}

const r4 = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 10_000) / 10_000);

/** The report as tables (the same numbers the page shows, unrounded to 4 decimals). */
export function reportTables(d: ReportData, t: Translate): ReportTable[] {
  const rate = (r: RateRow) => [r.checked, r4(r.meanScore), r.passed, r4(r.passRate), r4(r.low), r4(r.high)];
  const rateHead = [t('quality.report.col.checked'), t('quality.report.col.meanScore'), t('quality.report.col.passed'), t('quality.report.col.passRate'), t('quality.report.col.low'), t('quality.report.col.high')];
  return [
    { name: t('quality.report.sheet.weeks'), header: [t('quality.report.col.week'), ...rateHead], rows: d.weeks.map((w) => ('meanScore' in w ? [w.key, ...rate(w)] : [w.key, 0, null, 0, null, null, null])) },
    { name: t('quality.report.sheet.agents'), header: [t('quality.call.agent'), ...rateHead], rows: d.agentRows.map((a) => [a.key, ...rate(a)]) },
    { name: t('quality.report.sheet.projects'), header: [t('quality.call.project'), ...rateHead], rows: d.projectRows.map((p) => [p.key, ...rate(p)]) },
    {
      name: t('quality.report.sheet.items'),
      header: [t('quality.report.col.itemId'), t('quality.item'), t('quality.report.col.failures'), t('quality.report.col.checked'), t('quality.report.col.failRate'), t('quality.report.col.low'), t('quality.report.col.high')],
      rows: d.items.map((i) => [i.itemId, i.label, i.failures, i.checked, r4(i.rate), r4(i.low), r4(i.high)]),
    },
    {
      name: t('quality.report.sheet.categories'),
      header: [t('quality.report.col.category'), t('quality.report.col.failures'), t('quality.report.col.share'), t('quality.report.col.low'), t('quality.report.col.high')],
      rows: d.categories.map((c) => [c.label || t('quality.category.none'), c.failures, r4(c.share), r4(c.low), r4(c.high)]),
    },
    {
      name: t('quality.report.sheet.reviewers'),
      header: [
        t('quality.report.col.reviewer'),
        t('quality.report.col.done'),
        t('quality.report.col.open'),
        t('quality.report.col.meanGiven'),
        t('quality.report.col.pairs'),
        t('quality.report.col.meanDiff'),
        t('quality.report.col.itemDisagreement'),
        t('quality.report.col.calCalls'),
        t('quality.report.col.calMeanAbs'),
        t('quality.report.col.calMeanSigned'),
      ],
      rows: d.reviewers.map((r) => [
        r.name,
        r.done,
        r.open,
        r4(r.meanGiven),
        r.disagreement?.pairs ?? 0,
        r4(r.disagreement?.meanAbsDifference),
        r4(r.disagreement?.itemDisagreement),
        r.calibration?.calls ?? 0,
        r4(r.calibration?.meanAbs),
        r4(r.calibration?.meanSigned),
      ]),
    },
  ];
}

function toView(d: ReportData, version: q.ScorecardVersionRow | undefined): ReportView {
  return { ...d, versionLabel: version ? `${version.name} v${version.version}` : null, passPercent: PASS_PERCENT };
}

const TABLE_KEYS = ['weeks', 'agents', 'projects', 'items', 'categories', 'reviewers'] as const;

export function registerReportRoutes(r: SecureRouter): void {
  r.get('/quality/reports', ['inspector'], async (c: Ctx) => {
    const { sql, now, config } = c.get('deps');
    const d = await buildReport(sql, reportFilters(c.req.query(), now(), config.timeZone), config.timeZone);
    return render(c, { title: c.get('t')('quality.report.title'), wide: true, body: <ReportsPage ctx={viewContext(c)} report={toView(d, d.version)} /> });
  });

  /** One table as CSV (`table` = weeks, agents, projects, items, categories or reviewers). */
  r.get('/quality/reports/export.csv', ['inspector'], async (c: Ctx) => {
    const { sql, now, config } = c.get('deps');
    const key = TABLE_KEYS.find((k) => k === c.req.query('table')) ?? 'agents';
    const d = await buildReport(sql, reportFilters(c.req.query(), now(), config.timeZone), config.timeZone);
    const table = reportTables(d, c.get('t'))[TABLE_KEYS.indexOf(key)];
    const lines = [table.header, ...table.rows].map((row) => row.map(csvField).join(','));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="quality-${key}-${d.filters.from}-${d.filters.to}.csv"`);
    c.header('Cache-Control', 'no-store');
    return c.body(`\ufeff${lines.join('\r\n')}\r\n`);
  });

  /** Every table as one workbook, a sheet each. */
  r.get('/quality/reports/export.xlsx', ['inspector'], async (c: Ctx) => {
    const { sql, now, config } = c.get('deps');
    const d = await buildReport(sql, reportFilters(c.req.query(), now(), config.timeZone), config.timeZone);
    const sheets = reportTables(d, c.get('t')).map((tb) => ({ name: tb.name, rows: [tb.header, ...tb.rows], widths: [24, ...tb.header.slice(1).map(() => 12)] }));
    return xlsxResponse(c, `quality-report-${d.filters.from}-${d.filters.to}.xlsx`, sheets);
  });
}
