import { actionIdPattern } from '../slack/action-ids.js';

/** The one slash command (`manifest.yml` declares it; tests/manifest proves they agree). */
export const SLASH_COMMAND = '/hire' as const;

/** Buttons every /hire answer may carry; their value is a /hire command text. */
export const HIRE_ACTIONS = {
  /** Posts the private answer in the channel and removes the private copy. */
  share: 'hire_share',
  /** Opens another answer in place (pick lists, pages, "see all"). */
  open: 'hire_open',
} as const;

export const HIRE_ACTION_PATTERNS = {
  share: actionIdPattern(HIRE_ACTIONS.share),
  open: actionIdPattern(HIRE_ACTIONS.open),
} as const;
