// The page shell: header with role-filtered navigation, language switch and sign-out, then main.
import type { Child } from 'hono/jsx';
import type { ViewContext } from './context.ts';
import { CsrfField } from './components.tsx';

export interface NavEntry {
  href: string;
  key: string;
  roles: readonly string[];
}

/** Navigation entries with the roles that may use them; the shell shows only what the user may open. */
export const NAV: readonly NavEntry[] = [
  { href: '/agent', key: 'nav.agent', roles: ['agent'] },
  { href: '/schedule', key: 'nav.schedule', roles: ['agent'] },
  { href: '/quality/mine', key: 'nav.myQuality', roles: ['agent'] },
  { href: '/quality', key: 'nav.quality', roles: ['inspector', 'client'] },
  { href: '/rosters', key: 'nav.rosters', roles: ['scheduler'] },
  { href: '/knowledge', key: 'nav.knowledge', roles: ['knowledge'] },
  { href: '/quality/findings', key: 'nav.findings', roles: ['knowledge'] },
  { href: '/admin/users', key: 'nav.admin', roles: ['admin'] },
];

/** The entry the current path belongs to: the longest href (or its area) that prefixes it. */
export function activeEntry(entries: readonly NavEntry[], path: string): NavEntry | undefined {
  const exact = entries.filter((n) => path === n.href || path.startsWith(n.href + '/')).sort((a, b) => b.href.length - a.href.length)[0];
  if (exact) return exact;
  return entries.find((n) => path.startsWith('/' + n.href.split('/')[1]));
}

/** The entries a user with these roles may see. */
export function navFor(roles: readonly string[]): NavEntry[] {
  return NAV.filter((n) => n.roles.some((r) => roles.includes(r)));
}

/**
 * htmx settings: no inline indicator styles (CSP), no eval, and swap every response but 204 —
 * a 422 form with errors beside its fields, a 409 conflict or a 403 page must be shown, not dropped.
 */
export const HTMX_CONFIG = JSON.stringify({
  includeIndicatorStyles: false,
  allowEval: false,
  allowScriptTags: false,
  historyCacheSize: 0,
  // not 'style': browser autofill leaves style="" on inputs, and settling would copy it (CSP)
  attributesToSettle: ['class', 'width', 'height'],
  responseHandling: [
    { code: '204', swap: false },
    { code: '...', swap: true },
  ],
});

/** Stylesheets and scripts of every page (area scripts use event delegation and `htmx:load`). */
export const STYLES = ['/static/app.css', '/static/knowledge.css', '/static/quality.css', '/static/scheduling.css', '/static/roster.css', '/static/intraday.css', '/static/weekly.css', '/static/incentives.css'];
export const SCRIPTS = ['/static/htmx.min.js', '/static/app.js', '/static/agent.js', '/static/quality.js', '/static/scheduling.js', '/static/intraday.js'];

/** A complete HTML page around `children`. */
export function Layout(props: { ctx: ViewContext; title: string; children?: Child; wide?: boolean }) {
  const { ctx } = props;
  const { t } = ctx;
  const otherLocale = ctx.locale === 'en' ? 'zh-CN' : 'en';
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="htmx-config" content={HTMX_CONFIG} />
        <meta name="csrf-token" content={ctx.csrf} />
        <title>{`${props.title} · ${t('app.name')}`}</title>
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        {STYLES.map((href) => (
          <link rel="stylesheet" href={href} />
        ))}
        {SCRIPTS.map((src) => (
          <script src={src} defer></script>
        ))}
      </head>
      <body hx-boost="true">
        <a class="skip" href="#main">
          {t('nav.skip')}
        </a>
        <header class="topbar">
          <a class="brand" href="/">
            <span class="logo" aria-hidden="true">◆</span> {t('app.name')}
          </a>
          {ctx.user ? (
            <nav class="mainnav" aria-label="main">
              {navFor(ctx.user.roles).map((n, _i, all) => (
                <a href={n.href} class={activeEntry(all, ctx.path) === n ? 'active' : ''} aria-current={activeEntry(all, ctx.path) === n ? 'page' : undefined}>
                  {t(n.key)}
                </a>
              ))}
            </nav>
          ) : (
            <span class="tagline">{t('app.tagline')}</span>
          )}
          <div class="usermenu">
            <form method="post" action="/locale" class="inline" hx-boost="false">
              <CsrfField ctx={ctx} />
              <input type="hidden" name="locale" value={otherLocale} />
              <input type="hidden" name="next" value={ctx.here ?? ctx.path} />
              <button type="submit" class="link" lang={otherLocale} data-testid="lang-switch">
                {t('lang.switch')}
              </button>
            </form>
            {ctx.user ? (
              <>
                <a href="/me" class="who" title={ctx.user.roles.map((r) => t(`role.${r}`)).join(' · ')}>
                  {ctx.user.displayName}
                </a>
                <form method="post" action="/logout" class="inline" hx-boost="false">
                  <CsrfField ctx={ctx} />
                  <button type="submit" class="link" data-testid="logout">
                    {t('logout.submit')}
                  </button>
                </form>
              </>
            ) : null}
          </div>
        </header>
        <main id="main" class={props.wide ? 'wide' : ''}>
          {props.children}
        </main>
      </body>
    </html>
  );
}
