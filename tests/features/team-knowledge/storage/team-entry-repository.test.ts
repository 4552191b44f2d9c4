import { expect, it } from 'vitest';
import { createTeamEntryRepository } from '../../../../src/features/team-knowledge/storage/team-entry-repository.js';
import { forEachBackend } from '../../../support/test-stores.js';
import { slackQuestion, slackTerm } from '../support/team-fixtures.js';

const T1 = 'T0ONE';
const T2 = 'T0TWO';
const ALICE = 'U0ALICE';
const BOB = 'U0BOB';
const ADMIN = 'U0ADMIN';
const now = new Date('2026-03-02T09:00:00Z');
const later = new Date('2026-03-03T10:00:00Z');

forEachBackend('team entry repository', (backend) => {
  const repo = async () => createTeamEntryRepository(await backend.store());

  it('stores an entry with who and when, bumps the revision, and keeps it within its workspace', async () => {
    const entries = await repo();
    expect(await entries.revision(T1)).toBe(0);
    const added = await entries.add({
      module: 'glossary',
      entry: slackTerm('quokkabase'),
      teamId: T1,
      status: 'live',
      addedBy: ALICE,
      now,
    });
    expect(added).toMatchObject({ teamId: T1, status: 'live', addedBy: ALICE, addedAt: now });
    expect(await entries.revision(T1)).toBe(1);
    expect(await entries.revision(T2)).toBe(0);
    expect((await entries.live(T1)).map((e) => e.entry.id)).toEqual(['quokkabase']);
    expect(await entries.live(T2)).toEqual([]);
    expect(await entries.get(T2, 'glossary', 'quokkabase')).toBeUndefined();
    expect(await entries.usedIds(T1, 'glossary')).toEqual(new Set(['quokkabase']));
  });

  it('refuses a second entry with the same id in the workspace, changing nothing', async () => {
    const entries = await repo();
    const input = {
      module: 'glossary' as const,
      entry: slackTerm('quokkabase'),
      teamId: T1,
      status: 'live' as const,
      addedBy: ALICE,
      now,
    };
    await entries.add(input);
    expect(await entries.add({ ...input, addedBy: BOB })).toBeUndefined();
    expect(await entries.revision(T1)).toBe(1);
    // Another workspace may use the same id.
    expect(await entries.add({ ...input, teamId: T2 })).toBeDefined();
  });

  it('validates the entry with the kernel schema of its module', async () => {
    const entries = await repo();
    await expect(
      entries.add({
        module: 'glossary',
        entry: { ...slackTerm('quokkabase'), meaning: '' },
        teamId: T1,
        status: 'live',
        addedBy: ALICE,
        now,
      }),
    ).rejects.toThrow();
    expect(await entries.revision(T1)).toBe(0);
  });

  it('lets one decision stand on a pending entry, with who decided and when', async () => {
    const entries = await repo();
    await entries.add({
      module: 'questions',
      entry: slackQuestion('team-shard'),
      teamId: T1,
      status: 'pending',
      addedBy: ALICE,
      now,
    });
    expect((await entries.pending(T1, { offset: 0, limit: 10 })).map((e) => e.entry.id)).toEqual([
      'team-shard',
    ]);
    expect(await entries.live(T1)).toEqual([]);
    const approved = await entries.review(T1, 'questions', 'team-shard', {
      status: 'live',
      by: ADMIN,
      now: later,
    });
    expect(approved).toMatchObject({ status: 'live', reviewedBy: ADMIN, reviewedAt: later });
    const second = await entries.review(T1, 'questions', 'team-shard', {
      status: 'rejected',
      by: BOB,
      now: later,
    });
    expect(second).toBeUndefined();
    expect(await entries.get(T1, 'questions', 'team-shard')).toMatchObject({
      status: 'live',
      reviewedBy: ADMIN,
    });
    expect(await entries.pending(T1, { offset: 0, limit: 10 })).toEqual([]);
    expect(await entries.revision(T1)).toBe(2);
  });

  it('edits and removes with who and when kept; a removed entry is kept, not deleted', async () => {
    const entries = await repo();
    await entries.add({
      module: 'glossary',
      entry: slackTerm('quokkabase'),
      teamId: T1,
      status: 'live',
      addedBy: ALICE,
      now,
    });
    const edited = await entries.update({
      module: 'glossary',
      entry: slackTerm('quokkabase', { meaning: 'Changed.' }),
      teamId: T1,
      by: BOB,
      now: later,
    });
    expect(edited).toMatchObject({ addedBy: ALICE, updatedBy: BOB, updatedAt: later });
    expect(edited?.entry).toMatchObject({ meaning: 'Changed.' });
    const removed = await entries.remove(T1, 'glossary', 'quokkabase', ADMIN, later);
    expect(removed).toMatchObject({ status: 'removed', updatedBy: ADMIN, addedBy: ALICE });
    expect(await entries.live(T1)).toEqual([]);
    expect(await entries.get(T1, 'glossary', 'quokkabase')).toMatchObject({ status: 'removed' });
    // Another workspace cannot remove it, nor can a removed one be removed again.
    expect(await entries.remove(T2, 'glossary', 'quokkabase', ADMIN, later)).toBeUndefined();
    expect(await entries.remove(T1, 'glossary', 'quokkabase', ADMIN, later)).toBeUndefined();
    expect(await entries.revision(T1)).toBe(3);
    expect(await entries.teamsWithLiveEntries()).toEqual([]);
  });

  it('an edit sent for review goes back to pending, out of the live entries, until approved', async () => {
    const entries = await repo();
    await entries.add({
      module: 'questions',
      entry: slackQuestion('shard-it'),
      teamId: T1,
      status: 'live',
      addedBy: ALICE,
      now,
    });
    const edited = await entries.update({
      module: 'questions',
      entry: slackQuestion('shard-it', { lookFor: ['Names a shard key', 'Plans resharding'] }),
      teamId: T1,
      by: ALICE,
      now: later,
      review: true,
    });
    expect(edited).toMatchObject({ status: 'pending', updatedBy: ALICE, updatedAt: later });
    expect(await entries.live(T1)).toEqual([]);
    expect((await entries.pending(T1, { offset: 0, limit: 10 })).map((r) => r.entry.id)).toEqual([
      'shard-it',
    ]);
    await entries.review(T1, 'questions', 'shard-it', { status: 'live', by: ADMIN, now: later });
    const [live] = await entries.live(T1);
    expect(live?.entry).toMatchObject({ lookFor: ['Names a shard key', 'Plans resharding'] });
    expect(await entries.revision(T1)).toBe(3);
  });

  it('two stores on one database see each other’s revisions', async () => {
    const one = await repo();
    const two = createTeamEntryRepository(await backend.openAnother());
    await one.add({
      module: 'glossary',
      entry: slackTerm('quokkabase'),
      teamId: T1,
      status: 'live',
      addedBy: ALICE,
      now,
    });
    expect(await two.revision(T1)).toBe(1);
    expect((await two.live(T1)).map((e) => e.entry.id)).toEqual(['quokkabase']);
  });
});
