import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import { context, header, section } from '../../../kernel/slack/blocks/block-kit.js';
import { escapeMrkdwn } from '../../../kernel/slack/blocks/escape-mrkdwn.js';
import { dateToken, mention } from '../../../kernel/slack/blocks/text.js';
import { REMINDER_HOME_ACTIONS, reminderButtonValue } from '../reminders-ids.js';
import type { Subscription } from '../subscription.js';
import { describeSettings, describeState } from './describe-reminder.js';

export type RemindersHomeInput = {
  /** This page's reminders, newest first. */
  reminders: readonly Subscription[];
  page: number;
  /** Whether the viewer may pause, resume or turn them off (HIRE_ADMINS). */
  canChange: boolean;
  /** Whether reminders of channels the viewer is in are included, or only theirs. */
  memberChannels: boolean;
  /** Some channels could not be checked for the viewer in time (or too many to check). */
  someUnchecked: boolean;
};

/** Blocks around the list: header, the line under it, and the notes at the end. */
const FRAME_BLOCKS = 3;
const MOST_PER_PAGE = 10;

/** How many reminders fit in `maxBlocks` (each is one block, two with its buttons). */
export function remindersPerPage(maxBlocks: number, canChange: boolean): number {
  const each = canChange ? 2 : 1;
  return Math.max(0, Math.min(MOST_PER_PAGE, Math.floor((maxBlocks - FRAME_BLOCKS) / each)));
}

const CHANNEL_ID = /^[CGD][A-Z0-9]{2,40}$/;
const channel = (id: string) => (CHANNEL_ID.test(id) ? `<#${id}>` : escapeMrkdwn(id));

function buttons(sub: Subscription): ActionsBlock {
  const value = reminderButtonValue(sub);
  const button = (text: string, actionId: string, extra: Partial<Button> = {}): Button => ({
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text },
    value,
    ...extra,
  });
  return {
    type: 'actions',
    elements: [
      sub.status === 'paused'
        ? button('Resume channel', REMINDER_HOME_ACTIONS.resume)
        : button('Pause channel', REMINDER_HOME_ACTIONS.pause),
      button('Turn off', REMINDER_HOME_ACTIONS.off, {
        style: 'danger',
        confirm: {
          title: { type: 'plain_text', text: 'Turn off this reminder?' },
          text: {
            type: 'mrkdwn',
            text: `The ${sub.localTime} tips stop in that channel, and the channel is told. Other reminders there stay.`,
          },
          confirm: { type: 'plain_text', text: 'Turn off' },
          deny: { type: 'plain_text', text: 'Keep it' },
        },
      }),
    ],
  };
}

/**
 * The reminders part of someone's Home: each reminder with its channel, schedule, zone and
 * next run, and (for those allowed) buttons doing what `/hire remind` does in that channel.
 */
export function buildRemindersHomeSection(input: RemindersHomeInput): KnownBlock[] {
  const scope = input.memberChannels
    ? 'Reminders you set up, and those of the channels you are in.'
    : 'Reminders you set up.';
  const blocks: KnownBlock[] = [header('Interview-prep reminders')];
  if (input.reminders.length === 0) {
    blocks.push(
      section(
        input.page > 1
          ? 'No more reminders.'
          : 'No reminders yet. In a channel, `/hire remind daily 09:00` posts a tip there every weekday morning.',
      ),
    );
  } else {
    blocks.push(
      context(
        input.canChange
          ? `${scope} Pause and resume act on every reminder of that channel, as \`/hire remind pause\` there does; Turn off stops only that one.`
          : scope,
      ),
    );
    for (const sub of input.reminders) {
      // The next run as a Slack date token, in each reader's own time: the reminder's zone is
      // on the line already, and naming each zone's offset costs more than the rest of the Home.
      blocks.push(
        section(
          `${channel(sub.channelId)} · ${describeSettings(sub)}\n${describeState(sub, dateToken)} · set by ${mention(sub.createdBy)}`,
        ),
      );
      if (input.canChange) blocks.push(buttons(sub));
    }
  }
  const notes: string[] = [];
  if (!input.canChange)
    notes.push('Only the hiring admins set in `HIRE_ADMINS` can change reminders.');
  if (input.someUnchecked)
    notes.push(
      'Some channels could not be checked just now; `/hire remind list` in a channel shows all of its reminders.',
    );
  if (notes.length > 0) blocks.push(context(...notes));
  return blocks;
}
