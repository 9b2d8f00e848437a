// Suggested answers from a transcript check: items linked to a forbidden phrase that was said, or to a required statement that is missing, are pre-flagged.
import type { Answer, Scorecard } from './scorecard.ts';
import type { PhraseHit, TranscriptCheck } from './transcript.ts';

/** Why an item is pre-flagged, with the passages that show it. */
export interface PreFlag {
  itemId: string;
  /** The answer the check suggests; the inspector confirms or overrides it. */
  suggested: Answer;
  reason: 'forbidden' | 'missing' | 'found';
  /** Phrase ids behind the suggestion. */
  phraseIds: string[];
  hits: PhraseHit[];
}

/**
 * Which items does this transcript check pre-flag? A yes/no item linked (`phraseIds`) to a
 * forbidden phrase that was said is suggested "no"; one linked to a missing required statement
 * is suggested "no"; one whose linked required statements were all found is suggested "yes".
 * Items of other answer kinds are flagged with the same reasons but suggest 0 points / the
 * scale minimum for a problem, full marks when found.
 *
 * @example preFlags(card, check).find((f) => f.itemId === 'no-taboo')?.suggested // 'no'
 */
export function preFlags(scorecard: Scorecard, check: TranscriptCheck): PreFlag[] {
  const flags: PreFlag[] = [];
  for (const section of scorecard.sections) {
    for (const item of section.items) {
      const linked = item.phraseIds ?? [];
      if (linked.length === 0) continue;
      const low: Answer = item.answer.kind === 'yesNo' ? 'no' : item.answer.kind === 'scale' ? item.answer.min : 0;
      const high: Answer = item.answer.kind === 'yesNo' ? 'yes' : item.answer.kind === 'scale' ? item.answer.max : item.points;
      const said = check.forbidden.filter((h) => linked.includes(h.phraseId));
      if (said.length) {
        flags.push({ itemId: item.id, suggested: low, reason: 'forbidden', phraseIds: [...new Set(said.map((h) => h.phraseId))], hits: said });
        continue;
      }
      const required = check.required.filter((r) => linked.includes(r.id));
      const missing = required.filter((r) => r.hit === null);
      if (missing.length) flags.push({ itemId: item.id, suggested: low, reason: 'missing', phraseIds: missing.map((r) => r.id), hits: [] });
      else if (required.length) flags.push({ itemId: item.id, suggested: high, reason: 'found', phraseIds: required.map((r) => r.id), hits: required.map((r) => r.hit!) });
    }
  }
  return flags;
}
