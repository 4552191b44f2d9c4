import { inflateRawSync } from 'node:zlib';
import type { SkipReason } from './attachment-schemas.js';
import type { ZipEntry } from './zip-directory.js';

const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_HEADER_SIZE = 30;

export type ZipSizeCheck = { ok: true } | { ok: false; reason: SkipReason };

function isOutputTooLarge(error: unknown): boolean {
  return (
    error instanceof RangeError ||
    (error instanceof Error && 'code' in error && error.code === 'ERR_BUFFER_TOO_LARGE')
  );
}

/**
 * Inflates every deflated entry with the output capped at its declared size, so a zip whose
 * headers understate what it unpacks to is caught using no more memory than it declared
 * (which `inspectZipDirectory` already bounded). More output than declared is a bomb
 * (`too-large`); less, or broken data, is `corrupt`.
 */
export function verifyZipEntrySizes(bytes: Uint8Array, entries: readonly ZipEntry[]): ZipSizeCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const entry of entries) {
    const at = entry.localHeaderOffset;
    if (at + LOCAL_HEADER_SIZE > bytes.length) return { ok: false, reason: 'corrupt' };
    if (view.getUint32(at, true) !== LOCAL_SIGNATURE) return { ok: false, reason: 'corrupt' };
    const start =
      at + LOCAL_HEADER_SIZE + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > bytes.length) return { ok: false, reason: 'corrupt' };
    if (entry.method === 0) continue; // stored: sizes already equal
    let inflated: Buffer;
    try {
      inflated = inflateRawSync(bytes.subarray(start, end), {
        maxOutputLength: Math.max(1, entry.uncompressedSize),
      });
    } catch (error) {
      return { ok: false, reason: isOutputTooLarge(error) ? 'too-large' : 'corrupt' };
    }
    if (inflated.length !== entry.uncompressedSize) return { ok: false, reason: 'corrupt' };
  }
  return { ok: true };
}
