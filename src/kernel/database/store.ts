import type { Kysely } from 'kysely';

export type StoreDialect = 'sqlite' | 'postgres';

/**
 * The database as the kernel knows it: tables belong to features, so the kernel's handle names
 * none; each feature's repository sees its own tables through `db.withTables<…>()`.
 */
export type AnyDb = Kysely<object>;

/**
 * The app's persistent state behind one query layer (Kysely) on SQLite or PostgreSQL, migrated
 * with every feature's migrations. Features read and write it through their repositories.
 */
export type Store = {
  dialect: StoreDialect;
  db: AnyDb;
  /** Closes every connection; waits for queries in flight. Safe to call twice. */
  close(): Promise<void>;
};

/** A store that cannot be opened; the message says which database and why. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/** A freshly opened connection, before migrations. */
export type Opened = { db: AnyDb; dialect: StoreDialect; migrationSchema?: string };
