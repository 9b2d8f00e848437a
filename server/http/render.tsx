// Decides page vs fragment for a request and renders accordingly, with the right Vary header.
import type { Child } from 'hono/jsx';
import { html } from 'hono/html';
import { Layout } from '../../views/layout.tsx';
import { type Ctx, viewContext } from './env.ts';

/** Headers that change the representation; caches must key on them. */
export const VARY_HEADERS = 'HX-Request, HX-Boosted, HX-History-Restore-Request, Cookie, Accept-Language';

/**
 * True when the request wants only a fragment: an htmx request that is neither a boosted
 * navigation nor a history restore (those want the whole page).
 */
export function wantsFragment(headers: { get(name: string): string | null | undefined }): boolean {
  return (
    headers.get('hx-request') === 'true' &&
    headers.get('hx-boosted') !== 'true' &&
    headers.get('hx-history-restore-request') !== 'true'
  );
}

export interface RenderOptions {
  title: string;
  /** The main content; the whole page wraps it in the layout. */
  body: Child;
  /** What an htmx fragment request gets; defaults to the body. */
  fragment?: Child;
  status?: 200 | 201 | 400 | 403 | 404 | 409 | 413 | 422 | 429 | 500;
  wide?: boolean;
}

/** Renders the page or the fragment, sets Vary and no-store (pages hold personal data). */
export function render(c: Ctx, opts: RenderOptions): Response | Promise<Response> {
  c.header('Vary', VARY_HEADERS);
  c.header('Cache-Control', 'no-store');
  const status = opts.status ?? 200;
  // A boosted form answered with errors must not leave the POST path in the address bar.
  if (status >= 400 && c.req.method !== 'GET' && c.req.header('hx-boosted') === 'true') c.header('HX-Push-Url', 'false');
  if (wantsFragment(c.req.raw.headers)) return c.html(<>{opts.fragment ?? opts.body}</>, status);
  const ctx = viewContext(c);
  const page = (
    <Layout ctx={ctx} title={opts.title} wide={opts.wide}>
      {opts.body}
    </Layout>
  );
  return c.html(html`<!doctype html>${page}`, status);
}
