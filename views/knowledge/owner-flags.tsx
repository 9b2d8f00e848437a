// The flags queue: agents' flags on scripts, oldest first, each closed with a reply.
import { OwnerFindingsSection, type OwnerFinding } from '../quality/findings-queue.tsx';
import type { ViewContext } from '../context.ts';
import { Flash, PostForm, formatInstant } from '../components.tsx';
import { FieldErrors, OwnerTabs } from './owner-common.tsx';

export interface FlagItem {
  id: number;
  code: string;
  title: string | null;
  version: number;
  kind: string;
  comment: string;
  raisedBy: string | null;
  raisedAt: Date;
  reply: string | null;
  repliedBy: string | null;
  repliedAt: Date | null;
}

export function FlagsPage(p: { ctx: ViewContext; open: FlagItem[]; closed: FlagItem[]; all: boolean; notice?: string; errorFor?: { id: number; reply: string; message: string }; findings?: OwnerFinding[] }) {
  const { ctx } = p;
  const { t } = ctx;
  return (
    <section class="panel">
      <OwnerTabs ctx={ctx} active="flags" />
      <div class="titlebar">
        <h1>{t('owner.flags.title')}</h1>
        <a href={p.all ? '/knowledge/flags' : '/knowledge/flags?all=1'}>{p.all ? t('owner.flags.showMine') : t('owner.flags.showAll')}</a>
      </div>
      <p class="lead">{p.all ? t('owner.flags.leadAll') : t('owner.flags.leadMine')}</p>
      {p.notice ? <Flash kind="ok">{p.notice}</Flash> : null}
      {p.errorFor ? <Flash kind="error">{t('form.errors')}</Flash> : null}
      {p.open.length === 0 ? (
        <p class="empty">{t('owner.flags.none')}</p>
      ) : (
        <table class="grid" data-testid="flags">
          <thead>
            <tr>
              <th>{t('owner.flags.scenario')}</th>
              <th>{t('owner.flags.kind')}</th>
              <th>{t('owner.flags.comment')}</th>
              <th>{t('owner.flags.raised')}</th>
              <th>{t('owner.flags.reply')}</th>
            </tr>
          </thead>
          <tbody>
            {p.open.map((f) => {
              const err = p.errorFor?.id === f.id ? p.errorFor : undefined;
              return (
                <tr id={`flag-${f.id}`}>
                  <td>
                    <a href={`/knowledge/scenarios/${encodeURIComponent(f.code)}`}>{f.code}</a> {f.title ?? ''} <span class="muted">v{f.version}</span>
                  </td>
                  <td>
                    <span class="badge">{t(`owner.flagKind.${f.kind}`)}</span>
                  </td>
                  <td>{f.comment}</td>
                  <td class="nowrap">
                    {f.raisedBy ?? '—'}
                    <br />
                    <span class="muted">{formatInstant(f.raisedAt, ctx.locale)}</span>
                  </td>
                  <td>
                    <PostForm ctx={ctx} action={`/knowledge/flags/${f.id}/close`}>
                      <div class={err ? 'field has-error' : 'field'}>
                        <label for={`f-reply-${f.id}`}>{t('owner.flags.reply')}</label>
                        <textarea id={`f-reply-${f.id}`} name="reply" rows={2} aria-invalid={err ? 'true' : undefined} aria-describedby={err ? `f-reply-${f.id}-error` : undefined}>
                          {err?.reply ?? ''}
                        </textarea>
                        <FieldErrors id={`f-reply-${f.id}-error`} errors={err ? [err.message] : undefined} />
                      </div>
                      <button type="submit" class="small">
                        {t('owner.flags.close')}
                      </button>
                    </PostForm>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {p.closed.length ? (
        <>
          <h2>{t('owner.flags.closedTitle')}</h2>
          <table class="grid dense" data-testid="closed-flags">
            <tbody>
              {p.closed.map((f) => (
                <tr>
                  <td class="nowrap">{f.code}</td>
                  <td>{t(`owner.flagKind.${f.kind}`)}</td>
                  <td>{f.comment}</td>
                  <td>{f.reply}</td>
                  <td class="nowrap">
                    {f.repliedBy ?? '—'} <span class="muted">{formatInstant(f.repliedAt, ctx.locale)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {p.findings ? <OwnerFindingsSection ctx={ctx} findings={p.findings} /> : null}
    </section>
  );
}
