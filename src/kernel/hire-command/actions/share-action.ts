import type { AppDeps } from '../../app-deps.js';
import { HIRE_ERROR_MESSAGE } from '../../slack/blocks/error-message.js';
import type { ButtonArgs } from '../../slack/listener-router.js';
import type { HireCommand } from '../hire-command.js';
import { ackButtonCommand, buttonReply } from './button-value.js';

/**
 * "Share in channel" (HIRE_ACTIONS.share): posts the answer for everyone through the
 * response_url (no channel membership needed), marked "Shared by <@user>", then removes the
 * caller's private copy. The private copy stays when the post failed, so nothing is lost.
 */
export function createShareAction(hire: HireCommand, deps: Pick<AppDeps, 'knowledge' | 'logger'>) {
  const log = deps.logger.child({ listener: 'share-action' });

  return async (args: ButtonArgs): Promise<void> => {
    const command = await ackButtonCommand(args, log);
    if (command === undefined) return;
    const { body, respond } = args;
    try {
      const ctx = { ...deps.knowledge.current(), sharedBy: body.user.id };
      const shared = buttonReply(hire.run(command, ctx), command);
      await respond({ ...shared, response_type: 'in_channel', replace_original: false });
    } catch (error) {
      log.error({ err: error, user: body.user.id }, 'could not share the answer');
      await respond({ ...HIRE_ERROR_MESSAGE, replace_original: false }).catch(() => undefined);
      return;
    }
    await respond({ delete_original: true });
  };
}
