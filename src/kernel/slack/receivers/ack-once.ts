import type { Logger as SlackLogger } from '@slack/logger';

/** What a listener may pass to ack(): nothing, a string (sent as text), or a message. */
export type AckResponse = Record<string, unknown> | string | undefined;

/**
 * The ack() a receiver hands Bolt for one request: the first call sends, a second one is
 * ignored with a warning (Slack takes one answer per request, and a second would be a bug in
 * a listener, not a reason to fail the request). `claim()` takes the one answer for the
 * receiver itself, e.g. to answer an error; it says whether the answer was still free.
 */
export function ackOnce(
  logger: SlackLogger,
  send: (response: AckResponse) => Promise<void> | void,
) {
  let acked = false;
  return {
    ack: async (response?: AckResponse): Promise<void> => {
      if (acked) {
        logger.warn('ack() was called twice for one request; the second call is ignored');
        return;
      }
      acked = true;
      await send(response);
    },
    claim: (): boolean => {
      if (acked) return false;
      acked = true;
      return true;
    },
  };
}
