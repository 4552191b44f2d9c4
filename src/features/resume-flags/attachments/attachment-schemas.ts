import { z } from 'zod';

/** The file types the reader can turn into text. */
export const fileKindSchema = z.enum(['pdf', 'docx', 'text', 'markdown']);
export type FileKind = z.infer<typeof fileKindSchema>;

/**
 * Why a file gave no text. `too-large` also covers a file that unpacks or decodes past the
 * memory bound (a zip bomb); `empty` is a readable document with no words in it.
 */
export const skipReasonSchema = z.enum([
  'unsupported-type',
  'too-large',
  'no-access',
  'no-text-layer',
  'encrypted',
  'corrupt',
  'timeout',
  'deleted',
  'external',
  'too-many',
  'empty',
]);
export type SkipReason = z.infer<typeof skipReasonSchema>;

// A field of the wrong type becomes undefined instead of rejecting the whole file: the
// checks that need it (size, URL) then fall back to their safe path.
const optionalString = z.string().max(2000).optional().catch(undefined);

/**
 * A Slack file object as found in a message shortcut's `message.files[]` or a `files.info`
 * answer. Untrusted: only the fields the reader uses are kept.
 */
export const slackFileSchema = z.object({
  id: z.string().regex(/^[A-Z0-9]{2,40}$/),
  name: optionalString,
  title: optionalString,
  mimetype: optionalString,
  filetype: optionalString,
  size: z.number().int().nonnegative().optional().catch(undefined),
  mode: optionalString,
  is_external: z.boolean().optional().catch(undefined),
  url_private: optionalString,
  url_private_download: optionalString,
  file_access: optionalString,
});
export type SlackFile = z.infer<typeof slackFileSchema>;

/** A file chosen for reading, with what the download needs. */
export const chosenFileSchema = z.object({
  id: z.string(),
  name: z.string(),
  /**
   * Absent for a `check_file_info` entry that says nothing but its id (Slack Connect): its
   * type comes from `files.info`.
   */
  kind: fileKindSchema.optional(),
  /** True when the payload lacks a download URL or tells to ask `files.info` first. */
  needsInfo: z.boolean(),
  file: slackFileSchema,
});
export type ChosenFile = z.infer<typeof chosenFileSchema>;

/** A file that was read. `name` is for the modal only: it is never logged. */
export const readFileSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: fileKindSchema,
  /** Downloaded size in bytes. */
  bytes: z.number().int().nonnegative(),
  /** Pages in the PDF (all of them, even past the page bound). */
  pages: z.number().int().positive().optional(),
  /** The text was cut at the page or character bound. */
  truncated: z.boolean(),
});
export type ReadFile = z.infer<typeof readFileSchema>;

/** A file that gave no text, and why. `id` is empty for an entry that was not a file object. */
export const skippedFileSchema = z.object({
  id: z.string(),
  name: z.string(),
  reason: skipReasonSchema,
});
export type SkippedFile = z.infer<typeof skippedFileSchema>;

export const attachmentReadResultSchema = z.object({
  /** The text of every file read, in the order of `read`, separated by blank lines. */
  text: z.string(),
  read: z.array(readFileSchema),
  skipped: z.array(skippedFileSchema),
});
export type AttachmentReadResult = z.infer<typeof attachmentReadResultSchema>;

/** One file's outcome: its text, or why there is none. */
export const fileOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), file: readFileSchema, text: z.string() }),
  z.object({ ok: z.literal(false), skipped: skippedFileSchema }),
]);
export type FileOutcome = z.infer<typeof fileOutcomeSchema>;
