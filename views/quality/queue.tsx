// The inspector's work queue: samples assigned to me, grouped by plan, with their status.
import type { ViewContext } from '../context.ts';
import { Flash, formatInstant } from '../components.tsx';
import { QualityTabs, StatusBadge, clock, percent } from './common.tsx';

export interface QueueItem {
  id: number;
  planId: number;
  planName: string;
  callId: string;
  agent: string;
  project: string;
  startedAt: Date;
  durationSeconds: number;
  hasRecording: boolean;
  dueDate: string | null;
  status: string;
  score: number | null;
  /** May this user open the sample (a client reviewer: only when it is assigned to them)? */
  open?: boolean;
}

export function QueuePage({ ctx, items, notice, client }: { ctx: ViewContext; items: QueueItem[]; notice?: string; client?: { project: string } }) {
  const { t } = ctx;
  const plans = [...new Map(items.map((i) => [i.planId, i.planName])).entries()];
  const open = items.filter((i) => i.status !== 'scored' && i.open !== false).length; // a client counts only what is theirs to score
  return (
    <section class="panel">
      {client ? null : <QualityTabs ctx={ctx} active="queue" />}
      <h1>{t('home.quality.title')}</h1>
      <p class="lead">{client ? t('quality.client.lead', { project: client.project || '—' }) : t('home.quality.lead')}</p>
      {notice ? <Flash kind="ok">{notice}</Flash> : null}
      {items.length === 0 ? (
        <p class="empty">{t('home.quality.empty')}</p>
      ) : (
        <>
          <p class="muted">{t('quality.queue.count', { open, total: items.length })}</p>
          {plans.map(([planId, planName]) => (
            <div class="q-plan-group">
              <h2>{client ? planName : <a href={`/quality/plans/${planId}`}>{planName}</a>}</h2>
              <table class="grid dense" data-testid={`queue-plan-${planId}`}>
                <thead>
                  <tr>
                    <th>{t('quality.call.id')}</th>
                    <th>{t('quality.call.agent')}</th>
                    <th>{t('quality.call.project')}</th>
                    <th>{t('quality.call.started')}</th>
                    <th>{t('quality.call.duration')}</th>
                    <th>{t('quality.call.recording')}</th>
                    <th>{t('quality.sample.due')}</th>
                    <th>{t('form.status')}</th>
                    <th>{t('quality.score')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items
                    .filter((i) => i.planId === planId)
                    .map((i) => (
                      <tr>
                        <td>
                          {i.open === false ? i.callId : <a href={`/quality/samples/${i.id}`}>{i.callId}</a>}
                        </td>
                        <td>{i.agent}</td>
                        <td>{i.project}</td>
                        <td class="nowrap">{formatInstant(i.startedAt, ctx.locale)}</td>
                        <td>{clock(i.durationSeconds)}</td>
                        <td>{i.hasRecording ? <span class="badge q-rec">{t('quality.call.hasRecording')}</span> : <span class="muted">—</span>}</td>
                        <td class="nowrap">{i.dueDate ?? ''}</td>
                        <td>
                          <StatusBadge ctx={ctx} status={i.status} />
                        </td>
                        <td>{percent(i.score)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          ))}
        </>
      )}
    </section>
  );
}
