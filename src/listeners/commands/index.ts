import type { App } from '@slack/bolt';
import type { AppDeps } from '../../app/app-deps.js';
import { SLASH_COMMAND } from '../../slack-ids.js';
import { createHireCommandListener } from './hire-command.js';

/** The one slash command, `/hire`, with the subcommands that answer after the ack. */
export function register(app: App, deps: AppDeps): void {
  app.command(SLASH_COMMAND, createHireCommandListener(deps, {}));
}
