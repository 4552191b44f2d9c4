import { z } from 'zod';
import { readInput, type ViewStateValues } from '../../kernel/slack/view-state.js';
import { kitRequestSchema, kitTarget, MAX_PANEL, slackUserId } from './kit-request.js';
import { KIT_REQUEST_INPUTS } from './kits-ids.js';

/** An interview time this long in the past is a mistake, not a kit built after the fact. */
const PAST_GRACE_MS = 24 * 60 * 60 * 1000;

/** What the "Build interview kit" modal asks for, as the app uses it. */
export const kitRequestFormSchema = z.object({
  request: kitRequestSchema,
  panel: z
    .array(z.string())
    .transform((ids) => [...new Set(ids)])
    .pipe(z.array(slackUserId).max(MAX_PANEL, `Choose at most ${MAX_PANEL} people for the panel.`)),
  interviewAt: z.date().optional(),
  target: kitTarget,
});

export type KitRequestForm = z.output<typeof kitRequestFormSchema>;

export type KitRequestFormParse =
  | { ok: true; form: KitRequestForm }
  /** Messages keyed by block_id, ready for `ack({ response_action: 'errors', errors })`. */
  | { ok: false; errors: Record<string, string> };

const OUT_OF_DATE = 'This form is out of date. Close it and open it again.';

type Input = { blockId: string; actionId: string };

/** The modal input an issue of kitRequestFormSchema belongs under. */
function inputOf(path: readonly PropertyKey[]): Input {
  const ids = KIT_REQUEST_INPUTS;
  const [part, field] = path;
  if (part === 'panel') return ids.panel;
  if (part === 'interviewAt') return ids.interviewAt;
  if (part === 'target') return ids.channel;
  if (field === 'minutes') return ids.minutes;
  if (field === 'areas') return ids.areas;
  if (field === 'candidateLabel') return ids.label;
  return ids.level;
}

/**
 * Reads a submitted kit request modal (buildKitRequestModal) into the same request the slash
 * command makes, plus the panel, the interview time and where the kit goes, all checked by
 * kitRequestFormSchema. `seed` is a fresh one from the caller; `now` judges the interview time.
 */
export function parseKitRequestForm(
  values: ViewStateValues,
  context: { seed: string; now: Date },
): KitRequestFormParse {
  const ids = KIT_REQUEST_INPUTS;
  const level = readInput(values, ids.level).selected_option?.value;
  const minutes = readInput(values, ids.minutes).selected_option?.value;
  const label = readInput(values, ids.label).value?.trim() ?? '';
  const seconds = readInput(values, ids.interviewAt).selected_date_time;
  const channel = readInput(values, ids.channel).selected_conversation;
  const inThread = (readInput(values, ids.thread).selected_options ?? []).length > 0;

  const parsed = kitRequestFormSchema.safeParse({
    request: {
      level,
      minutes: minutes === undefined ? undefined : Number(minutes),
      areas: (readInput(values, ids.areas).selected_options ?? []).map((o) => o.value),
      candidateLabel: label === '' ? undefined : label,
      seed: context.seed,
    },
    panel: readInput(values, ids.panel).selected_users ?? [],
    interviewAt: seconds == null ? undefined : new Date(seconds * 1000),
    target:
      channel == null ? { kind: 'private' } : { kind: 'channel', channelId: channel, inThread },
  });

  const errors: Record<string, string> = {};
  const put = (input: Input, message: string) => {
    errors[input.blockId] ??= message;
  };
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const input = inputOf(issue.path);
    if (input === ids.level) put(input, level === undefined ? 'Choose a level.' : OUT_OF_DATE);
    else if (input === ids.label) put(input, issue.message);
    else if (input === ids.panel && issue.code === 'too_big') put(input, issue.message);
    else put(input, OUT_OF_DATE);
  }
  const at = seconds == null ? undefined : new Date(seconds * 1000);
  if (at !== undefined && at.getTime() < context.now.getTime() - PAST_GRACE_MS) {
    put(
      ids.interviewAt,
      'That time has passed. Pick when the interview starts, or leave it empty.',
    );
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, form: parsed.data };
}
