import { z } from 'zod';
import { type EntryRef, entryRefSchema, entryRefValue } from './team-entry.js';

/** What an entry modal does on submit: add a new entry, or save an existing one. */
export type EntryIntent = { kind: 'add' } | { kind: 'edit'; ref: EntryRef };

/** `private_metadata` of the entry modals: `add`, or `edit:glossary:<id>`. */
export const entryIntentSchema = z.union([
  z.literal('add').transform((): EntryIntent => ({ kind: 'add' })),
  z
    .string()
    .regex(/^edit:/)
    .transform((value) => value.slice('edit:'.length))
    .pipe(entryRefSchema)
    .transform((ref): EntryIntent => ({ kind: 'edit', ref })),
]);

export const entryIntentValue = (intent: EntryIntent): string =>
  intent.kind === 'add' ? 'add' : `edit:${entryRefValue(intent.ref)}`;
