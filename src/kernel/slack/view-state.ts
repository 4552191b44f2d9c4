import { z } from 'zod';

/** `view.state.values` as Slack sends it: block id → action id → element state. */
export type ViewStateValues = Record<string, Record<string, unknown> | undefined>;

/** The parts of an element's state the app's forms read; anything else is ignored. */
const elementState = z
  .object({
    selected_option: z.object({ value: z.string() }).nullish(),
    selected_options: z.array(z.object({ value: z.string() })).nullish(),
    selected_users: z.array(z.string()).nullish(),
    selected_conversation: z.string().nullish(),
    selected_date_time: z.number().nullish(),
    value: z.string().nullish(),
  })
  .loose();

export type ElementState = z.infer<typeof elementState>;

/** One input's state; empty when it is missing or not shaped as Slack sends it. */
export function readInput(
  values: ViewStateValues,
  input: { blockId: string; actionId: string },
): ElementState {
  const parsed = elementState.safeParse(values[input.blockId]?.[input.actionId] ?? {});
  return parsed.success ? parsed.data : {};
}
