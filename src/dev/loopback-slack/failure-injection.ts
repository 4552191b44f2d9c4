/**
 * Failures a test can ask the loopback Slack for: error codes, 429s with Retry-After, slow
 * answers, and Slack's rough one-message-per-second-per-channel limit. File downloads use the
 * same rules under the name `files.download` (the error is the HTTP status to answer).
 */

/** The pseudo-method name of a GET on a file's private URL. */
export const FILE_DOWNLOAD = 'files.download';

export type FailOptions = {
  /** How many matching calls fail (default 1; `Infinity` for "until cleared"). */
  times?: number;
  /** Only calls whose `channel` argument is this id fail. */
  channel?: string;
  /** Only downloads of this file id fail. */
  file?: string;
};

export type RateLimitOptions = FailOptions & { retryAfterSeconds?: number };

export type ChannelRateLimit = {
  /** Sustained rate per channel (Slack: about 1). */
  messagesPerSecond: number;
  /** Short bursts allowed above the rate (default 1, i.e. none). */
  burst?: number;
  /** Seconds in Retry-After when over the limit (default 1). */
  retryAfterSeconds?: number;
};

/** `target`: the channel (Web API) or file id (downloads) a rule is limited to. */
type Rule =
  | { kind: 'error'; method: string; error: string; left: number; target?: string }
  | { kind: 'ratelimit'; method: string; retryAfter: number; left: number; target?: string };

/** What the server should do with a call before running the method. */
export type Injected =
  | { kind: 'error'; error: string }
  | { kind: 'ratelimit'; retryAfter: number }
  | undefined;

const RATE_LIMITED_METHODS = new Set(['chat.postMessage', 'chat.postEphemeral']);

export class FailureInjector {
  private rules: Rule[] = [];
  private readonly delays = new Map<string, number>();
  private channelLimit: ChannelRateLimit | null = null;
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  failNext(method: string, error: string, options: FailOptions = {}): void {
    this.rules.push({
      kind: 'error',
      method,
      error,
      left: options.times ?? 1,
      target: options.channel ?? options.file,
    });
  }

  rateLimit(method: string, options: RateLimitOptions = {}): void {
    this.rules.push({
      kind: 'ratelimit',
      method,
      retryAfter: options.retryAfterSeconds ?? 1,
      left: options.times ?? 1,
      target: options.channel ?? options.file,
    });
  }

  /** Answers of `method` ('*' = every method) wait `ms` first; 0 removes the delay. */
  delay(method: string, ms: number): void {
    if (ms > 0) this.delays.set(method, ms);
    else this.delays.delete(method);
  }

  delayFor(method: string): number {
    const fallback = method === FILE_DOWNLOAD ? undefined : this.delays.get('*');
    return this.delays.get(method) ?? fallback ?? 0;
  }

  setChannelRateLimit(limit: ChannelRateLimit | null): void {
    this.channelLimit = limit;
    this.buckets.clear();
  }

  clear(): void {
    this.rules = [];
    this.delays.clear();
    this.setChannelRateLimit(null);
  }

  /**
   * Consumes the first matching rule, if any, or the channel's rate budget. `target` is the
   * call's `channel` argument, or the file id of a download.
   */
  take(method: string, target: unknown, nowMs: number): Injected {
    if (this.rules.length > 0) {
      const index = this.rules.findIndex(
        (rule) =>
          (rule.method === method || (rule.method === '*' && method !== FILE_DOWNLOAD)) &&
          (rule.target === undefined || rule.target === target),
      );
      const rule = this.rules[index];
      if (rule) {
        rule.left -= 1;
        if (rule.left <= 0) this.rules.splice(index, 1);
        return rule.kind === 'error'
          ? { kind: 'error', error: rule.error }
          : { kind: 'ratelimit', retryAfter: rule.retryAfter };
      }
    }
    if (this.channelLimit && RATE_LIMITED_METHODS.has(method) && typeof target === 'string') {
      return this.takeChannelBudget(this.channelLimit, target, nowMs);
    }
    return undefined;
  }

  private takeChannelBudget(limit: ChannelRateLimit, channel: string, nowMs: number): Injected {
    const capacity = limit.burst ?? 1;
    const bucket = this.buckets.get(channel) ?? { tokens: capacity, at: nowMs };
    bucket.tokens = Math.min(
      capacity,
      bucket.tokens + ((nowMs - bucket.at) / 1000) * limit.messagesPerSecond,
    );
    bucket.at = nowMs;
    this.buckets.set(channel, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return { kind: 'ratelimit', retryAfter: limit.retryAfterSeconds ?? 1 };
  }
}
