import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import type { Store } from '../kernel/database/store.js';

/** How long one answer from the database counts, so that probes do not hammer it. */
const DATABASE_CHECK_MS = 1000;
const DATABASE_TIMEOUT_MS = 2000;

export type Readiness = {
  /** Up (ready and not draining) and its database answering. */
  check(): Promise<{ ok: boolean; database: boolean }>;
};

/**
 * Readiness for a load balancer or a container probe: 200 once the app serves Slack and its
 * database answers, 503 while starting, stopping, or when the database does not answer.
 */
export function createReadiness(up: () => boolean, store: Pick<Store, 'db'>): Readiness {
  let last: { at: number; ok: boolean } | undefined;
  const databaseAnswers = async (): Promise<boolean> => {
    const now = Date.now();
    if (last && now - last.at < DATABASE_CHECK_MS) return last.ok;
    let timer: NodeJS.Timeout | undefined;
    const ok = await Promise.race([
      sql`select 1`.execute(store.db).then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), DATABASE_TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
    last = { at: Date.now(), ok };
    return ok;
  };
  return {
    async check() {
      const database = await databaseAnswers();
      return { ok: up() && database, database };
    },
  };
}

/** `GET` or `HEAD /health`: the readiness as JSON (HEAD: the status alone). */
export function healthRoute(readiness: Readiness) {
  return (_req: IncomingMessage, res: ServerResponse): void => {
    void readiness.check().then((state) => {
      res.writeHead(state.ok ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify(state));
    });
  };
}

/**
 * In Socket Mode there is no HTTP server for Slack; with HEALTH_PORT set, this one serves
 * `/health` alone for container probes.
 */
export async function startHealthServer(port: number, readiness: Readiness): Promise<Server> {
  const route = healthRoute(readiness);
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if ((req.method === 'GET' || req.method === 'HEAD') && path === '/health') route(req, res);
    else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

export const portOf = (server: Server): number => (server.address() as AddressInfo).port;
