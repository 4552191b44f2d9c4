import { z } from 'zod';
import { MAX_COMMAND_LENGTH } from '../../kernel/hire-command/parse-args.js';
import {
  defineSubcommand,
  type FollowUpContext,
  slackOnly,
} from '../../kernel/hire-command/subcommand.js';
import { handleRemindSubcommand } from './handle-remind.js';
import { remindDepsOf } from './remind-deps.js';

const remindRequest = z.object({
  kind: z.literal('remind'),
  /** The text after `/hire remind`, read by parse/parse-remind-command.ts. */
  args: z.string().max(MAX_COMMAND_LENGTH),
});

/** `/hire remind …`: a channel's daily interview-prep tips; acts on the channel, after the ack. */
export const remindSubcommand = defineSubcommand({
  name: 'remind',
  aliases: ['remind', 'reminder', 'reminders'],
  help: [
    {
      usage: 'remind …',
      example: 'remind daily 09:00',
      what: 'Daily interview-prep tips in this channel (Slack only).',
    },
  ],
  request: remindRequest,
  read: (args) => ({ kind: 'remind' as const, args }),
  answer: (request) => ({
    followUp: ({ command, respond, client, deps }: FollowUpContext) =>
      handleRemindSubcommand(
        {
          args: request.args,
          userId: command.user_id,
          channelId: command.channel_id,
          teamId: command.team_id,
          client,
          respond,
        },
        remindDepsOf(deps, 'remind-subcommand'),
      ).then(() => undefined),
    elsewhere: slackOnly('remind …'),
  }),
});
