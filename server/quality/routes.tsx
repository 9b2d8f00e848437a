// Routes of the quality area (registered through the SecureRouter by server/features.ts).
import type { SecureRouter } from '../http/access.ts';
import { viewContext } from '../http/env.ts';
import { render } from '../http/render.tsx';
import { EmptyHome } from '../../views/pages/home.tsx';

export function registerQualityRoutes(r: SecureRouter): void {
  r.get('/quality', ['inspector'], (c) => render(c, { title: c.get('t')('home.quality.title'), body: <EmptyHome ctx={viewContext(c)} area="quality" /> }));
}
