// Today's floor changes on the agent's own schedule page: what the floor lead changed for them today.
import type { ViewContext } from '../context.ts';
import { formatInstant } from '../components.tsx';
import type { MyFloorChange } from '../../server/scheduling/intraday-mine.ts';

const clock = (minute: number | null) => {
  if (minute === null) return '';
  const m = ((minute % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

/** The agent's floor changes of today, newest last; nothing when there are none. */
export function MyFloorToday({ ctx, items }: { ctx: ViewContext; items: MyFloorChange[] }) {
  const { t } = ctx;
  if (!items.length) return null;
  return (
    <section class="my-floor" data-testid="my-floor" aria-labelledby="my-floor-title">
      <h2 id="my-floor-title">{t('intraday.mine.title')}</h2>
      <ul>
        {items.map((i) => (
          <li>
            {t(`intraday.mine.${i.type}`, { project: i.project ?? '', from: clock(i.startMinute), to: clock(i.endMinute), kind: i.offlineKind ? t(`intraday.mine.offline.${i.offlineKind}`) : '' })}
            <small class="muted"> · {t('intraday.mine.by', { by: i.by, at: formatInstant(i.at, ctx.locale) })}</small>
          </li>
        ))}
      </ul>
    </section>
  );
}
