// Pre-flagged scorecard items from transcript checks.
import { describe, it, expect } from 'vitest';
import { preFlags } from './preflag.ts';
import { checkTranscript, type TranscriptSegment } from './transcript.ts';
import type { Scorecard } from './scorecard.ts';

const card: Scorecard = {
  id: 'c',
  name: 'c',
  sections: [
    {
      id: 's',
      label: 'S',
      weight: 1,
      items: [
        { id: 'greet', label: '开头语', points: 5, answer: { kind: 'yesNo' }, phraseIds: ['greeting'] },
        { id: 'taboo', label: '忌语', points: 10, answer: { kind: 'yesNo' }, flag: 'failAll', phraseIds: ['shirk'] },
        { id: 'close', label: '结束语', points: 4, answer: { kind: 'points' }, phraseIds: ['closing'] },
        { id: 'other', label: '其他', points: 5, answer: { kind: 'yesNo' } },
      ],
    },
  ],
};
const phrases = {
  forbidden: [{ id: 'shirk', label: '推诿', variants: ['不归我们管'] }],
  required: [
    { id: 'greeting', label: '您好', variants: ['您好'], withinFirstSeconds: 5 },
    { id: 'closing', label: '感谢来电', variants: ['感谢您的来电'], withinLastSeconds: 5 },
  ],
};
const segments: TranscriptSegment[] = [
  { startSeconds: 0, endSeconds: 3, speaker: 'agent', text: '您好，请讲。' },
  { startSeconds: 3, endSeconds: 6, speaker: 'customer', text: '路灯坏了。' },
  { startSeconds: 6, endSeconds: 9, speaker: 'agent', text: '这不归我们管。' },
];

describe('preFlags', () => {
  it('suggests "no" for a forbidden phrase said, 0 points for a missing closing, "yes" for a found greeting', () => {
    const flags = preFlags(card, checkTranscript(segments, phrases));
    expect(flags.map((f) => [f.itemId, f.suggested, f.reason, f.phraseIds])).toEqual([
      ['greet', 'yes', 'found', ['greeting']],
      ['taboo', 'no', 'forbidden', ['shirk']],
      ['close', 0, 'missing', ['closing']],
    ]);
    expect(flags[1].hits[0].text).toBe('不归我们管');
  });
  describe('edge cases', () => {
    it('flags nothing for an empty transcript except missing statements', () => {
      expect(preFlags(card, checkTranscript([], phrases)).map((f) => f.reason)).toEqual(['missing', 'missing']);
    });
  });
});
