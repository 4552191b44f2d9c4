import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type LoopbackSlack,
  startLoopbackSlack,
} from '../../../src/dev/loopback-slack/loopback-slack.js';
import {
  DEFAULT_CHANNEL_ID,
  DEFAULT_SHARED_CHANNEL_ID,
} from '../../../src/dev/loopback-slack/workspace.js';
import { createBuildKitButton } from '../../../src/features/kits/build-kit-button.js';
import { createBuildKitShortcut } from '../../../src/features/kits/build-kit-shortcut.js';
import { storeKit } from '../../../src/features/kits/kit-flow.js';
import type { KitDestination } from '../../../src/features/kits/kit-request.js';
import { createKitRequestSubmission } from '../../../src/features/kits/kit-request-submission.js';
import {
  BUILD_KIT_SHORTCUT,
  KIT_ACTIONS,
  KIT_REQUEST_INPUTS,
  KIT_REQUEST_VIEW,
  KIT_SCORECARD_VIEW,
} from '../../../src/features/kits/kits-ids.js';
import { planKit } from '../../../src/features/kits/plan-kit.js';
import { createScoreAction } from '../../../src/features/kits/score-action.js';
import { createScorecardSubmission } from '../../../src/features/kits/scorecard-submission.js';
import { HIRE_ACTIONS } from '../../../src/kernel/hire-command/hire-command-ids.js';
import type {
  ButtonArgs,
  GlobalShortcutArgs,
  ViewSubmissionArgs,
} from '../../../src/kernel/slack/listener-router.js';
import { createTestDeps, type TestDeps } from '../../support/app-test-deps.js';
import { fixtureKnowledge } from '../../support/fixture-knowledge.js';
import { scorecardState } from './support/kit-fixtures.js';

const knowledge = fixtureKnowledge();
const TEAM = 'T0LOOPBACK';
const ALICE = 'U0ALICE';

let slack: LoopbackSlack;
let deps: TestDeps;
let acks: unknown[];
let responses: unknown[];
let homes: string[];

beforeEach(async () => {
  slack = await startLoopbackSlack();
  slack.workspace.addUser({ id: ALICE, name: 'alice', tz: 'UTC' });
  ({ deps } = await createTestDeps());
  acks = [];
  responses = [];
  homes = [];
  deps.events.on('home-changed', ({ userId }) => {
    homes.push(userId);
  });
});
afterEach(async () => {
  await slack.close();
  await deps.store.close();
});

/**
 * Bolt's listener arguments for a loopback payload, as far as the handlers read them: the
 * body, ack, respond and a WebClient on the loopback. The rest of Bolt's arguments (context,
 * say, next, …) the handlers never touch, hence the one cast.
 */
function boltArgs<T>(body: Record<string, unknown>): T {
  const args = {
    body,
    payload: body,
    view: body.view,
    shortcut: body,
    action: (body.actions as unknown[] | undefined)?.[0],
    client: new WebClient(slack.botToken, {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 0 },
    }),
    ack: async (response?: unknown) => {
      acks.push(response);
    },
    respond: async (message: unknown) => {
      responses.push(message);
    },
  };
  return args as unknown as T;
}

async function savedKit(destination: KitDestination = { kind: 'private' }, panel = [ALICE]) {
  const planned = planKit({ level: 'senior', minutes: 45, areas: [], seed: 'h', panel }, knowledge);
  if (!planned.ok) throw new Error('no plan');
  const { kit } = await storeKit(deps.store.kits, {
    teamId: TEAM,
    createdBy: 'U0MANAGER',
    request: { candidateLabel: 'Backend #42' },
    plan: planned.plan,
    panel,
    destination,
    now: deps.clock.now(),
  });
  return kit;
}

const opened = () => slack.callsTo('views.open').map((c) => JSON.stringify(c.args.view));

describe('"Score this interview"', () => {
  const press = (value: string, userId = ALICE) =>
    createScoreAction(deps)(
      boltArgs<ButtonArgs>(
        slack.payloads.blockAction({ actionId: KIT_ACTIONS.score, value, userId }),
      ),
    );

  it('opens the scorecard for a panel member, and says why not for anyone else', async () => {
    const kit = await savedKit();
    await press(kit.id);
    await press(kit.id, 'U0LOOPBACK');
    await press('00000000-0000-4000-8000-000000000000');
    await press('<!channel> not an id');
    const [form, stranger, gone, garbage] = opened();
    expect(acks).toHaveLength(4);
    expect(form).toContain(KIT_SCORECARD_VIEW);
    expect(form).toContain('"submit"');
    expect(stranger).toContain('you are not on it');
    expect(gone).toContain('no longer stored');
    expect(garbage).toContain('no longer stored');
  });

  it('tells the presser privately when the trigger has expired', async () => {
    const kit = await savedKit();
    slack.failNext('views.open', 'expired_trigger_id');
    await press(kit.id);
    expect(JSON.stringify(responses)).toContain('did not open');
  });
});

describe('scorecard submission', () => {
  const submit = (kitId: string, values = scorecardState({})) =>
    createScorecardSubmission(deps)(
      boltArgs<ViewSubmissionArgs>(
        slack.payloads.viewSubmission({
          callbackId: KIT_SCORECARD_VIEW,
          privateMetadata: kitId,
          values: values as Record<string, Record<string, unknown>>,
          userId: ALICE,
        }),
      ),
    );
  const answers = scorecardState({
    questions: { 1: { rating: 'yes' } },
    recommendation: 'yes',
    note: 'clear',
  });

  it('posts no word of it into a channel that became shared, and refreshes the Home', async () => {
    const kit = await savedKit({ kind: 'channel', channelId: DEFAULT_SHARED_CHANNEL_ID });
    await submit(kit.id, answers);
    expect(acks[0]).toMatchObject({ response_action: 'update' });
    const posted = slack.callsTo('chat.postMessage').map((c) => c.args.channel);
    expect(posted).toEqual([ALICE]);
    await deps.events.idle();
    expect(homes).toEqual([ALICE]);
  });

  it('posts the progress line into the kit thread', async () => {
    const kit = await savedKit({
      kind: 'thread',
      channelId: DEFAULT_CHANNEL_ID,
      threadTs: '1712345678.000100',
    });
    await submit(kit.id, answers);
    const inChannel = slack
      .callsTo('chat.postMessage')
      .find((c) => c.args.channel === DEFAULT_CHANNEL_ID);
    expect(inChannel?.args.thread_ts).toBe('1712345678.000100');
  });

  it('keeps the form open with a message when the store fails, storing nothing', async () => {
    const kit = await savedKit();
    await deps.store.close();
    await submit(kit.id, answers);
    expect(acks[0]).toMatchObject({
      response_action: 'errors',
      errors: { kit_recommendation: expect.stringContaining('could not be saved') },
    });
    expect(slack.callsTo('chat.postMessage')).toEqual([]);
    ({ deps } = await createTestDeps());
  });
});

describe('"Build interview kit"', () => {
  it('opens the request modal from the shortcut', async () => {
    await createBuildKitShortcut(deps)(
      boltArgs<GlobalShortcutArgs>(
        slack.payloads.globalShortcut({ callbackId: BUILD_KIT_SHORTCUT }),
      ),
    );
    expect(acks).toEqual([undefined]);
    expect(opened()[0]).toContain(KIT_REQUEST_VIEW);
  });

  it("opens the same modal from the Home's Build an interview kit button", async () => {
    await createBuildKitButton(deps)(
      boltArgs<ButtonArgs>(
        slack.payloads.blockAction({
          actionId: HIRE_ACTIONS.buildKit,
          value: 'kit',
          userId: ALICE,
        }),
      ),
    );
    expect(acks).toEqual([undefined]);
    expect(opened()).toHaveLength(1);
    expect(opened()[0]).toContain(KIT_REQUEST_VIEW);
  });

  const submit = (values: Record<string, Record<string, unknown>>) =>
    createKitRequestSubmission(deps)(
      boltArgs<ViewSubmissionArgs>(
        slack.payloads.viewSubmission({ callbackId: KIT_REQUEST_VIEW, values, userId: ALICE }),
      ),
    );
  const ids = KIT_REQUEST_INPUTS;
  const form = (level: string, areas: string[] = []) => ({
    [ids.level.blockId]: {
      [ids.level.actionId]: { type: 'static_select', selected_option: { value: level } },
    },
    [ids.minutes.blockId]: {
      [ids.minutes.actionId]: { type: 'static_select', selected_option: { value: '30' } },
    },
    [ids.areas.blockId]: {
      [ids.areas.actionId]: {
        type: 'multi_static_select',
        selected_options: areas.map((value) => ({ value })),
      },
    },
  });

  it('answers under the areas when no question fits, building nothing', async () => {
    await deps.store.close();
    const noDatabases = {
      ...knowledge,
      questions: {
        ...knowledge.questions,
        questions: knowledge.questions.questions.filter((q) => q.area !== 'databases'),
      },
    };
    ({ deps } = await createTestDeps({}, { knowledge: noDatabases }));
    await submit(form('staff', ['databases']));
    expect(acks[0]).toMatchObject({
      response_action: 'errors',
      errors: { [ids.areas.blockId]: expect.stringContaining('Choose other areas') },
    });
    expect(slack.callsTo('chat.postMessage')).toEqual([]);
  });

  it('sends a private kit to the creator and says so in the modal', async () => {
    await submit(form('mid'));
    expect(acks[0]).toMatchObject({ response_action: 'update' });
    const [dm] = slack.callsTo('chat.postMessage');
    expect(dm?.args.channel).toBe(ALICE);
    expect(JSON.stringify(dm?.args.blocks)).toContain(KIT_ACTIONS.score);
    const [update] = slack.callsTo('views.update');
    expect(JSON.stringify(update?.args.view)).toContain('in your direct messages');
  });

  it('says in the modal when the kit could not be sent', async () => {
    slack.failNext('chat.postMessage', 'internal_error');
    await submit(form('mid'));
    const [update] = slack.callsTo('views.update');
    expect(JSON.stringify(update?.args.view)).toContain('could not be built');
  });
});
