// Weekly adjustment screens: leave entry, the week's re-plan (what moved, the re-plan job, the change list to review),
// the published roster's version history and the scheduler's swap queue.
import type { ViewContext } from '../context.ts';
import { Field, Flash, PostForm, Select, formatInstant } from '../components.tsx';
import { SchedulingTabs } from './pages.tsx';

type Cell = { shift: string | null; project: string | null };

const cellText = (ctx: ViewContext, c: Cell) => (c.shift ? `${c.shift}${c.project ? ' · ' + c.project : ''}` : ctx.t('weekly.off'));
const num = (x: number) => String(Math.round(x * 10) / 10);

/** Presets of the change weight: the price of one changed assignment against coverage penalties. */
export const WEIGHT_PRESETS = [
  ['few', 2500],
  ['balanced', 300],
  ['coverage', 50],
] as const;

/** The leave page's data. */
export interface LeaveView {
  rows: { id: number; agent: string; agentName: string; team: string; from: string; to: string; kind: string; note: string; createdAt: Date; createdBy: string | null }[];
  agents: { code: string; name: string; team: string }[];
  teams: string[];
  filter: { team: string; agent: string };
  form: Record<string, string>;
  errors: Record<string, string>;
  notice?: string;
}

export function LeavePage({ ctx, v }: { ctx: ViewContext; v: LeaveView }) {
  const { t } = ctx;
  const kinds = ['annual', 'sick', 'training', 'personal', 'other'];
  return (
    <section class="panel weekly">
      <SchedulingTabs ctx={ctx} active="weekly" />
      <WeeklyNav ctx={ctx} active="leave" />
      <h1>{t('weekly.leave.title')}</h1>
      <p class="lead">{t('weekly.leave.lead')}</p>
      {v.notice ? <Flash kind="ok">{v.notice}</Flash> : null}
      <PostForm ctx={ctx} action="/rosters/leave" class="row-form weekly-leave-form" id="leave-form">
        <div class={v.errors.agent ? 'field has-error' : 'field'}>
          <label for="f-agent">{t('weekly.leave.agent')}</label>
          <input id="f-agent" name="agent" list="agent-codes" value={v.form.agent ?? ''} aria-invalid={v.errors.agent ? 'true' : undefined} aria-describedby={v.errors.agent ? 'f-agent-error' : undefined} autocomplete="off" placeholder="A0001" />
          <datalist id="agent-codes">
            {v.agents.map((a) => (
              <option value={a.code}>{`${a.name} · ${a.team}`}</option>
            ))}
          </datalist>
          {v.errors.agent ? (
            <p class="error" id="f-agent-error">
              {v.errors.agent}
            </p>
          ) : null}
        </div>
        <Field name="from" type="date" label={t('weekly.leave.from')} value={v.form.from} error={v.errors.from} />
        <Field name="to" type="date" label={t('weekly.leave.to')} value={v.form.to} error={v.errors.to} />
        <Select name="kind" label={t('weekly.leave.kind')} value={v.form.kind ?? 'sick'} options={kinds.map((k) => [k, t(`weekly.leave.kind.${k}`)])} error={v.errors.kind} />
        <Field name="note" label={t('weekly.leave.note')} value={v.form.note} error={v.errors.note} />
        <button type="submit" class="primary">
          {t('weekly.leave.add')}
        </button>
      </PostForm>
      <form method="get" action="/rosters/leave" class="row-form">
        <Select name="team" label={t('weekly.team')} value={v.filter.team} options={[['', t('weekly.all')], ...v.teams.map((x): [string, string] => [x, x])]} />
        <Field name="who" label={t('weekly.leave.agent')} value={v.filter.agent} />
        <button type="submit">{t('weekly.filter')}</button>
      </form>
      {v.rows.length === 0 ? (
        <p class="empty">{t('weekly.leave.none')}</p>
      ) : (
        <table class="grid dense" data-testid="leave-table">
          <thead>
            <tr>
              <th>{t('weekly.leave.agent')}</th>
              <th>{t('weekly.team')}</th>
              <th>{t('weekly.leave.from')}</th>
              <th>{t('weekly.leave.to')}</th>
              <th>{t('weekly.leave.kind')}</th>
              <th>{t('weekly.leave.note')}</th>
              <th>{t('weekly.leave.entered')}</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {v.rows.map((r) => (
              <tr>
                <td class="nowrap">
                  {r.agent} {r.agentName}
                </td>
                <td>{r.team}</td>
                <td class="nowrap">{r.from}</td>
                <td class="nowrap">{r.to}</td>
                <td>
                  <span class={`badge leave-${r.kind}`}>{t(`weekly.leave.kind.${r.kind}`)}</span>
                </td>
                <td>{r.note}</td>
                <td class="nowrap muted">
                  {formatInstant(r.createdAt, ctx.locale)} {r.createdBy ?? ''}
                </td>
                <td>
                  <PostForm ctx={ctx} action={`/rosters/leave/${r.id}/cancel`} class="inline">
                    <button type="submit" class="small danger">
                      {t('weekly.leave.cancel')}
                    </button>
                  </PostForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Sub-navigation of the weekly part. */
export function WeeklyNav({ ctx, active }: { ctx: ViewContext; active: 'replan' | 'leave' | 'swaps' }) {
  const { t } = ctx;
  const items = [
    ['replan', '/rosters/weekly', 'weekly.nav.replan'],
    ['leave', '/rosters/leave', 'weekly.nav.leave'],
    ['swaps', '/rosters/swaps', 'weekly.nav.swaps'],
  ] as const;
  return (
    <nav class="weekly-nav" aria-label={t('sched.tab.weekly')}>
      {items.map(([k, href, key]) => (
        <a href={href} class={k === active ? 'active' : ''} aria-current={k === active ? 'page' : undefined}>
          {t(key)}
        </a>
      ))}
    </nav>
  );
}

/** A re-plan job and its proposed revision. */
export interface RevisionView {
  id: number;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled' | 'published' | 'discarded';
  progress: number;
  error: string | null;
  changeWeight: number;
  stale: boolean;
  publishedShortfall: number | null;
  before: { shortfall: number; hard: number; soft: number } | null;
  after: { shortfall: number; hard: number; soft: number; hardRules: Record<string, number> } | null;
  changes: { agent: string; name: string; date: string; from: Cell; to: Cell; reasons: string[]; required: boolean; dropped: boolean }[];
}

/** Everything the weekly page shows. */
export interface WeeklyView {
  week: string;
  month: string;
  months: string[];
  today: string;
  roster: { version: number; publishedAt: Date | null } | null;
  window: string[];
  deltas: { project: string; date: string; snapshotHours: number; nowHours: number; why: { kind: string; text: string }[] }[];
  conflicts: { agent: string; name: string; date: string; shift: string; project: string | null; kind: string; enteredAt: Date }[];
  revision: RevisionView | null;
  weight: string;
  seconds: string;
  errors: Record<string, string>;
  notice?: string;
  problem?: string;
  ruleNames: Record<string, string>;
}

const live = (s: RevisionView['status']) => s === 'queued' || s === 'running';

/** The self-refreshing re-plan job: progress while it runs; the page reloads itself when it ends. */
export function ReplanJob({ ctx, r, week, month, link }: { ctx: ViewContext; r: RevisionView; week: string; month: string; link?: boolean }) {
  const { t } = ctx;
  const running = live(r.status);
  return (
    <div id="replan-job" class={`roster-job job-${r.status}`} hx-get={running ? `/rosters/weekly/revisions/${r.id}?week=${week}&month=${month}` : undefined} hx-trigger={running ? 'load delay:1s' : undefined} hx-swap={running ? 'outerHTML' : undefined}>
      <p>
        <strong>{t('weekly.job.title', { id: String(r.id) })}</strong> · <span class="job-status">{t(`weekly.job.${r.status}`)}</span> · {t('weekly.job.weight', { weight: String(r.changeWeight) })}
      </p>
      {running ? (
        <>
          <progress max="100" value={String(Math.round(r.progress * 100))} aria-label={t('weekly.job.running')}>
            {Math.round(r.progress * 100)}%
          </progress>
          <PostForm ctx={ctx} action={`/rosters/weekly/revisions/${r.id}/cancel`}>
            <button type="submit">{t('weekly.job.cancel')}</button>
          </PostForm>
        </>
      ) : null}
      {r.status === 'failed' ? <Flash kind="error">{t('weekly.job.error', { error: r.error ?? '' })}</Flash> : null}
      {link && !running && r.status !== 'failed' ? (
        <p>
          <a href={`/rosters/weekly?week=${week}&month=${month}`}>{t('weekly.job.view')}</a>
        </p>
      ) : null}
    </div>
  );
}

function Review({ ctx, v, r }: { ctx: ViewContext; v: WeeklyView; r: RevisionView }) {
  const { t } = ctx;
  const kept = r.changes.filter((c) => !c.dropped);
  return (
    <section class="weekly-review" data-testid="revision">
      <h2>{t('weekly.review.title')}</h2>
      {r.stale ? <Flash kind="error">{t('weekly.review.stale')}</Flash> : null}
      <div class="weekly-summary">
        <div class="stat">
          <span class="muted">{t('weekly.review.shortfall')}</span>
          <strong data-testid="shortfall">
            {r.publishedShortfall !== null ? `${num(r.publishedShortfall)} → ` : ''}
            {num(r.before!.shortfall)} → {num(r.after!.shortfall)}
          </strong>
          <span class="muted">{t('weekly.review.shortfallHint')}</span>
        </div>
        <div class="stat">
          <span class="muted">{t('weekly.review.changed')}</span>
          <strong data-testid="changed-count">{String(kept.length)}</strong>
        </div>
        <div class="stat">
          <span class="muted">{t('weekly.review.penalty')}</span>
          <strong>
            {num(r.before!.soft)} → {num(r.after!.soft)}
          </strong>
        </div>
        <div class={r.after!.hard > 0 ? 'stat bad' : 'stat'}>
          <span class="muted">{t('weekly.review.hard')}</span>
          <strong>{num(r.after!.hard)}</strong>
        </div>
      </div>
      {r.after!.hard > 0 ? (
        <Flash kind="error">
          {t('weekly.review.hardRules', { rules: Object.entries(r.after!.hardRules).map(([id, n]) => `${v.ruleNames[id] ?? id} ×${n}`).join('、') })}
        </Flash>
      ) : null}
      {r.changes.length === 0 ? (
        <p class="empty">{t('weekly.review.noChanges')}</p>
      ) : (
        <table class="grid dense weekly-changes" data-testid="change-list">
          <thead>
            <tr>
              <th>{t('weekly.change.who')}</th>
              <th>{t('weekly.change.day')}</th>
              <th>{t('weekly.change.from')}</th>
              <th></th>
              <th>{t('weekly.change.to')}</th>
              <th>{t('weekly.change.why')}</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {r.changes.map((c) => (
              <tr class={c.dropped ? 'dropped' : undefined} data-agent={c.agent} data-date={c.date}>
                <td class="nowrap">
                  {c.agent} {c.name}
                </td>
                <td class="nowrap">{c.date}</td>
                <td class="nowrap">{cellText(ctx, c.from)}</td>
                <td aria-hidden="true">→</td>
                <td class="nowrap">
                  <strong>{cellText(ctx, c.to)}</strong>
                </td>
                <td>
                  {c.reasons.map((x) => (
                    <span class={`badge reason-${x}`}>{t(`weekly.reason.${x}`)}</span>
                  ))}
                </td>
                <td>
                  {c.required ? (
                    <span class="muted">{t('weekly.change.required')}</span>
                  ) : r.status === 'done' ? (
                    <PostForm ctx={ctx} action={`/rosters/weekly/revisions/${r.id}/drop?week=${v.week}&month=${v.month}`} class="inline">
                      <input type="hidden" name="agent" value={c.agent} />
                      <input type="hidden" name="date" value={c.date} />
                      <input type="hidden" name="keep" value={c.dropped ? '1' : '0'} />
                      <button type="submit" class="small">
                        {c.dropped ? t('weekly.change.keep') : t('weekly.change.drop')}
                      </button>
                    </PostForm>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {r.status === 'done' ? (
        <div class="row weekly-decide">
          <PostForm ctx={ctx} action={`/rosters/weekly/revisions/${r.id}/publish?week=${v.week}&month=${v.month}`} class="inline">
            <button type="submit" class="primary" disabled={r.stale || r.after!.hard > 0}>
              {t('weekly.review.publish', { n: String(kept.length) })}
            </button>
          </PostForm>
          <PostForm ctx={ctx} action={`/rosters/weekly/revisions/${r.id}/discard?week=${v.week}&month=${v.month}`} class="inline">
            <button type="submit">{t('weekly.review.discard')}</button>
          </PostForm>
        </div>
      ) : (
        <p class="muted">{t(`weekly.job.${r.status}`)}</p>
      )}
    </section>
  );
}

export function WeeklyPage({ ctx, v }: { ctx: ViewContext; v: WeeklyView }) {
  const { t } = ctx;
  const prev = addDays(v.week, -7);
  const next = addDays(v.week, 7);
  const r = v.revision;
  const moved = v.deltas.filter((d) => Math.abs(d.nowHours - d.snapshotHours) >= 0.5 || d.why.length > 0);
  return (
    <section class="panel weekly">
      <SchedulingTabs ctx={ctx} active="weekly" />
      <WeeklyNav ctx={ctx} active="replan" />
      <div class="titlebar">
        <h1>{t('weekly.title', { week: v.week })}</h1>
        <nav class="row weekly-weeks" aria-label={t('weekly.pickWeek')}>
          <a href={`/rosters/weekly?week=${prev}`}>← {prev}</a>
          <form method="get" action="/rosters/weekly" class="inline">
            <label class="sr-only" for="f-week">
              {t('weekly.pickWeek')}
            </label>
            <input id="f-week" type="date" name="week" value={v.week} />
            <button type="submit" class="small">
              {t('weekly.go')}
            </button>
          </form>
          <a href={`/rosters/weekly?week=${next}`}>{next} →</a>
        </nav>
      </div>
      {v.months.length > 1 ? (
        <p class="weekly-months">
          {t('weekly.spans')}{' '}
          {v.months.map((m) => (m === v.month ? <strong class="badge">{m}</strong> : <a class="badge" href={`/rosters/weekly?week=${v.week}&month=${m}`}>{m}</a>))}
        </p>
      ) : null}
      {v.notice ? <Flash kind="ok">{v.notice}</Flash> : null}
      {v.problem ? <Flash kind="error">{v.problem}</Flash> : null}
      {!v.roster ? (
        <p class="empty">{t('weekly.noRoster', { month: v.month })}</p>
      ) : (
        <>
          <p class="lead">
            {t('weekly.lead', { month: v.month, version: String(v.roster.version), at: formatInstant(v.roster.publishedAt, ctx.locale), today: v.today })}{' '}
            <a href={`/rosters/${v.month}/versions`}>{t('weekly.versions.link')}</a>
          </p>
          {v.window.length === 0 ? <Flash kind="info">{t('weekly.pastWeek')}</Flash> : null}
          <div class="weekly-cols">
            <section>
              <h2>{t('weekly.moved.title')}</h2>
              {moved.length === 0 ? (
                <p class="muted" data-testid="forecast-same">
                  {t('weekly.moved.none')}
                </p>
              ) : (
                <table class="grid dense" data-testid="forecast-deltas">
                  <thead>
                    <tr>
                      <th>{t('sched.project')}</th>
                      <th>{t('sched.date')}</th>
                      <th class="num">{t('weekly.moved.snapshot')}</th>
                      <th class="num">{t('weekly.moved.now')}</th>
                      <th>{t('weekly.moved.why')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {moved.map((d) => (
                      <tr>
                        <td>{d.project}</td>
                        <td class="nowrap">{d.date}</td>
                        <td class="num">{num(d.snapshotHours)}</td>
                        <td class={d.nowHours > d.snapshotHours + 0.4 ? 'num up' : d.nowHours < d.snapshotHours - 0.4 ? 'num down' : 'num'}>{num(d.nowHours)}</td>
                        <td>
                          {d.why.map((w) => (
                            <span class={`badge why-${w.kind}`} title={w.text}>
                              {t(`weekly.why.${w.kind}`, { text: w.text })}
                            </span>
                          ))}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
            <section>
              <h2>{t('weekly.conflicts.title')}</h2>
              {v.conflicts.length === 0 ? (
                <p class="muted">{t('weekly.conflicts.none')}</p>
              ) : (
                <table class="grid dense" data-testid="leave-conflicts">
                  <thead>
                    <tr>
                      <th>{t('weekly.change.who')}</th>
                      <th>{t('sched.date')}</th>
                      <th>{t('weekly.conflicts.shift')}</th>
                      <th>{t('weekly.leave.kind')}</th>
                      <th>{t('weekly.leave.entered')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {v.conflicts.map((c) => (
                      <tr>
                        <td class="nowrap">
                          {c.agent} {c.name}
                        </td>
                        <td class="nowrap">{c.date}</td>
                        <td>{cellText(ctx, { shift: c.shift, project: c.project })}</td>
                        <td>{t(`weekly.leave.kind.${c.kind}`)}</td>
                        <td class="muted nowrap">{formatInstant(c.enteredAt, ctx.locale)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              <p>
                <a href="/rosters/leave">{t('weekly.conflicts.enter')}</a>
              </p>
            </section>
          </div>
          {v.window.length > 0 && !(r && live(r.status)) ? (
            <PostForm ctx={ctx} action="/rosters/weekly/replan" class="weekly-replan">
              <input type="hidden" name="week" value={v.week} />
              <input type="hidden" name="month" value={v.month} />
              <h2>{t('weekly.replan.title')}</h2>
              <p class="hint">{t('weekly.replan.hint', { from: v.window[0]!, to: v.window.at(-1)! })}</p>
              <div class="row weekly-weight">
                <div class={v.errors.weight ? 'field has-error' : 'field'}>
                  <label for="f-weight">{t('weekly.replan.weight')}</label>
                  <div class="row">
                    <span class="muted">{t('weekly.preset.coverage')}</span>
                    <input id="f-weight" type="range" name="weight" min="50" max="3000" step="50" value={v.weight} list="weight-presets" aria-describedby="f-weight-hint" />
                    <span class="muted">{t('weekly.preset.few')}</span>
                  </div>
                  <datalist id="weight-presets">
                    {WEIGHT_PRESETS.map(([, w]) => (
                      <option value={String(w)}></option>
                    ))}
                  </datalist>
                  <p class="hint" id="f-weight-hint">
                    {t('weekly.replan.weightHint')}
                  </p>
                  {v.errors.weight ? <p class="error">{v.errors.weight}</p> : null}
                </div>
                <Field name="seconds" type="number" label={t('weekly.replan.seconds')} value={v.seconds} error={v.errors.seconds} />
              </div>
              <div class="row">
                <button type="submit" class="primary">
                  {t('weekly.replan.run')}
                </button>
                {WEIGHT_PRESETS.map(([k, w]) => (
                  <button type="submit" name="preset" value={String(w)} class={`preset preset-${k}`}>
                    {t(`weekly.preset.${k}`)} ({w})
                  </button>
                ))}
              </div>
            </PostForm>
          ) : null}
          {r ? <ReplanJob ctx={ctx} r={r} week={v.week} month={v.month} /> : null}
          {r && r.after && r.before && (r.status === 'done' || r.status === 'published') ? <Review ctx={ctx} v={v} r={r} /> : null}
        </>
      )}
    </section>
  );
}

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The version history page's data. */
export interface VersionsView {
  month: string;
  published: { at: Date | null; by: string | null; version: number } | null;
  versions: { version: number; kind: string; note: string; by: string | null; at: Date; changes: { agent: string; name: string; date: string; from: Cell; to: Cell; reasons: string[] }[] }[];
  scheduler: boolean;
}

export function VersionsPage({ ctx, v }: { ctx: ViewContext; v: VersionsView }) {
  const { t } = ctx;
  return (
    <section class="panel weekly">
      {v.scheduler ? <SchedulingTabs ctx={ctx} active="weekly" /> : null}
      <h1>{t('weekly.versions.title', { month: v.month })}</h1>
      {!v.published ? (
        <p class="empty">{t('weekly.noRoster', { month: v.month })}</p>
      ) : (
        <ol class="weekly-versions" data-testid="versions">
          {v.versions.map((x) => (
            <li>
              <p>
                <strong>{t('weekly.versions.version', { n: String(x.version) })}</strong> · <span class={`badge kind-${x.kind}`}>{t(`weekly.kind.${x.kind}`)}</span> · {formatInstant(x.at, ctx.locale)} · {x.by ?? '—'} ·{' '}
                {t('weekly.versions.count', { n: String(x.changes.length) })}
                {x.note ? <span class="muted"> · {x.note}</span> : null}
              </p>
              {x.changes.length ? (
                <details open={x.changes.length <= 12}>
                  <summary>{t('weekly.versions.changes')}</summary>
                  <table class="grid dense">
                    <tbody>
                      {x.changes.map((c) => (
                        <tr>
                          <td class="nowrap">
                            {c.agent} {c.name}
                          </td>
                          <td class="nowrap">{c.date}</td>
                          <td class="nowrap">
                            {cellText(ctx, c.from)} → <strong>{cellText(ctx, c.to)}</strong>
                          </td>
                          <td>
                            {c.reasons.map((r) => (
                              <span class={`badge reason-${r}`}>{t(`weekly.reason.${r}`)}</span>
                            ))}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </details>
              ) : null}
            </li>
          ))}
          <li>
            <p>
              <strong>{t('weekly.versions.first')}</strong> · <span class="badge kind-publish">{t('weekly.kind.publish')}</span> · {formatInstant(v.published.at, ctx.locale)} · {v.published.by ?? '—'}
            </p>
          </li>
        </ol>
      )}
    </section>
  );
}

/** A swap as the pages show it. */
export interface SwapView {
  id: number;
  month: string;
  requester: { code: string; name: string };
  requesterDate: string;
  colleague: { code: string; name: string; hasLogin: boolean };
  colleagueDate: string;
  note: string;
  status: string;
  cells: { agent: string; date: string; from: Cell; to: Cell }[];
  hard: { name: string; count: number }[];
  soft: { name: string; delta: number }[];
  softDelta: number;
  createdAt: Date;
}

/** A pending swap whose colleague has no login waits for the scheduler, not for the colleague. */
const swapStatusKey = (s: SwapView) => (s.status === 'pending' && !s.colleague.hasLogin ? 'pendingScheduler' : s.status);

/** One swap's cells and rule check, compact. */
export function SwapSummary({ ctx, s }: { ctx: ViewContext; s: SwapView }) {
  const { t } = ctx;
  return (
    <div class="swap-summary">
      <p>
        {s.cells.map((c) => (
          <span class="swap-cell">
            {c.agent} {c.date}: {cellText(ctx, c.from)} → <strong>{cellText(ctx, c.to)}</strong>
          </span>
        ))}
      </p>
      {s.hard.length ? (
        <p class="error">{t('weekly.swap.hard', { rules: s.hard.map((h) => h.name).join('、') })}</p>
      ) : (
        <p class="muted">
          {t('weekly.swap.soft', { delta: (s.softDelta > 0 ? '+' : '') + num(s.softDelta) })} {s.soft.slice(0, 4).map((x) => `${x.name} ${x.delta > 0 ? '+' : ''}${num(x.delta)}`).join(' · ')}
        </p>
      )}
    </div>
  );
}

export function SwapsPage({ ctx, swaps, notice, problem }: { ctx: ViewContext; swaps: SwapView[]; notice?: string; problem?: string }) {
  const { t } = ctx;
  return (
    <section class="panel weekly">
      <SchedulingTabs ctx={ctx} active="weekly" />
      <WeeklyNav ctx={ctx} active="swaps" />
      <h1>{t('weekly.swaps.title')}</h1>
      <p class="lead">{t('weekly.swaps.lead')}</p>
      {notice ? <Flash kind="ok">{notice}</Flash> : null}
      {problem ? <Flash kind="error">{problem}</Flash> : null}
      {swaps.length === 0 ? (
        <p class="empty">{t('weekly.swaps.none')}</p>
      ) : (
        <table class="grid" data-testid="swaps">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('weekly.swap.requester')}</th>
              <th>{t('weekly.swap.colleague')}</th>
              <th>{t('weekly.swap.check')}</th>
              <th>{t('weekly.swap.status')}</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {swaps.map((s) => (
              <tr data-swap={String(s.id)}>
                <td>{String(s.id)}</td>
                <td class="nowrap">
                  {s.requester.code} {s.requester.name}
                  <br />
                  <small class="muted">{s.requesterDate}</small>
                </td>
                <td class="nowrap">
                  {s.colleague.code} {s.colleague.name}
                  <br />
                  <small class="muted">{s.colleagueDate}</small>
                </td>
                <td>
                  <SwapSummary ctx={ctx} s={s} />
                  {s.note ? <p class="muted">“{s.note}”</p> : null}
                </td>
                <td>
                  <span class={`badge swap-${s.status}`}>{t(`weekly.swap.status.${swapStatusKey(s)}`)}</span>
                  {s.status === 'pending' && s.colleague.hasLogin ? <p class="hint">{t('weekly.swap.awaitColleague')}</p> : null}
                </td>
                <td class="nowrap">
                  {s.status === 'accepted' || (s.status === 'pending' && !s.colleague.hasLogin) ? (
                    <>
                      <PostForm ctx={ctx} action={`/rosters/swaps/${s.id}/approve`} class="inline">
                        <button type="submit" class="small primary">
                          {t('weekly.swap.approve')}
                        </button>
                      </PostForm>{' '}
                    </>
                  ) : null}
                  {s.status === 'accepted' || s.status === 'pending' ? (
                    <PostForm ctx={ctx} action={`/rosters/swaps/${s.id}/reject`} class="inline">
                      <button type="submit" class="small danger">
                        {t('weekly.swap.reject')}
                      </button>
                    </PostForm>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The agent's swap panel on "my schedule": the request form and their own requests (as requester or colleague). */
export interface SwapRequestView {
  colleagues: { code: string; name: string; team: string }[];
  swaps: (SwapView & { mine: boolean })[];
  form: Record<string, string>;
  errors: Record<string, string>;
  check?: { hard: string[]; softDelta: number };
  minDate: string;
}

export function SwapRequestPanel({ ctx, v }: { ctx: ViewContext; v: SwapRequestView }) {
  const { t } = ctx;
  return (
    <section class="swap-panel" id="swaps">
      <h2>{t('weekly.swap.title')}</h2>
      <p class="hint">{t('weekly.swap.lead')}</p>
      {v.errors.check ? <Flash kind="error">{v.errors.check}</Flash> : null}
      <PostForm ctx={ctx} action="/schedule/swaps" class="row-form" id="swap-form">
        <Field name="myDate" type="date" label={t('weekly.swap.myDate')} value={v.form.myDate ?? v.minDate} error={v.errors.myDate} />
        <Select name="colleague" label={t('weekly.swap.colleague')} value={v.form.colleague ?? ''} options={[['', '—'], ...v.colleagues.map((c): [string, string] => [c.code, `${c.code} ${c.name} · ${c.team}`])]} error={v.errors.colleague} />
        <Field name="theirDate" type="date" label={t('weekly.swap.theirDate')} value={v.form.theirDate ?? ''} error={v.errors.theirDate} hint={t('weekly.swap.theirDateHint')} />
        <Field name="note" label={t('weekly.leave.note')} value={v.form.note} error={v.errors.note} />
        <button type="submit" class="primary">
          {t('weekly.swap.request')}
        </button>
      </PostForm>
      {v.swaps.length ? (
        <table class="grid dense" data-testid="my-swaps">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('weekly.swap.requester')}</th>
              <th>{t('weekly.swap.colleague')}</th>
              <th>{t('weekly.swap.check')}</th>
              <th>{t('weekly.swap.status')}</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {v.swaps.map((s) => (
              <tr data-swap={String(s.id)}>
                <td>{String(s.id)}</td>
                <td class="nowrap">
                  {s.requester.name} <small class="muted">{s.requesterDate}</small>
                </td>
                <td class="nowrap">
                  {s.colleague.name} <small class="muted">{s.colleagueDate}</small>
                </td>
                <td>
                  <SwapSummary ctx={ctx} s={s} />
                </td>
                <td>
                  <span class={`badge swap-${s.status}`}>{t(`weekly.swap.status.${swapStatusKey(s)}`)}</span>
                </td>
                <td class="nowrap">
                  {!s.mine && s.status === 'pending' ? (
                    <>
                      <PostForm ctx={ctx} action={`/schedule/swaps/${s.id}/accept`} class="inline">
                        <button type="submit" class="small primary">
                          {t('weekly.swap.accept')}
                        </button>
                      </PostForm>{' '}
                      <PostForm ctx={ctx} action={`/schedule/swaps/${s.id}/decline`} class="inline">
                        <button type="submit" class="small danger">
                          {t('weekly.swap.decline')}
                        </button>
                      </PostForm>
                    </>
                  ) : null}
                  {s.mine && (s.status === 'pending' || s.status === 'accepted') ? (
                    <PostForm ctx={ctx} action={`/schedule/swaps/${s.id}/withdraw`} class="inline">
                      <button type="submit" class="small">
                        {t('weekly.swap.withdraw')}
                      </button>
                    </PostForm>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
