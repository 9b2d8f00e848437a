// Agent home: search-as-you-type over the published scenarios (matched text marked), and the agent's recent work orders.
import type { ViewContext } from '../context.ts';
import type { HighlightSegment, SearchMatch } from '../../knowledge/search/index.ts';
import { formatInstant } from '../components.tsx';

/** One search result as the list shows it. */
export interface HitView {
  code: string;
  title: HighlightSegment[];
  sensitivity: number;
  matches: SearchMatch[];
}

/** A recent order in the agent's side list. */
export interface RecentOrderView {
  id: number;
  number: string;
  title: string;
  kind: string;
  createdAt: Date;
  repeat: boolean;
}

/** Text with the matched runs in `<mark>` (escaped by JSX, never raw HTML). */
export function Marked({ segments }: { segments: HighlightSegment[] }) {
  return <>{segments.map((s) => (s.hit ? <mark>{s.text}</mark> : s.text))}</>;
}

/** The sensitivity badge (服务敏感场景) of levels 1–3; nothing for ordinary scenarios. */
export function SensitivityBadge({ ctx, level }: { ctx: ViewContext; level: number }) {
  if (level < 1) return null;
  return <span class={`badge sens sens-${level}`} data-testid="sensitivity">{ctx.t(`agent.sensitivity.${level}`)}</span>;
}

/** The results list; it is also the fragment htmx swaps in as the agent types. */
export function SearchResults(props: { ctx: ViewContext; q: string; hits: HitView[]; searchId?: number }) {
  const { t } = props.ctx;
  const q = props.q.trim();
  if (q === '') return <div id="hits" class="hits" aria-live="polite"></div>;
  const suffix = props.searchId ? `?s=${props.searchId}` : '';
  return (
    <div id="hits" class="hits" aria-live="polite">
      {props.hits.length === 0 ? (
        <p class="empty">{t('agent.search.none', { q })}</p>
      ) : (
        <>
          <p class="muted hits-count">{t('agent.search.count', { count: props.hits.length })}</p>
          <ol class="hit-list" role="listbox" aria-label={t('agent.search.results')}>
            {props.hits.map((hit, i) => (
              <li role="option" aria-selected={i === 0 ? 'true' : 'false'} class={i === 0 ? 'hit selected' : 'hit'} id={`hit-${hit.code}`}>
                <a href={`/agent/scenarios/${encodeURIComponent(hit.code)}${suffix}`} class="hit-link" data-code={hit.code}>
                  <span class="hit-title">
                    <Marked segments={hit.title} />
                  </span>
                  <code class="hit-code">{hit.code}</code>
                  <SensitivityBadge ctx={props.ctx} level={hit.sensitivity} />
                </a>
                {hit.matches
                  .filter((m) => m.field !== 'title')
                  .map((m) => (
                    <p class="hit-snippet">
                      <span class="hit-field">{t(`agent.match.${m.field}`)}</span> <Marked segments={m.snippet} />
                    </p>
                  ))}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

/** The search box: a plain GET form first; htmx searches as the agent types (agent.js waits for the IME). */
export function SearchBox({ ctx, q }: { ctx: ViewContext; q: string }) {
  const { t } = ctx;
  return (
    <form method="get" action="/agent/search" class="agent-search" role="search">
      <label for="agent-q" class="visually-hidden">
        {t('agent.search.label')}
      </label>
      <input
        id="agent-q"
        name="q"
        type="search"
        value={q}
        autofocus
        autocomplete="off"
        spellcheck={false}
        placeholder={t('agent.search.placeholder')}
        role="combobox"
        aria-controls="hits"
        aria-expanded="true"
        aria-autocomplete="list"
        data-agent-search=""
        hx-get="/agent/search"
        hx-trigger="agent-search delay:150ms"
        hx-target="#hits"
        hx-swap="outerHTML"
        hx-sync="this:replace"
        hx-replace-url="true"
      />
      <button type="submit">{t('agent.search.submit')}</button>
      <p class="hint">{t('agent.search.hint')}</p>
    </form>
  );
}

/** The agent's home page: search, results, recent orders. */
export function AgentHome(props: { ctx: ViewContext; q: string; hits: HitView[]; searchId?: number; recent: RecentOrderView[] }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <div class="agent-home">
      <section class="panel agent-search-panel">
        <h1>{t('home.agent.title')}</h1>
        <p class="lead">{t('home.agent.lead')}</p>
        <SearchBox ctx={ctx} q={props.q} />
        <SearchResults ctx={ctx} q={props.q} hits={props.hits} searchId={props.searchId} />
      </section>
      <aside class="panel agent-recent">
        <h2>{t('agent.recent.title')}</h2>
        {props.recent.length === 0 ? (
          <p class="muted">{t('agent.recent.empty')}</p>
        ) : (
          <ul class="recent-list">
            {props.recent.map((o) => (
              <li>
                <a href={`/orders/${o.id}`}>{o.number}</a> {o.repeat ? <span class="badge repeat">{t('order.repeat')}</span> : null}
                <br />
                <span class="muted">
                  {t(`order.kind.${o.kind}`)} · {o.title} · {formatInstant(o.createdAt, ctx.locale)}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href="/agent/orders">{t('agent.recent.all')}</a>
        </p>
      </aside>
    </div>
  );
}
