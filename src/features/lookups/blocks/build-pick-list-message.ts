import type { SectionBlock } from '@slack/types';
import { buildHireMessage } from '../../../kernel/hire-command/blocks/build-hire-message.js';
import type { Delivery } from '../../../kernel/hire-command/delivery.js';
import { HIRE_ACTIONS } from '../../../kernel/hire-command/hire-command-ids.js';
import type { GlossaryTerm } from '../../../kernel/knowledge/schemas/glossary-schema.js';
import { truncate } from '../../../kernel/slack/blocks/escape-mrkdwn.js';
import type { SlackMessage } from '../../../kernel/slack/blocks/slack-message.js';
import { echo, esc } from '../../../kernel/slack/blocks/text.js';

/** A term as one line with a button, labelled with its name, to open it. */
export function termChoice(term: GlossaryTerm): SectionBlock {
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: `*${esc(term.name)}* — ${esc(truncate(term.meaning, 400))}` },
    accessory: {
      type: 'button',
      action_id: HIRE_ACTIONS.open,
      text: { type: 'plain_text', text: truncate(term.name, 75) },
      value: `glossary ${term.id}`,
    },
  };
}

/** Several terms match about equally well: let the reader pick. */
export function buildPickListMessage(
  query: string,
  choices: GlossaryTerm[],
  delivery: Delivery,
): SlackMessage {
  return buildHireMessage(
    {
      title: 'Which term did you mean?',
      fallback: `${choices.length} terms match ${echo(query)}: ${choices.map((t) => esc(t.name)).join(', ')}`,
      notice: `${choices.length} terms match ${echo(query)}:`,
      items: choices.map((term) => [termChoice(term)]),
    },
    delivery,
  );
}
