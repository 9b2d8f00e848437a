// The scoring screen: the recording and its transcript (forbidden phrases highlighted) beside the
// scorecard form with pre-flagged items, per-item comments at a time position, draft autosave.
import type { ViewContext } from '../context.ts';
import { CsrfField, Flash, PostForm, formatInstant } from '../components.tsx';
import { SCORING_RULES_EN, SCORING_RULES_ZH, type Scorecard, type ScorecardItem } from '../../knowledge/quality/scorecard.ts';
import type { PhraseHit, TranscriptSegment } from '../../knowledge/quality/transcript.ts';
import type { PreFlag } from '../../knowledge/quality/preflag.ts';
import { QualityTabs, StatusBadge, clock, percent } from './common.tsx';
import { LoopForms } from './loop.tsx';

export interface ScoringCall {
  id: string;
  agent: string;
  project: string;
  queue: string;
  startedAt: Date;
  durationSeconds: number;
  direction: string;
  scenarioCode: string | null;
  recordingUrl: string | null;
  transcript: TranscriptSegment[] | null;
}

export interface ScoringResult {
  percent: number | null;
  failedAll: boolean;
  sections: { sectionId: string; percent: number | null; failed: boolean }[];
}

export interface ScoringProps {
  ctx: ViewContext;
  sampleId: number;
  planName: string;
  planId: number;
  call: ScoringCall;
  card: Scorecard;
  cardVersion: number;
  /** Form values by item id: answers as strings. */
  answers: Record<string, string>;
  comments: Record<string, { text: string; atSeconds: number | null }>;
  /** The error categories a failed item can be put in, and the chosen one per item. */
  categories?: { code: string; name: string }[];
  categoryAnswers?: Record<string, string>;
  /** Findings sent from this call, with the knowledge owner's resolution once there is one. */
  findings?: { id: number; proposal: string; status: string; resolution: string | null; resolvedBy: string | null; resolvedAt: Date | null }[];
  flags: PreFlag[];
  forbidden: PhraseHit[];
  requiredFound: PhraseHit[];
  missing: { id: string; label: string }[];
  errors: Record<string, string>;
  status: 'new' | 'draft' | 'submitted' | 'released';
  evaluationId: number | null;
  version: number;
  result: ScoringResult | null;
  evaluator: string | null;
  /** On a peer-check plan: the peer's submitted score this recheck starts from. */
  peer?: { name: string; score: number | null } | null;
  /** On a joint-check plan, when the two scores differ: both, and the items they differ on. */
  joint?: { names: string[]; scores: (number | null)[]; items: { itemId: string; label: string; first: string; second: string }[] } | null;
  conflict?: boolean;
  notice?: string;
}

/** Segment text with the hits of that segment wrapped in <mark>. */
function Marked({ text, hits }: { text: string; hits: { hit: PhraseHit; kind: 'forbidden' | 'required' }[] }) {
  const sorted = [...hits].sort((a, b) => a.hit.startOffset - b.hit.startOffset);
  const parts: (string | ReturnType<typeof Mark>)[] = [];
  let at = 0;
  for (const { hit, kind } of sorted) {
    if (hit.startOffset < at) continue;
    if (hit.startOffset > at) parts.push(text.slice(at, hit.startOffset));
    parts.push(<Mark kind={kind} text={text.slice(hit.startOffset, hit.endOffset)} phraseId={hit.phraseId} />);
    at = hit.endOffset;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

function Mark({ kind, text, phraseId }: { kind: 'forbidden' | 'required'; text: string; phraseId: string }) {
  return (
    <mark class={`q-hit q-hit-${kind}`} data-phrase={phraseId}>
      {text}
    </mark>
  );
}

export function Transcript({ ctx, segments, forbidden, requiredFound }: { ctx: ViewContext; segments: TranscriptSegment[]; forbidden: PhraseHit[]; requiredFound: PhraseHit[] }) {
  const { t } = ctx;
  return (
    <ol class="q-transcript" data-testid="transcript">
      {segments.map((s, i) => {
        const hits = [
          ...forbidden.filter((h) => h.segmentIndex === i).map((hit) => ({ hit, kind: 'forbidden' as const })),
          ...requiredFound.filter((h) => h.segmentIndex === i).map((hit) => ({ hit, kind: 'required' as const })),
        ];
        return (
          <li class={`q-seg q-seg-${s.speaker}`} data-start={String(s.startSeconds)} data-end={String(s.endSeconds)}>
            <a class="q-seek" href={`#t=${s.startSeconds}`} data-seek={String(s.startSeconds)} title={t('quality.player.seek')}>
              {clock(s.startSeconds)}
            </a>
            <span class="q-speaker">{t(`quality.speaker.${s.speaker}`)}</span>
            <span class="q-text">
              <Marked text={s.text} hits={hits} />
            </span>
          </li>
        );
      })}
    </ol>
  );
}

export function AnswerControl({ ctx, item, value, disabled }: { ctx: ViewContext; item: ScorecardItem; value: string; disabled: boolean }) {
  const { t } = ctx;
  const name = `a.${item.id}`;
  const radio = (v: string, label: string) => (
    <label class="check q-choice">
      <input type="radio" name={name} value={v} checked={value === v} disabled={disabled} /> {label}
    </label>
  );
  const na = item.naAllowed ? radio('na', t('quality.answer.na')) : null;
  if (item.answer.kind === 'yesNo') {
    return (
      <div class="q-answer" role="radiogroup" aria-label={item.label}>
        {radio('yes', t('quality.answer.yes'))}
        {radio('no', t('quality.answer.no'))}
        {na}
      </div>
    );
  }
  if (item.answer.kind === 'scale') {
    const values: string[] = [];
    for (let v = item.answer.min; v <= item.answer.max; v++) values.push(String(v));
    return (
      <div class="q-answer" role="radiogroup" aria-label={item.label}>
        {values.map((v) => radio(v, v))}
        {na}
      </div>
    );
  }
  const options: string[] = [];
  for (let p = 0; p <= item.points; p++) options.push(String(p));
  return (
    <div class="q-answer">
      <select name={name} aria-label={item.label} disabled={disabled}>
        <option value="">{t('quality.answer.choose')}</option>
        {options.map((o) => (
          <option value={o} selected={value === o}>
            {t('quality.answer.points', { points: o })}
          </option>
        ))}
        {item.naAllowed ? (
          <option value="na" selected={value === 'na'}>
            {t('quality.answer.na')}
          </option>
        ) : null}
      </select>
    </div>
  );
}

function ItemRow(props: {
  ctx: ViewContext;
  item: ScorecardItem;
  value: string;
  comment?: { text: string; atSeconds: number | null };
  flag?: PreFlag;
  error?: string;
  disabled: boolean;
  categories?: { code: string; name: string }[];
  category?: string;
}) {
  const { ctx, item, flag } = props;
  const { t } = ctx;
  return (
    <li class={`q-item${flag && flag.reason !== 'found' ? ' q-flagged' : ''}${props.error ? ' has-error' : ''}`} id={`item-${item.id}`} data-item={item.id}>
      <div class="q-item-head">
        <span class="q-item-label">{item.label}</span>
        <span class="q-item-meta">
          {t('quality.item.points', { points: item.points })}
          {item.flag ? <span class={`badge q-flag-${item.flag}`}>{t(`quality.flag.${item.flag}`)}</span> : null}
          {item.servqual ? <span class="badge q-servqual">{t(`quality.servqual.${item.servqual}`)}</span> : null}
        </span>
      </div>
      {flag ? (
        <p class={`q-preflag q-preflag-${flag.reason}`} data-testid={`preflag-${item.id}`}>
          {t(`quality.preflag.${flag.reason}`)}{' '}
          {flag.hits.slice(0, 3).map((h) => (
            <a class="q-seek" href={`#t=${h.startSeconds.toFixed(1)}`} data-seek={h.startSeconds.toFixed(1)}>
              “{h.text}” {clock(h.startSeconds)}
            </a>
          ))}
        </p>
      ) : null}
      <AnswerControl ctx={ctx} item={item} value={props.value} disabled={props.disabled} />
      {props.error ? <p class="error">{props.error}</p> : null}
      <div class={props.categories?.length && !(props.disabled && !props.category) ? 'q-comment q-with-category' : 'q-comment'}>
        {props.categories?.length && !(props.disabled && !props.category) ? (
          <select name={`e.${item.id}`} class="q-category" disabled={props.disabled} aria-label={t('quality.category.for', { item: item.label })} title={t('quality.category.label')}>
            <option value="">{t('quality.category.ifFailed')}</option>
            {props.categories.map((c) => (
              <option value={c.code} selected={props.category === c.code}>
                {c.name}
              </option>
            ))}
          </select>
        ) : null}
        <input type="text" name={`c.${item.id}`} value={props.comment?.text ?? ''} placeholder={t('quality.comment.placeholder')} aria-label={t('quality.comment.label', { item: item.label })} disabled={props.disabled} data-time-for={item.id} />
        <input type="number" name={`t.${item.id}`} value={props.comment?.atSeconds === null || props.comment?.atSeconds === undefined ? '' : String(props.comment.atSeconds)} step="0.1" min="0" class="q-time" aria-label={t('quality.comment.at')} title={t('quality.comment.at')} disabled={props.disabled} data-time-input={item.id} />
        {props.disabled ? null : (
          <button type="button" class="small q-mark" data-mark-time={item.id} title={t('quality.comment.mark')}>
            {t('quality.comment.now')}
          </button>
        )}
      </div>
    </li>
  );
}

export function ScoringPage(p: ScoringProps) {
  const { ctx, call, card } = p;
  const { t } = ctx;
  const readOnly = p.status === 'submitted' || p.status === 'released';
  const flagOf = new Map(p.flags.map((f) => [f.itemId, f]));
  return (
    <section class="panel q-scoring">
      {ctx.user?.roles.includes('inspector') ? <QualityTabs ctx={ctx} active="queue" /> : null}
      <div class="titlebar">
        <h1>
          {t('quality.scoring.title')} {call.id}
        </h1>
        <StatusBadge ctx={ctx} status={p.status} />
      </div>
      <p class="muted">
        {ctx.user?.roles.includes('inspector') ? <a href={`/quality/plans/${p.planId}`}>{p.planName}</a> : p.planName} · {call.agent} · {call.project} · {call.queue} · {formatInstant(call.startedAt, ctx.locale)} · {clock(call.durationSeconds)}
        {call.scenarioCode ? ` · ${call.scenarioCode}` : ''} · {card.name} v{p.cardVersion}
      </p>
      {p.notice ? <Flash kind="ok">{p.notice}</Flash> : null}
      {p.peer ? (
        <Flash kind="info">
          <span data-testid="peer-score">{t('quality.peer.score', { name: p.peer.name, score: percent(p.peer.score) })}</span>
        </Flash>
      ) : null}
      {p.joint ? (
        <div class="flash flash-info" data-testid="joint">
          <p>{t('quality.joint.lead', { a: p.joint.names[0], b: p.joint.names[1], sa: percent(p.joint.scores[0]), sb: percent(p.joint.scores[1]) })}</p>
          <ul>
            {p.joint.items.map((i) => (
              <li data-item={i.itemId}>
                {i.label}: {i.first} / {i.second}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {p.conflict ? <Flash kind="error">{t('quality.scoring.conflict')}</Flash> : null}
      {Object.keys(p.errors).length ? <Flash kind="error">{t('form.errors')}</Flash> : null}
      <div class="q-split">
        <div class="q-media">
          {call.recordingUrl ? (
            <div class="q-player">
              <audio controls preload="metadata" src={call.recordingUrl} data-qa-player="1" data-testid="player"></audio>
              <p class="hint">{t('quality.player.keys')}</p>
              <p class="q-speed" aria-live="polite" data-speed-label="1">
                1×
              </p>
            </div>
          ) : (
            <p class="empty">{t('quality.player.none')}</p>
          )}
          {p.missing.length ? (
            <p class="q-missing" data-testid="missing">
              {t('quality.transcript.missing')} {p.missing.map((m) => m.label).join('、')}
            </p>
          ) : null}
          {call.transcript ? <Transcript ctx={ctx} segments={call.transcript} forbidden={p.forbidden} requiredFound={p.requiredFound} /> : <p class="empty">{t('quality.transcript.none')}</p>}
        </div>
        <div class="q-form">
          {p.result ? (
            <div class={`q-result-box${p.result.failedAll ? ' q-failed' : ''}`} data-testid="score">
              <p class="q-total">
                {t('quality.scoring.total')} <strong>{percent(p.result.percent)}</strong>
                {p.result.failedAll ? <span class="badge q-flag-failAll">{t('quality.scoring.failedAll')}</span> : null}
              </p>
              <ul class="q-sections">
                {p.result.sections.map((s) => (
                  <li>
                    {card.sections.find((c) => c.id === s.sectionId)?.label}: {percent(s.percent)}
                    {s.failed ? ` (${t('quality.flag.failSection')})` : ''}
                  </li>
                ))}
              </ul>
              {p.evaluator ? <p class="muted">{t('quality.scoring.by', { name: p.evaluator })}</p> : null}
              {p.status === 'submitted' && p.evaluationId && ctx.user?.roles.includes('inspector') ? (
                <PostForm ctx={ctx} action={`/quality/evaluations/${p.evaluationId}/release`}>
                  <button type="submit" class="primary" data-testid="release">
                    {t('quality.scoring.release')}
                  </button>
                </PostForm>
              ) : null}
            </div>
          ) : null}
          <form method="post" action={`/quality/samples/${p.sampleId}/submit`} id="scoring-form">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="version" value={String(p.version)} id="eval-version" />
            <div hx-post={readOnly ? undefined : `/quality/samples/${p.sampleId}/draft`} hx-trigger={readOnly ? undefined : 'change delay:1s'} hx-target="#draft-status" hx-swap="innerHTML">
              {card.sections.map((section) => (
                <fieldset class="q-section">
                  <legend>
                    {section.label} <span class="muted">{t('quality.section.weight', { weight: section.weight })}</span>
                  </legend>
                  <ol class="q-items">
                    {section.items.map((item) => (
                      <ItemRow ctx={ctx} item={item} value={p.answers[item.id] ?? ''} comment={p.comments[item.id]} flag={flagOf.get(item.id)} error={p.errors[item.id]} disabled={readOnly} categories={p.categories} category={p.categoryAnswers?.[item.id]} />
                    ))}
                  </ol>
                </fieldset>
              ))}
            </div>
            {readOnly ? null : (
              <div class="q-actions">
                <button type="submit" class="primary" data-testid="submit-score">
                  {t('quality.scoring.submit')}
                </button>
                <button type="submit" formaction={`/quality/samples/${p.sampleId}/draft`} class="q-save-draft">
                  {t('quality.scoring.saveDraft')}
                </button>
                <span id="draft-status" class="muted" role="status" aria-live="polite"></span>
              </div>
            )}
          </form>
          {p.findings?.length ? (
            <section class="q-findings-of-call" data-testid="call-findings">
              <h3>{ctx.t('quality.finding.ofCall')}</h3>
              <ul>
                {p.findings.map((f) => (
                  <li>
                    <StatusBadge ctx={ctx} status={f.status} /> {f.proposal}
                    {f.resolution ? (
                      <span class="muted">
                        {' '}
                        — {f.resolvedBy ?? ''}: {f.resolution}
                        {f.resolvedAt ? ` · ${formatInstant(f.resolvedAt, ctx.locale)}` : ''}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {readOnly && ctx.user?.roles.includes('inspector') ? <LoopForms ctx={ctx} sampleId={p.sampleId} items={card.sections.flatMap((s) => s.items.map((i) => ({ id: i.id, label: i.label })))} scenarioCode={call.scenarioCode} /> : null}
          <details class="q-rules">
            <summary>{t('quality.scoring.rules')}</summary>
            <ol>
              {(ctx.locale === 'en' ? SCORING_RULES.en : SCORING_RULES.zh).map((r) => (
                <li>{r}</li>
              ))}
            </ol>
          </details>
        </div>
      </div>
    </section>
  );
}

const SCORING_RULES = { en: SCORING_RULES_EN, zh: SCORING_RULES_ZH };

/** The autosave answer: when it was saved, and the new version for the form. */
export function DraftSaved({ ctx, at, version, conflict }: { ctx: ViewContext; at: Date; version: number; conflict?: boolean }) {
  const { t } = ctx;
  return (
    <>
      {conflict ? <span class="error">{t('quality.scoring.conflict')}</span> : <span data-testid="draft-saved">{t('quality.scoring.draftSaved', { time: formatInstant(at, ctx.locale).slice(-5) })}</span>}
      <input type="hidden" name="version" value={String(version)} id="eval-version" hx-swap-oob="true" />
    </>
  );
}
