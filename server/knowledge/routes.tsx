// Routes of the knowledge area (registered through the SecureRouter by server/features.ts).
import type { SecureRouter } from '../http/access.ts';
import { viewContext } from '../http/env.ts';
import { render } from '../http/render.tsx';
import { EmptyHome } from '../../views/pages/home.tsx';

export function registerKnowledgeRoutes(r: SecureRouter): void {
  r.get('/agent', ['agent'], (c) => render(c, { title: c.get('t')('home.agent.title'), body: <EmptyHome ctx={viewContext(c)} area="agent" /> }));
  r.get('/knowledge', ['knowledge'], (c) => render(c, { title: c.get('t')('home.knowledge.title'), body: <EmptyHome ctx={viewContext(c)} area="knowledge" /> }));
}
