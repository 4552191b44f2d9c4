import { z } from 'zod';
import { entryId, knowledgeEntry, text, textList } from './common.js';

export const expectationSchema = knowledgeEntry({
  id: entryId,
  name: text,
  aliases: z.array(text).default([]),
  expects: textList,
  breaksTrust: textList,
});

export const expectationsSchema = z.strictObject({ aspects: z.array(expectationSchema).min(1) });

export type Expectation = z.infer<typeof expectationSchema>;
export type Expectations = z.infer<typeof expectationsSchema>;
