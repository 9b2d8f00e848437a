// The quality folder's public surface keeps the contract names other layers rely on.
import { describe, it, expect } from 'vitest';
import * as quality from './index.ts';

describe('knowledge/quality public surface', () => {
  it('exports the functions named in issue 4 and the task brief', () => {
    const names = [
      'krippendorffAlpha',
      'fleissKappa',
      'cohenKappa',
      'icc',
      'percentAgreement',
      'cochranSampleSize',
      'wilsonInterval',
      'allocateProportional',
      'allocateNeyman',
      'hmacSha256Hex',
      'keyedRank',
      'drawSample',
      'replaceSampled',
      'scoreEvaluation',
      'scorecardFingerprint',
      'checkTranscript',
      'itemFailureRates',
      'inspectorDeviations',
    ];
    const missing = names.filter((name) => typeof (quality as Record<string, unknown>)[name] !== 'function');
    expect(missing).toEqual([]);
  });
  describe('edge cases', () => {
    it('re-exports the same function objects as the modules', async () => {
      const { krippendorffAlpha } = await import('./agreement.ts');
      expect(quality.krippendorffAlpha).toBe(krippendorffAlpha);
    });
  });
});
