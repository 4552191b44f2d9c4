import { ACTIONS } from '../../slack-ids.js';
import { sections } from '../slack/blocks/block-kit.js';
import type { SlackMessage } from '../slack/blocks/slack-message.js';
import { code, esc } from '../slack/blocks/text.js';
import { HELP_ENTRIES } from './help-entries.js';
import { buildHireMessage, type Delivery } from './hire-message.js';

export type HelpOptions = {
  /** Escaped mrkdwn shown first: why help is shown (unknown subcommand, too long…). */
  notice?: string;
  /** A command to try instead, offered as a button ("did you mean"). */
  suggestion?: { label: string; command: string };
};

/** Usage with examples; also the answer to anything the parser did not understand. */
export function buildHelpMessage(options: HelpOptions, delivery: Delivery): SlackMessage {
  const usage = HELP_ENTRIES.map(
    (e) => `• ${code(e.usage)} — ${esc(e.what)} _e.g._ ${code(e.example)}`,
  ).join('\n');
  return buildHireMessage(
    {
      title: '/hire: the hiring guide at hand',
      fallback:
        options.notice ??
        'How to use /hire: glossary, questions, levels, expectations, flags, mistakes, sources, market, compare, skills, search.',
      notice: options.notice,
      items: [
        sections(usage),
        sections('Answers are private to you; *Share in channel* posts one for everyone.'),
      ],
      buttons:
        options.suggestion === undefined
          ? [
              { label: 'Glossary', actionId: ACTIONS.open, value: 'glossary' },
              { label: 'Senior questions', actionId: ACTIONS.open, value: 'questions senior' },
            ]
          : [
              {
                label: options.suggestion.label,
                actionId: ACTIONS.open,
                value: options.suggestion.command,
              },
            ],
    },
    delivery,
  );
}
