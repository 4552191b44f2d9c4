/**
 * Events API delivery to an app's request URL, the way Slack does it: a signed JSON POST that
 * counts as delivered when a 2xx answer arrives within 3 s; otherwise up to 3 retries (at once,
 * after about a minute, after about five) carrying `X-Slack-Retry-Num` 1–3 and
 * `X-Slack-Retry-Reason`, always with the same payload and so the same `event_id`. An answer
 * with `X-Slack-No-Retry: 1` stops the retries.
 */
import { type AppResponse, postToApp } from './signed-request.js';

/** Slack's waits before retries 1, 2 and 3. */
export const SLACK_EVENT_RETRY_DELAYS_MS: readonly number[] = [0, 60_000, 300_000];
/** How long Slack waits for the app's answer. */
export const SLACK_EVENT_TIMEOUT_MS = 3000;

/** Why an attempt failed, sent as `X-Slack-Retry-Reason` on the next one. */
export type RetryReason = 'http_timeout' | 'http_error' | 'connection_failed';

export type EventAttempt = {
  /** 0 for the first delivery, then 1–3 (the `X-Slack-Retry-Num` sent). */
  retryNum: number;
  /** The `X-Slack-Retry-Reason` sent (retries only). */
  retryReason?: RetryReason;
  /** The app's status, when it answered in time. */
  status?: number;
  /** What went wrong; absent when the attempt delivered the event. */
  failure?: RetryReason;
  /** The app answered `X-Slack-No-Retry: 1`. */
  noRetry: boolean;
  /** Milliseconds until the answer (or the give-up). */
  ms: number;
};

export type EventDelivery = {
  eventId: string;
  delivered: boolean;
  attempts: EventAttempt[];
};

export type DeliverEventOptions = {
  signingSecret: string;
  /** Waits before retries 1, 2, 3; its length is the number of retries (default Slack's). */
  retryDelaysMs?: readonly number[];
  /** How long to wait for each answer (default 3000 ms, as Slack). */
  timeoutMs?: number;
  /** How to wait between attempts (inject one that records or skips the waits). */
  sleep?: (ms: number) => Promise<void>;
  /** Called after each attempt (e.g. to record it). */
  onAttempt?: (attempt: EventAttempt) => void;
};

export type RetryEventOptions = {
  signingSecret: string;
  /** `X-Slack-Retry-Num` (default 1). */
  retryNum?: number;
  /** `X-Slack-Retry-Reason` (default `http_timeout`). */
  retryReason?: string;
  timeoutMs?: number;
};

const realSleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

function retryHeaders(retryNum: number, reason: string): Record<string, string> {
  return { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': reason };
}

function failureOf(error: unknown): RetryReason {
  const name = error instanceof Error ? error.name : '';
  return name === 'TimeoutError' || name === 'AbortError' ? 'http_timeout' : 'connection_failed';
}

/** Delivers one `event_callback` payload with Slack's retry policy; resolves when done. */
export async function deliverEvent(
  url: string,
  payload: Record<string, unknown>,
  options: DeliverEventOptions,
): Promise<EventDelivery> {
  const delays = options.retryDelaysMs ?? SLACK_EVENT_RETRY_DELAYS_MS;
  const sleep = options.sleep ?? realSleep;
  const timeoutMs = options.timeoutMs ?? SLACK_EVENT_TIMEOUT_MS;
  const attempts: EventAttempt[] = [];
  let reason: RetryReason | undefined;
  for (let retryNum = 0; retryNum <= delays.length; retryNum++) {
    if (retryNum > 0) await sleep(delays[retryNum - 1] ?? 0);
    const started = performance.now();
    const attempt: EventAttempt = { retryNum, noRetry: false, ms: 0 };
    if (reason) attempt.retryReason = reason;
    try {
      const response = await postToApp(url, {
        kind: 'event',
        payload,
        signingSecret: options.signingSecret,
        timeoutMs,
        headers: reason ? retryHeaders(retryNum, reason) : undefined,
      });
      attempt.status = response.status;
      attempt.noRetry = response.headers['x-slack-no-retry'] === '1';
      if (response.status < 200 || response.status > 299) attempt.failure = 'http_error';
    } catch (error) {
      attempt.failure = failureOf(error);
    }
    attempt.ms = performance.now() - started;
    attempts.push(attempt);
    options.onAttempt?.(attempt);
    if (!attempt.failure || attempt.noRetry) break;
    reason = attempt.failure;
  }
  return {
    eventId: String(payload.event_id ?? ''),
    delivered: attempts.at(-1)?.failure === undefined,
    attempts,
  };
}

/**
 * Sends one retry of an event the app already received: the same payload (same event_id) with
 * `X-Slack-Retry-Num` and `X-Slack-Retry-Reason`, as Slack does when it missed the first answer.
 */
export function retryEvent(
  url: string,
  payload: Record<string, unknown>,
  options: RetryEventOptions,
): Promise<AppResponse> {
  return postToApp(url, {
    kind: 'event',
    payload,
    signingSecret: options.signingSecret,
    timeoutMs: options.timeoutMs,
    headers: retryHeaders(options.retryNum ?? 1, options.retryReason ?? 'http_timeout'),
  });
}
