// Import (file upload, all-or-nothing with line-numbered errors) and export of the scenario library.
import type { ViewContext } from '../context.ts';
import { CsrfField, Flash } from '../components.tsx';
import type { LineError } from '../../knowledge/library-io.ts';
import { FieldErrors, OwnerTabs } from './owner-common.tsx';

export interface ImportSummary {
  created: string[];
  updated: string[];
  unchanged: string[];
  published: boolean;
}

export function ImportPage(p: { ctx: ViewContext; publish: boolean; fileError?: string; lineErrors?: LineError[]; fileName?: string; result?: ImportSummary; publishedCount: number }) {
  const { ctx } = p;
  const { t } = ctx;
  const shown = p.lineErrors?.slice(0, 200) ?? [];
  return (
    <section class="panel">
      <OwnerTabs ctx={ctx} active="import" />
      <h1>{t('owner.import.title')}</h1>
      <p class="lead">{t('owner.import.lead')}</p>
      {p.result ? (
        <Flash kind="ok">
          <span data-testid="import-result">
            {t(p.result.published ? 'owner.import.donePublished' : 'owner.import.doneDraft', { created: p.result.created.length, updated: p.result.updated.length, unchanged: p.result.unchanged.length })}
          </span>
        </Flash>
      ) : null}
      {p.lineErrors?.length ? (
        <div class="flash flash-error" role="alert" data-testid="import-errors">
          <p>{t('owner.import.failed', { file: p.fileName ?? '', count: p.lineErrors.length })}</p>
          <ul>
            {shown.map((e) => (
              <li>
                {t('owner.import.line', { line: e.line })} {e.message}
              </li>
            ))}
          </ul>
          {p.lineErrors.length > shown.length ? <p>{t('owner.import.more', { count: p.lineErrors.length - shown.length })}</p> : null}
        </div>
      ) : null}
      <form method="post" action="/knowledge/import" enctype="multipart/form-data">
        <CsrfField ctx={ctx} />
        <div class={p.fileError ? 'field has-error' : 'field'}>
          <label for="f-file">{t('owner.import.file')}</label>
          <input id="f-file" name="file" type="file" accept=".jsonl,.json,.txt,application/jsonl,application/x-ndjson,text/plain" aria-invalid={p.fileError ? 'true' : undefined} aria-describedby={p.fileError ? 'f-file-error' : undefined} />
          <FieldErrors id="f-file-error" errors={p.fileError ? [p.fileError] : undefined} />
          <p class="hint">{t('owner.import.fileHint')}</p>
        </div>
        <label class="check">
          <input type="checkbox" name="publish" value="1" checked={p.publish} /> {t('owner.import.publish')}
        </label>
        <div>
          <button type="submit" class="primary">
            {t('owner.import.submit')}
          </button>
        </div>
      </form>
      <h2>{t('owner.export.title')}</h2>
      <p>{t('owner.export.lead', { count: p.publishedCount })}</p>
      <p>
        <a class="button" href="/knowledge/export" download="library.jsonl">
          {t('owner.export.download')}
        </a>
      </p>
    </section>
  );
}
