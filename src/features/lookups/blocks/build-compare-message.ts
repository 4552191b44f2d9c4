import { buildHireMessage } from '../../../kernel/hire-command/blocks/build-hire-message.js';
import type { Delivery } from '../../../kernel/hire-command/delivery.js';
import type { RoleComparison } from '../../../kernel/knowledge/schemas/role-comparison-schema.js';
import { sections } from '../../../kernel/slack/blocks/block-kit.js';
import type { SlackMessage } from '../../../kernel/slack/blocks/slack-message.js';
import { esc, escList } from '../../../kernel/slack/blocks/text.js';

const reasons = (list: RoleComparison['backendWhen']) =>
  list.map((r) => `• *${esc(r.title)}* — ${esc(r.detail)}`).join('\n');

/** Backend specialist or full-stack engineer: what each does and when to hire which. */
export function buildCompareMessage(comparison: RoleComparison, delivery: Delivery): SlackMessage {
  return buildHireMessage(
    {
      title: 'Backend vs full-stack',
      fallback: `Backend vs full-stack: ${esc(comparison.difference)}`,
      items: [
        sections(
          `${esc(comparison.backendRole.summary)}\n${escList(comparison.backendRole.responsibilities)}`,
        ),
        sections(`*The difference*\n${esc(comparison.difference)}`),
        sections(`*Hire a backend specialist when…*\n${reasons(comparison.backendWhen)}`),
        sections(`*Full-stack may work when…*\n${reasons(comparison.fullStackWhen)}`),
      ],
    },
    delivery,
  );
}
