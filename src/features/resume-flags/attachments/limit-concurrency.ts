export type ConcurrencyLimit = {
  /**
   * Waits for a free place; resolves with the function that frees it, or undefined when
   * `signal` aborts first.
   */
  acquire(signal: AbortSignal): Promise<(() => void) | undefined>;
  stats(): { active: number; waiting: number };
};

/** At most `max` holders at once; the others wait in arrival order. */
export function createConcurrencyLimit(max: number): ConcurrencyLimit {
  let active = 0;
  const waiting: (() => void)[] = [];

  function releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      active--;
      waiting.shift()?.();
    };
  }

  return {
    acquire(signal) {
      if (signal.aborted) return Promise.resolve(undefined);
      if (active < max) {
        active++;
        return Promise.resolve(releaser());
      }
      return new Promise((resolve) => {
        const grant = (): void => {
          signal.removeEventListener('abort', onAbort);
          active++;
          resolve(releaser());
        };
        const onAbort = (): void => {
          const index = waiting.indexOf(grant);
          if (index >= 0) waiting.splice(index, 1);
          resolve(undefined);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        waiting.push(grant);
      });
    },
    stats: () => ({ active, waiting: waiting.length }),
  };
}
