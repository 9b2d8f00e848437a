// The JSON API under /api/v1 (bearer tokens; CSRF does not apply since no cookie authenticates).
import type { SecureRouter } from '../http/access.ts';

export function registerApi(r: SecureRouter): void {
  /** Who the token acts for: `{ username, displayName, roles }`. */
  r.get('/api/v1/me', 'signed-in', (c) => {
    const u = c.get('user')!;
    return c.json({ username: u.username, displayName: u.displayName, roles: u.roles });
  });
}
