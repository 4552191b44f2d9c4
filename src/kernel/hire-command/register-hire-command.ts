import type { AppDeps } from '../app-deps.js';
import type { ChannelAudienceLookup } from '../slack/access/channel-audience.js';
import type { ListenerRegistry } from '../slack/listener-router.js';
import { createOpenAction } from './actions/open-action.js';
import { createShareAction } from './actions/share-action.js';
import type { HireCommand } from './hire-command.js';
import { HIRE_ACTION_PATTERNS, SLASH_COMMAND } from './hire-command-ids.js';
import { createHireCommandListener } from './hire-command-listener.js';

/** `/hire` with its subcommand table, and the buttons every /hire answer carries. */
export function registerHireCommand(
  registry: ListenerRegistry,
  hire: HireCommand,
  deps: AppDeps & { channelAudience: ChannelAudienceLookup },
): void {
  registry.command(SLASH_COMMAND, createHireCommandListener(hire, deps));
  registry.action(HIRE_ACTION_PATTERNS.share, createShareAction(hire, deps));
  registry.action(HIRE_ACTION_PATTERNS.open, createOpenAction(hire, deps));
}
