import type { HomeSection } from '../../kernel/home-section.js';
import { buildKitsHomeSection } from './blocks/build-kits-home-section.js';
import { createKitRepository } from './storage/kit-repository.js';

/** Kits one page of the section lists at most. */
const PAGE_SIZE = 5;

/**
 * The Home's "Interviews to score": kits whose panel holds the viewer (or which they built for
 * a candidate without a panel) and which they have not scored yet, newest first, paged.
 */
export const kitsHomeSection: HomeSection = {
  id: 'kits-to-score',
  order: 20,
  async build({ viewer, page, maxBlocks }, deps) {
    // One block for the section's line, one per kit.
    const perPage = Math.min(PAGE_SIZE, maxBlocks - 1);
    if (perPage < 1) return { blocks: [], hasMore: false };
    const current = Math.max(1, Math.trunc(page));
    const kits = await createKitRepository(deps.store).awaitingScore(viewer.teamId, viewer.userId, {
      offset: (current - 1) * perPage,
      limit: perPage + 1,
    });
    return {
      blocks: buildKitsHomeSection(kits.slice(0, perPage), current),
      hasMore: kits.length > perPage,
    };
  },
};
