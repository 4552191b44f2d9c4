import { z } from 'zod';
import { entryId, text, textList } from './common.js';

export const expectationSchema = z.object({
  id: entryId,
  name: text,
  aliases: z.array(text).default([]),
  expects: textList,
  breaksTrust: textList,
});

export const expectationsSchema = z.object({ aspects: z.array(expectationSchema).min(1) });

export type Expectation = z.infer<typeof expectationSchema>;
export type Expectations = z.infer<typeof expectationsSchema>;
