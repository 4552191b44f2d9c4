import { buildHireMessage } from '../../../kernel/hire-command/blocks/build-hire-message.js';
import type { Delivery } from '../../../kernel/hire-command/delivery.js';
import { HIRE_ACTIONS } from '../../../kernel/hire-command/hire-command-ids.js';
import type { Expectation } from '../../../kernel/knowledge/schemas/expectations-schema.js';
import { sections } from '../../../kernel/slack/blocks/block-kit.js';
import type { SlackMessage } from '../../../kernel/slack/blocks/slack-message.js';
import { esc, escList } from '../../../kernel/slack/blocks/text.js';

/** What engineers expect from an employer and what breaks their trust, per aspect. */
export function buildExpectationsMessage(
  aspects: Expectation[],
  options: { notice?: string; single: boolean },
  delivery: Delivery,
): SlackMessage {
  const title = options.single && aspects[0] ? aspects[0].name : 'What engineers expect';
  return buildHireMessage(
    {
      title,
      fallback: options.single
        ? `${esc(title)}: ${aspects[0]?.expects.map(esc).join(' ') ?? ''}`
        : `What engineers expect, and what breaks trust: ${aspects.map((a) => esc(a.name)).join(', ')}`,
      notice: options.notice,
      items: aspects.map((aspect) =>
        sections(
          [
            options.single ? '' : `*${esc(aspect.name)}*`,
            `*They expect*\n${escList(aspect.expects)}`,
            `*What breaks trust*\n${escList(aspect.breaksTrust)}`,
          ]
            .filter((s) => s !== '')
            .join('\n'),
        ),
      ),
      buttons: options.single
        ? [{ label: 'All expectations', actionId: HIRE_ACTIONS.open, value: 'expectations' }]
        : [],
    },
    delivery,
  );
}
