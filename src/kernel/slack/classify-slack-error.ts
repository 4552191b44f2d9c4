import { ErrorCode } from '@slack/web-api';

/** What a failed chat.postMessage means for a scheduled post. */
export type SlackFailure =
  /** 429: wait Retry-After, then try again. */
  | { kind: 'rate-limited'; retryAfterMs: number; code: string }
  /** Slack or the network hiccupped: try again with backoff. */
  | { kind: 'transient'; code: string }
  /** This channel will not take posts: pause its reminders, tell whoever set them up. */
  | { kind: 'channel'; code: string }
  /** The token is no good for this workspace: stop sending there. */
  | { kind: 'workspace'; code: string }
  /** Anything else (a bug in the message, an unknown code): give up on this occurrence. */
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
const TRANSIENT_CODES = new Set([
  'ratelimited',
  'rate_limited',
  'internal_error',
  'service_unavailable',
  'request_timeout',
  'fatal_error',
]);

function hasCode(error: unknown): error is { code: unknown } {
  return typeof error === 'object' && error !== null && 'code' in error;
}

/** Reads the WebClient's error classes (by `code`, which survives duplicate package copies). */
export function classifySlackError(error: unknown): SlackFailure {
  if (!hasCode(error)) return { kind: 'permanent', code: String(error) };
  const e = error as {
    code: unknown;
    retryAfter?: number;
    data?: { error?: string };
    statusCode?: number;
  };
  switch (e.code) {
    case ErrorCode.RateLimitedError:
      return {
        kind: 'rate-limited',
        retryAfterMs: Math.max(0, Number(e.retryAfter ?? 1)) * 1000,
        code: 'ratelimited',
      };
    case ErrorCode.RequestError:
      return { kind: 'transient', code: 'request_error' };
    case ErrorCode.HTTPError: {
      const status = Number(e.statusCode ?? 0);
      return status >= 500 || status === 408
        ? { kind: 'transient', code: `http_${status}` }
        : { kind: 'permanent', code: `http_${status}` };
    }
    case ErrorCode.PlatformError: {
      const code = e.data?.error ?? 'unknown_error';
      if (CHANNEL_CODES.has(code)) return { kind: 'channel', code };
      if (WORKSPACE_CODES.has(code)) return { kind: 'workspace', code };
      if (TRANSIENT_CODES.has(code)) return { kind: 'transient', code };
      return { kind: 'permanent', code };
    }
    default:
      return { kind: 'permanent', code: String(e.code) };
  }
}
