import type { WebClient } from '@slack/web-api';
import type { SlackMessage } from '../../kernel/slack/blocks/slack-message.js';
import { describePostRefusal } from '../../kernel/slack/post-refusal.js';
import type { FlagOutcome } from './blocks/build-flag-status-views.js';
import type { Delivery } from './flag-record.js';
import type { Destination } from './flag-review.js';

export type DeliveryResult = { delivered: Delivery; reason?: string };

/**
 * Posts the summary where the reviewer chose. A thread that refuses it (bot not in the
 * channel, channel gone or archived, any other error) makes the summary go to the reviewer
 * privately, with the reason; `build` receives that reason so the message can say it.
 */
export async function deliverSummary(
  client: WebClient,
  target: {
    destination: Destination;
    channelId: string;
    messageTs: string;
    reviewerId: string;
    /** Why the thread must not get it (a channel shared with another organisation). */
    threadRefused?: string;
  },
  build: (privateBecause?: string) => SlackMessage,
): Promise<DeliveryResult> {
  let reason: string | undefined =
    target.destination === 'thread' ? target.threadRefused : undefined;
  if (target.destination === 'thread' && reason === undefined) {
    try {
      const message = build();
      await client.chat.postMessage({
        channel: target.channelId,
        thread_ts: target.messageTs,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
      });
      return { delivered: 'thread' };
    } catch (error) {
      reason = describePostRefusal(error);
    }
  }
  try {
    // Posting to a user id lands in the app's direct messages with that user.
    const message = build(reason);
    await client.chat.postMessage({
      channel: target.reviewerId,
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
    });
    return reason ? { delivered: 'private-fallback', reason } : { delivered: 'private' };
  } catch (error) {
    return { delivered: 'undelivered', reason: reason ?? describePostRefusal(error) };
  }
}

/** The confirmation's view of a delivery and a store attempt. */
export function toOutcome(result: DeliveryResult, stored: boolean): FlagOutcome {
  if (result.delivered === 'private-fallback') {
    return { delivered: 'private-fallback', reason: result.reason ?? 'unknown', stored };
  }
  if (result.delivered === 'undelivered') {
    return { delivered: 'nowhere', reason: result.reason ?? 'unknown', stored };
  }
  return { delivered: result.delivered, stored };
}
