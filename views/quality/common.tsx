// Shared pieces of the quality pages: the area's tabs and small formatters.
import type { ViewContext } from '../context.ts';
import { Tabs, type TabSpec } from '../components.tsx';

export type QualityTab = 'queue' | 'plans' | 'scorecards' | 'calibration' | 'disputes' | 'findings' | 'weak' | 'reports' | 'size' | 'import';

/** The quality area's tabs (work queue, plans, sample size, call import). */
export function QualityTabs({ ctx, active }: { ctx: ViewContext; active: QualityTab }) {
  const tabs: TabSpec<QualityTab>[] = [
    ['queue', '/quality', 'quality.tab.queue'],
    ['plans', '/quality/plans', 'quality.tab.plans'],
    ['scorecards', '/quality/scorecards', 'quality.tab.scorecards'],
    ['calibration', '/quality/calibration', 'quality.tab.calibration'],
    ['disputes', '/quality/disputes', 'quality.tab.disputes'],
    ['findings', '/quality/findings', 'quality.tab.findings'],
    ['weak', '/quality/weak-spots', 'quality.tab.weak'],
    ['reports', '/quality/reports', 'quality.tab.reports'],
    ['size', '/quality/sample-size', 'quality.tab.size'],
    ['import', '/quality/calls/import', 'quality.tab.import'],
  ];
  return <Tabs ctx={ctx} label="nav.quality" active={active} tabs={tabs} />;
}

/** `m:ss` of a number of seconds. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** A score with one decimal, or a dash. */
export function percent(p: number | null | undefined): string {
  return p === null || p === undefined ? '—' : `${p.toFixed(1)}%`;
}

/** The status badge of a sample or evaluation. */
export function StatusBadge({ ctx, status }: { ctx: ViewContext; status: string }) {
  return <span class={`badge q-status q-status-${status}`}>{ctx.t(`quality.status.${status}`)}</span>;
}
