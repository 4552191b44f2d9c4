import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../app/app-deps.js';
import { answerHire } from '../../domain/hire-command/answer-hire.js';
import { HIRE_ERROR_MESSAGE } from '../hire-error-message.js';
import { buttonValueSchema, pressedValue, STALE_BUTTON_TEXT } from './button-value.js';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/**
 * Every navigation button carries the /hire command text of the answer it leads to, so one
 * handler serves them all: ack, validate the value, answer it, and replace the private
 * message in place.
 */
export function createReplaceAnswerHandler(deps: AppDeps, listener: string) {
  const ctx = { knowledge: deps.knowledge, lookup: deps.lookup };
  const log = deps.logger.child({ listener });

  return async ({ ack, body, respond }: ActionArgs): Promise<void> => {
    await ack();
    const value = buttonValueSchema.safeParse(pressedValue(body));
    if (!value.success) {
      log.warn({ user: body.user.id }, 'button with an unusable value');
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: STALE_BUTTON_TEXT,
      });
      return;
    }
    try {
      await respond({ ...answerHire(value.data, ctx), replace_original: true });
    } catch (error) {
      log.error({ err: error, user: body.user.id }, 'could not replace the answer');
      await respond({ ...HIRE_ERROR_MESSAGE, replace_original: false }).catch(() => undefined);
    }
  };
}
