import { z } from 'zod';
import { knowledgeEntry, levelId, text, textList } from './common.js';

export const levelSchema = knowledgeEntry({
  id: levelId,
  name: text,
  /** Years of experience; `max` absent means open-ended ("5+ years"). */
  years: z.strictObject({
    min: z.number().int().min(0),
    max: z.number().int().positive().optional(),
  }),
  /** The theme of the level in a few words ("Independence & ownership"). */
  theme: text,
  /** Short signals an interviewer can listen for. */
  signals: textList,
  capabilities: textList,
  /** What the level is still learning or growing toward. */
  growing: z.array(text).default([]),
  /** What the level shows beyond its capabilities (the guide lists this for senior). */
  demonstrates: z.array(text).default([]),
  /** What sets this level apart from the one below it. */
  setsApart: z.array(text).default([]),
});

export const levelsSchema = z.strictObject({ levels: z.array(levelSchema).length(4) });

export type Level = z.infer<typeof levelSchema>;
export type Levels = z.infer<typeof levelsSchema>;
