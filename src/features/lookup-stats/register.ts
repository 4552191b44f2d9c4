import type { Feature } from '../../kernel/feature.js';
import { attachLookupRecorder, createLookupRecorder } from './lookup-recorder.js';
import { startLookupStatsJob } from './lookup-stats-job.js';
import { missesHomeSection } from './misses-home-section.js';
import { createLookupRepository } from './storage/lookup-repository.js';
import * as lookupRecords from './storage/migrations/010-lookup-records.js';

/**
 * What people look up and do not find: every lookup the app announces ('lookup' events from
 * /hire and the Home) is recorded without who asked; `/hire stats` (in the /hire table) shows
 * the counts, and admins' Homes the week's misses. Records past 90 days are dropped.
 */
export const lookupStatsFeature: Feature = {
  name: 'lookup-stats',
  migrations: { '010-lookup-records': lookupRecords },
  register(_registry, ctx) {
    attachLookupRecorder(ctx.events, () =>
      createLookupRecorder({
        lookups: createLookupRepository(ctx.store),
        clock: ctx.clock,
        logger: ctx.logger.child({ component: 'lookup-stats' }),
      }),
    );
  },
  homeSections: [missesHomeSection],
  start(ctx) {
    const logger = ctx.logger.child({ component: 'lookup-stats' });
    const lookups = createLookupRepository(ctx.store);
    return startLookupStatsJob({
      lookups,
      recorder: attachLookupRecorder(ctx.events, () =>
        createLookupRecorder({ lookups, clock: ctx.clock, logger }),
      ),
      clock: ctx.clock,
      logger,
    });
  },
};
