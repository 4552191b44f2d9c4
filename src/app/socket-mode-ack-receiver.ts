import {
  type App,
  AuthorizationError,
  type Receiver,
  type ReceiverEvent,
  type StringIndexed,
} from '@slack/bolt';
import type { Logger as SlackLogger } from '@slack/logger';
import { SocketModeClient } from '@slack/socket-mode';

type SlackEvent = {
  ack: (response?: Record<string, unknown>) => Promise<void>;
  body: StringIndexed;
  retry_num?: number;
  retry_reason?: string;
};

export type SocketModeAckReceiverOptions = {
  appToken: string;
  logger: SlackLogger;
  /** For apps.connections.open: the same Web API base URL as every other call. */
  clientOptions: { slackApiUrl: string };
};

/**
 * Socket Mode for Bolt, like Bolt's own SocketModeReceiver minus two things this app does not
 * use (its OAuth install server and custom routes) and one cost it does not want: Bolt's ack
 * serializes every reply twice for debug log lines, built even when debug logging is off. A
 * /hire answer is a few kilobytes of Block Kit, so that was a large share of the CPU each
 * request took (profiled in bench/request-path.bench.ts). Everything else — connecting,
 * reconnecting, acking over the socket — is @slack/socket-mode's SocketModeClient, as in Bolt.
 */
export class SocketModeAckReceiver implements Receiver {
  readonly client: SocketModeClient;
  readonly #logger: SlackLogger;
  #app: App | undefined;

  constructor({ appToken, logger, clientOptions }: SocketModeAckReceiverOptions) {
    this.#logger = logger;
    this.client = new SocketModeClient({ appToken, logger, clientOptions });
    this.client.on('slack_event', (event: SlackEvent) => this.#dispatch(event));
  }

  init(app: App): void {
    this.#app = app;
  }

  start(): Promise<unknown> {
    return this.client.start();
  }

  stop(): Promise<void> {
    return this.client.disconnect();
  }

  async #dispatch({ ack, body, retry_num, retry_reason }: SlackEvent): Promise<void> {
    let acked = false;
    const event: ReceiverEvent = {
      body,
      retryNum: retry_num,
      retryReason: retry_reason,
      ack: async (response?: Record<string, unknown>) => {
        if (acked) {
          this.#logger.warn('ack() was called twice for one request; the second call is ignored');
          return;
        }
        acked = true;
        await ack(response);
      },
    };
    try {
      await this.#app?.processEvent(event);
    } catch (error) {
      // As Bolt's default: log it; ack only when authorization failed, so Slack stops retrying.
      this.#logger.error(
        `An unhandled error occurred while processing a ${body.type} request`,
        error,
      );
      if (error instanceof AuthorizationError) await event.ack();
    }
  }
}
