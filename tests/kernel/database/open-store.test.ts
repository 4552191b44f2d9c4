import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { allMigrations } from '../../../src/app/features.js';
import type { FlagTables } from '../../../src/features/resume-flags/storage/flag-tables.js';
import { describeUrl, openStore } from '../../../src/kernel/database/open-store.js';
import { forEachBackend, openTestStore } from '../../support/test-stores.js';

/** What the flags' reviewer (U1 here, UREVIEWER in the crash child) sees of a channel. */
const reviewer = (channelId: string) => ({
  teamId: 'T1',
  channelId,
  viewerId: channelId === 'CCRASH' ? 'UREVIEWER' : 'U1',
  limit: 100,
});

const flag = (overrides: Record<string, unknown> = {}) => ({
  teamId: 'T1',
  channelId: 'C1',
  messageTs: '1712345678.000100',
  flaggedBy: 'U1',
  concerns: ['no-testing'],
  deliveredTo: 'thread' as const,
  createdAt: new Date('2026-03-01T09:00:00Z'),
  ...overrides,
});

const row = (id: string) => ({
  id,
  team_id: 'T1',
  channel_id: `C${id}`,
  message_ts: '1.000001',
  permalink: null,
  flagged_by: 'U1',
  concerns: '[]',
  note: null,
  delivered_to: 'thread',
  created_at: '2026-03-01T09:00:00.000Z',
});

const childScript = fileURLToPath(
  new URL('./fixtures/save-flags-until-killed.ts', import.meta.url),
);

forEachBackend('openStore', (backend) => {
  it('runs every migration once, and opening again changes nothing', async () => {
    const first = await backend.store();
    await first.flags.save(flag());
    const second = await backend.openAnother();
    const applied = await sql<{
      name: string;
    }>`select name from kysely_migration order by name`.execute(second.db);
    expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(allMigrations()).sort());
    expect(await second.flags.listVisible(reviewer('C1'))).toHaveLength(1);
  });

  it('lets several instances start on one empty database at the same moment', async () => {
    const [first, ...others] = await Promise.all([1, 2, 3, 4].map(() => backend.openAnother()));
    if (!first) throw new Error('no store opened');
    const stores = [first, ...others];
    await Promise.all(stores.map((s, i) => s.flags.save(flag({ messageTs: `1.00000${i}` }))));
    const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(
      first.db,
    );
    expect(applied.rows).toHaveLength(Object.keys(allMigrations()).length);
    expect(await first.flags.listVisible(reviewer('C1'))).toHaveLength(4);
  });

  it('finds committed flags again after a restart', async () => {
    const store = await backend.openAnother();
    const saved = await store.flags.save(flag({ note: 'asks about on-call' }));
    await store.close();
    const reopened = await backend.openAnother();
    expect(await reopened.flags.listVisible(reviewer('C1'))).toEqual([saved]);
  });

  it('loses no committed flag when the process is killed with SIGKILL', async () => {
    const database = backend.database();
    await (await backend.store()).close(); // migrate first so the child starts writing at once
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', childScript, JSON.stringify(database)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const committed: string[] = [];
    const exited = new Promise<NodeJS.Signals | null>((done) =>
      child.on('exit', (_code, signal) => done(signal)),
    );
    for await (const line of createInterface({ input: child.stdout })) {
      committed.push(line.replace('committed ', ''));
      // Kill while it is still writing: the next insert is in flight or about to be.
      if (committed.length === 25) child.kill('SIGKILL');
    }
    expect(await exited).toBe('SIGKILL');
    const reopened = await backend.openAnother();
    const stored = (await reopened.flags.listVisible(reviewer('CCRASH'))).map((f) => f.id);
    expect(committed.length).toBeGreaterThanOrEqual(25);
    for (const id of committed) expect(stored).toContain(id);
  });
});

describe('openStore on SQLite', () => {
  it('creates the folder of a new database file on first start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hire-store-'));
    try {
      const file = join(dir, 'nested', 'deeper', 'bot.db');
      const store = await openTestStore(`sqlite:${file}`);
      await store.close();
      expect(existsSync(file)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uses WAL with synchronous FULL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hire-store-'));
    try {
      const store = await openTestStore(`sqlite:${join(dir, 'bot.db')}`);
      const pragma = async (name: string) =>
        Object.values((await sql.raw(`pragma ${name}`).execute(store.db)).rows[0] as object)[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe(2); // 2 = FULL
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lets a second store write while the first holds a transaction open across awaits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hire-store-'));
    const url = `sqlite:${join(dir, 'bot.db')}`;
    const [a, b] = [await openTestStore(url), await openTestStore(url)];
    try {
      const order: string[] = [];
      const slow = a.db
        .withTables<FlagTables>()
        .transaction()
        .execute(async (trx) => {
          await trx.insertInto('resume_flags').values(row('A')).execute();
          await new Promise((done) => setTimeout(done, 150));
          order.push('A committed');
        });
      await new Promise((done) => setTimeout(done, 20));
      // B waits for A's write lock without blocking the event loop A needs to finish.
      await b.flags.save(flag({ channelId: 'CB' }));
      order.push('B committed');
      await slow;
      expect(order).toEqual(['A committed', 'B committed']);
      expect(await b.flags.listVisible(reviewer('CA'))).toHaveLength(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('works in memory for quick tests, and close() may be called twice', async () => {
    const store = await openTestStore('sqlite::memory:');
    await store.flags.save(flag());
    expect(await store.flags.listVisible(reviewer('C1'))).toHaveLength(1);
    await store.close();
    await expect(store.close()).resolves.toBeUndefined();
  });
});

describe('describeUrl', () => {
  it('hides a PostgreSQL password and keeps the rest', () => {
    expect(describeUrl('postgres://bot:s3cret@db.internal:5432/hire')).toBe(
      'postgres://bot:***@db.internal:5432/hire',
    );
    expect(describeUrl('sqlite:data/hire-bot.db')).toBe('sqlite:data/hire-bot.db');
  });

  it('is used in the error when PostgreSQL does not answer', async () => {
    await expect(
      openStore('postgres://bot:s3cret@127.0.0.1:1/nowhere', { migrations: allMigrations() }),
    ).rejects.toThrow(/cannot reach PostgreSQL at postgres:\/\/bot:\*\*\*@127\.0\.0\.1:1\/nowhere/);
  });
});
