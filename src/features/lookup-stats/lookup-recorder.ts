import type { Logger } from 'pino';
import type { AppEventMap, AppEvents } from '../../kernel/app-events.js';
import type { Clock } from '../../kernel/clock.js';
import { type CountedLookupRecord, lookupRecordSchema } from './lookup-record.js';
import { type LookupRepository, SAVE_BATCH } from './storage/lookup-repository.js';

export type LookupRecorderOptions = {
  lookups: Pick<LookupRepository, 'save'>;
  clock: Clock;
  logger: Pick<Logger, 'warn'>;
  /** Longest a record waits in memory before it is written (default one second). */
  flushEveryMs?: number;
  /** Kinds of lookup waiting that start a write at once (default SAVE_BATCH). */
  batchSize?: number;
  /** Kinds of lookup kept while the store is slow or down; beyond it new ones are dropped. */
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

const HOUR_MS = 3_600_000;

type LookupEvent = AppEventMap['lookup'];
/** Lookups alike (every field, same hour) waiting to be written, with how many there were. */
type Pending = { event: LookupEvent; hour: number; count: number };

/** Only the fields a record may hold: whatever else an emitter adds is never kept. */
const fieldsOf = (event: LookupEvent): LookupEvent => ({
  teamId: event.teamId,
  subcommand: event.subcommand,
  module: event.module,
  query: event.query,
  hit: event.hit,
  ...(event.entry === undefined ? {} : { entry: event.entry }),
});

/**
 * Lookups are recorded off the answer path: each is counted in memory with those alike (same
 * fields, same hour), then validated once per kind and written in batches (every
 * `flushEveryMs`, or as soon as `batchSize` kinds are waiting). A busy bot answering the same
 * few commands thus costs a map update per answer. A batch the store refuses is logged by
 * count and dropped: the stats may miss a few, the bot goes on.
 */
export function createLookupRecorder(options: LookupRecorderOptions): LookupRecorder {
  const { lookups, clock, logger } = options;
  const flushEveryMs = options.flushEveryMs ?? 1000;
  const batchSize = options.batchSize ?? SAVE_BATCH;
  const maxPending = options.maxPending ?? 10_000;
  let pending = new Map<string, Pending>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();
  let stopped = false;
  let dropped = 0;

  const write = async (batch: CountedLookupRecord[]) => {
    try {
      await lookups.save(batch);
    } catch (error) {
      logger.warn({ err: error, records: batch.length }, 'could not store lookup records');
    }
  };

  /** Validated here, once per kind: only what the schema names is kept, normalised. */
  const toRecords = (batch: Pending[]): CountedLookupRecord[] =>
    batch.flatMap(({ event, hour, count }) => {
      const parsed = lookupRecordSchema.safeParse({
        ...event,
        lookedUpAt: new Date(hour * HOUR_MS),
      });
      return parsed.success ? [{ ...parsed.data, count }] : [];
    });

  const flush = (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (dropped > 0) {
      logger.warn({ records: dropped }, 'lookup records dropped: too many waiting');
      dropped = 0;
    }
    const batch = [...pending.values()];
    pending = new Map();
    // Writes run one after another, so a flush resolves after every earlier one.
    writing = writing.then(() => {
      const records = toRecords(batch);
      return records.length > 0 ? write(records) : undefined;
    });
    return writing;
  };

  return {
    record(event) {
      const hour = Math.floor(clock.now().getTime() / HOUR_MS);
      const key = [
        event.teamId,
        event.subcommand,
        event.module,
        event.query,
        event.entry ?? '',
        event.hit ? 1 : 0,
        hour,
      ].join('\u0000');
      const alike = pending.get(key);
      if (alike !== undefined) {
        alike.count += 1;
      } else if (pending.size >= maxPending) {
        dropped += 1;
        return;
      } else {
        pending.set(key, { event: fieldsOf(event), hour, count: 1 });
      }
      if (stopped || pending.size >= batchSize) {
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
    pending: () => pending.size,
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
