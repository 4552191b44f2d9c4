import { actionIdPattern } from '../../kernel/slack/action-ids.js';

/**
 * Every Slack identifier of the team-knowledge feature. `…_VIEW` exports are modal callback
 * ids (checked by tests/manifest); input ids key `view.state.values` and `errors`.
 */

/** The glossary term modal; `private_metadata` is entryMetadata (add, or edit of one entry). */
export const GLOSSARY_ENTRY_VIEW = 'team_glossary_entry_modal' as const;

/** The interview question modal; `private_metadata` as the glossary modal's. */
export const QUESTION_ENTRY_VIEW = 'team_question_entry_modal' as const;

/** Approve / Reject on an admin's message and in the Home. Value: `glossary:<id>` (entryRef). */
export const TEAM_ENTRY_ACTIONS = {
  approve: 'team_entry_approve',
  reject: 'team_entry_reject',
} as const;

export const TEAM_ENTRY_ACTION_PATTERNS = {
  approve: actionIdPattern(TEAM_ENTRY_ACTIONS.approve),
  reject: actionIdPattern(TEAM_ENTRY_ACTIONS.reject),
} as const satisfies Record<keyof typeof TEAM_ENTRY_ACTIONS, RegExp>;

export const GLOSSARY_INPUTS = {
  name: { blockId: 'team_term_name', actionId: 'team_term_name_input' },
  meaning: { blockId: 'team_term_meaning', actionId: 'team_term_meaning_input' },
  aliases: { blockId: 'team_term_aliases', actionId: 'team_term_aliases_input' },
  onResume: { blockId: 'team_term_on_resume', actionId: 'team_term_on_resume_input' },
  probe: { blockId: 'team_term_probe', actionId: 'team_term_probe_input' },
} as const;

export const QUESTION_INPUTS = {
  levels: { blockId: 'team_question_levels', actionId: 'team_question_levels_choice' },
  area: { blockId: 'team_question_area', actionId: 'team_question_area_choice' },
  prompt: { blockId: 'team_question_prompt', actionId: 'team_question_prompt_input' },
  lookFor: { blockId: 'team_question_look_for', actionId: 'team_question_look_for_input' },
  redFlags: { blockId: 'team_question_red_flags', actionId: 'team_question_red_flags_input' },
  followUps: { blockId: 'team_question_follow_ups', actionId: 'team_question_follow_ups_input' },
} as const;
