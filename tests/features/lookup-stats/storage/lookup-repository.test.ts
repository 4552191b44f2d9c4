import { expect, it } from 'vitest';
import type { LookupRecord } from '../../../../src/features/lookup-stats/lookup-record.js';
import { createLookupRepository } from '../../../../src/features/lookup-stats/storage/lookup-repository.js';
import { forEachBackend } from '../../../support/test-stores.js';

const NOW = new Date('2026-03-02T09:30:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 60 * 60 * 1000);

function rec(overrides: Partial<LookupRecord> = {}): LookupRecord {
  return {
    teamId: 'T1',
    subcommand: 'glossary',
    module: 'glossary',
    query: 'kafka',
    entry: 'message-queue',
    hit: true,
    lookedUpAt: daysAgo(1),
    ...overrides,
  };
}

const miss = (query: string, overrides: Partial<LookupRecord> = {}) =>
  rec({ query, hit: false, entry: undefined, ...overrides });

forEachBackend('lookup records', (backend) => {
  it('counts one workspace over a period: entries found, misses, use per subcommand', async () => {
    const store = await backend.store();
    const lookups = createLookupRepository(store);
    await lookups.save([
      rec(),
      rec({ query: 'message queue' }),
      rec({ query: 'cache', entry: 'caching' }),
      rec({ subcommand: 'search', module: 'search', query: 'outage', entry: undefined }),
      miss('quokkabase'),
      miss('quokkabase', { subcommand: 'search', module: 'search' }),
      miss('zz top'),
      // Another workspace, and this one before the period: neither counts.
      miss('quokkabase', { teamId: 'T2' }),
      rec({ teamId: 'T2', entry: 'caching' }),
      miss('ancient', { lookedUpAt: daysAgo(8) }),
    ]);
    const counts = await lookups.counts('T1', daysAgo(7), 10);
    expect(counts.found).toEqual([
      { module: 'glossary', key: 'message-queue', isEntry: true, count: 2 },
      { module: 'glossary', key: 'caching', isEntry: true, count: 1 },
      { module: 'search', key: 'outage', isEntry: false, count: 1 },
    ]);
    expect(counts.missed).toEqual([
      { query: 'quokkabase', count: 2 },
      { query: 'zz top', count: 1 },
    ]);
    expect(counts.bySubcommand).toEqual([
      { subcommand: 'glossary', count: 5, misses: 2 },
      { subcommand: 'search', count: 2, misses: 1 },
    ]);
    expect((await lookups.counts('T1', daysAgo(30), 10)).missed).toContainEqual({
      query: 'ancient',
      count: 1,
    });
    expect(await lookups.misses('T2', daysAgo(7), 10)).toEqual([{ query: 'quokkabase', count: 1 }]);
  });

  it('keeps the top of each list, ties in name order, and writes big batches whole', async () => {
    const store = await backend.store();
    const lookups = createLookupRepository(store);
    // 250 rows: more than one insert's batch.
    const rows = Array.from({ length: 250 }, (_, i) =>
      miss(`term ${String(i % 25).padStart(2, '0')}`),
    );
    await lookups.save(rows);
    const missed = await lookups.misses('T1', daysAgo(7), 10);
    expect(missed).toHaveLength(10);
    expect(missed.map((m) => m.count)).toEqual(Array(10).fill(10));
    expect(missed.map((m) => m.query)).toEqual(
      Array.from({ length: 10 }, (_, i) => `term ${String(i).padStart(2, '0')}`),
    );
  });

  it('drops records older than the cutoff, in every workspace, and only those', async () => {
    const store = await backend.store();
    const lookups = createLookupRepository(store);
    await lookups.save([
      miss('old', { lookedUpAt: daysAgo(91) }),
      miss('old', { teamId: 'T2', lookedUpAt: daysAgo(95) }),
      miss('recent', { lookedUpAt: daysAgo(89) }),
    ]);
    expect(await lookups.dropOlderThan(daysAgo(90))).toBe(2);
    expect(await lookups.misses('T1', daysAgo(365), 10)).toEqual([{ query: 'recent', count: 1 }]);
    expect(await lookups.misses('T2', daysAgo(365), 10)).toEqual([]);
  });

  it('stores no user id and no time finer than the hour', async () => {
    const store = await backend.store();
    const tables = await store.db.introspection.getTables();
    const table = tables.find((t) => t.name === 'lookup_records');
    expect(table?.columns.map((c) => c.name).sort()).toEqual(
      ['count', 'entry', 'hit', 'looked_up_at', 'module', 'query', 'subcommand', 'team_id'].sort(),
    );
    await createLookupRepository(store).save([
      rec({ lookedUpAt: new Date('2026-03-01T17:42:13.5Z') }),
    ]);
    const rows = await store.db
      .withTables<{ lookup_records: { looked_up_at: string } }>()
      .selectFrom('lookup_records')
      .select('looked_up_at')
      .execute();
    expect(rows).toEqual([{ looked_up_at: '2026-03-01T17:00:00.000Z' }]);
  });

  it('keeps lookups alike within an hour as one row with their count, and counts them all', async () => {
    const store = await backend.store();
    const lookups = createLookupRepository(store);
    const at = (minute: number) => new Date(`2026-03-01T17:${String(minute).padStart(2, '0')}:00Z`);
    await lookups.save([
      ...Array.from({ length: 250 }, (_, i) => rec({ lookedUpAt: at(i % 60) })),
      miss('quokkabase', { lookedUpAt: at(5) }),
      miss('quokkabase', { lookedUpAt: at(9) }),
    ]);
    const rows = await store.db
      .withTables<{ lookup_records: { count: number } }>()
      .selectFrom('lookup_records')
      .select('count')
      .orderBy('count', 'desc')
      .execute();
    expect(rows.map((r) => Number(r.count))).toEqual([250, 2]);
    const counts = await lookups.counts(rec().teamId, new Date('2026-03-01T00:00:00Z'), 10);
    expect(counts.missed).toEqual([{ query: 'quokkabase', count: 2 }]);
    expect(counts.bySubcommand.reduce((n, s) => n + s.count, 0)).toBe(252);
    expect(counts.bySubcommand.reduce((n, s) => n + s.misses, 0)).toBe(2);
  });
});
