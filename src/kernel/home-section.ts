import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { AppDeps } from './app-deps.js';

/** Whose Home is being built. */
export type HomeViewer = { teamId: string; userId: string; isAdmin: boolean };

export type HomeSectionInput = {
  viewer: HomeViewer;
  /** 1-based page of this section the viewer asked for (newest first). */
  page: number;
  /** Blocks this section may use on the page (the Home holds at most 100 in all). */
  maxBlocks: number;
  /**
   * Slack's Web API, for a section that must ask Slack something (who is in a channel).
   * Absent where there is no Slack (builders' tests, the bench): the section then shows what
   * the store alone tells.
   */
  client?: WebClient;
};

export type HomeSectionOutput = {
  /** Built by the feature's own builder; empty when the section has nothing for this viewer. */
  blocks: KnownBlock[];
  /** Whether a next page exists (the Home adds the paging buttons). */
  hasMore: boolean;
};

/**
 * A part of each person's Home tab that a feature contributes (its reminders, its flags, …).
 * Features list theirs in `Feature.homeSections`; the Home feature lays them out in `order`.
 */
export type HomeSection = {
  /** Stable id, kebab-case: it keys the section's paging buttons. */
  id: string;
  order: number;
  build(input: HomeSectionInput, deps: AppDeps): Promise<HomeSectionOutput>;
};
