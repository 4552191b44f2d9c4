/**
 * Keeps posts to one channel at least `spacingMs` apart (Slack allows about one message per
 * second per channel) while different channels go ahead in parallel. Posts to the same
 * channel are also serialised, in the order they asked.
 */
export function createChannelPacer(options: {
  spacingMs: number;
  sleep: (ms: number) => Promise<void>;
  /** Milliseconds; the scheduler passes its clock so tests can simulate the waits. */
  now: () => number;
}) {
  const { now } = options;
  const tails = new Map<string, Promise<void>>();
  const lastPost = new Map<string, number>();

  return {
    /** Runs `post` when the channel is free and rested; resolves with its result. */
    async run<T>(channel: string, post: () => Promise<T>): Promise<T> {
      const previous = tails.get(channel) ?? Promise.resolve();
      let release = () => {};
      const mine = new Promise<void>((resolve) => {
        release = resolve;
      });
      const tail = previous.then(() => mine);
      tails.set(channel, tail);
      await previous;
      try {
        const last = lastPost.get(channel);
        if (last !== undefined) {
          const wait = last + options.spacingMs - now();
          if (wait > 0) await options.sleep(wait);
        }
        return await post();
      } finally {
        lastPost.set(channel, now());
        release();
        if (tails.get(channel) === tail) tails.delete(channel);
      }
    },
    /** Forgets channels idle for longer than the spacing (keeps memory flat). */
    prune(): void {
      const cutoff = now() - options.spacingMs;
      for (const [channel, at] of lastPost) {
        if (at < cutoff && !tails.has(channel)) lastPost.delete(channel);
      }
    },
  };
}
