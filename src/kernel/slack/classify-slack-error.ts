import { ErrorCode } from '@slack/web-api';

/** What a failed Web API call means for the caller. */
export type SlackFailure =
  /** 429: wait Retry-After, then try again. Slack did nothing with the call. */
  | { kind: 'rate-limited'; retryAfterMs: number; code: string }
  /**
   * Slack or the network hiccupped; trying again may work. `maybeDone` says the call may
   * already have taken effect (the request went out and the answer was lost or was a 5xx), so a
   * retry could do it twice; otherwise Slack surely did nothing (the connection was refused,
   * Slack said it was unavailable).
   */
  | { kind: 'transient'; code: string; maybeDone: boolean }
  /** This channel will not take posts: pause its reminders, tell whoever set them up. */
  | { kind: 'channel'; code: string }
  /** The token is no good for this workspace: stop sending there. */
  | { kind: 'workspace'; code: string }
  /** Anything else (a bug in the message, an unknown code): give up. */
  | { kind: 'permanent'; code: string };

const CHANNEL_CODES = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'restricted_action',
  'restricted_action_read_only_channel',
]);
const WORKSPACE_CODES = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'missing_scope',
  'team_access_not_granted',
]);
/** Slack says it did not do the call. */
const NOT_DONE_CODES = new Set([
  'ratelimited',
  'rate_limited',
  'service_unavailable',
  'request_timeout',
]);
/** Slack says something failed on its side, and some of the call may have happened. */
const MAYBE_DONE_CODES = new Set(['internal_error', 'fatal_error']);
/** Network errors raised before the request could reach Slack. */
const NEVER_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

function hasCode(error: unknown): error is { code: unknown } {
  return typeof error === 'object' && error !== null && 'code' in error;
}

/** The network error's own code under the WebClient's RequestError, if it says. */
function networkCode(error: { original?: unknown }): string | undefined {
  const original = error.original as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = original?.code ?? original?.cause?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Reads the WebClient's error classes (by `code`, which survives duplicate package copies). */
export function classifySlackError(error: unknown): SlackFailure {
  if (!hasCode(error)) return { kind: 'permanent', code: String(error) };
  const e = error as {
    code: unknown;
    retryAfter?: number;
    data?: { error?: string };
    statusCode?: number;
    original?: unknown;
  };
  switch (e.code) {
    case ErrorCode.RateLimitedError:
      return {
        kind: 'rate-limited',
        retryAfterMs: Math.max(0, Number(e.retryAfter ?? 1)) * 1000,
        code: 'ratelimited',
      };
    case ErrorCode.RequestError: {
      const network = networkCode(e);
      const code = network ? `request_error:${network}` : 'request_error';
      return { kind: 'transient', code, maybeDone: !(network && NEVER_SENT.has(network)) };
    }
    case ErrorCode.HTTPError: {
      const status = Number(e.statusCode ?? 0);
      return status >= 500 || status === 408
        ? { kind: 'transient', code: `http_${status}`, maybeDone: true }
        : { kind: 'permanent', code: `http_${status}` };
    }
    case ErrorCode.PlatformError: {
      const code = e.data?.error ?? 'unknown_error';
      if (CHANNEL_CODES.has(code)) return { kind: 'channel', code };
      if (WORKSPACE_CODES.has(code)) return { kind: 'workspace', code };
      if (NOT_DONE_CODES.has(code)) return { kind: 'transient', code, maybeDone: false };
      if (MAYBE_DONE_CODES.has(code)) return { kind: 'transient', code, maybeDone: true };
      return { kind: 'permanent', code };
    }
    default:
      return { kind: 'permanent', code: String(e.code) };
  }
}
