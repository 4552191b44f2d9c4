import { buildHireMessage } from '../../../kernel/hire-command/blocks/build-hire-message.js';
import type { Delivery } from '../../../kernel/hire-command/delivery.js';
import { HIRE_ACTIONS } from '../../../kernel/hire-command/hire-command-ids.js';
import type { HiringMistake } from '../../../kernel/knowledge/schemas/hiring-mistakes-schema.js';
import { sections } from '../../../kernel/slack/blocks/block-kit.js';
import type { SlackMessage } from '../../../kernel/slack/blocks/slack-message.js';
import { esc, escList } from '../../../kernel/slack/blocks/text.js';

/** Common hiring mistakes and what to do instead. */
export function buildMistakesMessage(
  mistakes: HiringMistake[],
  options: { notice?: string; single: boolean },
  delivery: Delivery,
): SlackMessage {
  return buildHireMessage(
    {
      title: options.single && mistakes[0] ? mistakes[0].name : 'Common hiring mistakes',
      fallback: `Hiring mistakes to avoid: ${mistakes.map((m) => esc(m.name)).join(', ')}`,
      notice: options.notice,
      items: mistakes.map((m, i) =>
        sections(
          `*${options.single ? '' : `${i + 1}. `}${esc(m.name)}*\n${esc(m.problem)}\n*Instead*\n${escList(m.instead)}`,
        ),
      ),
      buttons: options.single
        ? [{ label: 'All mistakes', actionId: HIRE_ACTIONS.open, value: 'mistakes' }]
        : [],
    },
    delivery,
  );
}
