import type { HomeSection } from '../../kernel/home-section.js';
import { buildMissesHomeSection } from './blocks/build-misses-home-section.js';
import { periodStart } from './lookup-record.js';
import { bar } from './lookup-summary.js';
import { createLookupRepository } from './storage/lookup-repository.js';

/** Misses the section lists at most. */
const MISSES_SHOWN = 5;

/** Who sees the misses on their Home: anyone when HIRE_ADMINS is empty, else only those it lists. */
export function seesLookupMisses(hireAdmins: readonly string[], userId: string): boolean {
  return hireAdmins.length === 0 || hireAdmins.includes(userId);
}

/** The admins' "This week's lookup misses" (the last 7 days), one page. */
export const missesHomeSection: HomeSection = {
  id: 'lookup-misses',
  order: 40,
  async build({ viewer, maxBlocks }, deps) {
    const limit = Math.min(MISSES_SHOWN, maxBlocks - 1);
    if (limit < 1 || !seesLookupMisses(deps.config.hireAdmins, viewer.userId))
      return { blocks: [], hasMore: false };
    const misses = await createLookupRepository(deps.store).misses(
      viewer.teamId,
      periodStart(deps.clock.now(), 7),
      limit,
    );
    const max = Math.max(0, ...misses.map((m) => m.count));
    return {
      blocks: buildMissesHomeSection(misses.map((m) => ({ ...m, bar: bar(m.count, max) }))),
      hasMore: false,
    };
  },
};
