import { buildHireMessage } from '../../../kernel/hire-command/blocks/build-hire-message.js';
import type { Delivery } from '../../../kernel/hire-command/delivery.js';
import { HIRE_ACTIONS } from '../../../kernel/hire-command/hire-command-ids.js';
import type { CoreSkill } from '../../../kernel/knowledge/schemas/core-skills-schema.js';
import type { GlossaryTerm } from '../../../kernel/knowledge/schemas/glossary-schema.js';
import { context, sections } from '../../../kernel/slack/blocks/block-kit.js';
import type { SlackMessage } from '../../../kernel/slack/blocks/slack-message.js';
import { esc, escList } from '../../../kernel/slack/blocks/text.js';

export type SkillWithTerms = { skill: CoreSkill; terms: GlossaryTerm[] };

/** Core technical skills to evaluate; one skill's glossary terms become buttons. */
export function buildSkillsMessage(
  skills: SkillWithTerms[],
  options: { notice?: string; single: boolean },
  delivery: Delivery,
): SlackMessage {
  const first = skills[0];
  return buildHireMessage(
    {
      title: options.single && first ? first.skill.name : 'Core technical skills to evaluate',
      fallback: `Skills to evaluate: ${skills.map((s) => esc(s.skill.name)).join(', ')}`,
      notice: options.notice,
      items: skills.map(({ skill, terms }) => [
        ...sections(`*${esc(skill.name)}*\n${escList(skill.evaluate)}`),
        ...(terms.length > 0
          ? [context(`Terms: ${terms.map((t) => esc(t.name)).join(', ')}`)]
          : []),
      ]),
      buttons:
        options.single && first
          ? [
              ...first.terms.map((t) => ({
                label: t.name,
                actionId: HIRE_ACTIONS.open,
                value: `glossary ${t.id}`,
              })),
              { label: 'All skills', actionId: HIRE_ACTIONS.open, value: 'skills' },
            ]
          : skills.map(({ skill }) => ({
              label: skill.name,
              actionId: HIRE_ACTIONS.open,
              value: `skills ${skill.id}`,
            })),
    },
    delivery,
  );
}
