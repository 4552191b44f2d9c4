import type { HireRequestKind } from './hire-request.js';

/** Subcommands a user can type, and the spellings each accepts (lower case, spaces allowed). */
export const SUBCOMMAND_ALIASES = {
  glossary: [
    'glossary',
    'glossaries',
    'define',
    'definition',
    'what is',
    'what are',
    "what's",
    'whats',
    'term',
    'terms',
  ],
  questions: ['questions', 'question', 'q', 'qs', 'interview', 'interview questions'],
  levels: ['levels', 'level'],
  expectations: ['expectations', 'expectation', 'expect'],
  flags: ['flags', 'flag', 'resume flags'],
  mistakes: ['mistakes', 'mistake', 'hiring mistakes'],
  sources: ['sources', 'source', 'sourcing', 'where'],
  market: ['market', 'salary', 'salaries'],
  compare: ['compare', 'comparison', 'fullstack', 'full-stack', 'backend vs full-stack'],
  skills: ['skills', 'skill', 'core skills'],
  search: ['search', 'find'],
  remind: ['remind', 'reminder', 'reminders'],
  help: ['help', '?', 'usage'],
} as const satisfies Partial<Record<HireRequestKind, readonly string[]>>;

export type Subcommand = keyof typeof SUBCOMMAND_ALIASES;
export const SUBCOMMANDS = Object.keys(SUBCOMMAND_ALIASES) as Subcommand[];
