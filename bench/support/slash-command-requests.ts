import type autocannon from 'autocannon';
import { encodeForApp, signSlackRequest } from '../../src/dev/loopback-slack/signed-request.js';

/**
 * One signed autocannon request per slash-command payload (form fields, as the loopback
 * Slack's `payloads.slashCommand` builds them). Signatures are computed once per run with the
 * current time: Bolt accepts a timestamp for 5 minutes and a run lasts seconds, so signing
 * every request again would only load the load generator.
 */
export function signedSlashCommandRequests(
  payloads: readonly Record<string, string>[],
  signingSecret: string,
  timestampS = Math.floor(Date.now() / 1000),
): autocannon.Request[] {
  return payloads.map((payload) => {
    const { body, contentType } = encodeForApp('command', payload);
    return {
      method: 'POST',
      path: '/slack/events',
      headers: {
        'content-type': contentType,
        ...signSlackRequest(signingSecret, body, timestampS),
      },
      body,
    };
  });
}
