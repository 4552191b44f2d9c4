import { LogLevel, WebClient } from '@slack/web-api';

/** How long one post may take before the client gives up on it. */
export const DEFAULT_POST_TIMEOUT_MS = 15_000;

/**
 * The WebClient the scheduler expects: it throws on 429 instead of queueing (the scheduler
 * waits Retry-After itself, renewing its claim's lease, and tests can shorten the wait) and
 * does not retry on its own (the scheduler's backoff decides, bounded by the lease).
 */
export function createReminderWebClient(options: {
  token: string;
  slackApiUrl?: string;
  timeoutMs?: number;
}): WebClient {
  return new WebClient(options.token, {
    ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: options.timeoutMs ?? DEFAULT_POST_TIMEOUT_MS,
    logLevel: LogLevel.ERROR,
  });
}
