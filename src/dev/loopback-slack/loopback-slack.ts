/**
 * A stand-in for Slack on 127.0.0.1, for end-to-end tests, benchmarks and the local sandbox:
 * the Web API, Socket Mode, response_url endpoints, files at private URLs, Events API delivery
 * over HTTP, and payloads bound to them.
 * See README.md beside this file for what it emulates and what it does not.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkViewLimits } from '../slack-limits.js';
import { CallLog, type RecordedCall } from './call-log.js';
import {
  type DeliverEventOptions,
  deliverEvent,
  type EventDelivery,
  type RetryEventOptions,
  retryEvent,
} from './event-delivery.js';
import {
  type ChannelRateLimit,
  type FailOptions,
  FailureInjector,
  FILE_DOWNLOAD,
  type RateLimitOptions,
} from './failure-injection.js';
import { isFilePath, serveFile } from './file-server.js';
import {
  FileStore,
  type LoopbackFile,
  type LoopbackFileInput,
  type RecordedDownload,
  type UnauthorizedAnswer,
} from './files.js';
import { createPayloadFactories, type PayloadFactories } from './payloads.js';
import { type RecordedResponse, ResponseUrls } from './response-url.js';
import { type RecordedEnvelope, SocketModeServer } from './socket-mode-server.js';
import { TriggerRegistry } from './triggers.js';
import type { MethodContext, MethodHandler } from './web-api-methods.js';
import { handleWebApi, type WebApiDeps } from './web-api-server.js';
import {
  DEFAULT_USER_ID,
  type LoopbackMessage,
  type LoopbackView,
  Workspace,
  type WorkspaceOptions,
} from './workspace.js';

export type LoopbackSlackOptions = WorkspaceOptions & {
  /** The bot token the Web API accepts (default `xoxb-loopback-token`). */
  botToken?: string;
  /** More bot tokens to accept (e.g. several workspaces' worth). */
  extraBotTokens?: string[];
  /** The app-level token `apps.connections.open` accepts (default `xapp-loopback-token`). */
  appToken?: string;
  /** Port to listen on (default 0: any free port). */
  port?: number;
  /** Time source in epoch ms (trigger expiry, message ts); default `Date.now`. */
  now?: () => number;
  /** How long a trigger_id stays valid (default 3000 ms, as in Slack). */
  triggerTtlMs?: number;
  /** Server ping frames on Socket Mode connections; 0 = none (default 10 s). */
  pingIntervalMs?: number;
  /** Slack's ~1 message/s per channel on chat.post*, off unless given. */
  channelRateLimit?: ChannelRateLimit;
  /** Record Web API calls in `calls` (default true). */
  recordCalls?: boolean;
  /** Record Socket Mode envelopes in `socket.envelopes` (default true). */
  recordEnvelopes?: boolean;
  /** Reject `socket.send` when the ack's reply breaks Slack's limits (default true). */
  validateAcks?: boolean;
  /** The app's signing secret, used to sign events delivered over HTTP (default given). */
  signingSecret?: string;
  /**
   * What a file download without the bot token gets: `status_401` (default) or Slack's quirk,
   * `sign_in_page` (an HTML page with status 200). A file can override it.
   */
  unauthorizedDownload?: UnauthorizedAnswer;
};

/** A delivery of one event to an app's request URL (see event-delivery.ts). */
export type RecordedEventDelivery = EventDelivery & { url: string };

/** `deliverEvent` options bound to the loopback: the signing secret defaults to its own. */
export type LoopbackDeliverOptions = Omit<DeliverEventOptions, 'signingSecret'> & {
  signingSecret?: string;
};
export type LoopbackRetryOptions = Omit<RetryEventOptions, 'signingSecret'> & {
  signingSecret?: string;
};

export type MessageFilter = {
  /** Only what this user sees (in-channel messages plus their own ephemeral ones). */
  visibleTo?: string;
  includeDeleted?: boolean;
};

export type LoopbackSlack = Awaited<ReturnType<typeof startLoopbackSlack>>;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export async function startLoopbackSlack(options: LoopbackSlackOptions = {}) {
  const now = options.now ?? Date.now;
  const botToken = options.botToken ?? 'xoxb-loopback-token';
  const appToken = options.appToken ?? 'xapp-loopback-token';
  const workspace = new Workspace(options);
  const log = new CallLog();
  const failures = new FailureInjector();
  if (options.channelRateLimit) failures.setChannelRateLimit(options.channelRateLimit);
  const triggers = new TriggerRegistry(options.triggerTtlMs ?? 3000, now);
  let baseUrl = '';
  const responseUrls = new ResponseUrls(workspace, () => baseUrl, now);
  const validateAcks = options.validateAcks ?? true;
  const signingSecret = options.signingSecret ?? 'loopback-signing-secret';
  const files = new FileStore(workspace, () => baseUrl, now, {
    unauthorized: options.unauthorizedDownload,
    defaultUser: DEFAULT_USER_ID,
  });
  const eventDeliveries: RecordedEventDelivery[] = [];

  const socket = new SocketModeServer(() => baseUrl.replace(/^http/, 'ws'), {
    appId: workspace.appId,
    pingIntervalMs: options.pingIntervalMs,
    recordEnvelopes: options.recordEnvelopes,
    onAck: (record) => checkAck(record),
  });

  /** Shows a slash command's ack reply as Slack does; returns why Slack would refuse it. */
  function applyCommandReply(
    commandPayload: Record<string, unknown>,
    reply: Record<string, unknown>,
  ): string[] | undefined {
    if (typeof reply.text !== 'string' && !Array.isArray(reply.blocks)) return undefined;
    const context = responseUrls.contextOf(String(commandPayload.response_url ?? ''));
    if (!context) return ['the command payload has no loopback response_url'];
    const outcome = responseUrls.applyReply(context, reply, 'ack');
    if (outcome.ok) return undefined;
    return outcome.errors ?? [outcome.error];
  }

  function checkAck(record: RecordedEnvelope): string[] | undefined {
    const ack = record.ack ?? {};
    if (record.type === 'slash_commands') {
      const errors = applyCommandReply(record.payload, ack);
      return validateAcks ? errors : undefined;
    }
    if (
      validateAcks &&
      (ack.response_action === 'update' || ack.response_action === 'push') &&
      isRecord(ack.view)
    ) {
      const problems = checkViewLimits(ack.view);
      return problems.length > 0 ? problems.map((p) => `/view${p}`) : undefined;
    }
    return undefined;
  }

  const context: MethodContext = {
    workspace,
    triggers,
    now,
    openSocketUrl: () => socket.issueUrl(),
    files,
  };
  const extraMethods = new Map<string, MethodHandler>();
  const deps: WebApiDeps = {
    context,
    log,
    failures,
    tokens: {
      botTokens: new Set([botToken, ...(options.extraBotTokens ?? [])]),
      appToken,
      revoked: new Set(),
    },
    extraMethods,
    recordCalls: options.recordCalls ?? true,
  };

  const notFound = (res: ServerResponse) => {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  };

  const server = createServer({ keepAliveTimeout: 5000 }, (req, res) => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const query = q === -1 ? '' : url.slice(q + 1);
    readBody(req)
      .then(async (raw) => {
        if (path.startsWith('/api/')) {
          await handleWebApi(deps, req, res, path.slice(5), query, raw);
        } else if (isFilePath(path)) {
          await serveFile({ files, failures, tokens: deps.tokens, now }, req, res, path);
        } else if (path.startsWith('/respond/') && req.method === 'POST') {
          const answer = responseUrls.handlePost(path.slice(9), raw);
          res.writeHead(answer.status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(answer.body));
        } else {
          notFound(res);
        }
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
  server.on('upgrade', (req, sock, head) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (!path.startsWith('/socket/')) {
      sock.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    socket.handleUpgrade(req, sock, head, path.slice('/socket/'.length));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;

  const payloads: PayloadFactories = createPayloadFactories({
    workspace,
    responseUrls,
    triggers,
    files,
    now,
  });

  let closed: Promise<void> | undefined;

  return {
    /** `http://127.0.0.1:PORT/api/`, for `slackApiUrl`. */
    apiUrl: `${baseUrl}/api/`,
    baseUrl,
    port,
    botToken,
    appToken,
    teamId: workspace.teamId,
    appId: workspace.appId,
    botUserId: workspace.botUserId,
    botId: workspace.botId,
    signingSecret,
    workspace,
    /** Every Web API call, in arrival order. */
    calls: log.calls as readonly RecordedCall[],
    callsTo: (method: string) => log.callsTo(method),
    clearCalls: () => log.clear(),
    /** Forgets recorded calls, envelopes, responses and messages (long benchmarks). */
    clearHistory(): void {
      log.clear();
      socket.envelopes.length = 0;
      responseUrls.responses.length = 0;
      files.downloads.length = 0;
      eventDeliveries.length = 0;
      workspace.clearMessages();
    },
    /** Every POST to a response_url, in arrival order. */
    responses: responseUrls.responses as readonly RecordedResponse[],
    /** Every message shown in the workspace (including deleted ones, flagged). */
    messages: workspace.messages as readonly LoopbackMessage[],
    /** Current messages of a channel, oldest first. */
    messagesIn(channel: string, filter: MessageFilter = {}): LoopbackMessage[] {
      return workspace.messages.filter(
        (m) =>
          m.channel === channel &&
          (filter.includeDeleted || !m.deleted) &&
          (filter.visibleTo === undefined || !m.ephemeral || m.visibleTo === filter.visibleTo),
      );
    },
    socket,
    payloads,
    /** The Home tab last published for a user (views.publish), if any. */
    homeOf: (userId: string): LoopbackView | undefined => workspace.homeOf(userId),
    /** Files in the workspace, their private URLs and the downloads of them. */
    files: {
      /** Puts a file in the workspace; attach it with `messageShortcut({ message: { files: [id] } })`. */
      add: (input: LoopbackFileInput): LoopbackFile => files.add(input),
      get: (id: string): LoopbackFile | undefined => files.get(id),
      /** The entry Slack shows in a message's `files[]`. */
      messageJson(id: string): Record<string, unknown> {
        const file = files.get(id);
        if (!file) throw new Error(`no file ${id} in the loopback workspace`);
        return files.messageJson(file);
      },
      /** The bot loses access: files.info answers file_not_found, downloads 404. */
      revoke: (id: string) => files.revoke(id),
      /** Deleted: a tombstone on messages, file_deleted from files.info, downloads 404. */
      delete: (id: string) => files.delete(id),
      /** Every GET on a private URL, in order (token and answer; never the bytes). */
      downloads: files.downloads as readonly RecordedDownload[],
      /** The next downloads (of `file`, if given) answer this HTTP status (e.g. 404, 500). */
      failDownloads: (status: number, opts: { file?: string; times?: number } = {}) =>
        failures.failNext(FILE_DOWNLOAD, String(status), opts),
      /** Every download waits `ms` before answering (0 removes the delay). */
      delayDownloads: (ms: number) => failures.delay(FILE_DOWNLOAD, ms),
      /** The workspace-wide answer to a download without the bot token. */
      setUnauthorizedAnswer: (answer: UnauthorizedAnswer) => {
        files.unauthorizedAnswer = answer;
      },
    },
    /** Events API delivery to an app in HTTP mode (Socket Mode: `socket.send('events_api', …)`). */
    events: {
      /** Delivers one event with Slack's retry policy (see event-delivery.ts) and records it. */
      async deliver(
        url: string,
        payload: Record<string, unknown>,
        opts: LoopbackDeliverOptions = {},
      ): Promise<RecordedEventDelivery> {
        const delivery = await deliverEvent(url, payload, {
          ...opts,
          signingSecret: opts.signingSecret ?? signingSecret,
        });
        const recorded = { ...delivery, url };
        eventDeliveries.push(recorded);
        return recorded;
      },
      /** Sends one explicit retry of an event already delivered (same event_id). */
      retry: (url: string, payload: Record<string, unknown>, opts: LoopbackRetryOptions = {}) =>
        retryEvent(url, payload, { ...opts, signingSecret: opts.signingSecret ?? signingSecret }),
      /** Every `deliver`, in order. */
      deliveries: eventDeliveries as readonly RecordedEventDelivery[],
    },
    /** Shows a command's reply that came back over HTTP (Socket Mode acks do this themselves). */
    applyCommandReply,
    failNext: (method: string, error: string, opts?: FailOptions) =>
      failures.failNext(method, error, opts),
    rateLimit: (method: string, opts?: RateLimitOptions) => failures.rateLimit(method, opts),
    delay: (method: string, ms: number) => failures.delay(method, ms),
    setChannelRateLimit: (limit: ChannelRateLimit | null) => failures.setChannelRateLimit(limit),
    clearFailures: () => failures.clear(),
    /** Later calls with this token answer `token_revoked`. */
    revokeToken: (token: string) => deps.tokens.revoked.add(token),
    /** Adds or replaces a Web API method (for methods a feature needs that are not built in). */
    defineMethod: (name: string, handler: MethodHandler) => extraMethods.set(name, handler),
    /** Closes the HTTP server, the WebSocket server and every connection. */
    close(): Promise<void> {
      closed ??= socket.close().then(
        () =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          }),
      );
      return closed;
    },
  };
}
