import { z } from 'zod';
import { entryId, text, textList } from './common.js';

export const sourcingSchema = z.object({
  channels: z.array(z.object({ id: entryId, name: text, what: text, lookFor: textList })).min(1),
  languagePools: z
    .array(
      z.object({
        language: text,
        aliases: z.array(text).default([]),
        industries: textList,
        companies: textList,
        communities: z.array(text).default([]),
      }),
    )
    .min(1),
});

export type Sourcing = z.infer<typeof sourcingSchema>;
export type LanguagePool = Sourcing['languagePools'][number];
