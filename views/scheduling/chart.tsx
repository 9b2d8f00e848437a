// Server-rendered SVG chart of a day's 48 intervals: forecast calls as bars, required agents as a line (SVG attributes and classes only; no inline styles).

/** One interval of the chart. */
export interface ChartPoint {
  interval: number;
  calls: number;
  agents: number;
  adjusted: boolean;
}

const W = 960;
const H = 280;
const PAD = { left: 48, right: 48, top: 16, bottom: 36 };

/** A round axis maximum at or above `max` (1, 2, 2.5 or 5 × a power of ten). */
export function niceCeiling(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

function hhmm(interval: number): string {
  const minutes = interval * 30;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The forecast-and-requirement chart of one day. */
export function StaffingChart(props: { points: ChartPoint[]; title: string; callsLabel: string; agentsLabel: string }) {
  const { points } = props;
  const n = Math.max(points.length, 1);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const maxCalls = niceCeiling(Math.max(0, ...points.map((p) => p.calls)));
  const maxAgents = niceCeiling(Math.max(0, ...points.map((p) => p.agents)));
  const slot = plotW / n;
  const x = (i: number) => PAD.left + i * slot;
  const yCalls = (v: number) => PAD.top + plotH - (v / maxCalls) * plotH;
  const yAgents = (v: number) => PAD.top + plotH - (v / maxAgents) * plotH;
  const line = points.map((p, i) => `${(x(i) + slot / 2).toFixed(1)},${yAgents(p.agents).toFixed(1)}`).join(' ');
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return (
    <svg class="staffing-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="chart-title" data-testid="staffing-chart">
      <title id="chart-title">{props.title}</title>
      {ticks.map((f) => (
        <g class="tick">
          <line class="gridline" x1={PAD.left} x2={W - PAD.right} y1={PAD.top + plotH * (1 - f)} y2={PAD.top + plotH * (1 - f)} />
          <text class="axis-calls" x={PAD.left - 6} y={PAD.top + plotH * (1 - f) + 4} text-anchor="end">
            {String(Math.round(maxCalls * f))}
          </text>
          <text class="axis-agents" x={W - PAD.right + 6} y={PAD.top + plotH * (1 - f) + 4} text-anchor="start">
            {String(Math.round(maxAgents * f))}
          </text>
        </g>
      ))}
      {points.map((p, i) => (
        <rect
          class={p.adjusted ? 'bar adjusted' : 'bar'}
          x={(x(i) + slot * 0.12).toFixed(1)}
          y={yCalls(p.calls).toFixed(1)}
          width={(slot * 0.76).toFixed(1)}
          height={Math.max(0, PAD.top + plotH - yCalls(p.calls)).toFixed(1)}
          data-interval={String(p.interval)}
        >
          <title>{`${hhmm(p.interval)} · ${props.callsLabel} ${Math.round(p.calls)} · ${props.agentsLabel} ${p.agents}`}</title>
        </rect>
      ))}
      <polyline class="agents-line" points={line} fill="none" />
      {points.map((p, i) => (i % 4 === 0 ? <text class="axis-x" x={(x(i) + slot / 2).toFixed(1)} y={H - PAD.bottom + 16} text-anchor="middle">{hhmm(p.interval)}</text> : null))}
      <g class="legend">
        <rect class="bar" x={PAD.left} y={H - 14} width="12" height="10" />
        <text x={PAD.left + 16} y={H - 5}>{props.callsLabel}</text>
        <line class="agents-line" x1={PAD.left + 150} x2={PAD.left + 174} y1={H - 9} y2={H - 9} />
        <text x={PAD.left + 180} y={H - 5}>{props.agentsLabel}</text>
      </g>
    </svg>
  );
}

export { hhmm };
