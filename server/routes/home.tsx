// The start page: each user goes to their role's home (the feature areas serve those pages).
import type { SecureRouter } from '../http/access.ts';
import { homeFor } from '../auth/roles.ts';

export function registerHome(r: SecureRouter): void {
  r.get('/', 'public', (c) => {
    const user = c.get('user');
    return c.redirect(user ? homeFor(user.roles) : '/login', 303);
  });
}
