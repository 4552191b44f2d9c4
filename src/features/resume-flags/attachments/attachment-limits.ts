import { z } from 'zod';

const MB = 1024 * 1024;

/** Bounds on what one read may cost. Every field has a default; tests tighten them. */
export const attachmentLimitsSchema = z.object({
  /** Files read from one message; the rest are skipped as `too-many`. */
  maxFiles: z.number().int().positive().default(3),
  /** Largest file downloaded, declared or actual. */
  maxBytes: z
    .number()
    .int()
    .positive()
    .default(10 * MB),
  /** The whole read of one file: waiting for a slot, download and text extraction. */
  timeoutMs: z.number().int().positive().default(10_000),
  /** Files read at once across all callers; bounds the bytes held in memory. */
  maxConcurrentReads: z.number().int().positive().default(2),
  /** PDF pages whose text is read; later pages are left out (`truncated`). */
  maxPages: z.number().int().positive().default(50),
  /** Characters kept per file; more is cut (`truncated`). */
  maxTextChars: z.number().int().positive().default(200_000),
  /** Entries in a .docx zip. */
  maxZipEntries: z.number().int().positive().default(1_000),
  /** Bytes all .docx entries may unpack to, as declared and as actually inflated. */
  maxUnpackedBytes: z
    .number()
    .int()
    .positive()
    .default(30 * MB),
  /** Unpacked/packed ratio allowed for an entry larger than `ratioFloorBytes`. */
  maxCompressionRatio: z.number().positive().default(100),
  ratioFloorBytes: z
    .number()
    .int()
    .nonnegative()
    .default(1 * MB),
  /** Extraction child processes running at once (each parses one file at a time). */
  maxExtractors: z.number().int().positive().default(1),
  /** V8 old-generation heap of an extraction child. */
  extractorHeapMb: z.number().int().positive().default(128),
  /**
   * Resident memory an extraction child may reach while it parses a file, Node and parsers
   * included. Catches what the heap limit cannot see: typed arrays that PDF.js or a zip
   * inflater fill outside the V8 heap.
   */
  extractorRssMb: z.number().int().positive().default(256),
  /** How often a parsing child's memory is read. */
  memorySampleMs: z.number().int().positive().default(25),
  /** An idle child is stopped after this long (the next read starts a new one). */
  extractorIdleMs: z.number().int().positive().default(60_000),
});

export type AttachmentLimits = z.infer<typeof attachmentLimitsSchema>;
export type AttachmentLimitsInput = z.input<typeof attachmentLimitsSchema>;

export function resolveAttachmentLimits(input: AttachmentLimitsInput = {}): AttachmentLimits {
  return attachmentLimitsSchema.parse(input);
}
