/**
 * Every Slack identifier the kits feature uses, defined once. The buttons and the modal
 * callback go into the app's manifest test with the others; input block and action ids key
 * `view.state.values` and `response_action: errors` and dispatch nothing.
 */

/** Buttons on kit messages. Their values are described beside each id. */
export const KIT_ACTIONS = {
  /** Opens the scorecard modal. Value: the kit id. */
  score: 'kit_score',
  /** Builds the same kit again (same seed). Value: a `/hire` command text (kitAgainCommand). */
  again: 'kit_again',
} as const;

/**
 * Patterns for the listeners: Block Kit helpers suffix a repeated action id in one block
 * (`kit_score:2`), as ACTION_PATTERNS in the shared ids explain.
 */
export const KIT_ACTION_PATTERNS = {
  score: /^kit_score(?::\d+)?$/,
  again: /^kit_again(?::\d+)?$/,
} as const satisfies Record<keyof typeof KIT_ACTIONS, RegExp>;

/** The global shortcut ("Build interview kit") that opens the kit request modal. */
export const KIT_SHORTCUTS = {
  build: 'build_interview_kit',
} as const;

/** Modal `callback_id`s. */
export const KIT_VIEWS = {
  /** The kit request modal opened by the shortcut; no `private_metadata`. */
  request: 'kit_request_modal',
  /** The scorecard modal; `private_metadata` is the kit id and nothing else. */
  scorecard: 'kit_scorecard_modal',
} as const;

/** Inputs of the kit request modal. */
export const KIT_REQUEST_INPUTS = {
  level: { blockId: 'kit_level', actionId: 'kit_level_choice' },
  minutes: { blockId: 'kit_minutes', actionId: 'kit_minutes_choice' },
  areas: { blockId: 'kit_areas', actionId: 'kit_areas_choice' },
  label: { blockId: 'kit_label', actionId: 'kit_label_input' },
  interviewAt: { blockId: 'kit_interview_at', actionId: 'kit_interview_at_picker' },
  panel: { blockId: 'kit_panel', actionId: 'kit_panel_choice' },
  channel: { blockId: 'kit_channel', actionId: 'kit_channel_choice' },
} as const;

/** Per-question inputs of the scorecard modal; `n` is the question's 1-based number in the kit. */
export const SCORECARD_QUESTION_INPUTS = {
  lookFor: (n: number) => ({ blockId: `kit_q${n}_look_for`, actionId: 'kit_look_for' }),
  redFlags: (n: number) => ({ blockId: `kit_q${n}_red_flags`, actionId: 'kit_red_flags' }),
  rating: (n: number) => ({ blockId: `kit_q${n}_rating`, actionId: 'kit_rating' }),
} as const;

/** Whole-interview inputs of the scorecard modal. */
export const SCORECARD_INPUTS = {
  recommendation: { blockId: 'kit_recommendation', actionId: 'kit_recommendation_choice' },
  note: { blockId: 'kit_note', actionId: 'kit_note_input' },
} as const;
