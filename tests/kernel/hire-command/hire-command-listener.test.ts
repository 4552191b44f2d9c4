import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHireCommand } from '../../../src/kernel/hire-command/hire-command.js';
import { createHireCommandListener } from '../../../src/kernel/hire-command/hire-command-listener.js';
import {
  defineSubcommand,
  type FollowUpContext,
  reply,
} from '../../../src/kernel/hire-command/subcommand.js';
import type { KnowledgeSource } from '../../../src/kernel/knowledge/knowledge-source.js';
import { HIRE_ERROR_MESSAGE } from '../../../src/kernel/slack/blocks/error-message.js';
import type { CommandArgs } from '../../../src/kernel/slack/listener-router.js';
import { createTestDeps, type LogCapture, type TestDeps } from '../../support/app-test-deps.js';

const message = (text: string) => ({ text, blocks: [] });
const answered: string[] = [];
const followedUp: FollowUpContext[] = [];

/** A small table: an answer, a fresh answer, a follow-up, and answers that fail. */
const hire = createHireCommand([
  defineSubcommand({
    name: 'echo',
    aliases: ['echo'],
    help: [{ usage: 'echo <words>', example: 'echo hi', what: 'Says the words back.' }],
    request: z.object({ words: z.string() }),
    read: (words) => ({ words }),
    answer: ({ words }, ctx) => {
      answered.push(words);
      if (words.startsWith('boom')) throw new Error('search index unavailable');
      return reply(message(`${words} v${ctx.version}`), { fresh: words === 'fresh' });
    },
  }),
  defineSubcommand({
    name: 'later',
    aliases: ['later'],
    help: [{ usage: 'later', example: 'later', what: 'Answers after the ack.' }],
    request: z.object({ fail: z.boolean() }),
    read: (args) => ({ fail: args === 'fail' }),
    answer: ({ fail }) => ({
      followUp: async (ctx) => {
        followedUp.push(ctx);
        if (fail) throw new Error('database is locked');
        await ctx.respond(message('done'));
      },
      elsewhere: 'Only in Slack.',
    }),
  }),
]);

/** Calls the listener as Bolt would, recording ack() and respond() calls. */
async function run(listener: ReturnType<typeof createHireCommandListener>, text: string) {
  const acks: unknown[][] = [];
  const responds: unknown[] = [];
  const args = {
    command: { text, user_id: 'U1', channel_id: 'C1', team_id: 'T1', command: '/hire' },
    ack: async (...a: unknown[]) => {
      acks.push(a);
    },
    respond: async (reply: unknown) => {
      responds.push(reply);
    },
    client: {},
  } as unknown as CommandArgs;
  await listener(args);
  return { acks, responds };
}

describe('/hire listener', () => {
  let deps: TestDeps;
  let logs: LogCapture;
  let version = 1;
  let listener: ReturnType<typeof createHireCommandListener>;
  beforeAll(async () => {
    ({ deps, logs } = await createTestDeps());
    const real = deps.knowledge.current();
    const knowledge: KnowledgeSource = { current: () => ({ ...real, version }) };
    listener = createHireCommandListener(hire, { ...deps, knowledge });
  });
  afterAll(async () => {
    await deps.store.close();
  });

  it('answers inside the ack, with no follow-up', async () => {
    const { acks, responds } = await run(listener, 'echo hello');
    expect(acks).toEqual([[message('hello v1')]]);
    expect(responds).toEqual([]);
  });

  it('reuses a repeated answer, makes a fresh one every time, and starts over for new knowledge', async () => {
    answered.length = 0;
    await run(listener, 'echo again');
    await run(listener, 'echo again');
    await run(listener, 'echo fresh');
    await run(listener, 'echo fresh');
    expect(answered).toEqual(['again', 'fresh', 'fresh']);
    version = 2;
    const { acks } = await run(listener, 'echo again');
    expect(acks).toEqual([[message('again v2')]]);
    expect(answered).toEqual(['again', 'fresh', 'fresh', 'again']);
  });

  it('a failing answer acks a friendly error and logs it without the text', async () => {
    const { acks } = await run(listener, 'echo boom Secret-Candidate-Name');
    expect(acks).toEqual([[HIRE_ERROR_MESSAGE]]);
    const line = logs.lines.find((l) => l.msg === 'lookup failed');
    expect(line).toMatchObject({ user: 'U1', err: { message: 'search index unavailable' } });
    expect(logs.raw()).not.toContain('Secret-Candidate-Name');
  });

  it('a follow-up acks empty at once, then runs with the command and the app', async () => {
    const { acks, responds } = await run(listener, 'later');
    expect(acks).toEqual([[]]);
    expect(responds).toEqual([message('done')]);
    expect(followedUp.at(-1)?.command.channel_id).toBe('C1');
    expect(followedUp.at(-1)?.deps.store).toBe(deps.store);
  });

  it('a failing follow-up is logged and answered privately, never thrown', async () => {
    const { acks, responds } = await run(listener, 'later fail');
    expect(acks).toEqual([[]]);
    expect(responds).toEqual([HIRE_ERROR_MESSAGE]);
    expect(logs.lines.some((l) => l.msg === 'subcommand failed' && l.subcommand === 'later')).toBe(
      true,
    );
  });
});
