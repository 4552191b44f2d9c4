import type { GlobalShortcutArgs } from '../../kernel/slack/listener-router.js';
import { type OpenKitDeps, openKitRequest } from './open-kit-request.js';

/** The "Build interview kit" global shortcut: opens the modal within the trigger's 3 s. */
export function createBuildKitShortcut(deps: OpenKitDeps) {
  return async ({ ack, shortcut, client }: GlobalShortcutArgs): Promise<void> => {
    await ack();
    await openKitRequest(deps, {
      client,
      triggerId: shortcut.trigger_id,
      userId: shortcut.user.id,
      from: 'build-kit-shortcut',
    });
  };
}
