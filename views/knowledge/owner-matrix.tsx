// The responsibility matrix: entries by level for everyone with access, the entry form for admins.
import type { ViewContext } from '../context.ts';
import { Flash, PostForm } from '../components.tsx';
import type { Department, MatrixEntry } from '../../knowledge/matrix.ts';
import { FieldErrors, OwnerTabs, TextField } from './owner-common.tsx';

/** The entry form as typed; `owner` may hold several values when a crafted form sends more than one. */
export interface MatrixFormValues {
  code: string;
  level1: string;
  level2: string;
  level3: string;
  specifics: string;
  owner: string[];
  responsible: string[];
  version: string;
}

export type MatrixFormErrors = Partial<Record<'code' | 'level1' | 'level2' | 'level3' | 'owner' | 'responsible' | 'form', string[]>>;

export function MatrixPage(p: { ctx: ViewContext; departments: Department[]; entries: MatrixEntry[]; canEdit: boolean; notice?: string }) {
  const { ctx } = p;
  const { t } = ctx;
  const name = new Map(p.departments.map((d) => [d.code, d.name]));
  const level1s = [...new Set(p.entries.map((e) => e.level1))];
  return (
    <section class="panel">
      <OwnerTabs ctx={ctx} active="matrix" />
      <div class="titlebar">
        <h1>{t('owner.matrix.title')}</h1>
        {p.canEdit ? (
          <a class="button primary" href="/knowledge/matrix/new">
            {t('owner.matrix.add')}
          </a>
        ) : null}
      </div>
      <p class="lead">{t('owner.matrix.lead', { entries: p.entries.length, departments: p.departments.length })}</p>
      {p.notice ? <Flash kind="ok">{p.notice}</Flash> : null}
      {level1s.map((level1) => (
        <>
          <h2>{level1}</h2>
          <table class="grid dense" data-testid="matrix">
            <thead>
              <tr>
                <th>{t('owner.matrix.code')}</th>
                <th>{t('owner.matrix.level2')}</th>
                <th>{t('owner.matrix.level3')}</th>
                <th>{t('owner.matrix.specifics')}</th>
                <th>{t('owner.matrix.owner')}</th>
                <th>{t('owner.matrix.responsible')}</th>
              </tr>
            </thead>
            <tbody>
              {p.entries
                .filter((e) => e.level1 === level1)
                .map((e) => (
                  <tr id={`entry-${e.code}`}>
                    <td class="nowrap">{p.canEdit ? <a href={`/knowledge/matrix/${encodeURIComponent(e.code)}`}>{e.code}</a> : e.code}</td>
                    <td>{e.level2}</td>
                    <td>{e.level3}</td>
                    <td>{(e.specifics ?? []).join('、')}</td>
                    <td>{name.get(e.owner) ?? e.owner}</td>
                    <td>{e.responsible.map((c) => name.get(c) ?? c).join('、')}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </>
      ))}
    </section>
  );
}

export function MatrixEntryPage(p: { ctx: ViewContext; departments: Department[]; values: MatrixFormValues; errors: MatrixFormErrors; isNew: boolean; conflict?: boolean }) {
  const { ctx, values: v, errors } = p;
  const { t } = ctx;
  const owning = p.departments.filter((d) => d.role === 'owning');
  const responsible = p.departments.filter((d) => d.role === 'responsible');
  return (
    <section class="panel owner-narrow">
      <OwnerTabs ctx={ctx} active="matrix" />
      <h1>{p.isNew ? t('owner.matrix.add') : `${t('owner.matrix.edit')} · ${v.code}`}</h1>
      {p.conflict ? <Flash kind="error">{t('owner.matrix.conflict')}</Flash> : null}
      {Object.keys(errors).length ? <Flash kind="error">{errors.form?.join(' ') ?? t('form.errors')}</Flash> : null}
      <PostForm ctx={ctx} action={p.isNew ? '/knowledge/matrix' : `/knowledge/matrix/${encodeURIComponent(v.code)}`}>
        <input type="hidden" name="version" value={v.version} />
        {p.isNew ? <TextField name="code" label={t('owner.matrix.code')} value={v.code} errors={errors.code} multiline={false} required hint={t('owner.matrix.codeHint')} /> : null}
        <TextField name="level1" label={t('owner.matrix.level1')} value={v.level1} errors={errors.level1} multiline={false} required />
        <TextField name="level2" label={t('owner.matrix.level2')} value={v.level2} errors={errors.level2} multiline={false} required />
        <TextField name="level3" label={t('owner.matrix.level3')} value={v.level3} errors={errors.level3} multiline={false} required />
        <TextField name="specifics" label={t('owner.matrix.specifics')} value={v.specifics} rows={3} hint={t('owner.hint.lines')} />
        <div class={errors.owner ? 'field has-error' : 'field'}>
          <label for="f-owner">{t('owner.matrix.owner')}</label>
          <select id="f-owner" name="owner" aria-invalid={errors.owner ? 'true' : undefined} aria-describedby={errors.owner ? 'f-owner-error' : undefined}>
            <option value="">{t('owner.matrix.chooseOwner')}</option>
            {owning.map((d) => (
              <option value={d.code} selected={v.owner.length === 1 && v.owner[0] === d.code}>
                {d.name} ({d.code})
              </option>
            ))}
          </select>
          <FieldErrors id="f-owner-error" errors={errors.owner} />
        </div>
        <fieldset class={errors.responsible ? 'field has-error' : 'field'}>
          <legend>{t('owner.matrix.responsible')}</legend>
          <div class="checks">
            {responsible.map((d) => (
              <label class="check">
                <input type="checkbox" name="responsible" value={d.code} checked={v.responsible.includes(d.code)} /> {d.name}
              </label>
            ))}
          </div>
          <FieldErrors id="f-responsible-error" errors={errors.responsible} />
        </fieldset>
        <button type="submit" class="primary">
          {t('owner.matrix.save')}
        </button>{' '}
        <a href="/knowledge/matrix">{t('owner.review.back')}</a>
      </PostForm>
    </section>
  );
}
