import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  Kysely,
  type QueryResult,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';
import { type AnyDb, type Opened, StoreError } from './store.js';

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

export function openSqlite(databaseUrl: string): Opened {
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
  const db: AnyDb = new Kysely<object>({ dialect: new SharedFileSqliteDialect({ database }) });
  return { db, dialect: 'sqlite' };
}
