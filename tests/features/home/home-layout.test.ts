import { describe, expect, it } from 'vitest';
import {
  HOME_MAX_BLOCKS,
  MAX_SECTION_BLOCKS,
  MIN_SECTION_BLOCKS,
  planHome,
  SECTION_FRAME_BLOCKS,
} from '../../../src/features/home/home-layout.js';

describe('sharing the Home’s 100 blocks', () => {
  it('never plans more than 100 blocks in all', () => {
    for (const sections of [0, 1, 2, 4, 8])
      for (const resultsBlocks of [0, 10, 48, 100])
        for (const topBlocks of [2, 4, 6]) {
          const plan = planHome({ topBlocks, resultsBlocks, sections });
          const total =
            topBlocks + plan.results + sections * (plan.perSection + SECTION_FRAME_BLOCKS);
          expect(total).toBeLessThanOrEqual(HOME_MAX_BLOCKS);
          expect(plan.results).toBeLessThanOrEqual(resultsBlocks);
        }
  });

  it('gives the results what they need while every section keeps its minimum', () => {
    // (100 - 4 - 45) / 2 = 25 each, 2 of them for the frame.
    expect(planHome({ topBlocks: 4, resultsBlocks: 45, sections: 2 })).toEqual({
      results: 45,
      perSection: 23,
    });
    const crowded = planHome({ topBlocks: 4, resultsBlocks: 60, sections: 6 });
    expect(crowded.perSection).toBe(MIN_SECTION_BLOCKS);
    expect(crowded.results).toBe(100 - 4 - 6 * (MIN_SECTION_BLOCKS + SECTION_FRAME_BLOCKS));
  });

  it('caps a section’s share when there is room to spare', () => {
    expect(planHome({ topBlocks: 4, resultsBlocks: 0, sections: 1 }).perSection).toBe(
      MAX_SECTION_BLOCKS,
    );
    expect(planHome({ topBlocks: 4, resultsBlocks: 0, sections: 0 })).toEqual({
      results: 0,
      perSection: 0,
    });
  });
});
