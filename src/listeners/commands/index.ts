import type { AppDeps } from '../../app/app-deps.js';
import { SLASH_COMMAND } from '../../slack-ids.js';
import type { ListenerRegistry } from '../listener-router.js';
import { createFlagsRecentFollowUp } from './flags-recent-subcommand.js';
import { createHireCommandListener, type FollowUp } from './hire-command.js';
import { handleRemindSubcommand } from './remind-subcommand.js';

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
