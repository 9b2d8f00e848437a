// The hono environment shared by every route: dependencies and per-request variables.
import type { Context } from 'hono';
import type { Sql } from '../db/index.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Role } from '../auth/roles.ts';
import type { Locale, Translate } from '../../views/i18n.ts';
import type { ViewContext } from '../../views/context.ts';

/** The user a request acts for (from a session cookie or an API token). */
export interface CurrentUser {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  locale: Locale | null;
  /** How the request authenticated. */
  via: 'session' | 'token';
  sessionId?: string;
  tokenId?: number;
}

/** What the app needs from the outside world; tests pass their own. */
export interface Deps {
  sql: Sql;
  config: Config;
  log: Logger;
  /** The clock; tests move it. */
  now: () => Date;
  /** Server secret for CSRF tokens (kept in the settings table). */
  secret: Buffer;
  /** Extra per-feature services, filled by the server at start. */
  services?: Record<string, unknown>;
}

export interface AppEnv {
  Variables: {
    deps: Deps;
    requestId: string;
    user: CurrentUser | null;
    /** Id the CSRF token is bound to: the session id, or an anonymous visitor id. */
    csrfBinding: string;
    csrf: string;
    locale: Locale;
    t: Translate;
  };
}

export type Ctx = Context<AppEnv>;

/** The view context of a request. */
export function viewContext(c: Ctx): ViewContext {
  const user = c.get('user');
  return {
    t: c.get('t'),
    locale: c.get('locale'),
    user: user ? { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles } : null,
    csrf: c.get('csrf'),
    path: c.req.path,
    here: c.req.method === 'GET' ? c.req.path + new URL(c.req.url).search : c.req.path,
    requestId: c.get('requestId'),
  };
}
