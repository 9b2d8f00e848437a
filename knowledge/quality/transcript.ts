// Transcript checks that pre-flag scorecard items: forbidden phrases the agent used and required statements the agent left out.

/** One timestamped utterance of a call transcript. */
export interface TranscriptSegment {
  startSeconds: number;
  endSeconds: number;
  speaker: 'agent' | 'customer';
  text: string;
}

/**
 * A phrase to look for, with its wordings. A wording may contain `{digits}`, which matches a run
 * of digits (0–9 after width folding, or Chinese numerals 零〇一二三四五六七八九幺两), e.g.
 * `工号{digits}`.
 */
export interface PhraseSpec {
  id: string;
  label: string;
  variants: string[];
}

/** A statement the agent must make, optionally within the first or last seconds of the call. */
export interface RequiredStatement extends PhraseSpec {
  /** Must start within this many seconds of the recording start (e.g. greeting 您好). */
  withinFirstSeconds?: number;
  /** Must end within this many seconds of the last segment's end (e.g. closing 感谢您的来电). */
  withinLastSeconds?: number;
}

/** Where a phrase was found. Offsets are UTF-16 indices into the segment's original text, end exclusive. */
export interface PhraseHit {
  phraseId: string;
  /** The wording that matched. */
  variant: string;
  segmentIndex: number;
  startOffset: number;
  endOffset: number;
  /** The matched passage as written in the transcript. */
  text: string;
  /** Estimated time of the passage, interpolated by character position within the segment. */
  startSeconds: number;
  endSeconds: number;
}

/** Outcome of a required statement. */
export interface RequiredResult {
  id: string;
  label: string;
  /** First qualifying hit, or `null` when the statement is missing. */
  hit: PhraseHit | null;
}

/** Everything `checkTranscript` found. */
export interface TranscriptCheck {
  /** Forbidden phrases the agent used, in transcript order. */
  forbidden: PhraseHit[];
  /** Each required statement with its first qualifying hit. */
  required: RequiredResult[];
  /** Ids of required statements that are missing. */
  missing: string[];
}

/** Text folded for matching, with the original span of every folded character. */
export interface NormalizedText {
  text: string;
  /** `starts[i]`/`ends[i]`: span in the original text of folded character i. */
  starts: number[];
  ends: number[];
}

const DROPPED = /[\p{P}\p{Z}\s]/u;

/**
 * What does this text look like for matching? Folds full-width to half-width and compatibility
 * forms (NFKC), lower-cases Latin letters, and drops spaces and punctuation, keeping for each
 * remaining character its span in the original.
 *
 * @example normalizeForMatching('您 好！ＡＢ').text // '您好ab'
 */
export function normalizeForMatching(original: string): NormalizedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const codePoint of original) {
    const folded = codePoint.normalize('NFKC').toLowerCase();
    for (const ch of folded) {
      if (DROPPED.test(ch)) continue;
      text += ch;
      for (let k = 0; k < ch.length; k++) {
        starts.push(offset);
        ends.push(offset + codePoint.length);
      }
    }
    offset += codePoint.length;
  }
  return { text, starts, ends };
}

const DIGIT_RUN = '[0-9零〇一二三四五六七八九幺两]+';

/** A global regular expression for one wording, folded the same way as the transcript. */
function wordingPattern(variant: string): RegExp | null {
  const parts = variant.split('{digits}').map((part) => normalizeForMatching(part).text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const source = parts.join(DIGIT_RUN);
  return source === '' ? null : new RegExp(source, 'gu');
}

/** A phrase with its wordings compiled once per check. */
interface CompiledPhrase {
  id: string;
  wordings: Array<{ variant: string; pattern: RegExp }>;
}

function compilePhrase(spec: PhraseSpec): CompiledPhrase {
  return {
    id: spec.id,
    wordings: spec.variants.flatMap((variant) => {
      const pattern = wordingPattern(variant);
      return pattern ? [{ variant, pattern }] : [];
    }),
  };
}

/** All hits of a phrase in one segment; overlapping hits of different wordings keep the earliest, then longest. */
function findInSegment(phrase: CompiledPhrase, segment: TranscriptSegment, segmentIndex: number, folded: NormalizedText): PhraseHit[] {
  const hits: PhraseHit[] = [];
  const length = segment.text.length;
  const timeAt = (offset: number): number =>
    length === 0 ? segment.startSeconds : segment.startSeconds + ((segment.endSeconds - segment.startSeconds) * offset) / length;
  for (const { variant, pattern } of phrase.wordings) {
    for (const match of folded.text.matchAll(pattern)) {
      const from = match.index!;
      const to = from + match[0].length;
      const startOffset = folded.starts[from];
      const endOffset = folded.ends[to - 1];
      hits.push({
        phraseId: phrase.id,
        variant,
        segmentIndex,
        startOffset,
        endOffset,
        text: segment.text.slice(startOffset, endOffset),
        startSeconds: timeAt(startOffset),
        endSeconds: timeAt(endOffset),
      });
    }
  }
  hits.sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset);
  const kept: PhraseHit[] = [];
  for (const hit of hits) if (!kept.some((k) => hit.startOffset < k.endOffset && k.startOffset < hit.endOffset)) kept.push(hit);
  return kept;
}

/**
 * What did the agent say that they must not, and what did they leave out? Looks only at agent
 * segments; matches after `normalizeForMatching` on both sides (so `您 好`, `您好！` and full-width
 * letters or digits all match). Forbidden hits come in transcript order; a required statement is
 * found by its first hit inside its time window.
 *
 * @example checkTranscript([{ startSeconds: 0, endSeconds: 3, speaker: 'agent', text: '您好，请讲' }], { forbidden: [], required: [{ id: 'greet', label: '问候', variants: ['您好'] }] }).missing // []
 */
export function checkTranscript(
  segments: TranscriptSegment[],
  { forbidden, required }: { forbidden: PhraseSpec[]; required: RequiredStatement[] },
): TranscriptCheck {
  const agent = segments
    .map((segment, index) => ({ segment, index }))
    .filter(({ segment }) => segment.speaker === 'agent')
    .map(({ segment, index }) => ({ segment, index, folded: normalizeForMatching(segment.text) }));
  const callEndSeconds = Math.max(0, ...segments.map((s) => s.endSeconds));
  const hitsOf = (spec: PhraseSpec): PhraseHit[] => {
    const phrase = compilePhrase(spec);
    return agent.flatMap(({ segment, index, folded }) => findInSegment(phrase, segment, index, folded));
  };

  const forbiddenHits = forbidden
    .flatMap(hitsOf)
    .sort((a, b) => a.segmentIndex - b.segmentIndex || a.startOffset - b.startOffset || a.phraseId.localeCompare(b.phraseId));
  const requiredResults = required.map((spec): RequiredResult => {
    const hit =
      hitsOf(spec)
        .sort((a, b) => a.segmentIndex - b.segmentIndex || a.startOffset - b.startOffset)
        .find(
          (h) =>
            (spec.withinFirstSeconds === undefined || h.startSeconds <= spec.withinFirstSeconds) &&
            (spec.withinLastSeconds === undefined || h.endSeconds >= callEndSeconds - spec.withinLastSeconds),
        ) ?? null;
    return { id: spec.id, label: spec.label, hit };
  });
  return {
    forbidden: forbiddenHits,
    required: requiredResults,
    missing: requiredResults.filter((r) => r.hit === null).map((r) => r.id),
  };
}
