// Which emergency contributions (call-in, cover of another project, peak overtime) an applied intraday suggestion credits.
import type { HasChanges } from '../intraday/apply.ts';
import type { DayState } from '../intraday/types.ts';
import type { Contribution } from './ledger.ts';

/**
 * Which contributions does applying these changes to `before` earn, agent by agent?
 * Call-ins and loans earn for their window; a later shift end earns peak overtime for the extra time; early leave,
 * cancelled or moved offline work earn nothing.
 * @example contributionsOf(state, { id: '1-callIn-95598', changes: [{ type: 'callIn', agentId: 'A9', project: '95598', startMinute: 600, endMinute: 840 }] })
 *   // [{ agentId: 'A9', kind: 'callIn', hours: 4, reference: '2026-07-15 1-callIn-95598' }]
 */
export function contributionsOf(before: DayState, suggestion: HasChanges & { id?: string }): Contribution[] {
  const reference = `${before.date}${suggestion.id ? ` ${suggestion.id}` : ''}`;
  const ends = new Map(before.assignments.map((a) => [a.agentId, a.endMinute]));
  const out: Contribution[] = [];
  for (const c of suggestion.changes) {
    if (c.type === 'callIn') {
      out.push({ agentId: c.agentId, kind: 'callIn', hours: (c.endMinute - c.startMinute) / 60, reference });
      ends.set(c.agentId, c.endMinute);
    } else if (c.type === 'loan') out.push({ agentId: c.agentId, kind: 'coverProject', hours: (c.endMinute - c.startMinute) / 60, reference });
    else if (c.type === 'setShiftEnd') {
      const was = ends.get(c.agentId);
      if (was !== undefined && c.endMinute > was) out.push({ agentId: c.agentId, kind: 'peakOvertime', hours: (c.endMinute - was) / 60, reference });
      ends.set(c.agentId, c.endMinute);
    }
  }
  return out;
}
