import type { Feature } from '../../kernel/feature.js';
import { createHomeReminderAction } from './home-reminder-action.js';
import { remindersHomeSection } from './home-section.js';
import { REMINDER_HOME_ACTION_PATTERNS } from './reminders-ids.js';
import { createReminderScheduler } from './scheduler/reminder-scheduler.js';
import { createReminderWebClient } from './scheduler/reminder-web-client.js';
import * as reminderTables from './storage/migrations/002-reminders.js';
import * as sharedChannelTables from './storage/migrations/008-reminder-shared-channels.js';
import { createReminderRepository } from './storage/reminder-repository.js';
import { createSharedChannelRepository } from './storage/shared-channel-repository.js';

/**
 * Reminders: `/hire remind` (in the /hire table), the scheduler that posts the tips, and each
 * person's reminders in their Home with buttons that do what `/hire remind` does. Every
 * instance runs the scheduler; the store's atomic claims make each post happen once.
 */
export const remindersFeature: Feature = {
  name: 'reminders',
  migrations: {
    '002-reminders': reminderTables,
    '008-reminder-shared-channels': sharedChannelTables,
  },
  homeSections: [remindersHomeSection],
  register(registry, ctx) {
    for (const action of ['pause', 'resume', 'off'] as const) {
      registry.action(REMINDER_HOME_ACTION_PATTERNS[action], createHomeReminderAction(action, ctx));
    }
  },
  start(ctx) {
    const client = createReminderWebClient({
      token: ctx.slack.botToken,
      slackApiUrl: ctx.slack.apiUrl,
    });
    const sharedChannels = createSharedChannelRepository(ctx.store);
    const scheduler = createReminderScheduler({
      reminders: createReminderRepository(ctx.store),
      client,
      // A channel shared with another organisation gets tips only when an admin allowed it.
      channelAllowed: async (sub) =>
        (await ctx.channelAudience(client, sub.channelId)) !== 'shared' ||
        sharedChannels.isAllowed(sub.teamId, sub.channelId),
      knowledge: ctx.knowledge,
      clock: ctx.clock,
      logger: ctx.logger.child({ component: 'reminders' }),
      graceMs: ctx.config.reminderGraceMs,
      leaseMs: ctx.config.reminderLeaseMs,
    });
    scheduler.start();
    return scheduler;
  },
};
