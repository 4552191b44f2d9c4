import type { AllMiddlewareArgs, AnyMiddlewareArgs } from '@slack/bolt';
import { HIRE_ERROR_MESSAGE, HIRE_ERROR_MODAL } from './blocks/error-message.js';

type Args = AnyMiddlewareArgs & AllMiddlewareArgs;

/**
 * A listener threw: the person who typed or clicked still gets the friendly error, in the form
 * the interaction allows — in the ack if it is still unsent, else on the response_url; a modal
 * for a submission or a shortcut (whose trigger is still fresh); nothing for an event, which
 * Bolt acked before any listener ran. Never throws: this is the last resort.
 */
export async function answerListenerFailure(args: Args, acked: boolean): Promise<void> {
  const body = args.body as {
    command?: unknown;
    type?: unknown;
    trigger_id?: unknown;
    response_url?: unknown;
  };
  const ack = (args as { ack?: (response?: unknown) => Promise<void> }).ack;
  const respond = (args as { respond?: (message: unknown) => Promise<unknown> }).respond;
  const quietly = (work: Promise<unknown> | undefined) => work?.catch(() => undefined);

  if (typeof body.command === 'string') {
    await quietly(acked ? respond?.(HIRE_ERROR_MESSAGE) : ack?.(HIRE_ERROR_MESSAGE));
    return;
  }
  switch (body.type) {
    case 'block_actions':
      if (!acked) await quietly(ack?.());
      await quietly(respond?.({ ...HIRE_ERROR_MESSAGE, replace_original: false }));
      return;
    case 'view_submission':
      if (!acked) await quietly(ack?.({ response_action: 'update', view: HIRE_ERROR_MODAL }));
      return;
    case 'message_action':
    case 'shortcut':
      if (!acked) await quietly(ack?.());
      if (typeof body.trigger_id === 'string')
        await quietly(
          args.client.views.open({ trigger_id: body.trigger_id, view: HIRE_ERROR_MODAL }),
        );
      return;
    default:
      return;
  }
}
