import type { AppDeps } from '../../app-deps.js';
import { HIRE_ERROR_MESSAGE } from '../../slack/error-message.js';
import type { ButtonArgs } from '../../slack/listener-router.js';
import { answerHire } from '../answer-hire.js';
import { ackButtonCommand } from './button-value.js';

/**
 * "Share in channel" (ACTIONS.share): posts the answer for everyone through the response_url
 * (no channel membership needed), marked "Shared by <@user>", then removes the caller's
 * private copy. The private copy stays when the post failed, so nothing is lost.
 */
export function createShareAction(deps: AppDeps) {
  const ctx = { knowledge: deps.knowledge, lookup: deps.lookup };
  const log = deps.logger.child({ listener: 'share-action' });

  return async (args: ButtonArgs): Promise<void> => {
    const command = await ackButtonCommand(args, log);
    if (command === undefined) return;
    const { body, respond } = args;
    try {
      const shared = answerHire(command, ctx, { sharedBy: body.user.id });
      await respond({ ...shared, response_type: 'in_channel', replace_original: false });
    } catch (error) {
      log.error({ err: error, user: body.user.id }, 'could not share the answer');
      await respond({ ...HIRE_ERROR_MESSAGE, replace_original: false }).catch(() => undefined);
      return;
    }
    await respond({ delete_original: true });
  };
}
