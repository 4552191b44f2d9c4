import type { KnownBlock } from '@slack/types';
import { HIRE_ACTIONS } from '../../../kernel/hire-command/hire-command-ids.js';
import { LIMITS, section } from '../../../kernel/slack/blocks/block-kit.js';
import { escapeMrkdwn, truncate } from '../../../kernel/slack/blocks/escape-mrkdwn.js';

/** A bar as code, so that bars line up; `count` after it. */
export const barText = (bar: string, count: number): string => `\`${bar}\` ${count}`;

/** A query people typed (normalised), quoted and escaped: it can never ping or link. */
export const quoted = (query: string): string => `“${escapeMrkdwn(truncate(query, 100))}”`;

/**
 * One miss: its bar, count and query, with "Add to the glossary" beside it (the team-knowledge
 * feature listens; the value is the query). The nth button gets the kernel's `:n` suffix.
 */
export function missRow(
  miss: { query: string; count: number; bar: string },
  n: number,
): KnownBlock {
  return {
    ...section(`${barText(miss.bar, miss.count)}  ${quoted(miss.query)}`),
    accessory: {
      type: 'button',
      action_id: n <= 1 ? HIRE_ACTIONS.addToGlossary : `${HIRE_ACTIONS.addToGlossary}:${n}`,
      text: { type: 'plain_text', text: 'Add to the glossary', emoji: true },
      value: truncate(miss.query, LIMITS.buttonValue),
    },
  };
}
