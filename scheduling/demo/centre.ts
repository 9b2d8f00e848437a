// The demo centre's scheduling facts as plain data: shift types, the rulebook (排班管理实施细则) and a seeded generator of schedulable agents.
import { mulberry32 } from './history.ts';

/** A paid or unpaid break inside a shift, placed by minutes after the shift starts. */
export interface ShiftBreak {
  offsetMinutes: number;
  minutes: number;
  paid: boolean;
}

/** A shift type: start as minutes after local midnight, length in minutes. */
export interface ShiftTypeDef {
  code: string;
  name: string;
  nameEn: string;
  startMinute: number;
  lengthMinutes: number;
  breaks: ShiftBreak[];
  night: boolean;
  partTime: boolean;
}

const meal = (offsetMinutes: number): ShiftBreak => ({ offsetMinutes, minutes: 30, paid: false });
const rest = (offsetMinutes: number): ShiftBreak => ({ offsetMinutes, minutes: 15, paid: true });

/** The demo centre's shift types: 早 E, 白 D, 晚 L, 夜 N, and four-hour part shifts. */
export const DEMO_SHIFT_TYPES: readonly ShiftTypeDef[] = [
  { code: 'E', name: '早班', nameEn: 'Early', startMinute: 7 * 60, lengthMinutes: 480, breaks: [rest(120), meal(240), rest(390)], night: false, partTime: false },
  { code: 'D', name: '白班', nameEn: 'Day', startMinute: 9 * 60, lengthMinutes: 480, breaks: [rest(120), meal(210), rest(390)], night: false, partTime: false },
  { code: 'L', name: '晚班', nameEn: 'Late', startMinute: 15 * 60, lengthMinutes: 480, breaks: [rest(120), meal(240), rest(390)], night: false, partTime: false },
  { code: 'N', name: '夜班', nameEn: 'Night', startMinute: 23 * 60, lengthMinutes: 480, breaks: [rest(120), meal(240), rest(390)], night: true, partTime: false },
  { code: 'PM', name: '上午半班', nameEn: 'Morning part', startMinute: 8 * 60, lengthMinutes: 240, breaks: [rest(120)], night: false, partTime: true },
  { code: 'PA', name: '下午半班', nameEn: 'Afternoon part', startMinute: 13 * 60 + 30, lengthMinutes: 240, breaks: [rest(120)], night: false, partTime: true },
  { code: 'PE', name: '晚间半班', nameEn: 'Evening part', startMinute: 18 * 60, lengthMinutes: 240, breaks: [rest(120)], night: false, partTime: true },
];

/** One rule of the rulebook with named bounds; hard rules are never broken, soft ones cost weight × how badly. */
export interface RuleDef {
  id: string;
  name: string;
  nameEn: string;
  hard: boolean;
  weight: number;
  params: Record<string, unknown>;
}

/** The demo centre's rulebook: 16 named rules, hard first, then soft. */
export const DEMO_RULEBOOK: readonly RuleDef[] = [
  { id: 'one-shift-per-day', name: '每日至多一个班次', nameEn: 'At most one shift a day', hard: true, weight: 0, params: { maxShifts: 1 } },
  { id: 'min-rest', name: '班次间最少休息11小时', nameEn: 'Minimum rest between shifts', hard: true, weight: 0, params: { minMinutes: 660 } },
  { id: 'forbidden-successions', name: '禁止的班次衔接', nameEn: 'Forbidden successions', hard: true, weight: 0, params: { pairs: [['N', 'E'], ['N', 'D'], ['N', 'PM'], ['L', 'E']] } },
  { id: 'max-consecutive-work', name: '最多连续工作6天', nameEn: 'Maximum consecutive working days', hard: true, weight: 0, params: { maxDays: 6 } },
  { id: 'leave-respected', name: '已批准假期不排班', nameEn: 'Approved leave is a day off', hard: true, weight: 0, params: {} },
  { id: 'allowed-shifts', name: '仅排合同允许的班次', nameEn: 'Only shift types the contract allows', hard: true, weight: 0, params: {} },
  { id: 'max-nights-month', name: '每月夜班不超过8个', nameEn: 'Maximum nights a month', hard: true, weight: 0, params: { maxNights: 8 } },
  { id: 'contract-hours', name: '工时在合同上下限内', nameEn: 'Hours within contract bounds', hard: false, weight: 20, params: { perMinute: true } },
  { id: 'min-consecutive-work', name: '最少连续工作2天', nameEn: 'Minimum consecutive working days', hard: false, weight: 5, params: { minDays: 2 } },
  { id: 'min-consecutive-off', name: '休息日至少连休2天', nameEn: 'Minimum consecutive days off', hard: false, weight: 10, params: { minDays: 2 } },
  { id: 'days-off-per-week', name: '每周至少休息2天', nameEn: 'Days off per week', hard: false, weight: 15, params: { minDaysOff: 2 } },
  { id: 'max-weekends-month', name: '每月工作周末不超过3个', nameEn: 'Maximum weekends worked a month', hard: false, weight: 10, params: { maxWeekends: 3 } },
  { id: 'fair-weekends', name: '周末班公平分配', nameEn: 'Fair share of weekends', hard: false, weight: 4, params: { measure: 'deviation-from-mean' } },
  { id: 'fair-nights', name: '夜班公平分配', nameEn: 'Fair share of nights', hard: false, weight: 4, params: { measure: 'deviation-from-mean' } },
  { id: 'fair-holidays', name: '节假日班公平分配', nameEn: 'Fair share of holidays', hard: false, weight: 4, params: { measure: 'deviation-from-mean' } },
  { id: 'preferences', name: '尊重个人班次与休息偏好', nameEn: 'Preferences honoured', hard: false, weight: 2, params: { preferredShift: 1, avoidedShift: 2, preferredDayOff: 2 } },
  { id: 'coverage', name: '各时段满足人力需求', nameEn: 'Interval requirement covered', hard: false, weight: 100, params: { underPerAgentInterval: 100, overPerAgentInterval: 5 } },
];

/** A generated schedulable agent of the demo centre. */
export interface DemoAgent {
  code: string;
  name: string;
  team: string;
  weeklyHours: number;
  monthlyMinHours: number;
  monthlyMaxHours: number;
  allowedShifts: string[];
  /** Proficiency 0..1 per project code. */
  skills: Record<string, number>;
  /** 1 = first called at peaks; null = not on an emergency tier. */
  emergencyTier: number | null;
  preferences: { preferredShifts: string[]; avoidedShifts: string[]; preferredDaysOff: number[] };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂柴焦向柳邢岳齐沿梅莫庄辛管祝左涂谷时';
const GIVEN = '伟芳娜秀敏静丽强磊洋艳勇军杰娟涛明超霞平刚桂英华玲红梅飞鹏辉婷玉兰萍建国志宇欣怡晨阳雪琳慧颖佳琪子涵浩然思雨俊博宁凯';

/** Teams of the demo centre with their project and head count. */
export const DEMO_AGENT_TEAMS: readonly { team: string; project: string; count: number }[] = [
  { team: '95598-A', project: '95598', count: 60 },
  { team: '95598-B', project: '95598', count: 60 },
  { team: '95598-C', project: '95598', count: 60 },
  { team: '95598-D', project: '95598', count: 60 },
  { team: 'EV-A', project: 'EV', count: 20 },
  { team: 'EV-B', project: 'EV', count: 20 },
  { team: 'INS-A', project: 'INS', count: 14 },
  { team: 'FIN-A', project: 'FIN', count: 10 },
];

/**
 * Which agents does the demo centre schedule? The same list for the same seed.
 * @example generateDemoAgents({ seed: 1 }).length // 304
 */
export function generateDemoAgents({ seed = 1, teams = DEMO_AGENT_TEAMS }: { seed?: number; teams?: readonly { team: string; project: string; count: number }[] } = {}): DemoAgent[] {
  const rand = mulberry32(seed);
  const pick = <T,>(xs: readonly T[] | string): T => xs[Math.floor(rand() * xs.length)] as T;
  const projects = [...new Set(teams.map((t) => t.project))];
  const used = new Set<string>();
  const agents: DemoAgent[] = [];
  let n = 0;
  for (const t of teams) {
    for (let i = 0; i < t.count; i++) {
      n++;
      let name = '';
      for (let tries = 0; tries < 20 && (!name || used.has(name)); tries++) {
        name = pick<string>(SURNAMES) + pick<string>(GIVEN) + (rand() < 0.6 ? pick<string>(GIVEN) : '');
      }
      if (used.has(name)) name += String(n);
      used.add(name);
      const partTime = rand() < 0.1;
      const weeklyHours = partTime ? 20 : 40;
      const nightWorker = !partTime && rand() < 0.55;
      const allowedShifts = partTime ? ['PM', 'PA', 'PE'] : nightWorker ? ['E', 'D', 'L', 'N'] : ['E', 'D', 'L'];
      const skills: Record<string, number> = { [t.project]: Math.round((0.6 + 0.4 * rand()) * 100) / 100 };
      for (const other of projects) if (other !== t.project && rand() < 0.15) skills[other] = Math.round((0.4 + 0.4 * rand()) * 100) / 100;
      const multiSkilled = Object.keys(skills).length > 1;
      const emergencyTier = multiSkilled ? 1 : rand() < 0.2 ? 2 : rand() < 0.2 ? 3 : null;
      const preferredShifts = rand() < 0.3 ? [pick(allowedShifts)] : [];
      const avoidedShifts = rand() < 0.25 ? [pick(allowedShifts.filter((s) => !preferredShifts.includes(s)))] : [];
      const preferredDaysOff = rand() < 0.4 ? [Math.floor(rand() * 7)] : [];
      agents.push({
        code: `A${String(n).padStart(4, '0')}`,
        name,
        team: t.team,
        weeklyHours,
        monthlyMinHours: Math.round(weeklyHours * 4 * 0.9),
        monthlyMaxHours: Math.round(weeklyHours * 4.6),
        allowedShifts,
        skills,
        emergencyTier,
        preferences: { preferredShifts, avoidedShifts, preferredDaysOff },
      });
    }
  }
  return agents;
}
