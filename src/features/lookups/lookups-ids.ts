import { actionIdPattern } from '../../kernel/slack/action-ids.js';

/** Buttons of the lookup answers besides the /hire ones (share, open). */
export const LOOKUP_ACTIONS = {
  /** Replaces an interview question with another one of the same level and area. */
  anotherQuestion: 'hire_another_question',
} as const;

export const LOOKUP_ACTION_PATTERNS = {
  anotherQuestion: actionIdPattern(LOOKUP_ACTIONS.anotherQuestion),
} as const;
