import type { HomeSection } from '../../kernel/home-section.js';
import { buildPendingHomeSection, pendingPerPage } from './blocks/build-pending-home-section.js';
import { createTeamEntryRepository } from './storage/team-entry-repository.js';

/** An admin's Home: the team's contributions waiting for approval, oldest first, paged. */
export const pendingHomeSection: HomeSection = {
  id: 'team-contributions',
  order: 5,
  async build({ viewer, page, maxBlocks }, deps) {
    if (!viewer.isAdmin) return { blocks: [], hasMore: false };
    const perPage = pendingPerPage(maxBlocks);
    if (perPage === 0) return { blocks: [], hasMore: false };
    const rows = await createTeamEntryRepository(deps.store).pending(viewer.teamId, {
      limit: perPage + 1,
      offset: (page - 1) * perPage,
    });
    return {
      blocks: buildPendingHomeSection(rows.slice(0, perPage), page),
      hasMore: rows.length > perPage,
    };
  },
};
