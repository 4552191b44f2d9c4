import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createHomeActions, searchCommand } from '../../../src/features/home/home-actions.js';
import { HOME_SHARE_VIEW } from '../../../src/features/home/home-ids.js';
import {
  EMPTY_HOME_STATE,
  encodeHomeState,
  type HomeState,
} from '../../../src/features/home/home-state.js';
import { createLastStates } from '../../../src/features/home/last-states.js';
import type { HomePublisher } from '../../../src/features/home/publish-home.js';
import type { HomeSection } from '../../../src/kernel/home-section.js';
import type { ButtonArgs } from '../../../src/kernel/slack/listener-router.js';

const sections = ['reminders', 'resume-flags'].map(
  (id, order): HomeSection => ({ id, order, build: async () => ({ blocks: [], hasMore: false }) }),
);

function harness(remembered: HomeState = EMPTY_HOME_STATE) {
  const published: Array<{ state: HomeState; announce: boolean }> = [];
  const opened: unknown[] = [];
  const publisher = {
    stateOf: () => remembered,
    publish: async (_client, _owner, state, options = {}) => {
      published.push({ state, announce: options.announceLookup === true });
      return true;
    },
  } satisfies HomePublisher;
  const actions = createHomeActions(
    { homeSections: sections, logger: pino({ level: 'silent' }) },
    publisher,
  );
  let acks = 0;
  const press = async (
    name: keyof typeof actions,
    value: string | undefined,
    /** The state the pressed view carries; null: an action with no view. */
    view: HomeState | null = EMPTY_HOME_STATE,
  ) => {
    await actions[name]({
      ack: async () => {
        acks += 1;
      },
      body: {
        type: 'block_actions',
        user: { id: 'U1', team_id: 'T1' },
        team: { id: 'T1' },
        trigger_id: 'trigger-1',
        actions: [{ type: 'button', action_id: 'x', value }],
        ...(view === null
          ? {}
          : { view: { type: 'home', private_metadata: encodeHomeState(view) } }),
      },
      client: {
        views: {
          open: async (args: unknown) => {
            opened.push(args);
            return { ok: true };
          },
        },
      },
    } as unknown as ButtonArgs);
  };
  return { press, published, opened, acks: () => acks };
}

describe('what the Home does with each action', () => {
  it('search: the typed words as a /hire search, tidied; an empty box asks what to look for', async () => {
    expect(searchCommand('  kafka   streams ')).toBe('search kafka streams');
    expect(searchCommand('   ')).toBe('search');
    expect(searchCommand(undefined)).toBe('search');
    expect(searchCommand('x'.repeat(2000)).length).toBeLessThanOrEqual(500);
    const { press, published, acks } = harness();
    await press('search', 'kafka');
    expect(acks()).toBe(1);
    expect(published).toEqual([
      {
        state: { ...EMPTY_HOME_STATE, results: { kind: 'command', command: 'search kafka' } },
        announce: true,
      },
    ]);
  });

  it('open, page and clear start from the state the view carries', async () => {
    const carried: HomeState = { v: 1, pages: { reminders: 2 } };
    const { press, published } = harness();
    await press('open', 'glossary kafka', carried);
    await press('page', 'resume-flags 3', carried);
    await press('page', 'reminders 1', carried);
    await press('clear', 'close', {
      ...carried,
      results: { kind: 'command', command: 'levels' },
    });
    expect(published.map((p) => p.state)).toEqual([
      { ...carried, results: { kind: 'command', command: 'glossary kafka' } },
      { v: 1, pages: { reminders: 2, 'resume-flags': 3 } },
      { v: 1, pages: {} },
      carried,
    ]);
    expect(published.map((p) => p.announce)).toEqual([true, false, false, false]);
  });

  it('without a view it uses the state last published; odd values just refresh the Home', async () => {
    const remembered: HomeState = {
      v: 1,
      results: { kind: 'command', command: 'levels' },
      pages: { reminders: 4 },
    };
    const { press, published } = harness(remembered);
    await press('page', 'reminders 2', null);
    for (const value of ['unknown-section 2', 'reminders 0', 'reminders two', undefined])
      await press('page', value);
    await press('open', 'x'.repeat(601));
    await press('open', undefined);
    expect(published[0]?.state).toEqual({ ...remembered, pages: { reminders: 2 } });
    expect(published.slice(1).map((p) => p.state)).toEqual(Array(6).fill(EMPTY_HOME_STATE));
    expect(published.slice(1).every((p) => !p.announce)).toBe(true);
  });

  it('share opens the share modal with the answer’s command, and nothing for a bad value', async () => {
    const { press, opened, published } = harness();
    await press('share', 'glossary kafka');
    await press('share', '');
    expect(opened).toEqual([
      expect.objectContaining({
        trigger_id: 'trigger-1',
        view: expect.objectContaining({
          callback_id: HOME_SHARE_VIEW,
          private_metadata: 'glossary kafka',
        }),
      }),
    ]);
    expect(published).toEqual([]);
  });
});

describe('the states remembered for home-changed', () => {
  it('keeps the latest per person, forgetting the least recently published first', () => {
    const states = createLastStates(2);
    const kit: HomeState = { v: 1, results: { kind: 'command', command: 'levels' }, pages: {} };
    states.set('T1', 'U1', kit);
    states.set('T1', 'U2', EMPTY_HOME_STATE);
    states.set('T1', 'U1', kit);
    states.set('T1', 'U3', EMPTY_HOME_STATE);
    expect(states.size).toBe(2);
    expect(states.get('T1', 'U1')).toEqual(kit);
    expect(states.get('T1', 'U2')).toEqual(EMPTY_HOME_STATE);
    expect(states.get('T2', 'U1')).toEqual(EMPTY_HOME_STATE);
  });
});
