import { z } from 'zod';
import { entryId } from '../../kernel/knowledge/schemas/common.js';

/** The four-point scale for each question and for the overall recommendation. No middle. */
export const RATINGS = ['strong-no', 'no', 'yes', 'strong-yes'] as const;
export const rating = z.enum(RATINGS);
export type Rating = z.infer<typeof rating>;

export const RATING_LABELS: Record<Rating, string> = {
  'strong-no': 'Strong no',
  no: 'No',
  yes: 'Yes',
  'strong-yes': 'Strong yes',
};

/** Longest note an interviewer may add (the input's max_length says the same). */
export const MAX_SCORECARD_NOTE = 2000;

const indexes = z.array(z.number().int().min(0).max(19)).max(20);

/**
 * What an interviewer recorded, keyed by the kit's question ids: a rating for each question
 * they asked (a question left unrated was not asked), the look-for points they saw, the red
 * flags they saw (both as positions in the kit's lists), a recommendation and a note.
 */
export const scorecardContentSchema = z.object({
  ratings: z.record(entryId, rating),
  tickedPoints: z.record(entryId, indexes),
  redFlags: z.record(entryId, indexes),
  recommendation: rating,
  note: z
    .string()
    .trim()
    .max(MAX_SCORECARD_NOTE)
    .transform((note) => (note === '' ? undefined : note))
    .optional(),
});

export type ScorecardContent = z.infer<typeof scorecardContentSchema>;
