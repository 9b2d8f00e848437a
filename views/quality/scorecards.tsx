// The scorecard page (质检标准): sections, items, flags and SERVQUAL tags, the scoring rules in
// words, the version history, and an editor whose scoring changes create a new version.
import type { ViewContext } from '../context.ts';
import { Flash, PostForm, formatInstant } from '../components.tsx';
import { SCORING_RULES_EN, SCORING_RULES_ZH, type Scorecard } from '../../knowledge/quality/scorecard.ts';
import { QualityTabs } from './common.tsx';

export function ScorecardPage(props: {
  ctx: ViewContext;
  id: number;
  card: Scorecard;
  version: number;
  versions: { version: number; fingerprint: string; createdAt: Date; evaluations: number }[];
  source: string;
  errors: string[];
  notice?: string;
  conflict?: boolean;
}) {
  const { ctx, card } = props;
  const { t } = ctx;
  const answerKind = (a: Scorecard['sections'][number]['items'][number]['answer']) =>
    a.kind === 'scale' ? t('quality.card.scale', { min: a.min, max: a.max }) : t(`quality.card.${a.kind}`);
  return (
    <section class="panel">
      <QualityTabs ctx={ctx} active="scorecards" />
      <h1>
        {card.name} <span class="muted">v{props.version}</span>
      </h1>
      {props.notice ? <Flash kind="ok">{props.notice}</Flash> : null}
      {props.conflict ? <Flash kind="error">{t('quality.card.conflict')}</Flash> : null}
      {card.sections.map((s) => (
        <div class="q-card-section">
          <h2>
            {s.label} <span class="muted">{t('quality.section.weight', { weight: s.weight })}</span>
          </h2>
          <table class="grid dense">
            <thead>
              <tr>
                <th>{t('quality.item')}</th>
                <th>{t('quality.card.points')}</th>
                <th>{t('quality.card.answer')}</th>
                <th>{t('quality.card.flags')}</th>
              </tr>
            </thead>
            <tbody>
              {s.items.map((i) => (
                <tr>
                  <td>{i.label}</td>
                  <td>{i.points}</td>
                  <td>
                    {answerKind(i.answer)}
                    {i.naAllowed ? ` · ${t('quality.answer.na')}` : ''}
                  </td>
                  <td>
                    {i.flag ? <span class={`badge q-flag-${i.flag}`}>{t(`quality.flag.${i.flag}`)}</span> : null}
                    {i.servqual ? <span class="badge q-servqual">{t(`quality.servqual.${i.servqual}`)}</span> : null}
                    {i.phraseIds?.length ? <span class="muted"> {i.phraseIds.join(', ')}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <h2>{t('quality.scoring.rules')}</h2>
      <ol class="q-rules-list" data-testid="rules">
        {(ctx.locale === 'en' ? SCORING_RULES_EN : SCORING_RULES_ZH).map((r) => (
          <li>{r}</li>
        ))}
      </ol>
      <h2>{t('quality.card.versions')}</h2>
      <table class="grid dense" data-testid="versions">
        <thead>
          <tr>
            <th>{t('quality.card.version')}</th>
            <th>{t('quality.card.fingerprint')}</th>
            <th>{t('quality.card.created')}</th>
            <th>{t('quality.card.evaluations')}</th>
          </tr>
        </thead>
        <tbody>
          {props.versions.map((v) => (
            <tr>
              <td>v{v.version}</td>
              <td>
                <code>{v.fingerprint.slice(0, 12)}</code>
              </td>
              <td class="nowrap">{formatInstant(v.createdAt, ctx.locale)}</td>
              <td>{v.evaluations}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('quality.card.edit')}</h2>
      <p class="hint">{t('quality.card.editHint')}</p>
      <PostForm ctx={ctx} action={`/quality/scorecards/${props.id}`}>
        <input type="hidden" name="version" value={String(props.version)} />
        <div class={props.errors.length ? 'field has-error' : 'field'}>
          <label for="f-body">{t('quality.card.json')}</label>
          <textarea id="f-body" name="body" rows={18} class="mono">
            {props.source}
          </textarea>
          {props.errors.length ? (
            <ul class="error" data-testid="card-errors">
              {props.errors.map((e) => (
                <li>{e}</li>
              ))}
            </ul>
          ) : null}
        </div>
        <button type="submit" class="primary">
          {t('quality.card.save')}
        </button>
      </PostForm>
    </section>
  );
}
