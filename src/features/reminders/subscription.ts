import { z } from 'zod';
import { reminderSettingsSchema } from './reminder-settings.js';

/**
 * Why a reminder is paused: a person asked (`pause`), or Slack refused to post in the
 * channel (archived, deleted, bot removed) and the scheduler stopped it.
 */
export const pauseReason = z.enum([
  'requested',
  'channel_not_found',
  'is_archived',
  'not_in_channel',
  'restricted_action',
  /** The channel became shared with another organisation, and no admin opened it to tips. */
  'shared_channel',
]);
export type PauseReason = z.infer<typeof pauseReason>;

/** A channel's reminder as the app works with it (the store maps rows to this). */
export const subscriptionSchema = reminderSettingsSchema.extend({
  id: z.string(),
  teamId: z.string(),
  channelId: z.string(),
  /** Slack user id of whoever set it up or last changed it: told privately about failures. */
  createdBy: z.string(),
  status: z.enum(['active', 'paused']),
  /** ISO date the pause ends (it resumes at the first run on or after it). */
  pausedUntil: z.string().optional(),
  pauseReason: pauseReason.optional(),
  /** Next due instant (UTC); null while paused without an end date. */
  nextRunAt: z.date().nullable(),
  lastSentAt: z.date().optional(),
  createdAt: z.date(),
});
export type Subscription = z.infer<typeof subscriptionSchema>;
