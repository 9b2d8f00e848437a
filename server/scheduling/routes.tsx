// Routes of the scheduling area (registered through the SecureRouter by server/features.ts).
import type { SecureRouter } from '../http/access.ts';
import { viewContext } from '../http/env.ts';
import { render } from '../http/render.tsx';
import { EmptyHome } from '../../views/pages/home.tsx';

export function registerSchedulingRoutes(r: SecureRouter): void {
  r.get('/rosters', ['scheduler'], (c) => render(c, { title: c.get('t')('home.rosters.title'), body: <EmptyHome ctx={viewContext(c)} area="rosters" /> }));
}
