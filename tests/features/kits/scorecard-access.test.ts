import { describe, expect, it } from 'vitest';
import { expectedScorers } from '../../../src/features/kits/kit-records.js';
import {
  mayDeleteCandidate,
  mayScore,
  scorecardVisibility,
} from '../../../src/features/kits/scorecard-access.js';
import { fixtureKnowledge } from '../../support/fixture-knowledge.js';
import { makeKit, makeScorecard } from './support/kit-fixtures.js';

const knowledge = fixtureKnowledge();
const PANEL = ['U0ALICE', 'U0BOB', 'U0CAROL'];
const kit = makeKit(knowledge, { panel: PANEL, createdBy: 'U0MANAGER', label: 'B #1' });
const alice = makeScorecard(kit, 'U0ALICE');
const bob = makeScorecard(kit, 'U0BOB');

const see = (viewer: string, scorecards = [alice, bob], admins: string[] = [], kits = [kit]) =>
  scorecardVisibility({ viewer, kits, scorecards, admins });
const who = (v: ReturnType<typeof see>) => v.visible.map((s) => s.interviewer);

describe('independence rule', () => {
  it('shows a panel member who has not submitted nothing but their own', () => {
    const carol = see('U0CAROL');
    expect(who(carol)).toEqual([]);
    expect(carol).toMatchObject({ hidden: 2, reason: 'submit-first', pendingKitIds: [kit.id] });
  });

  it("shows everyone's once the member has submitted", () => {
    expect(who(see('U0ALICE'))).toEqual(['U0ALICE', 'U0BOB']);
    expect(see('U0ALICE')).toMatchObject({ hidden: 0, pendingKitIds: [] });
    expect(see('U0ALICE').reason).toBeUndefined();
  });

  it('holds admins on the panel to it too', () => {
    expect(see('U0CAROL', [alice, bob], ['U0CAROL'])).toMatchObject({ reason: 'submit-first' });
  });

  it('lets the creator who is not on the panel follow scorecards as they arrive', () => {
    expect(who(see('U0MANAGER', [alice]))).toEqual(['U0ALICE']);
  });

  it('makes the creator of a kit without a panel its scorer', () => {
    const solo = makeKit(knowledge, { createdBy: 'U0SOLO', label: 'B #1' });
    const helper = makeScorecard(solo, 'U0HELPER');
    expect(expectedScorers(solo)).toEqual(['U0SOLO']);
    expect(see('U0SOLO', [helper], [], [solo])).toMatchObject({ reason: 'submit-first' });
    const own = makeScorecard(solo, 'U0SOLO');
    expect(who(see('U0SOLO', [helper, own], [], [solo]))).toEqual(['U0HELPER', 'U0SOLO']);
  });

  it('shows admins everything, and strangers nothing', () => {
    expect(who(see('U0ADMIN', [alice, bob], ['U0ADMIN']))).toEqual(['U0ALICE', 'U0BOB']);
    expect(see('U0STRANGER')).toMatchObject({ visible: [], hidden: 2, reason: 'not-involved' });
    expect(see('U0STRANGER', []).reason).toBeUndefined();
  });

  it('keeps a second round hidden from a member who owes its scorecard', () => {
    const round2 = makeKit(knowledge, { panel: ['U0ALICE', 'U0DAN'], label: 'B #1' });
    const dan = makeScorecard(round2, 'U0DAN');
    const v = see('U0ALICE', [alice, bob, dan], [], [kit, round2]);
    expect(who(v)).toEqual(['U0ALICE']);
    expect(v.pendingKitIds).toEqual([round2.id]);
    // Bob is not on round 2 and has submitted round 1: he reads both rounds.
    expect(who(see('U0BOB', [alice, bob, dan], [], [kit, round2]))).toEqual([
      'U0ALICE',
      'U0BOB',
      'U0DAN',
    ]);
  });
});

describe('who may score and erase', () => {
  it("lets a kit's panel score it, or anyone shown a kit without a panel", () => {
    expect(mayScore(kit, 'U0BOB')).toBe(true);
    expect(mayScore(kit, 'U0MANAGER')).toBe(false);
    expect(mayScore(makeKit(knowledge), 'U0ANYONE')).toBe(true);
  });

  it('lets a kit creator or an admin erase, nobody when nothing is stored', () => {
    expect(mayDeleteCandidate({ user: 'U0MANAGER', kits: [kit], admins: [] })).toBe(true);
    expect(mayDeleteCandidate({ user: 'U0ADMIN', kits: [kit], admins: ['U0ADMIN'] })).toBe(true);
    expect(mayDeleteCandidate({ user: 'U0ALICE', kits: [kit], admins: [] })).toBe(false);
    expect(mayDeleteCandidate({ user: 'U0ADMIN', kits: [], admins: ['U0ADMIN'] })).toBe(false);
  });
});
