import { z } from 'zod';
import { glossaryTermSchema } from '../../kernel/knowledge/schemas/glossary-schema.js';
import { interviewQuestionSchema } from '../../kernel/knowledge/schemas/interview-questions-schema.js';

/** The modules the team may add to from Slack. */
export const TEAM_ENTRY_MODULES = ['glossary', 'questions'] as const;
export const teamEntryModule = z.enum(TEAM_ENTRY_MODULES);
export type TeamEntryModule = z.infer<typeof teamEntryModule>;

/** `pending` waits for an admin (HIRE_ADMINS); `live` is answered from; the rest are kept. */
export const ENTRY_STATUSES = ['pending', 'live', 'rejected', 'removed'] as const;
export const entryStatus = z.enum(ENTRY_STATUSES);
export type EntryStatus = z.infer<typeof entryStatus>;

/** An entry with its module: the kernel's schema of that module validates it. */
export const moduleEntrySchema = z.discriminatedUnion('module', [
  z.object({ module: z.literal('glossary'), entry: glossaryTermSchema }),
  z.object({ module: z.literal('questions'), entry: interviewQuestionSchema }),
]);
export type ModuleEntry = z.infer<typeof moduleEntrySchema>;

export type TeamEntryRecord = ModuleEntry & {
  teamId: string;
  status: EntryStatus;
  addedBy: string;
  addedAt: Date;
  updatedBy: string;
  updatedAt: Date;
  reviewedBy?: string;
  reviewedAt?: Date;
};

/** What names an entry in buttons and modals: `glossary:quokkabase`. */
export const entryRefSchema = z
  .string()
  .max(140)
  .transform((value) => value.split(':'))
  .pipe(z.tuple([teamEntryModule, z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)]))
  .transform(([module, id]) => ({ module, id }));
export type EntryRef = z.infer<typeof entryRefSchema>;

export const entryRefValue = (ref: EntryRef): string => `${ref.module}:${ref.id}`;

/** A short title for messages: the term's name or the question's prompt. */
export const entryTitle = (e: ModuleEntry): string =>
  e.module === 'glossary' ? e.entry.name : e.entry.prompt;
