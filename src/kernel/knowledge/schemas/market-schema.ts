import { z } from 'zod';
import { entrySource, knowledgeEntry, text } from './common.js';

/** A remark shown under the figures; each says whose reading it is. */
export const marketNoteSchema = knowledgeEntry({ text });

const range = z.strictObject({ min: z.number().positive(), max: z.number().positive() });

/**
 * The market snapshot is one entry: `source` covers its figures, each note has its own. A team
 * file replaces it as a whole (a team hiring elsewhere states its own region and figures).
 */
export const marketSchema = z.strictObject({
  source: entrySource,
  region: text,
  seniorSalaryUsd: range,
  difficulty: z.enum(['easy', 'moderate', 'hard', 'very-hard']),
  timeToHireWeeks: range,
  notes: z.array(marketNoteSchema).default([]),
});

export type MarketNote = z.infer<typeof marketNoteSchema>;
export type Market = z.infer<typeof marketSchema>;
