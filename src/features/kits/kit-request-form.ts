import {
  candidateLabel,
  type KitDestination,
  type KitRequest,
  kitRequestSchema,
  MAX_PANEL,
  slackUserId,
} from './kit-request.js';
import { KIT_REQUEST_INPUTS } from './kits-ids.js';
import { readInput, type ViewStateValues } from './view-state.js';

/** An interview time this long in the past is a mistake, not a kit built after the fact. */
const PAST_GRACE_MS = 24 * 60 * 60 * 1000;

export type KitRequestForm = {
  request: KitRequest;
  panel: string[];
  interviewAt?: Date;
  destination: KitDestination;
};

export type KitRequestFormParse =
  | { ok: true; form: KitRequestForm }
  /** Messages keyed by block_id, ready for `ack({ response_action: 'errors', errors })`. */
  | { ok: false; errors: Record<string, string> };

const OUT_OF_DATE = 'This form is out of date. Close it and open it again.';

/**
 * Reads a submitted kit request modal (buildKitRequestModal) into the same request the slash
 * command makes, plus the panel, the interview time and where the kit goes. `seed` is a fresh
 * one from the caller; `now` judges the interview time.
 */
export function parseKitRequestForm(
  values: ViewStateValues,
  context: { seed: string; now: Date },
): KitRequestFormParse {
  const errors: Record<string, string> = {};
  const ids = KIT_REQUEST_INPUTS;

  const level = readInput(values, ids.level).selected_option?.value;
  const minutes = readInput(values, ids.minutes).selected_option?.value;
  const areas = (readInput(values, ids.areas).selected_options ?? []).map((o) => o.value);
  const labelText = readInput(values, ids.label).value?.trim() ?? '';
  const label = labelText === '' ? undefined : candidateLabel.safeParse(labelText);
  if (label !== undefined && !label.success) {
    errors[ids.label.blockId] = label.error.issues[0]?.message ?? OUT_OF_DATE;
  }

  const request = kitRequestSchema.safeParse({
    level,
    minutes: minutes === undefined ? undefined : Number(minutes),
    areas,
    candidateLabel: label?.success ? label.data : undefined,
    seed: context.seed,
  });
  if (!request.success) {
    for (const issue of request.error.issues) {
      const field = issue.path[0];
      if (field === 'level') {
        errors[ids.level.blockId] ??= level === undefined ? 'Choose a level.' : OUT_OF_DATE;
      } else if (field === 'minutes') errors[ids.minutes.blockId] ??= OUT_OF_DATE;
      else if (field === 'areas') errors[ids.areas.blockId] ??= OUT_OF_DATE;
      else errors[ids.level.blockId] ??= OUT_OF_DATE;
    }
  }

  const panel = [...new Set(readInput(values, ids.panel).selected_users ?? [])];
  if (panel.length > MAX_PANEL) {
    errors[ids.panel.blockId] = `Choose at most ${MAX_PANEL} people for the panel.`;
  } else if (!panel.every((id) => slackUserId.safeParse(id).success)) {
    errors[ids.panel.blockId] = OUT_OF_DATE;
  }

  const seconds = readInput(values, ids.interviewAt).selected_date_time;
  const interviewAt = seconds == null ? undefined : new Date(seconds * 1000);
  if (interviewAt !== undefined && interviewAt.getTime() < context.now.getTime() - PAST_GRACE_MS) {
    errors[ids.interviewAt.blockId] =
      'That time has passed. Pick when the interview starts, or leave it empty.';
  }

  const channel = readInput(values, ids.channel).selected_conversation ?? undefined;
  const destination: KitDestination =
    channel == null ? { kind: 'private' } : { kind: 'channel', channelId: channel };
  if (channel != null && !/^[CDG][A-Z0-9]{2,40}$/.test(channel)) {
    errors[ids.channel.blockId] = OUT_OF_DATE;
  }

  if (!request.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    form: {
      request: request.data,
      panel,
      ...(interviewAt === undefined ? {} : { interviewAt }),
      destination,
    },
  };
}
