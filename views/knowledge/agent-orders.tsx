// Work orders: the filed order (also the confirmation after filing) and the lists for agents and departments.
import type { ViewContext } from '../context.ts';
import { Flash, formatInstant } from '../components.tsx';
import { ORDER_KINDS } from '../../knowledge/scenario.ts';
import { OwnerTabs } from './owner-common.tsx';

/** An order as the pages show it; contact fields already masked unless the viewer may see them. */
export interface OrderView {
  id: number;
  number: string;
  scenarioCode: string;
  scenarioTitle: string;
  kind: string;
  channel: string;
  status: string;
  classification: string | null;
  owner: { code: string; name: string } | null;
  responsible: { code: string; name: string }[];
  routeReason: string | null;
  description: string;
  fields: { label: string; value: string }[];
  account: string;
  phone: string;
  agentName: string;
  createdAt: Date;
  deadline: Date;
  timeLimitHours: number;
  repeat: boolean;
  repeatOf: { id: number; number: string } | null;
  /** Still open past its deadline. */
  overdue: boolean;
}

function RepeatBadge({ ctx, repeat }: { ctx: ViewContext; repeat: boolean }) {
  return repeat ? (
    <span class="badge repeat" data-testid="repeat">
      {ctx.t('order.repeat')}
    </span>
  ) : null;
}

/** A department's name, linked to its order list for those who may read it. */
function Dept({ ctx, dept }: { ctx: ViewContext; dept: { code: string; name: string } }) {
  const reader = (ctx.user?.roles ?? []).some((r) => r === 'inspector' || r === 'knowledge' || r === 'admin');
  return reader ? <a href={`/orders/department/${encodeURIComponent(dept.code)}`}>{dept.name}</a> : <>{dept.name}</>;
}

/** One order in full: route (department names), deadline, repeat flag; the confirmation after filing. */
export function OrderPage({ ctx, order, filed }: { ctx: ViewContext; order: OrderView; filed: boolean }) {
  const { t } = ctx;
  return (
    <section class="panel order-detail">
      {filed ? <Flash kind="ok">{t('order.filed', { number: order.number })}</Flash> : null}
      <h1>
        {order.number} <RepeatBadge ctx={ctx} repeat={order.repeat} />
      </h1>
      <dl class="facts order-facts">
        <dt>{t('order.detail.scenario')}</dt>
        <dd>
          {order.scenarioTitle} <code>{order.scenarioCode}</code>
        </dd>
        <dt>{t('order.detail.kind')}</dt>
        <dd>{t(`order.kind.${order.kind}`)}</dd>
        <dt>{t('order.detail.channel')}</dt>
        <dd>{t(`order.channel.${order.channel}`)}</dd>
        <dt>{t('order.detail.status')}</dt>
        <dd>{t(`order.status.${order.status}`)}</dd>
        {order.classification ? (
          <>
            <dt>{t('order.detail.classification')}</dt>
            <dd>{order.classification}</dd>
          </>
        ) : null}
        <dt>{t('order.detail.owner')}</dt>
        <dd data-testid="owner">{order.owner ? <Dept ctx={ctx} dept={order.owner} /> : t('order.detail.unrouted')}</dd>
        <dt>{t('order.detail.responsible')}</dt>
        <dd data-testid="responsible">
          {order.responsible.map((d, i) => (
            <>
              {i > 0 ? '、' : ''}
              <Dept ctx={ctx} dept={d} />
            </>
          ))}
        </dd>
        {order.routeReason ? (
          <>
            <dt>{t('order.detail.route')}</dt>
            <dd>{order.routeReason}</dd>
          </>
        ) : null}
        <dt>{t('order.detail.createdAt')}</dt>
        <dd>{formatInstant(order.createdAt, ctx.locale)}</dd>
        <dt>{t('order.detail.deadline')}</dt>
        <dd data-testid="deadline">
          {formatInstant(order.deadline, ctx.locale)} {t('order.detail.timeLimit', { hours: order.timeLimitHours })}
        </dd>
        {order.repeatOf ? (
          <>
            <dt>{t('order.repeat')}</dt>
            <dd>
              <a href={`/orders/${order.repeatOf.id}`}>{t('order.repeatOf', { number: order.repeatOf.number })}</a>
            </dd>
          </>
        ) : null}
        <dt>{t('order.detail.agent')}</dt>
        <dd>{order.agentName}</dd>
        <dt>{t('order.detail.account')}</dt>
        <dd data-testid="account">{order.account}</dd>
        <dt>{t('order.detail.phone')}</dt>
        <dd data-testid="phone">{order.phone}</dd>
      </dl>
      <h2>{t('order.detail.description')}</h2>
      <p class="order-description">{order.description}</p>
      <h2>{t('order.detail.fields')}</h2>
      <dl class="facts">
        {order.fields.map((f) => (
          <>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </>
        ))}
      </dl>
    </section>
  );
}

export interface OrderFilterValues {
  kind: string;
  /** '' for any, else open / answered / closed. */
  status: string;
  from: string;
  to: string;
  repeat: boolean;
  overdue: boolean;
}

const STATUSES = ['open', 'answered', 'closed'] as const;

function OverdueBadge({ ctx, overdue }: { ctx: ViewContext; overdue: boolean }) {
  return overdue ? (
    <span class="badge overdue" data-testid="overdue">
      {ctx.t('order.overdue')}
    </span>
  ) : null;
}

/** A list of orders with its filter form (GET, so a filtered list is a link). */
export function OrderList(props: {
  ctx: ViewContext;
  title: string;
  action: string;
  orders: OrderView[];
  filters: OrderFilterValues;
  errors: Record<string, string>;
  departments?: { code: string; name: string; selected: boolean }[];
}) {
  const { ctx, filters, errors } = props;
  const { t } = ctx;
  return (
    <section class="panel order-list">
      {props.departments ? (
        <p class="dept-back">
          <a href="/orders/departments">← {t('order.departments.title')}</a>
        </p>
      ) : null}
      <h1>{props.title}</h1>
      {props.departments ? (
        <nav class="tabs dept-tabs" aria-label={t('order.filter.department')}>
          {props.departments.map((d) => (
            <a href={`/orders/department/${encodeURIComponent(d.code)}`} class={d.selected ? 'active' : ''}>
              {d.name}
            </a>
          ))}
        </nav>
      ) : null}
      <form method="get" action={props.action} class="row-form order-filters">
        <div class="field">
          <label for="f-kind">{t('order.filter.kind')}</label>
          <select id="f-kind" name="kind">
            <option value="">{t('order.filter.allKinds')}</option>
            {ORDER_KINDS.map((k) => (
              <option value={k} selected={k === filters.kind}>
                {t(`order.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-status">{t('order.filter.status')}</label>
          <select id="f-status" name="status">
            <option value="">{t('order.filter.allStatuses')}</option>
            {STATUSES.map((st) => (
              <option value={st} selected={st === filters.status}>
                {t(`order.status.${st}`)}
              </option>
            ))}
          </select>
        </div>
        <div class={errors.from ? 'field has-error' : 'field'}>
          <label for="f-from">{t('order.filter.from')}</label>
          <input id="f-from" name="from" type="date" value={filters.from} />
          {errors.from ? <p class="error">{errors.from}</p> : null}
        </div>
        <div class={errors.to ? 'field has-error' : 'field'}>
          <label for="f-to">{t('order.filter.to')}</label>
          <input id="f-to" name="to" type="date" value={filters.to} />
          {errors.to ? <p class="error">{errors.to}</p> : null}
        </div>
        <label class="inline-choice">
          <input type="checkbox" name="repeat" value="1" checked={filters.repeat} /> {t('order.filter.repeatOnly')}
        </label>
        <label class="inline-choice">
          <input type="checkbox" name="overdue" value="1" checked={filters.overdue} /> {t('order.filter.overdueOnly')}
        </label>
        <button type="submit">{t('order.filter.apply')}</button>
      </form>
      {props.orders.length === 0 ? (
        <p class="empty">{t('order.list.empty')}</p>
      ) : (
        <>
          <p class="muted">{t('order.list.count', { count: props.orders.length })}</p>
          <table class="grid orders">
            <thead>
              <tr>
                <th>{t('order.detail.number')}</th>
                <th>{t('order.detail.createdAt')}</th>
                <th>{t('order.detail.kind')}</th>
                <th>{t('order.detail.status')}</th>
                <th>{t('order.detail.scenario')}</th>
                <th>{t('order.detail.account')}</th>
                <th>{t('order.detail.phone')}</th>
                <th>{t('order.detail.owner')}</th>
                <th>{t('order.detail.deadline')}</th>
              </tr>
            </thead>
            <tbody>
              {props.orders.map((o) => (
                <tr>
                  <td>
                    <a href={`/orders/${o.id}`}>{o.number}</a> <RepeatBadge ctx={ctx} repeat={o.repeat} />
                  </td>
                  <td>{formatInstant(o.createdAt, ctx.locale)}</td>
                  <td>{t(`order.kind.${o.kind}`)}</td>
                  <td>{t(`order.status.${o.status}`)}</td>
                  <td>{o.scenarioTitle}</td>
                  <td class="masked">{o.account}</td>
                  <td class="masked">{o.phone}</td>
                  <td>{o.owner?.name ?? ''}</td>
                  <td class={o.overdue ? 'overdue' : undefined}>
                    {formatInstant(o.deadline, ctx.locale)} <OverdueBadge ctx={ctx} overdue={o.overdue} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** A department's counts as the index shows them. */
export interface DepartmentCountsView {
  code: string;
  name: string;
  role: 'owning' | 'responsible';
  total: number;
  open: number;
  overdue: number;
  repeat: number;
}

/** Every department with the orders routed to it; each count opens the department's list with that filter. */
export function DepartmentIndex({ ctx, departments }: { ctx: ViewContext; departments: DepartmentCountsView[] }) {
  const { t } = ctx;
  const link = (code: string, query: string, count: number) =>
    count === 0 ? <span class="muted">0</span> : <a href={`/orders/department/${encodeURIComponent(code)}${query}`}>{count}</a>;
  return (
    <section class="panel order-list">
      {(ctx.user?.roles ?? []).some((r) => r === 'knowledge' || r === 'admin') ? <OwnerTabs ctx={ctx} active="orders" /> : null}
      <h1>{t('order.departments.title')}</h1>
      <p class="muted">{t('order.departments.intro')}</p>
      <table class="grid dept-index" data-testid="dept-index">
        <thead>
          <tr>
            <th>{t('order.filter.department')}</th>
            <th>{t('order.departments.role')}</th>
            <th class="num">{t('order.departments.total')}</th>
            <th class="num">{t('order.status.open')}</th>
            <th class="num">{t('order.overdue')}</th>
            <th class="num">{t('order.repeat')}</th>
          </tr>
        </thead>
        <tbody>
          {departments.map((d) => (
            <tr data-dept={d.code}>
              <td>
                <a href={`/orders/department/${encodeURIComponent(d.code)}`}>{d.name}</a> <code>{d.code}</code>
              </td>
              <td>{t(`order.departments.role.${d.role}`)}</td>
              <td class="num">{link(d.code, '', d.total)}</td>
              <td class="num">{link(d.code, '?status=open', d.open)}</td>
              <td class={d.overdue > 0 ? 'num overdue' : 'num'}>{link(d.code, '?overdue=1', d.overdue)}</td>
              <td class="num">{link(d.code, '?repeat=1', d.repeat)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
