import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { context } from '../../../kernel/slack/blocks/block-kit.js';
import { truncate } from '../../../kernel/slack/blocks/escape-mrkdwn.js';
import {
  DEFAULT_KIT_MINUTES,
  KIT_LENGTHS,
  MAX_CANDIDATE_LABEL,
  MAX_PANEL,
} from '../kit-request.js';
import { KIT_REQUEST_INPUTS, KIT_REQUEST_VIEW } from '../kits-ids.js';
import type { AreaChoice, LevelChoice } from '../parse-kit-command.js';

const option = (text: string, value: string): PlainTextOption => ({
  text: { type: 'plain_text', text: truncate(text, 75) },
  value,
});

/**
 * The "Build interview kit" modal: the same choices as `/hire kit`, plus the interview time,
 * the panel and a channel. Levels and areas come from the knowledge.
 */
export function buildKitRequestModal(choices: {
  levels: readonly LevelChoice[];
  areas: readonly AreaChoice[];
}): ModalView {
  const lengths = KIT_LENGTHS.map((n) => option(`${n} minutes`, String(n)));
  const blocks: KnownBlock[] = [
    {
      type: 'input',
      block_id: KIT_REQUEST_INPUTS.level.blockId,
      label: { type: 'plain_text', text: 'Level' },
      element: {
        type: 'static_select',
        action_id: KIT_REQUEST_INPUTS.level.actionId,
        options: choices.levels.map((l) => option(l.name, l.id)),
      },
    },
    {
      type: 'input',
      block_id: KIT_REQUEST_INPUTS.minutes.blockId,
      label: { type: 'plain_text', text: 'Length' },
      element: {
        type: 'static_select',
        action_id: KIT_REQUEST_INPUTS.minutes.actionId,
        options: lengths,
        initial_option: lengths[KIT_LENGTHS.indexOf(DEFAULT_KIT_MINUTES)],
      },
    },
    {
      type: 'input',
      block_id: KIT_REQUEST_INPUTS.areas.blockId,
      optional: true,
      label: { type: 'plain_text', text: 'Areas' },
      hint: { type: 'plain_text', text: 'Leave empty for questions balanced over every area.' },
      element: {
        type: 'multi_static_select',
        action_id: KIT_REQUEST_INPUTS.areas.actionId,
        options: choices.areas.map((a) => option(a.name, a.id)),
        placeholder: { type: 'plain_text', text: 'Every area' },
      },
    },
    {
      type: 'input',
      block_id: KIT_REQUEST_INPUTS.label.blockId,
      optional: true,
      label: { type: 'plain_text', text: 'Candidate label' },
      hint: {
        type: 'plain_text',
        text: 'A label such as "Backend #42", not the candidate\'s name. Scorecards are found by it.',
      },
      element: {
        type: 'plain_text_input',
        action_id: KIT_REQUEST_INPUTS.label.actionId,
        max_length: MAX_CANDIDATE_LABEL,
      },
    },
    {
      type: 'input',
      block_id: KIT_REQUEST_INPUTS.interviewAt.blockId,
      optional: true,
      label: { type: 'plain_text', text: 'Interview time' },
      hint: {
        type: 'plain_text',
        text: 'With a time, whoever has not scored two hours after the end gets one reminder.',
      },
      element: { type: 'datetimepicker', action_id: KIT_REQUEST_INPUTS.interviewAt.actionId },
    },
    {
      type: 'input',
      block_id: KIT_REQUEST_INPUTS.panel.blockId,
      optional: true,
      label: { type: 'plain_text', text: 'Panel' },
      hint: {
        type: 'plain_text',
        text: `Up to ${MAX_PANEL} people. Each is sent the questions they ask.`,
      },
      element: {
        type: 'multi_users_select',
        action_id: KIT_REQUEST_INPUTS.panel.actionId,
        max_selected_items: MAX_PANEL,
      },
    },
    {
      type: 'input',
      block_id: KIT_REQUEST_INPUTS.channel.blockId,
      optional: true,
      label: { type: 'plain_text', text: 'Post it in' },
      hint: {
        type: 'plain_text',
        text: 'Leave empty to get the kit privately. The bot must be a member of the channel.',
      },
      element: {
        type: 'conversations_select',
        action_id: KIT_REQUEST_INPUTS.channel.actionId,
        filter: { include: ['public', 'private'], exclude_bot_users: true },
      },
    },
    {
      type: 'input',
      block_id: KIT_REQUEST_INPUTS.thread.blockId,
      optional: true,
      label: { type: 'plain_text', text: 'Thread' },
      element: {
        type: 'checkboxes',
        action_id: KIT_REQUEST_INPUTS.thread.actionId,
        options: [
          {
            text: { type: 'plain_text', text: 'Post the kit in a thread of its own' },
            description: {
              type: 'plain_text',
              text: "The panel's scoring progress then stays in that thread.",
            },
            value: 'thread',
          },
        ],
      },
    },
    context(
      'Only the label identifies the candidate: keep names and personal details out. A channel shared with another organisation gets no kit: it comes to you privately instead.',
    ),
  ];
  return {
    type: 'modal',
    callback_id: KIT_REQUEST_VIEW,
    title: { type: 'plain_text', text: 'Build interview kit' },
    submit: { type: 'plain_text', text: 'Build' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks,
  };
}
