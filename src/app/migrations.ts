import type { Migration } from 'kysely';
import * as reminders from '../features/reminders/storage/migrations/002-reminders.js';
import * as resumeFlags from '../features/resume-flags/storage/migrations/001-resume-flags.js';

/**
 * Every migration, in the order it runs. Names are recorded in the database, so never
 * rename or reorder one that has shipped; add a new file `NNN-what.ts` and a line here.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '001-resume-flags': resumeFlags,
  '002-reminders': reminders,
};
