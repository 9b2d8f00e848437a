// Server-rendered SVG charts of the quality reports (attributes and classes only, no inline styles):
// a weekly trend with Wilson whiskers on the pass rate, and horizontal bars with optional intervals.
import { niceCeiling } from '../scheduling/chart.tsx';

/** One week of the trend: mean score and pass rate (0–1) with its interval; null when nothing was checked. */
export interface TrendPoint {
  week: string;
  checked: number;
  meanScore: number | null;
  passRate: number | null;
  low: number | null;
  high: number | null;
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** Weekly mean score (line) and pass rate (dots with 95 % Wilson whiskers), both on 0–100 %. */
export function TrendChart(props: { id: string; points: TrendPoint[]; title: string; scoreLabel: string; passLabel: string; checkedLabel: string }) {
  const W = 960;
  const H = 260;
  const P = { left: 44, right: 16, top: 14, bottom: 48 };
  const plotW = W - P.left - P.right;
  const plotH = H - P.top - P.bottom;
  const n = Math.max(1, props.points.length);
  const slot = plotW / n;
  const cx = (i: number) => P.left + slot * i + slot / 2;
  const y = (v: number) => P.top + plotH * (1 - v);
  const line = props.points.flatMap((p, i) => (p.meanScore === null ? [] : [`${cx(i).toFixed(1)},${y(p.meanScore / 100).toFixed(1)}`])).join(' ');
  const every = Math.max(1, Math.ceil(n / 12));
  return (
    <svg class="q-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${props.id}-title`} data-testid={props.id}>
      <title id={`${props.id}-title`}>{props.title}</title>
      {[0, 0.25, 0.5, 0.75, 1].map((f) => (
        <g class="tick">
          <line class="gridline" x1={P.left} x2={W - P.right} y1={y(f)} y2={y(f)} />
          <text x={P.left - 6} y={y(f) + 4} text-anchor="end">{`${f * 100}%`}</text>
        </g>
      ))}
      {props.points.map((p, i) => (
        <rect class="q-checked" x={(cx(i) - slot * 0.3).toFixed(1)} y={(P.top + plotH - 3).toFixed(1)} width={(slot * 0.6).toFixed(1)} height="3">
          <title>{`${p.week} · ${props.checkedLabel} ${p.checked}`}</title>
        </rect>
      ))}
      <polyline class="q-score-line" points={line} fill="none" />
      {props.points.map((p, i) =>
        p.meanScore === null ? null : (
          <circle class="q-score-dot" cx={cx(i).toFixed(1)} cy={y(p.meanScore / 100).toFixed(1)} r="3">
            <title>{`${p.week} · ${props.scoreLabel} ${p.meanScore.toFixed(1)}`}</title>
          </circle>
        ),
      )}
      {props.points.map((p, i) =>
        p.passRate === null || p.low === null || p.high === null ? null : (
          <g class="q-pass">
            <line class="q-whisker" x1={cx(i).toFixed(1)} x2={cx(i).toFixed(1)} y1={y(p.low).toFixed(1)} y2={y(p.high).toFixed(1)} />
            <line class="q-whisker" x1={(cx(i) - 4).toFixed(1)} x2={(cx(i) + 4).toFixed(1)} y1={y(p.low).toFixed(1)} y2={y(p.low).toFixed(1)} />
            <line class="q-whisker" x1={(cx(i) - 4).toFixed(1)} x2={(cx(i) + 4).toFixed(1)} y1={y(p.high).toFixed(1)} y2={y(p.high).toFixed(1)} />
            <rect class="q-pass-dot" x={(cx(i) - 3.5).toFixed(1)} y={(y(p.passRate) - 3.5).toFixed(1)} width="7" height="7">
              <title>{`${p.week} · ${props.passLabel} ${pct(p.passRate)} (${pct(p.low)} – ${pct(p.high)}) · ${props.checkedLabel} ${p.checked}`}</title>
            </rect>
          </g>
        ),
      )}
      {props.points.map((p, i) =>
        i % every === 0 ? (
          <text class="axis-x" x={cx(i).toFixed(1)} y={H - P.bottom + 16} text-anchor="middle">
            {p.week.slice(5)}
          </text>
        ) : null,
      )}
      <g class="legend">
        <line class="q-score-line" x1={P.left} x2={P.left + 24} y1={H - 10} y2={H - 10} />
        <text x={P.left + 30} y={H - 6}>{props.scoreLabel}</text>
        <rect class="q-pass-dot" x={P.left + 200} y={H - 14} width="7" height="7" />
        <line class="q-whisker" x1={P.left + 203.5} x2={P.left + 203.5} y1={H - 20} y2={H - 1} />
        <text x={P.left + 214} y={H - 6}>{props.passLabel}</text>
      </g>
    </svg>
  );
}

/** One bar: a value on [0, max], optionally with an interval. */
export interface BarRow {
  label: string;
  value: number;
  low?: number;
  high?: number;
  /** Text at the end of the bar (e.g. "3/12"). */
  note: string;
}

/** Horizontal bars with optional interval whiskers; `rate` scales to 0–100 %, otherwise to a round maximum. */
export function BarChart(props: { id: string; rows: BarRow[]; title: string; rate: boolean; tone?: 'fail' | 'pass' | 'work'; narrow?: boolean }) {
  // a narrow chart (half a row) keeps a smaller canvas so its text is not scaled down
  const W = props.narrow ? 600 : 960;
  const rowH = 22;
  const P = props.narrow ? { left: 150, right: 70, top: 22, bottom: 8 } : { left: 230, right: 120, top: 22, bottom: 8 };
  const maxLabel = props.narrow ? 11 : 18;
  const H = P.top + P.bottom + rowH * Math.max(1, props.rows.length);
  const plotW = W - P.left - P.right;
  const max = props.rate ? 1 : niceCeiling(Math.max(0, ...props.rows.map((r) => r.value)));
  const x = (v: number) => P.left + plotW * Math.min(1, Math.max(0, v / max));
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return (
    <svg class={`q-chart q-bars q-tone-${props.tone ?? 'pass'}`} viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${props.id}-title`} data-testid={props.id}>
      <title id={`${props.id}-title`}>{props.title}</title>
      {ticks.map((f) => (
        <g class="tick">
          <line class="gridline" x1={P.left + plotW * f} x2={P.left + plotW * f} y1={P.top - 4} y2={H - P.bottom} />
          <text x={P.left + plotW * f} y={P.top - 8} text-anchor="middle">
            {props.rate ? `${f * 100}%` : String(Math.round(max * f))}
          </text>
        </g>
      ))}
      {props.rows.map((r, i) => {
        const top = P.top + i * rowH;
        const mid = top + rowH / 2;
        return (
          <g class="q-bar-row">
            <text class="q-bar-label" x={P.left - 8} y={mid + 4} text-anchor="end">
              {r.label.length > maxLabel ? `${r.label.slice(0, maxLabel - 1)}…` : r.label}
            </text>
            <rect class="q-bar" x={P.left} y={top + 4} width={Math.max(0, x(r.value) - P.left).toFixed(1)} height={rowH - 8}>
              <title>{`${r.label} · ${r.note}${r.low !== undefined && r.high !== undefined ? ` · ${pct(r.low)} – ${pct(r.high)}` : ''}`}</title>
            </rect>
            {r.low !== undefined && r.high !== undefined ? (
              <g class="q-interval">
                <line class="q-whisker" x1={x(r.low).toFixed(1)} x2={x(r.high).toFixed(1)} y1={mid} y2={mid} />
                <line class="q-whisker" x1={x(r.low).toFixed(1)} x2={x(r.low).toFixed(1)} y1={mid - 5} y2={mid + 5} />
                <line class="q-whisker" x1={x(r.high).toFixed(1)} x2={x(r.high).toFixed(1)} y1={mid - 5} y2={mid + 5} />
              </g>
            ) : null}
            <text class="q-bar-note" x={W - P.right + 8} y={mid + 4}>
              {r.note}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
