import { z } from 'zod';
import { skipReasonSchema } from './attachment-schemas.js';

/** What the pool asks an extraction child: one file's bytes, to turn into text. */
export const extractRequestSchema = z.object({
  kind: z.enum(['pdf', 'docx']),
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes'),
  limits: z.object({
    maxPages: z.number().int().positive(),
    maxTextChars: z.number().int().positive(),
    maxZipEntries: z.number().int().positive(),
    maxUnpackedBytes: z.number().int().positive(),
    maxCompressionRatio: z.number().positive(),
    ratioFloorBytes: z.number().int().nonnegative(),
  }),
});
export type ExtractRequest = z.infer<typeof extractRequestSchema>;

/** A child's answer: the text, or why there is none. */
export const extractOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    text: z.string(),
    pages: z.number().int().positive().optional(),
    truncated: z.boolean(),
  }),
  z.object({ ok: z.literal(false), reason: skipReasonSchema }),
]);
export type ExtractOutcome = z.infer<typeof extractOutcomeSchema>;

/** Every message a child sends: `ready` once its libraries are loaded, then one per request. */
export const childMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('done'), outcome: extractOutcomeSchema }),
]);
export type ChildMessage = z.infer<typeof childMessageSchema>;
