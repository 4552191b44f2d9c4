/**
 * Failures a test can ask the loopback Slack for: error codes, 429s with Retry-After, slow
 * answers, and Slack's rough one-message-per-second-per-channel limit.
 */

export type FailOptions = {
  /** How many matching calls fail (default 1; `Infinity` for "until cleared"). */
  times?: number;
  /** Only calls whose `channel` argument is this id fail. */
  channel?: string;
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

type Rule =
  | { kind: 'error'; method: string; error: string; left: number; channel?: string }
  | { kind: 'ratelimit'; method: string; retryAfter: number; left: number; channel?: string };

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
      channel: options.channel,
    });
  }

  rateLimit(method: string, options: RateLimitOptions = {}): void {
    this.rules.push({
      kind: 'ratelimit',
      method,
      retryAfter: options.retryAfterSeconds ?? 1,
      left: options.times ?? 1,
      channel: options.channel,
    });
  }

  /** Answers of `method` ('*' = every method) wait `ms` first; 0 removes the delay. */
  delay(method: string, ms: number): void {
    if (ms > 0) this.delays.set(method, ms);
    else this.delays.delete(method);
  }

  delayFor(method: string): number {
    return this.delays.get(method) ?? this.delays.get('*') ?? 0;
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

  /** Consumes the first matching rule, if any, or the channel's rate budget. */
  take(method: string, channel: unknown, nowMs: number): Injected {
    if (this.rules.length > 0) {
      const index = this.rules.findIndex(
        (rule) =>
          (rule.method === method || rule.method === '*') &&
          (rule.channel === undefined || rule.channel === channel),
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
    if (this.channelLimit && RATE_LIMITED_METHODS.has(method) && typeof channel === 'string') {
      return this.takeChannelBudget(this.channelLimit, channel, nowMs);
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
