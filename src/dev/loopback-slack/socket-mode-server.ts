/**
 * Socket Mode, as @slack/socket-mode 3 expects it: `apps.connections.open` hands out a one-time
 * ws:// URL; on connect the server says `hello`; envelopes go out to one connection and come
 * back as `{ envelope_id, payload }` acks; `disconnect` makes the client reconnect.
 * ws answers the client's ping frames with pongs by itself.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';

/** The envelope_id at the start of an ack frame, where Slack's SDKs put it. */
const ENVELOPE_ID_FIRST = /^\{"envelope_id":"([^"\\]+)"/;

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

export type RecordedEnvelope = {
  envelopeId: string;
  type: EnvelopeType;
  /** `events_api` only: the envelope's retry_attempt. */
  retryAttempt?: number;
  payload: Record<string, unknown>;
  connectionId: number;
  sentAt: number;
  ack?: Record<string, unknown>;
  ackedAt?: number;
};

export type SendOptions = {
  /** Reject when no ack arrives in time (default 5000 ms; Slack's own deadline is 3 s). */
  timeoutMs?: number;
  /** Defaults: true for slash commands and view submissions, false otherwise (as in Slack). */
  acceptsResponsePayload?: boolean;
  /** `events_api` only: which delivery this is (0 = first; Slack retries 1–3). */
  retryAttempt?: number;
  /** `events_api` only: why Slack retries (e.g. `timeout`); empty on the first delivery. */
  retryReason?: string;
};

/** Thrown by `send` when an ack carries a reply Slack would refuse to show. */
export class AckRejectedError extends Error {
  constructor(
    message: string,
    readonly ackPayload: Record<string, unknown>,
    readonly errors: string[],
  ) {
    super(message);
    this.name = 'AckRejectedError';
  }
}

type Connection = {
  id: number;
  ws: WebSocket;
  draining: boolean;
  closed: Promise<void>;
  pinger?: NodeJS.Timeout;
};

type Pending = {
  resolve: (payload: Record<string, unknown>) => void;
  /** Set by `sendForLoad`: the ack frame as it came, neither parsed nor checked. */
  resolveRaw?: (frame: string) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
  record: RecordedEnvelope;
};

export type SocketModeServerOptions = {
  appId: string;
  /** Server-sent ping frames interval; 0 turns them off (default 10 s). */
  pingIntervalMs?: number;
  /** Keep sent envelopes in `envelopes` (default true; benchmarks turn it off). */
  recordEnvelopes?: boolean;
  /** Checks an ack before `send` resolves; returns errors to reject with. */
  onAck?: (record: RecordedEnvelope) => string[] | undefined;
};

export class SocketModeServer {
  readonly envelopes: RecordedEnvelope[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly tickets = new Set<string>();
  private readonly connections = new Map<number, Connection>();
  private readonly pending = new Map<string, Pending>();
  private readonly waiters = new Map<() => void, (error: Error) => void>();
  private nextConnectionId = 0;
  private roundRobin = 0;
  private closing = false;

  constructor(
    private readonly baseWsUrl: () => string,
    private readonly options: SocketModeServerOptions,
  ) {}

  /** How many connections are open and not asked to go away. */
  get connectionCount(): number {
    let count = 0;
    for (const c of this.connections.values()) if (!c.draining) count += 1;
    return count;
  }

  /** How many connections were ever accepted (a reconnect adds one). */
  get totalConnections(): number {
    return this.nextConnectionId;
  }

  /** A fresh single-use URL, as `apps.connections.open` returns. */
  issueUrl(): string {
    const ticket = randomUUID();
    this.tickets.add(ticket);
    return `${this.baseWsUrl()}/socket/${ticket}`;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, ticket: string): void {
    if (this.closing || !this.tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
  }

  private accept(ws: WebSocket): void {
    this.nextConnectionId += 1;
    const id = this.nextConnectionId;
    let markClosed = () => {};
    const closed = new Promise<void>((resolve) => {
      markClosed = resolve;
    });
    const connection: Connection = { id, ws, draining: false, closed };
    this.connections.set(id, connection);
    ws.on('message', (data, isBinary) => {
      if (!isBinary) this.onMessage(data.toString());
    });
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      clearInterval(connection.pinger);
      this.connections.delete(id);
      markClosed();
    });
    const pingMs = this.options.pingIntervalMs ?? 10_000;
    if (pingMs > 0) {
      connection.pinger = setInterval(() => ws.ping(), pingMs);
      connection.pinger.unref();
    }
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.connectionCount,
        debug_info: {
          host: 'loopback-slack',
          build_number: 1,
          approximate_connection_time: 18_060,
        },
        connection_info: { app_id: this.options.appId },
      }),
    );
    for (const wake of [...this.waiters.keys()]) wake();
  }

  private onMessage(text: string): void {
    // An ack from @slack/socket-mode (and from the app's receiver) starts with its envelope_id;
    // found that way, an ack for sendForLoad is settled without parsing the reply in it.
    const quickId = ENVELOPE_ID_FIRST.exec(text)?.[1];
    const quick = quickId === undefined ? undefined : this.pending.get(quickId);
    if (quickId !== undefined && quick?.resolveRaw) {
      this.pending.delete(quickId);
      clearTimeout(quick.timer);
      quick.record.ackedAt = Date.now();
      quick.resolveRaw(text);
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const { envelope_id: envelopeId, payload } = message as Record<string, unknown>;
    if (typeof envelopeId !== 'string') return;
    const pending = this.pending.get(envelopeId);
    if (!pending) return;
    this.pending.delete(envelopeId);
    clearTimeout(pending.timer);
    if (pending.resolveRaw) {
      pending.record.ackedAt = Date.now();
      pending.resolveRaw(text);
      return;
    }
    const ack =
      typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
    pending.record.ack = ack;
    pending.record.ackedAt = Date.now();
    const errors = this.options.onAck?.(pending.record);
    if (errors && errors.length > 0) {
      pending.reject(
        new AckRejectedError(`Slack would refuse this ack: ${errors.join('; ')}`, ack, errors),
      );
    } else {
      pending.resolve(ack);
    }
  }

  /** Resolves once a connection that got `hello` and was not told to go away is open. */
  waitForConnection(timeoutMs = 10_000): Promise<void> {
    if (this.connectionCount > 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const wake = () => {
        if (this.connectionCount === 0) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no Socket Mode connection within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
      };
      this.waiters.set(wake, (error) => {
        cleanup();
        reject(error);
      });
    });
  }

  private pick(): Connection | undefined {
    const open = [...this.connections.values()].filter((c) => !c.draining);
    if (open.length === 0) return undefined;
    this.roundRobin = (this.roundRobin + 1) % open.length;
    return open[this.roundRobin];
  }

  /**
   * Sends an envelope to one connection (waiting for one if a reconnect is under way) and
   * resolves with the ack's payload (`{}` for an empty ack).
   */
  send(
    type: EnvelopeType,
    payload: Record<string, unknown>,
    options: SendOptions = {},
  ): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      this.dispatch(type, payload, options, { resolve, reject }).catch(reject);
    });
  }

  /**
   * `send` for a load generator: resolves with the ack frame's text, without parsing the reply
   * in it or checking it (`onAck` is not called). Parsing a reply of a few kilobytes is the
   * generator's time, not the app's, and would make an app with a rich reply look slower than
   * one that acks a short string (BENCHMARKS.md, request path).
   */
  sendForLoad(type: EnvelopeType, payload: Record<string, unknown>): Promise<string> {
    return new Promise((resolveRaw, reject) => {
      this.dispatch(type, payload, {}, { resolve: () => {}, resolveRaw, reject }).catch(reject);
    });
  }

  private async dispatch(
    type: EnvelopeType,
    payload: Record<string, unknown>,
    options: SendOptions,
    settle: Pick<Pending, 'resolve' | 'resolveRaw' | 'reject'>,
  ): Promise<void> {
    const timeoutMs = options.timeoutMs ?? 5000;
    const started = Date.now();
    await this.waitForConnection(timeoutMs);
    const connection = this.pick();
    if (!connection) throw new Error('no Socket Mode connection');
    const envelopeId = randomUUID();
    const accepts =
      options.acceptsResponsePayload ??
      (type === 'slash_commands' || payload.type === 'view_submission');
    const envelope: Record<string, unknown> = {
      envelope_id: envelopeId,
      type,
      payload,
      accepts_response_payload: accepts,
    };
    if (type === 'events_api') {
      envelope.retry_attempt = options.retryAttempt ?? 0;
      envelope.retry_reason = options.retryReason ?? '';
    }
    const record: RecordedEnvelope = {
      envelopeId,
      type,
      ...(type === 'events_api' ? { retryAttempt: options.retryAttempt ?? 0 } : {}),
      payload,
      connectionId: connection.id,
      sentAt: Date.now(),
    };
    if (this.options.recordEnvelopes !== false) this.envelopes.push(record);
    const left = Math.max(1, timeoutMs - (Date.now() - started));
    const timer = setTimeout(() => {
      this.pending.delete(envelopeId);
      settle.reject(new Error(`no ack for ${type} envelope ${envelopeId} within ${timeoutMs} ms`));
    }, left);
    this.pending.set(envelopeId, { ...settle, timer, record });
    connection.ws.send(JSON.stringify(envelope));
  }

  /**
   * Asks every current connection to go away, as Slack does before recycling a server;
   * resolves when they are closed (forcibly after `graceMs`). The client reconnects itself.
   */
  async disconnect(reason = 'refresh_requested', graceMs = 5000): Promise<void> {
    const targets = [...this.connections.values()].filter((c) => !c.draining);
    for (const connection of targets) {
      connection.draining = true;
      connection.ws.send(
        JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'loopback-slack' } }),
      );
      const force = setTimeout(() => connection.ws.terminate(), graceMs);
      force.unref();
      void connection.closed.then(() => clearTimeout(force));
    }
    await Promise.all(targets.map((c) => c.closed));
  }

  /**
   * Closes every connection and fails what is still waiting for an ack. Connections get a
   * close frame and `graceMs` to finish the handshake (Bolt's `app.stop()` does not wait for
   * its own), then are cut.
   */
  async close(graceMs = 250): Promise<void> {
    this.closing = true;
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(new Error('loopback Slack closed'));
    }
    this.pending.clear();
    for (const fail of [...this.waiters.values()]) fail(new Error('loopback Slack closed'));
    const connections = [...this.connections.values()];
    for (const connection of connections) {
      clearInterval(connection.pinger);
      connection.ws.close(1001, 'loopback Slack closing');
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(connections.map((c) => c.closed)),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      }),
    ]);
    clearTimeout(timer);
    for (const connection of this.connections.values()) connection.ws.terminate();
    this.wss.close();
  }
}
