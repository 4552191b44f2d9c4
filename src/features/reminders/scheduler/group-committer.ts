/**
 * Group commit: writes that arrive while a flush is running wait and go together in the next
 * one. A quiet moment's write is flushed after one event-loop turn (no timer), and a busy
 * minute costs one transaction per group instead of one per post.
 */
export function createGroupCommitter<T, R>(
  flush: (items: T[]) => Promise<R[]>,
  options: { maxGroup?: number; attempts?: number; onRetry?: (error: unknown) => void } = {},
) {
  const maxGroup = options.maxGroup ?? 200;
  const attempts = options.attempts ?? 3;
  type Pending = { item: T; resolve: (result: R) => void; reject: (error: unknown) => void };
  const queue: Pending[] = [];
  let draining: Promise<void> | undefined;

  async function flushWithRetry(items: T[]): Promise<R[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await flush(items);
      } catch (error) {
        // A lost write here means a post that is not recorded as sent: worth a second try.
        if (attempt >= attempts) throw error;
        options.onRetry?.(error);
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      // One turn of the event loop first: answers already waiting in the I/O queue join this
      // group. (Without it a synchronous driver such as better-sqlite3 flushes one at a time.)
      await new Promise<void>((resolve) => setImmediate(resolve));
      const group = queue.splice(0, maxGroup);
      try {
        const results = await flushWithRetry(group.map((p) => p.item));
        for (const [i, p] of group.entries()) p.resolve(results[i] as R);
      } catch (error) {
        for (const p of group) p.reject(error);
      }
    }
    draining = undefined;
  }

  return {
    add(item: T): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        draining ??= drain();
      });
    },
    /** Resolves once everything queued so far is written. */
    async idle(): Promise<void> {
      while (draining) await draining;
    },
  };
}
