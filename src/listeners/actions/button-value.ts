import type { BlockAction } from '@slack/bolt';
import { z } from 'zod';

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
