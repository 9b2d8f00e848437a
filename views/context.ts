// What every view receives from the server: translator, locale, the signed-in user and the CSRF token.
import type { Locale, Translate } from './i18n.ts';

export interface ViewUser {
  id: number;
  username: string;
  displayName: string;
  roles: readonly string[];
}

export interface ViewContext {
  t: Translate;
  locale: Locale;
  user: ViewUser | null;
  csrf: string;
  /** Current path, to mark the active navigation entry. */
  path: string;
  /** Current path with its query string, where the language switch returns to (filters kept). */
  here?: string;
  requestId: string;
}
