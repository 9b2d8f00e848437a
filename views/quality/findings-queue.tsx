// The quality findings part of the knowledge owners' queue: each open script-fix proposal with the
// recording excerpt and transcript lines around the moment, and a form to accept or reject it.
import type { ViewContext } from '../context.ts';
import { PostForm, formatInstant } from '../components.tsx';
import { clock } from './common.tsx';

export interface OwnerFinding {
  id: number;
  callId: string | null;
  scenarioCode: string | null;
  item: string | null;
  proposal: string;
  by: string | null;
  createdAt: Date;
  /** Recording URL with a media fragment (`#t=from,to`), or null without a recording. */
  audio: string | null;
  from: number;
  to: number;
  lines: { at: number; speaker: 'agent' | 'customer'; text: string }[];
}

export function OwnerFindingsSection({ ctx, findings }: { ctx: ViewContext; findings: OwnerFinding[] }) {
  const { t } = ctx;
  return (
    <section class="q-owner-findings" data-testid="quality-findings">
      <h2>{t('quality.ownerFindings.title', { n: findings.length })}</h2>
      <p class="lead">{t('quality.ownerFindings.lead')}</p>
      {findings.length === 0 ? (
        <p class="empty">{t('quality.ownerFindings.none')}</p>
      ) : (
        findings.map((f) => (
          <article class="q-finding" id={`finding-${f.id}`} data-testid={`owner-finding-${f.id}`}>
            <h3>
              {f.scenarioCode ? <a href={`/knowledge/scenarios/${encodeURIComponent(f.scenarioCode)}`}>{f.scenarioCode}</a> : t('quality.finding.noScenario')}
              {f.item ? ` · ${f.item}` : ''}
            </h3>
            <p>{f.proposal}</p>
            <p class="muted">
              {f.callId ?? ''} · {f.by ?? ''} · {formatInstant(f.createdAt, ctx.locale)}
            </p>
            {f.audio ? (
              <p class="q-excerpt-audio">
                <span class="muted">{t('quality.ownerFindings.excerpt', { from: clock(f.from), to: clock(f.to) })}</span>
                <audio controls preload="none" src={f.audio}></audio>
              </p>
            ) : null}
            {f.lines.length ? (
              <ol class="q-excerpt">
                {f.lines.map((l) => (
                  <li class={`q-seg-${l.speaker}`}>
                    <span class="q-seek">{clock(l.at)}</span> <span class="q-speaker">{t(`quality.speaker.${l.speaker}`)}</span> {l.text}
                  </li>
                ))}
              </ol>
            ) : null}
            <PostForm ctx={ctx} action={`/quality/findings/${f.id}/resolve`} class="inline">
              <input type="hidden" name="back" value="flags" />
              <input type="text" name="resolution" aria-label={t('quality.dispute.resolution')} placeholder={t('quality.ownerFindings.resolutionHint')} required />
              <button type="submit" name="status" value="accepted" class="small primary">
                {t('quality.finding.accept')}
              </button>
              <button type="submit" name="status" value="rejected" class="small">
                {t('quality.finding.reject')}
              </button>
            </PostForm>
          </article>
        ))
      )}
    </section>
  );
}
