import type { AppDeps } from '../../app-deps.js';
import { HIRE_ERROR_MESSAGE } from '../../slack/error-message.js';
import type { ButtonArgs } from '../../slack/listener-router.js';
import { answerHire } from '../answer-hire.js';
import { ackButtonCommand } from './button-value.js';

/**
 * Every navigation button carries the /hire command text of the answer it leads to, so one
 * handler serves them all: ack, validate the value, answer it, and replace the private
 * message in place.
 */
export function createReplaceAnswerHandler(deps: AppDeps, listener: string) {
  const ctx = { knowledge: deps.knowledge, lookup: deps.lookup };
  const log = deps.logger.child({ listener });

  return async (args: ButtonArgs): Promise<void> => {
    const command = await ackButtonCommand(args, log);
    if (command === undefined) return;
    try {
      await args.respond({ ...answerHire(command, ctx), replace_original: true });
    } catch (error) {
      log.error({ err: error, user: args.body.user.id }, 'could not replace the answer');
      await args.respond({ ...HIRE_ERROR_MESSAGE, replace_original: false }).catch(() => undefined);
    }
  };
}
