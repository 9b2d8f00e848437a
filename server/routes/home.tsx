// The start page and the role home pages.
import type { SecureRouter } from '../http/access.ts';
import { viewContext } from '../http/env.ts';
import { render } from '../http/render.tsx';
import { homeFor } from '../auth/roles.ts';
import { EmptyHome } from '../../views/pages/home.tsx';

export function registerHome(r: SecureRouter): void {
  r.get('/', 'public', (c) => {
    const user = c.get('user');
    return c.redirect(user ? homeFor(user.roles) : '/login', 303);
  });
  const homes = [
    ['/agent', 'agent', 'agent'],
    ['/quality', 'inspector', 'quality'],
    ['/rosters', 'scheduler', 'rosters'],
    ['/knowledge', 'knowledge', 'knowledge'],
  ] as const;
  for (const [path, role, area] of homes) {
    r.get(path, [role], (c) => render(c, { title: c.get('t')(`home.${area}.title`), body: <EmptyHome ctx={viewContext(c)} area={area} /> }));
  }
}
