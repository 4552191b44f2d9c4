import type { KnownBlock } from '@slack/types';
import { context } from '../../../kernel/slack/blocks/block-kit.js';

const NOT_LOADED = 'This part of your Home could not be loaded just now; open the tab again later.';

/** Stands in for a section that failed or was too slow: the Home must go out regardless. */
export const buildSectionNotLoaded = (): KnownBlock[] => [context(NOT_LOADED)];
