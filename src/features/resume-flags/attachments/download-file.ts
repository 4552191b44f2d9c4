import type { SkipReason } from './attachment-schemas.js';

export type Download =
  | { ok: true; bytes: Uint8Array; contentType: string | undefined }
  | { ok: false; reason: SkipReason; status?: number };

export type DownloadOptions = {
  botToken: string;
  fetch: typeof globalThis.fetch;
  maxBytes: number;
  signal: AbortSignal;
  /** Origins the bot token may be sent to (the URL comes from a payload). */
  allowedOrigins: readonly string[];
};

const MAX_REDIRECTS = 3;

function failure(signal: AbortSignal): Download {
  return { ok: false, reason: signal.aborted ? 'timeout' : 'no-access' };
}

function allowedUrl(
  raw: string,
  base: string | undefined,
  origins: readonly string[],
): URL | undefined {
  try {
    const url = new URL(raw, base);
    return origins.includes(url.origin) ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * GETs a Slack file with the bot token, holding at most `maxBytes` in memory: a larger
 * Content-Length is refused before reading, a body that runs past it is cut off. Redirects
 * are followed by hand, and only to allowed origins, so the token never leaves them. A
 * network error is retried once. Any refusal (401, 403, 404, a redirect elsewhere, a
 * network error again) is `no-access`.
 */
export async function downloadFile(rawUrl: string, options: DownloadOptions): Promise<Download> {
  let url = allowedUrl(rawUrl, undefined, options.allowedOrigins);
  let retried = false;
  for (let hop = 0; url !== undefined && hop <= MAX_REDIRECTS; hop++) {
    let response: Response;
    try {
      response = await options.fetch(url, {
        headers: { authorization: `Bearer ${options.botToken}` },
        redirect: 'manual',
        signal: options.signal,
      });
    } catch {
      // Once more on a network error: a keep-alive connection the server had just closed.
      if (options.signal.aborted || retried) return failure(options.signal);
      retried = true;
      hop--;
      continue;
    }
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get('location');
      url = location === null ? undefined : allowedUrl(location, url.href, options.allowedOrigins);
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, reason: 'no-access', status: response.status };
    }
    return readBody(response, options);
  }
  return { ok: false, reason: 'no-access' };
}

async function readBody(response: Response, options: DownloadOptions): Promise<Download> {
  const contentType = response.headers.get('content-type') ?? undefined;
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > options.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return { ok: false, reason: 'too-large' };
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  try {
    while (reader !== undefined) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > options.maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: 'too-large' };
      }
      chunks.push(value);
    }
  } catch {
    return failure(options.signal);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes, contentType };
}
