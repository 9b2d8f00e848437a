// Daily fine-tuning (日微调) page: today's intervals of one project as a chart and a dense table, ranked suggestions
// with Apply, the day's change log with Undo, no-shows and the actuals upload. The board refreshes itself.
import type { ViewContext } from '../context.ts';
import { CsrfField, Flash, formatInstant } from '../components.tsx';
import { SchedulingTabs } from './pages.tsx';
import { niceCeiling } from './chart.tsx';
import type { IntervalStatus } from '../../scheduling/intraday/status.ts';

/** One suggestion as the page shows it. */
export interface SuggestionView {
  id: string;
  /** What it changes, hashed: the apply must match it. */
  fingerprint: string;
  rank: number;
  kind: string;
  project: string;
  sourceProject: string | null;
  tier: number | null;
  agents: { code: string; name: string }[];
  from: string;
  to: string;
  before: number;
  after: number;
  agentsAdded: number;
  cost: number;
}

/** Everything the page shows. */
export interface IntradayView {
  date: string;
  today: boolean;
  version: number;
  project: string;
  projectName: string;
  projects: { code: string; name: string }[];
  target: { serviceLevel: number; seconds: number };
  nowLabel: string;
  actualsUntil: string | null;
  reforecast: { from: string; to: string; ratio: number; factor: number } | null;
  rows: (IntervalStatus & { originalForecast: number })[];
  slSoFar: number | null;
  slRest: number | null;
  slRestAllApplied: number | null;
  slRestPublished: number | null;
  missing: number;
  remaining: number;
  suggestions: SuggestionView[];
  otherSuggestions: { code: string; count: number }[];
  changes: { seq: number; kind: string; project: string | null; label: string; by: string; at: Date; undone: boolean; skipped: boolean; agents: number }[];
  canUndo: boolean;
  onShift: { code: string; name: string; from: string; to: string }[];
  absent: { code: string; name: string }[];
  uploadErrors: ({ line: number; message: string } | { index: number; message: string })[];
  notice?: string;
  problem?: string;
  timeZone: string;
}

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null) => (x === null ? '—' : String(Math.round(x)));

function query(v: Pick<IntradayView, 'project' | 'date'>): string {
  return `?project=${encodeURIComponent(v.project)}&date=${v.date}`;
}

/** The interval chart: forecast (outline), actual and re-forecast calls (bars), required and present agents (lines). */
export function IntradayChart({ ctx, v }: { ctx: ViewContext; v: IntradayView }) {
  const { t } = ctx;
  const W = 960;
  const H = 270;
  const P = { left: 44, right: 40, top: 30, bottom: 28 };
  const rows = v.rows;
  const n = Math.max(1, rows.length);
  const slot = (W - P.left - P.right) / n;
  const plotH = H - P.top - P.bottom;
  const maxCalls = niceCeiling(Math.max(1, ...rows.map((r) => Math.max(r.originalForecast, r.expectedCalls))));
  const maxAgents = niceCeiling(Math.max(1, ...rows.map((r) => Math.max(r.requiredAgents, r.presentAgents))));
  const x = (i: number) => P.left + i * slot;
  const yc = (c: number) => P.top + plotH - (c / maxCalls) * plotH;
  const ya = (a: number) => P.top + plotH - (a / maxAgents) * plotH;
  const line = (pick: (r: IntervalStatus) => number) => rows.map((r, i) => `${(x(i) + slot / 2).toFixed(1)},${ya(pick(r)).toFixed(1)}`).join(' ');
  const nowIndex = rows.findIndex((r) => !r.elapsed);
  const nowX = nowIndex < 0 ? W - P.right : x(nowIndex);
  return (
    <svg class="intraday-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="intraday-chart-title" data-testid="intraday-chart">
      <title id="intraday-chart-title">{t('intraday.chart.title', { project: v.projectName, date: v.date })}</title>
      {[0, 0.25, 0.5, 0.75, 1].map((f) => (
        <g class="tick">
          <line class="gridline" x1={P.left} x2={W - P.right} y1={(P.top + plotH * (1 - f)).toFixed(1)} y2={(P.top + plotH * (1 - f)).toFixed(1)} />
          <text class="axis-calls" x={P.left - 6} y={(P.top + plotH * (1 - f) + 4).toFixed(1)} text-anchor="end">{String(Math.round(maxCalls * f))}</text>
          <text class="axis-agents" x={W - P.right + 6} y={(P.top + plotH * (1 - f) + 4).toFixed(1)} text-anchor="start">{String(Math.round(maxAgents * f))}</text>
        </g>
      ))}
      {rows.map((r, i) => (
        <g class={`iv${r.elapsed ? ' elapsed' : ''}${r.meetsTarget ? '' : ' miss'}`} data-interval={String(i)}>
          <rect class={r.actualCalls !== null ? 'calls actual' : 'calls projected'} x={(x(i) + slot * 0.14).toFixed(1)} y={yc(r.expectedCalls).toFixed(1)} width={(slot * 0.72).toFixed(1)} height={Math.max(0, P.top + plotH - yc(r.expectedCalls)).toFixed(1)}>
            <title>{`${r.label} · ${t('intraday.col.forecast')} ${num(r.originalForecast)} · ${t(r.actualCalls !== null ? 'intraday.col.actual' : 'intraday.col.expected')} ${num(r.expectedCalls)} · ${t('intraday.col.required')} ${r.requiredAgents} · ${t('intraday.col.present')} ${r.presentAgents} · ${t('intraday.col.sl')} ${pct(r.predictedServiceLevel)}`}</title>
          </rect>
          <line class="forecast-mark" x1={(x(i) + slot * 0.06).toFixed(1)} x2={(x(i) + slot * 0.94).toFixed(1)} y1={yc(r.originalForecast).toFixed(1)} y2={yc(r.originalForecast).toFixed(1)} />
          {!r.meetsTarget ? <rect class="miss-mark" x={(x(i) + 1).toFixed(1)} y={(P.top + plotH + 2).toFixed(1)} width={(slot - 2).toFixed(1)} height="4" /> : null}
        </g>
      ))}
      <polyline class="required-line" points={line((r) => r.requiredAgents)} fill="none" />
      <polyline class="present-line" points={line((r) => r.presentAgents)} fill="none" />
      {v.today || nowIndex > 0 ? (
        <g class="now">
          <line x1={nowX.toFixed(1)} x2={nowX.toFixed(1)} y1={P.top - 4} y2={P.top + plotH} />
          <text x={(nowX + 3).toFixed(1)} y={P.top + 8}>{v.nowLabel}</text>
        </g>
      ) : null}
      {rows.map((r, i) => (i % 4 === 0 ? <text class="axis-x" x={(x(i) + slot / 2).toFixed(1)} y={H - 8} text-anchor="middle">{r.label.slice(0, 5)}</text> : null))}
      <g class="legend">
        <rect class="calls actual" x={P.left} y="6" width="12" height="10" />
        <text x={P.left + 16} y="15">{t('intraday.legend.actual')}</text>
        <rect class="calls projected" x={P.left + 110} y="6" width="12" height="10" />
        <text x={P.left + 126} y="15">{t('intraday.legend.expected')}</text>
        <line class="forecast-mark" x1={P.left + 230} x2={P.left + 246} y1="11" y2="11" />
        <text x={P.left + 250} y="15">{t('intraday.legend.forecast')}</text>
        <line class="required-line" x1={P.left + 340} x2={P.left + 364} y1="11" y2="11" />
        <text x={P.left + 368} y="15">{t('intraday.legend.required')}</text>
        <line class="present-line" x1={P.left + 470} x2={P.left + 494} y1="11" y2="11" />
        <text x={P.left + 498} y="15">{t('intraday.legend.present')}</text>
        <rect class="miss-mark" x={P.left + 600} y="9" width="14" height="4" />
        <text x={P.left + 618} y="15">{t('intraday.legend.miss')}</text>
      </g>
    </svg>
  );
}

/** A POST form that swaps the board in place under htmx and works as a plain form without it. */
function BoardForm(props: { ctx: ViewContext; v: IntradayView; action: string; class?: string; multipart?: boolean; children?: unknown; label?: string }) {
  const { v } = props;
  return (
    <form
      method="post"
      action={props.action}
      class={props.class}
      enctype={props.multipart ? 'multipart/form-data' : undefined}
      hx-post={props.action}
      hx-encoding={props.multipart ? 'multipart/form-data' : undefined}
      hx-target="#intraday-board"
      hx-swap="outerHTML"
      aria-label={props.label}
    >
      <CsrfField ctx={props.ctx} />
      <input type="hidden" name="date" value={v.date} />
      <input type="hidden" name="project" value={v.project} />
      <input type="hidden" name="version" value={String(v.version)} />
      {props.children as never}
    </form>
  );
}

function SuggestionItem({ ctx, v, s, position }: { ctx: ViewContext; v: IntradayView; s: SuggestionView; position: number }) {
  const { t } = ctx;
  const names = s.agents.slice(0, 4).map((a) => `${a.name} ${a.code}`).join(', ') + (s.agents.length > 4 ? t('intraday.andMoreAgents', { n: String(s.agents.length - 4) }) : '');
  const up = s.after >= s.before;
  return (
    <li class={`suggestion kind-${s.kind}`} data-testid="suggestion">
      <div class="s-head">
        <span class="s-rank" title={s.id}>{position}.</span>
        <strong>{t(`intraday.kind.${s.kind}`)}</strong>
        {s.tier ? <span class="badge">{t('intraday.tier', { tier: String(s.tier) })}</span> : null}
        {s.sourceProject ? <span class="badge">{t('intraday.fromProject', { project: s.sourceProject })}</span> : null}
        <span class="s-window">{`${s.from}–${s.to}`}</span>
      </div>
      <p class="s-who">
        {t('intraday.agents', { n: String(s.agents.length) })}: {names}
      </p>
      <p class="s-effect">
        {t('intraday.effect')} <span class="sl-before">{pct(s.before)}</span> → <span class={up ? 'sl-after up' : 'sl-after down'}>{pct(s.after)}</span>
        <span class="s-cost">
          {' · '}
          {t('intraday.cost')} {s.cost.toFixed(1)}
        </span>
      </p>
      <BoardForm ctx={ctx} v={v} action="/rosters/intraday/apply" class="s-apply" label={t('intraday.applyLabel', { rank: String(position) })}>
        <input type="hidden" name="suggestion" value={s.id} />
        <input type="hidden" name="fingerprint" value={s.fingerprint} />
        <button type="submit" class={position === 1 ? 'primary' : undefined}>
          {t('intraday.apply')}
        </button>
      </BoardForm>
    </li>
  );
}

/** The self-refreshing board: figures, chart, suggestions, change log, no-shows, upload and the interval table. */
export function IntradayBoard({ ctx, v }: { ctx: ViewContext; v: IntradayView }) {
  const { t } = ctx;
  const src = `/rosters/intraday${query(v)}`;
  const future = v.rows.filter((r) => !r.elapsed);
  return (
    <div id="intraday-board" class="intraday-board" hx-get={src} hx-trigger="every 30s" hx-target="this" hx-swap="outerHTML" data-version={String(v.version)}>
      {v.notice ? <Flash kind="ok">{v.notice}</Flash> : null}
      {v.problem ? <Flash kind="error">{v.problem}</Flash> : null}
      <dl class="intraday-kpis">
        <div>
          <dt>{t('intraday.kpi.now')}</dt>
          <dd>{v.nowLabel}</dd>
          <dd class="sub">{v.actualsUntil ? t('intraday.kpi.actualsUntil', { time: v.actualsUntil }) : t('intraday.kpi.noActuals')}</dd>
        </div>
        <div>
          <dt>{t('intraday.kpi.slSoFar')}</dt>
          <dd data-testid="sl-so-far">{pct(v.slSoFar)}</dd>
          <dd class="sub">{t('intraday.kpi.target', { sl: pct(v.target.serviceLevel), seconds: String(v.target.seconds) })}</dd>
        </div>
        <div class={v.slRest !== null && v.slRest < v.target.serviceLevel ? 'bad' : 'good'}>
          <dt>{t('intraday.kpi.slRest')}</dt>
          <dd data-testid="sl-rest">{pct(v.slRest)}</dd>
          <dd class="sub">
            {v.slRestPublished !== null ? t('intraday.kpi.published', { sl: pct(v.slRestPublished) }) : t('intraday.kpi.missing', { n: String(v.missing), of: String(v.remaining) })}
          </dd>
        </div>
        <div>
          <dt>{t('intraday.kpi.allApplied')}</dt>
          <dd data-testid="sl-all-applied">{pct(v.slRestAllApplied)}</dd>
          <dd class="sub">{t('intraday.kpi.missingNow', { n: String(v.missing) })}</dd>
        </div>
        <div>
          <dt>{t('intraday.kpi.reforecast')}</dt>
          <dd>{v.reforecast ? `× ${v.reforecast.factor.toFixed(2)}` : '× 1.00'}</dd>
          <dd class="sub">{v.reforecast ? t('intraday.reforecast', { from: v.reforecast.from, to: v.reforecast.to, ratio: v.reforecast.ratio.toFixed(2) }) : t('intraday.reforecast.none')}</dd>
        </div>
      </dl>
      <IntradayChart ctx={ctx} v={v} />
      <div class="intraday-cols">
        <section class="intraday-suggestions" aria-labelledby="sugg-title">
          <h2 id="sugg-title">{t('intraday.suggestions')}</h2>
          {v.suggestions.length ? (
            <ol class="suggestions">
              {v.suggestions.map((s, i) => (
                <SuggestionItem ctx={ctx} v={v} s={s} position={i + 1} />
              ))}
            </ol>
          ) : (
            <p class="muted" data-testid="no-suggestions">
              {future.length ? t('intraday.noSuggestions') : t('intraday.dayOver')}
            </p>
          )}
          {v.otherSuggestions.length ? (
            <p class="muted">
              {t('intraday.otherProjects')}{' '}
              {v.otherSuggestions.map((o, i) => (
                <>
                  {i ? '、' : ''}
                  <a href={`/rosters/intraday?project=${encodeURIComponent(o.code)}&date=${v.date}`}>{`${o.code} (${o.count})`}</a>
                </>
              ))}
            </p>
          ) : null}
        </section>
        <section class="intraday-side">
          <h2>{t('intraday.log')}</h2>
          {v.changes.length ? (
            <ol class="change-log" data-testid="change-log">
              {v.changes.map((x) => (
                <li class={x.undone ? 'undone' : x.skipped ? 'skipped' : ''}>
                  <span class="seq">{x.seq}.</span> {t(`intraday.kind.${x.kind}`)}
                  {x.project ? ` · ${x.project}` : ''} · {t('intraday.agents', { n: String(x.agents) })}
                  <small>
                    {' '}
                    {x.by} {formatInstant(x.at, ctx.locale, v.timeZone).slice(-5)}
                    {x.undone ? ` · ${t('intraday.undoneMark')}` : x.skipped ? ` · ${t('intraday.skippedMark')}` : ''}
                  </small>
                </li>
              ))}
            </ol>
          ) : (
            <p class="muted">{t('intraday.logEmpty')}</p>
          )}
          {v.canUndo ? (
            <BoardForm ctx={ctx} v={v} action="/rosters/intraday/undo" class="undo">
              <button type="submit">{t('intraday.undo')}</button>
            </BoardForm>
          ) : null}
          <h2>{t('intraday.noShows')}</h2>
          <BoardForm ctx={ctx} v={v} action="/rosters/intraday/no-shows" class="no-shows" label={t('intraday.noShows')}>
            <fieldset>
              <legend class="sr-only">{t('intraday.noShowsPick')}</legend>
              <div class="no-show-list">
                {v.onShift.map((a) => (
                  <label>
                    <input type="checkbox" name="agent" value={a.code} /> {a.name} <small>{`${a.code} ${a.from}–${a.to}`}</small>
                  </label>
                ))}
              </div>
            </fieldset>
            {v.absent.length ? <p class="muted">{t('intraday.absentNow', { names: v.absent.map((a) => a.name).join('、') })}</p> : null}
            <button type="submit">{t('intraday.noShowsSave')}</button>
          </BoardForm>
          <h2>{t('intraday.upload')}</h2>
          <BoardForm ctx={ctx} v={v} action="/rosters/intraday/actuals" class="upload" multipart label={t('intraday.upload')}>
            <div class="field">
              <label for="f-file">{t('intraday.upload.file')}</label>
              <input id="f-file" type="file" name="file" accept=".csv,text/csv" />
              <p class="hint">{t('intraday.upload.hint')}</p>
            </div>
            <button type="submit">{t('intraday.upload.submit')}</button>{' '}
            <a href={`/rosters/intraday/storm.csv?date=${v.date}`} download hx-boost="false">
              {t('intraday.upload.sample')}
            </a>
            {v.uploadErrors.length ? (
              <ul class="upload-errors" role="alert" data-testid="upload-errors">
                {v.uploadErrors.slice(0, 20).map((e) => (
                  <li>{e.message}</li>
                ))}
                {v.uploadErrors.length > 20 ? <li>{t('intraday.andMore', { n: String(v.uploadErrors.length - 20) })}</li> : null}
              </ul>
            ) : null}
          </BoardForm>
        </section>
      </div>
      <details class="intraday-table-wrap" open>
        <summary>{t('intraday.table')}</summary>
        <table class="grid intraday-table" data-testid="interval-table">
          <thead>
            <tr>
              <th>{t('intraday.col.interval')}</th>
              <th class="num">{t('intraday.col.forecast')}</th>
              <th class="num">{t('intraday.col.actual')}</th>
              <th class="num">{t('intraday.col.expected')}</th>
              <th class="num">{t('intraday.col.required')}</th>
              <th class="num">{t('intraday.col.scheduled')}</th>
              <th class="num">{t('intraday.col.absent')}</th>
              <th class="num">{t('intraday.col.offline')}</th>
              <th class="num">{t('intraday.col.present')}</th>
              <th class="num">{t('intraday.col.gap')}</th>
              <th class="num">{t('intraday.col.sl')}</th>
              <th class="num">{t('intraday.col.actualSl')}</th>
            </tr>
          </thead>
          <tbody>
            {v.rows.map((r) => (
              <tr class={`${r.elapsed ? 'elapsed' : ''}${r.meetsTarget ? '' : ' miss'}`} data-interval={String(r.interval)}>
                <th scope="row">{r.label}</th>
                <td class="num">{num(r.originalForecast)}</td>
                <td class="num">{num(r.actualCalls)}</td>
                <td class="num">{num(r.expectedCalls)}</td>
                <td class="num">{r.requiredAgents}</td>
                <td class="num">{r.scheduledAgents}</td>
                <td class="num">{r.absentAgents || ''}</td>
                <td class="num">{r.offlineAgents || ''}</td>
                <td class="num">{r.presentAgents}</td>
                <td class={r.gap < 0 ? 'num neg' : 'num'}>{r.gap > 0 ? `+${r.gap}` : String(r.gap)}</td>
                <td class="num">{pct(r.predictedServiceLevel)}</td>
                <td class="num">{pct(r.actualServiceLevel)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

/** The whole page: tabs, project and date pickers, and the board. */
export function IntradayPage({ ctx, v }: { ctx: ViewContext; v: IntradayView }) {
  const { t } = ctx;
  return (
    <section class="intraday">
      <SchedulingTabs ctx={ctx} active="intraday" />
      <div class="intraday-head">
        <h1>{t('intraday.heading', { project: v.projectName, date: v.date })}</h1>
        <form method="get" action="/rosters/intraday" class="intraday-pick">
          <label for="f-project">{t('intraday.project')}</label>
          <select id="f-project" name="project">
            {v.projects.map((p) => (
              <option value={p.code} selected={p.code === v.project}>{p.name.includes(p.code) ? p.name : `${p.code} ${p.name}`}</option>
            ))}
          </select>
          <label for="f-date">{t('intraday.date')}</label>
          <input id="f-date" type="date" name="date" value={v.date} />
          <button type="submit">{t('intraday.show')}</button>
        </form>
      </div>
      <p class="lead">{t('intraday.lead')}</p>
      <IntradayBoard ctx={ctx} v={v} />
    </section>
  );
}
