import { buildHireMessage } from '../../../kernel/hire-command/blocks/build-hire-message.js';
import type { Delivery } from '../../../kernel/hire-command/delivery.js';
import { HIRE_ACTIONS } from '../../../kernel/hire-command/hire-command-ids.js';
import type { GlossaryTerm } from '../../../kernel/knowledge/schemas/glossary-schema.js';
import { sections } from '../../../kernel/slack/blocks/block-kit.js';
import type { SlackMessage } from '../../../kernel/slack/blocks/slack-message.js';
import { code, echo, esc } from '../../../kernel/slack/blocks/text.js';
import { addToGlossaryButton } from './add-to-glossary-button.js';
import { termChoice } from './build-pick-list-message.js';

/** Nothing matched: the nearest terms, and how to list them all or search everything. */
export function buildGlossaryNoMatchMessage(
  query: string,
  nearest: GlossaryTerm[],
  delivery: Delivery,
): SlackMessage {
  const near = nearest.length > 0 ? ` Nearest: ${nearest.map((t) => esc(t.name)).join(', ')}.` : '';
  return buildHireMessage(
    {
      title: 'No matching term',
      fallback: `No glossary term matches ${echo(query)}.${near}`,
      notice: `No glossary term matches ${echo(query)}.${nearest.length > 0 ? ' The nearest ones:' : ''}`,
      items: [
        ...nearest.map((term) => [termChoice(term)]),
        sections(
          `List every term with ${code('glossary')}, or look through everything with ${code('search <words>')}.`,
        ),
      ],
      buttons: [
        { label: 'All terms', actionId: HIRE_ACTIONS.open, value: 'glossary' },
        addToGlossaryButton(query),
      ],
    },
    delivery,
  );
}
