import { z } from 'zod';
import { levelId } from '../../kernel/knowledge/schemas/common.js';
import { questionArea } from '../../kernel/knowledge/schemas/interview-questions-schema.js';

/** The interview lengths a kit can be planned for, in minutes. */
export const KIT_LENGTHS = [30, 45, 60, 90] as const;
/** A kit without a length is a 45-minute interview: the usual slot for one technical round. */
export const DEFAULT_KIT_MINUTES = 45;
/** Longest candidate label; it names a candidate for the team, it is not a name or a note. */
export const MAX_CANDIDATE_LABEL = 80;
/** Most panel members one kit assigns questions to. */
export const MAX_PANEL = 8;

export const kitMinutes = z.union(KIT_LENGTHS.map((n) => z.literal(n)));
export type KitMinutes = z.infer<typeof kitMinutes>;

/**
 * The seed that picks a kit's questions: the caller makes a fresh one for a new kit and passes
 * the same one back to rebuild a kit. Short and URL-safe, so it fits in a button value.
 */
export const kitSeed = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, 'expected 1 to 40 letters, digits, - or _');

/** Free text that identifies the candidate for the team ("Backend #42"), whitespace folded. */
export const candidateLabel = z
  .string()
  .transform((s) => s.replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(1, 'Name the candidate with a label after "for", such as "Backend #42".')
      .max(
        MAX_CANDIDATE_LABEL,
        `Keep the candidate label under ${MAX_CANDIDATE_LABEL} characters, such as "Backend #42".`,
      ),
  );

/**
 * The key a label is matched by: case and spacing do not count, so `/hire scorecards backend
 * #42` finds the kits made `for Backend  #42`.
 */
export function candidateKey(label: string): string {
  return label.replace(/\s+/g, ' ').trim().toLowerCase();
}

export const slackUserId = z.string().regex(/^[UW][A-Z0-9]{2,40}$/, 'expected a Slack user id');

/** What `/hire kit …` (or the kit modal) asks for. */
export const kitRequestSchema = z.object({
  level: levelId,
  minutes: kitMinutes.default(DEFAULT_KIT_MINUTES),
  /** Areas the caller chose, in the order given; empty means balanced over every area. */
  areas: z
    .array(questionArea)
    .max(8)
    .default([])
    .transform((areas) => [...new Set(areas)]),
  candidateLabel: candidateLabel.optional(),
  seed: kitSeed,
});

export type KitRequest = z.infer<typeof kitRequestSchema>;
export type KitRequestInput = z.input<typeof kitRequestSchema>;

export const slackChannelId = z.string().regex(/^[CDG][A-Z0-9]{2,40}$/, 'expected a channel id');

/** Where a kit was sent: privately to its creator, to a channel, or into a thread. */
export const kitDestination = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('private') }),
  z.object({ kind: z.literal('channel'), channelId: slackChannelId }),
  z.object({
    kind: z.literal('thread'),
    channelId: slackChannelId,
    threadTs: z.string().regex(/^\d+\.\d+$/),
  }),
]);
export type KitDestination = z.infer<typeof kitDestination>;

/**
 * Where the creator asked the kit to go, before it went: privately, or to a channel (in a
 * thread of its own when `inThread`, which keeps the panel's progress out of the channel).
 * The thread's ts exists only once the kit is posted, hence two types.
 */
export const kitTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('private') }),
  z.object({ kind: z.literal('channel'), channelId: slackChannelId, inThread: z.boolean() }),
]);
export type KitTarget = z.infer<typeof kitTarget>;
