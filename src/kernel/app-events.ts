import type { Logger } from 'pino';

/**
 * What features tell each other without importing each other: one feature emits, any other
 * listens (registered in its `register`). Payloads carry ids and counts, never user text.
 */
export type AppEventMap = {
  /**
   * A lookup was answered (/hire or the Home's search), for the team's view of what people
   * look up and do not find: the workspace, never who asked. `query` is normalised.
   */
  lookup: {
    teamId: string;
    subcommand: string;
    module: string;
    query: string;
    hit: boolean;
    /** Id of the one entry the lookup landed on, when it landed on one. */
    entry?: string;
  };
  /** Something a user's Home shows changed because of that user (a reminder, a flag, …). */
  'home-changed': { teamId: string; userId: string };
};

export type AppEventName = keyof AppEventMap;
type Handler<K extends AppEventName> = (payload: AppEventMap[K]) => void | Promise<void>;

export type AppEvents = {
  /** Runs every handler; never throws and never waits (handlers' errors are logged). */
  emit<K extends AppEventName>(name: K, payload: AppEventMap[K]): void;
  on<K extends AppEventName>(name: K, handler: Handler<K>): void;
  /** Resolves once every handler started so far has finished (tests, shutdown). */
  idle(): Promise<void>;
};

export function createAppEvents(logger: Pick<Logger, 'error'>): AppEvents {
  const handlers = new Map<AppEventName, Handler<never>[]>();
  const running = new Set<Promise<void>>();
  return {
    emit(name, payload) {
      for (const handler of handlers.get(name) ?? []) {
        const done = Promise.resolve()
          .then(() => (handler as Handler<typeof name>)(payload))
          .catch((error: unknown) =>
            logger.error({ err: error, event: name }, 'event handler failed'),
          )
          .finally(() => running.delete(done));
        running.add(done);
      }
    },
    on(name, handler) {
      handlers.set(name, [...(handlers.get(name) ?? []), handler as Handler<never>]);
    },
    async idle() {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
