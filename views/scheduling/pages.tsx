// Scheduler pages: the rosters overview, history import, forecast and staffing (day and month), and the agent's own schedule.
import type { Child } from 'hono/jsx';
import type { ViewContext } from '../context.ts';
import { Field, Flash, PostForm, Tabs, formatInstant } from '../components.tsx';
import { StaffingChart, hhmm } from './chart.tsx';

/** A project as the pages show it. */
export interface ProjectOption {
  code: string;
  name: string;
  nameEn: string;
  slTarget: number;
  slSeconds: number;
}

/** Staffing parameters a page was computed with; patienceSeconds means Erlang A. */
export interface ViewParams {
  maxOccupancy: number;
  shrinkage: number;
  patienceSeconds?: number;
}

const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;
const int = (x: number) => Math.round(x).toLocaleString('en-US');
const projectName = (ctx: ViewContext, p: ProjectOption) => (ctx.locale === 'en' ? p.nameEn : p.name);

/** The scheduling area's tabs: monthly plan (forecast, roster), weekly adjust, daily tweak, emergency staffing. */
export type SchedulingTab = 'overview' | 'forecast' | 'month' | 'import' | 'weekly' | 'intraday' | 'resources' | 'incentives' | 'peaks' | 'setup';

export function SchedulingTabs({ ctx, active }: { ctx: ViewContext; active: SchedulingTab }) {
  const tabs = [
    ['overview', '/rosters', 'sched.tab.overview'],
    ['forecast', '/rosters/forecast', 'sched.tab.forecast'],
    ['month', '/rosters/forecast/month', 'sched.tab.month'],
    ['weekly', '/rosters/weekly', 'sched.tab.weekly'],
    ['intraday', '/rosters/intraday', 'sched.tab.intraday'],
    ['resources', '/rosters/resources', 'sched.tab.resources'],
    ['incentives', '/rosters/incentives', 'sched.tab.incentives'],
    ['peaks', '/rosters/peaks', 'sched.tab.peaks'],
    ['import', '/rosters/history/import', 'sched.tab.import'],
    ['setup', '/rosters/setup', 'sched.tab.setup'],
  ] as const;
  return <Tabs ctx={ctx} label="nav.rosters" active={active} tabs={tabs} />;
}

/** One project's next-month summary on the overview. */
export interface OverviewItem {
  project: ProjectOption;
  calls: number | null;
  peak: { date: string; interval: number; calls: number; scheduled: number } | null;
  agentHours: number | null;
}

export function RostersHome(props: { ctx: ViewContext; month: string; items: OverviewItem[]; defaults: { maxOccupancy: string; shrinkage: string }; errors: Record<string, string>; notice?: string }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section class="panel">
      <SchedulingTabs ctx={ctx} active="overview" />
      <h1>{t('home.rosters.title')}</h1>
      <p class="lead">{t('sched.home.lead', { month: props.month })}</p>
      <p>
        <a class="button primary" href={`/rosters/${props.month}`} data-testid="roster-link">
          {t('sched.home.roster', { month: props.month })}
        </a>
      </p>
      <table class="grid" data-testid="overview">
        <thead>
          <tr>
            <th>{t('sched.project')}</th>
            <th>{t('sched.slTarget')}</th>
            <th class="num">{t('sched.home.calls')}</th>
            <th>{t('sched.home.peak')}</th>
            <th class="num">{t('sched.home.agentHours')}</th>
            <th>{t('form.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((it) => (
            <tr>
              <td>
                <strong>{it.project.code}</strong> {projectName(ctx, it.project)}
              </td>
              <td>{`${pct(it.project.slTarget, 0)} / ${it.project.slSeconds}s`}</td>
              {it.calls === null ? (
                <td colspan={3} class="muted">
                  {t('sched.noHistory')}
                </td>
              ) : (
                <>
                  <td class="num">{int(it.calls)}</td>
                  <td>{it.peak ? t('sched.home.peakAt', { date: it.peak.date, time: hhmm(it.peak.interval), calls: int(it.peak.calls), agents: it.peak.scheduled }) : ''}</td>
                  <td class="num">{int(it.agentHours ?? 0)}</td>
                </>
              )}
              <td class="actions">
                <a href={`/rosters/forecast/month?project=${encodeURIComponent(it.project.code)}&month=${props.month}`}>{t('sched.tab.month')}</a>
                {it.peak ? (
                  <>
                    {' · '}
                    <a href={`/rosters/forecast?project=${encodeURIComponent(it.project.code)}&date=${it.peak.date}`}>{t('sched.home.peakDay')}</a>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">{t('sched.home.note')}</p>
      <h2>{t('sched.defaults.title')}</h2>
      {props.notice ? <Flash kind="ok">{props.notice}</Flash> : null}
      <PostForm ctx={ctx} action="/rosters/staffing-defaults" class="row-form defaults-form">
        <Field name="maxOccupancy" label={t('sched.maxOccupancy')} value={props.defaults.maxOccupancy} required error={props.errors.maxOccupancy} hint={t('sched.defaults.occupancyHint')} />
        <Field name="shrinkage" label={t('sched.shrinkage')} value={props.defaults.shrinkage} required error={props.errors.shrinkage} hint={t('sched.defaults.shrinkageHint')} />
        <button type="submit">{t('sched.defaults.save')}</button>
      </PostForm>
    </section>
  );
}

/** What the history holds per project. */
export interface HistoryInfo {
  project: ProjectOption;
  intervals: number;
  first: Date | null;
  last: Date | null;
}

export function HistoryImportPage(props: { ctx: ViewContext; summary: HistoryInfo[]; errors?: { line: number; message: string }[]; notice?: string; text?: string }) {
  const { ctx } = props;
  const { t } = ctx;
  const errors = props.errors ?? [];
  const shown = errors.slice(0, 100);
  return (
    <section class="panel">
      <SchedulingTabs ctx={ctx} active="import" />
      <h1>{t('sched.import.title')}</h1>
      <p class="lead">{t('sched.import.lead')}</p>
      {props.notice ? <Flash kind="ok">{props.notice}</Flash> : null}
      {errors.length ? (
        <div class="flash flash-error" role="alert" data-testid="import-errors">
          <p>{t('sched.import.failed', { count: errors.length })}</p>
          <ul class="import-errors">
            {shown.map((e) => (
              <li>{t('sched.import.errorLine', { line: e.line, message: e.message.replace(/^line \d+: /, '') })}</li>
            ))}
          </ul>
          {errors.length > shown.length ? <p>{t('sched.import.more', { count: errors.length - shown.length })}</p> : null}
        </div>
      ) : null}
      <form method="post" action="/rosters/history/import" enctype="multipart/form-data" class="import-form">
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <div class="field">
          <label for="f-file">{t('sched.import.file')}</label>
          <input id="f-file" name="file" type="file" accept=".csv,.jsonl,.ndjson,.txt,text/csv,application/x-ndjson" />
          <p class="hint">{t('sched.import.format')}</p>
        </div>
        <div class="field">
          <label for="f-text">{t('sched.import.text')}</label>
          <textarea id="f-text" name="text" rows={6} placeholder="project,interval_start,calls_offered,calls_handled,aht_seconds">
            {props.text ?? ''}
          </textarea>
        </div>
        <button type="submit" class="primary">
          {t('sched.import.submit')}
        </button>
      </form>
      <h2>{t('sched.import.current')}</h2>
      <table class="grid" data-testid="history-summary">
        <thead>
          <tr>
            <th>{t('sched.project')}</th>
            <th class="num">{t('sched.import.intervals')}</th>
            <th>{t('sched.import.first')}</th>
            <th>{t('sched.import.last')}</th>
          </tr>
        </thead>
        <tbody>
          {props.summary.map((s) => (
            <tr>
              <td>
                <strong>{s.project.code}</strong> {projectName(ctx, s.project)}
              </td>
              <td class="num">{int(s.intervals)}</td>
              <td>{s.first ? formatInstant(s.first, ctx.locale) : '—'}</td>
              <td>{s.last ? formatInstant(s.last, ctx.locale) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">
        {t('sched.import.cli')} <code>npm run cli -- history import FILE</code>
      </p>
    </section>
  );
}

/** One interval row of the staffing table. */
export interface IntervalView {
  interval: number;
  calls: number;
  ahtSeconds: number;
  productive: number;
  scheduled: number;
  serviceLevel: number;
  occupancy: number;
  adjusted?: string;
}

/** A stored adjustment as the page lists it. */
export interface AdjustmentView {
  id: number;
  interval: number | null;
  factor: number | null;
  calls: number | null;
  note: string;
  byName: string;
  at: Date;
  callsBefore: number;
  callsAfter: number;
}

/** What the adjustment form holds (as typed). */
export interface AdjustmentForm {
  scope: string;
  kind: string;
  value: string;
  note: string;
  /** Last date for a period such as a campaign week (empty: the one day). */
  to: string;
}

export interface ForecastDayProps {
  ctx: ViewContext;
  projects: ProjectOption[];
  project: ProjectOption;
  date: string;
  params: ViewParams;
  /** Peak plans overlapping the day (views/scheduling/incentive-pages.tsx PeakNotice). */
  peakNotice?: Child;
  /** null when the project has no history. */
  plan: null | {
    rows: IntervalView[];
    adjustments: AdjustmentView[];
    trend: number;
    window: { from: string; to: string };
    historyTo: string;
    wape: number | null;
    holdout: { from: string; to: string } | null;
    /** Special days on the date, e.g. '国庆节 ×0.8'. */
    special: string[];
  };
  form: AdjustmentForm;
  errors: Record<string, string>;
  notice?: string;
}

function paramQuery(p: { maxOccupancy: number; shrinkage: number }): string {
  return `&occ=${p.maxOccupancy}&shrink=${p.shrinkage}`;
}

function ProjectPicker(props: { ctx: ViewContext; action: string; projects: ProjectOption[]; project: ProjectOption; dateName: 'date' | 'month'; dateValue: string; params: ViewParams }) {
  const { ctx } = props;
  const { t } = ctx;
  // ids differ per page: htmx settles attributes of same-id elements across a boosted swap, which sets an inline style the CSP blocks
  const id = (name: string) => `f-${props.dateName}-${name}`;
  return (
    <form method="get" action={props.action} class="row-form picker" data-testid="picker">
      <div class="field">
        <label for={id('project')}>{t('sched.project')}</label>
        <select id={id('project')} name="project">
          {props.projects.map((p) => (
            <option value={p.code} selected={p.code === props.project.code}>
              {p.code} · {projectName(ctx, p)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={id(props.dateName)}>{props.dateName === 'date' ? t('sched.date') : t('sched.month')}</label>
        <input id={id(props.dateName)} name={props.dateName} type={props.dateName} value={props.dateValue} required />
      </div>
      <div class="field small">
        <label for={id('occ')}>{t('sched.maxOccupancy')}</label>
        <input id={id('occ')} name="occ" type="number" min="0.5" max="1" step="0.01" value={String(props.params.maxOccupancy)} />
      </div>
      <div class="field small">
        <label for={id('shrink')}>{t('sched.shrinkage')}</label>
        <input id={id('shrink')} name="shrink" type="number" min="0" max="0.8" step="0.01" value={String(props.params.shrinkage)} />
      </div>
      <div class="field small">
        <label for={id('patience')}>{t('sched.patience')}</label>
        <input id={id('patience')} name="patience" type="number" min="10" max="3600" step="1" value={props.params.patienceSeconds ? String(props.params.patienceSeconds) : ''} />
      </div>
      <button type="submit">{t('sched.show')}</button>
    </form>
  );
}

export function ForecastDayPage(props: ForecastDayProps) {
  const { ctx, plan, project } = props;
  const { t } = ctx;
  const rows = plan?.rows ?? [];
  const totalCalls = rows.reduce((s, r) => s + r.calls, 0);
  const agentHours = rows.reduce((s, r) => s + r.scheduled / 2, 0);
  const peak = rows.reduce<IntervalView | null>((best, r) => (!best || r.calls > best.calls ? r : best), null);
  const month = props.date.slice(0, 7);
  return (
    <section class="panel">
      <SchedulingTabs ctx={ctx} active="forecast" />
      <div class="titlebar">
        <h1>{t('sched.forecast.title')}</h1>
        <a href={`/rosters/forecast/month?project=${encodeURIComponent(project.code)}&month=${month}${paramQuery(props.params)}`}>{t('sched.forecast.toMonth')}</a>
      </div>
      <ProjectPicker ctx={ctx} action="/rosters/forecast" projects={props.projects} project={project} dateName="date" dateValue={props.date} params={props.params} />
      {props.notice ? <Flash kind="ok">{props.notice}</Flash> : null}
      {props.peakNotice}
      {!plan ? (
        <p class="empty">{t('sched.noHistory')}</p>
      ) : (
        <>
          <dl class="facts sched-facts" data-testid="day-facts">
            <dt>{t('sched.slTarget')}</dt>
            <dd>{`${pct(project.slTarget, 0)} / ${project.slSeconds}s`}</dd>
            <dt>{t('sched.forecast.totalCalls')}</dt>
            <dd data-testid="total-calls">{int(totalCalls)}</dd>
            <dt>{t('sched.home.peak')}</dt>
            <dd>{peak ? t('sched.forecast.peakText', { time: hhmm(peak.interval), calls: int(peak.calls), agents: peak.scheduled }) : '—'}</dd>
            <dt>{t('sched.home.agentHours')}</dt>
            <dd>{agentHours.toFixed(1)}</dd>
            <dt>{t('sched.forecast.wape')}</dt>
            <dd data-testid="wape">{plan.wape === null ? '—' : `${pct(plan.wape)}${plan.holdout ? ` (${plan.holdout.from} – ${plan.holdout.to})` : ''}`}</dd>
            {plan.special.length ? (
              <>
                <dt>{t('sched.forecast.special')}</dt>
                <dd data-testid="special-days">{plan.special.join('；')}</dd>
              </>
            ) : null}
            <dt>{t('sched.forecast.basis')}</dt>
            <dd>{t('sched.forecast.basisText', { from: plan.window.from, to: plan.window.to, trend: plan.trend.toFixed(3) })}</dd>
          </dl>
          <StaffingChart
            title={t('sched.chart.title', { project: project.code, date: props.date })}
            callsLabel={t('sched.col.calls')}
            agentsLabel={t('sched.col.scheduled')}
            points={rows.map((r) => ({ interval: r.interval, calls: r.calls, agents: r.scheduled, adjusted: !!r.adjusted }))}
          />
          <h2>{t('sched.adj.title')}</h2>
          <AdjustmentList ctx={ctx} adjustments={plan.adjustments} />
          <AdjustmentFormView ctx={ctx} project={project.code} date={props.date} form={props.form} errors={props.errors} params={props.params} />
          <h2>{t('sched.table.title')}</h2>
          <p class="muted" data-testid="model">
            {props.params.patienceSeconds
              ? t('sched.table.leadA', { occ: pct(props.params.maxOccupancy, 0), shrink: pct(props.params.shrinkage, 0), patience: props.params.patienceSeconds })
              : t('sched.table.lead', { occ: pct(props.params.maxOccupancy, 0), shrink: pct(props.params.shrinkage, 0) })}
          </p>
          <table class="grid dense staffing" data-testid="staffing-table">
            <thead>
              <tr>
                <th>{t('sched.col.interval')}</th>
                <th class="num">{t('sched.col.calls')}</th>
                <th class="num">{t('sched.col.aht')}</th>
                <th class="num">{t('sched.col.productive')}</th>
                <th class="num">{t('sched.col.scheduled')}</th>
                <th class="num">{t('sched.col.sl')}</th>
                <th class="num">{t('sched.col.occupancy')}</th>
                <th>{t('sched.col.adjusted')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr data-interval={String(r.interval)} class={r.adjusted ? 'adjusted' : undefined}>
                  <td class="nowrap">{`${hhmm(r.interval)}–${hhmm(r.interval + 1)}`}</td>
                  <td class="num" data-col="calls">{r.calls.toFixed(1)}</td>
                  <td class="num" data-col="aht">{r.ahtSeconds.toFixed(0)}</td>
                  <td class="num" data-col="productive">{String(r.productive)}</td>
                  <td class="num" data-col="scheduled">{String(r.scheduled)}</td>
                  <td class="num" data-col="sl">{r.calls > 0 ? pct(r.serviceLevel) : '—'}</td>
                  <td class="num" data-col="occupancy">{r.calls > 0 ? pct(r.occupancy) : '—'}</td>
                  <td>{r.adjusted ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function AdjustmentList({ ctx, adjustments }: { ctx: ViewContext; adjustments: AdjustmentView[] }) {
  const { t } = ctx;
  if (!adjustments.length) return <p class="empty">{t('sched.adj.none')}</p>;
  return (
    <table class="grid dense" data-testid="adjustments">
      <thead>
        <tr>
          <th>{t('sched.adj.scope')}</th>
          <th>{t('sched.adj.change')}</th>
          <th class="num">{t('sched.adj.effect')}</th>
          <th>{t('sched.adj.note')}</th>
          <th>{t('sched.adj.by')}</th>
          <th>{t('sched.adj.at')}</th>
          <th>{t('form.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {adjustments.map((a) => (
          <tr>
            <td>{a.interval === null ? t('sched.adj.wholeDay') : `${hhmm(a.interval)}–${hhmm(a.interval + 1)}`}</td>
            <td>{a.factor !== null ? `× ${a.factor}` : t('sched.adj.setCalls', { calls: int(a.calls ?? 0) })}</td>
            <td class="num">{`${int(a.callsBefore)} → ${int(a.callsAfter)}`}</td>
            <td>{a.note}</td>
            <td>{a.byName}</td>
            <td class="nowrap">{formatInstant(a.at, ctx.locale)}</td>
            <td>
              <PostForm ctx={ctx} action={`/rosters/forecast/adjustments/${a.id}/delete`} class="inline">
                <button type="submit" class="small danger">
                  {t('sched.adj.remove')}
                </button>
              </PostForm>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AdjustmentFormView(props: { ctx: ViewContext; project: string; date: string; form: AdjustmentForm; errors: Record<string, string>; params: ViewParams }) {
  const { ctx, form, errors } = props;
  const { t } = ctx;
  return (
    <PostForm ctx={ctx} action="/rosters/forecast/adjustments" class="row-form adjust-form" id="adjust-form">
      <input type="hidden" name="project" value={props.project} />
      <input type="hidden" name="date" value={props.date} />
      <input type="hidden" name="occ" value={String(props.params.maxOccupancy)} />
      <input type="hidden" name="shrink" value={String(props.params.shrinkage)} />
      {props.params.patienceSeconds ? <input type="hidden" name="patience" value={String(props.params.patienceSeconds)} /> : null}
      {errors.form ? <p class="error">{errors.form}</p> : null}
      <div class={errors.scope ? 'field has-error' : 'field'}>
        <label for="f-scope">{t('sched.adj.scope')}</label>
        <select id="f-scope" name="scope">
          <option value="day" selected={form.scope === 'day' || form.scope === ''}>
            {t('sched.adj.wholeDay')}
          </option>
          {Array.from({ length: 48 }, (_, i) => (
            <option value={String(i)} selected={form.scope === String(i)}>{`${hhmm(i)}–${hhmm(i + 1)}`}</option>
          ))}
        </select>
        {errors.scope ? <p class="error">{errors.scope}</p> : null}
      </div>
      <div class={errors.kind ? 'field has-error' : 'field'}>
        <label for="f-kind">{t('sched.adj.kind')}</label>
        <select id="f-kind" name="kind">
          <option value="factor" selected={form.kind !== 'calls'}>
            {t('sched.adj.kindFactor')}
          </option>
          <option value="calls" selected={form.kind === 'calls'}>
            {t('sched.adj.kindCalls')}
          </option>
        </select>
        {errors.kind ? <p class="error">{errors.kind}</p> : null}
      </div>
      <Field name="value" label={t('sched.adj.value')} value={form.value} required error={errors.value} />
      <Field name="note" label={t('sched.adj.note')} value={form.note} required error={errors.note} />
      <Field name="to" type="date" label={t('sched.adj.to')} value={form.to} error={errors.to} hint={t('sched.adj.toHint')} />
      <button type="submit" class="primary">
        {t('sched.adj.add')}
      </button>
    </PostForm>
  );
}

/** One day of the month view. */
export interface MonthDayView {
  date: string;
  weekday: number;
  calls: number;
  peakInterval: number;
  peakCalls: number;
  peakScheduled: number;
  agentHours: number;
  adjusted: boolean;
  special: string[];
}

export function ForecastMonthPage(props: { ctx: ViewContext; projects: ProjectOption[]; project: ProjectOption; month: string; params: ViewParams; days: MonthDayView[] | null }) {
  const { ctx, project } = props;
  const { t } = ctx;
  const days = props.days ?? [];
  const total = days.reduce((s, d) => s + d.calls, 0);
  const hours = days.reduce((s, d) => s + d.agentHours, 0);
  const maxCalls = Math.max(1, ...days.map((d) => d.calls));
  return (
    <section class="panel">
      <SchedulingTabs ctx={ctx} active="month" />
      <h1>{t('sched.month.title')}</h1>
      <ProjectPicker ctx={ctx} action="/rosters/forecast/month" projects={props.projects} project={project} dateName="month" dateValue={props.month} params={props.params} />
      {!props.days ? (
        <p class="empty">{t('sched.noHistory')}</p>
      ) : (
        <>
          <p class="lead" data-testid="month-total">
            {t('sched.month.total', { calls: int(total), hours: int(hours) })}{' '}
            <a href={`/rosters/forecast/month.csv?project=${encodeURIComponent(project.code)}&month=${props.month}${paramQuery(props.params)}`} download hx-boost="false">
              {t('sched.month.csv')}
            </a>
          </p>
          <table class="grid dense" data-testid="month-table">
            <thead>
              <tr>
                <th>{t('sched.date')}</th>
                <th class="num">{t('sched.col.calls')}</th>
                <th class="bar-cell">{t('sched.month.volume')}</th>
                <th>{t('sched.home.peak')}</th>
                <th class="num">{t('sched.month.peakAgents')}</th>
                <th class="num">{t('sched.home.agentHours')}</th>
                <th>{t('sched.month.notes')}</th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr class={d.weekday >= 5 ? 'weekend' : undefined}>
                  <td class="nowrap">
                    <a href={`/rosters/forecast?project=${encodeURIComponent(project.code)}&date=${d.date}${paramQuery(props.params)}`}>{d.date}</a> {t(`sched.weekday.${d.weekday}`)}
                  </td>
                  <td class="num">{int(d.calls)}</td>
                  <td class="bar-cell">
                    <meter min="0" max={String(maxCalls)} value={String(Math.round(d.calls))}>
                      {int(d.calls)}
                    </meter>
                  </td>
                  <td>{`${hhmm(d.peakInterval)} · ${int(d.peakCalls)}`}</td>
                  <td class="num">{String(d.peakScheduled)}</td>
                  <td class="num">{int(d.agentHours)}</td>
                  <td>
                    {d.adjusted ? <span class="badge adjusted">{t('sched.month.adjusted')}</span> : null}
                    {d.special.map((s) => (
                      <span class="badge special">{s}</span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** One assignment on the agent's schedule page; `shift` is '' for a day that changed to a day off. */
export interface MyShift {
  date: string;
  shift: string;
  shiftName: string;
  start: string;
  end: string;
  project: string;
  /** A recent change of the published roster on this day: what it was, who changed it and when. */
  change?: { was: { shift: string | null; project: string | null }; kind: string; by: string | null; at: Date };
}

const cellLabel = (ctx: ViewContext, c: { shift: string | null; project: string | null }) => (c.shift ? `${c.shift}${c.project ? ' · ' + c.project : ''}` : ctx.t('weekly.off'));

export function MySchedulePage(props: { ctx: ViewContext; agentName: string | null; shifts: MyShift[] | null; notice?: string; versionsMonth?: string; today?: Child; children?: Child }) {
  const { ctx } = props;
  const { t } = ctx;
  const changed = (props.shifts ?? []).filter((s) => s.change).length;
  return (
    <section class="panel">
      <h1>{t('sched.my.title')}</h1>
      {props.agentName ? <p class="lead">{props.agentName}</p> : null}
      {props.notice ? <Flash kind="ok">{props.notice}</Flash> : null}
      {props.today}
      {!props.shifts || props.shifts.length === 0 ? (
        <p class="empty" data-testid="my-empty">
          {props.agentName ? t('sched.my.none') : t('sched.my.notScheduled')}
        </p>
      ) : (
        <>
        {changed ? (
          <Flash kind="info">
            <span data-testid="my-changed">{t('weekly.my.changedDays', { n: String(changed) })}</span>
          </Flash>
        ) : null}
        <p>
          <a href="/schedule.ics" download hx-boost="false" data-testid="ics">
            {t('sched.my.ics')}
          </a>
          {' · '}
          <a href="/schedule/points" data-testid="points-link">
            {t('sched.my.points')}
          </a>
          {props.versionsMonth ? (
            <>
              {' · '}
              <a href={`/rosters/${props.versionsMonth}/versions`} data-testid="versions-link">
                {t('weekly.versions.link')}
              </a>
            </>
          ) : null}
        </p>
        <table class="grid my-schedule">
          <thead>
            <tr>
              <th>{t('sched.date')}</th>
              <th>{t('sched.my.shift')}</th>
              <th>{t('sched.my.time')}</th>
              <th>{t('sched.project')}</th>
            </tr>
          </thead>
          <tbody>
            {props.shifts.map((s) => (
              <>
              <tr class={s.change ? 'changed' : undefined} data-date={s.date}><td>{s.date}</td><td>{s.shift ? <><strong>{s.shift}</strong> {s.shiftName}</> : <span class="muted">{t('weekly.off')}</span>}</td><td>{s.shift ? `${s.start}–${s.end}` : ''}</td><td>{s.project}</td></tr>
              {s.change ? (
                <tr class="change-note" data-date={s.date}>
                  <td colspan={4}>
                    {t('weekly.my.change', {
                      was: cellLabel(ctx, s.change.was),
                      now: cellLabel(ctx, { shift: s.shift || null, project: s.project || null }),
                      at: formatInstant(s.change.at, ctx.locale),
                      by: s.change.by ?? '—',
                      kind: t(`weekly.kind.${s.change.kind}`),
                    })}
                  </td>
                </tr>
              ) : null}
              </>
            ))}
          </tbody>
        </table>
        </>
      )}
      {props.children}
    </section>
  );
}
