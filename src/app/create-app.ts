import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type AppOptions, type Receiver, type ReceiverEvent } from '@slack/bolt';
import type { Feature, FeatureContext } from '../kernel/feature.js';
import { createBoltLogger } from '../kernel/logging/bolt-logger.js';
import { HttpAckReceiver } from '../kernel/slack/receivers/http-ack-receiver.js';
import { SocketModeAckReceiver } from '../kernel/slack/receivers/socket-mode-ack-receiver.js';
import { createReadiness, healthRoute, portOf, startHealthServer } from './health.js';
import { registerFeatures } from './register-features.js';

/** How long `stop()` waits for listeners in flight before closing anyway. */
export const DEFAULT_GRACE_MS = 10_000;

/** Shown to anyone who runs /hire during the seconds a shutdown takes. */
export const RESTARTING_TEXT = 'hire-bot is restarting. Please try again in a few seconds.';

export type HireBotApp = {
  app: App;
  mode: 'socket' | 'http';
  /** Connects (Socket Mode) or listens (HTTP); resolves once Slack traffic can be served. */
  start(): Promise<{ port: number | undefined }>;
  /**
   * Stops taking new work, lets listeners in flight finish (at most `graceMs`), then closes
   * the socket or the HTTP server with every connection. Safe to call twice.
   */
  stop(options?: { graceMs?: number }): Promise<void>;
  /** Listeners running right now. */
  inFlight(): number;
};

export type CreateAppOptions = {
  /**
   * Another way in for Slack's requests. Only the request-path benchmark uses it, to drive
   * `app.processEvent` in-process, without a network, on exactly the app production runs.
   */
  receiver?: Receiver;
  /** The features to register (default: all of them); tests add one that misbehaves. */
  features?: readonly Feature[];
};

type State = { ready: boolean; draining: boolean; inFlight: number; idle: Array<() => void> };

/**
 * Builds the Bolt app for the configured mode: Socket Mode (SocketModeAckReceiver) or HTTP
 * (HttpAckReceiver serving /slack/events and GET /health). Bolt logs through pino, calls the
 * Web API at config.slack.apiUrl, and every feature's listeners are registered
 * (src/app/register-features.ts).
 */
export function createApp(deps: FeatureContext, options: CreateAppOptions = {}): HireBotApp {
  const { config } = deps;
  const mode = config.mode;
  if (mode === 'sandbox') {
    throw new Error('createApp needs Slack credentials; the sandbox supplies loopback ones');
  }
  const logger = createBoltLogger(deps.logger);
  const state: State = { ready: false, draining: false, inFlight: 0, idle: [] };
  const readiness = createReadiness(() => state.ready && !state.draining, deps.store);
  const clientOptions = { slackApiUrl: config.slack.apiUrl };

  const receiver =
    options.receiver ??
    (mode === 'socket'
      ? new SocketModeAckReceiver({
          appToken: required(config.slack.appToken, 'SLACK_APP_TOKEN'),
          logger,
          clientOptions,
        })
      : new HttpAckReceiver({
          signingSecret: required(config.slack.signingSecret, 'SLACK_SIGNING_SECRET'),
          port: config.port,
          logger,
          getRoutes: { '/health': healthRoute(readiness) },
        }));

  const app = new TrackedApp(state, {
    token: required(config.slack.botToken, 'SLACK_BOT_TOKEN'),
    receiver,
    logger,
    clientOptions,
    // auth.test runs in start() instead of the constructor, so that a bad token or an
    // unreachable Slack is a start-up error rather than an unhandled rejection.
    deferInitialization: true,
    // Bolt features this app does not use, each a cost on every request (profiled in
    // bench/request-path.bench.ts): the conversation store allocates an Error per request for
    // "Conversation not found", and ignoreSelf only matters for message events, which we do
    // not subscribe to.
    convoStore: false,
    ignoreSelf: false,
  });

  app.error(async (error) => {
    // The error only: Bolt's error may carry the request body, which holds message text.
    deps.logger.error({ err: error }, 'unhandled error in a listener');
  });
  registerFeatures(app, deps, options.features);

  let server: Server | undefined;
  let healthServer: Server | undefined;
  let stopping: Promise<void> | undefined;

  return {
    app,
    mode,
    inFlight: () => state.inFlight,
    async start() {
      await app.init();
      const started: unknown = await app.start();
      let port: number | undefined;
      if (mode === 'http') {
        server = started as Server;
        port = (server.address() as AddressInfo).port;
      } else if (config.healthPort !== undefined) {
        healthServer = await startHealthServer(config.healthPort, readiness);
        port = portOf(healthServer);
      }
      state.ready = true;
      return { port };
    },
    stop(options = {}) {
      stopping ??= stopApp(
        app,
        mode,
        state,
        () => server,
        options.graceMs ?? DEFAULT_GRACE_MS,
      ).then(
        () =>
          new Promise<void>((resolve) => {
            if (!healthServer) return resolve();
            healthServer.closeAllConnections();
            healthServer.close(() => resolve());
          }),
      );
      return stopping;
    },
  };
}

function required(value: string | undefined, name: string): string {
  if (!value) throw new Error(`${name} is required`);
  return value;
}

/**
 * Bolt's App with every incoming request counted while it is processed, for a graceful stop;
 * once a stop has begun, new interactions are answered at once instead of starting work that
 * may be cut short. Done around processEvent (which both receivers call) rather than as a
 * global middleware: a middleware costs an argument copy and a promise on every request.
 */
class TrackedApp extends App {
  readonly #state: State;

  constructor(state: State, options: AppOptions) {
    super(options);
    this.#state = state;
  }

  override async processEvent(event: ReceiverEvent): Promise<void> {
    const state = this.#state;
    if (state.draining) {
      const isCommand = typeof event.body.command === 'string';
      await event.ack(
        isCommand ? { response_type: 'ephemeral', text: RESTARTING_TEXT } : undefined,
      );
      return;
    }
    state.inFlight += 1;
    try {
      await super.processEvent(event);
    } finally {
      state.inFlight -= 1;
      if (state.inFlight === 0) for (const wake of state.idle.splice(0)) wake();
    }
  }
}

function waitForIdle(state: State, graceMs: number): Promise<boolean> {
  if (state.inFlight === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), graceMs);
    state.idle.push(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function stopApp(
  app: App,
  mode: 'socket' | 'http',
  state: State,
  getServer: () => Server | undefined,
  graceMs: number,
): Promise<void> {
  state.draining = true;
  if (!state.ready) return;
  if (mode === 'http') {
    // server.close() refuses new connections at once and resolves when the last one ends;
    // idle keep-alive connections are cut once the work in flight is done.
    const closed = app.stop();
    await waitForIdle(state, graceMs);
    getServer()?.closeAllConnections();
    await closed;
  } else {
    // The socket stays open while listeners finish: their acks travel over it.
    await waitForIdle(state, graceMs);
    await app.stop();
  }
  state.ready = false;
}
