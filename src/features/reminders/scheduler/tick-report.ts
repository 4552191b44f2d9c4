import type { DeliveryKey, SeenTips } from '../storage/reminder-repository.js';
import type { Subscription } from '../subscription.js';

/** One occurrence this instance holds the claim of, with the tips its channel has seen. */
export type ClaimedWork = { sub: Subscription; key: DeliveryKey; seen?: SeenTips };

export type TickReport = {
  /** Occurrences this instance won and tried to send. */
  claimed: number;
  sent: number;
  /** Too late (beyond the grace window), workspace disabled, or turned off or paused since. */
  skipped: number;
  failed: number;
  /** Failures after which the tip may or may not be in the channel: not retried, never doubled. */
  maybeSent: number;
  /** Subscriptions paused because their channel refused posts. */
  paused: number;
  /** Abandoned claims (owner died) this instance took over. */
  takenOver: number;
  /** Due occurrences another instance claimed first, or took over from this one. */
  lost: number;
  /** Claims handed back unsent because this instance was stopping (another one posts them). */
  released: number;
  /** Longest time between Slack's ok and the database saying `sent` (the one unfenced window). */
  maxUnrecordedMs: number;
};

export function emptyReport(): TickReport {
  return {
    claimed: 0,
    sent: 0,
    skipped: 0,
    failed: 0,
    maybeSent: 0,
    paused: 0,
    takenOver: 0,
    lost: 0,
    released: 0,
    maxUnrecordedMs: 0,
  };
}
