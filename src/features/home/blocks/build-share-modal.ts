import type { ModalView } from '@slack/types';
import { section } from '../../../kernel/slack/blocks/block-kit.js';
import { code } from '../../../kernel/slack/blocks/text.js';
import { HOME_SHARE_INPUT, HOME_SHARE_VIEW } from '../home-ids.js';

/** Asks where to share an answer from the Home; private_metadata is its /hire command text. */
export function buildShareModal(command: string): ModalView {
  return {
    type: 'modal',
    callback_id: HOME_SHARE_VIEW,
    private_metadata: command,
    title: { type: 'plain_text', text: 'Share in a channel' },
    submit: { type: 'plain_text', text: 'Share' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      section(
        `Posts the answer to ${code(command)} for everyone in the channel, marked as shared by you.`,
      ),
      {
        type: 'input',
        block_id: HOME_SHARE_INPUT.blockId,
        label: { type: 'plain_text', text: 'Channel' },
        hint: { type: 'plain_text', text: 'hire-bot has to be a member of the channel.' },
        element: {
          type: 'conversations_select',
          action_id: HOME_SHARE_INPUT.actionId,
          placeholder: { type: 'plain_text', text: 'Pick a channel' },
          filter: { include: ['public', 'private'], exclude_bot_users: true },
        },
      },
    ],
  };
}

/** What the modal turns into once the share is done, or why it could not be. */
export function buildShareOutcomeModal(text: string): ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'Share in a channel' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [section(text)],
  };
}
