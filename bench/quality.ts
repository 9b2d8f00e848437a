// Benchmark of the quality-check hot paths (sample draws, agreement, transcript checks), each against a simple baseline in the same run.
import { cpus } from 'node:os';
import { krippendorffAlpha, percentAgreement, type Rating } from '../knowledge/quality/agreement.ts';
import { drawSample, type CallRecord } from '../knowledge/quality/sampling.ts';
import { targetRules } from '../knowledge/quality/targeting.ts';
import { checkTranscript, type PhraseSpec, type RequiredStatement, type TranscriptSegment } from '../knowledge/quality/transcript.ts';
import { scoreEvaluation, type Answers, type Scorecard } from '../knowledge/quality/scorecard.ts';

/** Seeded PRNG (mulberry32) so every run measures the same data. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Figures {
  p50: number;
  p95: number;
  mean: number;
}

/** Runs `fn` `warmup` + `runs` times and returns per-run milliseconds. */
function measure(fn: () => unknown, runs: number, warmup = 3): Figures {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { p50: at(0.5), p95: at(0.95), mean: times.reduce((a, b) => a + b, 0) / times.length };
}

function report(name: string, units: string, count: number, subject: Figures, baselineName: string, baseline: Figures): void {
  const fmt = (x: number): string => x.toFixed(x < 1 ? 3 : 1);
  console.log(
    `${name.padEnd(34)} p50 ${fmt(subject.p50)} ms  p95 ${fmt(subject.p95)} ms  ${Math.round((count / subject.p50) * 1000).toLocaleString('en')} ${units}/s` +
      `  | baseline ${baselineName}: p50 ${fmt(baseline.p50)} ms  ratio ×${(subject.p50 / baseline.p50).toFixed(1)}`,
  );
}

const rand = mulberry32(20261125);
const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
console.log(`node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'})`);

// 1. Sample draws over a month of calls: 50,000 calls, 300 agents.
const CALLS = 50_000;
const population: CallRecord[] = Array.from({ length: CALLS }, (_, i) => ({
  id: `CALL-${String(i).padStart(6, '0')}`,
  agentId: `A${String(Math.floor(rand() * 300)).padStart(3, '0')}`,
  localDate: `2026-11-${String(1 + Math.floor(rand() * 30)).padStart(2, '0')}`,
  durationSeconds: Math.floor(rand() * 1200),
  orderKind: rand() < 0.05 ? 'complaint' : 'consultation',
  queue: pick(['electricity', 'ev', 'outage', 'billing']),
}));
const heapBefore = process.memoryUsage().heapUsed;
const quota = measure(() => drawSample({ population, method: { kind: 'quota', perAgent: 4, period: 'week' }, seed: 'plan-bench' }), 10);
const heapAfter = process.memoryUsage().heapUsed;
const baselineSort = measure(() => [...population].sort((a, b) => (a.id < b.id ? -1 : 1)).slice(0, 1200), 10);
report('drawSample quota/agent/week 50k', 'calls', CALLS, quota, 'sort by id', baselineSort);
const stratified = measure(
  () => drawSample({ population, method: { kind: 'stratified', sampleSize: 1000, stratumField: 'queue', allocation: 'proportional' }, seed: 'plan-bench' }),
  10,
);
report('drawSample stratified 50k', 'calls', CALLS, stratified, 'sort by id', baselineSort);
const targeted = measure(
  () => drawSample({ population, method: { kind: 'targeted', rules: [targetRules.complaints(1), targetRules.longCalls(2, 900)], limit: 500 }, seed: 'plan-bench' }),
  10,
);
report('drawSample targeted 50k', 'calls', CALLS, targeted, 'sort by id', baselineSort);
console.log(`  heap growth across quota draws: ${((heapAfter - heapBefore) / 1e6).toFixed(1)} MB (GC-dependent)`);

// 2. Calibration agreement: 12 inspectors × 40 calls × 1 item, and a large 30 × 2,000 table.
const table = (observers: number, units: number): Rating[][] =>
  Array.from({ length: observers }, () => Array.from({ length: units }, () => (rand() < 0.05 ? null : Math.floor(rand() * 5) + 1)));
for (const [observers, units] of [
  [12, 40],
  [30, 2000],
]) {
  const data = table(observers, units);
  const alpha = measure(() => krippendorffAlpha(data, 'interval'), 20);
  const raw = measure(() => percentAgreement(data), 20);
  report(`krippendorffAlpha ${observers}×${units} interval`, 'ratings', observers * units, alpha, 'percentAgreement', raw);
  const ordinal = measure(() => krippendorffAlpha(data, 'ordinal'), 20);
  report(`krippendorffAlpha ${observers}×${units} ordinal`, 'ratings', observers * units, ordinal, 'percentAgreement', raw);
}

// 3. Transcript checks: a 10-minute call of 200 segments against 60 forbidden phrases and 3 required statements.
const chars = '您好请问有什么可以帮您电费停电充电桩故障报修我们已经记录会尽快处理的感谢来';
const segments: TranscriptSegment[] = Array.from({ length: 200 }, (_, i) => ({
  startSeconds: i * 3,
  endSeconds: i * 3 + 3,
  speaker: i % 2 ? 'customer' : 'agent',
  text: Array.from({ length: 30 }, () => (rand() < 0.1 ? '，' : pick([...chars]))).join(''),
}));
const forbidden: PhraseSpec[] = Array.from({ length: 60 }, (_, i) => ({
  id: `f${i}`,
  label: `忌语${i}`,
  variants: [Array.from({ length: 4 }, () => pick([...chars])).join(''), Array.from({ length: 5 }, () => pick([...chars])).join('')],
}));
const required: RequiredStatement[] = [
  { id: 'greeting', label: '问候', variants: ['您好'], withinFirstSeconds: 10 },
  { id: 'intro', label: '工号', variants: ['工号{digits}'] },
  { id: 'closing', label: '结束语', variants: ['感谢您的来电'], withinLastSeconds: 15 },
];
const transcript = measure(() => checkTranscript(segments, { forbidden, required }), 50);
const naive = measure(() => {
  const hits: Array<[number, number]> = [];
  segments.forEach((s, i) => {
    if (s.speaker !== 'agent') return;
    for (const f of forbidden) for (const v of f.variants) if (s.text.includes(v)) hits.push([i, s.text.indexOf(v)]);
  });
  return hits;
}, 50);
report('checkTranscript 200 seg × 63 phrases', 'segments', segments.length, transcript, 'raw String.includes', naive);

// 4. Scoring: a 30-item scorecard in 5 sections.
const card: Scorecard = {
  id: 'bench',
  name: 'bench',
  sections: Array.from({ length: 5 }, (_, s) => ({
    id: `s${s}`,
    label: `S${s}`,
    weight: s + 1,
    items: Array.from({ length: 6 }, (_, k) => ({ id: `s${s}i${k}`, label: 'x', points: 5, answer: { kind: 'yesNo' as const }, naAllowed: true, flag: k === 0 ? ('failSection' as const) : undefined })),
  })),
};
const answers: Answers = Object.fromEntries(card.sections.flatMap((s) => s.items.map((it) => [it.id, pick(['yes', 'yes', 'no', 'na'] as const)])));
const score = measure(() => scoreEvaluation(card, answers), 2000, 100);
const sumOnly = measure(() => Object.values(answers).filter((a) => a === 'yes').length, 2000, 100);
report('scoreEvaluation 30 items', 'evaluations', 1, score, 'count yes answers', sumOnly);
console.log(`rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
