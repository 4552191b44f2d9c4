import type { KnownBlock } from '@slack/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkViewLimits } from '../../../src/dev/slack-limits.js';
import { assembleHome } from '../../../src/features/home/assemble-home.js';
import {
  EMPTY_HOME_STATE,
  type HomeState,
  withPage,
} from '../../../src/features/home/home-state.js';
import { createHireCommand } from '../../../src/kernel/hire-command/hire-command.js';
import { defineSubcommand } from '../../../src/kernel/hire-command/subcommand.js';
import type { HomeSection } from '../../../src/kernel/home-section.js';
import { section } from '../../../src/kernel/slack/blocks/block-kit.js';
import { createTestDeps, type TestDeps } from '../../support/app-test-deps.js';
import {
  HEAVY_TEAM,
  HEAVY_USER,
  heavyChannel,
  seedHeavyUser,
} from '../../support/heavy-home-user.js';

const viewer = { teamId: HEAVY_TEAM, userId: HEAVY_USER, isAdmin: false };

describe('building a Home', () => {
  let deps: TestDeps;

  beforeEach(async () => {
    ({ deps } = await createTestDeps());
  });
  afterEach(async () => {
    await deps.store.close();
  });

  const build = (state: HomeState, d: TestDeps = deps) => assembleHome({ viewer, state }, d);
  const textOf = (blocks: unknown[]) => JSON.stringify(blocks);
  const nextPage = (blocks: unknown[], id: string) =>
    (blocks as KnownBlock[]).some(
      (b) =>
        b.type === 'actions' &&
        b.elements.some(
          (e) =>
            e.type === 'button' && e.text.text === 'Next page' && e.value?.startsWith(`${id} `),
        ),
    );

  it('a person with 200 reminders and 100 flags gets a Home within limits, paged, newest first', async () => {
    await seedHeavyUser(deps.store);
    const seenChannels: string[] = [];
    let state = EMPTY_HOME_STATE;
    for (let page = 1; page <= 100; page++) {
      const { view } = await build(state);
      expect(checkViewLimits(view)).toEqual([]);
      seenChannels.push(
        ...[...textOf(view.blocks).matchAll(/<#(C\d{4}X)>/g)].map((m) => m[1] ?? ''),
      );
      if (!nextPage(view.blocks, 'reminders')) break;
      state = withPage(state, 'reminders', page + 1);
    }
    expect(seenChannels).toEqual(Array.from({ length: 200 }, (_, i) => heavyChannel(199 - i)));

    const seenFlags: number[] = [];
    state = EMPTY_HOME_STATE;
    for (let page = 1; page <= 100; page++) {
      const { view } = await build(state);
      expect(checkViewLimits(view)).toEqual([]);
      const text = textOf(view.blocks);
      expect(text).not.toContain('not yours');
      // A flag's line starts with its date, in bold (a reminder's next run is a date token too).
      seenFlags.push(...[...text.matchAll(/\*<!date\^(\d+)\^/g)].map((m) => Number(m[1])));
      if (!nextPage(view.blocks, 'resume-flags')) break;
      state = withPage(state, 'resume-flags', page + 1);
    }
    expect(seenFlags).toHaveLength(100);
    expect(seenFlags).toEqual([...seenFlags].sort((a, b) => b - a));
    expect(new Set(seenFlags).size).toBe(100);
  });

  it('with a long answer in the results area the heavy Home still fits', async () => {
    await seedHeavyUser(deps.store, { reminders: 40, flags: 30 });
    for (const command of ['glossary', 'questions senior', 'search kafka', 'levels', 'help']) {
      const { view } = await build({ ...EMPTY_HOME_STATE, results: { kind: 'command', command } });
      expect(checkViewLimits(view), command).toEqual([]);
      expect(textOf(view.blocks)).toContain('Interview-prep reminders');
      expect(textOf(view.blocks)).toContain('Your resume flags');
    }
  });

  it('reports what the results area looked up (for the team’s view of misses)', async () => {
    // A subcommand that records its lookups, as lookups do once they report them.
    const probe = defineSubcommand({
      name: 'probe',
      aliases: ['probe'],
      help: [],
      request: z.object({ words: z.string() }),
      read: (args) => ({ words: args }),
      answer: ({ words }) => ({
        reply: { text: words, blocks: [section(words)] },
        lookup: { module: 'glossary', query: words, hit: words === 'kafka' },
      }),
    });
    const probing = { ...deps, hire: createHireCommand([probe]) };
    const lookupOf = async (command: string) =>
      (await build({ ...EMPTY_HOME_STATE, results: { kind: 'command', command } }, probing)).lookup;
    expect(await lookupOf('probe kafka')).toEqual({
      subcommand: 'probe',
      module: 'glossary',
      query: 'kafka',
      hit: true,
    });
    expect(await lookupOf('probe zzqq')).toMatchObject({ hit: false });
    expect((await build(EMPTY_HOME_STATE, probing)).lookup).toBeUndefined();
  });

  it('a section that fails or is slow shows a note; the others are shown all the same', async () => {
    const failing: HomeSection = {
      id: 'failing',
      order: 1,
      build: async () => {
        throw new Error('database gone');
      },
    };
    const slow: HomeSection = {
      id: 'slow',
      order: 2,
      build: () => new Promise(() => undefined),
    };
    const greedy: HomeSection = {
      id: 'greedy',
      order: 3,
      build: async ({ maxBlocks }) => ({
        blocks: Array.from({ length: maxBlocks + 30 }, (_, i) => section(`greedy ${i}`)),
        hasMore: false,
      }),
    };
    const withOthers = { ...deps, homeSections: [failing, slow, greedy, ...deps.homeSections] };
    const { view } = await assembleHome({ viewer, state: EMPTY_HOME_STATE }, withOthers, {
      sectionDeadlineMs: 50,
    });
    expect(checkViewLimits(view)).toEqual([]);
    const text = textOf(view.blocks);
    expect(text.split('could not be loaded just now')).toHaveLength(3);
    expect(text).toContain('greedy 0');
    expect(text).toContain('Interview-prep reminders');
  });

  it('lays the sections out in their order, each framed by a divider', async () => {
    const { view } = await build(EMPTY_HOME_STATE);
    const headers = view.blocks.flatMap((b) =>
      b.type === 'header' ? [(b as { text: { text: string } }).text.text] : [],
    );
    expect(headers).toEqual(['Your hiring desk', 'Interview-prep reminders', 'Your resume flags']);
  });
});
