import { z } from 'zod';
import { coreSkillSchema, coreSkillsSchema } from './core-skills-schema.js';
import { expectationSchema, expectationsSchema } from './expectations-schema.js';
import { glossarySchema, glossaryTermSchema } from './glossary-schema.js';
import { hiringMistakeSchema, hiringMistakesSchema } from './hiring-mistakes-schema.js';
import { interviewQuestionSchema, interviewQuestionsSchema } from './interview-questions-schema.js';
import { levelSchema, levelsSchema } from './levels-schema.js';
import { marketSchema } from './market-schema.js';
import { resumeFlagSchema, resumeFlagsSchema } from './resume-flags-schema.js';
import { hiringReasonSchema, roleComparisonSchema } from './role-comparison-schema.js';
import { languagePoolSchema, sourcingChannelSchema, sourcingSchema } from './sourcing-schema.js';

/** Which field of an entry is its key: an entry of a team file with a guide entry's key replaces it. */
export type EntryKey = 'id' | 'language';

/**
 * Each knowledge module: its YAML file (the same name under knowledge/ and in the team's
 * folder), its schema, and `lists`, the lists whose entries a team file may add or replace,
 * each with its key field. A module without lists (market) is one entry: a team file
 * replaces it whole. `local` is the schema of the team's file: only those lists, each
 * optional, with the very entry schemas of the guide's file.
 */
export const KNOWLEDGE_MODULES = {
  glossary: {
    file: 'glossary.yml',
    schema: glossarySchema,
    lists: { terms: 'id' },
    local: z.strictObject({ terms: z.array(glossaryTermSchema).optional() }),
  },
  questions: {
    file: 'interview-questions.yml',
    schema: interviewQuestionsSchema,
    // The areas are a fixed set (the schema's enum): a team file adds questions, not areas.
    lists: { questions: 'id' },
    local: z.strictObject({ questions: z.array(interviewQuestionSchema).optional() }),
  },
  levels: {
    file: 'levels.yml',
    schema: levelsSchema,
    // Level ids are the four of the enum, so a team file can only replace a level.
    lists: { levels: 'id' },
    local: z.strictObject({ levels: z.array(levelSchema).optional() }),
  },
  expectations: {
    file: 'developer-expectations.yml',
    schema: expectationsSchema,
    lists: { aspects: 'id' },
    local: z.strictObject({ aspects: z.array(expectationSchema).optional() }),
  },
  resumeFlags: {
    file: 'resume-flags.yml',
    schema: resumeFlagsSchema,
    lists: { flags: 'id' },
    local: z.strictObject({ flags: z.array(resumeFlagSchema).optional() }),
  },
  mistakes: {
    file: 'hiring-mistakes.yml',
    schema: hiringMistakesSchema,
    lists: { mistakes: 'id' },
    local: z.strictObject({ mistakes: z.array(hiringMistakeSchema).optional() }),
  },
  sourcing: {
    file: 'sourcing.yml',
    schema: sourcingSchema,
    lists: { channels: 'id', languagePools: 'language' },
    local: z.strictObject({
      channels: z.array(sourcingChannelSchema).optional(),
      languagePools: z.array(languagePoolSchema).optional(),
    }),
  },
  market: {
    file: 'market.yml',
    schema: marketSchema,
    lists: undefined,
    local: marketSchema,
  },
  comparison: {
    file: 'backend-vs-full-stack.yml',
    schema: roleComparisonSchema,
    // The role's definition stays the guide's; a team file adds or replaces reasons.
    lists: { backendWhen: 'id', fullStackWhen: 'id' },
    local: z.strictObject({
      backendWhen: z.array(hiringReasonSchema).optional(),
      fullStackWhen: z.array(hiringReasonSchema).optional(),
    }),
  },
  skills: {
    file: 'core-skills.yml',
    schema: coreSkillsSchema,
    lists: { skills: 'id' },
    local: z.strictObject({ skills: z.array(coreSkillSchema).optional() }),
  },
} as const satisfies Record<
  string,
  {
    file: string;
    schema: z.ZodType;
    lists: Readonly<Record<string, EntryKey>> | undefined;
    local: z.ZodType;
  }
>;

type Modules = typeof KNOWLEDGE_MODULES;
export type KnowledgeModuleKey = keyof Modules;
export const KNOWLEDGE_MODULE_KEYS = Object.keys(KNOWLEDGE_MODULES) as KnowledgeModuleKey[];

/** The whole validated knowledge base. */
export type Knowledge = { [K in KnowledgeModuleKey]: z.infer<Modules[K]['schema']> };

/** The team's entries, per module, shaped as the team's files hold them. */
export type TeamEntries = { [K in KnowledgeModuleKey]?: z.infer<Modules[K]['local']> };
