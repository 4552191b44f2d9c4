/**
 * Every Slack identifier the app registers, defined once. `manifest.yml` must agree with
 * this file (tests/manifest/manifest.test.ts proves it both ways).
 */
export const SLASH_COMMAND = '/hire' as const;

/** Message and global shortcuts (`callback_id`s declared under `features.shortcuts`). */
export const SHORTCUTS = {
  flagResume: 'flag_resume_concerns',
} as const;

/** Modal `callback_id`s. */
export const VIEWS = {
  flagResume: 'flag_resume_modal',
} as const;

/** Button and input `action_id`s. */
export const ACTIONS = {
  /** Posts the private answer in the channel and removes the private copy. */
  share: 'hire_share',
  /** Opens another answer in place (pick lists, pages, "see all"). Value: a /hire command text. */
  open: 'hire_open',
  /** Replaces an interview question with another one of the same level and area. */
  anotherQuestion: 'hire_another_question',
} as const;

export type ActionId = (typeof ACTIONS)[keyof typeof ACTIONS];

/**
 * Slack rejects two elements with the same action_id in one block, so when one actions block
 * holds several buttons of the same kind (related terms, pick lists, pages) the second and later
 * carry a numeric suffix: `hire_open`, `hire_open:2`, `hire_open:3`. Register the handlers with
 * these patterns (`registry.action(ACTION_PATTERNS.open, …)`); the suffix means nothing.
 */
export const ACTION_PATTERNS = {
  share: /^hire_share(?::\d+)?$/,
  open: /^hire_open(?::\d+)?$/,
  anotherQuestion: /^hire_another_question(?::\d+)?$/,
} as const satisfies Record<keyof typeof ACTIONS, RegExp>;

/**
 * Inputs of the "Flag resume concerns" modal: `blockId` keys `view.state.values` and
 * `response_action: errors`; `actionId` names the element. Input blocks dispatch no actions,
 * so no listener is registered for these.
 */
export const FLAG_RESUME_INPUTS = {
  concerns: { blockId: 'flag_concerns', actionId: 'flag_concerns_select' },
  note: { blockId: 'flag_note', actionId: 'flag_note_input' },
  destination: { blockId: 'flag_destination', actionId: 'flag_destination_choice' },
} as const;
