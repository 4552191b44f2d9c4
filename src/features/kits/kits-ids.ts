import { actionIdPattern } from '../../kernel/slack/action-ids.js';

/**
 * Every Slack identifier the kits feature uses, defined once. Exports named `…_SHORTCUT` and
 * `…_VIEW` are checked against manifest.yml and the registered listeners by tests/manifest;
 * input block and action ids key `view.state.values` and `response_action: errors` and
 * dispatch nothing.
 */

/** The global shortcut "Build interview kit" (declared under `features.shortcuts`). */
export const BUILD_KIT_SHORTCUT = 'build_interview_kit' as const;

/** The kit request modal opened by the shortcut; its `private_metadata` is empty. */
export const KIT_REQUEST_VIEW = 'kit_request_modal' as const;

/** The scorecard modal; `private_metadata` is the kit id and nothing else. */
export const KIT_SCORECARD_VIEW = 'kit_scorecard_modal' as const;

/** Buttons on kit messages and the Home. Their values are described beside each id. */
export const KIT_ACTIONS = {
  /** Opens the scorecard modal. Value: the kit id. */
  score: 'kit_score',
  /** Builds the same kit again (same seed). Value: a `/hire` command text (kitAgainCommand). */
  again: 'kit_again',
} as const;

/** The listeners' patterns: a repeated id in one block carries a suffix (`kit_score:2`). */
export const KIT_ACTION_PATTERNS = {
  score: actionIdPattern(KIT_ACTIONS.score),
  again: actionIdPattern(KIT_ACTIONS.again),
} as const satisfies Record<keyof typeof KIT_ACTIONS, RegExp>;

/** Inputs of the kit request modal. */
export const KIT_REQUEST_INPUTS = {
  level: { blockId: 'kit_level', actionId: 'kit_level_choice' },
  minutes: { blockId: 'kit_minutes', actionId: 'kit_minutes_choice' },
  areas: { blockId: 'kit_areas', actionId: 'kit_areas_choice' },
  label: { blockId: 'kit_label', actionId: 'kit_label_input' },
  interviewAt: { blockId: 'kit_interview_at', actionId: 'kit_interview_at_picker' },
  panel: { blockId: 'kit_panel', actionId: 'kit_panel_choice' },
  channel: { blockId: 'kit_channel', actionId: 'kit_channel_choice' },
  thread: { blockId: 'kit_thread', actionId: 'kit_thread_choice' },
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
