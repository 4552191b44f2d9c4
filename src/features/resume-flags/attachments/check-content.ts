import type { FileKind, SkipReason } from './attachment-schemas.js';

export type ContentCheck = { ok: true } | { ok: false; reason: SkipReason };

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46]; // %PDF
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // PK\x03\x04
// An OLE compound file: how Word stores a password-protected .docx (and an old .doc).
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// PDF readers accept the header anywhere in the first kilobyte, and so does PDF.js.
const PDF_HEADER_WINDOW = 1024;

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  return magic.every((byte, i) => bytes[at + i] === byte);
}

function findPdfHeader(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - PDF_MAGIC.length, PDF_HEADER_WINDOW);
  for (let at = 0; at <= end; at++) if (startsWith(bytes, PDF_MAGIC, at)) return true;
  return false;
}

/** The start of an HTML document: what Slack answers, with status 200, to a download it refuses. */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}

function isHtmlContentType(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'text/html';
}

/**
 * Checks downloaded bytes before any parser sees them: the magic bytes of a PDF or .docx,
 * and no HTML sign-in page in place of the file. Bytes that are HTML where a file was
 * expected mean the download was refused (`no-access`); other wrong bytes are `corrupt`.
 */
export function checkDownloadedContent(
  kind: FileKind,
  bytes: Uint8Array,
  contentType: string | undefined,
): ContentCheck {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  switch (kind) {
    case 'pdf':
      if (findPdfHeader(bytes)) return { ok: true };
      break;
    case 'docx':
      if (startsWith(bytes, ZIP_MAGIC)) return { ok: true };
      if (startsWith(bytes, OLE_MAGIC)) return { ok: false, reason: 'encrypted' };
      break;
    case 'text':
    case 'markdown':
      // A text file may hold HTML; it is refused only when the server also calls it HTML.
      if (isHtmlContentType(contentType) && looksLikeHtml(bytes)) {
        return { ok: false, reason: 'no-access' };
      }
      return { ok: true };
  }
  return { ok: false, reason: looksLikeHtml(bytes) ? 'no-access' : 'corrupt' };
}
