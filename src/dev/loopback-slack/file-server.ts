/**
 * GET on a file's private URL, as files.slack.com answers it: the bytes for a bearer of a bot
 * token of this workspace; otherwise 401, or (Slack's quirk, opt-in) a sign-in page with 200.
 * Injected failures and delays use the pseudo-method `files.download`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type FailureInjector, FILE_DOWNLOAD } from './failure-injection.js';
import { type FileStore, type RecordedDownload, SIGN_IN_PAGE } from './files.js';
import type { TokenRules } from './web-api-server.js';

export type FileServerDeps = {
  files: FileStore;
  failures: FailureInjector;
  tokens: TokenRules;
  now: () => number;
};

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function bearerOf(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return header ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
}

/** Whether `path` is one this server answers. */
export function isFilePath(path: string): boolean {
  return path.startsWith('/files-pri/') || path.startsWith('/external/');
}

export async function serveFile(
  deps: FileServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const at = deps.now();
  const token = bearerOf(req);
  const { file, via, fileId } = deps.files.resolve(path);
  const authorized =
    token !== undefined && deps.tokens.botTokens.has(token) && !deps.tokens.revoked.has(token);
  const send = (
    status: number,
    outcome: RecordedDownload['outcome'],
    headers: Record<string, string | number>,
    body: Buffer | string,
  ) => {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    deps.files.record({
      fileId,
      via,
      token,
      authorized,
      status,
      bytesSent: req.method === 'HEAD' ? 0 : bytes.length,
      outcome,
      at,
    });
    res.writeHead(status, { 'content-length': bytes.length, ...headers });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  };
  const text = (status: number, outcome: RecordedDownload['outcome'], body: string) =>
    send(status, outcome, { 'content-type': 'text/plain; charset=utf-8' }, body);

  const delayMs = deps.failures.delayFor(FILE_DOWNLOAD);
  if (delayMs > 0) await wait(delayMs);
  // The client may have given up while it waited (a download timeout under test).
  if (res.destroyed) return;

  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return text(405, 'not_found', 'method not allowed');
  }
  if (via === 'external') {
    // An external file's url_private is the other service's page, not the file.
    if (!file) return text(404, 'not_found', 'not found');
    return send(200, 'sign_in_page', { 'content-type': 'text/html; charset=utf-8' }, SIGN_IN_PAGE);
  }
  if (!authorized) {
    const answer = file?.unauthorized ?? deps.files.unauthorizedAnswer;
    if (answer === 'sign_in_page') {
      return send(
        200,
        'sign_in_page',
        { 'content-type': 'text/html; charset=utf-8' },
        SIGN_IN_PAGE,
      );
    }
    return text(401, 'unauthorized', 'invalid_auth');
  }
  const injected = deps.failures.take(FILE_DOWNLOAD, fileId, at);
  if (injected?.kind === 'ratelimit') {
    return send(
      429,
      'injected',
      { 'content-type': 'text/plain; charset=utf-8', 'retry-after': injected.retryAfter },
      'ratelimited',
    );
  }
  if (injected?.kind === 'error') {
    const status = Number(injected.error);
    return text(Number.isInteger(status) && status >= 400 ? status : 500, 'injected', 'error');
  }
  if (!file || file.revoked || file.mode === 'tombstone')
    return text(404, 'not_found', 'not found');
  const headers: Record<string, string | number> = { 'content-type': file.mimetype };
  if (via === 'url_private_download') {
    headers['content-disposition'] = `attachment; filename="${encodeURIComponent(file.name)}"`;
  }
  return send(200, 'file', headers, file.bytes);
}
