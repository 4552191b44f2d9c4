import { z } from 'zod';
import { entryId, knowledgeEntry, text, textList } from './common.js';

export const coreSkillSchema = knowledgeEntry({
  id: entryId,
  name: text,
  aliases: z.array(text).default([]),
  /** What to evaluate, as checkable statements. */
  evaluate: textList,
  /** Glossary ids this skill area relies on. */
  terms: z.array(entryId).default([]),
});

export const coreSkillsSchema = z.strictObject({ skills: z.array(coreSkillSchema).min(1) });

export type CoreSkill = z.infer<typeof coreSkillSchema>;
export type CoreSkills = z.infer<typeof coreSkillsSchema>;
