import type { HomeView, ModalView } from '@slack/types';
import { sections } from '../blocks/block-kit.js';
import type { SlackMessage } from '../blocks/slack-message.js';

const TITLE = 'hire-bot is for the hiring team of this workspace.';
const WHY =
  'It is not open to guests or to people from other organisations. If you think you should have access, ask someone on the hiring team.';

/** The one answer someone outside the hiring team gets, whatever they asked for. */
export const REFUSAL_MESSAGE: SlackMessage = {
  response_type: 'ephemeral',
  text: TITLE,
  blocks: sections(`:lock: *${TITLE}*\n${WHY}`),
};

/** What `/hire help` shows someone outside the hiring team: what they may use (help alone). */
export const REFUSAL_HELP_MESSAGE: SlackMessage = {
  response_type: 'ephemeral',
  text: TITLE,
  blocks: sections(
    `:lock: *${TITLE}*\n${WHY}\n\nWhat you can use here: \`/hire help\`, this message.`,
  ),
};

export const REFUSAL_MODAL: ModalView = {
  type: 'modal',
  title: { type: 'plain_text', text: 'hire-bot' },
  close: { type: 'plain_text', text: 'Close' },
  blocks: REFUSAL_MESSAGE.blocks,
};

export const REFUSAL_HOME: HomeView = { type: 'home', blocks: REFUSAL_MESSAGE.blocks };
