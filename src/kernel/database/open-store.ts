import { Kysely, type Migration, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import { openSqlite } from './sqlite-driver.js';
import { type AnyDb, type Opened, type Store, StoreError } from './store.js';

export { StoreError } from './store.js';

export type StoreLogger = Pick<Logger, 'info' | 'warn' | 'error'>;

export type OpenStoreOptions = {
  logger?: StoreLogger;
  /**
   * PostgreSQL only: the schema the app's tables live in (its `search_path`), created when
   * missing. Tests use a fresh one each; production normally leaves it unset (`public`).
   */
  schema?: string;
  /** PostgreSQL only: most connections this process holds (default 10). */
  poolSize?: number;
};

export type OpenStoreInput = OpenStoreOptions & {
  /** Every feature's migrations, by name (see Feature.migrations); run in name order. */
  migrations: Record<string, Migration>;
};

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const MIGRATION_ATTEMPTS = 5;

/**
 * Opens the database named by `databaseUrl`, runs pending migrations and returns the store.
 * - `sqlite:path/to/file.db` (relative to the working directory; the folder is created),
 *   `sqlite:///absolute/path.db`, `file:…`, or `sqlite::memory:` (tests);
 * - `postgres://user:pass@host:5432/db` or `postgresql://…`.
 */
export async function openStore(databaseUrl: string, options: OpenStoreInput): Promise<Store> {
  const { logger } = options;
  const opened = /^postgres(ql)?:\/\//i.test(databaseUrl)
    ? await openPostgres(databaseUrl, options)
    : openSqlite(databaseUrl);
  const { db, dialect, migrationSchema } = opened;
  try {
    await migrate(db, options.migrations, migrationSchema, logger);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw new StoreError(
      `cannot prepare the ${dialect} database ${describeUrl(databaseUrl)}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  logger?.info({ dialect, database: describeUrl(databaseUrl) }, 'store ready');

  let closing: Promise<void> | undefined;
  return {
    dialect,
    db,
    close: () => {
      closing ??= db.destroy();
      return closing;
    },
  };
}

async function openPostgres(databaseUrl: string, options: OpenStoreOptions): Promise<Opened> {
  const { schema, logger } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new StoreError(`schema "${schema}" must be a lower-case SQL identifier`);
  }
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 10_000,
    // Every connection of the pool resolves unqualified table names in the chosen schema.
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  pool.on('error', (error) => logger?.warn({ err: error }, 'PostgreSQL connection lost'));
  const db: AnyDb = new Kysely<object>({ dialect: new PostgresDialect({ pool }) });
  try {
    if (schema) await createSchema(db, schema);
    const current = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(
      db,
    );
    // Kysely looks for its migration tables across all schemas unless told which one; naming
    // it keeps stores in different schemas of one database apart.
    const migrationSchema = schema ?? current.rows[0]?.schema ?? 'public';
    return { db, dialect: 'postgres', migrationSchema };
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw new StoreError(
      `cannot reach PostgreSQL at ${describeUrl(databaseUrl)}: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

async function createSchema(db: AnyDb, schema: string): Promise<void> {
  try {
    await db.schema.createSchema(schema).ifNotExists().execute();
  } catch (error) {
    // Two instances creating it at once: PostgreSQL may report a duplicate even with
    // IF NOT EXISTS. Fine, as long as it exists now.
    const found = await sql<{ n: string }>`
      select count(*) as n from information_schema.schemata where schema_name = ${schema}`.execute(
      db,
    );
    if (Number(found.rows[0]?.n ?? 0) === 0) throw error;
  }
}

async function migrate(
  db: AnyDb,
  migrations: Record<string, Migration>,
  migrationSchema: string | undefined,
  logger: StoreLogger | undefined,
): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(migrationSchema ? { migrationTableSchema: migrationSchema } : {}),
  });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    for (const result of results ?? []) {
      if (result.status === 'Success')
        logger?.info({ migration: result.migrationName }, 'store migration applied');
    }
    if (!error) return;
    // Another instance migrating at the same moment (SQLite busy, a lost race creating
    // Kysely's own tables): try again, the second run finds the work done.
    if (attempt >= MIGRATION_ATTEMPTS) throw error;
    logger?.warn({ err: error, attempt }, 'store migration attempt failed, retrying');
    await new Promise((done) => setTimeout(done, 50 * attempt + Math.random() * 100));
  }
}

/** The database URL without its password, for logs and error messages. */
export function describeUrl(databaseUrl: string): string {
  if (!/^postgres(ql)?:\/\//i.test(databaseUrl)) return databaseUrl;
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}
