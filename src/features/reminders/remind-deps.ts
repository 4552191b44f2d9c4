import type { AppDeps } from '../../kernel/app-deps.js';
import type { RemindDeps } from './handle-remind.js';
import { createReminderRepository } from './storage/reminder-repository.js';
import { createSharedChannelRepository } from './storage/shared-channel-repository.js';

/** What `/hire remind` needs from the app, for the slash command and the Home's buttons alike. */
export function remindDepsOf(deps: AppDeps, listener: string): RemindDeps {
  return {
    reminders: createReminderRepository(deps.store),
    sharedChannels: createSharedChannelRepository(deps.store),
    knowledge: deps.knowledge.current().knowledge,
    clock: deps.clock,
    logger: deps.logger.child({ listener }),
    hireAdmins: deps.config.hireAdmins,
    events: deps.events,
  };
}
