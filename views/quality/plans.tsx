// Quality-check plans (质检计划): the list, the create form, one plan with its draw, and the sample-size helper.
import type { ViewContext } from '../context.ts';
import { Field, Flash, PostForm, Select, formatInstant } from '../components.tsx';
import { QualityTabs, StatusBadge, clock, percent } from './common.tsx';

export interface PlanListItem {
  id: number;
  name: string;
  projects: string;
  periodStart: string;
  periodEnd: string;
  method: string;
  strategy: string;
  samples: number;
  scored: number;
  drawn: boolean;
}

export function PlansPage({ ctx, plans, notice }: { ctx: ViewContext; plans: PlanListItem[]; notice?: string }) {
  const { t } = ctx;
  return (
    <section class="panel">
      <QualityTabs ctx={ctx} active="plans" />
      <div class="titlebar">
        <h1>{t('quality.plans.title')}</h1>
        <a class="button primary" href="/quality/plans/new">
          {t('quality.plans.new')}
        </a>
      </div>
      {notice ? <Flash kind="ok">{notice}</Flash> : null}
      {plans.length === 0 ? (
        <p class="empty">{t('quality.plans.empty')}</p>
      ) : (
        <table class="grid">
          <thead>
            <tr>
              <th>{t('quality.plan.name')}</th>
              <th>{t('quality.plan.projects')}</th>
              <th>{t('quality.plan.period')}</th>
              <th>{t('quality.plan.method')}</th>
              <th>{t('quality.plan.strategy')}</th>
              <th>{t('quality.plan.progress')}</th>
            </tr>
          </thead>
          <tbody>
            {plans.map((p) => (
              <tr>
                <td>
                  <a href={`/quality/plans/${p.id}`}>{p.name}</a>
                </td>
                <td>{p.projects}</td>
                <td class="nowrap">
                  {p.periodStart} – {p.periodEnd}
                </td>
                <td>{p.method}</td>
                <td>{t(`quality.strategy.${p.strategy}`)}</td>
                <td>
                  {p.drawn ? (
                    <>
                      <progress max={Math.max(1, p.samples)} value={p.scored}></progress> {p.scored}/{p.samples}
                    </>
                  ) : (
                    <span class="muted">{t('quality.plan.notDrawn')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** What the create form holds (strings as typed). */
export interface PlanFormValues {
  name: string;
  projectIds: string[];
  periodStart: string;
  periodEnd: string;
  scorecardId: string;
  minDuration: string;
  maxDuration: string;
  queue: string;
  direction: string;
  hasRecording: boolean;
  notEvaluated: boolean;
  methodKind: string;
  perAgent: string;
  quotaPeriod: string;
  percent: string;
  minimum: string;
  percentPer: string;
  sampleSize: string;
  stratumField: string;
  allocation: string;
  stdDevs: string;
  rules: string[];
  longCallSeconds: string;
  newHireDays: string;
  lowScorePercent: string;
  sensitiveCodes: string;
  limit: string;
  strategy: string;
  reviewerIds: string[];
  dailyCap: string;
  seed: string;
  /** 'once' or 'week' (one draw per 7-day portion of the period). */
  drawEvery: string;
  /** An inspector who arbitrates this plan's disputes, or '' (the centre's arbitrator, else the original inspector). */
  arbitratorId: string;
}

export interface PlanFormOptions {
  projects: { id: number; code: string; name: string }[];
  scorecards: { id: number; name: string; version: number }[];
  reviewers: { id: number; username: string; displayName: string; roleKey: string }[];
}

export function NewPlanPage({ ctx, values: v, errors, options }: { ctx: ViewContext; values: PlanFormValues; errors: Record<string, string>; options: PlanFormOptions }) {
  const { t } = ctx;
  const methodFields = (kind: string) => `q-method-fields${v.methodKind === kind ? ' q-current' : ''}`;
  return (
    <section class="panel">
      <QualityTabs ctx={ctx} active="plans" />
      <h1>{t('quality.plans.new')}</h1>
      {Object.keys(errors).length ? <Flash kind="error">{t('form.errors')}</Flash> : null}
      <PostForm ctx={ctx} action="/quality/plans" class="q-plan-form">
        <Field name="name" label={t('quality.plan.name')} value={v.name} required error={errors.name} />
        <fieldset class={errors.projectIds ? 'field has-error' : 'field'}>
          <legend>{t('quality.plan.projects')}</legend>
          <div class="checks">
            {options.projects.map((p) => (
              <label class="check">
                <input type="checkbox" name="projectIds" value={String(p.id)} checked={v.projectIds.includes(String(p.id))} /> {p.code} · {p.name}
              </label>
            ))}
          </div>
          {errors.projectIds ? <p class="error">{errors.projectIds}</p> : null}
        </fieldset>
        <div class="q-row">
          <Field name="periodStart" type="date" label={t('quality.plan.periodStart')} value={v.periodStart} required error={errors.periodStart} />
          <Field name="periodEnd" type="date" label={t('quality.plan.periodEnd')} value={v.periodEnd} required error={errors.periodEnd} />
        </div>
        <Select name="scorecardId" label={t('quality.plan.scorecard')} value={v.scorecardId} error={errors.scorecardId} options={options.scorecards.map((s) => [String(s.id), `${s.name} v${s.version}`])} />
        <fieldset class="field">
          <legend>{t('quality.plan.filters')}</legend>
          <div class="q-row">
            <Field name="minDuration" type="number" label={t('quality.filter.minDuration')} value={v.minDuration} error={errors.minDuration} />
            <Field name="maxDuration" type="number" label={t('quality.filter.maxDuration')} value={v.maxDuration} error={errors.maxDuration} />
            <Field name="queue" label={t('quality.filter.queue')} value={v.queue} />
            <Select name="direction" label={t('quality.filter.direction')} value={v.direction} options={[['', t('quality.filter.any')], ['in', t('quality.direction.in')], ['out', t('quality.direction.out')]]} />
          </div>
          <div class="checks">
            <label class="check">
              <input type="checkbox" name="hasRecording" value="1" checked={v.hasRecording} /> {t('quality.filter.hasRecording')}
            </label>
            <label class="check">
              <input type="checkbox" name="notEvaluated" value="1" checked={v.notEvaluated} /> {t('quality.filter.notEvaluated')}
            </label>
          </div>
        </fieldset>
        <fieldset class="field">
          <legend>{t('quality.plan.method')}</legend>
          <Select
            name="methodKind"
            label={t('quality.method.kind')}
            value={v.methodKind}
            error={errors.methodKind}
            options={[
              ['quota', t('quality.method.quota')],
              ['percentage', t('quality.method.percentage')],
              ['stratified', t('quality.method.stratified')],
              ['targeted', t('quality.method.targeted')],
            ]}
          />
          <div class={methodFields('quota')} data-method="quota">
            <div class="q-row">
              <Field name="perAgent" type="number" label={t('quality.method.perAgent')} value={v.perAgent} error={errors.perAgent} />
              <Select name="quotaPeriod" label={t('quality.method.quotaPeriod')} value={v.quotaPeriod} options={(['day', 'week', 'month', 'plan'] as const).map((p) => [p, t(`quality.period.${p}`)])} />
            </div>
          </div>
          <div class={methodFields('percentage')} data-method="percentage">
            <div class="q-row">
              <Field name="percent" type="number" label={t('quality.method.percent')} value={v.percent} error={errors.percent} />
              <Field name="minimum" type="number" label={t('quality.method.minimum')} value={v.minimum} error={errors.minimum} />
              <Select name="percentPer" label={t('quality.method.per')} value={v.percentPer} options={[['agent', t('quality.method.perAgentOption')], ['all', t('quality.method.perAll')]]} />
            </div>
          </div>
          <div class={methodFields('stratified')} data-method="stratified">
            <div class="q-row">
              <Field name="sampleSize" type="number" label={t('quality.method.sampleSize')} value={v.sampleSize} error={errors.sampleSize} />
              <Select name="stratumField" label={t('quality.method.stratumField')} value={v.stratumField} options={(['queue', 'project', 'direction', 'orderKind'] as const).map((f) => [f, t(`quality.stratum.${f}`)])} />
              <Select name="allocation" label={t('quality.method.allocation')} value={v.allocation} options={[['proportional', t('quality.method.proportional')], ['neyman', t('quality.method.neyman')]]} />
            </div>
            <div class={errors.stdDevs ? 'field has-error' : 'field'}>
              <label for="f-stdDevs">{t('quality.method.stdDevs')}</label>
              <textarea id="f-stdDevs" name="stdDevs" rows={3} class="mono">
                {v.stdDevs}
              </textarea>
              {errors.stdDevs ? <p class="error">{errors.stdDevs}</p> : null}
            </div>
          </div>
          <div class={methodFields('targeted')} data-method="targeted">
            <div class="checks">
              {(['complaints', 'repeatCallers', 'longCalls', 'newHires', 'lowRecentScores', 'sensitiveScenarios'] as const).map((r) => (
                <label class="check">
                  <input type="checkbox" name="rules" value={r} checked={v.rules.includes(r)} /> {t(`quality.rule.${r}`)}
                </label>
              ))}
            </div>
            {errors.rules ? <p class="error">{errors.rules}</p> : null}
            <div class="q-row">
              <Field name="longCallSeconds" type="number" label={t('quality.rule.longCallSeconds')} value={v.longCallSeconds} />
              <Field name="newHireDays" type="number" label={t('quality.rule.newHireDays')} value={v.newHireDays} />
              <Field name="lowScorePercent" type="number" label={t('quality.rule.lowScorePercent')} value={v.lowScorePercent} />
              <Field name="sensitiveCodes" label={t('quality.rule.sensitiveCodes')} value={v.sensitiveCodes} />
              <Field name="limit" type="number" label={t('quality.method.limit')} value={v.limit} error={errors.limit} />
            </div>
          </div>
        </fieldset>
        <fieldset class="field">
          <legend>{t('quality.plan.strategy')}</legend>
          <Select name="strategy" label={t('quality.plan.strategy')} value={v.strategy} options={(['inspector', 'peer', 'joint', 'mutual'] as const).map((s) => [s, t(`quality.strategy.${s}`)])} />
          <p class="hint">{t('quality.plan.reviewersHint')}</p>
          <div class={errors.reviewerIds ? 'checks has-error' : 'checks'}>
            {options.reviewers.map((r) => (
              <label class="check">
                <input type="checkbox" name="reviewerIds" value={String(r.id)} checked={v.reviewerIds.includes(String(r.id))} /> {r.displayName} ({t(r.roleKey)})
              </label>
            ))}
          </div>
          {errors.reviewerIds ? <p class="error">{errors.reviewerIds}</p> : null}
          <div class="q-row">
            <Field name="dailyCap" type="number" label={t('quality.plan.dailyCap')} value={v.dailyCap} error={errors.dailyCap} />
            <Field name="seed" label={t('quality.plan.seed')} value={v.seed} error={errors.seed} hint={t('quality.plan.seedHint')} />
          </div>
          <div class="q-row">
            <Select name="drawEvery" label={t('quality.plan.drawEvery')} value={v.drawEvery} options={[['once', t('quality.plan.drawEvery.once')], ['week', t('quality.plan.drawEvery.week')]]} />
            <Select
              name="arbitratorId"
              label={t('quality.plan.arbitrator')}
              value={v.arbitratorId}
              error={errors.arbitratorId}
              options={[['', t('quality.plan.arbitrator.default')], ...options.reviewers.filter((r) => r.roleKey === 'role.inspector').map((r): [string, string] => [String(r.id), r.displayName])]}
            />
          </div>
        </fieldset>
        <button type="submit" class="primary">
          {t('quality.plans.create')}
        </button>
      </PostForm>
    </section>
  );
}

export interface PlanDetail {
  id: number;
  name: string;
  projects: string;
  periodStart: string;
  periodEnd: string;
  scorecard: string;
  filters: string;
  method: string;
  strategy: string;
  reviewers: string;
  dailyCap: number;
  seed: string;
  drawEvery?: 'once' | 'week';
  arbitrator?: string | null;
}

/** One drawn portion of a plan that draws weekly. */
export interface PortionDetail {
  n: number;
  start: string;
  end: string;
  seed: string;
  population: number;
  sampled: number;
  drawnAt: Date;
  verified: { fingerprintMatches: boolean; sampleMatches: boolean };
}

export interface DrawDetail {
  drawnAt: Date;
  populationSize: number;
  fingerprint: string;
  strata: { stratum: string; populationSize: number; drawn: number }[];
  verified: { fingerprintMatches: boolean; sampleMatches: boolean };
}

export interface PlanSample {
  id: number;
  callId: string;
  stratum: string;
  rank: number;
  agent: string;
  reviewer: string | null;
  dueDate: string | null;
  status: string;
  score: number | null;
  durationSeconds: number;
  replaceReason: string | null;
}

export interface AgentPassRate {
  agent: string;
  checked: number;
  passed: number;
  low: number | null;
  high: number | null;
}

export function PlanPage(props: {
  ctx: ViewContext;
  plan: PlanDetail;
  draw: DrawDetail | null;
  samples: PlanSample[];
  passRates: AgentPassRate[];
  notice?: string;
  error?: string;
  portions?: PortionDetail[];
  nextPortion?: { n: number; start: string; end: string; open: boolean } | null;
}) {
  const { ctx, plan, draw } = props;
  const { t } = ctx;
  return (
    <section class="panel">
      <QualityTabs ctx={ctx} active="plans" />
      <h1>{plan.name}</h1>
      {props.notice ? <Flash kind="ok">{props.notice}</Flash> : null}
      {props.error ? <Flash kind="error">{props.error}</Flash> : null}
      <dl class="facts">
        <dt>{t('quality.plan.projects')}</dt>
        <dd>{plan.projects}</dd>
        <dt>{t('quality.plan.period')}</dt>
        <dd>
          {plan.periodStart} – {plan.periodEnd}
        </dd>
        <dt>{t('quality.plan.scorecard')}</dt>
        <dd>{plan.scorecard}</dd>
        <dt>{t('quality.plan.filters')}</dt>
        <dd>{plan.filters}</dd>
        <dt>{t('quality.plan.method')}</dt>
        <dd>{plan.method}</dd>
        <dt>{t('quality.plan.strategy')}</dt>
        <dd>{plan.strategy}</dd>
        <dt>{t('quality.plan.reviewers')}</dt>
        <dd>{plan.reviewers}</dd>
        <dt>{t('quality.plan.dailyCap')}</dt>
        <dd>{plan.dailyCap}</dd>
        <dt>{t('quality.plan.seed')}</dt>
        <dd>
          <code data-testid="plan-seed">{plan.seed}</code>
        </dd>
        <dt>{t('quality.plan.drawEvery')}</dt>
        <dd>{t(`quality.plan.drawEvery.${plan.drawEvery ?? 'once'}`)}</dd>
        <dt>{t('quality.plan.arbitrator')}</dt>
        <dd>{plan.arbitrator ?? t('quality.plan.arbitrator.default')}</dd>
      </dl>
      {plan.drawEvery === 'week' && (props.portions?.length || props.nextPortion) ? (
        <>
          <h2>{t('quality.portion.title')}</h2>
          <table class="grid dense" data-testid="portions">
            <thead>
              <tr>
                <th>{t('quality.portion.n')}</th>
                <th>{t('quality.plan.period')}</th>
                <th>{t('quality.plan.seed')}</th>
                <th class="num">{t('quality.draw.population')}</th>
                <th class="num">{t('quality.draw.drawn')}</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {(props.portions ?? []).map((p) => (
                <tr>
                  <td>{p.n}</td>
                  <td class="nowrap">
                    {p.start} – {p.end}
                  </td>
                  <td>
                    <code>{p.seed}</code>
                  </td>
                  <td class="num">{p.population}</td>
                  <td class="num">{p.sampled}</td>
                  <td>{p.verified.fingerprintMatches && p.verified.sampleMatches ? <span class="badge q-ok">{t('quality.draw.verified')}</span> : <span class="badge q-bad">{t('quality.draw.changed')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {props.nextPortion && props.portions?.length ? (
            props.nextPortion.open ? (
              <PostForm ctx={ctx} action={`/quality/plans/${plan.id}/draw`} class="inline">
                <button type="submit" class="primary" data-testid="draw-next">
                  {t('quality.portion.drawNext', { n: props.nextPortion.n, start: props.nextPortion.start, end: props.nextPortion.end })}
                </button>
              </PostForm>
            ) : (
              <p class="muted">{t('quality.portion.notYet', { n: props.nextPortion.n, start: props.nextPortion.start })}</p>
            )
          ) : null}
        </>
      ) : null}
      {draw ? (
        <>
          <h2>{t('quality.draw.title')}</h2>
          <p>
            {t('quality.draw.summary', { population: draw.populationSize, sampled: props.samples.filter((s) => s.status !== 'replaced').length })} · {formatInstant(draw.drawnAt, ctx.locale)}
          </p>
          <p class="muted">
            {t('quality.draw.fingerprint')} <code data-testid="draw-fingerprint">{draw.fingerprint.slice(0, 16)}…</code>{' '}
            {draw.verified.fingerprintMatches && draw.verified.sampleMatches ? (
              <span class="badge q-ok" data-testid="draw-verified">
                {t('quality.draw.verified')}
              </span>
            ) : (
              <span class="badge q-bad">{t('quality.draw.changed')}</span>
            )}
          </p>
          <table class="grid dense">
            <thead>
              <tr>
                <th>{t('quality.draw.stratum')}</th>
                <th>{t('quality.draw.population')}</th>
                <th>{t('quality.draw.drawn')}</th>
              </tr>
            </thead>
            <tbody>
              {draw.strata.slice(0, 60).map((s) => (
                <tr>
                  <td>{s.stratum}</td>
                  <td>{s.populationSize}</td>
                  <td>{s.drawn}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {props.passRates.length ? (
            <>
              <h2>{t('quality.pass.title')}</h2>
              <p class="hint">{t('quality.pass.hint')}</p>
              <table class="grid dense">
                <thead>
                  <tr>
                    <th>{t('quality.call.agent')}</th>
                    <th>{t('quality.pass.checked')}</th>
                    <th>{t('quality.pass.rate')}</th>
                    <th>{t('quality.pass.interval')}</th>
                  </tr>
                </thead>
                <tbody>
                  {props.passRates.map((r) => (
                    <tr>
                      <td>{r.agent}</td>
                      <td>{r.checked}</td>
                      <td>{percent((r.passed / r.checked) * 100)}</td>
                      <td class="nowrap">{r.low === null ? '—' : `${percent(r.low * 100)} – ${percent(r.high! * 100)}`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
          <h2>{t('quality.samples.title')}</h2>
          <table class="grid dense" data-testid="plan-samples">
            <thead>
              <tr>
                <th>{t('quality.call.id')}</th>
                <th>{t('quality.draw.stratum')}</th>
                <th>{t('quality.sample.rank')}</th>
                <th>{t('quality.call.agent')}</th>
                <th>{t('quality.call.duration')}</th>
                <th>{t('quality.sample.reviewer')}</th>
                <th>{t('quality.sample.due')}</th>
                <th>{t('form.status')}</th>
                <th>{t('quality.score')}</th>
                <th>{t('form.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {props.samples.map((s) => (
                <tr class={s.status === 'replaced' ? 'q-replaced' : ''}>
                  <td>{s.status === 'replaced' ? s.callId : <a href={`/quality/samples/${s.id}`}>{s.callId}</a>}</td>
                  <td>{s.stratum}</td>
                  <td>{s.rank}</td>
                  <td>{s.agent}</td>
                  <td>{clock(s.durationSeconds)}</td>
                  <td>{s.reviewer ?? '—'}</td>
                  <td class="nowrap">{s.dueDate ?? ''}</td>
                  <td>
                    <StatusBadge ctx={ctx} status={s.status} />
                    {s.replaceReason ? <span class="muted"> {s.replaceReason}</span> : null}
                  </td>
                  <td>{percent(s.score)}</td>
                  <td>
                    {s.status === 'assigned' ? (
                      <a class="button small q-reassign" href={`/quality/samples/${s.id}/reassign`}>
                        {t('quality.reassign.link')}
                      </a>
                    ) : null}
                    {s.status === 'assigned' || s.status === 'draft' ? (
                      <PostForm ctx={ctx} action={`/quality/samples/${s.id}/replace`} class="inline q-replace">
                        <input type="text" name="reason" aria-label={t('quality.sample.replaceReason')} placeholder={t('quality.sample.replaceReason')} required />
                        <button type="submit" class="small">
                          {t('quality.sample.replace')}
                        </button>
                      </PostForm>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <PostForm ctx={ctx} action={`/quality/plans/${plan.id}/draw`}>
          <p class="muted">{t('quality.draw.explain')}</p>
          <button type="submit" class="primary" data-testid="draw">
            {t('quality.draw.submit')}
          </button>
        </PostForm>
      )}
    </section>
  );
}

export interface SizeValues {
  projectId: string;
  from: string;
  to: string;
  margin: string;
  passed: string;
  checked: string;
}

export function SampleSizePage(props: {
  ctx: ViewContext;
  values: SizeValues;
  projects: { id: number; code: string; name: string }[];
  errors: Record<string, string>;
  result: { population: number; n0: number; required: number } | null;
  wilson: { low: number; high: number; rate: number } | null;
}) {
  const { ctx, values: v, errors } = props;
  const { t } = ctx;
  return (
    <section class="panel">
      <QualityTabs ctx={ctx} active="size" />
      <h1>{t('quality.size.title')}</h1>
      <p class="lead">{t('quality.size.lead')}</p>
      <form method="get" action="/quality/sample-size" class="q-size-form">
        <div class="q-row">
          <div class="field">
            <label for="f-projectId">{t('quality.call.project')}</label>
            <select id="f-projectId" name="projectId">
              {props.projects.map((p) => (
                <option value={String(p.id)} selected={v.projectId === String(p.id)}>
                  {p.code} · {p.name}
                </option>
              ))}
            </select>
          </div>
          <Field name="from" type="date" label={t('quality.plan.periodStart')} value={v.from} error={errors.from} />
          <Field name="to" type="date" label={t('quality.plan.periodEnd')} value={v.to} error={errors.to} />
          <Field name="margin" type="number" label={t('quality.size.margin')} value={v.margin} error={errors.margin} />
        </div>
        <div class="q-row">
          <Field name="passed" type="number" label={t('quality.size.passed')} value={v.passed} error={errors.passed} />
          <Field name="checked" type="number" label={t('quality.size.checked')} value={v.checked} error={errors.checked} />
        </div>
        <button type="submit" class="primary">
          {t('quality.size.submit')}
        </button>
      </form>
      {props.result ? (
        <p class="q-result" data-testid="size-result">
          {t('quality.size.result', { population: props.result.population, required: props.result.required, margin: v.margin, n0: props.result.n0.toFixed(1) })}
        </p>
      ) : null}
      {props.wilson ? (
        <p class="q-result" data-testid="wilson-result">
          {t('quality.size.wilson', { rate: percent(props.wilson.rate * 100), low: percent(props.wilson.low * 100), high: percent(props.wilson.high * 100) })}
        </p>
      ) : null}
    </section>
  );
}
