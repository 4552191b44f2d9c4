import { actionIdPattern } from '../slack/action-ids.js';

/** The one slash command (`manifest.yml` declares it; tests/manifest proves they agree). */
export const SLASH_COMMAND = '/hire' as const;

/** Buttons every /hire answer may carry; their value is a /hire command text. */
export const HIRE_ACTIONS = {
  /** Posts the private answer in the channel and removes the private copy. */
  share: 'hire_share',
  /** Opens another answer in place (pick lists, pages, "see all"). */
  open: 'hire_open',
  /**
   * Opens the form that adds a term to the team's glossary (the team-knowledge feature listens);
   * carried by no-match answers and by the misses of `/hire stats`. Its value is the term.
   */
  addToGlossary: 'hire_add_to_glossary',
  /** Opens the interview kit request form (the kits feature listens); on the Home, for one. */
  buildKit: 'hire_build_kit',
} as const;

export const HIRE_ACTION_PATTERNS = {
  share: actionIdPattern(HIRE_ACTIONS.share),
  open: actionIdPattern(HIRE_ACTIONS.open),
  addToGlossary: actionIdPattern(HIRE_ACTIONS.addToGlossary),
  buildKit: actionIdPattern(HIRE_ACTIONS.buildKit),
} as const;
