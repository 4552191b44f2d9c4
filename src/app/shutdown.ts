import type { Logger } from 'pino';

export type ShutdownOptions = {
  logger: Logger;
  /** Stops everything in order; resolves when every connection is closed. */
  stop: (reason: string) => Promise<void>;
  /** Longest the whole stop may take before the process exits anyway (with code 1). */
  deadlineMs: number;
  exit?: (code: number) => void;
};

export type Shutdown = {
  /** Starts the stop once; later calls get the same promise. Exits 0 when done. */
  run(reason: string): Promise<void>;
};

/**
 * One graceful stop for SIGTERM, SIGINT and the sandbox's end of input: the first trigger
 * starts it, a second signal while it runs is logged and ignored (the deadline bounds it).
 */
export function createShutdown(options: ShutdownOptions): Shutdown {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let running: Promise<void> | undefined;
  const run = (reason: string): Promise<void> => {
    if (running) {
      options.logger.warn({ reason }, 'already shutting down');
      return running;
    }
    options.logger.info({ reason }, 'shutting down');
    const deadline = setTimeout(() => {
      options.logger.error({ deadlineMs: options.deadlineMs }, 'shutdown took too long; exiting');
      exit(1);
    }, options.deadlineMs);
    deadline.unref();
    running = options.stop(reason).then(
      () => {
        clearTimeout(deadline);
        options.logger.info('stopped');
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(deadline);
        options.logger.error({ err: error }, 'shutdown failed');
        exit(1);
      },
    );
    return running;
  };
  return { run };
}

/** Routes SIGTERM and SIGINT to the shutdown. */
export function onShutdownSignals(shutdown: Shutdown): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => void shutdown.run(signal));
  }
}
