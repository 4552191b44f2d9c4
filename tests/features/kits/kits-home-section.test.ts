import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkViewLimits } from '../../../src/dev/slack-limits.js';
import type { NewKit } from '../../../src/features/kits/kit-records.js';
import { kitsHomeSection } from '../../../src/features/kits/kits-home-section.js';
import { KIT_ACTIONS } from '../../../src/features/kits/kits-ids.js';
import { planKit } from '../../../src/features/kits/plan-kit.js';
import { createTestDeps, type TestDeps } from '../../support/app-test-deps.js';
import { fixtureKnowledge } from '../../support/fixture-knowledge.js';
import { HOSTILE_LABEL, liveTokens } from './support/kit-fixtures.js';

const knowledge = fixtureKnowledge();
const TEAM = 'T0TEAM1';
const ALICE = 'U0ALICE';
const viewer = { teamId: TEAM, userId: ALICE, isAdmin: false };

let deps: TestDeps;
beforeEach(async () => {
  ({ deps } = await createTestDeps());
});
afterEach(async () => {
  await deps.store.close();
});

let minute = 0;
function kit(overrides: Partial<NewKit> = {}): NewKit {
  const panel = overrides.panel ?? [];
  const planned = planKit({ level: 'mid', minutes: 30, areas: [], seed: 'h', panel }, knowledge);
  if (!planned.ok) throw new Error('no plan');
  minute += 1;
  return {
    teamId: TEAM,
    createdBy: 'U0MANAGER',
    candidateLabel: 'Backend #42',
    plan: planned.plan,
    destination: { kind: 'private' },
    panel,
    createdAt: new Date(Date.UTC(2026, 2, 2, 9, minute)),
    ...overrides,
  };
}

const build = (page: number, maxBlocks = 40) =>
  kitsHomeSection.build({ viewer, page, maxBlocks }, deps);
const scoreButtons = (blocks: unknown[]) =>
  [
    ...JSON.stringify(blocks).matchAll(/"action_id":"kit_score","text":[^}]*\},"value":"([^"]+)"/g),
  ].map((m) => m[1]);

describe("the Home's interviews to score", () => {
  it('lists the kits waiting for the viewer, newest first, each with its Score button', async () => {
    const kits = deps.store.kits;
    const older = await kits.saveKit(kit({ panel: [ALICE, 'U0BOB'] }));
    const own = await kits.saveKit(kit({ createdBy: ALICE, candidateLabel: HOSTILE_LABEL }));
    await kits.saveKit(kit({ createdBy: ALICE, candidateLabel: undefined }));
    await kits.saveKit(kit({ panel: ['U0BOB'] }));
    await kits.saveKit(kit({ panel: [ALICE], teamId: 'T0OTHER' }));
    const scored = await kits.saveKit(kit({ panel: [ALICE] }));
    await kits.saveScorecard({
      kitId: scored.id,
      teamId: TEAM,
      interviewer: ALICE,
      ratings: {},
      tickedPoints: {},
      redFlags: {},
      recommendation: 'yes',
      createdAt: new Date(),
    });

    const { blocks, hasMore } = await build(1);
    expect(scoreButtons(blocks)).toEqual([own.id, older.id]);
    expect(hasMore).toBe(false);
    expect(blocks.every((b) => b.type === 'section')).toBe(true);
    expect(JSON.stringify(blocks)).toContain(KIT_ACTIONS.score);
    expect(checkViewLimits({ type: 'home', blocks })).toEqual([]);
    expect(liveTokens(blocks, ['U0MANAGER', ALICE])).toEqual([]);
  });

  it('pages within the blocks it is given, and is empty when nothing waits', async () => {
    expect(await build(1)).toEqual({ blocks: [], hasMore: false });
    const made = [];
    for (let i = 0; i < 7; i++) made.push(await deps.store.kits.saveKit(kit({ panel: [ALICE] })));
    const newest = made.reverse().map((k) => k.id);
    const first = await build(1);
    expect(scoreButtons(first.blocks)).toEqual(newest.slice(0, 5));
    expect(first.hasMore).toBe(true);
    const second = await build(2);
    expect(scoreButtons(second.blocks)).toEqual(newest.slice(5));
    expect(second.hasMore).toBe(false);
    const narrow = await build(1, 3);
    expect(narrow.blocks).toHaveLength(3);
    expect(narrow.hasMore).toBe(true);
    expect(await build(1, 1)).toEqual({ blocks: [], hasMore: false });
  });
});
