import type { Logger } from 'pino';
import type { Clock } from '../../kernel/clock.js';
import type { BackgroundJob } from '../../kernel/feature.js';
import { KEEP_LOOKUPS_DAYS, periodStart } from './lookup-record.js';
import type { LookupRecorder } from './lookup-recorder.js';
import type { LookupRepository } from './storage/lookup-repository.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export type LookupStatsJob = BackgroundJob & {
  /** Drops records past KEEP_LOOKUPS_DAYS now; resolves with how many. */
  sweep(): Promise<number>;
};

/**
 * The feature's background work: drops records older than KEEP_LOOKUPS_DAYS at start and once
 * a day (every instance may; the delete is idempotent), and on stop writes what waits.
 */
export function startLookupStatsJob(options: {
  lookups: Pick<LookupRepository, 'dropOlderThan'>;
  recorder: Pick<LookupRecorder, 'stop'>;
  clock: Clock;
  logger: Pick<Logger, 'info' | 'warn'>;
  everyMs?: number;
}): LookupStatsJob {
  const { lookups, recorder, clock, logger } = options;
  let running: Promise<number> = Promise.resolve(0);
  const sweep = (): Promise<number> => {
    running = running.then(async () => {
      try {
        const dropped = await lookups.dropOlderThan(periodStart(clock.now(), KEEP_LOOKUPS_DAYS));
        if (dropped > 0) logger.info({ dropped }, 'old lookup records dropped');
        return dropped;
      } catch (error) {
        logger.warn({ err: error }, 'could not drop old lookup records');
        return 0;
      }
    });
    return running;
  };
  void sweep();
  const timer = setInterval(() => void sweep(), options.everyMs ?? DAY_MS);
  timer.unref();
  return {
    sweep,
    async stop() {
      clearInterval(timer);
      await running;
      await recorder.stop();
    },
  };
}
