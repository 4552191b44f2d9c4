import { z } from 'zod';
import { entryId, knowledgeEntry, text, textList } from './common.js';

export const hiringMistakeSchema = knowledgeEntry({
  id: entryId,
  name: text,
  /** What goes wrong and why. */
  problem: text,
  /** What to do instead. */
  instead: textList,
});

export const hiringMistakesSchema = z.strictObject({
  mistakes: z.array(hiringMistakeSchema).min(1),
});

export type HiringMistake = z.infer<typeof hiringMistakeSchema>;
export type HiringMistakes = z.infer<typeof hiringMistakesSchema>;
