// Role home pages of the shell. Each feature area fills its own page; until then they say plainly
// what is there and what will appear.
import type { ViewContext } from '../context.ts';

export function EmptyHome(props: { ctx: ViewContext; area: 'agent' | 'quality' | 'rosters' | 'knowledge' }) {
  const { t } = props.ctx;
  return (
    <section class="panel">
      <h1>{t(`home.${props.area}.title`)}</h1>
      <p class="lead">{t(`home.${props.area}.lead`)}</p>
      <p class="empty">{t(`home.${props.area}.empty`)}</p>
    </section>
  );
}
