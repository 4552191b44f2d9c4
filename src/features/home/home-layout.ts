/** Slack's limits for a Home view: blocks, and the size of its JSON (250 kB, with a margin). */
export const HOME_MAX_BLOCKS = 100;
export const HOME_MAX_BYTES = 240_000;

/** What the Home adds around each section: a divider before it, its paging buttons after. */
export const SECTION_FRAME_BLOCKS = 2;
/** A section gets at least this many blocks (enough for a header and a few entries)… */
export const MIN_SECTION_BLOCKS = 8;
/** …and at most this many, so that one long list does not push the others out of sight. */
export const MAX_SECTION_BLOCKS = 26;

export type HomeBudget = {
  /** Blocks the results area may use. */
  results: number;
  /** Blocks each section may use (its own blocks, not counting the Home's frame). */
  perSection: number;
};

/**
 * Shares the Home's 100 blocks: the top first, then the results area (as much as it needs,
 * leaving every section its minimum), then the sections, equally.
 */
export function planHome(input: {
  topBlocks: number;
  resultsBlocks: number;
  sections: number;
}): HomeBudget {
  const free = HOME_MAX_BLOCKS - input.topBlocks;
  const reserved = input.sections * (MIN_SECTION_BLOCKS + SECTION_FRAME_BLOCKS);
  const results = Math.max(0, Math.min(input.resultsBlocks, free - reserved));
  if (input.sections === 0) return { results, perSection: 0 };
  const share = Math.floor((free - results) / input.sections) - SECTION_FRAME_BLOCKS;
  return { results, perSection: Math.max(0, Math.min(MAX_SECTION_BLOCKS, share)) };
}
