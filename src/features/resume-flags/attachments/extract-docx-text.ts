import mammoth from 'mammoth';
import { capText } from './cap-text.js';
import type { ExtractOutcome } from './extraction-messages.js';
import { inspectZipDirectory, type ZipLimits } from './zip-directory.js';
import { verifyZipEntrySizes } from './zip-entry-sizes.js';

/**
 * The raw text of a .docx through mammoth, after the zip is checked twice: its central
 * directory (entry count, declared sizes, ratios), then every entry inflated with its output
 * capped at the declared size, so headers that lie are caught before mammoth unpacks
 * anything.
 */
export async function extractDocxText(
  bytes: Uint8Array,
  limits: ZipLimits & { maxTextChars: number },
): Promise<ExtractOutcome> {
  const directory = inspectZipDirectory(bytes, limits);
  if (!directory.ok) return directory;
  const sizes = verifyZipEntrySizes(bytes, directory.entries);
  if (!sizes.ok) return sizes;
  let text: string;
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    text = (await mammoth.extractRawText({ buffer })).value.trim();
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  if (text === '') return { ok: false, reason: 'empty' };
  return { ok: true, ...capText(text, limits.maxTextChars) };
}
