import type { Kysely } from 'kysely';
import { createReminderRepository } from '../features/reminders/storage/reminder-repository.js';
import { createFlagRepository } from '../features/resume-flags/storage/flag-repository.js';
import type { Database } from './database-schema.js';

export type StoreDialect = 'sqlite' | 'postgres';

/**
 * Every repository the store offers. To add one: write `src/store/<name>-repository.ts`
 * exporting `create<Name>Repository(db, dialect)` and add one line here; `Store` picks it up.
 */
export function createRepositories(db: Kysely<Database>, _dialect: StoreDialect) {
  return {
    flags: createFlagRepository(db),
    reminders: createReminderRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
