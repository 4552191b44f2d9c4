import type { HomeSection } from '../../kernel/home-section.js';
import { buildFlagsHomeSection, flagsPerPage } from './blocks/build-flags-home-section.js';
import { createFlagRepository } from './storage/flag-repository.js';

/** The viewer's own recent resume flags in their Home, newest first, paged. */
export const resumeFlagsHomeSection: HomeSection = {
  id: 'resume-flags',
  order: 30,
  async build({ viewer, page, maxBlocks }, deps) {
    const perPage = flagsPerPage(maxBlocks);
    if (perPage === 0) return { blocks: [], hasMore: false };
    const rows = await createFlagRepository(deps.store).listByReviewer(
      viewer.teamId,
      viewer.userId,
      { limit: perPage + 1, offset: (page - 1) * perPage },
    );
    return {
      blocks: buildFlagsHomeSection({
        flags: rows.slice(0, perPage),
        page,
        knownFlags: deps.knowledge.current().knowledge.resumeFlags.flags,
      }),
      hasMore: rows.length > perPage,
    };
  },
};
