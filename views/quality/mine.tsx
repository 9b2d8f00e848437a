// An agent's released evaluations of their own calls, with the inspector's comments.
import type { ViewContext } from '../context.ts';
import { Flash, formatInstant } from '../components.tsx';
import { DisputeForm } from './disputes.tsx';
import { TrainingList } from './loop.tsx';
import type { Scorecard } from '../../knowledge/quality/scorecard.ts';
import { StatusBadge, clock, percent } from './common.tsx';

export interface MyEvaluation {
  id: number;
  callId: string;
  project: string;
  queue: string;
  startedAt: Date;
  releasedAt: Date | null;
  evaluator: string;
  score: number | null;
  failedAll: boolean;
  recordingUrl: string | null;
  card: Scorecard;
  answers: Record<string, string | number>;
  missed: string[];
  comments: Record<string, { text: string; atSeconds: number | null }>;
  disputes: { item: string; status: string; comment: string; resolution: string | null }[];
  canDispute: boolean;
  form?: { errors: Record<string, string>; values: { itemId: string; comment: string } };
}

export function MinePage({
  ctx,
  evaluations,
  notice,
  training = [],
  peerChecks = [],
}: {
  ctx: ViewContext;
  evaluations: MyEvaluation[];
  notice?: string;
  training?: { topic: string; reason: string | null; status: string; createdAt: Date }[];
  peerChecks?: { id: number; callId: string; plan: string; status: string; dueDate: string | null }[];
}) {
  const { t } = ctx;
  return (
    <section class="panel">
      <h1>{t('quality.mine.title')}</h1>
      <p class="lead">{t('quality.mine.lead')}</p>
      {notice ? <Flash kind="ok">{notice}</Flash> : null}
      <TrainingList ctx={ctx} items={training} />
      {peerChecks.length ? (
        <div class="q-peer" data-testid="peer-checks">
          <h2>{t('quality.peer.title')}</h2>
          <ul>
            {peerChecks.map((p) => (
              <li>
                <a href={`/quality/samples/${p.id}`}>{p.callId}</a> · {p.plan} · <StatusBadge ctx={ctx} status={p.status} /> {p.dueDate ?? ''}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>
        <a href="/quality/cases">{t('quality.case.title')}</a>
      </p>
      {evaluations.length === 0 ? (
        <p class="empty">{t('quality.mine.empty')}</p>
      ) : (
        evaluations.map((e) => (
          <article class="q-mine" data-testid={`mine-${e.callId}`}>
            <h2>
              {e.callId} · {percent(e.score)}
              {e.failedAll ? <span class="badge q-flag-failAll">{t('quality.scoring.failedAll')}</span> : null}
            </h2>
            <p class="muted">
              {e.project} · {e.queue} · {formatInstant(e.startedAt, ctx.locale)} · {t('quality.scoring.by', { name: e.evaluator })} · {t('quality.mine.released', { at: formatInstant(e.releasedAt, ctx.locale) })}
            </p>
            {e.recordingUrl ? <audio controls preload="none" src={e.recordingUrl} data-qa-player="1"></audio> : null}
            <table class="grid dense">
              <thead>
                <tr>
                  <th>{t('quality.item')}</th>
                  <th>{t('quality.answer')}</th>
                  <th>{t('quality.comment.label', { item: '' })}</th>
                </tr>
              </thead>
              <tbody>
                {e.card.sections.flatMap((s) =>
                  s.items.map((item) => {
                    const a = e.answers[item.id];
                    const c = e.comments[item.id];
                    return (
                      <tr class={e.missed.includes(item.id) ? 'q-missed' : ''}>
                        <td>{item.label}</td>
                        <td>{a === 'yes' ? t('quality.answer.yes') : a === 'no' ? t('quality.answer.no') : a === 'na' ? t('quality.answer.na') : String(a ?? '')}</td>
                        <td>
                          {c ? (
                            <>
                              {c.atSeconds !== null ? <span class="badge">{clock(c.atSeconds)}</span> : null} {c.text}
                            </>
                          ) : null}
                        </td>
                      </tr>
                    );
                  }),
                )}
              </tbody>
            </table>
            {e.disputes.length ? (
              <ul class="q-disputes">
                {e.disputes.map((d) => (
                  <li>
                    <StatusBadge ctx={ctx} status={d.status} /> {d.item}：{d.comment}
                    {d.resolution ? <span class="muted"> — {d.resolution}</span> : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {e.canDispute || e.form ? <DisputeForm ctx={ctx} evaluationId={e.id} items={e.card.sections.flatMap((s) => s.items)} errors={e.form?.errors} values={e.form?.values} /> : null}
          </article>
        ))
      )}
    </section>
  );
}
