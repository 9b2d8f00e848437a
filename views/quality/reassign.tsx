// Reassigning one sample to another eligible reviewer, with the reason and the history of moves.
import type { ViewContext } from '../context.ts';
import { Flash, PostForm, formatInstant } from '../components.tsx';
import { QualityTabs, StatusBadge } from './common.tsx';

export interface ReassignOption {
  id: number;
  name: string;
  role: 'inspector' | 'agent' | 'client';
  /** Samples of this plan already due that day. */
  loadOnDay: number;
  /** The day it will be due for this reviewer (first day under the cap). */
  due: string;
}

export function ReassignPage(props: {
  ctx: ViewContext;
  sample: { id: number; callId: string; agent: string; project: string; planId: number; planName: string; strategy: string; status: string; dueDate: string | null; current: string | null; dailyCap: number };
  options: ReassignOption[];
  history: { from: string | null; to: string; reason: string; by: string | null; at: Date; due: string | null }[];
  errors: Record<string, string>;
  values: { reviewerId: string; reason: string };
}) {
  const { ctx, sample: s } = props;
  const { t } = ctx;
  return (
    <section class="panel">
      <QualityTabs ctx={ctx} active="plans" />
      <h1>
        {t('quality.reassign.title')} · <code>{s.callId}</code>
      </h1>
      <p class="muted">
        <a href={`/quality/plans/${s.planId}`}>{s.planName}</a> · {t(`quality.strategy.${s.strategy}`)} · {s.agent} · {s.project} · <StatusBadge ctx={ctx} status={s.status} />
      </p>
      <p>{t('quality.reassign.current', { name: s.current ?? '—', due: s.dueDate ?? '—', cap: s.dailyCap })}</p>
      {Object.keys(props.errors).length ? <Flash kind="error">{t('form.errors')}</Flash> : null}
      {props.options.length === 0 ? (
        <p class="empty">{t('quality.reassign.none')}</p>
      ) : (
        <PostForm ctx={ctx} action={`/quality/samples/${s.id}/reassign`}>
          <fieldset class={props.errors.reviewerId ? 'field has-error' : 'field'}>
            <legend>{t('quality.reassign.to')}</legend>
            <table class="grid dense">
              <thead>
                <tr>
                  <th></th>
                  <th>{t('quality.sample.reviewer')}</th>
                  <th class="num">{t('quality.reassign.load')}</th>
                  <th>{t('quality.reassign.due')}</th>
                </tr>
              </thead>
              <tbody>
                {props.options.map((o) => (
                  <tr>
                    <td>
                      <input type="radio" name="reviewerId" id={`r-${o.id}`} value={String(o.id)} checked={props.values.reviewerId === String(o.id)} required />
                    </td>
                    <td>
                      <label for={`r-${o.id}`}>
                        {o.name} <span class={`badge role-${o.role}`}>{t(`role.${o.role}`)}</span>
                      </label>
                    </td>
                    <td class="num">
                      {o.loadOnDay}/{s.dailyCap}
                    </td>
                    <td class="nowrap">{o.due}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {props.errors.reviewerId ? <p class="error">{props.errors.reviewerId}</p> : <p class="hint">{t('quality.reassign.hint')}</p>}
          </fieldset>
          <div class={props.errors.reason ? 'field has-error' : 'field'}>
            <label for="f-reason">{t('quality.reassign.reason')}</label>
            <input type="text" id="f-reason" name="reason" value={props.values.reason} maxlength={200} required />
            {props.errors.reason ? <p class="error">{props.errors.reason}</p> : null}
          </div>
          <button type="submit" class="primary">
            {t('quality.reassign.submit')}
          </button>
        </PostForm>
      )}
      {props.history.length ? (
        <>
          <h2>{t('quality.reassign.history')}</h2>
          <ul class="q-history" data-testid="reassign-history">
            {props.history.map((h) => (
              <li>
                {formatInstant(h.at, ctx.locale)} · {h.from ?? '—'} → {h.to} ({h.due ?? '—'}) · {h.reason} · {h.by ?? ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
