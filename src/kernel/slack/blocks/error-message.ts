import type { SlackMessage } from './slack-message.js';

const TEXT =
  'Sorry, something went wrong on our side while answering that. Please try again, or run `/hire help`.';

/** What the caller sees when something broke on our side; the details go to the log. */
export const HIRE_ERROR_MESSAGE: SlackMessage = {
  response_type: 'ephemeral',
  text: TEXT,
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `:warning: ${TEXT}` } }],
};

/** The same in a modal: a submission or shortcut whose listener failed. */
export const HIRE_ERROR_MODAL = {
  type: 'modal' as const,
  title: { type: 'plain_text' as const, text: 'hire-bot' },
  close: { type: 'plain_text' as const, text: 'Close' },
  blocks: HIRE_ERROR_MESSAGE.blocks,
};
