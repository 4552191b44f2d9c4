import type { Logger } from 'pino';
import type { AppEventMap, AppEvents } from '../../kernel/app-events.js';
import type { Clock } from '../../kernel/clock.js';
import { type LookupRecord, lookupRecordSchema } from './lookup-record.js';
import { type LookupRepository, SAVE_BATCH } from './storage/lookup-repository.js';

export type LookupRecorderOptions = {
  lookups: Pick<LookupRepository, 'save'>;
  clock: Clock;
  logger: Pick<Logger, 'warn'>;
  /** Longest a record waits in memory before it is written (default one second). */
  flushEveryMs?: number;
  /** Records that start a write at once (default SAVE_BATCH). */
  batchSize?: number;
  /** Records kept while the store is slow or down; beyond it new ones are dropped. */
  maxPending?: number;
};

export type LookupRecorder = {
  /** Takes one lookup; never throws, never waits (the answer is already on its way). */
  record(event: AppEventMap['lookup']): void;
  /** Writes every record taken so far; resolves once they are stored (or given up). */
  flush(): Promise<void>;
  /** Flushes, and from then on writes each record at once (a shutdown in progress). */
  stop(): Promise<void>;
  pending(): number;
};

/**
 * Lookups are recorded off the answer path: each is validated and queued in memory, then
 * written in batches (every `flushEveryMs`, or as soon as `batchSize` are waiting). A batch
 * the store refuses is logged by count and dropped: the stats may miss a few, the bot goes on.
 */
export function createLookupRecorder(options: LookupRecorderOptions): LookupRecorder {
  const { lookups, clock, logger } = options;
  const flushEveryMs = options.flushEveryMs ?? 1000;
  const batchSize = options.batchSize ?? SAVE_BATCH;
  const maxPending = options.maxPending ?? 10_000;
  let queue: LookupRecord[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();
  let stopped = false;
  let dropped = 0;

  const write = async (batch: LookupRecord[]) => {
    try {
      await lookups.save(batch);
    } catch (error) {
      logger.warn({ err: error, records: batch.length }, 'could not store lookup records');
    }
  };

  const flush = (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (dropped > 0) {
      logger.warn({ records: dropped }, 'lookup records dropped: too many waiting');
      dropped = 0;
    }
    const batch = queue;
    queue = [];
    // Writes run one after another, so a flush resolves after every earlier one.
    writing = writing.then(() => (batch.length > 0 ? write(batch) : undefined));
    return writing;
  };

  return {
    record(event) {
      const parsed = lookupRecordSchema.safeParse({ ...event, lookedUpAt: clock.now() });
      // Only what the schema names is kept; an event it refuses (no workspace) is not stored.
      if (!parsed.success) return;
      if (queue.length >= maxPending) {
        dropped += 1;
        return;
      }
      queue.push(parsed.data);
      if (stopped || queue.length >= batchSize) {
        void flush();
      } else if (timer === undefined) {
        timer = setTimeout(() => void flush(), flushEveryMs);
        timer.unref();
      }
    },
    flush,
    async stop() {
      stopped = true;
      await flush();
    },
    pending: () => queue.length,
  };
}

// One recorder per running app, found by its event bus: `register` makes it, `start` stops it
// and `/hire stats` flushes it before counting, so a lookup just made is counted.
const recorders = new WeakMap<AppEvents, LookupRecorder>();

/** The recorder of the app whose bus is `events`, subscribed to its lookups once. */
export function attachLookupRecorder(
  events: AppEvents,
  make: () => LookupRecorder,
): LookupRecorder {
  const existing = recorders.get(events);
  if (existing !== undefined) return existing;
  const recorder = make();
  recorders.set(events, recorder);
  events.on('lookup', (event) => recorder.record(event));
  return recorder;
}

/** The recorder attached to `events`, if any. */
export const lookupRecorderOf = (events: AppEvents): LookupRecorder | undefined =>
  recorders.get(events);
