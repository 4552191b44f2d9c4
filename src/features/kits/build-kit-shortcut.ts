import type { AppDeps } from '../../kernel/app-deps.js';
import type { GlobalShortcutArgs } from '../../kernel/slack/listener-router.js';
import { buildKitRequestModal } from './blocks/build-kit-request-modal.js';
import { kitParserFor } from './parse-kit-command.js';

type Deps = Pick<AppDeps, 'knowledge' | 'logger'>;

/**
 * The "Build interview kit" global shortcut: opens the kit request modal at once, within the
 * trigger's three seconds; its levels and areas come from the knowledge.
 */
export function createBuildKitShortcut(deps: Deps) {
  const log = deps.logger.child({ listener: 'build-kit-shortcut' });
  return async ({ ack, shortcut, client }: GlobalShortcutArgs): Promise<void> => {
    await ack();
    try {
      const view = buildKitRequestModal(kitParserFor(deps.knowledge.current().knowledge));
      await client.views.open({ trigger_id: shortcut.trigger_id, view });
    } catch (error) {
      log.warn({ err: error, user: shortcut.user.id }, 'could not open the kit request modal');
    }
  };
}
