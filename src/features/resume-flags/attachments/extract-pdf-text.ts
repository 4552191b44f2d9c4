import { getDocumentProxy } from 'unpdf';
import { capText } from './cap-text.js';
import type { ExtractOutcome } from './extraction-messages.js';

// PDF.js options for untrusted files: no eval (CVE-2024-4367 ran script through font data
// when it was on), no fonts, canvases, XFA or network, and no console output.
const SAFE_OPTIONS = {
  isEvalSupported: false,
  disableFontFace: true,
  useSystemFonts: false,
  useWorkerFetch: false,
  isOffscreenCanvasSupported: false,
  isImageDecoderSupported: false,
  enableXfa: false,
  stopAtErrors: false,
  verbosity: 0,
} as const;

type TextItem = { str?: unknown; hasEOL?: unknown };

function pageText(items: readonly TextItem[]): string {
  return items
    .map((item) => (typeof item.str === 'string' ? item.str : '') + (item.hasEOL ? '\n' : ''))
    .join('');
}

/**
 * The text layer of a PDF, page by page up to `maxPages` (no OCR). A PDF whose pages hold no
 * text is `no-text-layer` (a scan); a password-protected one is `encrypted`; anything PDF.js
 * cannot open is `corrupt`.
 */
export async function extractPdfText(
  bytes: Uint8Array,
  limits: { maxPages: number; maxTextChars: number },
): Promise<ExtractOutcome> {
  let document: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // PDF.js refuses a Node Buffer; a plain view of the same bytes is fine.
    const data = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    document = await getDocumentProxy(data, SAFE_OPTIONS);
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    return { ok: false, reason: name === 'PasswordException' ? 'encrypted' : 'corrupt' };
  }
  try {
    const pages: string[] = [];
    let chars = 0;
    const last = Math.min(document.numPages, limits.maxPages);
    for (let number = 1; number <= last && chars <= limits.maxTextChars; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const text = pageText(content.items as TextItem[]).trim();
      pages.push(text);
      chars += text.length;
      page.cleanup();
    }
    const joined = pages.join('\n\n').trim();
    if (joined === '') return { ok: false, reason: 'no-text-layer' };
    const capped = capText(joined, limits.maxTextChars);
    return {
      ok: true,
      text: capped.text,
      pages: document.numPages,
      truncated: capped.truncated || pages.length < document.numPages,
    };
  } catch {
    return { ok: false, reason: 'corrupt' };
  } finally {
    await document.destroy().catch(() => undefined);
  }
}
