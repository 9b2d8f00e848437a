// Importing call records (CSV or JSONL, all-or-nothing, with line-numbered errors).
import type { ViewContext } from '../context.ts';
import { CsrfField, Flash } from '../components.tsx';
import { QualityTabs } from './common.tsx';

export function ImportCallsPage(props: { ctx: ViewContext; errors?: { line: number; message: string }[]; inserted?: number; text?: string; formError?: string }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section class="panel">
      <QualityTabs ctx={ctx} active="import" />
      <h1>{t('quality.import.title')}</h1>
      <p class="lead">{t('quality.import.lead')}</p>
      {props.inserted !== undefined ? <Flash kind="ok">{t('quality.import.done', { count: props.inserted })}</Flash> : null}
      {props.errors?.length ? (
        <div class="flash flash-error" role="alert" data-testid="import-errors">
          <p>{t('quality.import.failed', { count: props.errors.length })}</p>
          <ul class="q-errors">
            {props.errors.slice(0, 200).map((e) => (
              <li>
                {t('quality.import.line', { line: e.line })} {e.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action="/quality/calls/import" enctype="multipart/form-data" hx-boost="false">
        <CsrfField ctx={ctx} />
        <div class={props.formError ? 'field has-error' : 'field'}>
          <label for="f-file">{t('quality.import.file')}</label>
          <input id="f-file" type="file" name="file" accept=".csv,.jsonl,.json,text/csv,application/json" />
          {props.formError ? <p class="error">{props.formError}</p> : null}
          <p class="hint">{t('quality.import.columns')}</p>
        </div>
        <div class="field">
          <label for="f-text">{t('quality.import.paste')}</label>
          <textarea id="f-text" name="text" rows={8} class="mono">
            {props.text ?? ''}
          </textarea>
        </div>
        <button type="submit" class="primary">
          {t('quality.import.submit')}
        </button>
      </form>
    </section>
  );
}
