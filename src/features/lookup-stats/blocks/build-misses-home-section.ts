import type { KnownBlock } from '@slack/types';
import { section } from '../../../kernel/slack/blocks/block-kit.js';
import { code } from '../../../kernel/slack/blocks/text.js';
import { missRow } from './miss-row.js';

/**
 * The admins' Home part "This week's lookup misses": the queries that found nothing, most
 * first, each with "Add to the glossary". Nothing at all when there were none.
 */
export function buildMissesHomeSection(
  misses: readonly { query: string; count: number; bar: string }[],
): KnownBlock[] {
  if (misses.length === 0) return [];
  return [
    section(
      `*This week's lookup misses* · what people looked up and did not find. All the figures: ${code('stats')}`,
    ),
    ...misses.map((miss, i) => missRow(miss, i + 1)),
  ];
}
