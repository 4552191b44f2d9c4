import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { AppEvents } from '../../kernel/app-events.js';
import type { Clock } from '../../kernel/clock.js';
import type { ChannelAudienceLookup } from '../../kernel/slack/access/channel-audience.js';
import type { SlackMessage } from '../../kernel/slack/blocks/slack-message.js';
import { describePostRefusal } from '../../kernel/slack/post-refusal.js';
import { buildKitThreadStarter, privateKitNotice } from './blocks/build-kit-delivery-replies.js';
import { buildKitMessage } from './blocks/build-kit-message.js';
import { type KitDelivered, NOT_POSTED } from './kit-delivery.js';
import { storeKit } from './kit-flow.js';
import type { KitPlan } from './kit-plan.js';
import { expectedScorers, type StoredKit } from './kit-records.js';
import type { KitDestination, KitRequest, KitTarget } from './kit-request.js';
import type { KitRepository } from './storage/kit-repository.js';

/** A planned kit and where its creator wants it. */
export type KitOrder = {
  teamId: string;
  createdBy: string;
  request: Pick<KitRequest, 'candidateLabel'>;
  plan: KitPlan;
  panel: readonly string[];
  target: KitTarget;
  interviewAt?: Date;
};

export type DeliverKitDeps = {
  kits: Pick<KitRepository, 'saveKit' | 'setDestination'>;
  client: WebClient;
  channelAudience: ChannelAudienceLookup;
  clock: Clock;
  events: Pick<AppEvents, 'emit'>;
  logger: Pick<Logger, 'info' | 'warn'>;
  /** Shows the creator a private message: respond() after a command or a button, else a DM. */
  showPrivately(message: SlackMessage): Promise<void>;
};

/**
 * Posts the kit where it was asked for: in the channel, or as a thread of its own under a
 * short opening message (which holds no look-fors). Resolves with where it went.
 */
async function postToChannel(
  client: WebClient,
  kit: StoredKit,
  target: Extract<KitTarget, { kind: 'channel' }>,
): Promise<KitDestination> {
  const message = buildKitMessage(kit, 'channel');
  const post = { channel: target.channelId, unfurl_links: false, unfurl_media: false };
  if (!target.inThread) {
    await client.chat.postMessage({ ...post, text: message.text, blocks: message.blocks });
    return { kind: 'channel', channelId: target.channelId };
  }
  const starter = buildKitThreadStarter(kit);
  const parent = await client.chat.postMessage({
    ...post,
    text: starter.text,
    blocks: starter.blocks,
  });
  const threadTs = parent.ts;
  if (threadTs === undefined) throw new Error('Slack gave no ts for the thread');
  try {
    await client.chat.postMessage({
      ...post,
      thread_ts: threadTs,
      text: message.text,
      blocks: message.blocks,
    });
  } catch (error) {
    // An opening message saying "the plan is in this thread" must not stay over an empty one.
    await client.chat.delete({ channel: target.channelId, ts: threadTs }).catch(() => undefined);
    throw error;
  }
  return { kind: 'thread', channelId: target.channelId, threadTs };
}

/**
 * Stores a planned kit (its Score button needs the id) and sends it: to the channel or thread
 * asked for, unless that channel is shared with another organisation or refuses the post —
 * then privately, saying why; privately when asked. Each panel member gets their own
 * questions in a direct message, and everyone now owing a scorecard gets a fresh Home.
 */
export async function deliverKit(order: KitOrder, deps: DeliverKitDeps): Promise<KitDelivered> {
  const { client, kits } = deps;
  let target = order.target;
  let privateBecause: string | undefined;
  if (target.kind === 'channel') {
    const audience = await deps.channelAudience(client, target.channelId);
    if (audience !== 'internal') {
      privateBecause = NOT_POSTED[audience];
      target = { kind: 'private' };
    }
  }

  const { kit, posts } = await storeKit(kits, {
    teamId: order.teamId,
    createdBy: order.createdBy,
    request: order.request,
    plan: order.plan,
    panel: order.panel,
    destination:
      target.kind === 'channel' ? { kind: 'channel', channelId: target.channelId } : target,
    ...(order.interviewAt === undefined ? {} : { interviewAt: order.interviewAt }),
    now: deps.clock.now(),
  });

  let destination: KitDestination = kit.destination;
  if (target.kind === 'channel') {
    try {
      destination = await postToChannel(client, kit, target);
    } catch (error) {
      privateBecause = describePostRefusal(error);
      destination = { kind: 'private' };
    }
    if (destination.kind !== 'channel') await kits.setDestination(kit.teamId, kit.id, destination);
  }
  const sent: StoredKit = { ...kit, destination };
  if (destination.kind === 'private') {
    const notice = privateKitNotice(privateBecause);
    await deps.showPrivately(
      buildKitMessage(sent, 'private', notice === undefined ? {} : { notice }),
    );
  }

  const reached: string[] = [];
  const missed: string[] = [];
  for (const post of posts) {
    if (post.to !== 'member') continue;
    try {
      // A user id as the channel lands in the app's direct messages with that person.
      await client.chat.postMessage({
        channel: post.userId,
        text: post.message.text,
        blocks: post.message.blocks,
        unfurl_links: false,
      });
      reached.push(post.userId);
    } catch (error) {
      missed.push(post.userId);
      deps.logger.warn(
        { err: error, kit: kit.id, member: post.userId },
        'could not send a panel member their questions',
      );
    }
  }

  for (const userId of expectedScorers(sent)) {
    deps.events.emit('home-changed', { teamId: sent.teamId, userId });
  }
  deps.logger.info(
    {
      kit: kit.id,
      team: kit.teamId,
      destination: destination.kind,
      asked: order.target.kind,
      panel: kit.panel.length,
      missed: missed.length,
    },
    'kit delivered',
  );
  return {
    kit: sent,
    destination,
    ...(privateBecause === undefined ? {} : { privateBecause }),
    reached,
    missed,
  };
}
