// Closing the loop (知质培一体化): findings as script-fix proposals, training assignments, teaching
// cases and the weak-spot report with Wilson intervals.
import type { ViewContext } from '../context.ts';
import { Flash, PostForm, formatInstant } from '../components.tsx';
import { QualityTabs, StatusBadge, percent } from './common.tsx';

/** The forms under a submitted evaluation: finding, training, teaching case. */
export function LoopForms({ ctx, sampleId, items, scenarioCode }: { ctx: ViewContext; sampleId: number; items: { id: string; label: string }[]; scenarioCode: string | null }) {
  const { t } = ctx;
  const itemSelect = (id: string) => (
    <select name="itemId" id={id}>
      <option value="">{t('quality.loop.noItem')}</option>
      {items.map((i) => (
        <option value={i.id}>{i.label}</option>
      ))}
    </select>
  );
  return (
    <div class="q-loop">
      <details>
        <summary>{t('quality.finding.new')}</summary>
        <PostForm ctx={ctx} action={`/quality/samples/${sampleId}/findings`}>
          <div class="field">
            <label for="f-finding-scenario">{t('quality.finding.scenario')}</label>
            <input type="text" id="f-finding-scenario" name="scenarioCode" value={scenarioCode ?? ''} />
          </div>
          <div class="field">
            <label for="f-finding-item">{t('quality.item')}</label>
            {itemSelect('f-finding-item')}
          </div>
          <div class="field">
            <label for="f-finding-at">{t('quality.comment.at')}</label>
            <input type="number" step="0.1" min="0" id="f-finding-at" name="atSeconds" data-time-input="finding" />
          </div>
          <div class="field">
            <label for="f-finding-proposal">{t('quality.finding.proposal')}</label>
            <textarea id="f-finding-proposal" name="proposal" rows={3} required></textarea>
          </div>
          <button type="submit" class="primary">
            {t('quality.finding.send')}
          </button>
        </PostForm>
      </details>
      <details>
        <summary>{t('quality.training.new')}</summary>
        <PostForm ctx={ctx} action={`/quality/samples/${sampleId}/training`}>
          <div class="field">
            <label for="f-training-item">{t('quality.item')}</label>
            {itemSelect('f-training-item')}
          </div>
          <div class="field">
            <label for="f-training-topic">{t('quality.training.topic')}</label>
            <input type="text" id="f-training-topic" name="topic" required />
          </div>
          <button type="submit" class="primary">
            {t('quality.training.assign')}
          </button>
        </PostForm>
      </details>
      <details>
        <summary>{t('quality.case.new')}</summary>
        <PostForm ctx={ctx} action={`/quality/samples/${sampleId}/teaching`}>
          <div class="checks">
            <label class="check">
              <input type="radio" name="kind" value="good" /> {t('quality.case.good')}
            </label>
            <label class="check">
              <input type="radio" name="kind" value="bad" /> {t('quality.case.bad')}
            </label>
          </div>
          <div class="field">
            <label for="f-case-note">{t('quality.case.note')}</label>
            <input type="text" id="f-case-note" name="note" required />
          </div>
          <button type="submit" class="primary">
            {t('quality.case.save')}
          </button>
        </PostForm>
      </details>
    </div>
  );
}

export interface FindingView {
  id: number;
  callId: string | null;
  scenarioCode: string | null;
  item: string | null;
  atSeconds: number | null;
  proposal: string;
  status: string;
  resolution: string | null;
  by: string;
  createdAt: Date;
  recordingUrl: string | null;
  /** The evaluated sample the finding came from (linked for inspectors). */
  sampleId?: number | null;
}

export function FindingsPage({ ctx, findings, canResolve, notice }: { ctx: ViewContext; findings: FindingView[]; canResolve: boolean; notice?: string }) {
  const { t } = ctx;
  return (
    <section class="panel">
      {ctx.user?.roles.includes('inspector') ? <QualityTabs ctx={ctx} active="findings" /> : null}
      <h1>{t('quality.finding.title')}</h1>
      <p class="lead">{t('quality.finding.lead')}</p>
      {notice ? <Flash kind="ok">{notice}</Flash> : null}
      {findings.length === 0 ? <p class="empty">{t('quality.finding.empty')}</p> : null}
      {findings.map((f) => (
        <article class="q-finding" data-testid={`finding-${f.id}`}>
          <h2>
            {f.scenarioCode ?? t('quality.finding.noScenario')} ·{' '}
            {f.sampleId && ctx.user?.roles.includes('inspector') ? <a href={`/quality/samples/${f.sampleId}`}>{f.callId ?? ''}</a> : f.callId ?? ''} <StatusBadge ctx={ctx} status={f.status} />
          </h2>
          <p>{f.proposal}</p>
          <p class="muted">
            {f.item ? `${f.item} · ` : ''}
            {f.atSeconds !== null ? `${f.atSeconds}s · ` : ''}
            {f.by} · {formatInstant(f.createdAt, ctx.locale)}
          </p>
          {f.recordingUrl ? <audio controls preload="none" src={f.atSeconds !== null ? `${f.recordingUrl}#t=${f.atSeconds}` : f.recordingUrl}></audio> : null}
          {f.resolution ? (
            <p>
              {t('quality.dispute.resolution')}: {f.resolution}
            </p>
          ) : null}
          {canResolve && f.status === 'open' ? (
            <PostForm ctx={ctx} action={`/quality/findings/${f.id}/resolve`} class="inline">
              <input type="text" name="resolution" aria-label={t('quality.dispute.resolution')} placeholder={t('quality.dispute.resolution')} required />
              <button type="submit" name="status" value="accepted" class="small primary">
                {t('quality.finding.accept')}
              </button>
              <button type="submit" name="status" value="rejected" class="small">
                {t('quality.finding.reject')}
              </button>
            </PostForm>
          ) : null}
        </article>
      ))}
    </section>
  );
}

export interface WeakSpot {
  group: string;
  item: string;
  failures: number;
  checked: number;
  rate: number;
  low: number;
  high: number;
}

/** Failed items of one error category: count, share of all failed items and its Wilson interval. */
export interface CategoryShare {
  group?: string;
  category: string;
  failures: number;
  share: number;
  low: number;
  high: number;
}

function CategoryTable({ ctx, rows, by, testid }: { ctx: ViewContext; rows: CategoryShare[]; by?: string; testid: string }) {
  const { t } = ctx;
  return (
    <table class="grid dense" data-testid={testid}>
      <thead>
        <tr>
          {by ? <th>{t(`quality.weak.by.${by}`)}</th> : null}
          <th>{t('quality.report.col.category')}</th>
          <th class="num">{t('quality.report.col.failures')}</th>
          <th class="num">{t('quality.report.col.share')}</th>
          <th>{t('quality.pass.interval')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            {by ? <td>{r.group}</td> : null}
            <td>{r.category}</td>
            <td class="num">{r.failures}</td>
            <td class="num">{percent(r.share * 100)}</td>
            <td class="nowrap">
              {percent(r.low * 100)} – {percent(r.high * 100)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The configurable list of error categories: add one, retire or restore one. */
export function ErrorCategoriesPage(props: { ctx: ViewContext; categories: { code: string; name: string; active: boolean }[]; errors: Record<string, string>; values: { code: string; name: string }; notice?: string }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section class="panel">
      <QualityTabs ctx={ctx} active="weak" />
      <h1>{t('quality.category.title')}</h1>
      <p class="lead">{t('quality.category.lead')}</p>
      {props.notice ? <Flash kind="ok">{props.notice}</Flash> : null}
      <table class="grid dense" data-testid="error-categories">
        <thead>
          <tr>
            <th>{t('quality.category.code')}</th>
            <th>{t('quality.category.name')}</th>
            <th>{t('form.status')}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {props.categories.map((c) => (
            <tr class={c.active ? '' : 'muted'}>
              <td>
                <code>{c.code}</code>
              </td>
              <td>{c.name}</td>
              <td>{c.active ? t('quality.category.active') : t('quality.category.retired')}</td>
              <td>
                <PostForm ctx={ctx} action={`/quality/error-categories/${c.code}/toggle`} class="inline">
                  <button type="submit" class="small">
                    {c.active ? t('quality.category.retire') : t('quality.category.restore')}
                  </button>
                </PostForm>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('quality.category.add')}</h2>
      <PostForm ctx={ctx} action="/quality/error-categories" class="row-form">
        <div class={props.errors.code ? 'field has-error' : 'field'}>
          <label for="f-code">{t('quality.category.code')}</label>
          <input type="text" id="f-code" name="code" value={props.values.code} maxlength={40} required />
          {props.errors.code ? <p class="error">{props.errors.code}</p> : <p class="hint">{t('quality.category.codeHint')}</p>}
        </div>
        <div class={props.errors.name ? 'field has-error' : 'field'}>
          <label for="f-name">{t('quality.category.name')}</label>
          <input type="text" id="f-name" name="name" value={props.values.name} maxlength={60} required />
          {props.errors.name ? <p class="error">{props.errors.name}</p> : null}
        </div>
        <button type="submit" class="primary">
          {t('quality.category.addButton')}
        </button>
      </PostForm>
    </section>
  );
}

export function WeakSpotsPage(props: {
  ctx: ViewContext;
  by: string;
  spots: WeakSpot[];
  categories?: CategoryShare[];
  categoryByGroup?: CategoryShare[];
  threshold: string;
  minChecked: string;
  notice?: string;
  errors: Record<string, string>;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section class="panel">
      <QualityTabs ctx={ctx} active="weak" />
      <h1>{t('quality.weak.title')}</h1>
      <p class="lead">{t('quality.weak.lead')}</p>
      <p>
        <a href="/quality/evaluations.csv" hx-boost="false" download>
          {t('quality.weak.export')}
        </a>
      </p>
      {props.notice ? <Flash kind="ok">{props.notice}</Flash> : null}
      <nav class="tabs">
        {(['team', 'project', 'scenario', 'agent'] as const).map((b) => (
          <a href={`/quality/weak-spots?by=${b}`} class={props.by === b ? 'active' : ''}>
            {t(`quality.weak.by.${b}`)}
          </a>
        ))}
      </nav>
      {props.spots.length === 0 ? (
        <p class="empty">{t('quality.weak.empty')}</p>
      ) : (
        <table class="grid dense" data-testid="weak-spots">
          <thead>
            <tr>
              <th>{t(`quality.weak.by.${props.by}`)}</th>
              <th>{t('quality.item')}</th>
              <th>{t('quality.weak.failures')}</th>
              <th>{t('quality.weak.rate')}</th>
              <th>{t('quality.pass.interval')}</th>
            </tr>
          </thead>
          <tbody>
            {props.spots.map((s) => (
              <tr>
                <td>{s.group}</td>
                <td>{s.item}</td>
                <td>
                  {s.failures}/{s.checked}
                </td>
                <td>
                  <meter min={0} max={1} value={s.rate} high={0.3} optimum={0}></meter> {percent(s.rate * 100)}
                </td>
                <td class="nowrap">
                  {percent(s.low * 100)} – {percent(s.high * 100)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('quality.weak.byCategory')}</h2>
      <p class="hint">
        {t('quality.weak.byCategoryHint')} <a href="/quality/error-categories">{t('quality.category.manage')}</a>
      </p>
      {props.categories?.length ? (
        <div class="q-report-grid">
          <CategoryTable ctx={ctx} rows={props.categories} testid="weak-categories" />
          <CategoryTable ctx={ctx} rows={props.categoryByGroup ?? []} by={props.by} testid="weak-categories-by-group" />
        </div>
      ) : (
        <p class="empty">{t('quality.report.noFailures')}</p>
      )}
      <h2>{t('quality.weak.assignTitle')}</h2>
      <PostForm ctx={ctx} action="/quality/weak-spots/training" class="row-form">
        <div class={props.errors.threshold ? 'field has-error' : 'field'}>
          <label for="f-threshold">{t('quality.weak.threshold')}</label>
          <input type="number" id="f-threshold" name="threshold" value={props.threshold} min="1" max="100" />
          {props.errors.threshold ? <p class="error">{props.errors.threshold}</p> : null}
        </div>
        <div class={props.errors.minChecked ? 'field has-error' : 'field'}>
          <label for="f-minChecked">{t('quality.weak.minChecked')}</label>
          <input type="number" id="f-minChecked" name="minChecked" value={props.minChecked} min="1" />
          {props.errors.minChecked ? <p class="error">{props.errors.minChecked}</p> : null}
        </div>
        <button type="submit" class="primary">
          {t('quality.weak.assign')}
        </button>
      </PostForm>
    </section>
  );
}

export interface CaseView {
  id: number;
  callId: string;
  kind: string;
  note: string;
  recordingUrl: string | null;
  by: string;
  createdAt: Date;
}

export function CasesPage({ ctx, cases }: { ctx: ViewContext; cases: CaseView[] }) {
  const { t } = ctx;
  return (
    <section class="panel">
      <h1>{t('quality.case.title')}</h1>
      <p class="lead">{t('quality.case.lead')}</p>
      {cases.length === 0 ? <p class="empty">{t('quality.case.empty')}</p> : null}
      {cases.map((c) => (
        <article class="q-case" data-testid={`case-${c.callId}`}>
          <h2>
            <span class={`badge q-case-${c.kind}`}>{t(`quality.case.${c.kind}`)}</span> {c.note}
          </h2>
          {c.recordingUrl ? <audio controls preload="none" src={c.recordingUrl} data-qa-player="1"></audio> : null}
          <p class="muted">
            {c.callId} · {c.by} · {formatInstant(c.createdAt, ctx.locale)}
          </p>
        </article>
      ))}
    </section>
  );
}

export function TrainingList({ ctx, items }: { ctx: ViewContext; items: { topic: string; reason: string | null; status: string; createdAt: Date }[] }) {
  const { t } = ctx;
  if (!items.length) return null;
  return (
    <div class="q-training" data-testid="training">
      <h2>{t('quality.training.mine')}</h2>
      <ul>
        {items.map((i) => (
          <li>
            <strong>{i.topic}</strong> {i.reason ? <span class="muted">— {i.reason}</span> : null} · {formatInstant(i.createdAt, ctx.locale)}
          </li>
        ))}
      </ul>
    </div>
  );
}
