// The quality reports page: filters, then trend, project comparison, item failure rates, error
// categories and reviewers — each with a server-rendered chart, a table and its CSV link.
import type { ViewContext } from '../context.ts';
import type { CategoryRow, Disagreement, RateRow } from '../../knowledge/quality/reports.ts';
import { BarChart, TrendChart } from './charts.tsx';
import { QualityTabs, percent } from './common.tsx';

export interface ReportView {
  filters: { projectId: number | null; from: string; to: string; versionId: number | null; agentId: number | null };
  versionLabel: string | null;
  passPercent: number;
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

const interval = (low: number, high: number) => `${percent(low * 100)} – ${percent(high * 100)}`;
const pp = (v: number | null | undefined, signed = false) => (v === null || v === undefined ? '—' : `${signed && v > 0 ? '+' : ''}${v.toFixed(1)}`);

function query(f: ReportView['filters'], extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  if (f.projectId !== null) p.set('project', String(f.projectId));
  p.set('from', f.from);
  p.set('to', f.to);
  if (f.versionId !== null) p.set('version', String(f.versionId));
  if (f.agentId !== null) p.set('agent', String(f.agentId));
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p.toString();
}

function Csv({ ctx, f, table }: { ctx: ViewContext; f: ReportView['filters']; table: string }) {
  return (
    <a class="q-export" href={`/quality/reports/export.csv?${query(f, { table })}`} hx-boost="false" download>
      CSV
    </a>
  );
}

function RateTable({ ctx, rows, head, link }: { ctx: ViewContext; rows: RateRow[]; head: string; link?: (r: RateRow) => string }) {
  const { t } = ctx;
  return (
    <table class="grid dense">
      <thead>
        <tr>
          <th>{head}</th>
          <th class="num">{t('quality.report.col.checked')}</th>
          <th class="num">{t('quality.report.col.meanScore')}</th>
          <th class="num">{t('quality.report.col.passRate')}</th>
          <th>{t('quality.pass.interval')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td>{link ? <a href={link(r)}>{r.key}</a> : r.key}</td>
            <td class="num">{r.checked}</td>
            <td class="num">{r.meanScore.toFixed(1)}</td>
            <td class="num">
              {r.passed}/{r.checked} · {percent(r.passRate * 100)}
            </td>
            <td class="nowrap">{interval(r.low, r.high)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReportsPage({ ctx, report: d }: { ctx: ViewContext; report: ReportView }) {
  const { t } = ctx;
  const f = d.filters;
  const checked = d.agentRows.reduce((s, a) => s + a.checked, 0);
  const agentName = f.agentId !== null ? d.agents.find((a) => a.id === f.agentId)?.name : undefined;
  return (
    <section class="panel q-reports">
      <QualityTabs ctx={ctx} active="reports" />
      <h1>{t('quality.report.title')}</h1>
      <p class="lead">{t('quality.report.lead', { pass: d.passPercent })}</p>
      <form method="get" action="/quality/reports" class="row-form q-report-filters">
        <div class="field">
          <label for="r-project">{t('quality.call.project')}</label>
          <select id="r-project" name="project">
            <option value="">{t('quality.report.allProjects')}</option>
            {d.projects.map((p) => (
              <option value={String(p.id)} selected={f.projectId === p.id}>
                {p.code}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="r-from">{t('quality.report.from')}</label>
          <input type="date" id="r-from" name="from" value={f.from} />
        </div>
        <div class="field">
          <label for="r-to">{t('quality.report.to')}</label>
          <input type="date" id="r-to" name="to" value={f.to} />
        </div>
        <div class="field">
          <label for="r-version">{t('quality.report.version')}</label>
          <select id="r-version" name="version">
            {d.versions.map((v) => (
              <option value={String(v.id)} selected={f.versionId === v.id}>
                {t('quality.report.versionOption', { label: v.label, n: v.evaluations })}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="r-agent">{t('quality.report.trendFor')}</label>
          <select id="r-agent" name="agent">
            <option value="">{t('quality.report.allAgents')}</option>
            {d.agents.map((a) => (
              <option value={String(a.id)} selected={f.agentId === a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('quality.report.apply')}</button>
        <a class="button" href={`/quality/reports/export.xlsx?${query(f)}`} hx-boost="false" download>
          {t('quality.report.xlsx')}
        </a>
      </form>
      <p class="hint" data-testid="report-scope">
        {t('quality.report.scope', { version: d.versionLabel ?? '—', n: checked, from: f.from, to: f.to })}
      </p>

      <h2>
        {agentName ? t('quality.report.trendOf', { agent: agentName }) : t('quality.report.trend')} <Csv ctx={ctx} f={f} table="weeks" />
      </h2>
      <TrendChart
        id="chart-trend"
        title={t('quality.report.trend')}
        scoreLabel={t('quality.report.col.meanScore')}
        passLabel={t('quality.report.passWithInterval')}
        checkedLabel={t('quality.report.col.checked')}
        points={d.weeks.map((w) => ('meanScore' in w ? { week: w.key, checked: w.checked, meanScore: w.meanScore, passRate: w.passRate, low: w.low, high: w.high } : { week: w.key, checked: 0, meanScore: null, passRate: null, low: null, high: null }))}
      />

      <div class="q-report-grid">
        <div>
          <h2>
            {t('quality.report.projects')} <Csv ctx={ctx} f={f} table="projects" />
          </h2>
          <BarChart id="chart-projects" title={t('quality.report.projects')} rate narrow tone="pass" rows={d.projectRows.map((p) => ({ label: p.key, value: p.passRate, low: p.low, high: p.high, note: `${p.passed}/${p.checked}` }))} />
          <RateTable ctx={ctx} rows={d.projectRows} head={t('quality.call.project')} />
        </div>
        <div>
          <h2>
            {t('quality.report.categories')} <Csv ctx={ctx} f={f} table="categories" />
          </h2>
          {d.categories.length === 0 ? (
            <p class="empty">{t('quality.report.noFailures')}</p>
          ) : (
            <>
              <BarChart id="chart-categories" title={t('quality.report.categories')} rate narrow tone="fail" rows={d.categories.map((c) => ({ label: c.label || t('quality.category.none'), value: c.share, low: c.low, high: c.high, note: String(c.failures) }))} />
              <table class="grid dense">
                <thead>
                  <tr>
                    <th>{t('quality.report.col.category')}</th>
                    <th class="num">{t('quality.report.col.failures')}</th>
                    <th class="num">{t('quality.report.col.share')}</th>
                    <th>{t('quality.pass.interval')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.categories.map((c) => (
                    <tr>
                      <td>{c.label || t('quality.category.none')}</td>
                      <td class="num">{c.failures}</td>
                      <td class="num">{percent(c.share * 100)}</td>
                      <td class="nowrap">{interval(c.low, c.high)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </div>
      </div>

      <h2>
        {t('quality.report.items')} <Csv ctx={ctx} f={f} table="items" />
      </h2>
      {d.items.length === 0 ? (
        <p class="empty">{t('quality.report.empty')}</p>
      ) : (
        <>
          <BarChart id="chart-items" title={t('quality.report.items')} rate tone="fail" rows={d.items.map((i) => ({ label: i.label, value: i.rate, low: i.low, high: i.high, note: `${i.failures}/${i.checked}` }))} />
          <table class="grid dense" data-testid="report-items">
            <thead>
              <tr>
                <th>{t('quality.item')}</th>
                <th class="num">{t('quality.report.col.failures')}</th>
                <th class="num">{t('quality.report.col.failRate')}</th>
                <th>{t('quality.pass.interval')}</th>
              </tr>
            </thead>
            <tbody>
              {d.items.map((i) => (
                <tr>
                  <td>{i.label}</td>
                  <td class="num">
                    {i.failures}/{i.checked}
                  </td>
                  <td class="num">{percent(i.rate * 100)}</td>
                  <td class="nowrap">{interval(i.low, i.high)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <h2>
        {t('quality.report.agents')} <Csv ctx={ctx} f={f} table="agents" />
      </h2>
      <p class="hint">{t('quality.report.agentsHint')}</p>
      {d.agentRows.length === 0 ? (
        <p class="empty">{t('quality.report.empty')}</p>
      ) : (
        <div class="q-scroll">
          <RateTable ctx={ctx} rows={d.agentRows} head={t('quality.call.agent')} link={(r) => `/quality/reports?${query(f, { agent: String((r as RateRow & { agentId: number }).agentId) })}`} />
        </div>
      )}

      <h2>
        {t('quality.report.reviewers')} <Csv ctx={ctx} f={f} table="reviewers" />
      </h2>
      <p class="hint">{t('quality.report.reviewersHint')}</p>
      {d.reviewers.length === 0 ? (
        <p class="empty">{t('quality.report.empty')}</p>
      ) : (
        <>
          <BarChart id="chart-workload" title={t('quality.report.workload')} rate={false} tone="work" rows={d.reviewers.map((r) => ({ label: r.name, value: r.done, note: t('quality.report.workNote', { done: r.done, open: r.open }) }))} />
          <table class="grid dense" data-testid="report-reviewers">
            <thead>
              <tr>
                <th>{t('quality.report.col.reviewer')}</th>
                <th class="num">{t('quality.report.col.done')}</th>
                <th class="num">{t('quality.report.col.open')}</th>
                <th class="num">{t('quality.report.col.meanGiven')}</th>
                <th class="num">{t('quality.report.col.pairs')}</th>
                <th class="num">{t('quality.report.col.meanDiff')}</th>
                <th class="num">{t('quality.report.col.itemDisagreement')}</th>
                <th class="num">{t('quality.report.col.calMeanAbs')}</th>
                <th class="num">{t('quality.report.col.calMeanSigned')}</th>
              </tr>
            </thead>
            <tbody>
              {d.reviewers.map((r) => (
                <tr>
                  <td>{r.name}</td>
                  <td class="num">{r.done}</td>
                  <td class="num">{r.open}</td>
                  <td class="num">{pp(r.meanGiven)}</td>
                  <td class="num">{r.disagreement?.pairs ?? 0}</td>
                  <td class="num">{pp(r.disagreement?.meanAbsDifference)}</td>
                  <td class="num">{r.disagreement?.itemDisagreement === null || r.disagreement === null ? '—' : percent(r.disagreement.itemDisagreement * 100)}</td>
                  <td class="num">{r.calibration ? `${pp(r.calibration.meanAbs)} (${r.calibration.calls})` : '—'}</td>
                  <td class="num">{pp(r.calibration?.meanSigned, true)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
