import { buildHireMessage } from '../../../kernel/hire-command/blocks/build-hire-message.js';
import type { Delivery } from '../../../kernel/hire-command/delivery.js';
import { HIRE_ACTIONS } from '../../../kernel/hire-command/hire-command-ids.js';
import type { LanguagePool, Sourcing } from '../../../kernel/knowledge/schemas/sourcing-schema.js';
import { sections } from '../../../kernel/slack/blocks/block-kit.js';
import type { SlackMessage } from '../../../kernel/slack/blocks/slack-message.js';
import { code, esc, escList } from '../../../kernel/slack/blocks/text.js';

function poolText(pool: LanguagePool): string {
  const lines = [
    `*${esc(pool.language)}*`,
    `Industries: ${pool.industries.map(esc).join(', ')}`,
    `Companies: ${pool.companies.map(esc).join(', ')}`,
  ];
  if (pool.communities.length > 0)
    lines.push(`Communities: ${pool.communities.map(esc).join(', ')}`);
  if (pool.note !== undefined) lines.push(`Note: ${esc(pool.note)}`);
  return lines.join('\n');
}

/** Where to find engineers: high-signal channels and language talent pools. */
export function buildSourcesMessage(
  sourcing: Sourcing,
  notice: string | undefined,
  delivery: Delivery,
): SlackMessage {
  return buildHireMessage(
    {
      title: 'Where to find backend engineers',
      fallback: `Where to find engineers: ${sourcing.channels.map((c) => esc(c.name)).join(', ')}`,
      notice,
      items: [
        sections('*High-signal sources*'),
        ...sourcing.channels.map((c) =>
          sections(`*${esc(c.name)}* — ${esc(c.what)}\n${escList(c.lookFor)}`),
        ),
        sections(`*Language talent pools* — one language in detail: ${code('sources go')}`),
        ...sourcing.languagePools.map((pool) => sections(poolText(pool))),
      ],
    },
    delivery,
  );
}

/** One language's talent pool. */
export function buildLanguagePoolMessage(pool: LanguagePool, delivery: Delivery): SlackMessage {
  return buildHireMessage(
    {
      title: `${pool.language} talent pool`,
      fallback: `${esc(pool.language)}: ${pool.industries.map(esc).join(', ')}; ${pool.companies.map(esc).join(', ')}`,
      items: [sections(poolText(pool))],
      buttons: [{ label: 'All sources', actionId: HIRE_ACTIONS.open, value: 'sources' }],
    },
    delivery,
  );
}
