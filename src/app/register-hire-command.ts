import { handleRemindSubcommand } from '../features/reminders/remind-subcommand.js';
import { createFlagsRecentFollowUp } from '../features/resume-flags/flags-recent-subcommand.js';
import type { AppDeps } from '../kernel/app-deps.js';
import {
  createHireCommandListener,
  type FollowUp,
} from '../kernel/hire-command/hire-command-listener.js';
import type { ListenerRegistry } from '../kernel/slack/listener-router.js';
import { SLASH_COMMAND } from '../slack-ids.js';

/** The one slash command, `/hire`, with the subcommands that answer after the ack. */
export function register(registry: ListenerRegistry, deps: AppDeps): void {
  const remindDeps = {
    store: deps.store,
    knowledge: deps.knowledge,
    clock: deps.clock,
    logger: deps.logger.child({ listener: 'remind-subcommand' }),
    hireAdmins: deps.config.hireAdmins,
  };
  const remind: FollowUp<'remind'> = ({ request, command, respond, client }) =>
    handleRemindSubcommand(
      {
        args: request.args,
        userId: command.user_id,
        channelId: command.channel_id,
        teamId: command.team_id,
        client,
        respond,
      },
      remindDeps,
    );
  registry.command(
    SLASH_COMMAND,
    createHireCommandListener(deps, {
      remind,
      'flags-recent': createFlagsRecentFollowUp(deps),
    }),
  );
}
