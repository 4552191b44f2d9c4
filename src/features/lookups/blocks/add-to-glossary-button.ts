import { HIRE_ACTIONS } from '../../../kernel/hire-command/hire-command-ids.js';
import type { ButtonSpec } from '../../../kernel/slack/blocks/block-kit.js';

/** Longest term the button carries: the glossary form's name field holds no more. */
const MAX_TERM = 80;

/**
 * "Add to the glossary" on an answer that found nothing: opens the team's glossary form with
 * the words looked for (the team-knowledge feature listens to this kernel id).
 */
export const addToGlossaryButton = (words: string): ButtonSpec => ({
  label: 'Add to the glossary',
  actionId: HIRE_ACTIONS.addToGlossary,
  value: words.replace(/\s+/g, ' ').trim().slice(0, MAX_TERM),
});
