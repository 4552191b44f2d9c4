import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../../src/kernel/app-deps.js';
import {
  createHireCommandListener,
  type FollowUpArgs,
  type FollowUps,
} from '../../../src/kernel/hire-command/hire-command-listener.js';
import type { KnowledgeLookup } from '../../../src/kernel/knowledge/search/knowledge-lookup.js';
import { HIRE_ERROR_MESSAGE } from '../../../src/kernel/slack/error-message.js';
import type { CommandArgs } from '../../../src/kernel/slack/listener-router.js';
import { createTestDeps, type LogCapture } from '../../support/app-test-deps.js';

type Args = CommandArgs;

/** Calls the listener as Bolt would, recording ack() and respond() calls. */
async function run(deps: AppDeps, text: string, followUps: FollowUps = {}) {
  const acks: unknown[][] = [];
  const responds: unknown[] = [];
  const args = {
    command: { text, user_id: 'U1', channel_id: 'C1', team_id: 'T1', command: '/hire' },
    ack: async (...a: unknown[]) => {
      acks.push(a);
    },
    respond: async (message: unknown) => {
      responds.push(message);
    },
    client: {},
  } as unknown as Args;
  await createHireCommandListener(deps, followUps)(args);
  return { acks, responds };
}

describe('/hire listener', () => {
  let deps: AppDeps;
  let logs: LogCapture;
  beforeAll(async () => {
    ({ deps, logs } = await createTestDeps());
  });
  afterAll(async () => {
    await deps.store.close();
  });

  it('answers a lookup inside the ack, with no follow-up', async () => {
    const { acks, responds } = await run(deps, 'glossary Kafka');
    expect(acks).toHaveLength(1);
    expect(JSON.stringify(acks[0]?.[0])).toContain('Message Queue');
    expect(responds).toEqual([]);
  });

  it('a failing lookup answers a friendly error in the ack and logs it without the text', async () => {
    const broken = new Proxy({} as KnowledgeLookup, {
      get() {
        throw new Error('search index unavailable');
      },
    });
    const { acks } = await run({ ...deps, lookup: broken }, 'glossary Secret-Candidate-Name');
    expect(acks).toEqual([[HIRE_ERROR_MESSAGE]]);
    const line = logs.lines.find((l) => l.msg === 'lookup failed');
    expect(line).toMatchObject({ user: 'U1', err: { message: 'search index unavailable' } });
    expect(logs.raw()).not.toContain('Secret-Candidate-Name');
  });

  it('remind acks empty at once, then hands over to its follow-up', async () => {
    const seen: FollowUpArgs<'remind'>[] = [];
    const { acks } = await run(deps, 'remind daily 09:00', {
      remind: async (args) => {
        seen.push(args);
      },
    });
    expect(acks).toEqual([[]]);
    expect(seen[0]?.request).toEqual({ kind: 'remind', args: 'daily 09:00' });
    expect(seen[0]?.command.channel_id).toBe('C1');
  });

  it('a failing follow-up is logged and answered privately, never thrown', async () => {
    const { acks, responds } = await run(deps, 'flags recent', {
      'flags-recent': async () => {
        throw new Error('database is locked');
      },
    });
    expect(acks).toEqual([[]]);
    expect(responds).toEqual([HIRE_ERROR_MESSAGE]);
    expect(logs.lines.some((l) => l.msg === 'subcommand failed' && l.kind === 'flags-recent')).toBe(
      true,
    );
  });
});
