import type { Kysely } from 'kysely';
import type { Database } from './database-schema.js';
import { createFlagRepository } from './flag-repository.js';
import { createReminderRepository } from './reminder-repository.js';

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
