import { buildHireMessage } from '../../../kernel/hire-command/blocks/build-hire-message.js';
import type { Delivery } from '../../../kernel/hire-command/delivery.js';
import type { GlossaryTerm } from '../../../kernel/knowledge/schemas/glossary-schema.js';
import type { SlackMessage } from '../../../kernel/slack/blocks/slack-message.js';
import { code } from '../../../kernel/slack/blocks/text.js';
import { termChoice } from './build-pick-list-message.js';

/** Every term, alphabetically, each with an Open button; paged when it does not fit. */
export function buildGlossaryListMessage(terms: GlossaryTerm[], delivery: Delivery): SlackMessage {
  const sorted = [...terms].sort((a, b) => a.name.localeCompare(b.name));
  return buildHireMessage(
    {
      title: `Glossary: ${sorted.length} terms`,
      fallback: `The glossary has ${sorted.length} terms. Look one up with /hire glossary <term>.`,
      notice: `Open a term below, or look one up directly with ${code('glossary <term>')} (products work too: ${code('glossary Kafka')}).`,
      items: sorted.map((term) => [termChoice(term)]),
    },
    delivery,
  );
}
