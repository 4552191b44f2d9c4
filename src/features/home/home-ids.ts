import { actionIdPattern } from '../../kernel/slack/action-ids.js';

/**
 * Slack ids of the Home tab. Buttons whose value is a `/hire` command text: `open` (the
 * answers' own buttons, quick ways in, pages) and `share`.
 */
export const HOME_ACTIONS = {
  /** The search box (a plain_text_input dispatched on enter). Value: the words. */
  search: 'home_search_input',
  /** Shows a /hire answer in the Home's results area. Value: a /hire command text. */
  open: 'home_open',
  /** Opens the "share in a channel" modal for an answer. Value: a /hire command text. */
  share: 'home_share',
  /** Another page of one section. Value: `<section id> <page>`. */
  page: 'home_page',
  /** Empties the results area. */
  clear: 'home_clear',
} as const;

export type HomeAction = keyof typeof HOME_ACTIONS;

export const HOME_ACTION_PATTERNS = Object.fromEntries(
  Object.entries(HOME_ACTIONS).map(([name, id]) => [name, actionIdPattern(id)]),
) as Record<HomeAction, RegExp>;

/** The search box's input block. */
export const HOME_SEARCH_BLOCK = 'home_search' as const;

/** The modal that shares an answer from the Home in a channel the person picks. */
export const HOME_SHARE_VIEW = 'home_share_modal' as const;

/** The share modal's channel picker. */
export const HOME_SHARE_INPUT = { blockId: 'home_share_channel', actionId: 'home_share_pick' };
