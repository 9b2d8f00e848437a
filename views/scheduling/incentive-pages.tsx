// Emergency resources (可应急资源), the incentive ledger and catalogue (应急激励), the agent's points, peak plans and the
// forecast page's peak notice.
import type { ViewContext } from '../context.ts';
import { Flash, PostForm, formatInstant } from '../components.tsx';
import { SchedulingTabs } from './pages.tsx';

const KINDS = ['callIn', 'coverProject', 'peakOvertime'] as const;
const AVAIL = ['onShift', 'reachable', 'off'] as const;
const PEAK_KINDS = ['summerPeak', 'campaign', 'storm'] as const;
const TIER_COLOURS: Record<number, string> = { 1: '#0b6e6e', 2: '#5ea3a3', 3: '#a9cfcf' };

const hhmm = (m: number) => `${String(Math.floor((((m % 1440) + 1440) % 1440) / 60)).padStart(2, '0')}:${String(((m % 60) + 60) % 60).padStart(2, '0')}`;
const hours = (h: number) => (Math.round(h * 10) / 10).toFixed(1);
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** A field's error, aria-linked by id. */
function Err({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p class="error" id={id}>
      {error}
    </p>
  ) : null;
}

function fieldClass(error?: string) {
  return error ? 'field has-error' : 'field';
}

// ---------------------------------------------------------------------------------------------------------------
// 可应急资源

/** One agent row of the resources page. */
export interface ResourceAgentView {
  code: string;
  name: string;
  team: string;
  tier: number;
  skills: { project: string; proficiency: number }[];
  availability: 'onShift' | 'off' | 'reachable';
  shift: { start: number; end: number; project: string } | null;
}

/** What the resources page shows. */
export interface ResourcesView {
  date: string;
  projects: { code: string; name: string }[];
  filter: { project: string; tier: string };
  /** Per project (filtered), counts per tier and availability, and the agents. */
  groups: { project: string; name: string; counts: Record<number, Record<'onShift' | 'off' | 'reachable', number>>; agents: ResourceAgentView[] }[];
  tiers: number[];
}

export function ResourcesPage({ ctx, v }: { ctx: ViewContext; v: ResourcesView }) {
  const { t } = ctx;
  const total = (g: ResourcesView['groups'][number], tier: number) => AVAIL.reduce((s, a) => s + (g.counts[tier]?.[a] ?? 0), 0);
  return (
    <section class="panel incentives">
      <SchedulingTabs ctx={ctx} active="resources" />
      <h1>{t('inc.res.title')}</h1>
      <p class="lead">{t('inc.res.lead', { date: v.date })}</p>
      <form method="get" action="/rosters/resources" class="row-form" data-testid="res-filter">
        <div class="field">
          <label for="res-project">{t('sched.project')}</label>
          <select id="res-project" name="project">
            <option value="">{t('inc.all')}</option>
            {v.projects.map((p) => (
              <option value={p.code} selected={p.code === v.filter.project}>
                {p.code} · {p.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="res-tier">{t('inc.tier')}</label>
          <select id="res-tier" name="tier">
            <option value="">{t('inc.all')}</option>
            {[1, 2, 3].map((n) => (
              <option value={String(n)} selected={String(n) === v.filter.tier}>
                {t('inc.tierN', { tier: n })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('sched.show')}</button>
      </form>
      {v.groups.length === 0 ? (
        <p class="empty">{t('inc.res.none')}</p>
      ) : (
        <>
          <table class="grid inc-counts" data-testid="res-counts">
            <caption class="muted">{t('inc.res.countsCaption')}</caption>
            <thead>
              <tr>
                <th>{t('sched.project')}</th>
                {v.tiers.map((tier) => (
                  <th class="num">{t('inc.tierN', { tier })}</th>
                ))}
                <th class="num">{t('inc.res.total')}</th>
              </tr>
            </thead>
            <tbody>
              {v.groups.map((g) => (
                <tr data-project={g.project}>
                  <td>
                    <a href={`#res-${g.project}`}>{g.project}</a> <span class="muted">{g.name}</span>
                  </td>
                  {v.tiers.map((tier) => (
                    <td class="num" data-tier={String(tier)}>
                      <span class="avail avail-onShift" title={t('inc.avail.onShift')}>{g.counts[tier]?.onShift ?? 0}</span>
                      {' / '}
                      <span class="avail avail-reachable" title={t('inc.avail.reachable')}>{g.counts[tier]?.reachable ?? 0}</span>
                      {' / '}
                      <span class="avail avail-off" title={t('inc.avail.off')}>{g.counts[tier]?.off ?? 0}</span>
                      <small class="muted"> ({total(g, tier)})</small>
                    </td>
                  ))}
                  <td class="num">{g.agents.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="hint">{t('inc.res.legend')}</p>
          {v.groups.map((g) => (
            <>
              <h2 id={`res-${g.project}`}>
                {g.project} · {g.name} <small class="muted">{t('inc.res.people', { count: g.agents.length })}</small>
              </h2>
              <table class="grid inc-res" data-testid={`res-${g.project}`}>
                <thead>
                  <tr>
                    <th>{t('inc.agent')}</th>
                    <th>{t('inc.team')}</th>
                    <th>{t('inc.tier')}</th>
                    <th>{t('inc.res.skills')}</th>
                    <th>{t('inc.res.today')}</th>
                  </tr>
                </thead>
                <tbody>
                  {g.agents.map((a) => (
                    <tr data-agent={a.code}>
                      <td class="nowrap">
                        {a.code} {a.name}
                      </td>
                      <td>{a.team}</td>
                      <td>
                        <span class={`badge tier tier-${a.tier}`}>{t('inc.tierN', { tier: a.tier })}</span>
                      </td>
                      <td>
                        {a.skills.map((s) => (
                          <span class={`badge skill${s.proficiency >= 0.8 ? ' strong' : s.proficiency < 0.6 ? ' weak' : ''}`}>
                            {s.project} {pct(s.proficiency)}
                          </span>
                        ))}
                      </td>
                      <td>
                        <span class={`badge avail-${a.availability}`}>{t(`inc.avail.${a.availability}`)}</span>
                        {a.shift ? <span class="muted"> {`${hhmm(a.shift.start)}–${hhmm(a.shift.end)} ${a.shift.project}`}</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ))}
        </>
      )}
    </section>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Ledger lines (shared by the scheduler's and the agent's pages)

/** One ledger line as the pages show it. */
export interface LedgerLineView {
  id: number;
  agentId: string;
  agentName: string;
  type: 'earn' | 'redeem' | 'reverse';
  at: Date;
  date: string;
  kind: string | null;
  hours: number | null;
  points: number;
  reference: string | null;
  rewardName: string | null;
  detail: string | null;
}

function LedgerTable({ ctx, lines, showAgent }: { ctx: ViewContext; lines: LedgerLineView[]; showAgent: boolean }) {
  const { t } = ctx;
  if (lines.length === 0) return <p class="empty">{t('inc.ledger.empty')}</p>;
  return (
    <div class="inc-scroll tall">
    <table class="grid inc-ledger" data-testid="ledger">
      <thead>
        <tr>
          <th>{t('sched.date')}</th>
          {showAgent ? <th>{t('inc.agent')}</th> : null}
          <th>{t('inc.ledger.what')}</th>
          <th class="num">{t('inc.hours')}</th>
          <th class="num">{t('inc.points')}</th>
          <th>{t('inc.ledger.reference')}</th>
          <th>{t('inc.ledger.recorded')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr class={`line-${l.type}`} data-line={String(l.id)}>
            <td class="nowrap">{l.date}</td>
            {showAgent ? (
              <td class="nowrap">
                <a href={`/rosters/incentives?agent=${encodeURIComponent(l.agentId)}#ledger`}>{l.agentId}</a> {l.agentName}
              </td>
            ) : null}
            <td>
              {l.type === 'earn'
                ? t(`inc.kind.${l.kind}`)
                : l.type === 'reverse'
                  ? t('inc.ledger.reversed', { kind: t(`inc.kind.${l.kind}`) })
                  : t('inc.ledger.redeemed', { reward: l.rewardName ?? '' })}
              {l.detail ? <small class="muted"> · {l.detail}</small> : null}
            </td>
            <td class="num">{l.hours === null ? '' : hours(l.hours)}</td>
            <td class={`num points ${l.points < 0 ? 'neg' : 'pos'}`}>{l.points > 0 ? `+${l.points}` : String(l.points)}</td>
            <td>{l.reference ?? ''}</td>
            <td class="nowrap muted">{formatInstant(l.at, ctx.locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// 应急激励 (scheduler)

/** A contribution rule with its edit state. */
export interface RuleView {
  kind: string;
  name: string;
  nameEn: string;
  pointsPerEvent: string;
  pointsPerHour: string;
  version: number;
  updatedAt: Date;
  errors: Record<string, string>;
}

/** A reward with its edit state. */
export interface RewardView {
  id: string;
  name: string;
  nameEn: string;
  points: string;
  grantKind: 'dayShiftsOnly' | 'firstPick' | 'daysOff';
  /** Shift codes (dayShiftsOnly) or maxDays (daysOff), as typed. */
  param: string;
  hard: boolean;
  offered: boolean;
  version: number;
  updatedAt: Date | null;
  errors: Record<string, string>;
}

/** What the incentives page shows. */
export interface IncentivesView {
  balances: { agentId: string; name: string; team: string; tier: number | null; earned: number; spent: number; balance: number }[];
  filterAgent: string;
  lines: LedgerLineView[];
  credit: { agent: string; kind: string; hours: string; date: string; reference: string };
  creditErrors: Record<string, string>;
  rules: RuleView[];
  rewards: RewardView[];
  newReward: RewardView;
  notice?: string;
  problem?: string;
}

function grantText(ctx: ViewContext, r: { grantKind: string; param: string }) {
  if (r.grantKind === 'dayShiftsOnly') return ctx.t('inc.grant.dayShiftsOnly', { shifts: r.param });
  if (r.grantKind === 'daysOff') return ctx.t('inc.grant.daysOff', { days: r.param });
  return ctx.t('inc.grant.firstPick');
}

function RewardFields({ ctx, r, prefix }: { ctx: ViewContext; r: RewardView; prefix: string }) {
  const { t } = ctx;
  const id = (f: string) => `${prefix}-${f}`;
  return (
    <>
      <div class={fieldClass(r.errors.name)}>
        <label for={id('name')}>{t('inc.cat.name')}</label>
        <input id={id('name')} name="name" value={r.name} aria-invalid={r.errors.name ? 'true' : undefined} aria-describedby={r.errors.name ? id('name-err') : undefined} />
        <Err id={id('name-err')} error={r.errors.name} />
      </div>
      <div class={fieldClass(r.errors.nameEn)}>
        <label for={id('nameEn')}>{t('inc.cat.nameEn')}</label>
        <input id={id('nameEn')} name="nameEn" value={r.nameEn} aria-invalid={r.errors.nameEn ? 'true' : undefined} aria-describedby={r.errors.nameEn ? id('nameEn-err') : undefined} />
        <Err id={id('nameEn-err')} error={r.errors.nameEn} />
      </div>
      <div class={`${fieldClass(r.errors.points)} small`}>
        <label for={id('points')}>{t('inc.points')}</label>
        <input id={id('points')} name="points" type="number" min="1" step="1" value={r.points} aria-invalid={r.errors.points ? 'true' : undefined} aria-describedby={r.errors.points ? id('points-err') : undefined} />
        <Err id={id('points-err')} error={r.errors.points} />
      </div>
      {r.grantKind === 'firstPick' ? null : (
        <div class={`${fieldClass(r.errors.param)} small`}>
          <label for={id('param')}>{r.grantKind === 'dayShiftsOnly' ? t('inc.cat.shifts') : t('inc.cat.maxDays')}</label>
          <input id={id('param')} name="param" value={r.param} aria-invalid={r.errors.param ? 'true' : undefined} aria-describedby={r.errors.param ? id('param-err') : undefined} />
          <Err id={id('param-err')} error={r.errors.param} />
        </div>
      )}
      <label class="check">
        <input type="checkbox" name="hard" value="1" checked={r.hard} /> {t('inc.cat.hard')}
      </label>
      <label class="check">
        <input type="checkbox" name="offered" value="1" checked={r.offered} /> {t('inc.cat.offered')}
      </label>
    </>
  );
}

export function IncentivesPage({ ctx, v }: { ctx: ViewContext; v: IncentivesView }) {
  const { t } = ctx;
  const ce = v.creditErrors;
  return (
    <section class="panel incentives">
      <SchedulingTabs ctx={ctx} active="incentives" />
      <h1>{t('inc.title')}</h1>
      <p class="lead">{t('inc.lead')}</p>
      {v.notice ? <Flash kind="ok">{v.notice}</Flash> : null}
      {v.problem ? <Flash kind="error">{v.problem}</Flash> : null}
      <div class="inc-columns">
        <div>
          <h2>{t('inc.balances')}</h2>
          {v.balances.length === 0 ? (
            <p class="empty">{t('inc.ledger.empty')}</p>
          ) : (
            <div class="inc-scroll">
            <table class="grid" data-testid="balances">
              <thead>
                <tr>
                  <th>{t('inc.agent')}</th>
                  <th>{t('inc.team')}</th>
                  <th>{t('inc.tier')}</th>
                  <th class="num">{t('inc.earned')}</th>
                  <th class="num">{t('inc.spent')}</th>
                  <th class="num">{t('inc.balance')}</th>
                </tr>
              </thead>
              <tbody>
                {v.balances.map((b) => (
                  <tr data-agent={b.agentId} class={b.agentId === v.filterAgent ? 'current' : ''}>
                    <td class="nowrap">
                      <a href={`/rosters/incentives?agent=${encodeURIComponent(b.agentId)}#ledger`}>{b.agentId}</a> {b.name}
                    </td>
                    <td>{b.team}</td>
                    <td>{b.tier ? t('inc.tierN', { tier: b.tier }) : '—'}</td>
                    <td class="num">{b.earned}</td>
                    <td class="num">{b.spent}</td>
                    <td class="num">
                      <strong>{b.balance}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
          )}
        </div>
        <div>
          <h2>{t('inc.credit.title')}</h2>
          <p class="hint">{t('inc.credit.hint')}</p>
          <PostForm ctx={ctx} action="/rosters/incentives/credit" class="inc-credit" id="credit-form">
            <div class={fieldClass(ce.agent)}>
              <label for="cr-agent">{t('inc.credit.agent')}</label>
              <input id="cr-agent" name="agent" value={v.credit.agent} placeholder="A0001" aria-invalid={ce.agent ? 'true' : undefined} aria-describedby={ce.agent ? 'cr-agent-err' : undefined} />
              <Err id="cr-agent-err" error={ce.agent} />
            </div>
            <div class={fieldClass(ce.kind)}>
              <label for="cr-kind">{t('inc.credit.kind')}</label>
              <select id="cr-kind" name="kind">
                {KINDS.map((k) => (
                  <option value={k} selected={k === v.credit.kind}>
                    {t(`inc.kind.${k}`)}
                  </option>
                ))}
              </select>
              <Err id="cr-kind-err" error={ce.kind} />
            </div>
            <div class="row">
              <div class={fieldClass(ce.hours)}>
                <label for="cr-hours">{t('inc.hours')}</label>
                <input id="cr-hours" name="hours" type="number" min="0" max="24" step="0.25" value={v.credit.hours} aria-invalid={ce.hours ? 'true' : undefined} aria-describedby={ce.hours ? 'cr-hours-err' : undefined} />
                <Err id="cr-hours-err" error={ce.hours} />
              </div>
              <div class={fieldClass(ce.date)}>
                <label for="cr-date">{t('sched.date')}</label>
                <input id="cr-date" name="date" type="date" value={v.credit.date} aria-invalid={ce.date ? 'true' : undefined} aria-describedby={ce.date ? 'cr-date-err' : undefined} />
                <Err id="cr-date-err" error={ce.date} />
              </div>
            </div>
            <div class={fieldClass(ce.reference)}>
              <label for="cr-ref">{t('inc.ledger.reference')}</label>
              <input id="cr-ref" name="reference" value={v.credit.reference} placeholder={t('inc.credit.refPlaceholder')} aria-invalid={ce.reference ? 'true' : undefined} aria-describedby={ce.reference ? 'cr-ref-err' : undefined} />
              <Err id="cr-ref-err" error={ce.reference} />
            </div>
            <button type="submit" class="primary">
              {t('inc.credit.submit')}
            </button>
          </PostForm>
        </div>
      </div>

      <h2 id="ledger">{t('inc.ledger.title')}</h2>
      <form method="get" action="/rosters/incentives" class="row-form" data-testid="ledger-filter">
        <div class="field">
          <label for="lf-agent">{t('inc.ledger.filter')}</label>
          <input id="lf-agent" name="agent" value={v.filterAgent} placeholder="A0001" />
        </div>
        <button type="submit">{t('sched.show')}</button>
        {v.filterAgent ? <a href="/rosters/incentives#ledger">{t('inc.ledger.clear')}</a> : null}
      </form>
      <LedgerTable ctx={ctx} lines={v.lines} showAgent={true} />

      <h2 id="catalogue">{t('inc.cat.title')}</h2>
      <p class="hint">{t('inc.cat.lead')}</p>
      <h3>{t('inc.cat.rules')}</h3>
      <div class="inc-cards">
        {v.rules.map((r) => (
          <PostForm ctx={ctx} action={`/rosters/incentives/rules/${r.kind}`} class="inc-card" id={`rule-${r.kind}`}>
            <input type="hidden" name="version" value={String(r.version)} />
            <p class="inc-card-title">
              <strong>{t(`inc.kind.${r.kind}`)}</strong> <small class="muted">{t('inc.cat.version', { version: r.version })}</small>
            </p>
            {r.errors.version ? <Flash kind="error">{r.errors.version}</Flash> : null}
            <div class="row">
              <div class={fieldClass(r.errors.name)}>
                <label for={`rule-${r.kind}-name`}>{t('inc.cat.name')}</label>
                <input id={`rule-${r.kind}-name`} name="name" value={r.name} aria-invalid={r.errors.name ? 'true' : undefined} aria-describedby={r.errors.name ? `rule-${r.kind}-name-err` : undefined} />
                <Err id={`rule-${r.kind}-name-err`} error={r.errors.name} />
              </div>
              <div class={fieldClass(r.errors.nameEn)}>
                <label for={`rule-${r.kind}-nameEn`}>{t('inc.cat.nameEn')}</label>
                <input id={`rule-${r.kind}-nameEn`} name="nameEn" value={r.nameEn} aria-invalid={r.errors.nameEn ? 'true' : undefined} aria-describedby={r.errors.nameEn ? `rule-${r.kind}-nameEn-err` : undefined} />
                <Err id={`rule-${r.kind}-nameEn-err`} error={r.errors.nameEn} />
              </div>
              <div class={`${fieldClass(r.errors.pointsPerEvent)} small`}>
                <label for={`rule-${r.kind}-pe`}>{t('inc.cat.perEvent')}</label>
                <input id={`rule-${r.kind}-pe`} name="pointsPerEvent" type="number" min="0" step="1" value={r.pointsPerEvent} aria-invalid={r.errors.pointsPerEvent ? 'true' : undefined} aria-describedby={r.errors.pointsPerEvent ? `rule-${r.kind}-pe-err` : undefined} />
                <Err id={`rule-${r.kind}-pe-err`} error={r.errors.pointsPerEvent} />
              </div>
              <div class={`${fieldClass(r.errors.pointsPerHour)} small`}>
                <label for={`rule-${r.kind}-ph`}>{t('inc.cat.perHour')}</label>
                <input id={`rule-${r.kind}-ph`} name="pointsPerHour" type="number" min="0" step="1" value={r.pointsPerHour} aria-invalid={r.errors.pointsPerHour ? 'true' : undefined} aria-describedby={r.errors.pointsPerHour ? `rule-${r.kind}-ph-err` : undefined} />
                <Err id={`rule-${r.kind}-ph-err`} error={r.errors.pointsPerHour} />
              </div>
              <button type="submit">{t('inc.save')}</button>
            </div>
          </PostForm>
        ))}
      </div>
      <h3>{t('inc.cat.rewards')}</h3>
      <div class="inc-cards">
        {v.rewards.map((r) => (
          <PostForm ctx={ctx} action={`/rosters/incentives/rewards/${r.id}`} class={`inc-card${r.offered ? '' : ' withdrawn'}`} id={`reward-${r.id}`}>
            <input type="hidden" name="version" value={String(r.version)} />
            <p class="inc-card-title">
              <strong>{r.name}</strong> <code>{r.id}</code> · {grantText(ctx, r)} ·{' '}
              <span class={`badge ${r.hard ? 'hard' : 'soft'}`}>{r.hard ? t('inc.cat.hardShort') : t('inc.cat.softShort')}</span>
              {r.offered ? null : <span class="badge withdrawn">{t('inc.cat.withdrawn')}</span>}{' '}
              <small class="muted">{t('inc.cat.version', { version: r.version })}</small>
            </p>
            {r.errors.version ? <Flash kind="error">{r.errors.version}</Flash> : null}
            <div class="row">
              <RewardFields ctx={ctx} r={r} prefix={`reward-${r.id}`} />
              <button type="submit">{t('inc.save')}</button>
            </div>
          </PostForm>
        ))}
      </div>
      <details class="inc-new" open={Object.keys(v.newReward.errors).length > 0}>
        <summary>{t('inc.cat.new')}</summary>
        <PostForm ctx={ctx} action="/rosters/incentives/rewards" class="inc-card" id="reward-new">
          <div class="row">
            <div class={fieldClass(v.newReward.errors.id)}>
              <label for="reward-new-id">{t('inc.cat.id')}</label>
              <input id="reward-new-id" name="id" value={v.newReward.id} placeholder="weekend-off" aria-invalid={v.newReward.errors.id ? 'true' : undefined} aria-describedby={v.newReward.errors.id ? 'reward-new-id-err' : undefined} />
              <Err id="reward-new-id-err" error={v.newReward.errors.id} />
            </div>
            <div class="field">
              <label for="reward-new-grant">{t('inc.cat.grant')}</label>
              <select id="reward-new-grant" name="grant">
                {(['dayShiftsOnly', 'firstPick', 'daysOff'] as const).map((g) => (
                  <option value={g} selected={g === v.newReward.grantKind}>
                    {t(`inc.grantKind.${g}`)}
                  </option>
                ))}
              </select>
            </div>
            <RewardFields ctx={ctx} r={{ ...v.newReward, grantKind: 'dayShiftsOnly' }} prefix="reward-new" />
            <button type="submit" class="primary">
              {t('inc.cat.add')}
            </button>
          </div>
          <p class="hint">{t('inc.cat.newHint')}</p>
        </PostForm>
      </details>
    </section>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The agent's points

/** A reward as the agent's page offers it. */
export interface OfferView {
  id: string;
  name: string;
  points: number;
  grantKind: 'dayShiftsOnly' | 'firstPick' | 'daysOff';
  param: string;
  hard: boolean;
  affordable: boolean;
  /** Months this reward is already redeemed for. */
  redeemedMonths: string[];
}

/** What the agent's points page shows. */
export interface PointsView {
  agentName: string | null;
  agentId: string | null;
  balance: number;
  earned: number;
  offers: OfferView[];
  lines: LedgerLineView[];
  months: string[];
  shiftCodes: { code: string; name: string }[];
  /** The form being answered: reward id, values typed and errors beside fields. */
  form: { reward: string; month: string; shift: string; dates: string; errors: Record<string, string> };
  notice?: string;
}

export function PointsPage({ ctx, v }: { ctx: ViewContext; v: PointsView }) {
  const { t } = ctx;
  if (!v.agentId) {
    return (
      <section class="panel incentives">
        <h1>{t('inc.my.title')}</h1>
        <p class="empty">{t('inc.my.noAgent')}</p>
        <p>
          <a href="/schedule">{t('inc.my.back')}</a>
        </p>
      </section>
    );
  }
  return (
    <section class="panel incentives">
      <div class="titlebar">
        <h1>{t('inc.my.title')}</h1>
        <a href="/schedule">{t('inc.my.back')}</a>
      </div>
      <p class="lead">{t('inc.my.lead', { name: v.agentName ?? '' })}</p>
      {v.notice ? <Flash kind="ok">{v.notice}</Flash> : null}
      {v.form.errors.form && !v.offers.some((o) => o.id === v.form.reward) ? <Flash kind="error">{v.form.errors.form}</Flash> : null}
      <dl class="facts inc-balance" data-testid="my-balance">
        <dt>{t('inc.balance')}</dt>
        <dd>
          <strong class="big" data-testid="balance">
            {v.balance}
          </strong>{' '}
          {t('inc.pointsUnit')}
        </dd>
        <dt>{t('inc.earned')}</dt>
        <dd>{v.earned}</dd>
      </dl>
      <h2>{t('inc.my.rewards')}</h2>
      <div class="inc-cards">
        {v.offers.map((o) => {
          const active = v.form.reward === o.id;
          const e = active ? v.form.errors : {};
          const id = (f: string) => `redeem-${o.id}-${f}`;
          return (
            <PostForm ctx={ctx} action="/schedule/points/redeem" class={`inc-card offer${o.affordable ? '' : ' unaffordable'}`} id={`offer-${o.id}`}>
              <input type="hidden" name="reward" value={o.id} />
              <p class="inc-card-title">
                <strong>{o.name}</strong> · <span class="points">{t('inc.my.cost', { points: o.points })}</span> · {grantText(ctx, o)}
                {o.affordable ? null : <span class="badge short">{t('inc.my.short', { points: o.points - v.balance })}</span>}
              </p>
              {o.redeemedMonths.length ? <p class="hint">{t('inc.my.already', { months: o.redeemedMonths.join(', ') })}</p> : null}
              {e.form ? (
                <p class="error" role="alert">
                  {e.form}
                </p>
              ) : null}
              <div class="row">
                <div class={fieldClass(e.month)}>
                  <label for={id('month')}>{t('sched.month')}</label>
                  <select id={id('month')} name="month" aria-invalid={e.month ? 'true' : undefined} aria-describedby={e.month ? id('month-err') : undefined}>
                    {v.months.map((m) => (
                      <option value={m} selected={active ? m === v.form.month : m === (v.months.find((x) => !o.redeemedMonths.includes(x)) ?? v.months[0])}>
                        {m}
                      </option>
                    ))}
                  </select>
                  <Err id={id('month-err')} error={e.month} />
                </div>
                {o.grantKind === 'firstPick' ? (
                  <div class={fieldClass(e.shift)}>
                    <label for={id('shift')}>{t('inc.my.shift')}</label>
                    <select id={id('shift')} name="shift" aria-invalid={e.shift ? 'true' : undefined} aria-describedby={e.shift ? id('shift-err') : undefined}>
                      <option value="">{t('inc.my.pickShift')}</option>
                      {v.shiftCodes.map((s) => (
                        <option value={s.code} selected={active && v.form.shift === s.code}>
                          {s.code} · {s.name}
                        </option>
                      ))}
                    </select>
                    <Err id={id('shift-err')} error={e.shift} />
                  </div>
                ) : null}
                {o.grantKind === 'daysOff' ? (
                  <div class={fieldClass(e.dates)}>
                    <label for={id('dates')}>{t('inc.my.dates')}</label>
                    <input id={id('dates')} name="dates" value={active ? v.form.dates : ''} placeholder={`${v.months[0]}-24 ${v.months[0]}-25`} aria-invalid={e.dates ? 'true' : undefined} aria-describedby={e.dates ? id('dates-err') : id('dates-hint')} />
                    <Err id={id('dates-err')} error={e.dates} />
                    <p class="hint" id={id('dates-hint')}>
                      {t('inc.my.datesHint', { days: o.param })}
                    </p>
                  </div>
                ) : null}
                <button type="submit" class={o.affordable ? 'primary' : ''}>
                  {t('inc.my.redeem')}
                </button>
              </div>
            </PostForm>
          );
        })}
      </div>
      <h2>{t('inc.my.ledger')}</h2>
      <LedgerTable ctx={ctx} lines={v.lines} showAgent={false} />
    </section>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Peak plans

/** A plan in the list, with its headline gap. */
export interface PeakListItem {
  id: string;
  name: string;
  kind: string;
  from: string;
  to: string;
  uplift: Record<string, number>;
  extra: number;
  uncovered: number;
  byTier: { tier: number; agentHours: number }[];
}

/** The plan form as typed. */
export interface PeakForm {
  name: string;
  kind: string;
  from: string;
  to: string;
  note: string;
  /** Uplift per project in percent, as typed. */
  uplift: Record<string, string>;
  version: string;
}

/** The peaks page: list and new-plan form. */
export interface PeaksView {
  plans: PeakListItem[];
  projects: { code: string; name: string }[];
  form: PeakForm;
  errors: Record<string, string>;
  notice?: string;
}

function PeakFormFields({ ctx, projects, form, errors }: { ctx: ViewContext; projects: { code: string; name: string }[]; form: PeakForm; errors: Record<string, string> }) {
  const { t } = ctx;
  return (
    <>
      <div class="row">
        <div class={fieldClass(errors.name)}>
          <label for="pk-name">{t('inc.peak.name')}</label>
          <input id="pk-name" name="name" value={form.name} aria-invalid={errors.name ? 'true' : undefined} aria-describedby={errors.name ? 'pk-name-err' : undefined} />
          <Err id="pk-name-err" error={errors.name} />
        </div>
        <div class={fieldClass(errors.kind)}>
          <label for="pk-kind">{t('inc.peak.kind')}</label>
          <select id="pk-kind" name="kind">
            {PEAK_KINDS.map((k) => (
              <option value={k} selected={form.kind === k}>
                {t(`inc.peak.kind.${k}`)}
              </option>
            ))}
          </select>
          <Err id="pk-kind-err" error={errors.kind} />
        </div>
        <div class={fieldClass(errors.from)}>
          <label for="pk-from">{t('inc.peak.from')}</label>
          <input id="pk-from" name="from" type="date" value={form.from} aria-invalid={errors.from ? 'true' : undefined} aria-describedby={errors.from ? 'pk-from-err' : undefined} />
          <Err id="pk-from-err" error={errors.from} />
        </div>
        <div class={fieldClass(errors.to)}>
          <label for="pk-to">{t('inc.peak.to')}</label>
          <input id="pk-to" name="to" type="date" value={form.to} aria-invalid={errors.to ? 'true' : undefined} aria-describedby={errors.to ? 'pk-to-err' : undefined} />
          <Err id="pk-to-err" error={errors.to} />
        </div>
      </div>
      <fieldset class="field inc-uplift">
        <legend>{t('inc.peak.uplift')}</legend>
        <div class="row">
          {projects.map((p) => (
            <div class={`${fieldClass(errors[`uplift_${p.code}`])} small`}>
              <label for={`pk-up-${p.code}`} title={p.name}>
                {p.code}
              </label>
              <input
                id={`pk-up-${p.code}`}
                name={`uplift_${p.code}`}
                type="number"
                step="1"
                min="-90"
                max="500"
                value={form.uplift[p.code] ?? ''}
                aria-invalid={errors[`uplift_${p.code}`] ? 'true' : undefined}
                aria-describedby={errors[`uplift_${p.code}`] ? `pk-up-${p.code}-err` : undefined}
              />
              <Err id={`pk-up-${p.code}-err`} error={errors[`uplift_${p.code}`]} />
            </div>
          ))}
        </div>
        <Err id="pk-uplift-err" error={errors.uplift} />
        <p class="hint">{t('inc.peak.upliftHint')}</p>
      </fieldset>
      <div class={fieldClass(errors.note)}>
        <label for="pk-note">{t('inc.peak.note')}</label>
        <input id="pk-note" name="note" value={form.note} />
        <Err id="pk-note-err" error={errors.note} />
      </div>
    </>
  );
}

const upliftText = (u: Record<string, number>) =>
  Object.entries(u)
    .map(([p, x]) => `${p} ${x >= 0 ? '+' : ''}${Math.round(x * 100)}%`)
    .join(' · ');

export function PeaksPage({ ctx, v }: { ctx: ViewContext; v: PeaksView }) {
  const { t } = ctx;
  return (
    <section class="panel incentives">
      <SchedulingTabs ctx={ctx} active="peaks" />
      <h1>{t('inc.peak.title')}</h1>
      <p class="lead">{t('inc.peak.lead')}</p>
      {v.notice ? <Flash kind="ok">{v.notice}</Flash> : null}
      {v.plans.length === 0 ? (
        <p class="empty">{t('inc.peak.none')}</p>
      ) : (
        <table class="grid" data-testid="peaks">
          <thead>
            <tr>
              <th>{t('inc.peak.name')}</th>
              <th>{t('inc.peak.kind')}</th>
              <th>{t('inc.peak.period')}</th>
              <th>{t('inc.peak.uplift')}</th>
              <th class="num">{t('inc.peak.extra')}</th>
              <th>{t('inc.peak.closedBy')}</th>
              <th class="num">{t('inc.peak.uncovered')}</th>
            </tr>
          </thead>
          <tbody>
            {v.plans.map((p) => (
              <tr data-plan={p.id}>
                <td>
                  <a href={`/rosters/peaks/${p.id}`}>{p.name}</a>
                </td>
                <td>
                  <span class={`badge peak-${p.kind}`}>{t(`inc.peak.kind.${p.kind}`)}</span>
                </td>
                <td class="nowrap">
                  {p.from} – {p.to}
                </td>
                <td>{upliftText(p.uplift)}</td>
                <td class="num">{hours(p.extra)}</td>
                <td>
                  {p.byTier
                    .filter((x) => x.agentHours > 0)
                    .map((x) => (
                      <span class={`badge tier tier-${x.tier}`}>{t('inc.peak.tierHours', { tier: x.tier, hours: hours(x.agentHours) })}</span>
                    ))}
                </td>
                <td class={`num${p.uncovered > 0.05 ? ' warn' : ''}`}>{hours(p.uncovered)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('inc.peak.new')}</h2>
      <PostForm ctx={ctx} action="/rosters/peaks" class="inc-peak-form" id="peak-new">
        <PeakFormFields ctx={ctx} projects={v.projects} form={v.form} errors={v.errors} />
        <button type="submit" class="primary">
          {t('inc.peak.create')}
        </button>
      </PostForm>
    </section>
  );
}

/** One plan with its gap per day and per project/day. */
export interface PeakPlanView {
  id: string;
  name: string;
  kind: string;
  from: string;
  to: string;
  note: string;
  uplift: Record<string, number>;
  days: { date: string; extra: number; byTier: Record<number, number>; uncovered: number }[];
  rows: { project: string; date: string; baselineCalls: number; peakCalls: number; baselineAgentHours: number; extraAgentHours: number; closedBy: { tier: number; agentHours: number; agents: number }[]; uncovered: number }[];
  totals: { extra: number; uncovered: number; byTier: { tier: number; agentHours: number }[] };
  missing: string[];
  truncatedTo: string | null;
  projects: { code: string; name: string }[];
  form: PeakForm;
  errors: Record<string, string>;
  notice?: string;
  problem?: string;
}

/** A stacked bar per day: tier 1, tier 2, tier 3, then uncovered (red) agent-hours. */
function GapChart({ ctx, days }: { ctx: ViewContext; days: PeakPlanView['days'] }) {
  const { t } = ctx;
  const W = 900;
  const H = 200;
  const left = 44;
  const bottom = 22;
  const top = 22;
  const max = Math.max(1, ...days.map((d) => d.extra));
  const step = Math.ceil(max / 4 / 5) * 5 || 1;
  const yMax = step * 4;
  const bw = (W - left - 8) / Math.max(1, days.length);
  const y = (v: number) => top + (H - top - bottom) * (1 - v / yMax);
  return (
    <svg class="gap-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="gap-chart-title" data-testid="gap-chart">
      <title id="gap-chart-title">{t('inc.peak.chartTitle')}</title>
      {[0, 1, 2, 3, 4].map((k) => (
        <g>
          <line x1={left} x2={W - 4} y1={y(k * step)} y2={y(k * step)} stroke="#e9edf1" />
          <text x={left - 6} y={y(k * step) + 4} text-anchor="end" font-size="11" fill="#5f6b7a">
            {k * step}
          </text>
        </g>
      ))}
      {days.map((d, i) => {
        let acc = 0;
        const x = left + i * bw + 1;
        const parts = [...Object.entries(d.byTier).map(([tier, h]) => ({ fill: TIER_COLOURS[Number(tier)] ?? '#ccc', h })), { fill: '#d9534f', h: d.uncovered }];
        return (
          <g>
            <title>{`${d.date}: ${hours(d.extra)} h`}</title>
            {parts.map((p) => {
              const y0 = y(acc);
              acc += p.h;
              return p.h > 0 ? <rect x={x} width={Math.max(1, bw - 2)} y={y(acc)} height={Math.max(0, y0 - y(acc))} fill={p.fill} /> : null;
            })}
            {days.length <= 31 || i % 7 === 0 ? (
              <text x={x + bw / 2} y={H - 6} text-anchor="middle" font-size="10" fill="#5f6b7a">
                {d.date.slice(5)}
              </text>
            ) : null}
          </g>
        );
      })}
      <g font-size="11" fill="#1d2733">
        {[1, 2, 3].map((tier, k) => (
          <g>
            <rect x={left + k * 110} y={4} width={10} height={10} fill={TIER_COLOURS[tier]} />
            <text x={left + k * 110 + 14} y={13}>
              {t('inc.tierN', { tier })}
            </text>
          </g>
        ))}
        <rect x={left + 330} y={4} width={10} height={10} fill="#d9534f" />
        <text x={left + 344} y={13}>
          {t('inc.peak.uncovered')}
        </text>
      </g>
    </svg>
  );
}

export function PeakPlanPage({ ctx, v }: { ctx: ViewContext; v: PeakPlanView }) {
  const { t } = ctx;
  return (
    <section class="panel incentives">
      <SchedulingTabs ctx={ctx} active="peaks" />
      <div class="titlebar">
        <h1>
          {v.name} <span class={`badge peak-${v.kind}`}>{t(`inc.peak.kind.${v.kind}`)}</span>
        </h1>
        <a href="/rosters/peaks">{t('inc.peak.all')}</a>
      </div>
      <p class="lead">
        {v.from} – {v.to} · {upliftText(v.uplift)}
        {v.note ? ` · ${v.note}` : ''}
      </p>
      {v.notice ? <Flash kind="ok">{v.notice}</Flash> : null}
      {v.problem ? <Flash kind="error">{v.problem}</Flash> : null}
      {v.missing.length ? <Flash kind="info">{t('inc.peak.missing', { projects: v.missing.join(', ') })}</Flash> : null}
      {v.truncatedTo ? <Flash kind="info">{t('inc.peak.truncated', { date: v.truncatedTo })}</Flash> : null}
      <dl class="facts" data-testid="gap-totals">
        <dt>{t('inc.peak.extra')}</dt>
        <dd data-testid="gap-extra">{hours(v.totals.extra)}</dd>
        <dt>{t('inc.peak.closedBy')}</dt>
        <dd>
          {v.totals.byTier.length === 0
            ? '—'
            : v.totals.byTier.map((x) => <span class={`badge tier tier-${x.tier}`}>{t('inc.peak.tierHours', { tier: x.tier, hours: hours(x.agentHours) })}</span>)}
        </dd>
        <dt>{t('inc.peak.uncovered')}</dt>
        <dd data-testid="gap-uncovered" class={v.totals.uncovered > 0.05 ? 'warn' : ''}>
          {hours(v.totals.uncovered)}
        </dd>
      </dl>
      <p class="hint">{t('inc.peak.method')}</p>
      {v.days.length ? <GapChart ctx={ctx} days={v.days} /> : null}
      <details class="inc-gap-rows">
        <summary>{t('inc.peak.perProject', { count: v.rows.length })}</summary>
        <table class="grid" data-testid="gap-rows">
          <thead>
            <tr>
              <th>{t('sched.date')}</th>
              <th>{t('sched.project')}</th>
              <th class="num">{t('inc.peak.baseCalls')}</th>
              <th class="num">{t('inc.peak.peakCalls')}</th>
              <th class="num">{t('inc.peak.baseHours')}</th>
              <th class="num">{t('inc.peak.extra')}</th>
              <th>{t('inc.peak.closedBy')}</th>
              <th class="num">{t('inc.peak.uncovered')}</th>
            </tr>
          </thead>
          <tbody>
            {v.rows.map((r) => (
              <tr>
                <td class="nowrap">{r.date}</td>
                <td>{r.project}</td>
                <td class="num">{Math.round(r.baselineCalls)}</td>
                <td class="num">{Math.round(r.peakCalls)}</td>
                <td class="num">{hours(r.baselineAgentHours)}</td>
                <td class="num">{hours(r.extraAgentHours)}</td>
                <td>
                  {r.closedBy.map((c) => (
                    <span class={`badge tier tier-${c.tier}`}>{t('inc.peak.tierAgents', { tier: c.tier, hours: hours(c.agentHours), agents: c.agents })}</span>
                  ))}
                </td>
                <td class={`num${r.uncovered > 0.05 ? ' warn' : ''}`}>{hours(r.uncovered)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <h2>{t('inc.peak.edit')}</h2>
      <PostForm ctx={ctx} action={`/rosters/peaks/${v.id}`} class="inc-peak-form" id="peak-edit">
        <input type="hidden" name="version" value={v.form.version} />
        <PeakFormFields ctx={ctx} projects={v.projects} form={v.form} errors={v.errors} />
        <button type="submit" class="primary">
          {t('inc.save')}
        </button>
      </PostForm>
      <PostForm ctx={ctx} action={`/rosters/peaks/${v.id}/delete`} class="inc-delete">
        <input type="hidden" name="version" value={v.form.version} />
        <button type="submit" class="danger">
          {t('inc.peak.delete')}
        </button>
      </PostForm>
    </section>
  );
}

/** The forecast page's notice: peak plans overlapping the shown day, with the gap on the shown project. */
export interface PeakNoticeItem {
  id: string;
  name: string;
  kind: string;
  from: string;
  to: string;
  uplift: number | null;
  extra: number;
  byTier: { tier: number; agentHours: number }[];
  uncovered: number;
}

export function PeakNotice({ ctx, project, date, items }: { ctx: ViewContext; project: string; date: string; items: PeakNoticeItem[] }) {
  const { t } = ctx;
  if (items.length === 0) return null;
  return (
    <aside class="peak-notice" data-testid="peak-notice" aria-label={t('inc.peak.noticeLabel')}>
      <strong>{t('inc.peak.noticeTitle', { date })}</strong>
      <ul>
        {items.map((p) => (
          <li>
            <a href={`/rosters/peaks/${p.id}`}>{p.name}</a> <span class="muted">({p.from} – {p.to})</span>:{' '}
            {p.uplift === null
              ? t('inc.peak.noticeNotProject', { project })
              : t('inc.peak.noticeGap', { project, uplift: `${p.uplift >= 0 ? '+' : ''}${Math.round(p.uplift * 100)}%`, hours: hours(p.extra) })}{' '}
            {p.byTier
              .filter((x) => x.agentHours > 0)
              .map((x) => (
                <span class={`badge tier tier-${x.tier}`}>{t('inc.peak.tierHours', { tier: x.tier, hours: hours(x.agentHours) })}</span>
              ))}
            {p.uncovered > 0.05 ? <span class="badge warn">{t('inc.peak.uncoveredHours', { hours: hours(p.uncovered) })}</span> : null}
          </li>
        ))}
      </ul>
    </aside>
  );
}
