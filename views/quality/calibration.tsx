// Calibration sessions (质检标准校准会): the list and create form, blind scoring of one call, and the
// report — deviation from the reference, per-item agreement with Krippendorff's alpha beside raw agreement.
import type { ViewContext } from '../context.ts';
import { Field, Flash, PostForm, formatInstant } from '../components.tsx';
import type { Scorecard } from '../../knowledge/quality/scorecard.ts';
import type { PhraseHit, TranscriptSegment } from '../../knowledge/quality/transcript.ts';
import { AnswerControl, Transcript } from './scoring.tsx';
import { QualityTabs, percent } from './common.tsx';

export interface SessionListItem {
  id: number;
  name: string;
  calls: number;
  participants: number;
  scored: number;
  createdAt: Date;
}

export interface SessionFormValues {
  name: string;
  callIds: string[];
  participantIds: string[];
}

export function CalibrationListPage(props: {
  ctx: ViewContext;
  sessions: SessionListItem[];
  values: SessionFormValues;
  errors: Record<string, string>;
  calls: { id: string; label: string }[];
  inspectors: { id: number; name: string }[];
}) {
  const { ctx, values: v, errors } = props;
  const { t } = ctx;
  return (
    <section class="panel">
      <QualityTabs ctx={ctx} active="calibration" />
      <h1>{t('quality.cal.title')}</h1>
      <p class="lead">{t('quality.cal.lead')}</p>
      {props.sessions.length ? (
        <table class="grid">
          <thead>
            <tr>
              <th>{t('quality.cal.name')}</th>
              <th>{t('quality.cal.calls')}</th>
              <th>{t('quality.cal.participants')}</th>
              <th>{t('quality.cal.scored')}</th>
              <th>{t('quality.cal.created')}</th>
            </tr>
          </thead>
          <tbody>
            {props.sessions.map((s) => (
              <tr>
                <td>
                  <a href={`/quality/calibration/${s.id}`}>{s.name}</a>
                </td>
                <td>{s.calls}</td>
                <td>{s.participants}</td>
                <td>{s.scored}</td>
                <td class="nowrap">{formatInstant(s.createdAt, ctx.locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">{t('quality.cal.empty')}</p>
      )}
      <h2>{t('quality.cal.new')}</h2>
      {Object.keys(errors).length ? <Flash kind="error">{t('form.errors')}</Flash> : null}
      <PostForm ctx={ctx} action="/quality/calibration">
        <Field name="name" label={t('quality.cal.name')} value={v.name} required error={errors.name} />
        <fieldset class={errors.callIds ? 'field has-error' : 'field'}>
          <legend>{t('quality.cal.calls')}</legend>
          <div class="checks">
            {props.calls.map((c) => (
              <label class="check">
                <input type="checkbox" name="callIds" value={c.id} checked={v.callIds.includes(c.id)} /> {c.label}
              </label>
            ))}
          </div>
          {errors.callIds ? <p class="error">{errors.callIds}</p> : null}
        </fieldset>
        <fieldset class={errors.participantIds ? 'field has-error' : 'field'}>
          <legend>{t('quality.cal.participants')}</legend>
          <div class="checks">
            {props.inspectors.map((i) => (
              <label class="check">
                <input type="checkbox" name="participantIds" value={String(i.id)} checked={v.participantIds.includes(String(i.id))} /> {i.name}
              </label>
            ))}
          </div>
          {errors.participantIds ? <p class="error">{errors.participantIds}</p> : null}
        </fieldset>
        <button type="submit" class="primary">
          {t('quality.cal.create')}
        </button>
      </PostForm>
    </section>
  );
}

export interface CalibrationReport {
  totalAlpha: number | null;
  items: { itemId: string; label: string; distribution: Record<string, number>; percentAgreement: number | null; alpha: number | null; level: string }[];
  deviations: { name: string; calls: number; meanSigned: number | null; meanAbsolute: number | null; itemAgreement: number | null }[];
}

export function CalibrationSessionPage(props: {
  ctx: ViewContext;
  id: number;
  name: string;
  scorecard: string;
  isOwner: boolean;
  calls: { id: string; label: string; mine: boolean; reference: boolean; scoredBy: number }[];
  participants: string[];
  report: CalibrationReport | null;
  notice?: string;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const fmt = (x: number | null, digits = 3) => (x === null ? '—' : x.toFixed(digits));
  return (
    <section class="panel">
      <QualityTabs ctx={ctx} active="calibration" />
      <h1>{props.name}</h1>
      {props.notice ? <Flash kind="ok">{props.notice}</Flash> : null}
      <p class="muted">
        {props.scorecard} · {t('quality.cal.participants')}: {props.participants.join('、')}
      </p>
      <table class="grid dense">
        <thead>
          <tr>
            <th>{t('quality.call.id')}</th>
            <th>{t('quality.cal.myScore')}</th>
            <th>{t('quality.cal.scored')}</th>
            <th>{t('quality.cal.reference')}</th>
          </tr>
        </thead>
        <tbody>
          {props.calls.map((c) => (
            <tr>
              <td>{c.label}</td>
              <td>{c.mine ? t('quality.cal.done') : <a href={`/quality/calibration/${props.id}/calls/${c.id}`}>{t('quality.cal.scoreBlind')}</a>}</td>
              <td>{c.scoredBy}</td>
              <td>
                {c.reference ? t('quality.cal.done') : props.isOwner ? <a href={`/quality/calibration/${props.id}/calls/${c.id}?reference=1`}>{t('quality.cal.recordReference')}</a> : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.report ? (
        <div data-testid="cal-report">
          <h2>{t('quality.cal.report')}</h2>
          <p>
            {t('quality.cal.totalAlpha')} <strong data-testid="total-alpha">{fmt(props.report.totalAlpha)}</strong>
          </p>
          <p class="hint">{t('quality.cal.alphaHint')}</p>
          <table class="grid dense" data-testid="item-agreement">
            <thead>
              <tr>
                <th>{t('quality.item')}</th>
                <th>{t('quality.cal.distribution')}</th>
                <th>{t('quality.cal.percentAgreement')}</th>
                <th>{t('quality.cal.alpha')}</th>
              </tr>
            </thead>
            <tbody>
              {props.report.items.map((i) => (
                <tr data-item={i.itemId}>
                  <td>{i.label}</td>
                  <td>
                    {Object.entries(i.distribution)
                      .map(([k, n]) => `${k === 'yes' ? t('quality.answer.yes') : k === 'no' ? t('quality.answer.no') : k === 'na' ? t('quality.answer.na') : k}×${n}`)
                      .join(' ')}
                  </td>
                  <td class="q-pa">{i.percentAgreement === null ? '—' : percent(i.percentAgreement * 100)}</td>
                  <td class="q-alpha">
                    {fmt(i.alpha)} <span class="muted">{t(`quality.cal.level.${i.level}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('quality.cal.deviation')}</h2>
          <table class="grid dense" data-testid="deviations">
            <thead>
              <tr>
                <th>{t('quality.sample.reviewer')}</th>
                <th>{t('quality.cal.calls')}</th>
                <th>{t('quality.cal.meanSigned')}</th>
                <th>{t('quality.cal.meanAbsolute')}</th>
                <th>{t('quality.cal.itemAgreement')}</th>
              </tr>
            </thead>
            <tbody>
              {props.report.deviations.map((d) => (
                <tr>
                  <td>{d.name}</td>
                  <td>{d.calls}</td>
                  <td>{fmt(d.meanSigned, 1)}</td>
                  <td>{fmt(d.meanAbsolute, 1)}</td>
                  <td>{d.itemAgreement === null ? '—' : percent(d.itemAgreement * 100)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="muted">{t('quality.cal.blind')}</p>
      )}
    </section>
  );
}

export function CalibrationScorePage(props: {
  ctx: ViewContext;
  sessionId: number;
  sessionName: string;
  reference: boolean;
  call: { id: string; recordingUrl: string | null; transcript: TranscriptSegment[] | null };
  forbidden: PhraseHit[];
  card: Scorecard;
  answers: Record<string, string>;
  errors: Record<string, string>;
}) {
  const { ctx, card } = props;
  const { t } = ctx;
  return (
    <section class="panel q-scoring">
      <QualityTabs ctx={ctx} active="calibration" />
      <h1>
        {props.reference ? t('quality.cal.recordReference') : t('quality.cal.scoreBlind')} · {props.call.id}
      </h1>
      <p class="muted">
        <a href={`/quality/calibration/${props.sessionId}`}>{props.sessionName}</a>
      </p>
      {Object.keys(props.errors).length ? <Flash kind="error">{t('form.errors')}</Flash> : null}
      <div class="q-split">
        <div class="q-media">
          {props.call.recordingUrl ? (
            <div class="q-player">
              <audio controls preload="metadata" src={props.call.recordingUrl} data-qa-player="1"></audio>
              <p class="hint">{t('quality.player.keys')}</p>
            </div>
          ) : (
            <p class="empty">{t('quality.player.none')}</p>
          )}
          {props.call.transcript ? <Transcript ctx={ctx} segments={props.call.transcript} forbidden={props.forbidden} requiredFound={[]} /> : null}
        </div>
        <div class="q-form">
          <PostForm ctx={ctx} action={`/quality/calibration/${props.sessionId}/calls/${props.call.id}${props.reference ? '?reference=1' : ''}`}>
            {card.sections.map((section) => (
              <fieldset class="q-section">
                <legend>{section.label}</legend>
                <ol class="q-items">
                  {section.items.map((item) => (
                    <li class={props.errors[item.id] ? 'q-item has-error' : 'q-item'}>
                      <span class="q-item-label">{item.label}</span>
                      <AnswerControl ctx={ctx} item={item} value={props.answers[item.id] ?? ''} disabled={false} />
                      {props.errors[item.id] ? <p class="error">{props.errors[item.id]}</p> : null}
                    </li>
                  ))}
                </ol>
              </fieldset>
            ))}
            <div class="q-actions">
              <button type="submit" class="primary" data-testid="cal-submit">
                {t('quality.scoring.submit')}
              </button>
            </div>
          </PostForm>
        </div>
      </div>
    </section>
  );
}
