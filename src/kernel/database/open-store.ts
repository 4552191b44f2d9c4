import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  Kysely,
  Migrator,
  PostgresDialect,
  type QueryResult,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  sql,
} from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Database } from '../../app/database-schema.js';
import { MIGRATIONS } from '../../app/migrations.js';
import { createRepositories, type StoreDialect } from '../../app/repositories.js';
import type { Store } from './store.js';

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

/** A store that cannot be opened; the message says which database and why. */
export class StoreError extends Error {
  override name = 'StoreError';
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const MIGRATION_ATTEMPTS = 5;

/**
 * Opens the database named by `databaseUrl`, runs pending migrations and returns the store.
 * - `sqlite:path/to/file.db` (relative to the working directory; the folder is created),
 *   `sqlite:///absolute/path.db`, `file:…`, or `sqlite::memory:` (tests);
 * - `postgres://user:pass@host:5432/db` or `postgresql://…`.
 */
export async function openStore(
  databaseUrl: string,
  options: OpenStoreOptions = {},
): Promise<Store> {
  const { logger } = options;
  const opened = /^postgres(ql)?:\/\//i.test(databaseUrl)
    ? await openPostgres(databaseUrl, options)
    : openSqlite(databaseUrl);
  const { db, dialect, migrationSchema } = opened;
  try {
    await migrate(db, migrationSchema, logger);
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
    ...createRepositories(db, dialect),
    close: () => {
      closing ??= db.destroy();
      return closing;
    },
  };
}

type Opened = { db: Kysely<Database>; dialect: StoreDialect; migrationSchema?: string };

/** How long a statement waits for another connection's write lock before failing. */
const SQLITE_BUSY_WAIT_MS = 5000;

/**
 * SQLite's own busy_timeout waits by blocking the thread. When two stores in one process
 * share a file (tests, the sandbox) that is a deadlock: the connection holding the lock can
 * only finish on the blocked event loop. So the pragma stays 0 and waiting happens here,
 * asynchronously. Retrying is safe: a statement that failed with SQLITE_BUSY changed nothing.
 */
class PatientConnection implements DatabaseConnection {
  constructor(private readonly inner: DatabaseConnection) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const deadline = Date.now() + SQLITE_BUSY_WAIT_MS;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.inner.executeQuery<R>(query);
      } catch (error) {
        const busy = /^SQLITE_BUSY/.test(String((error as { code?: unknown }).code));
        if (!busy || Date.now() >= deadline) throw error;
        await new Promise((done) =>
          setTimeout(done, Math.min(2 ** attempt, 50) + Math.random() * 5),
        );
      }
    }
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

/**
 * Kysely's SQLite driver, changed for several processes sharing one file:
 * - statements wait for a busy database asynchronously (PatientConnection);
 * - transactions start with BEGIN IMMEDIATE, which takes the write lock up front, so a
 *   transaction never fails half-way when it tries to upgrade from reading to writing.
 */
class SharedFileSqliteDriver extends SqliteDriver {
  override async acquireConnection(): Promise<DatabaseConnection> {
    return new PatientConnection(await super.acquireConnection());
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/**
 * Also reports transactional DDL, which SQLite has and Kysely assumes it lacks: each
 * migration then applies whole or not at all, and a second process starting at the same
 * moment waits for the first one's transaction and then finds the work done.
 */
class SharedFileSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new SharedFileSqliteDriver(this.#config);
  }
  override createAdapter(): DialectAdapter {
    return new (class extends SqliteAdapter {
      override get supportsTransactionalDdl(): boolean {
        return true;
      }
    })();
  }
}

function sqlitePath(databaseUrl: string): string {
  const rest = databaseUrl.replace(/^(sqlite|file):/i, '');
  if (rest === ':memory:' || rest === '') return ':memory:';
  // `sqlite:///abs/path` keeps its leading slash; `sqlite://rel` is read as relative.
  return rest.startsWith('//') ? rest.slice(2) : rest;
}

function openSqlite(databaseUrl: string): Opened {
  const path = sqlitePath(databaseUrl);
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  let database: BetterSqlite3.Database;
  try {
    database = new BetterSqlite3(path);
  } catch (error) {
    throw new StoreError(`cannot open SQLite database ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  // Waiting for another writer happens asynchronously in PatientConnection, not in SQLite.
  database.pragma('busy_timeout = 0');
  // WAL: readers never block the writer, and another instance may share the file.
  database.pragma('journal_mode = WAL');
  // FULL syncs the WAL at every commit. NORMAL would already survive a killed process (the
  // WAL is in the OS cache), but could drop the last commits on power loss or an OS crash.
  // Writes here are human-paced flags and once-a-minute reminder claims, so durability wins
  // over the fsync per commit.
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SharedFileSqliteDialect({ database }) });
  return { db, dialect: 'sqlite' };
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
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
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

async function createSchema(db: Kysely<Database>, schema: string): Promise<void> {
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
  db: Kysely<Database>,
  migrationSchema: string | undefined,
  logger: StoreLogger | undefined,
): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
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
