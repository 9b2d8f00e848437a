// Inter-rater agreement for calibration sessions: Krippendorff's alpha, Fleiss' and Cohen's kappa, ICC, raw percent agreement.

/** A rating: a category label or a number. `null` marks a missing rating. */
export type Rating = string | number | null;

/** Measurement level of Krippendorff's alpha, which picks the difference function δ². */
export type AlphaLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/** Coincidence matrix of Krippendorff's alpha, over the distinct values that occur in pairable units. */
export interface Coincidences {
  /** Distinct values, sorted (numbers ascending, otherwise by string order). */
  values: Array<string | number>;
  /** `matrix[c][k]`: coincidences of value c with value k (symmetric). */
  matrix: number[][];
  /** `totals[c]`: number of pairable values equal to value c (row sums, n_c). */
  totals: number[];
  /** Total number of pairable values (n). */
  n: number;
}

/** Distinct sorted values; numbers ascend numerically, strings (or mixed) by their string form. */
function sortedDistinct(values: Array<string | number>): Array<string | number> {
  const distinct = [...new Set(values)];
  const allNumbers = distinct.every((v) => typeof v === 'number');
  return allNumbers
    ? (distinct as number[]).sort((a, b) => a - b)
    : distinct.sort((a, b) => String(a).localeCompare(String(b)));
}

/** The non-missing ratings of each unit (column) of an observers × units table. */
function unitsOf(data: Rating[][]): Array<Array<string | number>> {
  const unitCount = Math.max(0, ...data.map((row) => row.length));
  const units: Array<Array<string | number>> = [];
  for (let u = 0; u < unitCount; u++) {
    const values: Array<string | number> = [];
    for (const row of data) {
      const v = row[u];
      if (v !== null && v !== undefined) values.push(v);
    }
    units.push(values);
  }
  return units;
}

/**
 * Which values coincide how often? Builds Krippendorff's coincidence matrix from an
 * observers × units table (`null` = missing); units with fewer than two ratings are not pairable
 * and are left out.
 *
 * @example coincidenceMatrix([['a', 'b'], ['a', 'a']]) // { values: ['a', 'b'], matrix: [[2, 1], [1, 0]], totals: [3, 1], n: 4 }
 */
export function coincidenceMatrix(data: Rating[][]): Coincidences {
  const pairable = unitsOf(data).filter((u) => u.length >= 2);
  const values = sortedDistinct(pairable.flat());
  const index = new Map(values.map((v, i) => [v, i]));
  const matrix = values.map(() => values.map(() => 0));
  for (const unit of pairable) {
    const m = unit.length;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        if (i === j) continue;
        matrix[index.get(unit[i])!][index.get(unit[j])!] += 1 / (m - 1);
      }
    }
  }
  const totals = matrix.map((row) => row.reduce((a, b) => a + b, 0));
  const n = totals.reduce((a, b) => a + b, 0);
  return { values, matrix, totals, n };
}

/** δ² between the c-th and k-th value for a measurement level (Krippendorff 2011, section C). */
function squaredDifference(level: AlphaLevel, c: number, k: number, co: Coincidences): number {
  if (c === k) return 0;
  if (level === 'nominal') return 1;
  if (level === 'ordinal') {
    const [lo, hi] = c < k ? [c, k] : [k, c];
    let between = 0;
    for (let g = lo; g <= hi; g++) between += co.totals[g];
    const d = between - (co.totals[c] + co.totals[k]) / 2;
    return d * d;
  }
  const a = co.values[c];
  const b = co.values[k];
  if (typeof a !== 'number' || typeof b !== 'number') {
    throw new TypeError(`krippendorffAlpha: ${level} level needs numeric ratings, got ${String(a)} / ${String(b)}`);
  }
  if (level === 'interval') return (a - b) ** 2;
  const sum = a + b;
  return sum === 0 ? 0 : ((a - b) / sum) ** 2;
}

/**
 * How far beyond chance do observers agree? Krippendorff's alpha for an observers × units table
 * (`null` = missing), at the given measurement level. Returns `null` when alpha is undefined:
 * fewer than two pairable values, or no expected disagreement (every rating the same value).
 * Alpha is near 0 when almost every rating is the same value even if raw agreement is high —
 * show `percentAgreement` beside it.
 *
 * @example krippendorffAlpha([['A', 'B'], ['B', 'A']], 'nominal') // -0.5
 */
export function krippendorffAlpha(data: Rating[][], level: AlphaLevel): number | null {
  const co = coincidenceMatrix(data);
  if (co.n <= 1) return null;
  const size = co.values.length;
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      const delta = squaredDifference(level, c, k, co);
      observed += co.matrix[c][k] * delta;
      expected += co.totals[c] * co.totals[k] * delta;
    }
  }
  if (expected === 0) return null;
  return 1 - ((co.n - 1) * observed) / expected;
}

/**
 * What share of rater pairs gave the same rating? Pools all pairs of ratings within each unit
 * (observers × units, `null` = missing) and returns agreeing pairs / all pairs, or `null` when no
 * unit has two ratings.
 *
 * @example percentAgreement([[1, 1], [1, 2]]) // 0.5
 */
export function percentAgreement(data: Rating[][]): number | null {
  let pairs = 0;
  let agreeing = 0;
  for (const unit of unitsOf(data)) {
    for (let i = 0; i < unit.length; i++) {
      for (let j = i + 1; j < unit.length; j++) {
        pairs++;
        if (unit[i] === unit[j]) agreeing++;
      }
    }
  }
  return pairs === 0 ? null : agreeing / pairs;
}

/** Fleiss' kappa with its intermediate figures, as published in worked examples. */
export interface FleissKappaDetail {
  kappa: number | null;
  /** Mean observed agreement over subjects (P̄). */
  pBar: number;
  /** Expected agreement by chance (P̄e). */
  pEBar: number;
  /** Share of all ratings falling in each category (p_j). */
  pJ: number[];
}

/**
 * Fleiss' kappa step by step: see `fleissKappa`. Throws when subjects have different numbers of
 * ratings or fewer than two.
 *
 * @example fleissKappaDetail([[2, 0], [0, 2]]).pBar // 1
 */
export function fleissKappaDetail(counts: number[][]): FleissKappaDetail {
  if (counts.length === 0) throw new RangeError('fleissKappa: no subjects');
  const raters = counts[0].reduce((a, b) => a + b, 0);
  if (raters < 2) throw new RangeError('fleissKappa: each subject needs at least two ratings');
  for (const [i, row] of counts.entries()) {
    if (row.reduce((a, b) => a + b, 0) !== raters) {
      throw new RangeError(`fleissKappa: subject ${i} has a different number of ratings than subject 0`);
    }
  }
  const subjects = counts.length;
  const categories = Math.max(...counts.map((r) => r.length));
  const pJ = Array.from({ length: categories }, (_, j) =>
    counts.reduce((sum, row) => sum + (row[j] ?? 0), 0) / (subjects * raters),
  );
  const pI = counts.map((row) => (row.reduce((s, x) => s + x * x, 0) - raters) / (raters * (raters - 1)));
  const pBar = pI.reduce((a, b) => a + b, 0) / subjects;
  const pEBar = pJ.reduce((s, p) => s + p * p, 0);
  const kappa = pEBar === 1 ? null : (pBar - pEBar) / (1 - pEBar);
  return { kappa, pBar, pEBar, pJ };
}

/**
 * Do many raters agree beyond chance when each subject gets the same number of ratings?
 * Fleiss' kappa from a subjects × categories table of counts; `null` when chance agreement is
 * total (every rating in one category).
 *
 * @example fleissKappa([[2, 0], [0, 2]]) // 1
 */
export function fleissKappa(counts: number[][]): number | null {
  return fleissKappaDetail(counts).kappa;
}

/** Weighting of Cohen's kappa: unweighted, linear (Cicchetti–Allison) or quadratic (Fleiss–Cohen). */
export type KappaWeighting = 'none' | 'linear' | 'quadratic';

/**
 * Do two raters agree beyond chance? Cohen's kappa from a square contingency table
 * (`table[i][j]`: rater 1 said category i, rater 2 said j; categories in order for weighted
 * forms). Returns `null` when chance agreement is total.
 *
 * @example cohenKappa([[0, 4, 1], [0, 8, 0], [0, 1, 5]]) // ≈ 0.4842 (SAS PROC FREQ example)
 */
export function cohenKappa(table: number[][], weighting: KappaWeighting = 'none'): number | null {
  const k = table.length;
  if (k === 0 || table.some((row) => row.length !== k)) throw new RangeError('cohenKappa: table must be square');
  const total = table.flat().reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rows = table.map((row) => row.reduce((a, b) => a + b, 0) / total);
  const cols = table[0].map((_, j) => table.reduce((s, row) => s + row[j], 0) / total);
  const weight = (i: number, j: number): number => {
    if (weighting === 'none' || k === 1) return i === j ? 1 : 0;
    const d = Math.abs(i - j) / (k - 1);
    return weighting === 'linear' ? 1 - d : 1 - d * d;
  };
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      observed += weight(i, j) * (table[i][j] / total);
      expected += weight(i, j) * rows[i] * cols[j];
    }
  }
  return expected === 1 ? null : (observed - expected) / (1 - expected);
}

/**
 * Which cell does each pair of ratings fall in? Builds the contingency table `cohenKappa` takes
 * from two raters' answers on the same units, in the order of `categories`; pairs with a missing
 * or unknown answer are skipped.
 *
 * @example contingencyTable(['yes', 'no'], ['yes', 'yes'], ['yes', 'no']) // [[1, 0], [1, 0]]
 */
export function contingencyTable(rater1: Rating[], rater2: Rating[], categories: Array<string | number>): number[][] {
  const index = new Map(categories.map((c, i) => [c, i]));
  const table = categories.map(() => categories.map(() => 0));
  for (let u = 0; u < Math.min(rater1.length, rater2.length); u++) {
    const a = rater1[u] === null ? undefined : index.get(rater1[u]!);
    const b = rater2[u] === null ? undefined : index.get(rater2[u]!);
    if (a !== undefined && b !== undefined) table[a][b]++;
  }
  return table;
}

/** The six Shrout & Fleiss (1979) intraclass correlations: (model, single rater 1 or mean of k). */
export type IccForm = 'ICC(1,1)' | 'ICC(2,1)' | 'ICC(3,1)' | 'ICC(1,k)' | 'ICC(2,k)' | 'ICC(3,k)';

/** Mean squares of the two-way layout behind the ICC. */
interface IccMeanSquares {
  targets: number;
  judges: number;
  bms: number;
  jms: number;
  wms: number;
  ems: number;
}

/** ANOVA mean squares for a judges × targets table (rows judges, columns targets). */
function iccMeanSquares(data: number[][]): IccMeanSquares {
  const judges = data.length;
  const targets = judges === 0 ? 0 : data[0].length;
  if (judges < 2 || targets < 2) throw new RangeError('icc: need at least 2 judges and 2 targets');
  for (const row of data) {
    if (row.length !== targets || row.some((x) => typeof x !== 'number' || !Number.isFinite(x))) {
      throw new RangeError('icc: every judge must rate every target with a finite number');
    }
  }
  const grand = data.flat().reduce((a, b) => a + b, 0) / (judges * targets);
  const targetMeans = data[0].map((_, t) => data.reduce((s, row) => s + row[t], 0) / judges);
  const judgeMeans = data.map((row) => row.reduce((a, b) => a + b, 0) / targets);
  const ssTotal = data.flat().reduce((s, x) => s + (x - grand) ** 2, 0);
  const ssTargets = judges * targetMeans.reduce((s, m) => s + (m - grand) ** 2, 0);
  const ssJudges = targets * judgeMeans.reduce((s, m) => s + (m - grand) ** 2, 0);
  return {
    targets,
    judges,
    bms: ssTargets / (targets - 1),
    jms: ssJudges / (judges - 1),
    wms: (ssTotal - ssTargets) / (targets * (judges - 1)),
    ems: (ssTotal - ssTargets - ssJudges) / ((targets - 1) * (judges - 1)),
  };
}

/**
 * How consistent are numeric scores across judges? The Shrout & Fleiss intraclass correlation
 * of the given form for a judges × targets table (rows are judges, columns are targets; no
 * missing values). Returns `null` when the denominator is zero (no variation).
 *
 * @example icc([[9, 6, 8, 7, 10, 6], [2, 1, 4, 1, 5, 2], [5, 3, 6, 2, 6, 4], [8, 2, 8, 6, 9, 7]], 'ICC(3,1)') // ≈ 0.71
 */
export function icc(data: number[][], form: IccForm): number | null {
  const { targets: n, judges: k, bms, jms, wms, ems } = iccMeanSquares(data);
  const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);
  switch (form) {
    case 'ICC(1,1)':
      return ratio(bms - wms, bms + (k - 1) * wms);
    case 'ICC(2,1)':
      return ratio(bms - ems, bms + (k - 1) * ems + (k * (jms - ems)) / n);
    case 'ICC(3,1)':
      return ratio(bms - ems, bms + (k - 1) * ems);
    case 'ICC(1,k)':
      return ratio(bms - wms, bms);
    case 'ICC(2,k)':
      return ratio(bms - ems, bms + (jms - ems) / n);
    case 'ICC(3,k)':
      return ratio(bms - ems, bms);
  }
}
