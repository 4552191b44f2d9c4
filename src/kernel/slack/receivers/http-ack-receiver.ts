import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import {
  type App,
  AuthorizationError,
  HTTPModuleFunctions as http,
  type Receiver,
  type ReceiverEvent,
} from '@slack/bolt';
import type { Logger as SlackLogger } from '@slack/logger';
import { replyJson } from '../blocks/reply-json.js';
import { type AckResponse, ackOnce } from './ack-once.js';

/** Where Slack sends slash commands, interactivity and events (the manifest's request_url). */
export const SLACK_EVENTS_PATH = '/slack/events';

/** Slack shows the user an error when an ack takes longer than this. */
const SLACK_ACK_DEADLINE_MS = 3000;

type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void;

export type HttpAckReceiverOptions = {
  signingSecret: string;
  port: number;
  logger: SlackLogger;
  /** GET routes besides Slack's endpoint, by exact path (e.g. `/health`). */
  getRoutes?: Record<string, RouteHandler>;
};

/**
 * Slack's HTTP requests for Bolt, like Bolt's own HTTPReceiver with `processBeforeResponse:
 * false` minus what this app does not use (OAuth install pages, path patterns for custom
 * routes, a per-request 3 s timer) and with the reply serialized once: a memoized /hire
 * answer's JSON is reused (src/blocks/reply-json.ts). Those were the receiver's costs on every
 * request, profiled in bench/request-path.bench.ts.
 *
 * Reading the body, checking the signature and timestamp, and parsing the body are Bolt's own
 * functions (HTTPModuleFunctions), so a request is accepted or refused exactly as Bolt would:
 * 401 for a bad or stale signature, 413 over 4 MB, 400 for a body that does not parse. The ack
 * is the response: it is written as soon as a listener calls ack(). Instead of a timer per
 * request, an ack later than Slack's 3 s is logged when it happens, and a request that no
 * listener acked is answered 404 (as Bolt answers it after 3 s) once the app is done with it.
 */
export class HttpAckReceiver implements Receiver {
  readonly #options: HttpAckReceiverOptions;
  readonly #logger: SlackLogger;
  readonly #server: Server;
  readonly #getRoutes: Map<string, RouteHandler>;
  #app: App | undefined;

  constructor(options: HttpAckReceiverOptions) {
    this.#options = options;
    this.#logger = options.logger;
    this.#getRoutes = new Map(Object.entries(options.getRoutes ?? {}));
    this.#server = createServer((req, res) => this.#route(req, res));
  }

  init(app: App): void {
    this.#app = app;
  }

  /** Listens on the configured port; resolves with the server once it accepts connections. */
  start(): Promise<Server> {
    const server = this.#server;
    return new Promise((resolve, reject) => {
      const failed = (error: Error): void => reject(error);
      server.once('error', failed);
      server.listen(this.#options.port, () => {
        server.off('error', failed);
        resolve(server);
      });
    });
  }

  /** Refuses new connections; resolves once the open ones have ended. */
  stop(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#server.close((error) => (error ? reject(error) : resolve()));
    });
  }

  #route(req: IncomingMessage, res: ServerResponse): void {
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const path = query === -1 ? url : url.slice(0, query);
    if (req.method === 'POST' && path === SLACK_EVENTS_PATH) {
      void this.#handleSlackRequest(req, res);
      return;
    }
    const route = req.method === 'GET' ? this.#getRoutes.get(path) : undefined;
    if (route) {
      route(req, res);
      return;
    }
    http.buildNoBodyResponse(res, 404);
  }

  async #handleSlackRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = performance.now();
    let body: ReceiverEvent['body'];
    try {
      const buffered = await http.parseAndVerifyHTTPRequest(
        {
          enabled: true,
          signingSecret: this.#options.signingSecret,
          bodyLimit: http.defaultBodyLimit,
        },
        req,
      );
      try {
        body = http.parseHTTPRequestBody(buffered);
      } catch (error) {
        this.#logger.warn(`Malformed request body: ${messageOf(error)}`);
        http.buildNoBodyResponse(res, 400);
        return;
      }
    } catch (error) {
      if (http.isRawBodyError(error) && error.statusCode === 413) {
        this.#logger.warn(`Request body over the limit of ${http.defaultBodyLimit} bytes`);
        http.buildNoBodyResponse(res, 413);
      } else {
        this.#logger.warn(`Failed to parse and verify the request data: ${messageOf(error)}`);
        http.buildNoBodyResponse(res, 401);
      }
      return;
    }

    if (body.ssl_check === '1') {
      http.buildSSLCheckResponse(res);
      return;
    }
    if (body.type === 'url_verification') {
      http.buildUrlVerificationResponse(res, body);
      return;
    }

    const { ack, claim } = ackOnce(this.#logger, (response) => {
      const ms = performance.now() - receivedAt;
      if (ms > SLACK_ACK_DEADLINE_MS) {
        this.#logger.warn(
          `A request was acknowledged after ${Math.round(ms)} ms; Slack gives up after 3 s`,
        );
      }
      writeAck(res, response);
    });
    const event: ReceiverEvent = {
      body,
      retryNum: http.extractRetryNumFromHTTPRequest(req),
      retryReason: http.extractRetryReasonFromHTTPRequest(req),
      ack,
    };

    try {
      await this.#app?.processEvent(event);
    } catch (error) {
      this.#logger.error(`An unhandled error occurred while processing a ${body.type} request`);
      this.#logger.debug(`Error details: ${messageOf(error)}`);
      if (claim() && !res.headersSent) {
        http.buildNoBodyResponse(res, error instanceof AuthorizationError ? 401 : 500);
      }
      return;
    }
    if (claim()) {
      this.#logger.error(
        `No listener acknowledged a ${String(body.type ?? body.command ?? 'request')} request`,
      );
      http.buildNoBodyResponse(res, 404);
    }
  }
}

/** An ack's response body, as Bolt writes it: empty, a string as it is, a message as JSON. */
export function ackBody(response: AckResponse): { body: string; json: boolean } {
  if (!response) return { body: '', json: false };
  if (typeof response === 'string') return { body: response, json: false };
  return { body: replyJson(response), json: true };
}

function writeAck(res: ServerResponse, response: AckResponse): void {
  if (res.headersSent) return;
  const { body, json } = ackBody(response);
  res.writeHead(200, json ? { 'content-type': 'application/json' } : undefined);
  res.end(body);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
