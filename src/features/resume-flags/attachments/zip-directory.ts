import type { SkipReason } from './attachment-schemas.js';

export type ZipEntry = {
  name: string;
  /** 0 stored, 8 deflated: the only two a .docx uses. */
  method: 0 | 8;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
};

export type ZipDirectory = { ok: true; entries: ZipEntry[] } | { ok: false; reason: SkipReason };

export type ZipLimits = {
  maxZipEntries: number;
  maxUnpackedBytes: number;
  maxCompressionRatio: number;
  ratioFloorBytes: number;
};

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_SIZE = 22;
const CENTRAL_HEADER_SIZE = 46;
const MAX_COMMENT = 0xffff;

const corrupt = { ok: false, reason: 'corrupt' } as const;
const tooLarge = { ok: false, reason: 'too-large' } as const;

function findEndOfCentralDirectory(view: DataView): number | undefined {
  const last = view.byteLength - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  return undefined;
}

/**
 * Reads a zip's central directory without unpacking anything, and refuses what a zip bomb
 * looks like there: too many entries, too many unpacked bytes declared, or an entry that
 * claims to unpack far beyond its packed size. Zip64, split archives and compression methods
 * other than stored/deflate are refused as `corrupt` (no .docx under the size bound uses
 * them). The declared sizes may lie; `verifyZipEntrySizes` checks them by inflating.
 */
export function inspectZipDirectory(bytes: Uint8Array, limits: ZipLimits): ZipDirectory {
  if (bytes.length < EOCD_SIZE) return corrupt;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd === undefined) return corrupt;
  const disk = view.getUint16(eocd + 4, true);
  const directoryDisk = view.getUint16(eocd + 6, true);
  const entriesOnDisk = view.getUint16(eocd + 8, true);
  const entryCount = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (disk !== 0 || directoryDisk !== 0 || entriesOnDisk !== entryCount) return corrupt;
  if (entryCount === 0xffff || directoryOffset === 0xffffffff) return corrupt; // zip64
  if (entryCount > limits.maxZipEntries) return tooLarge;
  if (directoryOffset + directorySize > eocd) return corrupt;

  const entries: ZipEntry[] = [];
  const names = new TextDecoder('utf-8', { fatal: false });
  let unpacked = 0;
  let at = directoryOffset;
  for (let i = 0; i < entryCount; i++) {
    if (at + CENTRAL_HEADER_SIZE > eocd) return corrupt;
    if (view.getUint32(at, true) !== CENTRAL_SIGNATURE) return corrupt;
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localHeaderOffset = view.getUint32(at + 42, true);
    const nameEnd = at + CENTRAL_HEADER_SIZE + nameLength;
    if (nameEnd > eocd) return corrupt;
    if (method !== 0 && method !== 8) return corrupt;
    if (method === 0 && compressedSize !== uncompressedSize) return corrupt;
    if (localHeaderOffset + compressedSize > directoryOffset) return corrupt;
    unpacked += uncompressedSize;
    if (unpacked > limits.maxUnpackedBytes) return tooLarge;
    if (
      uncompressedSize > limits.ratioFloorBytes &&
      uncompressedSize / Math.max(compressedSize, 1) > limits.maxCompressionRatio
    ) {
      return tooLarge;
    }
    entries.push({
      name: names.decode(bytes.subarray(at + CENTRAL_HEADER_SIZE, nameEnd)),
      method,
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
    });
    at = nameEnd + extraLength + commentLength;
  }
  return { ok: true, entries };
}
