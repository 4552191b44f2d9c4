import type { AppDeps } from '../../app-deps.js';
import { HIRE_ERROR_MESSAGE } from '../../slack/blocks/error-message.js';
import type { ButtonArgs } from '../../slack/listener-router.js';
import type { HireCommand } from '../hire-command.js';
import { ackButtonCommand, buttonReply } from './button-value.js';

/**
 * Every navigation button carries the /hire command text of the answer it leads to, so one
 * handler serves them all: ack, validate the value, answer it, and replace the private
 * message in place.
 */
export function createReplaceAnswerHandler(
  hire: HireCommand,
  deps: Pick<AppDeps, 'knowledge' | 'logger'>,
  listener: string,
) {
  const log = deps.logger.child({ listener });

  return async (args: ButtonArgs): Promise<void> => {
    const command = await ackButtonCommand(args, log);
    if (command === undefined) return;
    try {
      const message = buttonReply(hire.run(command, deps.knowledge.current()), command);
      await args.respond({ ...message, replace_original: true });
    } catch (error) {
      log.error({ err: error, user: args.body.user.id }, 'could not replace the answer');
      await args.respond({ ...HIRE_ERROR_MESSAGE, replace_original: false }).catch(() => undefined);
    }
  };
}
