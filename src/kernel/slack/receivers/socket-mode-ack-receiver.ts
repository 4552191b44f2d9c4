import {
  type App,
  AuthorizationError,
  type Receiver,
  type ReceiverEvent,
  type StringIndexed,
} from '@slack/bolt';
import type { Logger as SlackLogger } from '@slack/logger';
import { SocketModeClient } from '@slack/socket-mode';
import { replyJson } from '../blocks/reply-json.js';
import { type AckResponse, ackOnce } from './ack-once.js';

type SlackEvent = {
  envelope_id: string;
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
 * use (its OAuth install server and custom routes) and two costs it does not want, both from
 * serializing the reply, a few kilobytes of Block Kit for a /hire answer: Bolt's ack serializes
 * every reply twice for debug log lines, built even when debug logging is off, and the client's
 * ack copies and serializes it again. Here a reply is serialized once, and a memoized answer's
 * JSON is reused (src/blocks/reply-json.ts); both were large shares of the CPU a request took
 * (profiled in bench/request-path.bench.ts). Connecting, reconnecting and the socket itself are
 * @slack/socket-mode's SocketModeClient, as in Bolt; the ack is written to its socket in the
 * same shape as the client's own `send` writes it.
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

  async #dispatch({ envelope_id, body, retry_num, retry_reason }: SlackEvent): Promise<void> {
    const { ack } = ackOnce(this.#logger, (response) => this.#send(envelope_id, response));
    const event: ReceiverEvent = { body, retryNum: retry_num, retryReason: retry_reason, ack };
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

  /**
   * The acknowledgement Slack expects for an envelope, `{ envelope_id, payload }`, as the SDK's
   * own `send` shapes it: no reply is `{}`, a string reply is `{ text }`.
   */
  #send(envelopeId: string, response: AckResponse): Promise<void> {
    const socket = this.client.websocket;
    if (!socket?.isActive()) {
      return Promise.reject(
        new Error('Socket Mode connection is not open: the ack could not be sent'),
      );
    }
    const payload =
      response === undefined
        ? '{}'
        : typeof response === 'string'
          ? JSON.stringify({ text: response })
          : replyJson(response);
    const frame = `{"envelope_id":${JSON.stringify(envelopeId)},"payload":${payload}}`;
    return new Promise((resolve, reject) => {
      socket.send(frame, (error) => (error ? reject(error) : resolve()));
    });
  }
}
