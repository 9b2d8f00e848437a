// Transcript pre-flagging: forbidden phrases used by the agent and required statements left out.
import { describe, it, expect } from 'vitest';
import { checkTranscript, normalizeForMatching, type PhraseSpec, type RequiredStatement, type TranscriptSegment } from './transcript.ts';

const forbidden: PhraseSpec[] = [
  { id: 'not-ours', label: '推诿', variants: ['不归我们管', '不是我们的事'] },
  { id: 'dont-know', label: '不知道', variants: ['我不知道', '不知道'] },
];
const required: RequiredStatement[] = [
  { id: 'greeting', label: '问候语', variants: ['您好'], withinFirstSeconds: 10 },
  { id: 'intro', label: '自报工号', variants: ['工号{digits}', '{digits}号为您服务'], withinFirstSeconds: 15 },
  { id: 'closing', label: '结束语', variants: ['感谢您的来电'], withinLastSeconds: 15 },
];

const call: TranscriptSegment[] = [
  { startSeconds: 0, endSeconds: 4, speaker: 'agent', text: '您 好！工号１２３４，请问有什么可以帮您？' },
  { startSeconds: 4, endSeconds: 12, speaker: 'customer', text: '充电桩坏了，你们不归我们管吗？' },
  { startSeconds: 12, endSeconds: 22, speaker: 'agent', text: '这个ＡＢ不 归我们管，我不知道。' },
  { startSeconds: 22, endSeconds: 30, speaker: 'agent', text: '感谢您的来电，再见。' },
];

describe('normalizeForMatching', () => {
  it('folds full-width letters and digits, lower-cases and drops spaces and punctuation', () => {
    expect(normalizeForMatching('您 好！ＡＢ１２，ok').text).toBe('您好ab12ok');
  });
  it('keeps the original span of every folded character', () => {
    const folded = normalizeForMatching('a，ｂ c');
    expect(folded.text).toBe('abc');
    expect(folded.starts).toEqual([0, 2, 4]);
    expect(folded.ends).toEqual([1, 3, 5]);
  });
  describe('edge cases', () => {
    it('handles empty text and characters outside the basic plane', () => {
      expect(normalizeForMatching('')).toEqual({ text: '', starts: [], ends: [] });
      const folded = normalizeForMatching('𠮷 野');
      expect(folded.text).toBe('𠮷野');
      expect(folded.starts).toEqual([0, 0, 3]);
      expect(folded.ends).toEqual([2, 2, 4]);
    });
  });
});

describe('checkTranscript', () => {
  const result = checkTranscript(call, { forbidden, required });

  it('finds forbidden phrases said by the agent, with offsets into the original text', () => {
    expect(result.forbidden.map((h) => [h.phraseId, h.segmentIndex, h.startOffset, h.endOffset, h.text])).toEqual([
      ['not-ours', 2, 4, 10, '不 归我们管'],
      ['dont-know', 2, 11, 15, '我不知道'],
    ]);
  });

  it('estimates the time of a hit from its position in the segment', () => {
    // segment 12–22 s over 16 characters: offset 4 → 12 + 10·4/16 = 14.5 s, offset 10 → 18.25 s
    expect(result.forbidden[0].startSeconds).toBeCloseTo(14.5, 9);
    expect(result.forbidden[0].endSeconds).toBeCloseTo(18.25, 9);
  });

  it('ignores what the customer says', () => {
    expect(result.forbidden.every((h) => h.segmentIndex !== 1)).toBe(true);
  });

  it('keeps only the longest of overlapping wordings of one phrase', () => {
    const dontKnow = result.forbidden.filter((h) => h.phraseId === 'dont-know');
    expect(dontKnow).toHaveLength(1);
    expect(dontKnow[0].variant).toBe('我不知道');
  });

  it('finds the greeting, the agent number in full-width digits and the closing', () => {
    expect(result.missing).toEqual([]);
    expect(result.required.map((r) => [r.id, r.hit?.text])).toEqual([
      ['greeting', '您 好'],
      ['intro', '工号１２３４'],
      ['closing', '感谢您的来电'],
    ]);
  });

  it('reports required statements that are missing or outside their time window', () => {
    const late: TranscriptSegment[] = [
      { startSeconds: 0, endSeconds: 20, speaker: 'agent', text: '请讲。' },
      { startSeconds: 20, endSeconds: 25, speaker: 'agent', text: '您好，我是七三号为您服务。' },
      { startSeconds: 25, endSeconds: 60, speaker: 'customer', text: '感谢您的来电' },
    ];
    const check = checkTranscript(late, { forbidden, required });
    expect(check.missing).toEqual(['greeting', 'intro', 'closing']);
    expect(check.required.every((r) => r.hit === null)).toBe(true);
  });

  it('accepts Chinese numerals for {digits}', () => {
    const check = checkTranscript([{ startSeconds: 0, endSeconds: 5, speaker: 'agent', text: '我是七三号为您服务' }], {
      forbidden: [],
      required: [required[1]],
    });
    expect(check.required[0].hit?.text).toBe('七三号为您服务');
  });

  it('lists every occurrence of a forbidden phrase', () => {
    const check = checkTranscript(
      [
        { startSeconds: 0, endSeconds: 2, speaker: 'agent', text: '不知道，不知道' },
        { startSeconds: 2, endSeconds: 4, speaker: 'agent', text: '不是我们的事' },
      ],
      { forbidden, required: [] },
    );
    expect(check.forbidden.map((h) => [h.phraseId, h.segmentIndex, h.startOffset])).toEqual([
      ['dont-know', 0, 0],
      ['dont-know', 0, 4],
      ['not-ours', 1, 0],
    ]);
  });

  describe('edge cases', () => {
    it('reports every required statement missing for an empty transcript', () => {
      const check = checkTranscript([], { forbidden, required });
      expect(check.forbidden).toEqual([]);
      expect(check.missing).toEqual(['greeting', 'intro', 'closing']);
    });
    it('ignores empty wordings and wordings made only of punctuation', () => {
      const check = checkTranscript(call, { forbidden: [{ id: 'x', label: 'x', variants: ['', '！'] }], required: [] });
      expect(check.forbidden).toEqual([]);
    });
    it('treats regular-expression characters in wordings literally', () => {
      const check = checkTranscript([{ startSeconds: 0, endSeconds: 1, speaker: 'agent', text: '费用是a+b元' }], {
        forbidden: [{ id: 'p', label: 'p', variants: ['a+b'] }],
        required: [],
      });
      expect(check.forbidden.map((h) => h.text)).toEqual(['a+b']);
    });
    it('puts a hit in an empty-duration segment at the segment start', () => {
      const check = checkTranscript([{ startSeconds: 7, endSeconds: 7, speaker: 'agent', text: '不知道' }], { forbidden, required: [] });
      expect(check.forbidden[0].startSeconds).toBe(7);
      expect(check.forbidden[0].endSeconds).toBe(7);
    });
  });
});
