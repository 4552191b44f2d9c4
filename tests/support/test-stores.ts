/**
 * Fresh stores for tests, on every back-end that can run here.
 *
 *   import { forEachBackend } from './test-stores.js';
 *
 *   forEachBackend('flag repository', (backend) => {
 *     it('saves', async () => {
 *       const store = await backend.store();      // fresh, empty, migrated; closed after the test
 *       const other = await backend.openAnother(); // a second Store on the SAME database
 *       const { url, options } = backend.database(); // for child processes: openStore(url, options)
 *     });
 *   });
 *
 * - SQLite always: a new temp file per test (removed afterwards).
 * - PostgreSQL at HIRE_TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test)
 *   when it answers: a new schema per test (`hire_test_<random>`, dropped afterwards).
 *   When it does not answer the PostgreSQL suite is skipped and its title says why, unless
 *   HIRE_REQUIRE_POSTGRES=1 (set by .ci/run): then it fails with the reason.
 * Everything is created lazily, so a test that never calls `store()` costs nothing.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, it } from 'vitest';
import { allMigrations } from '../../src/app/features.js';
import { createKitRepository } from '../../src/features/kits/storage/kit-repository.js';
import { createReminderRepository } from '../../src/features/reminders/storage/reminder-repository.js';
import { createFlagRepository } from '../../src/features/resume-flags/storage/flag-repository.js';
import {
  describeUrl,
  type OpenStoreOptions,
  openStore,
} from '../../src/kernel/database/open-store.js';
import type { Store, StoreDialect } from '../../src/kernel/database/store.js';

/** A store migrated for every feature, with the features' repositories at hand for tests. */
export type TestStore = Store & {
  flags: ReturnType<typeof createFlagRepository>;
  reminders: ReturnType<typeof createReminderRepository>;
  kits: ReturnType<typeof createKitRepository>;
};

export function withRepositories(store: Store): TestStore {
  return {
    ...store,
    flags: createFlagRepository(store),
    reminders: createReminderRepository(store),
    kits: createKitRepository(store),
  };
}

/** openStore with every feature's migrations, as the app opens it. */
export async function openTestStore(
  url: string,
  options: OpenStoreOptions = {},
): Promise<TestStore> {
  return withRepositories(await openStore(url, { ...options, migrations: allMigrations() }));
}

export const POSTGRES_TEST_URL =
  process.env.HIRE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const requirePostgres = process.env.HIRE_REQUIRE_POSTGRES === '1';

export type TestDatabase = { url: string; options: OpenStoreOptions };

export type BackendContext = {
  name: StoreDialect;
  /** The test's store: created on first call, same instance afterwards, closed after the test. */
  store(): Promise<TestStore>;
  /** Another Store on the test's database (a second instance); closed after the test. */
  openAnother(options?: Omit<OpenStoreOptions, 'schema'>): Promise<TestStore>;
  /** Where the test's database is, for child processes. Creates it if needed. */
  database(): TestDatabase;
};

async function probePostgres(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return `PostgreSQL at ${describeUrl(url)} does not answer (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Why PostgreSQL suites cannot run here, or undefined when they can. Probed once per file. */
export const postgresUnavailable: string | undefined = await probePostgres(POSTGRES_TEST_URL);

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_TEST_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}

function createContext(name: StoreDialect): BackendContext {
  let database: TestDatabase | undefined;
  let cleanup: (() => Promise<void>) | undefined;
  let main: Promise<TestStore> | undefined;
  const opened: Promise<TestStore>[] = [];

  const ensureDatabase = (): TestDatabase => {
    if (database) return database;
    if (name === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'hire-store-'));
      database = { url: `sqlite:${join(dir, 'test.db')}`, options: {} };
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    } else {
      const schema = `hire_test_${randomBytes(6).toString('hex')}`;
      database = { url: POSTGRES_TEST_URL, options: { schema, poolSize: 4 } };
      cleanup = () => dropSchema(schema);
    }
    return database;
  };

  const open = (extra: Omit<OpenStoreOptions, 'schema'> = {}) => {
    const { url, options } = ensureDatabase();
    const store = openTestStore(url, { ...options, ...extra });
    opened.push(store);
    return store;
  };

  afterEach(async () => {
    const stores = opened.splice(0);
    await Promise.all(stores.map((s) => s.then((x) => x.close()).catch(() => undefined)));
    await cleanup?.();
    database = undefined;
    cleanup = undefined;
    main = undefined;
  });

  return {
    name,
    store: () => {
      main ??= open();
      return main;
    },
    openAnother: (extra) => open(extra),
    database: ensureDatabase,
  };
}

/** Declares `suite` once per back-end, as `describe('<title> [sqlite]')` and `[postgres]`. */
export function forEachBackend(title: string, suite: (backend: BackendContext) => void): void {
  describe(`${title} [sqlite]`, () => suite(createContext('sqlite')));
  forPostgres(title, suite);
}

/** Declares `suite` on PostgreSQL alone, for what only several processes sharing it can show. */
export function forPostgres(title: string, suite: (backend: BackendContext) => void): void {
  if (postgresUnavailable && requirePostgres) {
    describe(`${title} [postgres]`, () => {
      it('needs PostgreSQL (HIRE_REQUIRE_POSTGRES=1)', () => {
        throw new Error(
          `${postgresUnavailable}; CI requires it, start PostgreSQL or unset HIRE_REQUIRE_POSTGRES`,
        );
      });
    });
    return;
  }
  // Skipped only when no server answers and CI does not demand one; the title carries the reason.
  describe.skipIf(Boolean(postgresUnavailable))(
    `${title} [postgres]${postgresUnavailable ? ` — skipped: ${postgresUnavailable}` : ''}`,
    () => suite(createContext('postgres')),
  );
}
