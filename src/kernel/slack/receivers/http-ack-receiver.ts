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

type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** How long each part of a request may take; defaults in HTTP_TIMEOUTS. */
export type HttpTimeouts = {
  /** Slack gives up on an unanswered interaction after 3 s; so does the receiver (404). */
  ackMs: number;
  /** Slack's requests are small: headers and body arrive at once or not at all. */
  headersMs: number;
  requestMs: number;
  /**
   * Longer than a load balancer's usual 60 s idle timeout, so that the balancer, not Node,
   * closes an idle connection (Node closing first is the classic cause of sporadic 502s).
   */
  keepAliveMs: number;
};

export const HTTP_TIMEOUTS: HttpTimeouts = {
  ackMs: 3000,
  headersMs: 5000,
  requestMs: 10_000,
  keepAliveMs: 65_000,
};

export type HttpAckReceiverOptions = {
  signingSecret: string;
  port: number;
  logger: SlackLogger;
  /** GET (and HEAD) routes besides Slack's endpoint, by exact path (e.g. `/health`). */
  getRoutes?: Record<string, RouteHandler>;
  timeouts?: Partial<HttpTimeouts>;
};

/** A request the app has not answered yet, watched against the ack deadline. */
type Pending = { deadline: number; type: string; claim: () => boolean; res: ServerResponse };

/**
 * Slack's HTTP requests for Bolt, like Bolt's own HTTPReceiver with `processBeforeResponse:
 * false` minus what this app does not use (OAuth install pages, path patterns for custom
 * routes, a timer per request) and with the reply serialized once: a memoized /hire answer's
 * JSON is reused (kernel/slack/blocks/reply-json.ts).
 *
 * Reading the body, checking the signature and timestamp, and parsing the body are Bolt's own
 * functions (HTTPModuleFunctions), so a request is accepted or refused exactly as Bolt would:
 * 401 for a bad or stale signature, 413 over 4 MB, 400 for a body that does not parse. The ack
 * is the response: it is written as soon as a listener calls ack(). A request that nobody acks
 * within 3 s is answered 404 and logged with its type, as Bolt does — one sweep a quarter
 * second over the requests in flight instead of a timer each — so a listener that hangs never
 * holds its connection.
 */
export class HttpAckReceiver implements Receiver {
  readonly #options: HttpAckReceiverOptions;
  readonly #logger: SlackLogger;
  readonly #server: Server;
  readonly #getRoutes: Map<string, RouteHandler>;
  readonly #timeouts: HttpTimeouts;
  readonly #pending = new Set<Pending>();
  #sweeper: NodeJS.Timeout | undefined;
  #app: App | undefined;

  constructor(options: HttpAckReceiverOptions) {
    this.#options = options;
    this.#logger = options.logger;
    this.#timeouts = { ...HTTP_TIMEOUTS, ...options.timeouts };
    this.#getRoutes = new Map(Object.entries(options.getRoutes ?? {}));
    const { headersMs, requestMs, keepAliveMs } = this.#timeouts;
    this.#server = createServer(
      {
        headersTimeout: headersMs,
        requestTimeout: requestMs,
        keepAliveTimeout: keepAliveMs,
        // How often Node enforces the two above (its default, 30 s, would let them slip).
        connectionsCheckingInterval: Math.min(1000, headersMs),
      },
      (req, res) => this.#route(req, res),
    );
  }

  init(app: App): void {
    this.#app = app;
  }

  /** Listens on the configured port; resolves with the server once it accepts connections. */
  start(): Promise<Server> {
    const server = this.#server;
    this.#sweeper ??= setInterval(() => this.#sweep(), 250);
    this.#sweeper.unref();
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
      this.#server.close((error) => {
        clearInterval(this.#sweeper);
        this.#sweeper = undefined;
        if (error) reject(error);
        else resolve();
      });
    });
  }

  /** Answers every request past Slack's deadline that nobody acked: 404, as Bolt does. */
  #sweep(): void {
    const now = performance.now();
    for (const pending of this.#pending) {
      if (pending.deadline > now) continue;
      this.#pending.delete(pending);
      if (!pending.claim()) continue;
      this.#logger.error(
        `An incoming ${pending.type} request was not acknowledged within ${this.#timeouts.ackMs} ms`,
      );
      if (!pending.res.headersSent) http.buildNoBodyResponse(pending.res, 404);
    }
  }

  #route(req: IncomingMessage, res: ServerResponse): void {
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const path = query === -1 ? url : url.slice(0, query);
    if (req.method === 'POST' && path === SLACK_EVENTS_PATH) {
      void this.#handleSlackRequest(req, res);
      return;
    }
    const route =
      req.method === 'GET' || req.method === 'HEAD' ? this.#getRoutes.get(path) : undefined;
    if (route) {
      // Node leaves the body out of a HEAD response by itself; status and headers are GET's.
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
    // A signed body that is valid JSON but not an object (`null`, `3`) is no Slack request.
    if (typeof body !== 'object' || body === null) {
      this.#logger.warn('A signed request whose body is not an object');
      http.buildNoBodyResponse(res, 400);
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

    const type = String(body.type ?? (body.command ? 'slash_command' : 'unknown'));
    const { ack, claim } = ackOnce(this.#logger, (response) => {
      this.#pending.delete(pending);
      const ms = performance.now() - receivedAt;
      if (ms > this.#timeouts.ackMs) {
        this.#logger.warn(
          `A ${type} request was acknowledged after ${Math.round(ms)} ms; Slack gives up after 3 s`,
        );
      }
      writeAck(res, response);
    });
    const pending: Pending = {
      deadline: receivedAt + this.#timeouts.ackMs,
      type,
      claim,
      res,
    };
    this.#pending.add(pending);
    const event: ReceiverEvent = {
      body,
      retryNum: http.extractRetryNumFromHTTPRequest(req),
      retryReason: http.extractRetryReasonFromHTTPRequest(req),
      ack,
    };

    try {
      await this.#app?.processEvent(event);
    } catch (error) {
      this.#pending.delete(pending);
      this.#logger.error(`An unhandled error occurred while processing a ${type} request`);
      this.#logger.debug(`Error details: ${messageOf(error)}`);
      if (claim() && !res.headersSent) {
        http.buildNoBodyResponse(res, error instanceof AuthorizationError ? 401 : 500);
      }
      return;
    }
    this.#pending.delete(pending);
    if (claim()) {
      this.#logger.error(`No listener acknowledged a ${type} request`);
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
