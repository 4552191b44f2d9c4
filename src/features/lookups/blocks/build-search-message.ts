import { buildHireMessage } from '../../../kernel/hire-command/blocks/build-hire-message.js';
import type { Delivery } from '../../../kernel/hire-command/delivery.js';
import { HIRE_ACTIONS } from '../../../kernel/hire-command/hire-command-ids.js';
import type { SearchGroup } from '../../../kernel/knowledge/search/knowledge-lookup.js';
import { sections } from '../../../kernel/slack/blocks/block-kit.js';
import { truncate } from '../../../kernel/slack/blocks/escape-mrkdwn.js';
import type { SlackMessage } from '../../../kernel/slack/blocks/slack-message.js';
import { code, echo, esc } from '../../../kernel/slack/blocks/text.js';
import { addToGlossaryButton } from './add-to-glossary-button.js';

/** Results across every module, grouped by module, each hit with the command that opens it. */
export function buildSearchMessage(
  words: string,
  groups: SearchGroup[],
  delivery: Delivery,
): SlackMessage {
  const total = groups.reduce((n, g) => n + g.hits.length, 0);
  if (total === 0) {
    return buildHireMessage(
      {
        title: 'Search',
        fallback: `Nothing in the guide matches ${echo(words)}.`,
        notice: `Nothing in the guide matches ${echo(words)}.`,
        items: [
          sections(
            `Try fewer or other words, or browse: ${code('glossary')}, ${code('questions senior')}, ${code('help')}.`,
          ),
        ],
        buttons: [addToGlossaryButton(words)],
      },
      delivery,
    );
  }
  const summary = `${total} ${total === 1 ? 'match' : 'matches'} for ${echo(words)} in ${groups.length} ${groups.length === 1 ? 'section' : 'sections'}`;
  return buildHireMessage(
    {
      title: 'Search results',
      fallback: `${summary}: ${groups.map((g) => `${g.label} (${g.hits.length})`).join(', ')}`,
      notice: `${summary}:`,
      items: groups.map((group) =>
        sections(
          [
            `*${esc(group.label)}* (${group.hits.length})`,
            ...group.hits.map((hit) => `• ${esc(truncate(hit.title, 120))} — ${code(hit.command)}`),
          ].join('\n'),
        ),
      ),
    },
    delivery,
  );
}

/** `/hire search` with no words: what to type, with a few searches to start from. */
export function buildSearchPromptMessage(delivery: Delivery): SlackMessage {
  const notice = `What should I look for? For example ${code('search outage')}.`;
  return buildHireMessage(
    {
      title: 'Search',
      fallback: notice,
      notice,
      items: [
        sections(
          'Search looks through every section of the guide at once: the glossary, interview questions, levels, resume flags, mistakes and more.',
        ),
      ],
      buttons: ['outage', 'caching', 'code review'].map((words) => ({
        label: `Search “${words}”`,
        actionId: HIRE_ACTIONS.open,
        value: `search ${words}`,
      })),
    },
    delivery,
  );
}
