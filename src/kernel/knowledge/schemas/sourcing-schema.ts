import { z } from 'zod';
import { entryId, knowledgeEntry, text, textList } from './common.js';

export const sourcingChannelSchema = knowledgeEntry({
  id: entryId,
  name: text,
  what: text,
  lookFor: textList,
});

/** A language's talent pool; the language name is its key (there is no separate id). */
export const languagePoolSchema = knowledgeEntry({
  language: text,
  aliases: z.array(text).default([]),
  industries: textList,
  companies: textList,
  communities: z.array(text).default([]),
  /** A caveat shown with the pool, e.g. when an alias also names other kinds of engineers. */
  note: text.optional(),
});

export const sourcingSchema = z.strictObject({
  channels: z.array(sourcingChannelSchema).min(1),
  languagePools: z.array(languagePoolSchema).min(1),
});

export type SourcingChannel = z.infer<typeof sourcingChannelSchema>;
export type Sourcing = z.infer<typeof sourcingSchema>;
export type LanguagePool = z.infer<typeof languagePoolSchema>;
