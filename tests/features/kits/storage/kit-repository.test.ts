import { expect, it } from 'vitest';
import { planQuestions } from '../../../../src/features/kits/kit-plan.js';
import type { NewKit, NewScorecard, StoredKit } from '../../../../src/features/kits/kit-records.js';
import { planKit } from '../../../../src/features/kits/plan-kit.js';
import type { KitRepository } from '../../../../src/features/kits/storage/kit-repository.js';
import { down, up } from '../../../../src/features/kits/storage/migrations/006-kits-scorecards.js';
import { fixtureKnowledge } from '../../../support/fixture-knowledge.js';
import { forEachBackend } from '../../../support/test-stores.js';

const knowledge = fixtureKnowledge();
const TEAM = 'T0TEAM1';
const OTHER_TEAM = 'T0TEAM2';
const PANEL = ['U0ALICE', 'U0BOB'];
const HOUR = 60 * 60 * 1000;
const T0 = new Date('2026-03-02T09:00:00.000Z');

function newKit(overrides: Partial<NewKit> & { seed?: string } = {}): NewKit {
  const { seed = 'repo', ...rest } = overrides;
  const planned = planKit(
    { level: 'senior', minutes: 60, areas: [], seed, panel: rest.panel ?? PANEL },
    knowledge,
  );
  if (!planned.ok) throw new Error('fixture kit has no plan');
  return {
    teamId: TEAM,
    createdBy: 'U0MANAGER',
    candidateLabel: 'Backend #42',
    plan: planned.plan,
    destination: { kind: 'thread', channelId: 'C0HIRING', threadTs: '1712345678.000100' },
    interviewAt: T0,
    panel: PANEL,
    createdAt: new Date(T0.getTime() - 24 * HOUR),
    ...rest,
  };
}

function card(
  kit: StoredKit,
  interviewer: string,
  extra: Partial<NewScorecard> = {},
): NewScorecard {
  const [q] = planQuestions(kit.plan);
  if (q === undefined) throw new Error('no question');
  return {
    kitId: kit.id,
    teamId: kit.teamId,
    interviewer,
    ratings: { [q.questionId]: 'yes' },
    tickedPoints: { [q.questionId]: [0] },
    redFlags: {},
    recommendation: 'strong-yes',
    note: 'Clear reasoning.',
    createdAt: new Date(T0.getTime() + 2 * HOUR),
    ...extra,
  };
}

async function saved(repo: KitRepository, input: NewScorecard) {
  const result = await repo.saveScorecard(input);
  if (!result.saved) throw new Error(`not saved: ${result.reason}`);
  return result.scorecard;
}

forEachBackend('kit repository', (backend) => {
  it('stores a kit and reads it back within its team only', async () => {
    const repo = (await backend.store()).kits;
    const input = newKit({ panel: ['U0ALICE', 'U0BOB', 'U0ALICE'] });
    const kit = await repo.saveKit(input);
    expect(kit.panel).toEqual(['U0ALICE', 'U0BOB']);
    const read = await repo.getKit(TEAM, kit.id);
    expect(read).toEqual(kit);
    expect(read?.plan).toEqual(input.plan);
    expect(read?.interviewAt).toEqual(T0);
    expect(await repo.getKit(OTHER_TEAM, kit.id)).toBeUndefined();
    expect(await repo.getKit(TEAM, 'not-a-uuid')).toBeUndefined();

    const privateKit = await repo.saveKit(
      newKit({
        destination: { kind: 'private' },
        candidateLabel: undefined,
        interviewAt: undefined,
      }),
    );
    expect(await repo.getKit(TEAM, privateKit.id)).toMatchObject({
      destination: { kind: 'private' },
    });
    expect((await repo.getKit(TEAM, privateKit.id))?.candidateLabel).toBeUndefined();
  });

  it('refuses bad input and stores nothing', async () => {
    const repo = (await backend.store()).kits;
    await expect(repo.saveKit(newKit({ teamId: 'nope' }))).rejects.toThrow();
    await expect(repo.saveKit(newKit({ candidateLabel: 'x'.repeat(81) }))).rejects.toThrow();
    expect((await repo.listForCandidate(TEAM, 'Backend #42')).kits).toEqual([]);
  });

  it('keeps the first scorecard per interviewer and kit, and refuses the second', async () => {
    const repo = (await backend.store()).kits;
    const kit = await repo.saveKit(newKit());
    const first = await saved(repo, card(kit, 'U0ALICE'));
    expect(first).toMatchObject({ interviewer: 'U0ALICE', candidateLabel: 'Backend #42' });
    const second = await repo.saveScorecard(card(kit, 'U0ALICE', { recommendation: 'no' }));
    expect(second).toEqual({ saved: false, reason: 'already-scored', existing: first });
    expect(await repo.scorecardsForKit(TEAM, kit.id)).toEqual([first]);
    expect(await repo.saveScorecard(card({ ...kit, teamId: OTHER_TEAM }, 'U0BOB'))).toEqual({
      saved: false,
      reason: 'no-kit',
    });
  });

  it('lets exactly one of two racing submissions from two instances win', async () => {
    const repo = (await backend.store()).kits;
    const other = (await backend.openAnother()).kits;
    const kit = await repo.saveKit(newKit());
    const results = await Promise.all([
      repo.saveScorecard(card(kit, 'U0BOB', { recommendation: 'yes' })),
      other.saveScorecard(card(kit, 'U0BOB', { recommendation: 'no' })),
    ]);
    expect(results.filter((r) => r.saved)).toHaveLength(1);
    expect(await repo.scorecardsForKit(TEAM, kit.id)).toHaveLength(1);
  });

  it("lists a candidate's kits and scorecards by label, case and spacing aside", async () => {
    const repo = (await backend.store()).kits;
    const older = await repo.saveKit(newKit({ seed: 'a' }));
    const newer = await repo.saveKit(newKit({ seed: 'b', createdAt: T0 }));
    await repo.saveKit(newKit({ candidateLabel: 'Backend #43' }));
    await repo.saveKit(newKit({ teamId: OTHER_TEAM }));
    const a = await saved(repo, card(older, 'U0ALICE'));
    const b = await saved(repo, card(newer, 'U0BOB'));
    const listed = await repo.listForCandidate(TEAM, '  backend   #42 ');
    expect(listed.kits.map((k) => k.id)).toEqual([newer.id, older.id]);
    expect(listed.scorecards.map((s) => s.id).sort()).toEqual([a.id, b.id].sort());
    expect((await repo.listForCandidate(OTHER_TEAM, 'Backend #42')).scorecards).toEqual([]);
  });

  it('erases everything for a label in one team and says how much', async () => {
    const repo = (await backend.store()).kits;
    const kit = await repo.saveKit(newKit());
    const kit2 = await repo.saveKit(newKit({ seed: 'x' }));
    const keep = await repo.saveKit(newKit({ teamId: OTHER_TEAM }));
    await saved(repo, card(kit, 'U0ALICE'));
    await saved(repo, card(kit, 'U0BOB'));
    await saved(repo, card(kit2, 'U0ALICE'));
    await saved(repo, card(keep, 'U0ALICE'));
    const claim = { kitId: kit2.id, teamId: TEAM, interviewer: 'U0BOB', owner: 'i1', now: T0 };
    expect(await repo.claimScoreReminder(claim)).toBe(true);

    expect(await repo.deleteCandidate(TEAM, 'BACKEND #42')).toEqual({ kits: 2, scorecards: 3 });
    expect(await repo.listForCandidate(TEAM, 'Backend #42')).toEqual({ kits: [], scorecards: [] });
    expect((await repo.listForCandidate(OTHER_TEAM, 'Backend #42')).scorecards).toHaveLength(1);
    // The claim went with its kit: a new kit with the same id space starts clean.
    expect(await repo.claimScoreReminder(claim)).toBe(true);
    expect(await repo.deleteCandidate(TEAM, 'Backend #42')).toEqual({ kits: 0, scorecards: 0 });
  });

  it('drops kits and scorecards older than the retention cutoff, for every team', async () => {
    const repo = (await backend.store()).kits;
    const day = 24 * HOUR;
    const cutoff = new Date(T0.getTime() - 180 * day);
    const old = await repo.saveKit(newKit({ createdAt: new Date(cutoff.getTime() - day) }));
    const oldOther = await repo.saveKit(
      newKit({ teamId: OTHER_TEAM, createdAt: new Date(cutoff.getTime() - 1) }),
    );
    const fresh = await repo.saveKit(newKit({ createdAt: cutoff }));
    // A scorecard given after the cutoff goes with its old kit.
    await saved(repo, card(old, 'U0ALICE', { createdAt: new Date(cutoff.getTime() + day) }));
    await saved(repo, card(oldOther, 'U0ALICE'));
    await saved(repo, card(fresh, 'U0ALICE', { createdAt: new Date(cutoff.getTime() - day) }));
    const kept = await saved(repo, card(fresh, 'U0BOB', { createdAt: cutoff }));

    expect(await repo.dropOlderThan(cutoff)).toEqual({ kits: 2, scorecards: 3 });
    expect(await repo.getKit(TEAM, old.id)).toBeUndefined();
    expect(await repo.getKit(OTHER_TEAM, oldOther.id)).toBeUndefined();
    expect(await repo.getKit(TEAM, fresh.id)).toBeDefined();
    expect(await repo.scorecardsForKit(TEAM, fresh.id)).toEqual([kept]);
    expect(await repo.dropOlderThan(cutoff)).toEqual({ kits: 0, scorecards: 0 });
  });

  it('finds interviewers due a reminder two hours after the interview ends', async () => {
    const repo = (await backend.store()).kits;
    const kit = await repo.saveKit(newKit());
    const solo = await repo.saveKit(newKit({ panel: [], createdBy: 'U0SOLO', seed: 's' }));
    await repo.saveKit(newKit({ interviewAt: undefined, seed: 'no-time' }));
    const other = await repo.saveKit(
      newKit({ teamId: OTHER_TEAM, interviewAt: new Date(T0.getTime() + 2 * HOUR) }),
    );
    const ends = new Date(T0.getTime() + HOUR);
    const due = (now: Date, excludeTeams: string[] = []) =>
      repo.findDueScoreReminders({ now, limit: 100, excludeTeams });

    expect(await due(new Date(ends.getTime() + 2 * HOUR - 1))).toEqual([]);
    const found = await due(new Date(ends.getTime() + 2 * HOUR));
    expect(
      found.map((d) => `${d.kitId === kit.id ? 'kit' : 'solo'}:${d.interviewer}`).sort(),
    ).toEqual(['kit:U0ALICE', 'kit:U0BOB', 'solo:U0SOLO']);
    expect(found[0]).toMatchObject({
      teamId: TEAM,
      candidateLabel: 'Backend #42',
      interviewEndsAt: ends,
    });

    await saved(repo, card(kit, 'U0ALICE'));
    const claim = { kitId: solo.id, teamId: TEAM, interviewer: 'U0SOLO', owner: 'i1', now: T0 };
    expect(await repo.claimScoreReminder(claim)).toBe(true);
    const later = new Date(ends.getTime() + 3 * HOUR);
    expect((await due(later)).map((d) => d.interviewer)).toEqual(['U0BOB']);
    expect(await due(later, [TEAM])).toEqual([]);
    // The other team's interview ended an hour later: due an hour later, oldest first.
    const evening = new Date(later.getTime() + HOUR);
    expect((await due(evening)).map((d) => `${d.teamId}:${d.interviewer}`)).toEqual([
      `${TEAM}:U0BOB`,
      `${OTHER_TEAM}:U0ALICE`,
      `${OTHER_TEAM}:U0BOB`,
    ]);
    expect((await due(evening, [OTHER_TEAM])).map((d) => d.kitId)).toEqual([kit.id]);
    expect((await due(evening, [TEAM])).map((d) => d.kitId)).toEqual([other.id, other.id]);
    expect(await repo.findDueScoreReminders({ now: later, limit: 0 })).toEqual([]);
    // A week later the interview is too old to nag about.
    expect(await due(new Date(ends.getTime() + 8 * 24 * HOUR))).toEqual([]);
  });

  it('lets exactly one of three instances claim each reminder', async () => {
    const repo = (await backend.store()).kits;
    const others = [(await backend.openAnother()).kits, (await backend.openAnother()).kits];
    const kit = await repo.saveKit(newKit());
    const now = new Date(T0.getTime() + 4 * HOUR);
    const instances = [repo, ...others];
    const attempts = await Promise.all(
      instances.flatMap((instance, i) =>
        PANEL.flatMap((interviewer) =>
          [0, 1].map(() =>
            instance.claimScoreReminder({
              kitId: kit.id,
              teamId: TEAM,
              interviewer,
              owner: `instance-${i}`,
              now,
            }),
          ),
        ),
      ),
    );
    expect(attempts.filter(Boolean)).toHaveLength(PANEL.length);
    for (const instance of instances) {
      expect(await instance.findDueScoreReminders({ now, limit: 10 })).toEqual([]);
    }
  });
});

forEachBackend('kits migration', (backend) => {
  it('removes its tables on the way down and creates them again on the way up', async () => {
    const repo = (await backend.store()).kits;
    await repo.saveKit(newKit());
    const store = await backend.store();
    await down(store.db);
    await expect(repo.listForCandidate(TEAM, 'Backend #42')).rejects.toThrow();
    await up(store.db);
    expect(await repo.listForCandidate(TEAM, 'Backend #42')).toEqual({ kits: [], scorecards: [] });
  });
});
