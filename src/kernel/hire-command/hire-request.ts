import { z } from 'zod';
import { levelId } from '../knowledge/schemas/common.js';

/** Longer than any real /hire command; longer text gets a friendly "too long" answer. */
export const MAX_COMMAND_LENGTH = 500;

const page = z.number().int().min(1).max(1000).default(1);
/** Free text from the user, trimmed; echoed only through escapeMrkdwn. */
const words = z.string().trim().min(1).max(MAX_COMMAND_LENGTH);

export const hireRequestSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('help'),
    /** What the user typed when it was not a subcommand. */
    unknown: z.string().max(MAX_COMMAND_LENGTH).optional(),
    /** The subcommand the unknown word most resembles. */
    suggestion: z.string().optional(),
    /** Set when the whole command was over MAX_COMMAND_LENGTH. */
    tooLong: z.number().int().optional(),
  }),
  z.object({ kind: z.literal('glossary'), term: words.optional(), page }),
  z.object({
    kind: z.literal('questions'),
    level: levelId.optional(),
    /** What stood where a level should be, when it is not one (maybe a question id). */
    levelText: words.optional(),
    area: words.optional(),
    /** Which set of questions: "Another question" moves to the next one. */
    set: z.number().int().min(1).max(1000).default(1),
    page,
  }),
  z.object({
    kind: z.literal('levels'),
    level: levelId.optional(),
    levelText: words.optional(),
    page,
  }),
  z.object({ kind: z.literal('expectations'), aspect: words.optional(), page }),
  z.object({ kind: z.literal('flags'), page }),
  z.object({ kind: z.literal('flags-recent') }),
  z.object({ kind: z.literal('mistakes'), topic: words.optional(), page }),
  z.object({ kind: z.literal('sources'), language: words.optional(), page }),
  z.object({ kind: z.literal('market'), page }),
  z.object({ kind: z.literal('compare'), page }),
  z.object({ kind: z.literal('skills'), topic: words.optional(), page }),
  z.object({ kind: z.literal('search'), words: words.optional(), page }),
  z.object({ kind: z.literal('remind'), args: z.string().max(MAX_COMMAND_LENGTH) }),
]);

export type HireRequest = z.infer<typeof hireRequestSchema>;
export type HireRequestKind = HireRequest['kind'];
/** The request shape before defaults are applied (what the parser produces). */
export type HireRequestInput = z.input<typeof hireRequestSchema>;
