import type { Kysely } from 'kysely';
import type { Database } from '../../app/database-schema.js';
import type { Repositories, StoreDialect } from '../../app/repositories.js';

export type { StoreDialect } from '../../app/repositories.js';

/**
 * The app's persistent state behind one query layer (Kysely) on SQLite or PostgreSQL.
 * Repositories (`flags`, …) come from `createRepositories`; `db` is there for repositories
 * and tests, features should use the repositories.
 */
export type Store = Repositories & {
  dialect: StoreDialect;
  db: Kysely<Database>;
  /** Closes every connection; waits for queries in flight. Safe to call twice. */
  close(): Promise<void>;
};
