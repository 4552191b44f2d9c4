import type { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHomePublisher } from '../../../src/features/home/publish-home.js';
import type { AppEventMap } from '../../../src/kernel/app-events.js';
import { createHireCommandListener } from '../../../src/kernel/hire-command/hire-command-listener.js';
import type { CommandArgs } from '../../../src/kernel/slack/listener-router.js';
import { answerContext, hire } from '../../support/answer-hire.js';
import { createTestDeps, type TestDeps } from '../../support/app-test-deps.js';
import { fixtureKnowledge } from '../../support/fixture-knowledge.js';

const ctx = answerContext(fixtureKnowledge());
const lookupOf = (text: string) => {
  const outcome = hire.run(text, ctx);
  return 'reply' in outcome ? outcome.lookup : undefined;
};

describe('what each /hire answer reports as a lookup', () => {
  it('lookups report their module, the normalised words, hit or miss and the entry', () => {
    expect(lookupOf('glossary Message-Queue??')).toEqual({
      module: 'glossary',
      query: 'message queue',
      hit: true,
      entry: 'message-queue',
    });
    expect(lookupOf('what is QuokkaBase?')).toEqual({
      module: 'glossary',
      query: 'quokkabase',
      hit: false,
    });
    expect(lookupOf('search latency')).toMatchObject({
      module: 'search',
      query: 'latency',
      hit: true,
    });
    expect(lookupOf('search zzqqxx')).toMatchObject({ module: 'search', hit: false });
    expect(lookupOf('levels quokka')).toEqual({ module: 'levels', query: 'quokka', hit: false });
    expect(lookupOf('levels senior')).toMatchObject({
      module: 'levels',
      query: 'senior',
      hit: true,
    });
    expect(lookupOf('questions senior databases')).toMatchObject({
      module: 'questions',
      query: 'databases',
      entry: 'databases',
    });
    expect(lookupOf('questions senior quokka')).toMatchObject({ module: 'questions', hit: false });
    expect(lookupOf('questions quokka')).toMatchObject({ module: 'questions', hit: false });
    expect(lookupOf('skills quokka')).toMatchObject({ module: 'skills', hit: false });
    expect(lookupOf('skills api design')).toMatchObject({ module: 'skills', entry: 'api-design' });
    expect(lookupOf('mistakes quokka')).toMatchObject({ module: 'mistakes', hit: false });
    expect(lookupOf('expectations quokka')).toMatchObject({ module: 'expectations', hit: false });
    expect(lookupOf('sources quokka')).toMatchObject({ module: 'sourcing', hit: false });
  });

  it('lists, help, and what is not a lookup (candidate labels, reminders, stats) report nothing', () => {
    for (const text of [
      'glossary',
      'search',
      'levels',
      'questions',
      'skills',
      'mistakes',
      'market',
      'compare',
      'flags',
      'help',
      'quokkabase please',
      'stats forever',
      'glossary ?!',
    ]) {
      expect(lookupOf(text), text).toBeUndefined();
    }
    for (const text of [
      'remind daily 9am',
      'kit senior 60 for Jane Doe',
      'scorecards Jane Doe',
      'flags recent',
      'stats',
    ]) {
      expect('followUp' in hire.run(text, ctx), text).toBe(true);
    }
  });
});

describe('the lookup event carries the workspace, never the person', () => {
  let deps: TestDeps;
  const seen: AppEventMap['lookup'][] = [];
  beforeAll(async () => {
    ({ deps } = await createTestDeps());
    deps.events.on('lookup', (event) => {
      seen.push(event);
    });
  });
  afterAll(async () => {
    await deps.store.close();
  });

  it('from /hire', async () => {
    seen.length = 0;
    const listener = createHireCommandListener(deps.hire, deps);
    const command = (text: string) =>
      listener({
        command: {
          text,
          user_id: 'U0ASKER',
          channel_id: 'C1',
          team_id: 'T0TEAM',
          command: '/hire',
        },
        ack: async () => undefined,
        respond: async () => undefined,
        client: {},
      } as unknown as CommandArgs);
    await command('glossary quokkabase');
    await command('glossary quokkabase');
    await command('market');
    await deps.events.idle();
    expect(seen).toEqual([
      {
        teamId: 'T0TEAM',
        subcommand: 'glossary',
        module: 'glossary',
        query: 'quokkabase',
        hit: false,
      },
      {
        teamId: 'T0TEAM',
        subcommand: 'glossary',
        module: 'glossary',
        query: 'quokkabase',
        hit: false,
      },
    ]);
    expect(JSON.stringify(seen)).not.toContain('U0ASKER');
  });

  it("from the Home's search", async () => {
    seen.length = 0;
    const publisher = createHomePublisher(deps);
    const client = { views: { publish: async () => ({ ok: true }) } } as unknown as WebClient;
    const owner = { teamId: 'T0TEAM', userId: 'U0ASKER' };
    const state = {
      ...publisher.stateOf(owner),
      results: { kind: 'command' as const, command: 'search Quokka' },
    };
    expect(await publisher.publish(client, owner, state, { announceLookup: true })).toBe(true);
    // A refresh of the same Home is not a new lookup.
    expect(await publisher.publish(client, owner, state)).toBe(true);
    await deps.events.idle();
    expect(seen).toEqual([
      { teamId: 'T0TEAM', subcommand: 'search', module: 'search', query: 'quokka', hit: false },
    ]);
  });
});
