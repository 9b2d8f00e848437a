// The demo centre's scheduling facts as plain data: shift types and a seeded generator of schedulable agents
// (the rulebook lives with the roster model, scheduling/roster/rules.ts).
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

/** The demo centre's shift types: 早 E, 白 D, 中 M, 晚 L, 夜 N (as in the roster model's demo), and four-hour part shifts. */
export const DEMO_SHIFT_TYPES: readonly ShiftTypeDef[] = [
  { code: 'E', name: '早班', nameEn: 'Early', startMinute: 7 * 60, lengthMinutes: 480, breaks: [rest(120), meal(240), rest(390)], night: false, partTime: false },
  { code: 'D', name: '白班', nameEn: 'Day', startMinute: 9 * 60, lengthMinutes: 480, breaks: [rest(120), meal(210), rest(390)], night: false, partTime: false },
  { code: 'M', name: '中班', nameEn: 'Middle', startMinute: 12 * 60, lengthMinutes: 480, breaks: [rest(120), meal(240), rest(390)], night: false, partTime: false },
  { code: 'L', name: '晚班', nameEn: 'Late', startMinute: 15 * 60, lengthMinutes: 480, breaks: [rest(120), meal(240), rest(390)], night: false, partTime: false },
  { code: 'N', name: '夜班', nameEn: 'Night', startMinute: 23 * 60, lengthMinutes: 480, breaks: [rest(120), meal(240), rest(390)], night: true, partTime: false },
  { code: 'PM', name: '上午半班', nameEn: 'Morning part', startMinute: 8 * 60, lengthMinutes: 240, breaks: [rest(120)], night: false, partTime: true },
  { code: 'PA', name: '下午半班', nameEn: 'Afternoon part', startMinute: 13 * 60 + 30, lengthMinutes: 240, breaks: [rest(120)], night: false, partTime: true },
  { code: 'PE', name: '晚间半班', nameEn: 'Evening part', startMinute: 18 * 60, lengthMinutes: 240, breaks: [rest(120)], night: false, partTime: true },
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
      const allowedShifts = partTime ? ['PM', 'PA', 'PE'] : nightWorker ? ['E', 'D', 'M', 'L', 'N'] : ['E', 'D', 'M', 'L'];
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
