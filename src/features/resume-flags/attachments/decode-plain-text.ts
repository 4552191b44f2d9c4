export type DecodedText = { ok: true; text: string; truncated: boolean } | { ok: false };

// Share of NUL, other control characters and undecodable bytes above which a "text" file is
// taken for binary data.
const MAX_GARBAGE_SHARE = 0.01;

function decoderFor(bytes: Uint8Array): { label: string; skip: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { label: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { label: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { label: 'utf-16be', skip: 2 };
  return { label: 'utf-8', skip: 0 };
}

function garbageCount(text: string): number {
  let garbage = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const control = code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c;
    if (control || code === 0xfffd) garbage++;
  }
  return garbage;
}

/**
 * Plain text or Markdown bytes as a string: UTF-8 (or UTF-16 when its byte order mark says
 * so), without the mark. Binary data posing as text (control characters, bytes that are not
 * UTF-8) is refused rather than passed on as noise.
 */
export function decodePlainText(bytes: Uint8Array, maxChars: number): DecodedText {
  const { label, skip } = decoderFor(bytes);
  const decoded = new TextDecoder(label, { fatal: false, ignoreBOM: true }).decode(
    bytes.subarray(skip),
  );
  if (decoded.length > 0 && garbageCount(decoded) / decoded.length > MAX_GARBAGE_SHARE) {
    return { ok: false };
  }
  const truncated = decoded.length > maxChars;
  return { ok: true, text: truncated ? decoded.slice(0, maxChars) : decoded, truncated };
}
