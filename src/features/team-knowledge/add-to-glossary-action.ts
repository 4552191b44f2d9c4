import { z } from 'zod';
import { pressedValue } from '../../kernel/hire-command/actions/button-value.js';
import type { ButtonArgs } from '../../kernel/slack/listener-router.js';
import type { TeamKnowledgeDeps } from './contributions.js';
import { needsApproval } from './entry-permissions.js';
import { entryModal, MAX_PREFILLED_TERM } from './open-entry-modal.js';

/** The button's value: the term looked up and missed (may be empty); anything odd is dropped. */
const termValue = z.string().trim().max(500).catch('');

/**
 * "Add to the glossary" (HIRE_ACTIONS.addToGlossary, on no-match answers and the misses of
 * `/hire stats`): opens the glossary modal at once, within the trigger's three seconds,
 * pre-filled with the term that was not found.
 */
export function createAddToGlossaryAction(
  deps: Pick<TeamKnowledgeDeps, 'config' | 'knowledge' | 'logger'>,
) {
  const log = deps.logger.child({ listener: 'add-to-glossary' });
  return async ({ ack, body, client }: ButtonArgs): Promise<void> => {
    await ack();
    const term = termValue.parse(pressedValue(body)).slice(0, MAX_PREFILLED_TERM);
    const view = entryModal({
      module: 'glossary',
      intent: { kind: 'add' },
      knowledge: deps.knowledge.current().knowledge,
      needsApproval: needsApproval(deps.config.hireAdmins),
      ...(term === '' ? {} : { name: term }),
    });
    try {
      await client.views.open({ trigger_id: body.trigger_id, view });
    } catch (error) {
      log.warn({ err: error, user: body.user.id }, 'could not open the glossary modal');
    }
  };
}
