// Disputes (申诉): the agent's form on a released evaluation, the inspector's list and the resolution page.
import type { ViewContext } from '../context.ts';
import { Flash, PostForm, formatInstant } from '../components.tsx';
import type { Scorecard, ScorecardItem } from '../../knowledge/quality/scorecard.ts';
import { AnswerControl } from './scoring.tsx';
import { QualityTabs, StatusBadge, percent } from './common.tsx';

export interface DisputeView {
  id: number;
  evaluationId: number;
  callId: string;
  itemId: string;
  itemLabel: string;
  agent: string;
  comment: string;
  status: string;
  createdAt: Date;
  resolution: string | null;
  arbitrator: string | null;
  /** Is the signed-in inspector the one who arbitrates this dispute? */
  mine?: boolean;
}

/** The dispute form under an agent's released evaluation. */
export function DisputeForm({ ctx, evaluationId, items, errors, values }: { ctx: ViewContext; evaluationId: number; items: ScorecardItem[]; errors?: Record<string, string>; values?: { itemId: string; comment: string } }) {
  const { t } = ctx;
  return (
    <details class="q-dispute" open={errors && Object.keys(errors).length ? true : undefined}>
      <summary>{t('quality.dispute.open')}</summary>
      <PostForm ctx={ctx} action={`/quality/evaluations/${evaluationId}/disputes`}>
        <div class={errors?.itemId ? 'field has-error' : 'field'}>
          <label for={`f-item-${evaluationId}`}>{t('quality.item')}</label>
          <select id={`f-item-${evaluationId}`} name="itemId">
            <option value="">{t('quality.answer.choose')}</option>
            {items.map((i) => (
              <option value={i.id} selected={values?.itemId === i.id}>
                {i.label}
              </option>
            ))}
          </select>
          {errors?.itemId ? <p class="error">{errors.itemId}</p> : null}
        </div>
        <div class={errors?.comment ? 'field has-error' : 'field'}>
          <label for={`f-comment-${evaluationId}`}>{t('quality.dispute.comment')}</label>
          <textarea id={`f-comment-${evaluationId}`} name="comment" rows={3}>
            {values?.comment ?? ''}
          </textarea>
          {errors?.comment ? <p class="error">{errors.comment}</p> : null}
        </div>
        <button type="submit" class="primary">
          {t('quality.dispute.submit')}
        </button>
      </PostForm>
    </details>
  );
}

export function DisputesPage({
  ctx,
  disputes,
  centre,
  notice,
}: {
  ctx: ViewContext;
  disputes: DisputeView[];
  centre?: { current: string; inspectors: { id: number; name: string }[] };
  notice?: string;
}) {
  const { t } = ctx;
  return (
    <section class="panel">
      <QualityTabs ctx={ctx} active="disputes" />
      <h1>{t('quality.dispute.title')}</h1>
      {notice ? <Flash kind="ok">{notice}</Flash> : null}
      {centre ? (
        <PostForm ctx={ctx} action="/quality/disputes/arbitrator" class="row-form q-centre-arbitrator">
          <div class="field">
            <label for="f-centreArbitrator">{t('quality.dispute.centreArbitrator')}</label>
            <select id="f-centreArbitrator" name="arbitratorId">
              <option value="">{t('quality.dispute.originalInspector')}</option>
              {centre.inspectors.map((i) => (
                <option value={String(i.id)} selected={centre.current === String(i.id)}>
                  {i.name}
                </option>
              ))}
            </select>
            <p class="hint">{t('quality.dispute.centreArbitratorHint')}</p>
          </div>
          <button type="submit">{t('quality.dispute.saveArbitrator')}</button>
        </PostForm>
      ) : null}
      {disputes.length === 0 ? (
        <p class="empty">{t('quality.dispute.empty')}</p>
      ) : (
        <table class="grid">
          <thead>
            <tr>
              <th>{t('quality.call.id')}</th>
              <th>{t('quality.call.agent')}</th>
              <th>{t('quality.item')}</th>
              <th>{t('quality.dispute.comment')}</th>
              <th>{t('quality.dispute.arbitrator')}</th>
              <th>{t('form.status')}</th>
            </tr>
          </thead>
          <tbody>
            {disputes.map((d) => (
              <tr>
                <td>
                  <a href={`/quality/disputes/${d.id}`}>{d.callId}</a>
                </td>
                <td>{d.agent}</td>
                <td>{d.itemLabel}</td>
                <td>{d.comment}</td>
                <td>
                  {d.arbitrator ?? ''} {d.mine && d.status === 'open' ? <span class="badge q-mine">{t('quality.dispute.mine')}</span> : null}
                </td>
                <td>
                  <StatusBadge ctx={ctx} status={d.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function DisputePage(props: {
  ctx: ViewContext;
  dispute: DisputeView;
  item: ScorecardItem;
  card: Scorecard;
  current: string;
  score: number | null;
  sampleId: number | null;
  errors: Record<string, string>;
  values: { outcome: string; answer: string; resolution: string };
  /** May the signed-in inspector resolve it (they are the named arbitrator)? */
  canResolve?: boolean;
}) {
  const { ctx, dispute: d } = props;
  const { t } = ctx;
  return (
    <section class="panel narrow">
      <QualityTabs ctx={ctx} active="disputes" />
      <h1>
        {t('quality.dispute.one')} · {d.callId}
      </h1>
      <dl class="facts">
        <dt>{t('quality.call.agent')}</dt>
        <dd>{d.agent}</dd>
        <dt>{t('quality.item')}</dt>
        <dd>{d.itemLabel}</dd>
        <dt>{t('quality.dispute.currentAnswer')}</dt>
        <dd>{props.current}</dd>
        <dt>{t('quality.score')}</dt>
        <dd>{percent(props.score)}</dd>
        <dt>{t('quality.dispute.comment')}</dt>
        <dd>{d.comment}</dd>
        <dt>{t('quality.dispute.arbitrator')}</dt>
        <dd data-testid="dispute-arbitrator">{d.arbitrator ?? '—'}</dd>
        <dt>{t('form.status')}</dt>
        <dd>
          <StatusBadge ctx={ctx} status={d.status} /> {formatInstant(d.createdAt, ctx.locale)}
        </dd>
      </dl>
      {props.sampleId ? (
        <p>
          <a href={`/quality/samples/${props.sampleId}`}>{t('quality.dispute.openEvaluation')}</a>
        </p>
      ) : null}
      {d.status === 'open' && props.canResolve === false ? (
        <Flash kind="info">{props.errors.outcome ?? t('quality.dispute.notArbitrator', { name: d.arbitrator ?? '—' })}</Flash>
      ) : d.status === 'open' ? (
        <PostForm ctx={ctx} action={`/quality/disputes/${d.id}/resolve`}>
          {Object.keys(props.errors).length ? <Flash kind="error">{t('form.errors')}</Flash> : null}
          <fieldset class={props.errors.outcome ? 'field has-error' : 'field'}>
            <legend>{t('quality.dispute.outcome')}</legend>
            <div class="checks">
              {(['upheld', 'changed', 'overturned'] as const).map((o) => (
                <label class="check">
                  <input type="radio" name="outcome" value={o} checked={props.values.outcome === o} /> {t(`quality.status.${o}`)}
                </label>
              ))}
            </div>
            {props.errors.outcome ? <p class="error">{props.errors.outcome}</p> : null}
          </fieldset>
          <div class={props.errors.answer ? 'field has-error' : 'field'}>
            <p class="hint">{t('quality.dispute.newAnswer')}</p>
            <AnswerControl ctx={ctx} item={props.item} value={props.values.answer} disabled={false} />
            {props.errors.answer ? <p class="error">{props.errors.answer}</p> : null}
          </div>
          <div class={props.errors.resolution ? 'field has-error' : 'field'}>
            <label for="f-resolution">{t('quality.dispute.resolution')}</label>
            <textarea id="f-resolution" name="resolution" rows={3}>
              {props.values.resolution}
            </textarea>
            {props.errors.resolution ? <p class="error">{props.errors.resolution}</p> : null}
          </div>
          <button type="submit" class="primary">
            {t('quality.dispute.resolve')}
          </button>
        </PostForm>
      ) : (
        <p>
          {t('quality.dispute.resolution')}: {d.resolution}
        </p>
      )}
    </section>
  );
}
