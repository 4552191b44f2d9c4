import type { SectionBlock } from '@slack/types';
import { buildHireMessage } from '../../../kernel/hire-command/blocks/build-hire-message.js';
import type { Delivery } from '../../../kernel/hire-command/delivery.js';
import { HIRE_ACTIONS } from '../../../kernel/hire-command/hire-command-ids.js';
import type { Level } from '../../../kernel/knowledge/schemas/levels-schema.js';
import { sections } from '../../../kernel/slack/blocks/block-kit.js';
import type { SlackMessage } from '../../../kernel/slack/blocks/slack-message.js';
import { esc, escList } from '../../../kernel/slack/blocks/text.js';
import { yearsText } from './build-questions-message.js';

function levelSummary(level: Level): SectionBlock {
  return {
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: `*${esc(level.name)}* (${yearsText(level)}) — _${esc(level.theme)}_\n${level.signals.map(esc).join(' · ')}`,
    },
    accessory: {
      type: 'button',
      action_id: HIRE_ACTIONS.open,
      text: { type: 'plain_text', text: `${level.name} details` },
      value: `levels ${level.id}`,
    },
  };
}

/** All levels side by side. */
export function buildLevelsMessage(
  levels: Level[],
  notice: string | undefined,
  delivery: Delivery,
): SlackMessage {
  return buildHireMessage(
    {
      title: 'Engineering levels',
      fallback: `Levels: ${levels.map((l) => `${esc(l.name)} (${yearsText(l)})`).join(', ')}`,
      notice,
      items: levels.map((level) => [levelSummary(level)]),
    },
    delivery,
  );
}

/** One level in full: what it can do, what it is growing toward, what sets it apart. */
export function buildLevelDetailMessage(level: Level, delivery: Delivery): SlackMessage {
  const parts: [string, readonly string[]][] = [
    ['Signals', level.signals],
    ['Capabilities', level.capabilities],
    ['Growing toward', level.growing],
    ['Demonstrates', level.demonstrates],
    ['Sets them apart', level.setsApart],
  ];
  return buildHireMessage(
    {
      title: `${level.name} (${yearsText(level)})`,
      fallback: `${esc(level.name)} (${yearsText(level)}): ${esc(level.theme)}`,
      items: [
        sections(`_${esc(level.theme)}_`),
        ...parts
          .filter(([, list]) => list.length > 0)
          .map(([label, list]) => sections(`*${label}*\n${escList(list)}`)),
      ],
      buttons: [
        {
          label: `${level.name} questions`,
          actionId: HIRE_ACTIONS.open,
          value: `questions ${level.id}`,
        },
        { label: 'All levels', actionId: HIRE_ACTIONS.open, value: 'levels' },
      ],
    },
    delivery,
  );
}
