import { sections } from '../../slack/blocks/block-kit.js';
import type { SlackMessage } from '../../slack/blocks/slack-message.js';
import { code, echo, esc } from '../../slack/blocks/text.js';
import type { HelpRequest } from '../help-request.js';
import { HIRE_ACTIONS } from '../hire-command-ids.js';
import type { HelpLine } from '../subcommand.js';
import { buildHireMessage } from './build-hire-message.js';

/** Why help is shown, as an escaped mrkdwn notice (none for a plain `/hire help`). */
function helpNotice(request: HelpRequest): {
  notice?: string;
  suggestion?: { label: string; command: string };
} {
  if (request.tooLong !== undefined)
    return {
      notice: `That command is ${request.tooLong} characters long; /hire commands are short. Here is what works:`,
    };
  if (request.unknown === undefined) return {};
  const suggestion = request.suggestion;
  if (suggestion === undefined)
    return { notice: `I don't know ${echo(request.unknown)}. Here is what works:` };
  const rest = request.unknown.split(' ').slice(1).join(' ');
  const command = rest === '' ? suggestion : `${suggestion} ${rest}`;
  return {
    notice: `I don't know ${echo(request.unknown)}. Did you mean ${code(command)}?`,
    // The label is plain text but still leaves out the user's words; the notice shows them escaped.
    suggestion: { label: `Try /hire ${suggestion}${rest === '' ? '' : ' …'}`, command },
  };
}

/** Usage with examples; also the answer to anything the dispatcher did not understand. */
export function buildHelpMessage(
  request: HelpRequest,
  lines: readonly HelpLine[],
  options: { sharedBy?: string; notice?: string } = {},
): SlackMessage {
  const why = helpNotice(request);
  const notice = options.notice ?? why.notice;
  const usage = lines
    .map((e) => `• ${code(e.usage)} — ${esc(e.what)} _e.g._ ${code(e.example)}`)
    .join('\n');
  const names = [...new Set(lines.map((line) => line.usage.split(' ')[0]))].join(', ');
  return buildHireMessage(
    {
      title: '/hire: the hiring guide at hand',
      fallback: notice ?? `How to use /hire: ${names}.`,
      notice,
      items: [
        sections(usage),
        sections('Answers are private to you; *Share in channel* posts one for everyone.'),
      ],
      buttons:
        why.suggestion === undefined
          ? [
              { label: 'Glossary', actionId: HIRE_ACTIONS.open, value: 'glossary' },
              { label: 'Senior questions', actionId: HIRE_ACTIONS.open, value: 'questions senior' },
            ]
          : [
              {
                label: why.suggestion.label,
                actionId: HIRE_ACTIONS.open,
                value: why.suggestion.command,
              },
            ],
    },
    { command: 'help', sharedBy: options.sharedBy },
  );
}
