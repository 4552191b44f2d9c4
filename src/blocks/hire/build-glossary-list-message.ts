import type { GlossaryTerm } from '../../knowledge/schemas/glossary-schema.js';
import type { SlackMessage } from '../slack-message.js';
import { termChoice } from './build-pick-list-message.js';
import { buildHireMessage, type Delivery } from './hire-message.js';
import { code } from './text.js';

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
