import { z } from 'zod';
import { deliveryOf } from '../../kernel/hire-command/delivery.js';
import { pageSchema, takePage } from '../../kernel/hire-command/parse-args.js';
import { defineSubcommand, reply, slackOnly } from '../../kernel/hire-command/subcommand.js';
import { buildFlagsMessage } from './blocks/build-flags-message.js';
import { listRecentFlags } from './flags-recent.js';

const flagsRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('flags'), page: pageSchema }),
  z.object({ kind: z.literal('flags-recent') }),
]);

/** `/hire flags`: the guide's green and yellow flags; `flags recent`: this channel's reviews. */
export const flagsSubcommand = defineSubcommand({
  name: 'flags',
  aliases: ['flags', 'flag', 'resume flags'],
  help: [
    { usage: 'flags', example: 'flags', what: 'Green and yellow resume flags.' },
    {
      usage: 'flags recent',
      example: 'flags recent',
      what: 'Resumes recently checked in this channel (Slack only).',
    },
  ],
  request: flagsRequest,
  read(args) {
    const { rest, page } = takePage(args);
    return /^(?:recent|recents|latest|history)$/i.test(rest)
      ? { kind: 'flags-recent' as const }
      : { kind: 'flags' as const, page };
  },
  answer(request, ctx) {
    if (request.kind === 'flags-recent')
      return {
        followUp: listRecentFlags,
        elsewhere: slackOnly('flags recent'),
      };
    return reply(
      buildFlagsMessage(ctx.knowledge.resumeFlags.flags, deliveryOf(ctx, 'flags', request.page)),
    );
  },
});
