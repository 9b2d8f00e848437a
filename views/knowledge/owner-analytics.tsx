// Search analytics for knowledge owners: top queries, knowledge gaps (no result, no click), most used scenarios, flags per scenario.
import type { ViewContext } from '../context.ts';
import type { Analytics, QueryCount } from '../../server/knowledge/owner-queries.ts';
import { FieldErrors, OwnerTabs } from './owner-common.tsx';

function QueryTable({ ctx, rows, id }: { ctx: ViewContext; rows: QueryCount[]; id: string }) {
  const { t } = ctx;
  if (!rows.length) return <p class="empty">{t('owner.analytics.none')}</p>;
  return (
    <table class="grid dense" data-testid={id}>
      <thead>
        <tr>
          <th>{t('owner.analytics.query')}</th>
          <th>{t('owner.analytics.searches')}</th>
          <th>{t('owner.analytics.avgResults')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td>{r.query}</td>
            <td>{r.searches}</td>
            <td>{r.avg_results}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AnalyticsPage(p: { ctx: ViewContext; fromDate: string; toDate: string; errors: Partial<Record<'from' | 'to', string>>; data: Analytics }) {
  const { ctx, data } = p;
  const { t } = ctx;
  const link = (code: string) => <a href={`/knowledge/scenarios/${encodeURIComponent(code)}`}>{code}</a>;
  return (
    <section class="panel">
      <OwnerTabs ctx={ctx} active="analytics" />
      <h1>{t('owner.analytics.title')}</h1>
      <form method="get" action="/knowledge/analytics" class="row-form">
        <div class={p.errors.from ? 'field has-error' : 'field'}>
          <label for="f-from">{t('owner.analytics.from')}</label>
          <input id="f-from" name="from" type="date" value={p.fromDate} />
          <FieldErrors id="f-from-error" errors={p.errors.from ? [t(p.errors.from)] : undefined} />
        </div>
        <div class={p.errors.to ? 'field has-error' : 'field'}>
          <label for="f-to">{t('owner.analytics.to')}</label>
          <input id="f-to" name="to" type="date" value={p.toDate} />
          <FieldErrors id="f-to-error" errors={p.errors.to ? [t(p.errors.to)] : undefined} />
        </div>
        <button type="submit">{t('owner.analytics.show')}</button>
      </form>
      <p class="lead" data-testid="search-total">
        {t('owner.analytics.total', { count: data.searches, from: p.fromDate, to: p.toDate })}
      </p>
      <h2>{t('owner.analytics.topQueries')}</h2>
      <QueryTable ctx={ctx} rows={data.topQueries} id="top-queries" />
      <h2>{t('owner.analytics.noResult')}</h2>
      <p class="hint">{t('owner.analytics.noResultHint')}</p>
      <QueryTable ctx={ctx} rows={data.noResult} id="no-result" />
      <h2>{t('owner.analytics.noClick')}</h2>
      <p class="hint">{t('owner.analytics.noClickHint')}</p>
      <QueryTable ctx={ctx} rows={data.noClick} id="no-click" />
      <h2>{t('owner.analytics.mostUsed')}</h2>
      {data.mostUsed.length ? (
        <table class="grid dense" data-testid="most-used">
          <thead>
            <tr>
              <th>{t('owner.field.code')}</th>
              <th>{t('owner.field.title')}</th>
              <th>{t('owner.analytics.opened')}</th>
              <th>{t('owner.analytics.orders')}</th>
            </tr>
          </thead>
          <tbody>
            {data.mostUsed.map((r) => (
              <tr>
                <td>{link(r.code)}</td>
                <td>{r.title ?? ''}</td>
                <td>{r.opened}</td>
                <td>{r.orders}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">{t('owner.analytics.none')}</p>
      )}
      <h2>{t('owner.analytics.flags')}</h2>
      {data.flags.length ? (
        <table class="grid dense" data-testid="flags-per-scenario">
          <thead>
            <tr>
              <th>{t('owner.field.code')}</th>
              <th>{t('owner.field.title')}</th>
              <th>{t('owner.analytics.raised')}</th>
              <th>{t('owner.analytics.stillOpen')}</th>
              <th>{t('owner.flagKind.outdated')}</th>
              <th>{t('owner.flagKind.unclear')}</th>
              <th>{t('owner.flagKind.missing')}</th>
            </tr>
          </thead>
          <tbody>
            {data.flags.map((r) => (
              <tr>
                <td>{link(r.code)}</td>
                <td>{r.title ?? ''}</td>
                <td>{r.raised}</td>
                <td>{r.open}</td>
                <td>{r.outdated}</td>
                <td>{r.unclear}</td>
                <td>{r.missing}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">{t('owner.analytics.none')}</p>
      )}
    </section>
  );
}
