// Scorecards (质检标准): the model, the scoring rules for one evaluation, and a fingerprint that versions what affects scoring.
import { createHash } from 'node:crypto';

/** The five SERVQUAL dimensions (有形性、可靠性、响应性、保证性、移情性). */
export type ServqualDimension = 'tangibles' | 'reliability' | 'responsiveness' | 'assurance' | 'empathy';

/** A flag on an item: when the item is missed, its section (fail-section) or the whole evaluation (fail-all, 致命项) scores 0. */
export type ItemFlag = 'failSection' | 'failAll';

/** How an item is answered. */
export type AnswerKind =
  /** 'yes' earns the item's points, 'no' earns 0. */
  | { kind: 'yesNo' }
  /** Any number of points from 0 to the item's points. */
  | { kind: 'points' }
  /** A value on the scale min…max, mapped linearly onto 0…points (e.g. 1–5 stars). */
  | { kind: 'scale'; min: number; max: number };

/** One checked behaviour, e.g. 开头语规范 or 未使用服务忌语. */
export interface ScorecardItem {
  id: string;
  label: string;
  /** Points at full marks (> 0). */
  points: number;
  answer: AnswerKind;
  /** May the inspector answer N/A (不适用)? */
  naAllowed?: boolean;
  flag?: ItemFlag;
  servqual?: ServqualDimension;
  /** Scenario codes this item is about (links into the scenario library). */
  scenarioCodes?: string[];
  /** Ids of forbidden phrases / required statements whose transcript hits pre-flag this item. */
  phraseIds?: string[];
}

/** A group of items with a weight: every point of the section counts `weight` times in the total. */
export interface ScorecardSection {
  id: string;
  label: string;
  /** Weight (> 0) applied to each point of the section. */
  weight: number;
  items: ScorecardItem[];
}

/** A scoring standard (质检标准). */
export interface Scorecard {
  id: string;
  name: string;
  sections: ScorecardSection[];
}

/** The inspector's answer to one item: 'yes'/'no' for yes/no items, a number for points or scale items, or 'na'. */
export type Answer = 'yes' | 'no' | 'na' | number;

/** Answers of one evaluation, keyed by item id. */
export type Answers = Record<string, Answer>;

/** Bumped whenever the rules below change meaning; part of every fingerprint. */
export const SCORING_RULES_VERSION = 1;

/**
 * The scoring rules, in English, for the scorecard page. Keep in step with `scoreEvaluation`.
 */
export const SCORING_RULES_EN: readonly string[] = [
  'Every item must be answered. A yes/no item earns its points for "yes" and 0 for "no"; a points item earns the points given (0 to its maximum); a scale item earns (value − min) / (max − min) of its points.',
  'N/A, where the item allows it, removes the item from both the points earned and the points possible.',
  'An item is missed when it earns less than its full points.',
  'Fail-section: when a flagged item is missed, its whole section earns 0 points (its possible points stay).',
  'Fail-all (fatal item, 致命项): when a flagged item is missed, the evaluation scores 0 %, whatever else was earned. Section results are still shown.',
  'Section percent = points earned ÷ points possible × 100; a section whose items are all N/A has no percent and drops out of the total.',
  'Total percent = Σ (section weight × points earned) ÷ Σ (section weight × points possible) × 100: every point of a section counts "weight" times. Give sections equal point totals if weights should be shares.',
  'If every item is N/A the evaluation has no score. Scores are not rounded; pages show one decimal.',
];

/** The scoring rules in Chinese, same order as `SCORING_RULES_EN`. */
export const SCORING_RULES_ZH: readonly string[] = [
  '每个评分项都必须作答。是/否项答“是”得满分、答“否”得 0 分；分值项按所给分数计分（0 至满分）；量表项按 (所选值 − 最小值) ÷ (最大值 − 最小值) 折算分数。',
  '允许“不适用”的评分项选“不适用”时，该项既不计得分，也不计应得分。',
  '评分项未得满分即视为“未达标”。',
  '单项否决（整段）：带此标记的评分项未达标时，所在分段得 0 分（应得分不变）。',
  '致命项：带此标记的评分项未达标时，本次质检总分为 0%，其他得分不计；各分段结果仍照常显示。',
  '分段得分率 = 分段得分 ÷ 分段应得分 × 100；全部为“不适用”的分段无得分率，不计入总分。',
  '总分 = Σ(分段权重 × 分段得分) ÷ Σ(分段权重 × 分段应得分) × 100，即分段内每一分按权重计。若希望权重表示占比，请让各分段满分相同。',
  '所有评分项均为“不适用”时本次质检无分数。分数不做取整，页面显示一位小数。',
];

/** Result of one item. */
export interface ItemResult {
  itemId: string;
  /** Points earned, or `null` for N/A. */
  earned: number | null;
  /** Points possible (0 for N/A). */
  possible: number;
  missed: boolean;
}

/** Result of one section. */
export interface SectionResult {
  sectionId: string;
  weight: number;
  /** Points earned after fail-section (0 when a fail-section item was missed). */
  earned: number;
  possible: number;
  /** earned ÷ possible × 100, or `null` when every item is N/A. */
  percent: number | null;
  /** True when a fail-section item of this section was missed. */
  failed: boolean;
  items: ItemResult[];
}

/** A flag that fired: a flagged item was missed. */
export interface FiredFlag {
  itemId: string;
  sectionId: string;
  flag: ItemFlag;
}

/** Score of one evaluation. */
export interface EvaluationScore {
  /** Total percent, 0 after a fail-all item, `null` when every item is N/A. */
  percent: number | null;
  sections: SectionResult[];
  firedFlags: FiredFlag[];
  /** True when a fail-all (致命项) item was missed. */
  failedAll: boolean;
}

/**
 * What is wrong with this scorecard? Duplicate ids, non-positive weights or points, scales with
 * min ≥ max. Returns readable messages; empty when valid.
 *
 * @example validateScorecard({ id: 's', name: 'x', sections: [{ id: 'a', label: 'A', weight: 0, items: [] }] }) // ['section a: weight must be > 0']
 */
export function validateScorecard(scorecard: Scorecard): string[] {
  const errors: string[] = [];
  const sectionIds = new Set<string>();
  const itemIds = new Set<string>();
  for (const section of scorecard.sections) {
    if (sectionIds.has(section.id)) errors.push(`section ${section.id}: duplicate id`);
    sectionIds.add(section.id);
    if (!(section.weight > 0 && Number.isFinite(section.weight))) errors.push(`section ${section.id}: weight must be > 0`);
    for (const item of section.items) {
      if (itemIds.has(item.id)) errors.push(`item ${item.id}: duplicate id`);
      itemIds.add(item.id);
      if (!(item.points > 0 && Number.isFinite(item.points))) errors.push(`item ${item.id}: points must be > 0`);
      if (item.answer.kind === 'scale' && !(item.answer.min < item.answer.max)) errors.push(`item ${item.id}: scale min must be below max`);
    }
  }
  return errors;
}

/** Points an answered (non-N/A) item earns, or an error message. */
function earnedPoints(item: ScorecardItem, answer: Answer | undefined): number | string {
  if (answer === undefined) return `item ${item.id}: not answered`;
  const kind = item.answer;
  if (kind.kind === 'yesNo') {
    if (answer === 'yes') return item.points;
    if (answer === 'no') return 0;
    return `item ${item.id}: answer yes or no`;
  }
  if (typeof answer !== 'number' || !Number.isFinite(answer)) return `item ${item.id}: answer a number`;
  if (kind.kind === 'points') {
    return answer >= 0 && answer <= item.points ? answer : `item ${item.id}: points must be between 0 and ${item.points}`;
  }
  if (answer < kind.min || answer > kind.max) return `item ${item.id}: value must be between ${kind.min} and ${kind.max}`;
  return ((answer - kind.min) / (kind.max - kind.min)) * item.points;
}

/**
 * Are these answers complete and valid for the scorecard? Every item answered, N/A only where
 * allowed, values in range, no answers for unknown items. Returns messages; empty when valid.
 *
 * @example validateAnswers(card, { greeting: 'maybe' }) // ['item greeting: answer yes or no', …]
 */
export function validateAnswers(scorecard: Scorecard, answers: Answers): string[] {
  const errors: string[] = [];
  const known = new Set<string>();
  for (const section of scorecard.sections) {
    for (const item of section.items) {
      known.add(item.id);
      const answer = answers[item.id];
      if (answer === 'na') {
        if (!item.naAllowed) errors.push(`item ${item.id}: N/A is not allowed`);
        continue;
      }
      const earned = earnedPoints(item, answer);
      if (typeof earned === 'string') errors.push(earned);
    }
  }
  for (const id of Object.keys(answers)) if (!known.has(id)) errors.push(`item ${id}: not on this scorecard`);
  return errors;
}

/**
 * What does this evaluation score? The rules (shown on the scorecard page from
 * `SCORING_RULES_EN` / `SCORING_RULES_ZH`):
 * 1. Every item is answered: yes/no earns all or nothing, points earn 0…max, a scale min…max
 *    earns (value − min)/(max − min) of the points.
 * 2. N/A (only where allowed) leaves the item out of earned and possible points.
 * 3. An item is missed when it earns less than its full points.
 * 4. Fail-section: a missed flagged item zeroes its section's earned points (possible stays).
 * 5. Fail-all (致命项): a missed flagged item makes the total 0 %; sections are still reported.
 * 6. Section percent = earned ÷ possible; an all-N/A section has none and drops out.
 * 7. Total = Σ weight·earned ÷ Σ weight·possible × 100 (each point counts its section's weight;
 *    Genesys Cloud's documented group weighting, help.mypurecloud.com/?p=144862).
 * 8. All items N/A → no score (`null`); nothing is rounded.
 * Throws a RangeError listing every problem when the scorecard or answers are invalid.
 *
 * @example scoreEvaluation(genesysCard, { q1: 'yes', q2: 'no', q3: 'yes' }).percent // 60 (40·1 + 20·1 of 40·2 + 20·1)
 */
export function scoreEvaluation(scorecard: Scorecard, answers: Answers): EvaluationScore {
  const errors = [...validateScorecard(scorecard), ...validateAnswers(scorecard, answers)];
  if (errors.length > 0) throw new RangeError(`scoreEvaluation: ${errors.join('; ')}`);
  const firedFlags: FiredFlag[] = [];
  const sections = scorecard.sections.map((section): SectionResult => {
    const items = section.items.map((item): ItemResult => {
      const answer = answers[item.id];
      if (answer === 'na') return { itemId: item.id, earned: null, possible: 0, missed: false };
      const earned = earnedPoints(item, answer) as number;
      const missed = earned < item.points;
      if (missed && item.flag) firedFlags.push({ itemId: item.id, sectionId: section.id, flag: item.flag });
      return { itemId: item.id, earned, possible: item.points, missed };
    });
    const failed = firedFlags.some((f) => f.sectionId === section.id && f.flag === 'failSection');
    const possible = items.reduce((s, r) => s + r.possible, 0);
    const earned = failed ? 0 : items.reduce((s, r) => s + (r.earned ?? 0), 0);
    return { sectionId: section.id, weight: section.weight, earned, possible, percent: possible > 0 ? (earned / possible) * 100 : null, failed, items };
  });
  const failedAll = firedFlags.some((f) => f.flag === 'failAll');
  const weightedPossible = sections.reduce((s, r) => s + r.weight * r.possible, 0);
  const weightedEarned = sections.reduce((s, r) => s + r.weight * r.earned, 0);
  const percent = weightedPossible === 0 ? null : failedAll ? 0 : (weightedEarned / weightedPossible) * 100;
  return { percent, sections, firedFlags, failedAll };
}

/**
 * What is an agent's (or team's) overall quality score over several evaluations? The mean of the
 * evaluation percents, as Zendesk QA documents it; evaluations without a score (`null`) are left
 * out; `null` when none has a score.
 *
 * @example overallQualityScore([100, 9.91, 63.96, 90.99, 0]) // 52.972
 */
export function overallQualityScore(evaluationPercents: Array<number | null>): number | null {
  const scored = evaluationPercents.filter((p): p is number => p !== null);
  return scored.length === 0 ? null : scored.reduce((a, b) => a + b, 0) / scored.length;
}

/**
 * Which scoring version is this scorecard? A SHA-256 hex over everything that changes a score —
 * section ids and weights, item ids, points, answer kind and scale, N/A permission, flags, which
 * section an item sits in, and `SCORING_RULES_VERSION` — in id order. Labels, names, SERVQUAL
 * tags, scenario and phrase links and display order are left out, so fixing a typo keeps the
 * version while changing points, weights, flags or items makes a new one.
 *
 * @example scorecardFingerprint(card) === scorecardFingerprint({ ...card, name: '新名称' }) // true
 */
export function scorecardFingerprint(scorecard: Scorecard): string {
  const byId = <T extends { id: string }>(list: T[]): T[] => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const canonical = {
    rules: SCORING_RULES_VERSION,
    sections: byId(scorecard.sections).map((section) => ({
      id: section.id,
      weight: section.weight,
      items: byId(section.items).map((item) => ({
        id: item.id,
        points: item.points,
        answer: item.answer.kind === 'scale' ? ['scale', item.answer.min, item.answer.max] : [item.answer.kind],
        naAllowed: item.naAllowed === true,
        flag: item.flag ?? null,
      })),
    })),
  };
  return createHash('sha256').update(JSON.stringify(canonical), 'utf8').digest('hex');
}
