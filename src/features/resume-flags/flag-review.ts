import { z } from 'zod';
import { levelId } from '../../kernel/knowledge/schemas/common.js';

/** Longest note a reviewer may add (the input's max_length says the same). */
export const MAX_NOTE_CHARS = 1000;

const slackId = z.string().regex(/^[A-Z0-9]{2,40}$/, 'expected a Slack id');

/**
 * What the review modal carries between opening and submit, in `private_metadata`: where
 * the message is and what the analysis concluded — ids and numbers only, never the text.
 */
export const flagReviewMetadataSchema = z.object({
  channelId: slackId,
  messageTs: z.string().regex(/^\d+\.\d+$/),
  /** Who wrote the flagged message, when Slack says. */
  author: slackId.optional(),
  /** The workspace the flag belongs to (read back only within it). */
  teamId: slackId,
  /** Green flag ids the analysis raised, for the summary. */
  green: z.array(z.string().max(100)).max(20).default([]),
  level: levelId.optional(),
  years: z.number().int().min(0).max(60).optional(),
});

export type FlagReviewMetadata = z.infer<typeof flagReviewMetadataSchema>;

export function encodeFlagReviewMetadata(metadata: FlagReviewMetadata): string {
  return JSON.stringify(flagReviewMetadataSchema.parse(metadata));
}

/** Undefined when the metadata is missing or not ours (an old or forged view). */
export function decodeFlagReviewMetadata(raw: string | undefined): FlagReviewMetadata | undefined {
  try {
    const parsed = flagReviewMetadataSchema.safeParse(JSON.parse(raw ?? ''));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export const DESTINATIONS = ['thread', 'private'] as const;
export type Destination = (typeof DESTINATIONS)[number];

/** The reviewer's answers, as read from the modal's inputs. */
export const flagReviewFormSchema = z
  .object({
    concerns: z.array(z.string()),
    note: z
      .string()
      .trim()
      .max(
        MAX_NOTE_CHARS,
        `Keep the note under ${MAX_NOTE_CHARS.toLocaleString('en-US')} characters.`,
      )
      .transform((note) => (note === '' ? undefined : note))
      .optional(),
    destination: z.enum(DESTINATIONS, { error: 'Choose where the result goes.' }),
  })
  .refine((form) => form.concerns.length > 0 || form.note !== undefined, {
    path: ['concerns'],
    message: 'Tick at least one concern or write a note: otherwise there is nothing to record.',
  });

export type FlagReviewForm = z.infer<typeof flagReviewFormSchema>;

export type FormField = 'concerns' | 'note' | 'destination';

export type FlagReviewParse =
  | { ok: true; form: FlagReviewForm }
  | { ok: false; errors: Partial<Record<FormField, string>> };

/**
 * Validates the reviewer's answers. `knownConcerns` are the yellow flag ids the modal offered;
 * anything else means the view was not built by this version of the bot.
 */
export function parseFlagReviewForm(
  input: { concerns: string[]; note: string | undefined; destination: string | undefined },
  knownConcerns: readonly string[],
): FlagReviewParse {
  const result = flagReviewFormSchema.safeParse(input);
  const errors: Partial<Record<FormField, string>> = {};
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path[0] as FormField;
      errors[field] ??= issue.message;
    }
  }
  if (input.concerns.some((id) => !knownConcerns.includes(id))) {
    errors.concerns = 'This form is out of date. Close it and run the shortcut again.';
  }
  if (result.success && Object.keys(errors).length === 0) return { ok: true, form: result.data };
  return { ok: false, errors };
}
