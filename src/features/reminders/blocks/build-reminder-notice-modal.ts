import type { ModalView } from '@slack/types';
import type { SlackMessage } from '../../../kernel/slack/blocks/slack-message.js';

/** Slack's block limit for a modal. */
const MODAL_MAX_BLOCKS = 100;

/**
 * What `/hire remind` would have answered privately, for a button pressed in the Home (which
 * has no response_url): shown in a small modal the person closes.
 */
export function buildReminderNoticeModal(message: SlackMessage): ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'Reminders' },
    close: { type: 'plain_text', text: 'OK' },
    blocks: message.blocks.slice(0, MODAL_MAX_BLOCKS),
  };
}
