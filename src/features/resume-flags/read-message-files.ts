import { z } from 'zod';
import type { AttachmentLimits } from './attachments/attachment-limits.js';
import {
  readFileSchema,
  skippedFileSchema,
  skipReasonSchema,
} from './attachments/attachment-schemas.js';
import type { AttachmentChoice } from './attachments/choose-attachments.js';
import type {
  AttachmentReader,
  ReadAttachmentsOptions,
} from './attachments/read-resume-attachments.js';

/**
 * Why a file of the message gave no text: the reader's reasons, and `reader-failed` when the
 * reader itself could not run (its extraction child did not start).
 */
export const fileSkipSchema = skippedFileSchema.extend({
  reason: z.union([skipReasonSchema, z.literal('reader-failed')]),
});
export type FileSkip = z.infer<typeof fileSkipSchema>;

/** What the files of a flagged message gave: their text (memory only) and what became of each. */
export const messageFilesSchema = z.object({
  text: z.string(),
  read: z.array(readFileSchema),
  skipped: z.array(fileSkipSchema),
});
export type MessageFiles = z.infer<typeof messageFilesSchema>;

/** What the modal says about the files: names (for the reviewer only) and the limits applied. */
export type AttachmentSummary = Omit<MessageFiles, 'text'> & {
  limits: Pick<AttachmentLimits, 'maxBytes' | 'timeoutMs' | 'maxFiles' | 'maxPages'>;
};

/**
 * Reads the files `plan` chose (nothing is downloaded when it chose none). Never rejects: a
 * reader that cannot run turns every chosen file into `reader-failed`, and `onReaderError`
 * hears why (for the log).
 */
export async function readMessageFiles(
  reader: Pick<AttachmentReader, 'read'>,
  files: unknown,
  plan: AttachmentChoice,
  options: ReadAttachmentsOptions,
  onReaderError: (error: unknown) => void,
): Promise<MessageFiles> {
  if (plan.chosen.length === 0) return { text: '', read: [], skipped: plan.skipped };
  try {
    return await reader.read(files, options);
  } catch (error) {
    onReaderError(error);
    return {
      text: '',
      read: [],
      skipped: [
        ...plan.skipped,
        ...plan.chosen.map((file) => ({
          id: file.id,
          name: file.name,
          reason: 'reader-failed' as const,
        })),
      ],
    };
  }
}

/** Counts per outcome, for the log: how many files were read and why others were not. */
export function fileOutcomeCounts(files: Omit<MessageFiles, 'text'>): Record<string, number> {
  const counts: Record<string, number> = {};
  if (files.read.length > 0) counts.read = files.read.length;
  for (const { reason } of files.skipped) counts[reason] = (counts[reason] ?? 0) + 1;
  return counts;
}
