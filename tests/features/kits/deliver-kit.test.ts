import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type LoopbackSlack,
  startLoopbackSlack,
} from '../../../src/dev/loopback-slack/loopback-slack.js';
import { DEFAULT_CHANNEL_ID, DEFAULT_USER_ID } from '../../../src/dev/loopback-slack/workspace.js';
import { checkMessageLimits } from '../../../src/dev/slack-limits.js';
import { type DeliverKitDeps, deliverKit } from '../../../src/features/kits/deliver-kit.js';
import type { KitTarget } from '../../../src/features/kits/kit-request.js';
import { planKit } from '../../../src/features/kits/plan-kit.js';
import type { SlackMessage } from '../../../src/kernel/slack/blocks/slack-message.js';
import { createTestDeps, type TestDeps } from '../../support/app-test-deps.js';
import { fixtureKnowledge } from '../../support/fixture-knowledge.js';

const knowledge = fixtureKnowledge();
const TEAM = 'T0LOOPBACK';
const PANEL = ['U0ALICE', 'U0BOB'];

let slack: LoopbackSlack;
let deps: TestDeps;
let shown: SlackMessage[];
let homes: string[];

beforeEach(async () => {
  slack = await startLoopbackSlack();
  slack.workspace.addUser({ id: 'U0ALICE', name: 'alice', tz: 'UTC' });
  ({ deps } = await createTestDeps());
  shown = [];
  homes = [];
  deps.events.on('home-changed', ({ userId }) => {
    homes.push(userId);
  });
});
afterEach(async () => {
  await slack.close();
  await deps.store.close();
});

function io(): DeliverKitDeps {
  return {
    kits: deps.store.kits,
    client: new WebClient(slack.botToken, {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 0 },
    }),
    channelAudience: deps.channelAudience,
    clock: deps.clock,
    events: deps.events,
    logger: deps.logger,
    showPrivately: async (message) => {
      shown.push(message);
    },
  };
}

function order(target: KitTarget, panel: string[] = PANEL) {
  const planned = planKit({ level: 'senior', minutes: 45, areas: [], seed: 'd', panel }, knowledge);
  if (!planned.ok) throw new Error('no plan');
  return {
    teamId: TEAM,
    createdBy: DEFAULT_USER_ID,
    request: { candidateLabel: 'Backend #42' },
    plan: planned.plan,
    panel,
    target,
  };
}

const channel = (channelId: string, inThread = false): KitTarget => ({
  kind: 'channel',
  channelId,
  inThread,
});
const text = (value: unknown) => JSON.stringify(value);
const posts = () => slack.callsTo('chat.postMessage');

describe('deliverKit', () => {
  it('posts in the channel, stores where it went and tells each member and their Home', async () => {
    const delivered = await deliverKit(order(channel(DEFAULT_CHANNEL_ID)), io());
    expect(delivered.destination).toEqual({ kind: 'channel', channelId: DEFAULT_CHANNEL_ID });
    expect(shown).toEqual([]);
    expect((await deps.store.kits.getKit(TEAM, delivered.kit.id))?.destination).toEqual(
      delivered.destination,
    );
    // Bob is not in the workspace: Slack refuses his message; Alice gets hers.
    expect(delivered.reached).toEqual(['U0ALICE']);
    expect(delivered.missed).toEqual(['U0BOB']);
    for (const call of posts().filter((c) => c.outcome === 'ok')) {
      expect(
        checkMessageLimits({ text: String(call.args.text), blocks: [call.args.blocks].flat() }),
      ).toEqual([]);
    }
    await deps.events.idle();
    expect(homes.sort()).toEqual(PANEL);
  });

  it('comes privately, saying why, when the bot is not in the channel', async () => {
    const delivered = await deliverKit(order(channel('C0OUTSIDE'), []), io());
    expect(delivered.destination).toEqual({ kind: 'private' });
    expect(delivered.privateBecause).toContain('not a member');
    expect(shown).toHaveLength(1);
    expect(text(shown[0])).toContain('invite it with /invite');
    expect(text(shown[0])).toContain('Score this interview');
    expect((await deps.store.kits.getKit(TEAM, delivered.kit.id))?.destination).toEqual({
      kind: 'private',
    });
  });

  it('asks nothing of a channel it cannot check, and posts nothing there', async () => {
    slack.failNext('conversations.info', 'internal_error');
    const delivered = await deliverKit(order(channel(DEFAULT_CHANNEL_ID), []), io());
    expect(delivered.privateBecause).toContain('could not check who can read');
    expect(posts().filter((c) => c.args.channel === DEFAULT_CHANNEL_ID)).toEqual([]);
  });

  it('opens a thread for the kit and removes the opening when the kit cannot follow', async () => {
    const threaded = await deliverKit(order(channel(DEFAULT_CHANNEL_ID, true), []), io());
    expect(threaded.destination).toMatchObject({ kind: 'thread', channelId: DEFAULT_CHANNEL_ID });
    const stored = await deps.store.kits.getKit(TEAM, threaded.kit.id);
    expect(stored?.destination).toEqual(threaded.destination);

    // The opening goes through; Slack refuses the kit posted under it.
    const failing = io();
    const post = failing.client.chat.postMessage.bind(failing.client.chat);
    failing.client.chat.postMessage = async (args) => {
      const answer = await post(args);
      slack.failNext('chat.postMessage', 'msg_too_long');
      return answer;
    };
    const failed = await deliverKit(order(channel(DEFAULT_CHANNEL_ID, true), []), failing);
    expect(failed.destination).toEqual({ kind: 'private' });
    expect(failed.privateBecause).toContain('msg_too_long');
    expect(slack.callsTo('chat.delete')).toHaveLength(1);
  });
});
