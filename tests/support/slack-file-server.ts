import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ServedFile = {
  body: Buffer;
  contentType?: string;
  /** Wait this long before answering (the request may be aborted meanwhile). */
  delayMs?: number;
  /** Send the body without Content-Length, in 64 KB chunks. */
  chunked?: boolean;
  /** Answer 200 with an HTML sign-in page instead of the file, as Slack does when it refuses. */
  signInPage?: boolean;
  /** Answer 302 to this URL instead. */
  redirectTo?: string;
  /** Answer with this status and no file. */
  status?: number;
};

export type SlackFileServer = {
  origin: string;
  /** Serves `file` at `path`; returns its URL. */
  serve(path: string, file: ServedFile): string;
  /** `inFlight`: requests received and not yet being answered (see `delayMs`). */
  stats: { requests: number; unauthorized: number; inFlight: number; maxInFlight: number };
  close(): Promise<void>;
};

export const SIGN_IN_PAGE =
  '<!DOCTYPE html><html><head><title>Sign in | Slack</title></head><body>Sign in to your workspace</body></html>';

async function send(response: ServerResponse, file: ServedFile): Promise<void> {
  if (file.status !== undefined) {
    response.writeHead(file.status, { 'content-type': 'text/plain' }).end('no');
    return;
  }
  if (file.redirectTo !== undefined) {
    response.writeHead(302, { location: file.redirectTo }).end();
    return;
  }
  if (file.signInPage) {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(SIGN_IN_PAGE);
    return;
  }
  const type = file.contentType ?? 'application/octet-stream';
  if (!file.chunked) {
    response.writeHead(200, { 'content-type': type, 'content-length': file.body.length });
    response.end(file.body);
    return;
  }
  response.writeHead(200, { 'content-type': type });
  for (let at = 0; at < file.body.length && !response.destroyed; at += 64 * 1024) {
    if (!response.write(file.body.subarray(at, at + 64 * 1024))) await once(response, 'drain');
  }
  response.end();
}

/**
 * A stand-in for Slack's file host: serves files at private URLs that demand
 * `Authorization: Bearer <token>` (401 without it), and counts downloads in flight.
 */
export async function startSlackFileServer(token: string): Promise<SlackFileServer> {
  const files = new Map<string, ServedFile>();
  const stats = { requests: 0, unauthorized: 0, inFlight: 0, maxInFlight: 0 };
  const server = createServer((request, response) => {
    stats.requests++;
    if (request.headers.authorization !== `Bearer ${token}`) {
      stats.unauthorized++;
      response.writeHead(401, { 'content-type': 'text/plain' }).end('not_authed');
      return;
    }
    const file = files.get(request.url ?? '');
    if (file === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('file_not_found');
      return;
    }
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    // In flight until the answer starts: that span lies within the client's download, so
    // the count never exceeds the client's own concurrency, whatever order events run in.
    let answered = false;
    const answer = (): void => {
      if (!answered) stats.inFlight--;
      answered = true;
    };
    const timer = setTimeout(() => {
      answer();
      send(response, file).catch(() => response.destroy());
    }, file.delayMs ?? 0);
    response.on('close', () => {
      clearTimeout(timer);
      answer();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    serve(path, file) {
      files.set(path, file);
      return `${origin}${path}`;
    },
    stats,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
