// Demo data of the quality area: the demo scorecard (with its forbidden phrases and required
// statements), five short synthesised recordings with timestamped transcripts, a few thousand
// generated calls over the last four weeks (seeded PRNG), and the extra demo agents.
import type { Scorecard } from '../../knowledge/quality/scorecard.ts';
import type { PhraseSpec, RequiredStatement, TranscriptSegment } from '../../knowledge/quality/transcript.ts';

/** A scorecard as stored in scorecard_versions.body: the scoring model plus the phrases its items link to. */
export interface ScorecardBody extends Scorecard {
  phrases: { forbidden: PhraseSpec[]; required: RequiredStatement[] };
}

/** The demo standard (质检标准): four weighted sections, fail-all items for taboo phrases and data leaks, SERVQUAL tags. */
export const DEMO_SCORECARD: ScorecardBody = {
  id: 'hotline-standard',
  name: '95598 通话质检标准',
  sections: [
    {
      id: 'opening',
      label: '开场与核实',
      weight: 1,
      items: [
        { id: 'greeting', label: '规范开头语（您好＋单位＋服务用语）', points: 5, answer: { kind: 'yesNo' }, servqual: 'tangibles', phraseIds: ['greeting'] },
        { id: 'identify', label: '核实客户身份或户号', points: 5, answer: { kind: 'yesNo' }, naAllowed: true, servqual: 'assurance' },
      ],
    },
    {
      id: 'handling',
      label: '业务处理',
      weight: 2,
      items: [
        { id: 'inquiry', label: '按场景问询要点询问', points: 10, answer: { kind: 'yesNo' }, naAllowed: true, servqual: 'reliability' },
        { id: 'accuracy', label: '答复准确、完整', points: 10, answer: { kind: 'points' }, servqual: 'reliability' },
        { id: 'workorder', label: '工单填写与派单正确', points: 10, answer: { kind: 'yesNo' }, naAllowed: true, flag: 'failSection', servqual: 'reliability' },
      ],
    },
    {
      id: 'attitude',
      label: '服务态度',
      weight: 1,
      items: [
        { id: 'empathy', label: '语气亲切、耐心倾听（1–5）', points: 10, answer: { kind: 'scale', min: 1, max: 5 }, servqual: 'empathy' },
        { id: 'responsive', label: '及时回应，无长时间冷场', points: 5, answer: { kind: 'yesNo' }, servqual: 'responsiveness' },
        { id: 'no-taboo', label: '未使用服务忌语（致命项）', points: 10, answer: { kind: 'yesNo' }, flag: 'failAll', servqual: 'assurance', phraseIds: ['shirk', 'impatient'] },
        { id: 'privacy', label: '未泄露客户信息（致命项）', points: 10, answer: { kind: 'yesNo' }, flag: 'failAll', servqual: 'assurance' },
      ],
    },
    {
      id: 'closing',
      label: '结束语',
      weight: 1,
      items: [{ id: 'closing', label: '规范结束语（感谢来电）', points: 5, answer: { kind: 'yesNo' }, servqual: 'tangibles', phraseIds: ['closing'] }],
    },
  ],
  phrases: {
    forbidden: [
      { id: 'shirk', label: '推诿：不归我们管', variants: ['不归我们管', '不关我们的事', '你找物业去', '这个我不清楚'] },
      { id: 'impatient', label: '不耐烦', variants: ['你听不懂吗', '我已经说过了', '急什么'] },
    ],
    required: [
      { id: 'greeting', label: '开头语“您好”', variants: ['您好'], withinFirstSeconds: 10 },
      { id: 'closing', label: '结束语“感谢您的来电”', variants: ['感谢您的来电', '感谢来电'], withinLastSeconds: 15 },
    ],
  },
};

/** The synthesised demo recordings (espeak-ng -v cmn, 8 kHz mono), served from /static/rec-N.wav. */
export interface DemoRecording {
  callId: string;
  file: string;
  agent: string;
  project: string;
  queue: string;
  scenarioCode: string | null;
  orderKind: string;
  durationSeconds: number;
  transcript: TranscriptSegment[];
}

const TRANSCRIPTS: TranscriptSegment[][] = [
  [
      { startSeconds: 0.0, endSeconds: 4.36, speaker: 'agent', text: '您好，国网客服中心，工号一二三四，很高兴为您服务。' },
      { startSeconds: 4.66, endSeconds: 8.28, speaker: 'customer', text: '你好，我家突然停电了，什么时候能来电？' },
      { startSeconds: 8.58, endSeconds: 13.48, speaker: 'agent', text: '您所在的小区正在抢修，预计下午三点前恢复供电。' },
      { startSeconds: 13.78, endSeconds: 18.39, speaker: 'agent', text: '请问还有其他可以帮您的吗？感谢您的来电，再见。' },
  ],
  [
      { startSeconds: 0.0, endSeconds: 3.19, speaker: 'agent', text: '您好，国网客服中心，很高兴为您服务。' },
      { startSeconds: 3.49, endSeconds: 7.8, speaker: 'customer', text: '我家门口的路灯坏了好几天了，你们管不管？' },
      { startSeconds: 8.1, endSeconds: 10.55, speaker: 'agent', text: '这不归我们管，你找物业去吧。' },
      { startSeconds: 10.85, endSeconds: 13.17, speaker: 'customer', text: '那你们总得告诉我找谁吧。' },
      { startSeconds: 13.47, endSeconds: 15.38, speaker: 'agent', text: '感谢您的来电，再见。' },
  ],
  [
      { startSeconds: 0.0, endSeconds: 3.19, speaker: 'agent', text: '您好，国网客服中心，很高兴为您服务。' },
      { startSeconds: 3.49, endSeconds: 6.27, speaker: 'customer', text: '我想问一下电费怎么这么高？' },
      { startSeconds: 6.57, endSeconds: 10.69, speaker: 'agent', text: '我帮您查一下，您上个月用电五百度，执行阶梯电价。' },
      { startSeconds: 10.99, endSeconds: 12.15, speaker: 'customer', text: '好的，知道了。' },
  ],
  [
      { startSeconds: 0.0, endSeconds: 3.19, speaker: 'agent', text: '您好，充电服务热线，很高兴为您服务。' },
      { startSeconds: 3.49, endSeconds: 7.04, speaker: 'customer', text: '小区的充电桩充不上电，屏幕显示故障。' },
      { startSeconds: 7.34, endSeconds: 11.36, speaker: 'agent', text: '请问充电桩上的编号是多少？我为您登记报修。' },
      { startSeconds: 11.66, endSeconds: 13.16, speaker: 'customer', text: '编号是八八零一。' },
      { startSeconds: 13.46, endSeconds: 18.8, speaker: 'agent', text: '已为您登记，运维人员两小时内联系您。感谢您的来电，再见。' },
  ],
  [
      { startSeconds: 0.0, endSeconds: 3.19, speaker: 'agent', text: '您好，国网客服中心，很高兴为您服务。' },
      { startSeconds: 3.49, endSeconds: 6.34, speaker: 'customer', text: '我要投诉，抄表员多收了我的钱。' },
      { startSeconds: 6.64, endSeconds: 13.21, speaker: 'agent', text: '非常抱歉给您带来不便，我马上为您登记投诉，二十四小时内会有专人回复您。' },
      { startSeconds: 13.51, endSeconds: 17.43, speaker: 'agent', text: '请问还有其他问题吗？感谢您的来电，再见。' },
  ]];

const DURATIONS = [19, 16, 13, 20, 18];

/** Which call each recording belongs to. rec-2 uses a forbidden phrase; rec-3 has no closing statement. */
export const DEMO_RECORDINGS: DemoRecording[] = [
  { callId: 'REC-0001', file: 'rec-1.wav', agent: 'agent', project: '95598', queue: 'fault', scenarioCode: 'TD-002', orderKind: 'repair' },
  { callId: 'REC-0002', file: 'rec-2.wav', agent: 'agent', project: '95598', queue: 'general', scenarioCode: null, orderKind: 'opinion' },
  { callId: 'REC-0003', file: 'rec-3.wav', agent: 'agent', project: '95598', queue: 'billing', scenarioCode: 'DF-001', orderKind: 'consultation' },
  { callId: 'REC-0004', file: 'rec-4.wav', agent: 'agent06', project: 'EV', queue: 'ev-charging', scenarioCode: null, orderKind: 'repair' },
  { callId: 'REC-0005', file: 'rec-5.wav', agent: 'agent02', project: '95598', queue: 'complaint', scenarioCode: 'DF-009', orderKind: 'complaint' },
].map((r, i) => ({ ...r, durationSeconds: DURATIONS[i], transcript: TRANSCRIPTS[i] }));

/** Extra demo agents (they sign in with the demo agent's password). */
export const DEMO_AGENTS: { username: string; displayName: string; team: string }[] = [
  { username: 'agent01', displayName: '刘洋', team: '95598-A' },
  { username: 'agent02', displayName: '赵丽', team: '95598-A' },
  { username: 'agent03', displayName: '孙浩', team: '95598-A' },
  { username: 'agent04', displayName: '周婷', team: '95598-A' },
  { username: 'agent05', displayName: '吴磊', team: 'EV-A' },
  { username: 'agent06', displayName: '郑芳', team: 'EV-A' },
  { username: 'agent07', displayName: '冯强', team: 'EV-A' },
];

/** Extra demo inspectors for calibration sessions (they sign in with the demo inspector's password). */
export const DEMO_INSPECTORS: { username: string; displayName: string }[] = [
  { username: 'inspector2', displayName: '钱芳' },
  { username: 'inspector3', displayName: '何伟' },
];

/** A small seeded PRNG (mulberry32): the same seed gives the same demo calls. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generated call row, ready for jsonb_to_recordset. */
export interface DemoCallRow {
  id: string;
  agent: string;
  project: string;
  queue: string;
  started_at: string;
  duration_seconds: number;
  direction: 'in' | 'out';
  caller_account: string;
  scenario_code: string | null;
  order_kind: string;
}

const PROJECT_MIX: { project: string; share: number; queues: string[]; agents: string[]; scenarios: string[] }[] = [
  { project: '95598', share: 0.6, queues: ['fault', 'billing', 'general', 'complaint'], agents: ['agent', 'agent01', 'agent02', 'agent03', 'agent04'], scenarios: ['TD-001', 'TD-002', 'TD-003', 'TD-005', 'DF-001', 'DF-002', 'DF-003', 'JF-002', 'JF-003', 'JL-001'] },
  { project: 'EV', share: 0.2, queues: ['ev-charging'], agents: ['agent05', 'agent06', 'agent07'], scenarios: [] },
  { project: 'INS', share: 0.1, queues: ['insurance'], agents: ['agent01', 'agent03', 'agent05'], scenarios: [] },
  { project: 'FIN', share: 0.1, queues: ['finance'], agents: ['agent02', 'agent04', 'agent07'], scenarios: [] },
];
const KINDS: [string, number][] = [
  ['consultation', 0.5],
  ['repair', 0.2],
  ['service', 0.12],
  ['opinion', 0.06],
  ['complaint', 0.07],
  ['suggestion', 0.02],
  ['praise', 0.03],
];

function pick<T>(rnd: () => number, list: T[]): T {
  return list[Math.floor(rnd() * list.length)];
}

/**
 * The demo calls: `count` calls over the `days` days before `endDate` (local dates, Asia/Shanghai
 * hours 08–22), spread over the four projects, with repeat callers, complaints and long calls.
 *
 * @example generateDemoCalls({ endDate: '2026-11-25', days: 28, count: 3000, seed: 95598 }).length // 3000
 */
export function generateDemoCalls({ endDate, days, count, seed }: { endDate: string; days: number; count: number; seed: number }): DemoCallRow[] {
  const rnd = mulberry32(seed);
  const end = Date.parse(`${endDate}T00:00:00+08:00`);
  const accounts = Array.from({ length: Math.round(count * 0.7) }, () => String(1_000_000_000 + Math.floor(rnd() * 8_999_999_999)));
  const rows: DemoCallRow[] = [];
  for (let i = 0; i < count; i++) {
    const u = rnd();
    let acc = 0;
    const mix = PROJECT_MIX.find((m) => (acc += m.share) >= u) ?? PROJECT_MIX[0];
    const day = 1 + Math.floor(rnd() * days);
    const minute = 8 * 60 + Math.floor(rnd() * 14 * 60);
    const start = new Date(end - day * 86_400_000 + minute * 60_000 + Math.floor(rnd() * 60) * 1000);
    const k = rnd();
    let ka = 0;
    const kind = KINDS.find(([, share]) => (ka += share) >= k)?.[0] ?? 'consultation';
    const duration = Math.round(Math.min(3600, 40 + -Math.log(1 - rnd()) * 220));
    const queue = kind === 'complaint' && mix.project === '95598' ? 'complaint' : pick(rnd, mix.queues);
    rows.push({
      id: `C${start.toISOString().slice(0, 10).replaceAll('-', '')}-${String(i + 1).padStart(5, '0')}`,
      agent: pick(rnd, mix.agents),
      project: mix.project,
      queue,
      started_at: start.toISOString(),
      duration_seconds: duration,
      direction: rnd() < 0.92 ? 'in' : 'out',
      caller_account: pick(rnd, accounts),
      scenario_code: mix.scenarios.length && rnd() < 0.7 ? pick(rnd, mix.scenarios) : null,
      order_kind: kind,
    });
  }
  return rows;
}
