// Roster screens: the solve job component, the month grid with penalties, coverage and the cell editor.
import type { ViewContext } from '../context.ts';
import { Flash, PostForm, Select, formatInstant } from '../components.tsx';

/** A solve job as its component shows it. */
export interface JobView {
  id: number;
  month: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  progress: number;
  bestHard: number | null;
  bestSoft: number | null;
  error: string | null;
}

/** One row of the grid. */
export interface GridAgent {
  code: string;
  name: string;
  team: string;
  cells: { shift: string | null; project: string | null; locked: boolean }[];
}

/** The cell being edited, with the agent's rule warnings after a re-score. */
export interface EditView {
  agent: string;
  name: string;
  date: string;
  shift: string;
  project: string;
  locked: boolean;
  warnings: { rule: string; hard: boolean; message: string; date?: string }[];
}

/** What saving the picked shift/project would do, computed without storing anything. */
export interface PreviewView {
  month: string;
  agent: string;
  name: string;
  date: string;
  /** Input the cell form would refuse (the preview says why instead of scoring). */
  error?: string;
  /** Unchanged: the pick equals the stored cell. */
  same?: boolean;
  before?: { hard: number; soft: number };
  after?: { hard: number; soft: number };
  /** Score change per rule (rule name in the reader's language), largest change first. */
  rules?: { name: string; hard: boolean; delta: number }[];
  /** Coverage shortfall in agent-intervals on the edited day (and the next when a night shift spills over), per project. */
  coverage?: { date: string; before: number; after: number; projects: { project: string; delta: number }[] }[];
  /** The agent's warnings after the edit; `isNew` marks those the edit would cause. */
  warnings?: (EditView['warnings'][number] & { isNew: boolean })[];
  /** Warnings the edit would clear. */
  cleared?: EditView['warnings'];
}

/**
 * The solver's penalty sentences, in the reader's language. Each pattern mirrors one message of
 * scheduling/roster/constraints/*.ts; a sentence no pattern knows is shown as it is.
 */
const PENALTY_MESSAGES: [RegExp, string, string[]][] = [
  [/^(.+) works (\d+) min in the week of (\d{4}-\d\d-\d\d) \(contract (\d+)–(\d+)\)$/, 'weekMinutes', ['name', 'minutes', 'date', 'min', 'max']],
  [/^(.+) works (\d+) min this period \(contract (\d+)–(\d+)\)$/, 'monthMinutes', ['name', 'minutes', 'min', 'max']],
  [/^(\S+) (\d{4}-\d\d-\d\d) #(\d+): ([\d.]+) on duty, ([\d.]+) required$/, 'coverage', ['project', 'date', 'interval', 'onDuty', 'required']],
  [/^(\d+) (weekends|nights|holidays) against a mean of ([\d.]+)$/, 'fair', ['count', 'what', 'mean']],
  [/^(.+): project (\S+) → (\S+)$/, 'baselineProject', ['name', 'from', 'to']],
  [/^(.+): (\S+) → (\S+)$/, 'baselineShift', ['name', 'from', 'to']],
  [/^(.+) works (\d+) nights \(max (\d+)\)$/, 'maxNights', ['name', 'count', 'max']],
  [/^(.+) works (\d+) weekends \(max (\d+)\)$/, 'maxWeekends', ['name', 'count', 'max']],
  [/^(.+) has (\d+) day\(s\) off in the week of (\S+) \(min (\d+)\)$/, 'daysOffWeek', ['name', 'count', 'date', 'min']],
  [/^(.+) holds 常白班 but works (\S+)$/, 'dayShiftsOnly', ['name', 'shift']],
  [/^(.+) holds 节日连休 but works on (\S+)$/, 'holidayRest', ['name', 'date']],
  [/^(.+) holds 优选排次 \((\S+)\) but works (\S+)$/, 'firstPick', ['name', 'picked', 'shift']],
  [/^(.+) works (\S+) on approved leave$/, 'leave', ['name', 'shift']],
  [/^(.+): pinned (\S+), rostered (\S+)$/, 'pinned', ['name', 'pinned', 'rostered']],
  [/^(.+) serves (.+) without the skill$/, 'skill', ['name', 'project']],
  [/^(.+)'s contract does not allow shift (\S+)$/, 'allowedShift', ['name', 'shift']],
  [/^(.+) prefers (\S+) but works (\S+)$/, 'preferredShift', ['name', 'wanted', 'shift']],
  [/^(.+) avoids (\S+) on this weekday$/, 'avoidedShift', ['name', 'shift']],
  [/^(.+) prefers this weekday off$/, 'preferredDayOff', ['name']],
  [/^(.+): (\d+) min rest between (\S+) and (\S+), (\d+) short$/, 'minRest', ['name', 'rest', 'before', 'after', 'short']],
  [/^(.+): (\S+) may not follow (\S+)$/, 'succession', ['name', 'shift', 'previous']],
  [/^(.+) works (\d+) days in a row \(max (\d+)\)$/, 'maxRun', ['name', 'count', 'max']],
  [/^(.+) works a run of (\d+) day\(s\) \(min (\d+)\)$/, 'minRun', ['name', 'count', 'min']],
  [/^(.+) has (\d+) day\(s\) off in a row \(min (\d+)\)$/, 'minOff', ['name', 'count', 'min']],
];

/**
 * A solver penalty sentence in the reader's language (interval numbers become clock times of 30-minute intervals).
 * @example penaltyText(t, '王伟 works 7 days in a row (max 6)') // zh-CN: '王伟 连续工作 7 天（上限 6 天）'
 */
export function penaltyText(t: ViewContext['t'], message: string): string {
  for (const [re, key, names] of PENALTY_MESSAGES) {
    const m = re.exec(message);
    if (!m) continue;
    const vars: Record<string, string> = {};
    names.forEach((n, i) => (vars[n] = m[i + 1]!));
    const off = (x: string | undefined) => (x === 'off' ? t('roster.edit.off') : x === 'no project' ? t('roster.msg.noProject') : x!);
    for (const k of ['from', 'to', 'pinned', 'rostered', 'project']) if (k in vars) vars[k] = off(vars[k]);
    if (vars.what) vars.what = t(`roster.msg.what.${vars.what}`);
    if (vars.interval) {
      const minutes = Number(vars.interval) * 30;
      vars.interval = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    }
    return t(`roster.msg.${key}`, vars);
  }
  return message;
}

/** Everything the month page shows. */
export interface RosterView {
  month: string;
  roster: { status: 'draft' | 'published'; version: number; publishedAt: Date | null; lowerBound: number | null; hard: number; soft: number; shortfall: number } | null;
  job: JobView | null;
  days: { date: string; weekday: number; holiday: boolean }[];
  agents: GridAgent[];
  totalAgents: number;
  teams: string[];
  projects: string[];
  shiftCodes: string[];
  filter: { team: string; project: string };
  rules: { id: string; name: string; hard: boolean; amount: number; count: number }[];
  coverage: { date: string; required: number[]; scheduled: number[] } | null;
  edit: EditView | null;
  errors: Record<string, string>;
  seconds: string;
  notice?: string;
  problem?: string;
}

const running = (j: JobView) => j.status === 'queued' || j.status === 'running';
const num = (x: number | null) => (x === null ? '—' : String(Math.round(x * 10) / 10));

/** The job failures the server knows, by their stored (English) text; anything else is shown as stored. */
const JOB_ERRORS: Record<string, string> = {
  interrupted: 'roster.job.err.interrupted',
  'the roster was edited or published during the solve': 'roster.job.err.edited',
  'roster is not a draft': 'roster.job.err.notDraft',
};

/**
 * A solve job's failure in the reader's language.
 * @example jobError(t, 'interrupted') // zh-CN: '服务在求解中途重启，任务已中断'
 */
export function jobError(t: ViewContext['t'], error: string | null): string {
  const key = error ? JOB_ERRORS[error] : undefined;
  return key ? t(key) : (error ?? '');
}

/** The self-refreshing job component: a progress bar and the best score while it runs, the outcome when it ends. */
export function RosterJob({ ctx, job }: { ctx: ViewContext; job: JobView }) {
  const { t } = ctx;
  const live = running(job);
  return (
    <div id="roster-job" class={`roster-job job-${job.status}`} hx-get={live ? `/rosters/jobs/${job.id}` : undefined} hx-trigger={live ? 'load delay:1s' : undefined} hx-swap={live ? 'outerHTML' : undefined}>
      <p>
        <strong>{t('roster.job.title', { id: String(job.id) })}</strong> · <span class="job-status">{t(`roster.job.${job.status}`)}</span>
      </p>
      <progress max="100" value={String(Math.round(job.progress * 100))} aria-label={t('roster.job.running')}>
        {Math.round(job.progress * 100)}%
      </progress>
      {job.bestHard !== null ? <p class="job-best">{t('roster.job.best', { hard: num(job.bestHard), soft: num(job.bestSoft) })}</p> : null}
      {job.status === 'failed' ? <Flash kind="error">{t('roster.job.error', { error: jobError(t, job.error) })}</Flash> : null}
      {live ? (
        <PostForm ctx={ctx} action={`/rosters/jobs/${job.id}/cancel`}>
          <button type="submit">{t('roster.job.cancel')}</button>
        </PostForm>
      ) : (
        <p>
          <a href={`/rosters/${job.month}`}>{t('roster.job.view')}</a>
        </p>
      )}
    </div>
  );
}

/** Coverage against requirement for one day: bars = required, line = on duty, per 30-minute interval. */
export function CoverageChart({ ctx, coverage }: { ctx: ViewContext; coverage: NonNullable<RosterView['coverage']> }) {
  const { t } = ctx;
  const W = 960;
  const H = 180;
  const top = 24;
  const bottom = 24;
  const max = Math.max(1, ...coverage.required, ...coverage.scheduled);
  const bw = W / coverage.required.length;
  const y = (v: number) => top + (H - top - bottom) * (1 - v / max);
  const points = coverage.scheduled.map((v, k) => `${(k * bw + bw / 2).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  return (
    <svg class="roster-coverage staffing-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('roster.coverage', { date: coverage.date })}>
      {coverage.required.map((v, k) => (
        <rect class="bar" x={(k * bw + 1).toFixed(1)} y={y(v).toFixed(1)} width={(bw - 2).toFixed(1)} height={(H - bottom - y(v)).toFixed(1)} fill="#7fb8d6">
          <title>{`${String(Math.floor(k / 2)).padStart(2, '0')}:${k % 2 ? '30' : '00'} ${t('roster.coverage.required')} ${v} / ${t('roster.coverage.scheduled')} ${Math.round(coverage.scheduled[k]! * 10) / 10}`}</title>
        </rect>
      ))}
      <polyline class="agents-line" points={points} fill="none" stroke="#b45309" stroke-width="2.5" />
      {[0, 6, 12, 18].map((h) => (
        <text x={(h * 2 * bw).toFixed(1)} y={H - 6} font-size="11" fill="#666">
          {`${String(h).padStart(2, '0')}:00`}
        </text>
      ))}
      <text x={W - 220} y={16} font-size="12" fill="#3f89b3">
        ■ {t('roster.coverage.required')}
      </text>
      <text x={W - 120} y={16} font-size="12" fill="#b45309">
        — {t('roster.coverage.scheduled')}
      </text>
    </svg>
  );
}

function query(v: RosterView, extra: Record<string, string>): string {
  const q = new URLSearchParams();
  if (v.filter.team) q.set('team', v.filter.team);
  if (v.filter.project) q.set('project', v.filter.project);
  for (const [k, val] of Object.entries(extra)) q.set(k, val);
  return `?${q.toString()}`;
}

function SolveForm({ ctx, v }: { ctx: ViewContext; v: RosterView }) {
  const { t } = ctx;
  return (
    <PostForm ctx={ctx} action={`/rosters/${v.month}/solve`} class="row roster-solve">
      <div class={v.errors.seconds ? 'field small has-error' : 'field small'}>
        <label for="f-seconds">{t('roster.seconds')}</label>
        <input id="f-seconds" name="seconds" type="number" min="1" max="300" value={v.seconds} aria-invalid={v.errors.seconds ? 'true' : undefined} />
        {v.errors.seconds ? <p class="error">{v.errors.seconds}</p> : null}
      </div>
      <button type="submit" class="primary">
        {v.roster ? t('roster.resolve') : t('roster.solve')}
      </button>
    </PostForm>
  );
}

function EditPanel({ ctx, v, edit }: { ctx: ViewContext; v: RosterView; edit: EditView }) {
  const { t } = ctx;
  const draft = v.roster?.status === 'draft';
  const hardWarnings = edit.warnings.filter((w) => w.hard);
  return (
    <section class="roster-edit" aria-labelledby="roster-edit-title">
      <h2 id="roster-edit-title">{t('roster.edit.title', { agent: `${edit.name} (${edit.agent})`, date: edit.date })}</h2>
      <div>
      {draft ? (
        <div class="row">
          <PostForm ctx={ctx} action={`/rosters/${v.month}/cells${query(v, {})}`} class="row">
            <input type="hidden" name="agent" value={edit.agent} />
            <input type="hidden" name="date" value={edit.date} />
            <input type="hidden" name="version" value={String(v.roster!.version)} />
            <div
              class="row roster-pick"
              hx-get={`/rosters/${v.month}/preview`}
              hx-trigger="change delay:200ms"
              hx-include="#f-cell-shift, #f-cell-project"
              hx-vals={JSON.stringify({ agent: edit.agent, date: edit.date })}
              hx-target="#roster-preview"
              hx-swap="innerHTML"
              hx-sync="this:queue last"
            >
              <Select name="shift" id="f-cell-shift" label={t('roster.edit.shift')} value={edit.shift} options={[['', t('roster.edit.off')], ...v.shiftCodes.map((s): [string, string] => [s, s])]} error={v.errors.shift} />
              <Select name="project" id="f-cell-project" label={t('roster.edit.project')} value={edit.project} options={[['', '—'], ...v.projects.map((p): [string, string] => [p, p])]} error={v.errors.project} />
            </div>
            <button type="submit" class="primary">
              {t('roster.edit.save')}
            </button>
          </PostForm>
          <PostForm ctx={ctx} action={`/rosters/${v.month}/lock${query(v, {})}`}>
            <input type="hidden" name="agent" value={edit.agent} />
            <input type="hidden" name="date" value={edit.date} />
            <input type="hidden" name="locked" value={edit.locked ? '0' : '1'} />
            <input type="hidden" name="version" value={String(v.roster!.version)} />
            <button type="submit">{edit.locked ? t('roster.edit.unlock') : t('roster.edit.lock')}</button>
          </PostForm>
        </div>
      ) : null}
      {edit.locked ? <p class="hint">{t('roster.edit.locked')}</p> : null}
      {draft ? (
        <div id="roster-preview" class="roster-preview" aria-live="polite">
          <p class="hint">{t('roster.preview.hint')}</p>
        </div>
      ) : null}
      </div>
      {edit.warnings.length ? (
        <div class={hardWarnings.length ? 'flash flash-error' : 'flash flash-info'} role="status">
          <p>{t('roster.warnings', { agent: edit.name })}</p>
          <ul class="roster-warnings">
            {edit.warnings.slice(0, 12).map((w) => (
              <li class={w.hard ? 'hard' : 'soft'}>
                <strong>{w.hard ? t('roster.hard') : t('roster.soft')}</strong> {w.date ? `${w.date.slice(5)} ` : ''}{w.rule}{t('roster.colon')}{penaltyText(t, w.message)}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <Flash kind="ok">{t('roster.warnings.none', { agent: edit.name })}</Flash>
      )}
    </section>
  );
}

/** The month page: status, job, score, penalties, coverage, the cell editor and the grid. */
export function RosterMonthPage({ ctx, v }: { ctx: ViewContext; v: RosterView }) {
  const { t } = ctx;
  const r = v.roster;
  return (
    <section class="panel roster">
      <h1>
        {t('roster.title', { month: v.month })} {r ? <span class={`badge roster-${r.status}`}>{t(`roster.status.${r.status}`)}</span> : null}
      </h1>
      {v.notice ? <Flash kind="ok">{v.notice}</Flash> : null}
      {v.problem ? <Flash kind="error">{v.problem}</Flash> : null}
      {r?.status === 'published' ? <p class="lead">{t('roster.publishedAt', { at: formatInstant(r.publishedAt, ctx.locale) })}</p> : null}
      {!r ? <p class="lead">{t('roster.none')}</p> : null}
      {v.job && v.job.status !== 'done' ? <RosterJob ctx={ctx} job={v.job} /> : null}
      <div class="row roster-actions">
        {r?.status !== 'published' && !(v.job && running(v.job)) ? <SolveForm ctx={ctx} v={v} /> : null}
        {r?.status === 'draft' && !(v.job && running(v.job)) ? (
          <>
            <PostForm ctx={ctx} action={`/rosters/${v.month}/undo`}>
              <input type="hidden" name="version" value={String(r.version)} />
              <button type="submit">{t('roster.undo')}</button>
            </PostForm>
            <PostForm ctx={ctx} action={`/rosters/${v.month}/publish`}>
              <input type="hidden" name="version" value={String(r.version)} />
              <button type="submit" class="primary">
                {t('roster.publish')}
              </button>
            </PostForm>
          </>
        ) : null}
        {r ? (
          <>
            <a class="button" href={`/rosters/${v.month}/export.csv`}>
              {t('roster.export')}
            </a>
            <a class="button" href={`/rosters/${v.month}/export.xlsx`}>
              {t('roster.exportXlsx')}
            </a>
          </>
        ) : null}
      </div>
      {r ? (
        <>
          <p class="roster-score">
            <strong>{t('roster.score', { hard: num(r.hard), soft: num(r.soft) })}</strong> ·{' '}
            {r.lowerBound === null ? t('roster.bound.none', { short: num(r.shortfall) }) : t('roster.bound', { bound: num(r.lowerBound), short: num(r.shortfall) })}
          </p>
          <form method="get" action={`/rosters/${v.month}`} class="row roster-filter">
            <div class="field small">
              <label for="f-team">{t('roster.filter.team')}</label>
              <select id="f-team" name="team">
                <option value="all" selected={v.filter.team === 'all'}>
                  {t('roster.filter.all')}
                </option>
                {v.teams.map((x) => (
                  <option value={x} selected={x === v.filter.team}>
                    {x}
                  </option>
                ))}
              </select>
            </div>
            <div class="field small">
              <label for="f-project">{t('roster.filter.project')}</label>
              <select id="f-project" name="project">
                <option value="">{t('roster.filter.all')}</option>
                {v.projects.map((x) => (
                  <option value={x} selected={x === v.filter.project}>
                    {x}
                  </option>
                ))}
              </select>
            </div>
            <div class="field small">
              <label for="f-day">{t('roster.coverage.day')}</label>
              <input id="f-day" name="day" type="date" min={v.days[0]?.date} max={v.days.at(-1)?.date} value={v.coverage?.date ?? ''} />
            </div>
            <button type="submit">{t('roster.filter')}</button>
          </form>
          {v.edit ? <EditPanel ctx={ctx} v={v} edit={v.edit} /> : <p class="hint">{t('roster.edit.hint')}</p>}
          <p class="hint">{t('roster.grid.count', { shown: String(v.agents.length), total: String(v.totalAgents) })}</p>
          <div class="roster-grid-wrap">
            <table class="grid roster-grid">
              <caption>{t('roster.grid.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('roster.grid.agent')}</th>
                  {v.days.map((d) => (
                    <th scope="col" class={d.weekday >= 5 || d.holiday ? 'weekend' : ''}>
                      {d.date.slice(8)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {v.agents.map((a) => (
                  <tr>
                    <th scope="row" class="agent">
                      {a.name} <small>{a.code}</small>
                    </th>
                    {a.cells.map((c, d) => {
                      const date = v.days[d]!.date;
                      const current = v.edit?.agent === a.code && v.edit.date === date;
                      const cls = ['cell', c.shift ? `shift-${c.shift} proj-${c.project}` : 'off', c.locked ? 'locked' : '', current ? 'current' : ''].filter(Boolean).join(' ');
                      return (
                        <td class={cls}>
                          <a href={`/rosters/${v.month}${query(v, { agent: a.code, date })}`} title={`${a.name} ${date} ${c.shift ?? t('roster.edit.off')} ${c.project ?? ''}`}>
                            {c.shift ?? '·'}
                            {c.shift ? <small>{c.project}</small> : null}
                            {c.locked ? <span class="lock-mark">{t('roster.lockMark')}</span> : null}
                          </a>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {v.coverage ? (
            <>
              <h2>{t('roster.coverage', { date: v.coverage.date })}</h2>
              <p class="hint">{t('roster.requirementNote')}</p>
              <CoverageChart ctx={ctx} coverage={v.coverage} />
            </>
          ) : null}
          <h2>{t('roster.penalties')}</h2>
          {v.rules.length ? (
            <table class="grid roster-penalties">
              <thead>
                <tr>
                  <th scope="col">{t('roster.rule')}</th>
                  <th scope="col">{t('roster.kind')}</th>
                  <th scope="col" class="num">{t('roster.amount')}</th>
                  <th scope="col" class="num">{t('roster.count')}</th>
                </tr>
              </thead>
              <tbody>
                {v.rules.map((x) => (
                  <tr class={x.hard ? 'hard' : 'soft'}>
                    <td>{x.name}</td>
                    <td>{x.hard ? t('roster.hard') : t('roster.soft')}</td>
                    <td class="num">{num(x.amount)}</td>
                    <td class="num">{x.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t('roster.noPenalties')}</p>
          )}
        </>
      ) : null}
    </section>
  );
}

const signed = (x: number) => (Math.abs(x) < 0.05 ? '±0' : `${x > 0 ? '+' : '−'}${num(Math.abs(x))}`);

/** The live preview of a cell edit: score change (hard/soft), coverage change of the day, the warnings it causes or clears. */
export function EditPreview({ ctx, p }: { ctx: ViewContext; p: PreviewView }) {
  const { t } = ctx;
  if (p.error) return <p class="error preview-error">{p.error}</p>;
  if (p.same || !p.before || !p.after) return <p class="hint">{t('roster.preview.same')}</p>;
  const dHard = p.after.hard - p.before.hard;
  const dSoft = p.after.soft - p.before.soft;
  const fresh = (p.warnings ?? []).filter((w) => w.isNew);
  return (
    <div class={`preview ${dHard > 0 ? 'worse-hard' : dHard < 0 || dSoft < 0 ? 'better' : dSoft > 0 ? 'worse' : ''}`}>
      <p class="preview-score">
        <strong>{t('roster.preview.ifSaved')}</strong>{' '}
        <span class={dHard > 0 ? 'delta up hard' : dHard < 0 ? 'delta down' : 'delta'}>{t('roster.preview.hard', { before: num(p.before.hard), after: num(p.after.hard), delta: signed(dHard) })}</span>
        {' · '}
        <span class={dSoft > 0 ? 'delta up' : dSoft < 0 ? 'delta down' : 'delta'}>{t('roster.preview.soft', { before: num(p.before.soft), after: num(p.after.soft), delta: signed(dSoft) })}</span>
      </p>
      {(p.coverage ?? []).map((c) => (
        <p class="preview-coverage">
          {t('roster.preview.coverage', { date: c.date.slice(5), before: num(c.before), after: num(c.after), delta: signed(c.after - c.before) })}
          {c.projects.length ? ` (${c.projects.map((x) => `${x.project} ${signed(x.delta)}`).join(', ')})` : ''}
        </p>
      ))}
      {p.rules?.length ? (
        <ul class="preview-rules">
          {p.rules.slice(0, 8).map((r) => (
            <li class={r.delta > 0 ? (r.hard ? 'up hard' : 'up') : 'down'}>
              {r.name} <span class="num">{signed(r.delta)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {fresh.length ? (
        <>
          <p class="preview-head">{t('roster.preview.new')}</p>
          <ul class="roster-warnings preview-new">
            {fresh.slice(0, 8).map((w) => (
              <li class={w.hard ? 'hard' : 'soft'}>
                <strong>{w.hard ? t('roster.hard') : t('roster.soft')}</strong> {w.date ? `${w.date.slice(5)} ` : ''}
                {w.rule}
                {t('roster.colon')}
                {penaltyText(t, w.message)}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="preview-head">{t('roster.preview.noNew')}</p>
      )}
      {p.cleared?.length ? (
        <>
          <p class="preview-head">{t('roster.preview.cleared')}</p>
          <ul class="roster-warnings preview-cleared">
            {p.cleared.slice(0, 6).map((w) => (
              <li>
                <del>
                  {w.date ? `${w.date.slice(5)} ` : ''}
                  {w.rule}
                  {t('roster.colon')}
                  {penaltyText(t, w.message)}
                </del>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
