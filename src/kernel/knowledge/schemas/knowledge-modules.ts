import type { z } from 'zod';
import { coreSkillsSchema } from './core-skills-schema.js';
import { expectationsSchema } from './expectations-schema.js';
import { glossarySchema } from './glossary-schema.js';
import { hiringMistakesSchema } from './hiring-mistakes-schema.js';
import { interviewQuestionsSchema } from './interview-questions-schema.js';
import { levelsSchema } from './levels-schema.js';
import { marketSchema } from './market-schema.js';
import { resumeFlagsSchema } from './resume-flags-schema.js';
import { roleComparisonSchema } from './role-comparison-schema.js';
import { sourcingSchema } from './sourcing-schema.js';

/** Each knowledge module: its key, its YAML file under knowledge/, and its schema. */
export const KNOWLEDGE_MODULES = {
  glossary: { file: 'glossary.yml', schema: glossarySchema },
  questions: { file: 'interview-questions.yml', schema: interviewQuestionsSchema },
  levels: { file: 'levels.yml', schema: levelsSchema },
  expectations: { file: 'developer-expectations.yml', schema: expectationsSchema },
  resumeFlags: { file: 'resume-flags.yml', schema: resumeFlagsSchema },
  mistakes: { file: 'hiring-mistakes.yml', schema: hiringMistakesSchema },
  sourcing: { file: 'sourcing.yml', schema: sourcingSchema },
  market: { file: 'market.yml', schema: marketSchema },
  comparison: { file: 'backend-vs-full-stack.yml', schema: roleComparisonSchema },
  skills: { file: 'core-skills.yml', schema: coreSkillsSchema },
} as const;

type Modules = typeof KNOWLEDGE_MODULES;
export type KnowledgeModuleKey = keyof Modules;

/** The whole validated knowledge base. */
export type Knowledge = { [K in KnowledgeModuleKey]: z.infer<Modules[K]['schema']> };
