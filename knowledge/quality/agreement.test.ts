// Agreement statistics checked against the published examples in shared/vectors/agreement.json.
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import {
  coincidenceMatrix,
  cohenKappa,
  contingencyTable,
  fleissKappa,
  fleissKappaDetail,
  icc,
  krippendorffAlpha,
  percentAgreement,
  type AlphaLevel,
  type IccForm,
  type Rating,
} from './agreement.ts';

const vectors = JSON.parse(readFileSync(new URL('../../../shared/vectors/agreement.json', import.meta.url), 'utf8'));

/** Decimal places a published number was written with (JSON drops trailing zeros, so callers may raise it). */
function decimalsOf(x: number): number {
  const s = String(x);
  return s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
}

/** Asserts `actual` rounds to the published value: within half a unit of its last published digit. */
function expectPublished(actual: number | null, published: number, minDecimals = 0, tolerance?: number): void {
  expect(actual).not.toBeNull();
  const tol = tolerance ?? 0.5 * 10 ** -Math.max(decimalsOf(published), minDecimals) + 1e-12;
  expect(Math.abs((actual as number) - published)).toBeLessThanOrEqual(tol);
}

describe('krippendorffAlpha', () => {
  for (const example of vectors.krippendorff as Array<{
    name: string;
    data: Rating[][];
    expected: Record<string, number | null>;
    tolerance?: number;
  }>) {
    for (const [level, expected] of Object.entries(example.expected)) {
      if (level === 'pairwise_percent_agreement') continue;
      it(`gives ${expected} at ${level} level for "${example.name}"`, () => {
        const alpha = krippendorffAlpha(example.data, level as AlphaLevel);
        if (expected === null) expect(alpha).toBeNull();
        // a published 0.0 is exact: the observed and expected disagreements are equal
        else if (expected === 0) expect(Math.abs(alpha as number)).toBeLessThan(1e-12);
        else expectPublished(alpha, expected, 0, example.tolerance);
      });
    }
  }

  it('builds the published coincidence matrix of Krippendorff (2011)', () => {
    const example = vectors.krippendorff[0];
    const co = coincidenceMatrix(example.data);
    expect(co.values).toEqual(example.intermediate.values);
    expect(co.totals.map((t) => Math.round(t * 1e6) / 1e6)).toEqual(example.intermediate.n_c);
    expect(co.n).toBeCloseTo(example.intermediate.n, 9);
    co.matrix.forEach((row, c) =>
      row.forEach((cell, k) => expect(Math.abs(cell - example.intermediate.coincidence[c][k])).toBeLessThan(1e-6)),
    );
  });

  it('counts each ordered pair of a unit once, divided by the unit size minus one', () => {
    // unit 1: a,a → a·a twice; unit 2: b,a → a·b and b·a once
    expect(coincidenceMatrix([['a', 'b'], ['a', 'a']])).toEqual({ values: ['a', 'b'], matrix: [[2, 1], [1, 0]], totals: [3, 1], n: 4 });
  });

  it('treats string and number categories alike at nominal level', () => {
    expect(krippendorffAlpha([[1, 2, 1], [1, 2, 2]], 'nominal')).toBeCloseTo(
      krippendorffAlpha([['x', 'y', 'x'], ['x', 'y', 'y']], 'nominal') as number,
      12,
    );
  });

  it('gives 1 for perfect agreement with variation', () => {
    expect(krippendorffAlpha([[1, 2, 3], [1, 2, 3]], 'interval')).toBeCloseTo(1, 12);
  });

  describe('edge cases', () => {
    it('returns null for an empty table', () => {
      expect(krippendorffAlpha([], 'nominal')).toBeNull();
    });
    it('returns null when no unit has two ratings', () => {
      expect(krippendorffAlpha([[1, null], [null, 2]], 'nominal')).toBeNull();
    });
    it('ignores units with a single rating', () => {
      const withLonely = krippendorffAlpha([[1, 2, 3, 5], [1, 2, 2, null]], 'interval');
      const without = krippendorffAlpha([[1, 2, 3], [1, 2, 2]], 'interval');
      expect(withLonely).toBeCloseTo(without as number, 12);
    });
    it('rejects text ratings at interval level', () => {
      expect(() => krippendorffAlpha([['a', 'b'], ['a', 'b']], 'interval')).toThrow(TypeError);
    });
    it('handles ratio level with zeros without dividing by zero', () => {
      const alpha = krippendorffAlpha([[0, 0, 2], [0, 1, 2]], 'ratio');
      expect(Number.isFinite(alpha)).toBe(true);
    });
  });
});

describe('percentAgreement', () => {
  it('gives the published pooled pairwise agreement for the prevalence-paradox example', () => {
    const example = vectors.krippendorff.find((e: { expected: object }) => 'pairwise_percent_agreement' in e.expected);
    expectPublished(percentAgreement(example.data), example.expected.pairwise_percent_agreement);
  });
  it('counts agreeing pairs over all pairs within units', () => {
    // unit 1: a,a,a → 3 agreeing of 3; unit 2: a,b → 0 of 1 → 3/4
    expect(percentAgreement([['a', 'a'], ['a', 'b'], ['a', null]])).toBe(0.75);
  });
  describe('edge cases', () => {
    it('returns null when there are no pairs', () => {
      expect(percentAgreement([[1, null]])).toBeNull();
      expect(percentAgreement([])).toBeNull();
    });
  });
});

describe('fleissKappa', () => {
  const example = vectors.fleiss_kappa[0];
  it(`gives kappa ${example.expected.kappa} for the Wikipedia worked example`, () => {
    // published as 0.210
    expectPublished(fleissKappa(example.counts), example.expected.kappa, 3);
  });
  it('gives the published P̄, P̄e and p_j', () => {
    const detail = fleissKappaDetail(example.counts);
    expectPublished(detail.pBar, example.expected.P_bar);
    expectPublished(detail.pEBar, example.expected.P_e_bar);
    // published to three decimals (0.2 is 0.200)
    example.expected.p_j.forEach((p: number, j: number) => expectPublished(detail.pJ[j], p, 3));
  });
  it('gives 1 when every subject is rated unanimously with variation across subjects', () => {
    expect(fleissKappa([[3, 0], [0, 3], [3, 0]])).toBeCloseTo(1, 12);
  });
  describe('edge cases', () => {
    it('returns null when every rating falls in one category', () => {
      expect(fleissKappa([[3, 0], [3, 0]])).toBeNull();
    });
    it('rejects subjects with different numbers of ratings', () => {
      expect(() => fleissKappa([[2, 1], [1, 1]])).toThrow(RangeError);
    });
    it('rejects an empty table and single ratings', () => {
      expect(() => fleissKappa([])).toThrow(RangeError);
      expect(() => fleissKappa([[1, 0]])).toThrow(RangeError);
    });
  });
});

describe('cohenKappa', () => {
  const example = vectors.cohen_kappa[0];
  it(`gives kappa ${example.expected.kappa} for the SAS PROC FREQ table`, () => {
    expectPublished(cohenKappa(example.table), example.expected.kappa);
  });
  it(`gives linear weighted kappa ${example.expected.linear_weighted_kappa} for the same table`, () => {
    expectPublished(cohenKappa(example.table, 'linear'), example.expected.linear_weighted_kappa);
  });
  it('gives quadratic weighted kappa 0.4502 for the same table (po = 16.75/19, pe = 283.25/361, by hand)', () => {
    // weights 1, 0.75, 0 for distance 0, 1, 2; rows 5/8/6 and columns 0/13/6 of 19
    expect(cohenKappa(example.table, 'quadratic')).toBeCloseTo((16.75 / 19 - 283.25 / 361) / (1 - 283.25 / 361), 12);
    expect(Math.abs((cohenKappa(example.table, 'quadratic') as number) - 0.4502)).toBeLessThan(5e-5);
  });
  it('gives the same value under every weighting when there are two categories', () => {
    const table = [[6, 2], [1, 4]];
    expect(cohenKappa(table, 'linear')).toBeCloseTo(cohenKappa(table) as number, 12);
    expect(cohenKappa(table, 'quadratic')).toBeCloseTo(cohenKappa(table) as number, 12);
  });
  it('builds its table from two raters’ answers', () => {
    const table = contingencyTable(['y', 'n', 'y', null, 'x'], ['y', 'y', 'y', 'n', 'y'], ['y', 'n']);
    expect(table).toEqual([[2, 0], [1, 0]]);
  });
  describe('edge cases', () => {
    it('returns null for an empty table or total chance agreement', () => {
      expect(cohenKappa([[0, 0], [0, 0]])).toBeNull();
      expect(cohenKappa([[5, 0], [0, 0]])).toBeNull();
    });
    it('rejects a non-square table', () => {
      expect(() => cohenKappa([[1, 2]])).toThrow(RangeError);
    });
  });
});

describe('icc', () => {
  const example = vectors.icc[0];
  for (const [form, expected] of Object.entries(example.expected as Record<IccForm, number>)) {
    it(`gives ${form} = ${expected} for Shrout & Fleiss (1979)`, () => {
      expectPublished(icc(example.data, form as IccForm), expected);
    });
  }
  describe('edge cases', () => {
    it('returns null when all scores are equal', () => {
      expect(icc([[1, 1], [1, 1]], 'ICC(3,1)')).toBeNull();
    });
    it('rejects ragged or missing data and tables below 2×2', () => {
      expect(() => icc([[1, 2], [1]], 'ICC(1,1)')).toThrow(RangeError);
      expect(() => icc([[1, 2]], 'ICC(1,1)')).toThrow(RangeError);
      expect(() => icc([[1, NaN], [1, 2]], 'ICC(1,1)')).toThrow(RangeError);
    });
  });
});
