import type { BlockAction } from '@slack/bolt';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { SlackMessage } from '../../slack/blocks/slack-message.js';
import type { ButtonArgs } from '../../slack/listener-router.js';
import { buildTypeItHint } from '../blocks/build-type-it-hint.js';
import type { Outcome } from '../subcommand.js';

/** A button's value is a /hire command text; Slack caps button values at 2000 characters. */
export const buttonValueSchema = z.string().trim().min(1).max(2000);

/** The value of the pressed element: a button's `value` or a menu's selected option. */
export function pressedValue(body: BlockAction): unknown {
  const action = body.actions[0] as
    | { value?: unknown; selected_option?: { value?: unknown } }
    | undefined;
  return action?.value ?? action?.selected_option?.value;
}

/** Shown privately when a button carries something we cannot use (stale or tampered). */
export const STALE_BUTTON_TEXT =
  'That button no longer works. Run the command again, for example `/hire help`.';

/**
 * The first steps of every button handler: ack at once, then read the /hire command text the
 * button carries. A value we cannot use is answered privately (and logged without the value)
 * and gives `undefined`, so the handler simply stops.
 */
export async function ackButtonCommand(
  { ack, body, respond }: ButtonArgs,
  log: Logger,
): Promise<string | undefined> {
  await ack();
  const value = buttonValueSchema.safeParse(pressedValue(body));
  if (value.success) return value.data;
  log.warn({ user: body.user.id }, 'button with an unusable value');
  await respond({ response_type: 'ephemeral', replace_original: false, text: STALE_BUTTON_TEXT });
  return undefined;
}

/**
 * The message a button shows for a command: its answer, or — for a subcommand that acts on a
 * channel and so only works typed as a slash command — how to run it.
 */
export function buttonReply(outcome: Outcome, command: string): SlackMessage {
  return 'reply' in outcome ? outcome.reply : buildTypeItHint(command);
}
